//! Appending to a skeleton file or the test binary's root without touching what a person wrote,
//! and the statuses that need a test: the part of the test side the CLI runs against the disk.
//!
//! A test is known by its function's name, a module by its `mod` line. Names are found as text (`fn NAME`), so a file that
//! does not compile, because a person is halfway through a test, still counts its tests.

use std::collections::BTreeSet;

use super::file_name;
use crate::model::Contract;

/// What an item scaffold appends is: a test function of a skeleton file, or a `mod` line of the
/// test binary's root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// A test function, known by its name anywhere under `tests/`.
    Test,
    /// A `mod NAME;` line, known by its name in the file it is appended to.
    Module,
}

/// An item of a file scaffold planned, which it appends to the user's copy when that lacks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedItem {
    /// What it is.
    pub kind: ItemKind,
    /// The function's or the module's name.
    pub name: String,
    /// Its text, with its doc comment and attributes.
    pub text: String,
}

/// The items of an append-only file scaffold planned: those that start at column 0 with `///`,
/// `#[`, `async fn` or `mod ` and end at a `}` line (a test) or a `mod NAME;` line (a module).
pub fn planned_items(planned: &str) -> Vec<PlannedItem> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in planned.lines() {
        let module = line.starts_with("mod ") && line.ends_with(';');
        let starts = line.starts_with("///")
            || line.starts_with("#[")
            || line.starts_with("async fn")
            || module;
        if current.is_none() && starts {
            current = Some(String::new());
        }
        let Some(text) = current.as_mut() else {
            continue;
        };
        text.push_str(line);
        text.push('\n');
        let (kind, names) = if module {
            (ItemKind::Module, names_after(line, "mod"))
        } else if line == "}" {
            (ItemKind::Test, fn_names(text))
        } else {
            continue;
        };
        let text = current.take().unwrap_or_default();
        if let Some(name) = names.into_iter().next() {
            out.push(PlannedItem { kind, name, text });
        }
    }
    out
}

/// The names of the functions in `text`: every `fn NAME`, found as text, so a file that does
/// not compile (a test being written) still counts its tests.
pub fn fn_names(text: &str) -> Vec<String> {
    names_after(text, "fn")
}

/// Every name after the word `keyword` (`fn`, `mod`) in `text`, found as text.
fn names_after(text: &str, keyword: &str) -> Vec<String> {
    let mut names = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find(keyword) {
        let start = from + at;
        from = start + keyword.len();
        let before_ok = start == 0 || !is_ident_byte(bytes[start - 1]);
        let rest = &text[from..];
        let trimmed = rest.trim_start();
        if !before_ok || trimmed.len() == rest.len() {
            continue;
        }
        let name: String = trimmed
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && name != keyword && !name.starts_with(|c: char| c.is_ascii_digit()) {
            names.push(name);
        }
    }
    names
}

/// The functions in `text` with whether each is `#[ignore]`d: an `#[ignore]` among the attribute
/// lines just above its `fn` line. Found as text, like [`fn_names`].
pub fn fn_names_ignored(text: &str) -> Vec<(String, bool)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        for name in fn_names(line) {
            let ignored = lines[..index]
                .iter()
                .rev()
                .map(|above| above.trim())
                .take_while(|above| above.starts_with("#[") || above.starts_with("///"))
                .any(|above| above.starts_with("#[ignore"));
            out.push((name, ignored));
        }
    }
    out
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `existing` with the items of `planned` it lacks appended, and those items; `None` when none
/// is missing. A test is missing when no file has a function of its name (`present` are the
/// function names in `tests/`), a module when `existing` has no `mod` of its name. Nothing
/// already in `existing` changes.
pub fn append_missing(
    existing: &str,
    planned: &str,
    present: &BTreeSet<String>,
) -> Option<(String, Vec<PlannedItem>)> {
    let own_tests: BTreeSet<String> = fn_names(existing).into_iter().collect();
    let own_modules: BTreeSet<String> = names_after(existing, "mod").into_iter().collect();
    let missing: Vec<PlannedItem> = planned_items(planned)
        .into_iter()
        .filter(|item| match item.kind {
            ItemKind::Test => !present.contains(&item.name) && !own_tests.contains(&item.name),
            ItemKind::Module => !own_modules.contains(&item.name),
        })
        .collect();
    if missing.is_empty() {
        return None;
    }
    let mut text = existing.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for item in &missing {
        // Tests are set apart by a blank line; `mod` lines follow each other.
        if item.kind == ItemKind::Test {
            text.push('\n');
        }
        text.push_str(&item.text);
    }
    Some((text, missing))
}

/// A contract status that some test in `tests/` must cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredTest {
    /// `create_user_409`: a test covers the status when its name is this or starts with it and `_`.
    pub prefix: String,
    /// `POST /api/users`.
    pub endpoint: String,
    /// The HTTP status, 400..=599.
    pub status: u16,
    /// The error's message in the contract.
    pub message: String,
    /// The issue file's name.
    pub issue: String,
    /// The issue file, as it was loaded.
    pub file: std::path::PathBuf,
    /// Where the issue lists the status.
    pub at: crate::source::LineCol,
}

impl RequiredTest {
    /// Whether a test of this name covers the status.
    pub fn covered_by(&self, name: &str) -> bool {
        name.strip_prefix(&self.prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('_'))
    }
}

/// Every status the contracts list, each needing a test named after it.
pub fn required_tests(contracts: &[Contract]) -> Vec<RequiredTest> {
    let mut out = Vec::new();
    for contract in contracts {
        for endpoint in &contract.endpoints {
            for error in &endpoint.errors {
                out.push(RequiredTest {
                    prefix: format!("{}_{}", endpoint.name, error.status),
                    endpoint: format!("{} {}", endpoint.method, endpoint.path),
                    status: error.status,
                    message: error.message.clone(),
                    issue: file_name(contract),
                    file: contract.file.clone(),
                    at: error.at,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLANNED: &str = "//! Docs.\n\nuse crate::common::app;\n\n\
        #[tokio::test]\n#[ignore = \"x\"]\nasync fn op_succeeds() {\n    let app = app();\n}\n\n\
        /// Business rule: y.\n#[tokio::test]\nasync fn op_409_taken() {\n    let x = 1;\n}\n";

    #[test]
    fn ignored_tests_are_told_from_written_ones() {
        let text = "#[tokio::test]\n#[ignore = \"arrange it\"]\nasync fn a_409() {}\n\n\
                    /// Written.\n#[tokio::test]\nasync fn b_409() {}\n\n\
                    #[ignore]\n/// Ignored, its doc below the attribute.\n#[test]\nfn c() {}\n\n\
                    fn helper() {}\n";
        assert_eq!(
            fn_names_ignored(text),
            [
                ("a_409".to_owned(), true),
                ("b_409".to_owned(), false),
                ("c".to_owned(), true),
                ("helper".to_owned(), false),
            ]
        );
    }

    #[test]
    fn skeletons_are_found_in_a_planned_file() {
        let items = planned_items(PLANNED);
        let names: Vec<(ItemKind, &str)> =
            items.iter().map(|i| (i.kind, i.name.as_str())).collect();
        assert_eq!(
            names,
            [
                (ItemKind::Test, "op_succeeds"),
                (ItemKind::Test, "op_409_taken")
            ]
        );
        assert!(items[1].text.starts_with("/// Business rule: y.\n"));
        assert!(items[1].text.ends_with("}\n"));
    }

    #[test]
    fn missing_modules_are_appended_with_their_attributes() {
        let planned =
            "//! Root.\n\n/// Shared.\n#[path = \"shared/mod.rs\"]\nmod common;\nmod a;\nmod b;\n";
        let existing = "//! Mine.\n\nmod a;\nmod mine;\n";
        let (text, added) = append_missing(existing, planned, &BTreeSet::new()).unwrap();
        let names: Vec<&str> = added.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["common", "b"]);
        assert_eq!(
            text,
            "//! Mine.\n\nmod a;\nmod mine;\n/// Shared.\n#[path = \"shared/mod.rs\"]\nmod common;\nmod b;\n"
        );
        // A test function of a module's name does not stand for the module.
        let present = BTreeSet::from(["b".to_string()]);
        assert!(append_missing(&text, planned, &present).is_none());
        assert!(append_missing("fn b() {}\nmod common;\nmod a;\n", planned, &present).is_some());
    }

    #[test]
    fn only_missing_tests_are_appended_and_the_rest_is_kept() {
        let existing = "// my edits\nasync fn op_succeeds() { edited(); }";
        let (text, added) = append_missing(existing, PLANNED, &BTreeSet::new()).unwrap();
        let names: Vec<&str> = added.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["op_409_taken"]);
        assert!(text.starts_with("// my edits\nasync fn op_succeeds() { edited(); }\n\n"));
        assert!(text.ends_with("async fn op_409_taken() {\n    let x = 1;\n}\n"));
        let present = BTreeSet::from(["op_409_taken".to_string()]);
        assert_eq!(append_missing(existing, PLANNED, &present), None);
    }

    #[test]
    fn function_names_are_found_as_text() {
        let text = "fn a() {}\npub async fn b_2<T>() {}\nlet fnx = 1; // fn\nfn\n  c()";
        assert_eq!(fn_names(text), ["a", "b_2", "c"]);
    }

    #[test]
    fn a_status_is_covered_by_its_prefix() {
        let required = RequiredTest {
            prefix: "create_user_409".into(),
            endpoint: "POST /api/users".into(),
            status: 409,
            message: "Taken".into(),
            issue: "01.md".into(),
            file: "issues/01.md".into(),
            at: crate::source::LineCol {
                line: 8,
                column: 11,
            },
        };
        assert!(required.covered_by("create_user_409"));
        assert!(required.covered_by("create_user_409_email_taken"));
        assert!(!required.covered_by("create_user_4091"));
        assert!(!required.covered_by("create_user_400_missing_email"));
    }
}
