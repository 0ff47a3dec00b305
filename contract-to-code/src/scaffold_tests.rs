//! The test side of `scaffold`: which library the tests reach the app through, the
//! test functions already in `tests/`, `--check`'s report of contract statuses nothing tests, and
//! the notice about the dev-dependency tests need in a crate scaffold did not create.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use contract_core::Contract;
use contract_core::expand::test_append::{fn_names_ignored, required_tests};
use contract_core::expand::test_support::DEV_DEPENDENCY;

use crate::manifest::Manifest;

/// Whether tests are planned, and for which library.
#[derive(Debug, PartialEq, Eq)]
pub enum TestTarget {
    /// The crate's library, by its package name: tests reach the app through it.
    Library(String),
    /// No tests: why not, for a notice.
    Skipped(String),
}

/// The library tests use: the new crate's package, or the existing crate's `[lib]` or
/// `[package]` name when it has a `src/lib.rs` (integration tests can only reach a library).
pub fn target(root: &Path, new_crate: Option<&str>) -> TestTarget {
    if let Some(package) = new_crate {
        return TestTarget::Library(package.to_string());
    }
    if !root.join("src/lib.rs").is_file() {
        return TestTarget::Skipped(
            "the crate has no src/lib.rs, and tests in tests/ can only reach the app through a \
             library: add one declaring `pub mod models; pub mod routes; pub mod services; pub mod state;`"
                .to_string(),
        );
    }
    match Manifest::read(&root.join("Cargo.toml")).and_then(|m| m.library_name()) {
        Some(name) => TestTarget::Library(name),
        None => TestTarget::Skipped(
            "Cargo.toml names no package (a workspace root?): run scaffold on the member crate"
                .to_string(),
        ),
    }
}

/// The functions in every `.rs` file under `tests/`, each with whether every function of that
/// name is `#[ignore]`d: a test counts wherever a person moved it.
pub fn test_names(root: &Path) -> BTreeMap<String, bool> {
    let mut names: BTreeMap<String, bool> = BTreeMap::new();
    let mut dirs = vec![root.join("tests")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap_or_default();
                for (name, ignored) in fn_names_ignored(&text) {
                    *names.entry(name).or_insert(true) &= ignored;
                }
            }
        }
    }
    names
}

/// What `--check` found of the contract statuses' tests.
#[derive(Clone, Copy, Debug, Default)]
pub struct Coverage {
    /// Statuses no test is named after.
    pub untested: usize,
    /// Statuses whose every test is `#[ignore]`d (right after scaffolding, every one that needs
    /// state: its skeleton is ignored until a person writes it).
    pub ignored: usize,
}

/// `--check`: prints a line for each contract status no test in `tests/` covers (by the name
/// `<operation>_<status>...`), and for each whose only tests are `#[ignore]`d, and counts both.
pub fn report_untested(root: &Path, contracts: &[Contract]) -> Coverage {
    let names = test_names(root);
    let mut coverage = Coverage::default();
    for required in required_tests(contracts) {
        let mut covering = names
            .iter()
            .filter(|(name, _)| required.covered_by(name))
            .peekable();
        if covering.peek().is_some() {
            if covering.clone().all(|(_, ignored)| *ignored) {
                let tests: Vec<&str> = covering.map(|(name, _)| name.as_str()).collect();
                let (tests_are, listed) = match tests.as_slice() {
                    [one] => ("test is", format!("`{one}`")),
                    _ => ("tests are", format!("`{}`", tests.join("`, `"))),
                };
                eprintln!(
                    "ignored: {} {} \"{}\" ({}): its only {tests_are} #[ignore]d: {listed}",
                    required.endpoint, required.status, required.message, required.issue,
                );
                coverage.ignored += 1;
            }
            continue;
        }
        eprintln!(
            "untested: {} {} \"{}\" ({}): no test in tests/ is named `{}` or `{}_...`",
            required.endpoint,
            required.status,
            required.message,
            required.issue,
            required.prefix,
            required.prefix
        );
        coverage.untested += 1;
    }
    coverage
}

/// Generated test files of an earlier run, as candidates for removal: the `.rs` files directly in
/// `tests/` and `tests/support/`. Only those with the generated header are ever removed.
pub fn generated_candidates(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for (dir, prefix) in [("tests", "tests"), ("tests/support", "tests/support")] {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".rs") && entry.path().is_file() {
                out.push(format!("{prefix}/{name}"));
            }
        }
    }
    out
}

/// In a crate scaffold did not create: says why no tests were written, or what the written ones
/// need in Cargo.toml (which is the user's: scaffold never edits it).
pub fn print_notices(root: &Path, target: &TestTarget) {
    if let TestTarget::Skipped(why) = target {
        println!("note: no tests written: {why}");
        return;
    }
    let has =
        |name| Manifest::read(&root.join("Cargo.toml")).is_some_and(|m| m.has_dependency(name));
    let mut missing = Vec::new();
    if !has("tower") {
        missing.push(format!("[dev-dependencies] {DEV_DEPENDENCY}"));
    }
    if !has("tokio") {
        missing.push(
            r#"[dev-dependencies] tokio = { version = "1", features = ["macros", "rt-multi-thread"] }"#
                .to_string(),
        );
    }
    for line in missing {
        println!("note: the tests in tests/ need this in Cargo.toml: {line}");
    }
}

/// For each generated test file just removed (its endpoint is no longer given), names the user's
/// skeleton file beside it: it uses the removed `support` module, so it no longer compiles.
pub fn print_orphans<'a>(root: &Path, removed: impl Iterator<Item = &'a str>) {
    for path in removed {
        let Some(module) = path
            .strip_prefix("tests/")
            .and_then(|p| p.strip_suffix("_contract.rs"))
        else {
            continue;
        };
        for stem in [module.to_string(), format!("{module}_tests")] {
            let skeletons = format!("tests/{stem}.rs");
            if root.join(&skeletons).is_file() {
                println!(
                    "note: {skeletons} is yours and tests an endpoint the issues no longer give; \
                     delete it (the `support::{module}` module it uses is gone)"
                );
            }
        }
    }
}
