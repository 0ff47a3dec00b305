//! Where the issues come from: files, or standard input given as `-` (`gh issue view 12 --json
//! body -q .body | cargo xtask inspect -`), for the commands that write nothing from it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use contract_core::{Contract, LoadError, Source};

use crate::Failure;

/// The path that means standard input.
pub const STDIN: &str = "-";

/// The name standard input is reported under.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether `path` means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// Reads the issues: each file, and standard input once for `-`.
pub fn sources(paths: &[PathBuf]) -> Result<Vec<Arc<Source>>, Failure> {
    if paths.iter().filter(|p| is_stdin(p)).count() > 1 {
        return Err(Failure::Usage(
            "`-` (standard input) can be given once".to_string(),
        ));
    }
    paths
        .iter()
        .map(|path| {
            if is_stdin(path) {
                return stdin();
            }
            Source::read(path).map_err(|error| {
                Failure::Load(LoadError::Io {
                    path: path.clone(),
                    error,
                })
            })
        })
        .collect()
}

/// Reads, parses and checks the issues together, as [`contract_core::load_files`] does, with `-`
/// read from standard input.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Contract>, Failure> {
    contracts(&sources(paths)?)
}

/// Parses and checks issues already read.
pub fn contracts(sources: &[Arc<Source>]) -> Result<Vec<Contract>, Failure> {
    contract_core::load_sources(sources).map_err(|d| Failure::Load(LoadError::Invalid(d)))
}

/// The `*.md` files directly in `dir`, in name order.
pub fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|error| Failure::Read {
        path: dir.to_path_buf(),
        error,
    })?;
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "md"))
        .collect();
    found.sort();
    Ok(found)
}

/// Refuses `-` for a command that needs the issue in a file: `what` says why.
pub fn refuse_stdin(paths: &[PathBuf], what: &str) -> Result<(), Failure> {
    match paths.iter().any(|p| is_stdin(p)) {
        true => Err(Failure::Usage(format!(
            "{what}: give the issue as a file, not `-` (standard input)"
        ))),
        false => Ok(()),
    }
}

fn stdin() -> Result<Arc<Source>, Failure> {
    let mut bytes = Vec::new();
    let read = std::io::stdin().read_to_end(&mut bytes);
    let text = read
        .map_err(|error| error.to_string())
        .and_then(|_| String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string()));
    match text {
        Ok(text) => Ok(Source::new(STDIN_NAME, text)),
        Err(why) => Err(Failure::Usage(format!(
            "cannot read the issue from standard input: {why}"
        ))),
    }
}
