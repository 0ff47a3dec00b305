//! The shared contract corpus (`../shared/contracts`, beside the checkout) and the fixtures of this
//! directory, as every test file here reads them.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use contract_core::{Contract, Source, load_sources};

/// `valid/` or `invalid/` of the shared corpus.
pub fn corpus_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/contracts")
        .join(kind)
}

/// The issue files of `kind`, by name, sorted.
pub fn corpus_files(kind: &str) -> Vec<String> {
    let dir = corpus_dir(kind);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "cannot list {} (the shared corpus beside the checkout): {e}",
                dir.display()
            )
        })
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".md") && name != "README.md")
        .collect();
    names.sort();
    names
}

/// A corpus file's text.
pub fn corpus_text(kind: &str, name: &str) -> String {
    std::fs::read_to_string(corpus_dir(kind).join(name))
        .unwrap_or_else(|e| panic!("cannot read {kind}/{name}: {e}"))
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
