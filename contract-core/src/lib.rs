//! Reads "Backend Feature Task" issues into a checked model of their API contract, and expands that
//! model into Rust.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! issue.md --read--> Issue --parse--> ast --check--> model::Contract --expand--> files
//! ```

#![warn(missing_docs)]

pub mod ast;
pub mod attribute;
pub mod check;
pub mod codegen;
#[cfg(feature = "cli")]
mod conform;
pub mod diagnostic;
#[cfg(feature = "cli")]
pub mod diff;
pub mod document;
#[cfg(feature = "cli")]
pub mod expand;
#[cfg(feature = "cli")]
pub mod mock;
pub mod model;
pub mod naming;
#[cfg(feature = "cli")]
pub mod openapi;
pub mod parse;
pub mod read;
pub mod render;
pub mod source;
#[cfg(feature = "cli")]
pub mod verify;
pub mod yaml;

#[cfg(test)]
mod proptests;

use std::path::PathBuf;
use std::sync::Arc;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use model::Contract;
pub use source::Source;

/// Why a set of issue files could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// A file could not be read at all.
    Io {
        /// The file as given.
        path: PathBuf,
        /// Why it could not be read.
        error: std::io::Error,
    },
    /// The files were read but are not valid contracts.
    Invalid(Diagnostics),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io { path, error } => {
                write!(f, "error: cannot read `{}`: {error}", path.display())
            }
            LoadError::Invalid(diagnostics) => diagnostics.fmt(f),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads, parses and checks issue files together (types defined in one resolve references in
/// another). Every problem in every file is reported, not only the first.
pub fn load_files<P: Into<PathBuf> + Clone>(paths: &[P]) -> Result<Vec<Contract>, LoadError> {
    let mut sources = Vec::with_capacity(paths.len());
    for path in paths {
        let path: PathBuf = path.clone().into();
        match Source::read(&path) {
            Ok(source) => sources.push(source),
            Err(error) => return Err(LoadError::Io { path, error }),
        }
    }
    load_sources(&sources).map_err(LoadError::Invalid)
}

/// [`load_files`] for text already in memory.
pub fn load_sources(sources: &[Arc<Source>]) -> Result<Vec<Contract>, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut parsed = Vec::with_capacity(sources.len());
    for source in sources {
        match read::read(source) {
            Ok(issue) => parsed.push(parse::parse_issue(issue, &mut diagnostics)),
            Err(errors) => diagnostics.extend(errors),
        }
    }
    let contracts = check::check(&parsed, &mut diagnostics);
    diagnostics.into_result(contracts)
}
