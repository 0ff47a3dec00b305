//! The README, done as written: the tutorial's shell blocks, in order, must end green; and the
//! workspace that "Use it in your workspace" lays out, made outside this repository, must run
//! `cargo xtask scaffold` through its own xtask into a crate that builds, passes its tests and
//! names no absolute path.
//!
//! Only the places change: `/tmp/notes...` becomes a temporary directory, `cargo xtask` the command
//! line's binary already built for this test, `<url>` this checkout, and every crate builds in the
//! shared `target/e2e`.

use std::path::Path;
use std::process::Command;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

/// The fenced blocks of the `##` section whose heading starts with `heading`, in order, with
/// their languages.
fn section_blocks(readme: &str, heading: &str) -> Vec<(String, String)> {
    let mut in_section = false;
    let mut title = None::<String>;
    let mut block = None::<(String, String)>;
    let mut blocks = Vec::new();
    for event in Parser::new(readme) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => title = Some(String::new()),
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                in_section = title.take().is_some_and(|t| t.starts_with(heading));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if in_section => {
                block = Some((lang.to_string(), String::new()));
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(block.take()),
            Event::Text(text) => {
                if let Some((_, block)) = block.as_mut() {
                    block.push_str(&text);
                } else if let Some(title) = title.as_mut() {
                    title.push_str(&text);
                }
            }
            _ => {}
        }
    }
    blocks
}

fn tutorial_script(readme: &str) -> String {
    section_blocks(readme, "Tutorial")
        .into_iter()
        .filter(|(lang, _)| lang == "sh")
        .map(|(_, block)| block + "\n")
        .collect()
}

#[test]
fn the_tutorial_followed_literally_ends_green() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let script = tutorial_script(&readme);
    assert!(
        script.contains("cargo xtask scaffold"),
        "no tutorial found:\n{script}"
    );
    let dir = tempfile::tempdir().unwrap();
    let place = dir.path().to_str().unwrap();
    let script = script
        .replace("/tmp/notes-issues", &format!("{place}/notes-issues"))
        .replace("/tmp/notes", &format!("{place}/notes"))
        .replace("cargo xtask", env!("CARGO_BIN_EXE_cargo-contract-to-code"));
    let out = Command::new("bash")
        .args(["-euo", "pipefail", "-c", &script])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", root.join("target/e2e"))
        // This checkout's `contract`, whatever remote the checkout has (scaffold would pin its
        // commit there).
        .env(
            "CONTRACT_TO_CODE_DEP",
            format!("{{ path = {:?} }}", root.join("contract").to_string_lossy()),
        )
        .env_remove("RUSTFLAGS")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the tutorial failed:\n{stdout}\n{stderr}"
    );
    // One test binary: step 2 ran the seven derived tests and the three skeletons ignored; step 5
    // runs all ten, the three of step 4 no longer ignored.
    assert!(
        stdout.contains("test result: ok. 7 passed; 0 failed; 3 ignored"),
        "{stdout}"
    );
    assert!(
        stdout.contains("test result: ok. 10 passed; 0 failed; 0 ignored"),
        "{stdout}"
    );
    assert!(!stderr.contains("warning:"), "{stderr}");
}

/// "Use it in your workspace", followed in a scratch workspace outside the repository: its
/// `Cargo.toml`, the xtask crate and the alias exactly as the README shows them, with this
/// checkout in place of the git URL. `scaffold` runs through that xtask, and the crate it writes
/// inherits `contract` from the workspace: no absolute path, so it builds for every teammate.
#[test]
fn a_workspace_set_up_as_the_readme_says_scaffolds_a_crate_that_travels() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace");
    let repo = std::fs::canonicalize(root).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let blocks = section_blocks(&readme, "Use it in your workspace");
    let block = |lang: &str, containing: &str| {
        blocks
            .iter()
            .find(|(l, text)| l == lang && text.contains(containing))
            .map(|(_, text)| text.clone())
            .unwrap_or_else(|| panic!("no `{lang}` block with `{containing}` in the section"))
    };
    let by_path = |krate: &str| format!("{{ path = {:?} }}", repo.join(krate).to_string_lossy());
    let files = [
        (
            "Cargo.toml",
            block("toml", "[workspace]").replace("{ git = \"<url>\" }", &by_path("contract")),
        ),
        (
            "xtask/Cargo.toml",
            block("toml", "[package]").replace("{ git = \"<url>\" }", &by_path("contract-to-code")),
        ),
        (
            "xtask/src/main.rs",
            block("rust", "contract_to_code::main()"),
        ),
        (".cargo/config.toml", block("toml", "[alias]")),
    ];
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    for (file, text) in &files {
        assert!(
            !text.contains("<url>"),
            "{file} still has a placeholder:\n{text}"
        );
        let path = ws.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    // This repository's versions, so nothing is resolved anew and compiled crates are shared.
    std::fs::copy(root.join("Cargo.lock"), ws.join("Cargo.lock")).unwrap();
    std::fs::create_dir(ws.join("issues")).unwrap();
    for issue in &contract_corpus::files(contract_corpus::Kind::Valid)[1..3] {
        std::fs::copy(issue, ws.join("issues").join(issue.file_name().unwrap())).unwrap();
    }
    let command = block("sh", "cargo xtask scaffold");
    let command = command
        .lines()
        .find(|l| l.starts_with("cargo xtask scaffold"))
        .unwrap();

    let run = |script: &str| {
        let out = Command::new("bash")
            .args(["-euo", "pipefail", "-c", script])
            .current_dir(ws)
            .env("CARGO_TARGET_DIR", root.join("target/e2e"))
            .env_remove("RUSTFLAGS")
            .env_remove("CONTRACT_TO_CODE_DEP")
            .output()
            .expect("bash runs");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            out.status.success(),
            "`{script}` failed:\n{stdout}\n{stderr}"
        );
        (stdout, stderr)
    };
    let (stdout, _) = run(command);
    assert!(
        stdout.contains("scaffold: 2 issue(s) into services/api"),
        "{stdout}"
    );
    // The one note: what to add to the workspace's members, which the user then does.
    let notes: Vec<&str> = stdout.lines().filter(|l| l.starts_with("note:")).collect();
    assert_eq!(notes.len(), 1, "{stdout}");
    assert!(notes[0].ends_with("add \"services/api\" there"), "{stdout}");
    let root_manifest = files[0].1.replace(
        "members = [\"xtask\"]",
        "members = [\"xtask\", \"services/api\"]",
    );
    assert_ne!(root_manifest, files[0].1, "the README's members changed");
    std::fs::write(ws.join("Cargo.toml"), root_manifest).unwrap();
    let manifest = std::fs::read_to_string(ws.join("services/api/Cargo.toml")).unwrap();
    assert!(
        manifest.contains("\ncontract.workspace = true\n"),
        "{manifest}"
    );
    let absolute = manifest
        .lines()
        .find(|line| line.contains("= \"/") || line.contains(&*repo.to_string_lossy()));
    assert_eq!(
        absolute, None,
        "an absolute path in the crate's Cargo.toml:\n{manifest}"
    );

    let (stdout, stderr) = run("cargo test --package api");
    assert!(stdout.contains("test result: ok."), "{stdout}");
    assert!(!stdout.contains("FAILED"), "{stdout}");
    assert!(!stderr.contains("warning"), "{stderr}");
}
