//! The contract corpus (`tests/contracts/`): every valid issue checks into the model its snapshot
//! shows, and every invalid one is refused at the place its README names.

mod common;

use std::sync::Arc;

use common::{corpus_files as files, corpus_text};
use contract_core::model::Type;
use contract_core::{Diagnostics, Source, load_sources};

/// A corpus file under `contracts/KIND/NAME`, the name its snapshots show.
fn source(kind: &str, name: &str) -> Arc<Source> {
    Source::new(format!("contracts/{kind}/{name}"), corpus_text(kind, name))
}

fn refused(name: &str) -> Diagnostics {
    match load_sources(&[source("invalid", name)]) {
        Ok(_) => panic!("invalid/{name} was accepted"),
        Err(diagnostics) => diagnostics,
    }
}

fn valid(name: &str) -> contract_core::Contract {
    load_sources(&[source("valid", name)])
        .unwrap_or_else(|d| panic!("valid/{name} was refused:\n{d}"))
        .remove(0)
}

#[test]
fn every_valid_issue_checks_into_its_reviewed_model() {
    let names = files("valid");
    assert!(names.len() >= 8, "corpus missing: {names:?}");
    for name in names {
        insta::assert_json_snapshot!(format!("valid-{name}"), valid(&name));
    }
}

#[test]
fn all_valid_issues_check_together() {
    let sources: Vec<_> = files("valid").iter().map(|n| source("valid", n)).collect();
    let contracts = load_sources(&sources).unwrap_or_else(|d| panic!("{d}"));
    let per_file: Vec<usize> = contracts.iter().map(|c| c.endpoints.len()).collect();
    // 00 to 06 one each; 07 two; 10 two; 11 three; 12, 13, 14, 15 two each; 16 three; 17 five;
    // 18 one.
    assert_eq!(
        per_file,
        [1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 2, 2, 2, 2, 3, 5, 1]
    );
    assert_eq!(per_file.iter().sum::<usize>(), 31);
}

#[test]
fn add_book_has_the_shape_the_issue_describes() {
    let contract = valid("01-add-book.md");
    assert_eq!(contract.endpoints.len(), 1);
    let endpoint = &contract.endpoints[0];
    assert_eq!(
        (endpoint.method.as_str(), endpoint.path.as_str()),
        ("POST", "/api/books")
    );
    assert_eq!(endpoint.name, "create_book");
    let errors: Vec<(u16, &str)> = endpoint
        .errors
        .iter()
        .map(|e| (e.status, e.message.as_str()))
        .collect();
    assert_eq!(
        errors,
        [(400, "Bad request"), (409, "ISBN already in the catalogue")]
    );
    let Some(Type::Object { fields }) = &endpoint.request else {
        panic!("request should be an object");
    };
    let fields: Vec<(&str, bool, &Type)> = fields
        .iter()
        .map(|f| (f.name.as_str(), f.optional, &f.ty))
        .collect();
    let string = Type::STRING;
    assert_eq!(
        fields,
        [
            ("isbn", false, &string),
            ("title", false, &string),
            ("edition", true, &Type::NUMBER)
        ]
    );
    assert_eq!(endpoint.response.status, 200);
}

/// Method, path, operation name and success status of every endpoint, as the issues write them.
#[test]
fn every_endpoint_has_its_method_path_name_and_status() {
    let sources: Vec<_> = files("valid").iter().map(|n| source("valid", n)).collect();
    let contracts = load_sources(&sources).unwrap_or_else(|d| panic!("{d}"));
    let endpoints: Vec<String> = contracts
        .iter()
        .flat_map(|c| &c.endpoints)
        .map(|e| {
            let body = if e.response.body.is_some() {
                ""
            } else {
                " (no body)"
            };
            format!(
                "{} {} -> {} {}{body}",
                e.method, e.path, e.name, e.response.status
            )
        })
        .collect();
    assert_eq!(
        endpoints,
        [
            "POST /api/endpoint -> endpoint 200",
            "POST /api/books -> create_book 200",
            "GET /api/books/:id -> get_book 200",
            "GET /api/loans -> list_loans 200",
            "PATCH /api/members/{memberId} -> update_member 200",
            "DELETE /api/reviews/:id -> delete_review 204 (no body)",
            "POST /api/auth/login -> login 200",
            "POST /api/catalogue/imports -> create_import 202",
            "GET /api/catalogue/imports/:batchId -> get_import 200",
            "POST /api/books/{book_id}/holds -> create_book_hold 201",
            "DELETE /api/holds/:holdId -> delete_hold 204 (no body)",
            "GET /api/branches/{branch_id}/hours -> list_branch_hours 200",
            "HEAD /api/branches/{branch_id} -> head_branches 200 (no body)",
            "OPTIONS /api/branches -> options_branches 204 (no body)",
            "GET /api/branches/{branch_id}/shelves -> list_branch_shelves 200",
            // The rule's singular of `shelves` is `shelve` (docs/contract-format.md, "Names").
            "GET /api/shelves/{shelfId}/books -> list_shelve_books 200",
            "POST /api/loans/:loanId/return -> return_loan 201",
            "GET /api/loans/:loanId/receipt -> get_loan_receipt 200",
            "PUT /api/fines/{fineId} -> update_fine 201",
            "POST /api/fines/{fineId}/payments -> create_fine_payment 201",
            "GET /api/members/{memberId}/preferences -> list_member_preferences 200",
            "PUT /api/members/{memberId}/preferences -> replace_member_preferences 204 (no body)",
            "POST /api/books/:bookId/reviews -> create_book_review 201",
            "GET /api/books/:bookId/reviews -> list_book_reviews 200",
            "POST /api/reviews/:reviewId/flags -> create_review_flag 201",
            "POST /api/members/{memberId}/cards -> create_member_card 200",
            "GET /api/members/{memberId}/cards -> list_member_cards 200",
            "PATCH /api/members/{memberId}/cards/{cardId} -> update_member_card 200",
            "POST /api/members/{memberId}/cards/{cardId}/freeze -> freeze_card 202",
            "POST /api/members/{memberId}/guest-passes -> create_member_guest_pass 201",
            "POST /api/analytics/checkouts -> create_checkout 202 (no body)",
        ]
    );
}

#[test]
fn every_invalid_issue_is_refused_where_its_readme_says() {
    let refusals = contract_corpus::refusals();
    assert_eq!(
        refusals.len(),
        files("invalid").len(),
        "every invalid file needs a row in tests/contracts/README.md"
    );
    for refusal in refusals {
        let name = &refusal.file;
        let diagnostics = refused(name);
        let first = diagnostics.iter().next().unwrap();
        assert!(
            first.message.contains(&refusal.message),
            "{name}: the first message should contain {:?}:\n{diagnostics}",
            refusal.message
        );
        let at = first.line_col();
        assert!(
            refusal.lines.contains(&at.line),
            "{name}: the first diagnostic should be on line {:?}:\n{diagnostics}",
            refusal.lines
        );
        insta::assert_snapshot!(format!("invalid-{name}"), diagnostics.render(false));
    }
}

#[test]
fn bad_status_reports_both_statuses() {
    let diagnostics = refused("bad-status.md");
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        ["`4O9` is not a number", "700 is not an HTTP status"]
    );
}

#[test]
fn unknown_method_points_at_column_one_and_unknown_type_suggests_string() {
    let at = refused("unknown-method.md")
        .iter()
        .next()
        .unwrap()
        .line_col();
    assert_eq!((at.line, at.column), (7, 1));
    let unknown_type = refused("unknown-type.md");
    let diagnostic = unknown_type.iter().next().unwrap();
    assert_eq!(diagnostic.help.as_deref(), Some("did you mean `string`?"));
}

/// A duplicate points at the second place and shows the first.
#[test]
fn duplicates_show_both_places() {
    for (name, second, first) in [
        ("duplicate-field.md", (8, 43), (8, 12)),
        ("duplicate-error-status.md", (12, 3), (10, 3)),
        ("duplicate-route.md", (10, 1), (7, 1)),
        ("duplicate-operation-name.md", (10, 1), (7, 1)),
        ("rust-name-collision.md", (8, 43), (8, 26)),
    ] {
        let diagnostics = refused(name);
        assert_eq!(diagnostics.len(), 1, "{name}: {diagnostics}");
        let d = diagnostics.iter().next().unwrap();
        let at = d.line_col();
        assert_eq!((at.line, at.column), second, "{name}: {diagnostics}");
        let shown: Vec<(usize, usize)> = d
            .secondary
            .iter()
            .map(|label| {
                let at = label.source.line_col(label.span.start);
                (at.line, at.column)
            })
            .collect();
        assert_eq!(shown, [first], "{name}: {diagnostics}");
    }
    let route = refused("duplicate-route.md");
    assert_eq!(
        route.iter().next().unwrap().message,
        "`GET /api/shelves/{id}` is defined twice"
    );
}

/// An unclosed string or bracket, and text the grammar does not know, point at the right column.
#[test]
fn unclosed_and_unknown_text_point_at_the_right_column() {
    for (name, at) in [
        ("unterminated-string.md", (9, 16)),
        ("unclosed-brace.md", (8, 10)),
        ("unknown-line.md", (9, 1)),
        ("request-before-endpoint.md", (7, 1)),
        ("missing-path.md", (7, 4)),
        ("relative-path.md", (7, 6)),
        ("invalid-path-param.md", (7, 19)),
    ] {
        let diagnostics = refused(name);
        let first = diagnostics.iter().next().unwrap().line_col();
        assert_eq!((first.line, first.column), at, "{name}: {diagnostics}");
    }
}
