//! Paths as scaffold writes them into a crate: absolute and resolved for comparing, relative and
//! `/`-separated for writing.

use std::fs;
use std::path::{Component, Path, PathBuf};

/// `path` made absolute and resolved as far as it exists (symbolic links and `..` included), so
/// that two spellings of one place compare equal even when the place is not made yet.
pub fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = fs::canonicalize(existing) {
            return rest.iter().rev().fold(real, |mut path, part: &Component| {
                match part {
                    Component::ParentDir => {
                        path.pop();
                    }
                    Component::CurDir => {}
                    part => path.push(part),
                }
                path
            });
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// `file` relative to the directory `root` (`../issues/x.md`), `/`-separated, so that what a crate
/// says about it holds wherever the two move together; absolute when no relative path leads there
/// (another drive).
pub fn relative_to(root: &Path, file: &Path) -> String {
    let (root, file) = (resolved(root), resolved(file));
    let root_parts: Vec<_> = root.components().collect();
    let file_parts: Vec<_> = file.components().collect();
    let common = root_parts
        .iter()
        .zip(&file_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return slashes(&file);
    }
    let mut relative = PathBuf::new();
    for _ in common..root_parts.len() {
        relative.push("..");
    }
    for part in &file_parts[common..] {
        relative.push(part);
    }
    if relative.as_os_str().is_empty() {
        return ".".to_string();
    }
    slashes(&relative)
}

/// A path with `/` between its parts on every platform, as TOML and Rust string literals take it.
pub fn slashes(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_to_the_common_ancestor() {
        assert_eq!(
            relative_to(Path::new("/a/b/api"), Path::new("/a/issues/x.md")),
            "../../issues/x.md"
        );
        assert_eq!(
            relative_to(Path::new("/a/api"), Path::new("/a/api/issues/x.md")),
            "issues/x.md"
        );
        assert_eq!(relative_to(Path::new("/a/api"), Path::new("/a/api")), ".");
    }

    #[test]
    fn places_not_made_yet_resolve_through_the_part_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(dir.path()).unwrap();
        let planned = dir.path().join("new/crate/../api");
        assert_eq!(resolved(&planned), real.join("new/api"));
        assert_eq!(
            relative_to(&planned, &dir.path().join("issues/a.md")),
            "../../issues/a.md"
        );
    }
}
