//! Snapshots of the test files `scaffold` writes for each valid issue of the corpus, and
//! for the fixture that reaches what the corpus does not (named models, 422 as the input status,
//! nested objects, arrays of enums, a query on a body endpoint).
//!
//! Every snapshot is reviewed as code: it is what a user runs, reads and finishes.

mod common;

use common::{corpus_files, corpus_source, fixture, load};
use contract_core::Contract;
use contract_core::expand::PlannedFile;
use contract_core::expand::test_files::{TEST_BINARY_ROOT, plan_tests};

fn plan(contracts: &[Contract]) -> Vec<PlannedFile> {
    plan_tests(contracts, "demo").unwrap_or_else(|diagnostics| panic!("{diagnostics}"))
}

/// The files as one text, each under a line naming its path and owner. The files every crate
/// gets alike are left out; `support_and_common` has them.
fn render(files: &[PlannedFile]) -> String {
    let mut out = String::new();
    for file in files {
        if SHARED.contains(&file.path.as_str()) {
            continue;
        }
        out.push_str(&format!(
            "==> {} ({:?})\n{}\n",
            file.path, file.ownership, file.contents
        ));
    }
    out
}

const SHARED: [&str; 4] = [
    "tests/common/mod.rs",
    "tests/endpoints/contract/mod.rs",
    "tests/endpoints/main.rs",
    "tests/endpoints/support/mod.rs",
];

#[test]
fn every_valid_issue_gets_its_reviewed_tests() {
    for name in corpus_files("valid") {
        let contracts = load(&[corpus_source("valid", &name)]);
        let snapshot = format!("tests-{}", name.trim_end_matches(".md"));
        insta::assert_snapshot!(snapshot, render(&plan(&contracts)));
    }
}

#[test]
fn what_the_corpus_does_not_reach() {
    let contracts = load(&[fixture("expand/boards.md")]);
    insta::assert_snapshot!(render(&plan(&contracts)));
}

#[test]
fn support_and_common() {
    let name = "01-add-book.md";
    let contracts = load(&[corpus_source("valid", name)]);
    let files = plan(&contracts);
    let shared: Vec<&PlannedFile> = files
        .iter()
        .filter(|f| SHARED.contains(&f.path.as_str()))
        .collect();
    let mut out = String::new();
    for file in shared {
        out.push_str(&format!(
            "==> {} ({:?})\n{}\n",
            file.path, file.ownership, file.contents
        ));
    }
    insta::assert_snapshot!(out);
}

/// The file a skeleton is appended to holds exactly the tests `append_missing` finds in it.
#[test]
fn skeleton_files_split_into_their_tests() {
    use contract_core::expand::Ownership;
    use contract_core::expand::test_append::{ItemKind, fn_names, planned_items};
    for name in corpus_files("valid") {
        let contracts = load(&[corpus_source("valid", &name)]);
        for file in plan(&contracts) {
            if file.ownership != Ownership::AppendOnly {
                continue;
            }
            let items = planned_items(&file.contents);
            if file.path == TEST_BINARY_ROOT {
                assert!(items.iter().all(|i| i.kind == ItemKind::Module));
                let rebuilt: String = items.iter().map(|i| i.text.as_str()).collect();
                // `tests/common/mod.rs`, by a path relative to `tests/endpoints/`.
                let shared = "#[path = \"../common/mod.rs\"]\nmod common;\n";
                assert!(rebuilt.contains(shared), "{rebuilt}");
                continue;
            }
            assert!(items.iter().all(|i| i.kind == ItemKind::Test));
            let names: Vec<String> = items.iter().map(|i| i.name.clone()).collect();
            assert_eq!(names, fn_names(&file.contents), "{}", file.path);
            let rebuilt: String = items.iter().map(|i| format!("\n{}", i.text)).collect();
            assert!(file.contents.ends_with(&rebuilt), "{}", file.path);
        }
    }
}

fn file<'a>(files: &'a [PlannedFile], path: &str) -> &'a str {
    files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.contents.as_str())
        .unwrap_or_else(|| panic!("{path} is not planned"))
}

/// The issue's "done when", as far as text shows it (the e2e test runs them): `01-add-book.md`
/// alone gets at least six derived 400 tests and an ignored 409 skeleton, `05-delete-review.md` a
/// 401 test.
#[test]
fn done_when_the_add_book_and_delete_review_tests_are_there() {
    use contract_core::expand::test_append::fn_names;
    let name = "01-add-book.md";
    let files = plan(&load(&[corpus_source("valid", name)]));
    let derived = fn_names(file(&files, "tests/endpoints/contract/create_book.rs"));
    let bad_requests = derived.iter().filter(|n| n.starts_with("create_book_400_"));
    assert!(bad_requests.count() >= 6, "{derived:?}");
    for test in [
        "create_book_400_malformed_json",
        "create_book_400_missing_isbn",
        "create_book_400_missing_title",
        "create_book_400_isbn_not_a_string",
        "create_book_400_title_not_a_string",
        "create_book_400_edition_not_a_number",
    ] {
        assert!(derived.iter().any(|n| n == test), "{test}: {derived:?}");
    }
    // `edition` is optional: no test leaves it out.
    assert!(
        !derived
            .iter()
            .any(|n| n == "create_book_400_missing_edition")
    );
    let skeletons = file(&files, "tests/endpoints/create_book.rs");
    let at = skeletons
        .find("async fn create_book_409_isbn_already_in_catalogue()")
        .expect("the 409 skeleton");
    let attributes = skeletons[..at].rsplit("\n\n").next().unwrap_or_default();
    assert!(attributes.contains("#[ignore = \""), "{attributes}");

    let name = "05-delete-review.md";
    let files = plan(&load(&[corpus_source("valid", name)]));
    let derived = fn_names(file(&files, "tests/endpoints/contract/delete_review.rs"));
    assert!(
        derived
            .iter()
            .any(|n| n == "delete_review_401_missing_token")
    );
}

/// In an issue with two endpoints, a Business Logic item naming a status goes to the endpoint
/// that lists it only.
#[test]
fn rules_go_to_the_endpoints_whose_statuses_they_name() {
    use contract_core::expand::test_append::fn_names;
    let name = "07-catalogue-imports.md";
    let files = plan(&load(&[corpus_source("valid", name)]));
    let create = fn_names(file(&files, "tests/endpoints/create_import.rs"));
    for rule in [
        "create_import_413_no_more_than_5000_records_in_one_batch",
        "create_import_422_listprice_above_zero_and_copies_zero_or_more",
    ] {
        assert!(create.iter().any(|n| n == rule), "{rule}: {create:?}");
    }
    let get = fn_names(file(&files, "tests/endpoints/get_import.rs"));
    assert_eq!(
        get,
        ["get_import_succeeds", "get_import_404_batch_not_found"]
    );
}

/// An endpoint the contract alone refuses nothing of (no body, query or token, and every method
/// of its path served) gets a module without tests, and without the `use` lines that would then
/// warn in the user's build (a random contract found it).
#[test]
fn an_endpoint_with_nothing_to_refuse_gets_a_module_without_imports() {
    let mut block = String::new();
    for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
        block.push_str(&format!(
            "{method} /api/pings\nOperation: ping_{method}\n\n"
        ));
    }
    let issue = format!("# Pings\n\n**API Contract:**\n```\n{block}```\n");
    let files = plan(&load(&[contract_core::Source::new("pings.md", issue)]));
    let get = file(&files, "tests/endpoints/contract/ping_get.rs");
    assert!(
        get.contains("its contract alone refuses no request"),
        "{get}"
    );
    assert!(!get.contains("use ") && !get.contains("fn "), "{get}");
}
