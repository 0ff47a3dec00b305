//! Stage 2 of `#[contract]`: find the issue file, read it, and check its contract. Every problem
//! becomes a compile error on the attribute's string literal; a contract's diagnostics keep their
//! rendering (`path:line:column`, the offending lines, a caret), so the message shows the issue
//! file itself rather than only pointing at the string.

use std::path::{Path, PathBuf};

use syn::LitStr;

use crate::model::Contract;
use crate::source::Source;

/// The issue, read and checked.
#[derive(Debug)]
pub struct Loaded {
    /// The checked contract.
    pub contract: Contract,
    /// The resolved path, for the rebuild-tracking `include_bytes!`.
    pub file: PathBuf,
}

/// Why the issue could not be used.
#[derive(Debug)]
pub struct LoadFailure {
    /// Every problem, each on the literal.
    pub error: syn::Error,
    /// The resolved path when the file exists (an invalid contract): tracking it rebuilds the crate
    /// when the issue is fixed.
    pub file: Option<PathBuf>,
}

/// Where `written` points: itself when absolute, else under `manifest_dir`.
pub fn resolve(written: &str, manifest_dir: &Path) -> PathBuf {
    let path = Path::new(written);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        manifest_dir.join(path)
    }
}

/// Reads and checks the issue `literal` names.
pub fn load(literal: &LitStr, manifest_dir: &Path) -> Result<Loaded, LoadFailure> {
    let written = literal.value();
    if written == "-" {
        return Err(LoadFailure {
            error: syn::Error::new(
                literal.span(),
                "`#[contract]` reads its issue from a file at every build: `-` (standard input, \
                 as the command line takes it) cannot be one; give the issue file's path",
            ),
            file: None,
        });
    }
    let file = resolve(&written, manifest_dir);
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(error) => {
            let message = format!(
                "cannot read the issue `{written}`: {error}{}",
                where_relative(&written, manifest_dir)
            );
            return Err(LoadFailure {
                error: syn::Error::new(literal.span(), message),
                file: None,
            });
        }
    };
    // Reported under the path as written: it is what the user typed, and it does not change from
    // machine to machine.
    let source = Source::new(&written, text);
    match crate::load_sources(&[source]) {
        Ok(mut contracts) if contracts.len() == 1 => Ok(Loaded {
            contract: contracts.remove(0),
            file,
        }),
        Ok(_) => Err(LoadFailure {
            error: syn::Error::new(literal.span(), "internal error: one file gave no contract"),
            file: Some(file),
        }),
        Err(diagnostics) => {
            let mut errors = diagnostics
                .iter()
                .map(|d| syn::Error::new(literal.span(), rendered(&d.render(false))));
            let mut error = errors
                .next()
                .unwrap_or_else(|| syn::Error::new(literal.span(), "the contract is invalid"));
            errors.for_each(|e| error.combine(e));
            Err(LoadFailure {
                error,
                file: Some(file),
            })
        }
    }
}

/// For a relative path, the folder it starts at: named by the crate's folder, not the absolute
/// path, so the message reads the same on every machine and in every target directory.
fn where_relative(written: &str, manifest_dir: &Path) -> String {
    if Path::new(written).is_absolute() {
        return String::new();
    }
    let folder = manifest_dir.file_name().map_or_else(
        || manifest_dir.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    format!(
        "\nnote: the path is relative to the crate's folder `{folder}`, the one with its Cargo.toml \
         (CARGO_MANIFEST_DIR)"
    )
}

/// A rendered diagnostic as a compile error's message: rustc prints its own `error: ` in front.
fn rendered(text: &str) -> String {
    let text = text.strip_prefix("error: ").unwrap_or(text);
    text.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::Span;

    #[test]
    fn relative_paths_start_at_the_manifest_dir() {
        let dir = Path::new("/crate");
        assert_eq!(resolve("issues/a.md", dir), Path::new("/crate/issues/a.md"));
        assert_eq!(resolve("/abs/a.md", dir), Path::new("/abs/a.md"));
    }

    #[test]
    fn standard_input_is_refused_with_why() {
        let literal = LitStr::new("-", Span::call_site());
        let failure = load(&literal, Path::new("/crate")).unwrap_err();
        let message = failure.error.to_string();
        assert!(message.contains("reads its issue from a file"), "{message}");
    }

    #[test]
    fn a_missing_file_names_the_path_tried() {
        let literal = LitStr::new("nope.md", Span::call_site());
        let failure = load(&literal, Path::new("/no/such/dir")).unwrap_err();
        let message = failure.error.to_string();
        assert!(
            message.contains("cannot read the issue `nope.md`"),
            "{message}"
        );
        assert!(
            message.contains("relative to the crate's folder `dir`"),
            "{message}"
        );
        assert!(!message.contains("/no/such"), "{message}");
        assert!(failure.file.is_none());
    }
}
