//! The shared contract corpus (`../shared/contracts`): every valid issue checks into the model its
//! snapshot shows, and every invalid one is refused at the place its README names.

mod common;

use std::sync::Arc;

use common::{corpus_files as files, corpus_text};
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

#[test]
fn every_valid_issue_checks_into_its_reviewed_model() {
    let names = files("valid");
    assert!(names.len() >= 8, "corpus missing: {names:?}");
    for name in names {
        let contracts = load_sources(&[source("valid", &name)])
            .unwrap_or_else(|d| panic!("valid/{name} was refused:\n{d}"));
        insta::assert_json_snapshot!(format!("valid-{name}"), contracts[0]);
    }
}

#[test]
fn all_valid_issues_check_together() {
    let sources: Vec<_> = files("valid").iter().map(|n| source("valid", n)).collect();
    let contracts = load_sources(&sources).unwrap_or_else(|d| panic!("{d}"));
    let endpoints: usize = contracts.iter().map(|c| c.endpoints.len()).sum();
    assert_eq!(endpoints, 9);
}

#[test]
fn create_user_has_the_shape_the_issue_describes() {
    let contract = &load_sources(&[source("valid", "01-create-user.md")]).unwrap()[0];
    assert_eq!(contract.endpoints.len(), 1);
    let endpoint = &contract.endpoints[0];
    assert_eq!(
        (endpoint.method.as_str(), endpoint.path.as_str()),
        ("POST", "/api/users")
    );
    let statuses: Vec<u16> = endpoint.errors.iter().map(|e| e.status).collect();
    assert_eq!(statuses, [400, 409]);
    let Some(contract_core::model::Type::Object { fields }) = &endpoint.request else {
        panic!("request should be an object");
    };
    let fields: Vec<(&str, bool)> = fields
        .iter()
        .map(|f| (f.name.as_str(), f.optional))
        .collect();
    assert_eq!(fields, [("email", false), ("name", false), ("age", true)]);
}

/// Each invalid file, the line its README names, and words the message must contain.
const INVALID: &[(&str, usize, &str)] = &[
    ("bad-front-matter.md", 1, "front matter"),
    ("bad-status.md", 10, "is not a number"),
    ("duplicate-field.md", 8, "field `name` appears twice"),
    ("no-contract.md", 1, "API Contract"),
    ("path-param-mismatch.md", 7, "appears twice in one path"),
    ("unclosed-brace.md", 8, "unclosed `{`"),
    ("unknown-method.md", 7, "unknown HTTP method `FETCH`"),
    ("unknown-type.md", 8, "unknown type `strng`"),
];

#[test]
fn every_invalid_issue_is_refused_where_its_readme_says() {
    let names = files("invalid");
    assert_eq!(
        names.len(),
        INVALID.len(),
        "a new invalid file needs a row here: {names:?}"
    );
    for (name, line, words) in INVALID {
        let diagnostics = refused(name);
        let first = diagnostics.iter().next().unwrap();
        assert!(first.message.contains(words), "{name}: {diagnostics}");
        let at = first.line_col();
        if *name == "bad-front-matter.md" {
            assert!((1..=4).contains(&at.line), "{name}: {diagnostics}");
        } else {
            assert_eq!(at.line, *line, "{name}: {diagnostics}");
        }
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
