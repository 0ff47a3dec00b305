//! The repository's test corpora, as every test and bench reads them. `tests/contracts/`: the
//! issue files of `valid/` and `invalid/`, and the README's table of where each invalid one must
//! be refused. `tests/documents/` ([`documents`]): API documents in other teams' shapes, each with
//! what it defines. One reader, so no test reaches for files anywhere else.

pub mod documents;
pub mod public;

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

/// Which half of the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Issues that must load, scaffold and compile.
    Valid,
    /// Issues that must be refused where the README says.
    Invalid,
}

impl Kind {
    /// The directory's name, as paths and snapshot names spell it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Valid => "valid",
            Kind::Invalid => "invalid",
        }
    }
}

/// `tests/contracts/`.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("contracts")
}

/// `tests/contracts/valid/` or `invalid/`.
pub fn dir(kind: Kind) -> PathBuf {
    root().join(kind.name())
}

/// The path of one issue file.
pub fn path(kind: Kind, name: &str) -> PathBuf {
    dir(kind).join(name)
}

/// The issue files of `kind`, by file name, sorted.
pub fn names(kind: Kind) -> Vec<String> {
    let dir = dir(kind);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".md"))
        .collect();
    names.sort();
    names
}

/// The issue files of `kind`, as paths, sorted.
pub fn files(kind: Kind) -> Vec<PathBuf> {
    names(kind).iter().map(|name| path(kind, name)).collect()
}

/// An issue file's text.
pub fn text(kind: Kind, name: &str) -> String {
    let path = path(kind, name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// One row of the README's table of invalid issues.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The file, under `invalid/`.
    pub file: String,
    /// What is wrong with it, in words.
    pub fault: String,
    /// The line the first diagnostic must point at: one line, or the lines the YAML parser may
    /// choose among.
    pub lines: RangeInclusive<usize>,
    /// Words the first diagnostic's message must contain.
    pub message: String,
}

/// The README's table of invalid issues, in its order.
pub fn refusals() -> Vec<Refusal> {
    let readme = root().join("README.md");
    let text = std::fs::read_to_string(&readme)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", readme.display()));
    parse_refusals(&text).unwrap_or_else(|why| panic!("{}: {why}", readme.display()))
}

/// The rows of the table under `## Invalid`: `| file | the fault | line | the first message
/// contains |`, where `line` is `N` or `A-B`.
fn parse_refusals(readme: &str) -> Result<Vec<Refusal>, String> {
    let section = readme
        .split("\n## ")
        .find(|section| section.starts_with("Invalid"))
        .ok_or("no `## Invalid` section")?;
    let mut rows = Vec::new();
    // The header row and the rule under it come first.
    for line in section.lines().filter(|l| l.starts_with('|')).skip(2) {
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        let [file, fault, lines, message] = cells[..] else {
            return Err(format!("a row without four cells: {line}"));
        };
        let number = |n: &str| {
            n.trim()
                .parse::<usize>()
                .map_err(|_| format!("`{lines}` is no line number: {line}"))
        };
        let lines = match lines.split_once('-') {
            Some((first, last)) => number(first)?..=number(last)?,
            None => number(lines)?..=number(lines)?,
        };
        rows.push(Refusal {
            file: file.trim_matches('`').to_string(),
            fault: fault.to_string(),
            lines,
            message: message.to_string(),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_invalid_table_is_read_row_by_row() {
        let readme = "# Corpus\n\n## Valid\n\n| file | what it tests |\n| --- | --- |\n| a.md | x |\n\n\
                      ## Invalid\n\n| file | the fault | line | the first message contains |\n\
                      | --- | --- | --- | --- |\n| bad.md | a `FETCH` | 7 | unknown HTTP method `FETCH` |\n\
                      | yaml.md | YAML | 1-4 | front matter |\n";
        let rows = parse_refusals(readme).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].file, "bad.md");
        assert_eq!(rows[0].lines, 7..=7);
        assert_eq!(rows[0].message, "unknown HTTP method `FETCH`");
        assert_eq!(rows[1].lines, 1..=4);
        assert!(parse_refusals("## Invalid\n| a | b |\n| - | - |\n| x | y |\n").is_err());
        assert!(parse_refusals("## Valid\n").is_err());
    }

    #[test]
    fn every_file_has_a_row_and_every_row_a_file() {
        let rows: Vec<String> = refusals().into_iter().map(|r| r.file).collect();
        assert_eq!(rows.len(), names(Kind::Invalid).len(), "{rows:?}");
        let mut sorted = rows.clone();
        sorted.sort();
        assert_eq!(sorted, names(Kind::Invalid));
        let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
        let valid = names(Kind::Valid);
        assert!(valid.len() >= 8, "{valid:?}");
        for name in valid {
            assert!(
                readme.contains(&format!("| {name} |")),
                "README: no row for {name}"
            );
        }
    }
}
