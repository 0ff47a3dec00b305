//! Where a new crate takes the `contract` crate from. The line scaffold writes must build for every
//! teammate and in CI, not only on the machine that ran it, so the first of these that applies
//! wins:
//!
//! 1. `--contract-dep SPEC`, as the user gives it;
//! 2. `contract.workspace = true`, when the crate's workspace names `contract` in
//!    `[workspace.dependencies]`;
//! 3. the source cargo recorded for this tool, in a workspace's `Cargo.lock` (the tool as an
//!    xtask's git dependency) or in `cargo install`'s record (the installed binary): a git
//!    dependency pinned to that commit;
//! 4. the checkout this tool was built from: a relative path when the crate is inside it, else a
//!    git dependency pinned to its `HEAD` when it has a remote others can fetch;
//! 5. else an absolute path into that checkout, with a note that it builds on this machine only.

use std::path::{Path, PathBuf};
use std::process::Command;

use contract_core::expand::crate_files::ContractDependency;
use toml_edit::{DocumentMut, Item, Value};

use crate::Failure;
use crate::manifest::enclosing_workspace;
use crate::paths::{relative_to, resolved, slashes};

/// The dependency, and what the user should know about it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    pub dependency: ContractDependency,
    /// Why it may not build elsewhere, or where it was inferred from when that may surprise.
    pub notes: Vec<String>,
}

impl Resolved {
    fn new(dependency: ContractDependency) -> Self {
        Resolved {
            dependency,
            notes: Vec::new(),
        }
    }
}

/// This package's name, as lock files and cargo's install record spell it.
const PACKAGE: &str = env!("CARGO_PKG_NAME");

/// The directory this tool was built from; a checkout of its repository when it is run from one.
const TOOL_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The `contract` dependency for a new crate at `crate_dir`.
pub fn resolve(crate_dir: &Path, explicit: Option<&str>) -> Result<Resolved, Failure> {
    if let Some(spec) = explicit {
        return parse_spec(spec);
    }
    let crate_dir = resolved(crate_dir);
    let workspace = enclosing_workspace(&crate_dir);
    if let Some((_, manifest)) = &workspace
        && manifest.has_workspace_dependency("contract")
    {
        return Ok(Resolved::new(ContractDependency::Workspace));
    }
    // The lock file of the crate's workspace, else of the one the tool runs in (its xtask's).
    let running = std::env::current_dir()
        .ok()
        .and_then(|dir| enclosing_workspace(&dir));
    let locks = workspace
        .iter()
        .chain(&running)
        .map(|(root, _)| root.join("Cargo.lock"));
    let recorded = locks
        .filter_map(|lock| locked_source(&std::fs::read_to_string(lock).ok()?))
        .next()
        .or_else(installed_source);
    if let Some(source) = recorded {
        return Ok(Resolved::new(source));
    }
    from_checkout(&crate_dir, Path::new(TOOL_DIR))
}

/// `--contract-dep`: `workspace`, a version in quotes, or an inline table as `Cargo.toml` takes it.
fn parse_spec(spec: &str) -> Result<Resolved, Failure> {
    let usage = |why: &str| {
        Failure::Usage(format!(
            "`--contract-dep {spec}`: {why}; give `workspace`, a version in quotes (`\"0.1\"`), or \
             an inline table such as `{{ git = \"https://...\", tag = \"v0.1.0\" }}`"
        ))
    };
    let spec = spec.trim();
    if spec == "workspace" {
        return Ok(Resolved::new(ContractDependency::Workspace));
    }
    let doc: DocumentMut = format!("contract = {spec}\n")
        .parse()
        .map_err(|_| usage("not a TOML value"))?;
    if doc.len() != 1 {
        return Err(usage("more than one value"));
    }
    match doc.get("contract") {
        Some(Item::Value(Value::String(version))) => Ok(Resolved::new(ContractDependency::Table(
            format!("version = {}", version.display_repr()),
        ))),
        Some(Item::Value(Value::InlineTable(table))) => {
            const KEYS: [&str; 12] = [
                "version",
                "path",
                "git",
                "branch",
                "tag",
                "rev",
                "registry",
                "package",
                "features",
                "default-features",
                "optional",
                "workspace",
            ];
            if let Some((key, _)) = table.iter().find(|(key, _)| !KEYS.contains(key)) {
                return Err(usage(&format!("`{key}` is not a dependency key")));
            }
            if table.get("workspace").and_then(Value::as_bool) == Some(true) {
                return Ok(Resolved::new(ContractDependency::Workspace));
            }
            if !["version", "path", "git"]
                .iter()
                .any(|k| table.contains_key(k))
            {
                return Err(usage("it names no source (`version`, `path` or `git`)"));
            }
            let keys: Vec<String> = table
                .iter()
                .map(|(key, value)| format!("{key} = {}", value.to_string().trim()))
                .collect();
            let mut resolved = Resolved::new(ContractDependency::Table(keys.join(", ")));
            if let Some(path) = table.get("path").and_then(Value::as_str)
                && Path::new(path).is_absolute()
            {
                resolved.notes.push(format!(
                    "`contract` is taken from the absolute path `{path}`: the crate builds only \
                     where that path exists"
                ));
            }
            Ok(resolved)
        }
        _ => Err(usage("neither a quoted version nor an inline table")),
    }
}

/// A git dependency pinned to one commit.
fn git(url: &str, commit: &str) -> ContractDependency {
    ContractDependency::Table(format!(
        "git = {}, rev = {}",
        Value::from(url),
        Value::from(commit)
    ))
}

/// Where a `Cargo.lock` says this tool came from, when from somewhere others can fetch too.
fn locked_source(lock: &str) -> Option<ContractDependency> {
    let doc: DocumentMut = lock.parse().ok()?;
    let packages = doc.get("package")?.as_array_of_tables()?;
    packages
        .iter()
        .filter(|package| package.get("name").and_then(Item::as_str) == Some(PACKAGE))
        .find_map(|package| {
            let source = package.get("source")?.as_str()?;
            let version = package.get("version").and_then(Item::as_str);
            source_dependency(source, version)
        })
}

/// A package source as cargo records it (`git+URL?branch=main#COMMIT`, `registry+URL`) as a
/// dependency on the `contract` crate of the same source.
fn source_dependency(source: &str, version: Option<&str>) -> Option<ContractDependency> {
    if let Some(git_source) = source.strip_prefix("git+") {
        let (url, commit) = git_source.split_once('#')?;
        let url = url.split_once('?').map_or(url, |(url, _query)| url);
        // A repository on this machine (`file://`) is no source for anyone else.
        return Some(git(&fetchable(url)?, commit));
    }
    if source.starts_with("registry+") || source.starts_with("sparse+") {
        let version = version?;
        return Some(ContractDependency::Table(format!(
            "version = {}",
            Value::from(version)
        )));
    }
    None
}

/// Where `cargo install` says the running binary came from, from its record beside the `bin`
/// directory the binary is in (`$CARGO_HOME/.crates2.json`, or `--root`'s).
fn installed_source() -> Option<ContractDependency> {
    let exe = std::env::current_exe().ok()?;
    let bin = exe.parent()?;
    if bin.file_name()? != "bin" {
        return None;
    }
    let record = std::fs::read_to_string(bin.parent()?.join(".crates2.json")).ok()?;
    installed_from(&record)
}

/// The source of this package in a `.crates2.json` record, whose keys read
/// `NAME VERSION (SOURCE)`.
fn installed_from(record: &str) -> Option<ContractDependency> {
    let record: serde_json::Value = serde_json::from_str(record).ok()?;
    record.get("installs")?.as_object()?.keys().find_map(|key| {
        let (name, rest) = key.split_once(' ')?;
        let (version, source) = rest.split_once(' ')?;
        let source = source.strip_prefix('(')?.strip_suffix(')')?;
        (name == PACKAGE)
            .then(|| source_dependency(source, Some(version)))
            .flatten()
    })
}

/// From the checkout the tool was built from, at `tool_dir` (this crate's directory in it).
fn from_checkout(crate_dir: &Path, tool_dir: &Path) -> Result<Resolved, Failure> {
    let contract_dir = resolved(&tool_dir.join("../contract"));
    if !contract_dir.join("Cargo.toml").is_file() {
        return Err(Failure::Usage(
            "cannot tell where a new crate should take the `contract` crate from: pass \
             `--contract-dep` (for example `--contract-dep '{ git = \"https://...\", tag = \"v0.1.0\" }'`)"
                .to_string(),
        ));
    }
    let repository = git_output(tool_dir, &["rev-parse", "--show-toplevel"])
        .map(PathBuf::from)
        .unwrap_or_else(|| contract_dir.join(".."));
    let repository = resolved(&repository);
    if crate_dir.starts_with(&repository) {
        let path = relative_to(crate_dir, &contract_dir);
        return Ok(Resolved::new(ContractDependency::Table(format!(
            "path = {}",
            Value::from(path)
        ))));
    }
    let remote = git_output(tool_dir, &["remote", "get-url", "origin"]).and_then(|u| fetchable(&u));
    let commit = git_output(tool_dir, &["rev-parse", "HEAD"]);
    if let (Some(url), Some(commit)) = (remote, commit) {
        let mut resolved = Resolved::new(git(&url, &commit));
        let short = &commit[..commit.len().min(12)];
        if git_output(tool_dir, &["status", "--porcelain", "--untracked-files=no"])
            .is_some_and(|changes| !changes.is_empty())
        {
            resolved.notes.push(format!(
                "`contract` is pinned to commit {short} of {url}, which lacks the uncommitted \
                 changes of {}",
                repository.display()
            ));
        }
        if git_output(tool_dir, &["branch", "--remotes", "--contains", "HEAD"])
            .is_some_and(|branches| branches.is_empty())
        {
            resolved.notes.push(format!(
                "`contract` is pinned to commit {short}, which no branch of {url} had when last \
                 fetched: push it, or others cannot build the crate"
            ));
        }
        return Ok(resolved);
    }
    let path = slashes(&contract_dir);
    Ok(Resolved {
        dependency: ContractDependency::Table(format!("path = {}", Value::from(path.as_str()))),
        notes: vec![format!(
            "`contract` is taken from the absolute path `{path}` (this tool's checkout, which has \
             no remote to pin): the crate builds only on this machine; pass `--contract-dep` to \
             choose another source"
        )],
    })
}

/// A remote URL as cargo can fetch it from another machine: `None` for a local path.
fn fetchable(url: &str) -> Option<String> {
    let url = url.trim();
    if let Some((scheme, _)) = url.split_once("://") {
        return (scheme != "file").then(|| url.to_string());
    }
    // scp-like `git@host:owner/repo.git`, which cargo takes only as an `ssh://` URL.
    let (host, path) = url.split_once(':')?;
    (host.contains('@') && !host.contains('/')).then(|| format!("ssh://{host}/{path}"))
}

/// What `git -C dir ARGS` prints, trimmed; `None` when git is missing or fails.
fn git_output(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(keys: &str) -> ContractDependency {
        ContractDependency::Table(keys.to_string())
    }

    #[test]
    fn explicit_specs_as_cargo_toml_spells_them() {
        let dependency = |spec| parse_spec(spec).map(|r| r.dependency).ok();
        assert_eq!(dependency("workspace"), Some(ContractDependency::Workspace));
        assert_eq!(
            dependency("{ workspace = true }"),
            Some(ContractDependency::Workspace)
        );
        assert_eq!(dependency("\"0.1\""), Some(table("version = \"0.1\"")));
        assert_eq!(
            dependency("{ git = \"https://example.com/c2c\", tag = \"v0.1.0\" }"),
            Some(table("git = \"https://example.com/c2c\", tag = \"v0.1.0\""))
        );
        assert_eq!(
            dependency("{path=\"../../contract\"}"),
            Some(table("path = \"../../contract\""))
        );
    }

    #[test]
    fn malformed_specs_say_what_is_wrong() {
        let why = |spec| match parse_spec(spec) {
            Err(Failure::Usage(message)) => message,
            other => panic!("{spec}: {other:?}"),
        };
        assert!(
            why("0.1").contains("neither a quoted version"),
            "{}",
            why("0.1")
        );
        assert!(why("{ git = ").contains("not a TOML value"));
        assert!(why("{ gti = \"x\" }").contains("`gti` is not a dependency key"));
        assert!(why("{ features = [\"x\"] }").contains("names no source"));
        assert!(why("\"0.1\"\nevil = 1").contains("more than one value"));
    }

    #[test]
    fn an_absolute_path_given_explicitly_is_kept_and_noted() {
        let resolved = parse_spec("{ path = \"/opt/c2c/contract\" }").unwrap();
        assert_eq!(resolved.dependency, table("path = \"/opt/c2c/contract\""));
        assert!(resolved.notes[0].contains("builds only where that path exists"));
    }

    #[test]
    fn lock_files_name_the_commit_the_tool_came_from() {
        let lock = r#"
version = 4

[[package]]
name = "contract-to-code"
version = "0.1.0"
source = "git+https://example.com/acme/c2c?branch=main#0123456789abcdef0123456789abcdef01234567"

[[package]]
name = "xtask"
version = "0.1.0"
"#;
        assert_eq!(
            locked_source(lock),
            Some(table(
                "git = \"https://example.com/acme/c2c\", rev = \"0123456789abcdef0123456789abcdef01234567\""
            ))
        );
        let by_path =
            "version = 4\n\n[[package]]\nname = \"contract-to-code\"\nversion = \"0.1.0\"\n";
        assert_eq!(locked_source(by_path), None);
        let published = by_path.replace(
            "0.1.0\"\n",
            "0.1.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n",
        );
        assert_eq!(
            locked_source(&published),
            Some(table("version = \"0.1.0\""))
        );
    }

    #[test]
    fn cargo_install_records_name_the_commit_too() {
        let record = r#"{"installs":{
            "ripgrep 14.1.0 (registry+https://github.com/rust-lang/crates.io-index)":{},
            "contract-to-code 0.1.0 (git+https://example.com/acme/c2c#abc123)":{"bins":["cargo-contract-to-code"]}
        }}"#;
        assert_eq!(
            installed_from(record),
            Some(table(
                "git = \"https://example.com/acme/c2c\", rev = \"abc123\""
            ))
        );
        assert_eq!(installed_from("{\"installs\":{}}"), None);
        let local = r#"{"installs":{"contract-to-code 0.1.0 (git+file:///srv/c2c#abc123)":{}}}"#;
        assert_eq!(installed_from(local), None);
        let by_path =
            r#"{"installs":{"contract-to-code 0.1.0 (path+file:///src/c2c/contract-to-code)":{}}}"#;
        assert_eq!(installed_from(by_path), None);
        assert_eq!(installed_from("not json"), None);
    }

    #[test]
    fn only_remotes_another_machine_can_fetch_are_pinned() {
        assert_eq!(
            fetchable("https://example.com/acme/c2c.git").as_deref(),
            Some("https://example.com/acme/c2c.git")
        );
        assert_eq!(
            fetchable("git@example.com:acme/c2c.git").as_deref(),
            Some("ssh://git@example.com/acme/c2c.git")
        );
        assert_eq!(fetchable("/srv/git/c2c"), None);
        assert_eq!(fetchable("file:///srv/git/c2c"), None);
        assert_eq!(fetchable("../c2c"), None);
    }

    /// A scratch repository with `tool/` and `contract/` in it, as this repository has, and a
    /// commit; `origin` set to `remote` when given.
    fn scratch_checkout(remote: Option<&str>) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("tool")).unwrap();
        std::fs::create_dir_all(root.join("contract")).unwrap();
        std::fs::write(
            root.join("contract/Cargo.toml"),
            "[package]\nname = \"contract\"\n",
        )
        .unwrap();
        let git = |args: &[&str]| {
            let status = Command::new("git")
                .arg("-C")
                .arg(root)
                .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
                .args(args)
                .status()
                .expect("git runs");
            assert!(status.success(), "git {args:?}");
        };
        git(&["init", "--quiet"]);
        git(&["add", "."]);
        git(&["commit", "--quiet", "-m", "scratch"]);
        if let Some(remote) = remote {
            git(&["remote", "add", "origin", remote]);
        }
        dir
    }

    #[test]
    fn a_crate_inside_the_checkout_gets_a_relative_path() {
        let checkout = scratch_checkout(None);
        let tool = checkout.path().join("tool");
        let got = from_checkout(&resolved(&checkout.path().join("services/api")), &tool).unwrap();
        assert_eq!(got.dependency, table("path = \"../../contract\""));
        assert!(got.notes.is_empty(), "{:?}", got.notes);
    }

    #[test]
    fn a_crate_outside_the_checkout_gets_its_commit_from_the_remote() {
        let checkout = scratch_checkout(Some("https://example.com/acme/c2c.git"));
        let outside = tempfile::tempdir().unwrap();
        let tool = checkout.path().join("tool");
        let got = from_checkout(&resolved(&outside.path().join("api")), &tool).unwrap();
        let commit = git_output(&tool, &["rev-parse", "HEAD"]).unwrap();
        assert_eq!(
            got.dependency,
            git("https://example.com/acme/c2c.git", &commit)
        );
        // Never fetched, so no remote branch has the commit: the user is told to push it.
        assert!(
            got.notes.iter().any(|n| n.contains("push it")),
            "{:?}",
            got.notes
        );
    }

    #[test]
    fn without_a_remote_the_absolute_path_comes_with_a_note() {
        let checkout = scratch_checkout(Some("/srv/git/local-only"));
        let outside = tempfile::tempdir().unwrap();
        let tool = checkout.path().join("tool");
        let got = from_checkout(&resolved(&outside.path().join("api")), &tool).unwrap();
        let contract = slashes(&resolved(&checkout.path().join("contract")));
        assert_eq!(got.dependency, table(&format!("path = \"{contract}\"")));
        assert!(got.notes[0].contains("builds only on this machine"));
    }

    #[test]
    fn a_workspace_that_names_contract_is_inherited_from() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("Cargo.toml"),
            "[workspace]\nmembers = [\"api\"]\n\n[workspace.dependencies]\ncontract = { git = \"https://example.com/c2c\" }\n",
        )
        .unwrap();
        let got = resolve(&dir.path().join("api"), None).unwrap();
        assert_eq!(got.dependency, ContractDependency::Workspace);
        assert_eq!(got.dependency.line(false), "contract.workspace = true");
    }
}
