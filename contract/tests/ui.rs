//! trybuild: every valid issue of the corpus (`tests/contracts/`) compiles under `#[contract]` (one binary, as
//! each pass case links its own), and each check of the attribute and each invalid issue fails
//! with its reviewed `.stderr`.
//!
//! trybuild builds the cases in a project of its own, `<target>/tests/trybuild/contract/`, which
//! is the cases' `CARGO_MANIFEST_DIR`. The issue files are copied into its `issues/` first, so the
//! cases read like user code: `#[contract("issues/valid/01-add-book.md")]`.

use std::path::{Path, PathBuf};

fn copy_issues(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("the trybuild project's issues directory");
    for entry in std::fs::read_dir(from).expect("an issue directory") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|x| x == "md") {
            std::fs::copy(&path, to.join(path.file_name().expect("a file name")))
                .expect("copy an issue");
        }
    }
}

/// Where trybuild puts its project: beside `CARGO_TARGET_TMPDIR`, which cargo sets to
/// `<target>/tmp` for integration tests.
fn trybuild_project() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target directory")
        .join("tests/trybuild/contract")
}

#[test]
fn ui() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let issues = trybuild_project().join("issues");
    let corpus = contract_corpus::root();
    copy_issues(&corpus.join("valid"), &issues.join("valid"));
    copy_issues(&corpus.join("invalid"), &issues.join("invalid"));
    copy_issues(
        &contract_corpus::documents::dir(),
        &issues.join("documents"),
    );
    copy_issues(&here.join("../examples/add-comment/issues"), &issues);
    copy_issues(
        &here.join("../contract-core/tests/fixtures/expand"),
        &issues,
    );

    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
