//! The repository's contract corpus (`tests/contracts/`) and the fixtures of this directory, as
//! every test file here reads them.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use contract_core::{Contract, Source, load_sources};
use contract_corpus::Kind;

/// The issue files of `kind` (`"valid"` or `"invalid"`), by name, sorted.
pub fn corpus_files(kind: &str) -> Vec<String> {
    contract_corpus::names(corpus_kind(kind))
}

/// A corpus file's text.
pub fn corpus_text(kind: &str, name: &str) -> String {
    contract_corpus::text(corpus_kind(kind), name)
}

fn corpus_kind(kind: &str) -> Kind {
    match kind {
        "valid" => Kind::Valid,
        "invalid" => Kind::Invalid,
        _ => panic!("no `{kind}` half in the corpus"),
    }
}

/// A corpus file under its bare name, so snapshots do not depend on the checkout.
pub fn corpus_source(kind: &str, name: &str) -> Arc<Source> {
    Source::new(name, corpus_text(kind, name))
}

/// A file of `tests/fixtures/`, under its bare name.
pub fn fixture(path: &str) -> Arc<Source> {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: {e}"));
    let name = Path::new(path)
        .file_name()
        .map_or(path.into(), |n| n.to_string_lossy());
    Source::new(name.into_owned(), text)
}

/// Loads issues that must be valid; their diagnostics otherwise.
pub fn load(sources: &[Arc<Source>]) -> Vec<Contract> {
    load_sources(sources).unwrap_or_else(|diagnostics| panic!("{diagnostics}"))
}
