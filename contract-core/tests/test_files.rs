//! Snapshots of the test files `scaffold` writes for each valid issue of the shared corpus, and
//! for the fixture that reaches what the corpus does not (named models, 422 as the input status,
//! nested objects, arrays of enums, a query on a body endpoint).
//!
//! Every snapshot is reviewed as code: it is what a user runs, reads and finishes.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use contract_core::expand::PlannedFile;
use contract_core::expand::test_files::plan_tests;
use contract_core::{Contract, Source, load_sources};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/contracts/valid")
}

fn valid_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .expect("the shared corpus is beside the workspace")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".md") && name != "README.md")
        .collect();
    names.sort();
    names
}

fn load(path: &Path, name: &str) -> Vec<Contract> {
    let text = std::fs::read_to_string(path).expect("issue file");
    let sources: Vec<Arc<Source>> = vec![Source::new(name, text)];
    load_sources(&sources).unwrap_or_else(|diagnostics| panic!("{diagnostics}"))
}

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

const SHARED: [&str; 2] = ["tests/support/mod.rs", "tests/common/mod.rs"];

#[test]
fn every_valid_issue_gets_its_reviewed_tests() {
    for name in valid_files() {
        let contracts = load(&corpus().join(&name), &name);
        let snapshot = format!("tests-{}", name.trim_end_matches(".md"));
        insta::assert_snapshot!(snapshot, render(&plan(&contracts)));
    }
}

#[test]
fn what_the_corpus_does_not_reach() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/expand/boards.md");
    let contracts = load(&path, "boards.md");
    insta::assert_snapshot!(render(&plan(&contracts)));
}

#[test]
fn support_and_common() {
    let name = "01-create-user.md";
    let contracts = load(&corpus().join(name), name);
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
    use contract_core::expand::test_append::{fn_names, test_functions};
    for name in valid_files() {
        let contracts = load(&corpus().join(&name), &name);
        for file in plan(&contracts) {
            if file.ownership != Ownership::AppendOnly {
                continue;
            }
            let tests = test_functions(&file.contents);
            let names: Vec<String> = tests.iter().map(|(n, _)| n.clone()).collect();
            assert_eq!(names, fn_names(&file.contents), "{}", file.path);
            let rebuilt: String = tests.iter().map(|(_, t)| format!("\n{t}")).collect();
            assert!(file.contents.ends_with(&rebuilt), "{}", file.path);
        }
    }
}
