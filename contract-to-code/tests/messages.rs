//! `--message-format`, standard input and completions as CI and a shell use them: a bad issue, a
//! breaking change and drift said as JSON lines and GitHub workflow commands, an issue piped in
//! as `-`, and completion scripts the shell's own parser accepts.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command line runs");
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        // A command refused before it reads (`scaffold -`) may have closed its end already.
        if let Err(error) = pipe.write_all(text.as_bytes()) {
            assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
        }
    }
    child.wait_with_output().expect("the command line ends")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every line of standard output as JSON.
fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn issue(block: &str) -> String {
    format!("# Orders\n\n**API Contract:**\n```\n{block}\n```\n")
}

/// Line 6 of the file, the type at column 20.
const BAD: &str = "POST /api/orders\nRequest: { sku: strng }\nResponse: { id: string }";

const ORDERS: &str = "POST /api/orders\nRequest: { sku: string }\nResponse (201): { id: string }\nErrors: { 400: \"Bad order\" }";

#[test]
fn a_bad_issue_is_one_message_at_its_place_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.md"), issue(BAD)).unwrap();
    // The place, worked out by hand: line 6 is `Request: { sku: strng }`, `strng` at column 17.
    assert_eq!(issue(BAD).lines().nth(5), Some("Request: { sku: strng }"));

    let human = run_in(dir.path(), &["inspect", "bad.md"], None);
    assert_eq!(human.status.code(), Some(2));
    assert_eq!(stdout(&human), "");
    assert!(
        stderr(&human).contains("--> bad.md:6:17"),
        "{}",
        stderr(&human)
    );

    for command in [&["inspect"][..], &["openapi"], &["mock", "--port", "0"]] {
        let mut args = command.to_vec();
        args.extend(["bad.md", "--message-format", "json"]);
        let out = run_in(dir.path(), &args, None);
        assert_eq!(out.status.code(), Some(2), "{command:?}: {}", stderr(&out));
        let lines = json_lines(&out);
        assert_eq!(lines.len(), 1, "{command:?}: {lines:?}");
        let message = &lines[0];
        assert_eq!(message["level"], "error");
        assert_eq!(message["kind"], "contract");
        assert_eq!(message["file"], "bad.md");
        assert_eq!(
            (&message["line"], &message["column"]),
            (&6.into(), &17.into())
        );
        assert_eq!(
            message["end"],
            serde_json::json!({ "line": 6, "column": 22 })
        );
        assert!(
            message["message"].as_str().unwrap().contains("strng"),
            "{message}"
        );
        // The text for people still goes to the log.
        assert!(stderr(&out).contains("--> bad.md:6:17"), "{}", stderr(&out));
    }

    let github = run_in(
        dir.path(),
        &["inspect", "bad.md", "--message-format=github"],
        None,
    );
    assert_eq!(github.status.code(), Some(2));
    let text = stdout(&github);
    assert!(
        text.starts_with("::error file=bad.md,line=6,col=17,title=contract::"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn a_breaking_change_is_an_error_and_a_note_a_warning_at_the_new_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("old.md"), issue(ORDERS)).unwrap();
    let new = ORDERS
        .replace("sku: string", "sku: string, count: integer")
        .replace(
            "400: \"Bad order\"",
            "400: \"Bad order\", 409: \"Sold out\"",
        );
    fs::write(dir.path().join("new.md"), issue(&new)).unwrap();

    let out = run_in(
        dir.path(),
        &["diff", "old.md", "new.md", "--message-format", "github"],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "::error file=new.md,line=6,title=breaking-change%3A request-field-added-required::\
             POST /api/orders: request field `count` added as required",
            "::warning file=new.md,line=8,title=diff-note%3A error-status-added::\
             POST /api/orders: error 409 \"Sold out\" added: clients may not handle it",
        ]
    );
    assert!(stderr(&out).contains("diff: 1 breaking, 1 note(s), 0 compatible"));

    let out = run_in(
        dir.path(),
        &["diff", "old.md", "new.md", "--message-format", "json"],
        None,
    );
    let lines = json_lines(&out);
    let codes: Vec<(&str, &str)> = lines
        .iter()
        .map(|l| (l["level"].as_str().unwrap(), l["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [
            ("error", "request-field-added-required"),
            ("warning", "error-status-added")
        ]
    );

    let both = run_in(
        dir.path(),
        &[
            "diff",
            "old.md",
            "new.md",
            "--json",
            "--message-format",
            "json",
        ],
        None,
    );
    assert_eq!(both.status.code(), Some(2));
    assert!(stderr(&both).contains("choose one"), "{}", stderr(&both));
}

#[test]
fn drift_names_the_file_under_the_crate_in_json_and_for_github() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("orders.md"), issue(ORDERS)).unwrap();
    let scaffold = |extra: &[&str]| {
        let mut args = vec!["scaffold", "orders.md", "--crate", "api"];
        args.extend(extra);
        run_in(dir.path(), &args, None)
    };
    let made = scaffold(&["--contract-dep", "\"0.1\""]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let clean = scaffold(&["--check", "--message-format", "json"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert_eq!(stdout(&clean), "", "only messages on stdout");

    let generated = dir.path().join("api/src/routes/create_order.rs");
    let mut text =
        fs::read_to_string(&generated).unwrap_or_else(|e| panic!("{e}: {}", generated.display()));
    text.push_str("\nfn drifted() {}\n");
    fs::write(&generated, text).unwrap();

    let out = scaffold(&["--check", "--message-format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines = json_lines(&out);
    let drift: Vec<&Value> = lines.iter().filter(|l| l["kind"] == "drift").collect();
    assert_eq!(drift.len(), 1, "{lines:?}");
    assert_eq!(drift[0]["file"], "api/src/routes/create_order.rs");
    assert_eq!(drift[0]["level"], "error");
    assert!(drift[0]["help"].as_str().unwrap().contains("scaffold"));
    assert!(stderr(&out).contains("drift: src/routes/create_order.rs differs from the issues"));

    let out = scaffold(&["--check", "--message-format", "github"]);
    assert!(
        stdout(&out)
            .lines()
            .any(|l| l.starts_with("::error file=api/src/routes/create_order.rs,title=drift::")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_issue_piped_in_as_a_dash_is_read_and_named_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["inspect", "-"], Some(&issue(ORDERS)));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("<stdin>\n"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("POST /api/orders"),
        "{}",
        stdout(&out)
    );

    let out = run_in(dir.path(), &["openapi", "-"], Some(&issue(ORDERS)));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let document: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(document["paths"]["/api/orders"]["post"].is_object());

    let out = run_in(dir.path(), &["inspect", "-"], Some(&issue(BAD)));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--> <stdin>:6:17"),
        "{}",
        stderr(&out)
    );

    // One side of a diff from standard input, the other a file.
    fs::write(dir.path().join("new.md"), issue(ORDERS)).unwrap();
    let out = run_in(dir.path(), &["diff", "-", "new.md"], Some(&issue(ORDERS)));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("diff: 0 breaking"),
        "{}",
        stdout(&out)
    );

    for args in [
        &["scaffold", "-"][..],
        &["inspect", "-", "-"],
        &["diff", "--base", "main", "-"],
    ] {
        let out = run_in(dir.path(), args, Some(&issue(ORDERS)));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("`-`"), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    }
    assert!(!dir.path().join("src").exists(), "scaffold wrote nothing");
}

#[test]
fn completion_scripts_parse_in_their_shell() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = run_in(dir.path(), &["completions", shell], None);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for word in ["scaffold", "verify", "pull", "message-format"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
        // The binary run as `cargo contract-to-code` is completed under its own name.
        assert!(script.contains("cargo-contract-to-code"), "{shell}");
        let file = dir.path().join(format!("completions.{shell}"));
        fs::write(&file, &script).unwrap();
        // Each shell that is here checks its script's syntax; bash is everywhere CI runs.
        let check: &[&str] = match shell {
            "bash" => &["bash", "-n"],
            "zsh" => &["zsh", "-n"],
            "fish" => &["fish", "--no-execute"],
            _ => continue,
        };
        match Command::new(check[0]).args(&check[1..]).arg(&file).output() {
            Ok(parsed) => assert!(
                parsed.status.success(),
                "{shell} refuses its script: {}",
                String::from_utf8_lossy(&parsed.stderr)
            ),
            Err(_) if shell != "bash" => {}
            Err(error) => panic!("bash must be here: {error}"),
        }
    }
    let out = run_in(dir.path(), &["completions", "tcsh"], None);
    assert_eq!(out.status.code(), Some(2));
}
