//! No tracked file reads a path outside the repository, so a clone with nothing beside it passes
//! every test. A relative path that climbs (`../..`) is resolved from where its file would be
//! read from, and must stay inside the clone. The one exception is CI's script reading a folder
//! beside the clone only when it is there (`if [ -d PATH ]`): an extra corpus no test needs.

use std::path::{Component, Path, PathBuf};
use std::process::Command;

/// The repository's root: the parent of this crate's directory.
fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is in the repository")
        .to_path_buf()
}

/// The files git tracks, or every file but `target/` and `.git/` where there is no git.
fn tracked(root: &Path) -> Vec<PathBuf> {
    let listed = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["ls-files", "-z"])
        .output()
        .ok()
        .filter(|out| out.status.success() && !out.stdout.is_empty());
    if let Some(out) = listed {
        return out
            .stdout
            .split(|b| *b == 0)
            .filter(|name| !name.is_empty())
            .map(|name| PathBuf::from(String::from_utf8_lossy(name).into_owned()))
            .collect();
    }
    let mut files = Vec::new();
    let mut dirs = vec![PathBuf::new()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(root.join(&dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let relative = dir.join(entry.file_name());
            if entry.path().is_dir() {
                if !matches!(relative.to_str(), Some("target" | ".git")) {
                    dirs.push(relative);
                }
            } else {
                files.push(relative);
            }
        }
    }
    files
}

/// Where `relative` leads from `dir` (both relative to the root, `..` taken lexically): `None`
/// once it climbs above the root.
fn resolve(dir: &Path, relative: &str) -> Option<PathBuf> {
    let mut parts: Vec<_> = dir.components().collect();
    for part in Path::new(relative).components() {
        match part {
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::Normal(_) => parts.push(part),
            _ => {}
        }
    }
    Some(parts.iter().collect())
}

/// Whether a climbing path reads outside the repository: it does when, from one of the places
/// it may be relative to, it climbs above the root, unless from another it names something
/// that exists in the repository (that one is where it is read from).
fn reads_outside(root: &Path, bases: &[PathBuf], path: &str) -> bool {
    let resolved: Vec<Option<PathBuf>> = bases.iter().map(|base| resolve(base, path)).collect();
    let names_something_here = resolved
        .iter()
        .flatten()
        .any(|inside| root.join(inside).exists());
    !names_something_here && resolved.iter().any(Option::is_none)
}

/// The nearest directory at or above `file` with a `Cargo.toml`: what `CARGO_MANIFEST_DIR` is
/// for a Rust file.
fn crate_dir(root: &Path, file: &Path) -> PathBuf {
    file.ancestors()
        .skip(1)
        .find(|dir| root.join(dir).join("Cargo.toml").is_file())
        .unwrap_or(Path::new(""))
        .to_path_buf()
}

/// The climbing paths in `text`: each run of `../` and what follows it up to a delimiter.
fn climbing_paths(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("../") {
        let start = from + at;
        // Only the start of a run counts, and not `.../`.
        let before = text[..start].chars().next_back();
        if before == Some('.') {
            from = start + 3;
            continue;
        }
        let end = text[start..]
            .find(|c: char| c.is_whitespace() || "\"'`)(<>,;:]|\\".contains(c))
            .map_or(text.len(), |n| start + n);
        found.push((start, &text[start..end]));
        from = end.max(start + 3);
    }
    found
}

/// Where a climbing path at `at` in `file` is read from: the directories it may be relative to.
fn bases(root: &Path, file: &Path, text: &str, at: usize) -> Vec<PathBuf> {
    let file_dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let line = &text[line_start..at];
    let extension = file.extension().and_then(|x| x.to_str()).unwrap_or("");
    // `$(dirname "$0")/..` and `include_str!("..")` are relative to the file itself.
    if line.ends_with("dirname \"$0\")/") || line.contains("include_str!") {
        return vec![file_dir];
    }
    match extension {
        "toml" => vec![file_dir],
        // Joined to `CARGO_MANIFEST_DIR`, to the repository's root (its parent, for tests of the
        // command line), or to the file's directory.
        "rs" => vec![crate_dir(root, file), PathBuf::new(), file_dir],
        // Links are relative to the page, commands to the root they are run from.
        _ => vec![file_dir, PathBuf::new()],
    }
}

/// Files whose text is output, not something that reads: snapshots and expected compiler output.
fn is_output(file: &Path) -> bool {
    matches!(
        file.extension().and_then(|x| x.to_str()),
        Some("snap" | "stderr" | "lock")
    )
}

/// Climbing paths that read nothing outside: paths that tests give scaffold to see it refuse them.
const ALLOWED: &[(&str, &str)] = &[
    ("contract-core/src/expand/layout.rs", "../x.js"),
    ("contract-core/src/expand/layout.rs", "../../x.js"),
    ("contract-to-code/tests/scaffold.rs", "../../outside/"),
    // A git remote's URL, which a test only classifies.
    ("contract-to-code/src/dependency.rs", "../c2c"),
    // The `#[path]` by which a scaffolded crate's test binary, `tests/endpoints/main.rs`,
    // declares the user's `tests/common/mod.rs`: written into that crate, and documented.
    ("contract-core/src/expand/test_files.rs", "../common/mod.rs"),
    ("contract-core/tests/test_files.rs", "../common/mod.rs"),
    ("docs/scaffold.md", "../common/mod.rs"),
];

/// Files whose climbing paths are path arithmetic, computed and compared, never opened: this
/// checker, and scaffold's paths module.
const ARITHMETIC: &[&str] = &["tests/self_contained.rs", "contract-to-code/src/paths.rs"];

/// CI's script may read a folder beside the clone when, and only when, it is there: it tests for
/// the folder (`[ -d PATH ]`) before using it.
fn read_only_when_there(file: &Path, text: &str, path: &str) -> bool {
    let folder = path.trim_end_matches('/');
    file == Path::new(".ci/run")
        && text
            .lines()
            .any(|line| line.contains(&format!("[ -d {folder} ]")))
}

#[test]
fn no_tracked_file_reads_outside_the_repository() {
    let root = repository();
    let files = tracked(&root);
    assert!(files.len() > 50, "too few files found: {}", files.len());
    let mut escapes = Vec::new();
    let checked = files
        .iter()
        .filter(|f| !is_output(f) && !ARITHMETIC.iter().any(|a| Path::new(a) == *f));
    for file in checked {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            continue;
        };
        for (at, path) in climbing_paths(&text) {
            let allowed = ALLOWED
                .iter()
                .any(|(f, p)| Path::new(f) == file && path.starts_with(p))
                || read_only_when_there(file, &text, path);
            if reads_outside(&root, &bases(&root, file, &text, at), path) && !allowed {
                let line = text[..at].lines().count().max(1);
                escapes.push(format!("{}:{line}: {path}", file.display()));
            }
        }
    }
    assert!(
        escapes.is_empty(),
        "paths that climb out of the repository:\n{}",
        escapes.join("\n")
    );
}

#[test]
fn the_checker_sees_what_it_must() {
    let root = Path::new("/r");
    assert_eq!(
        resolve(Path::new("contract-core"), "../docs/x.md"),
        Some(PathBuf::from("docs/x.md"))
    );
    assert_eq!(
        resolve(Path::new("contract-core"), "../../beside/corpus"),
        None
    );
    let here = repository();
    let rs_bases = [PathBuf::from("contract-to-code"), PathBuf::new()];
    assert!(!reads_outside(&here, &rs_bases, "../docs"));
    assert!(reads_outside(
        &here,
        &rs_bases,
        "../beside/corpus/valid/a.md"
    ));
    let text = "let p = concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/../../beside/corpus\");";
    let found = climbing_paths(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, "../../beside/corpus");
    assert!(
        climbing_paths("see .../ and ../x")
            .iter()
            .all(|(_, p)| *p == "../x")
    );
    let file = Path::new("scripts/run.sh");
    let cd = "cd \"$(dirname \"$0\")/..\"";
    let at = cd.find("..").unwrap();
    assert_eq!(bases(root, file, cd, at), [PathBuf::from("scripts")]);
    let ci = Path::new(".ci/run");
    let guarded = "if [ -d ../beside ]; then\n  check ../beside\nfi\n";
    assert!(read_only_when_there(ci, guarded, "../beside"));
    assert!(!read_only_when_there(ci, "check ../beside\n", "../beside"));
    assert!(!read_only_when_there(
        Path::new("scripts/x.sh"),
        guarded,
        "../beside"
    ));
}
