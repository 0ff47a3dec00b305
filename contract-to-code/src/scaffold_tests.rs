//! The test side of `scaffold`: which library the tests reach the app through, the
//! test functions already in `tests/`, `--check`'s report of contract statuses nothing tests,
//! moving the skeleton files of the layout before one test binary, and the notice about the
//! dev-dependency tests need in a crate scaffold did not create.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use contract_core::Contract;
use contract_core::expand::test_append::{fn_names_ignored, required_tests};
use contract_core::expand::test_files::{TEST_BINARY, TEST_BINARY_ROOT, root_module};
use contract_core::expand::test_support::DEV_DEPENDENCY;
use contract_core::expand::{GENERATED_MARKER, Ownership, PlannedFile};

use crate::manifest::Manifest;
use crate::messages::{Level, Message};

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

/// What `--check` found of the contract statuses' tests: a message for each status no test is
/// named after, and one for each whose every test is `#[ignore]`d (right after scaffolding, every
/// one that needs state: its skeleton is ignored until a person writes it).
#[derive(Clone, Debug, Default)]
pub struct Coverage {
    pub untested: Vec<Message>,
    pub ignored: Vec<Message>,
}

/// `--check`: the contract statuses no test in `tests/` covers (by the name
/// `<operation>_<status>...`), and those whose only tests are `#[ignore]`d, each at the issue's
/// line that lists the status.
pub fn coverage(root: &Path, contracts: &[Contract]) -> Coverage {
    let names = test_names(root);
    let mut coverage = Coverage::default();
    for required in required_tests(contracts) {
        let status = format!(
            "{} {} \"{}\" ({})",
            required.endpoint, required.status, required.message, required.issue
        );
        let at = |level, kind, text: String| {
            Message::new(level, kind, text)
                .at(&required.file, required.at.line, required.at.column)
                .code(&required.prefix)
        };
        let mut covering = names
            .iter()
            .filter(|(name, _)| required.covered_by(name))
            .peekable();
        if covering.peek().is_none() {
            coverage.untested.push(at(
                Level::Error,
                "untested",
                format!(
                    "{status}: no test in tests/ is named `{}` or `{}_...`",
                    required.prefix, required.prefix
                ),
            ));
        } else if covering.clone().all(|(_, ignored)| *ignored) {
            let tests: Vec<&str> = covering.map(|(name, _)| name.as_str()).collect();
            let (tests_are, listed) = match tests.as_slice() {
                [one] => ("test is", format!("`{one}`")),
                _ => ("tests are", format!("`{}`", tests.join("`, `"))),
            };
            coverage.ignored.push(at(
                Level::Warning,
                "ignored",
                format!("{status}: its only {tests_are} #[ignore]d: {listed}"),
            ));
        }
    }
    coverage
}

/// Generated test files of an earlier run, as candidates for removal: the `.rs` files directly in
/// the test binary's `contract/` and `support/`, and those of the layout before one binary,
/// directly in `tests/` and `tests/support/`. Only those with the generated header are ever
/// removed.
pub fn generated_candidates(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let dirs = [
        "tests".to_string(),
        "tests/support".to_string(),
        format!("{TEST_BINARY}/contract"),
        format!("{TEST_BINARY}/support"),
    ];
    for dir in dirs {
        let Ok(entries) = fs::read_dir(root.join(&dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".rs") && entry.path().is_file() {
                out.push(format!("{dir}/{name}"));
            }
        }
    }
    out
}

/// A skeleton file of the layout before one test binary, `tests/<name>.rs` (a binary of its own,
/// declaring `mod common;` and `mod support;`), and where it goes: the module of the binary
/// planned for the same operation.
#[derive(Debug)]
pub struct Move {
    pub from: String,
    pub to: String,
    /// The file as it is.
    pub old: String,
    /// The file as it moves: the same bytes but its `mod common;` and `mod support;` lines, which
    /// the binary's root declares once for every module.
    pub text: String,
}

/// The lines a skeleton file of the layout before one binary starts with, which the binary's root
/// now declares.
const LEGACY_MODS: [&str; 2] = ["mod common;", "mod support;"];

/// The legacy skeleton files to move into the test binary, and the user's other test binaries
/// that use the generated `support` module of that layout (`stranded`: for a note, as scaffold
/// cannot know which operation they test). A legacy skeleton file that cannot move as it is (it
/// declares other modules, or its place is taken) refuses the run, saying what to do by hand.
/// Nothing is legacy unless `tests/support/mod.rs` is the generated one: a `support` module of
/// the user's own is none of scaffold's business.
pub fn legacy_moves(root: &Path, planned: &[PlannedFile]) -> Result<Legacy, String> {
    let mut legacy = Legacy::default();
    let mut refusals = Vec::new();
    let support = fs::read_to_string(root.join("tests/support/mod.rs")).unwrap_or_default();
    if !support.starts_with(GENERATED_MARKER) {
        return Ok(legacy);
    }
    let Ok(entries) = fs::read_dir(root.join("tests")) else {
        return Ok(legacy);
    };
    let mut files: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".rs"))
        .collect();
    files.sort();
    for name in files {
        let from = format!("tests/{name}");
        let Ok(old) = fs::read_to_string(root.join(&from)) else {
            continue;
        };
        if old.starts_with(GENERATED_MARKER) || !old.lines().any(|l| l == LEGACY_MODS[1]) {
            continue;
        }
        let stem = name.trim_end_matches(".rs");
        let to = format!("{TEST_BINARY}/{}.rs", root_module(stem));
        let skeleton = planned
            .iter()
            .any(|f| f.path == to && f.ownership == Ownership::AppendOnly);
        if !skeleton {
            legacy.stranded.push(from);
            continue;
        }
        if root.join(&to).exists() {
            refusals.push(format!(
                "{from} is a test file of the layout before one test binary, and {to} exists \
                 too: merge the two into {to} and delete {from}"
            ));
        } else if let Some(other) = other_module(&old) {
            refusals.push(format!(
                "{from} is a test file of the layout before one test binary, and declares \
                 `{other}`, which would be looked for elsewhere once it moves: move it to {to} \
                 yourself, delete its `mod common;` and `mod support;` lines (the binary's root, \
                 {TEST_BINARY_ROOT}, declares them), declare `{other}` where the binary finds it, \
                 and run scaffold again"
            ));
        } else {
            legacy.moves.push(Move {
                text: without_legacy_mods(&old),
                from,
                to,
                old,
            });
        }
    }
    if refusals.is_empty() {
        Ok(legacy)
    } else {
        Err(refusals.join("\nerror: "))
    }
}

/// What [`legacy_moves`] found.
#[derive(Debug, Default)]
pub struct Legacy {
    pub moves: Vec<Move>,
    /// `tests/<name>.rs` files of the user's that use the legacy `support` module, which the run
    /// removes.
    pub stranded: Vec<String>,
}

/// A `mod NAME;` line other than the legacy ones: a module file the moved file would look for
/// under `tests/endpoints/<name>/`.
fn other_module(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim)
        .find(|line| line.starts_with("mod ") && line.ends_with(';') && !LEGACY_MODS.contains(line))
}

/// `text` without its `mod common;` and `mod support;` lines, and without the blank line that
/// would leave two in a row.
fn without_legacy_mods(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut removed_after_blank = false;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if LEGACY_MODS.contains(&bare) {
            removed_after_blank |= out.last().is_none_or(|l| l.trim().is_empty());
            continue;
        }
        if removed_after_blank && bare.trim().is_empty() {
            removed_after_blank = false;
            continue;
        }
        removed_after_blank = false;
        out.push(line);
    }
    out.concat()
}

/// In a crate scaffold did not create: says why no tests were written, or what the written ones
/// need in Cargo.toml (which is the user's: scaffold never edits it).
pub fn print_notices(root: &Path, target: &TestTarget) {
    if let TestTarget::Skipped(why) = target {
        outln!("note: no tests written: {why}");
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
        outln!("note: the tests in tests/ need this in Cargo.toml: {line}");
    }
}

/// For each generated test file just removed (its endpoint is no longer given), names the user's
/// skeleton module beside it: it uses the removed `support` module, so it no longer compiles.
pub fn print_orphans<'a>(root: &Path, removed: impl Iterator<Item = &'a str>) {
    let contract = format!("{TEST_BINARY}/contract/");
    for path in removed {
        let Some(module) = path
            .strip_prefix(&contract)
            .and_then(|p| p.strip_suffix(".rs"))
            .filter(|m| *m != "mod")
        else {
            continue;
        };
        let skeletons = format!("{TEST_BINARY}/{}.rs", root_module(module));
        if root.join(&skeletons).is_file() {
            outln!(
                "note: {skeletons} is yours and tests an endpoint the issues no longer give; \
                 delete it and its `mod` line in {TEST_BINARY_ROOT} (the `support::{module}` \
                 module it uses is gone)"
            );
        }
    }
}

/// For each test binary of the user's that used the `support` module of the layout before one
/// binary, which this run removed: what to do with it.
pub fn print_stranded(stranded: &[String]) {
    for from in stranded {
        let stem = from.trim_start_matches("tests/").trim_end_matches(".rs");
        let module = root_module(stem);
        outln!(
            "note: {from} uses the `support` module, which moved into the test binary \
             {TEST_BINARY}/: move it to {TEST_BINARY}/{module}.rs, delete its `mod common;` and \
             `mod support;` lines, and add `mod {module};` to {TEST_BINARY_ROOT} (or delete it, \
             if it tests an endpoint the issues no longer give)"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_mod_lines_go_and_every_other_byte_stays() {
        let old = "//! Mine.\n\nmod common;\nmod support;\n\nuse crate::common::app;\n\n// mod support;\nfn a() {}\n";
        assert_eq!(
            without_legacy_mods(old),
            "//! Mine.\n\nuse crate::common::app;\n\n// mod support;\nfn a() {}\n"
        );
        let crlf = "//! Mine.\r\nmod common;\r\nmod support;\r\nuse x;\r\n";
        assert_eq!(without_legacy_mods(crlf), "//! Mine.\r\nuse x;\r\n");
        assert_eq!(other_module(old), None);
        assert_eq!(
            other_module("mod common;\nmod support;\n  mod helpers;\n"),
            Some("mod helpers;")
        );
    }
}
