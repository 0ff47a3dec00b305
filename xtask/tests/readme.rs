//! The README's tutorial, run exactly as written: its shell blocks, in order, must end green.
//!
//! Only the places change: `/tmp/notes...` becomes a temporary directory, `cargo xtask` the xtask
//! binary already built for this test, and the tutorial crate builds in the shared `target/e2e`.

use std::path::Path;
use std::process::Command;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

fn tutorial_script(readme: &str) -> String {
    let mut in_tutorial = false;
    let mut heading = None::<String>;
    let mut block = None::<String>;
    let mut script = String::new();
    for event in Parser::new(readme) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                in_tutorial = heading.take().is_some_and(|h| h.starts_with("Tutorial"));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang)))
                if in_tutorial && &*lang == "sh" =>
            {
                block = Some(String::new());
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(block) = block.take() {
                    script.push_str(&block);
                    script.push('\n');
                }
            }
            Event::Text(text) => {
                if let Some(block) = block.as_mut() {
                    block.push_str(&text);
                } else if let Some(heading) = heading.as_mut() {
                    heading.push_str(&text);
                }
            }
            _ => {}
        }
    }
    script
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
        .replace("cargo xtask", env!("CARGO_BIN_EXE_xtask"));
    let out = Command::new("bash")
        .args(["-euo", "pipefail", "-c", &script])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", root.join("target/e2e"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the tutorial failed:\n{stdout}\n{stderr}"
    );
    // Step 2 ran them ignored; step 5 runs the three tests of step 4, none ignored any more.
    assert!(
        stdout.contains("test result: ok. 0 passed; 0 failed; 3 ignored"),
        "{stdout}"
    );
    assert!(
        stdout.contains("test result: ok. 3 passed; 0 failed; 0 ignored"),
        "{stdout}"
    );
    assert!(!stderr.contains("warning:"), "{stderr}");
}
