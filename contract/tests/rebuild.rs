//! Editing the issue file rebuilds a crate that uses `#[contract]` on it: a tiny crate prints the
//! contract's message for 409, the issue's message changes, and `cargo build` alone (no source
//! touched) gives a binary that prints the new one.
//!
//! Builds in `target/e2e`, the directory the scaffold end-to-end tests share, so the dependencies
//! are compiled once across them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const ISSUE: &str = r#"**API Contract:**
```javascript
POST /api/tags
Request: { name: string }
Response: { id: string }
Errors: { 409: "Tag taken" }
```
"#;

const MAIN: &str = r#"use axum::Json;
use contract::contract;

#[contract("issues/create-tag.md")]
pub async fn create_tag(
    Json(request): Json<CreateTagRequest>,
) -> Result<Json<CreateTagResponse>, CreateTagError> {
    let _ = request;
    Err(CreateTagError::Conflict)
}

fn main() {
    print!("{}", CreateTagError::Conflict.message());
}
"#;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `cargo build` in `dir`; whether the crate itself was compiled.
fn build(dir: &Path) -> bool {
    let out = Command::new(env!("CARGO"))
        .args(["build", "--offline"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", workspace().join("target/e2e"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    log.contains("Compiling rebuild-probe")
}

fn run() -> String {
    let binary = workspace().join("target/e2e/debug/rebuild-probe");
    let out = Command::new(binary).output().expect("the probe runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn editing_the_issue_rebuilds_the_crate() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let contract = fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
    fs::write(
        root.join("Cargo.toml"),
        format!(
            "[package]\nname = \"rebuild-probe\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
             [dependencies]\naxum = {{ version = \"0.8\", default-features = false, features = [\"json\", \"query\"] }}\n\
             contract = {{ path = {:?} }}\n",
            contract.to_string_lossy()
        ),
    )
    .unwrap();
    // The workspace's versions, so nothing is resolved anew and compiled crates are shared.
    fs::copy(workspace().join("Cargo.lock"), root.join("Cargo.lock")).unwrap();
    fs::create_dir_all(root.join("src")).unwrap();
    fs::create_dir_all(root.join("issues")).unwrap();
    fs::write(root.join("src/main.rs"), MAIN).unwrap();
    let issue = root.join("issues/create-tag.md");
    fs::write(&issue, ISSUE).unwrap();

    assert!(build(root), "the first build compiles the crate");
    assert_eq!(run(), "Tag taken");
    assert!(
        !build(root),
        "nothing changed, yet the crate was compiled again"
    );

    fs::write(
        &issue,
        ISSUE.replace("Tag taken", "A tag with this name exists"),
    )
    .unwrap();
    assert!(build(root), "editing the issue did not rebuild the crate");
    assert_eq!(run(), "A tag with this name exists");
}
