//! Snapshots of what `scaffold` writes for each valid issue of the corpus, and for issues
//! written here to reach what the corpus does not (named models, top-level arrays, `any`).
//!
//! Every snapshot is reviewed as code: it is what a user reads and builds on.

mod common;

use common::{corpus_files, corpus_source, fixture, load};
use contract_core::Contract;
use contract_core::expand::{HandlerStyle, Ownership, PlanOptions, PlannedFile, plan};

/// The planned files as one text, each under a line naming its path and owner. The files every
/// crate gets alike (state, crate files) are left out; `crate_files` has them.
fn render(files: &[PlannedFile], skip_common: bool) -> String {
    let common = [
        "src/state.rs",
        "Cargo.toml",
        ".gitignore",
        "src/lib.rs",
        "src/main.rs",
    ];
    let mut out = String::new();
    for file in files {
        if skip_common && common.contains(&file.path.as_str()) {
            continue;
        }
        let owner = match file.ownership {
            Ownership::Generated => "generated",
            Ownership::UserOwned => "user-owned",
            Ownership::AppendOnly => "user-owned, appended to",
        };
        out.push_str(&format!("==> {} ({owner})\n{}\n", file.path, file.contents));
    }
    out
}

fn plan_ok(contracts: &[Contract], options: &PlanOptions) -> Vec<PlannedFile> {
    match plan(contracts, options) {
        Ok(files) => files,
        Err(diagnostics) => panic!("{diagnostics}"),
    }
}

#[test]
fn every_valid_issue_scaffolds_into_its_reviewed_code() {
    for name in corpus_files("valid") {
        let contracts = load(&[corpus_source("valid", &name)]);
        let files = plan_ok(&contracts, &PlanOptions::default());
        let snapshot = name.trim_end_matches(".md").to_string();
        insta::assert_snapshot!(snapshot, render(&files, true));
    }
}

/// Named models (defined and external), a top-level array, keywords, a quoted key, enums in an
/// array, a status without a reason phrase, several path parameters, 201 and 204.
#[test]
fn what_the_corpus_does_not_reach() {
    let contracts = load(&[fixture("expand/boards.md")]);
    let files = plan_ok(&contracts, &PlanOptions::default());
    insta::assert_snapshot!(render(&files, true));
}

/// `scaffold --expand`: the handlers as the code `#[contract]` expands to.
#[test]
fn expanded_handlers() {
    let contracts = load(&[corpus_source("valid", "01-add-book.md")]);
    let options = PlanOptions {
        handlers: HandlerStyle::Expanded,
        ..PlanOptions::default()
    };
    let files = plan_ok(&contracts, &options);
    let routes: Vec<PlannedFile> = files
        .into_iter()
        .filter(|f| f.path == "src/routes/books.rs")
        .collect();
    insta::assert_snapshot!(render(&routes, false));
}

#[test]
fn crate_files() {
    let contracts = load(&[corpus_source("valid", "01-add-book.md")]);
    let options = PlanOptions {
        new_crate: Some("demo".to_string()),
        ..PlanOptions::default()
    };
    let files = plan_ok(&contracts, &options);
    let common: Vec<PlannedFile> = files
        .into_iter()
        .filter(|f| {
            [
                "src/state.rs",
                "Cargo.toml",
                ".gitignore",
                "src/lib.rs",
                "src/main.rs",
            ]
            .contains(&f.path.as_str())
        })
        .collect();
    insta::assert_snapshot!(render(&common, false));
}
