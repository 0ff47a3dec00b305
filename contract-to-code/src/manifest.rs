//! What scaffold reads from the `Cargo.toml` files around a crate: the library's name, the
//! dependencies it has, and the workspace it belongs to.

use std::fs;
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, TableLike};

/// A parsed `Cargo.toml`.
pub struct Manifest {
    doc: DocumentMut,
}

/// The tables that hold dependencies, outside `[target.'cfg(..)'.*]`.
const DEPENDENCY_TABLES: [&str; 3] = ["dependencies", "dev-dependencies", "build-dependencies"];

impl Manifest {
    /// The manifest at `path`; `None` when there is none or it is not TOML (cargo will say why).
    pub fn read(path: &Path) -> Option<Manifest> {
        Manifest::parse(&fs::read_to_string(path).ok()?)
    }

    pub fn parse(text: &str) -> Option<Manifest> {
        text.parse().ok().map(|doc| Manifest { doc })
    }

    /// The library's name: `[lib] name`, else `[package] name`.
    pub fn library_name(&self) -> Option<String> {
        let name = |table: &str| {
            self.doc
                .get(table)?
                .get("name")?
                .as_str()
                .map(str::to_owned)
        };
        name("lib")
            .or_else(|| name("package"))
            .filter(|n| !n.is_empty())
    }

    /// Whether any dependency table names `name`, platform-specific ones included.
    pub fn has_dependency(&self, name: &str) -> bool {
        let in_tables = |parent: &dyn TableLike| {
            DEPENDENCY_TABLES.iter().any(|table| {
                parent
                    .get(table)
                    .and_then(Item::as_table_like)
                    .is_some_and(|deps| deps.contains_key(name))
            })
        };
        let targets = self.doc.get("target").and_then(Item::as_table_like);
        in_tables(self.doc.as_table())
            || targets.is_some_and(|targets| {
                targets
                    .iter()
                    .filter_map(|(_, target)| target.as_table_like())
                    .any(in_tables)
            })
    }

    /// Whether this is a workspace root (it has a `[workspace]` table).
    pub fn is_workspace(&self) -> bool {
        self.doc.contains_key("workspace")
    }

    /// Whether the workspace at `root` (this manifest's directory) takes the crate at `dir` as a
    /// member: `dir` matches a `members` entry (globs included) and no `exclude` entry.
    pub fn has_member(&self, root: &Path, dir: &Path) -> bool {
        let Ok(relative) = dir.strip_prefix(root) else {
            return false;
        };
        let entries = |key: &str| -> Vec<String> {
            self.doc
                .get("workspace")
                .and_then(|w| w.get(key))
                .and_then(Item::as_array)
                .map(|list| {
                    list.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        let matches = |entry: &String| {
            let entry = entry.trim_end_matches('/');
            Path::new(entry) == relative
                || glob::Pattern::new(entry).is_ok_and(|p| p.matches_path(relative))
        };
        entries("members").iter().any(matches) && !entries("exclude").iter().any(matches)
    }

    /// Whether `[workspace.dependencies]` names `name`, for members to inherit.
    pub fn has_workspace_dependency(&self, name: &str) -> bool {
        self.doc
            .get("workspace")
            .and_then(|w| w.get("dependencies"))
            .and_then(Item::as_table_like)
            .is_some_and(|deps| deps.contains_key(name))
    }
}

/// The root of the workspace a crate at `dir` belongs to, as cargo finds it: the nearest directory
/// at or above `dir` whose `Cargo.toml` has a `[workspace]` table. `dir` need not exist yet.
pub fn enclosing_workspace(dir: &Path) -> Option<(PathBuf, Manifest)> {
    dir.ancestors().find_map(|ancestor| {
        let manifest = Manifest::read(&ancestor.join("Cargo.toml"))?;
        manifest
            .is_workspace()
            .then(|| (ancestor.to_path_buf(), manifest))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(text: &str) -> Manifest {
        Manifest::parse(text).expect("TOML")
    }

    #[test]
    fn library_names_come_from_lib_or_package() {
        let text = "[package]\nname = \"my-api\" # the API\nversion = \"0.1.0\"\n\n[dependencies]\nname = \"x\"\n";
        assert_eq!(manifest(text).library_name().as_deref(), Some("my-api"));
        let renamed = format!("{text}\n[lib]\nname = \"api_lib\"\n");
        assert_eq!(
            manifest(&renamed).library_name().as_deref(),
            Some("api_lib")
        );
        assert_eq!(manifest("[workspace]\nmembers = []\n").library_name(), None);
    }

    #[test]
    fn dependencies_in_any_spelling() {
        let has = |text: &str| manifest(text).has_dependency("tower");
        assert!(has("[dependencies]\ntower = \"0.5\""));
        assert!(has("[dev-dependencies]\ntower.workspace = true"));
        assert!(has("[dev-dependencies.tower]\nversion = \"0.5\""));
        assert!(has("[target.'cfg(unix)'.dependencies]\ntower = \"0.5\""));
        assert!(!has("[dependencies]\ntower-http = \"0.6\""));
        assert!(!has("[workspace.dependencies]\ntower = \"0.5\""));
    }

    #[test]
    fn workspace_dependencies_are_what_members_inherit() {
        let root = manifest(
            "[workspace]\nmembers = [\"api\"]\n\n[workspace.dependencies]\ncontract = { git = \"https://example.com/c\" }\n",
        );
        assert!(root.is_workspace());
        assert!(root.has_workspace_dependency("contract"));
        assert!(!root.has_workspace_dependency("axum"));
        assert!(!manifest("[package]\nname = \"a\"\n").is_workspace());
    }

    #[test]
    fn members_are_found_by_name_and_by_glob() {
        let root = Path::new("/ws");
        let ws = manifest(
            "[workspace]\nmembers = [\"xtask\", \"services/*\"]\nexclude = [\"services/old\"]\n",
        );
        assert!(ws.has_member(root, Path::new("/ws/xtask")));
        assert!(ws.has_member(root, Path::new("/ws/services/api")));
        assert!(!ws.has_member(root, Path::new("/ws/services/old")));
        assert!(!ws.has_member(root, Path::new("/ws/api")));
        assert!(!ws.has_member(root, Path::new("/elsewhere/api")));
    }

    #[test]
    fn the_workspace_is_the_nearest_root_above_a_crate_not_made_yet() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("Cargo.toml"), "[workspace]\n").unwrap();
        fs::create_dir(dir.path().join("lone")).unwrap();
        fs::write(
            dir.path().join("lone/Cargo.toml"),
            "[package]\nname = \"lone\"\n",
        )
        .unwrap();
        let (root, _) = enclosing_workspace(&dir.path().join("lone/services/api")).unwrap();
        assert_eq!(root, dir.path());
    }
}
