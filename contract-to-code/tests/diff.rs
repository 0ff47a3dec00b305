//! `cargo xtask diff` as a user runs it: two sets of issues, or the issues against a git
//! revision; the grouped report, `--json`, and the exit statuses CI relies on.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn diff(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .arg("diff")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the command line runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn issue(block: &str) -> String {
    format!("# Orders\n\n**API Contract:**\n```\n{block}\n```\n")
}

const BEFORE: &str = "POST /api/orders
Request: { sku: string, quantity: integer }
Response (201): { id: uuid, total: number }
Errors: { 400: \"Bad order\" }

GET /api/orders/{id}
Response: { id: uuid, status: \"open\" | \"shipped\" }";

const AFTER: &str = "POST /api/orders
Request: { sku: string, quantity: integer, coupon?: string }
Response (201): { id: uuid, total: number }
Errors: { 400: \"Bad order\", 409: \"Out of stock\" }

GET /api/orders/{orderId}
Response: { id: uuid, status: \"open\" | \"shipped\" | \"lost\" }";

/// `old/orders.md` and `new/orders.md` in a fresh directory.
fn sides(old: &str, new: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (side, block) in [("old", old), ("new", new)] {
        fs::create_dir_all(dir.path().join(side)).unwrap();
        fs::write(dir.path().join(side).join("orders.md"), issue(block)).unwrap();
    }
    dir
}

#[test]
fn changes_are_grouped_by_endpoint_with_both_places() {
    let dir = sides(
        BEFORE,
        &AFTER.replace("quantity: integer", "quantity: string"),
    );
    let out = diff(dir.path(), &["old", "new"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let expected = "POST /api/orders
  breaking   request field `quantity` changed: an integer is now a string [request-type-changed] (old/orders.md:6 -> new/orders.md:6)
  note       error 409 \"Out of stock\" added: clients may not handle it [error-status-added] (old/orders.md:5 -> new/orders.md:8)
  compatible request field `coupon` added as optional [request-field-added-optional] (old/orders.md:5 -> new/orders.md:6)
GET /api/orders/{orderId}
  note       response field `status` has a new value \"lost\": clients may not handle it [response-enum-value-added] (old/orders.md:11 -> new/orders.md:11)
diff: 1 breaking, 2 note(s), 1 compatible
";
    assert_eq!(text, expected);
}

#[test]
fn only_breaking_changes_fail_unless_notes_are_asked_to() {
    let dir = sides(BEFORE, AFTER);
    let out = diff(dir.path(), &["old", "new"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).ends_with("diff: 0 breaking, 2 note(s), 1 compatible\n"));
    let out = diff(dir.path(), &["old", "new", "--fail-on", "notes"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    // No change at all: nothing to fail on.
    let out = diff(
        dir.path(),
        &["old/orders.md", "old/orders.md", "--fail-on", "notes"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "diff: 0 breaking, 0 note(s), 0 compatible\n");
}

#[test]
fn json_lists_each_change_and_the_counts() {
    let dir = sides(BEFORE, "GET /api/orders/{id}\nResponse: { id: uuid }");
    let out = diff(dir.path(), &["old", "new", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["breaking"], 2, "{json:#}");
    let rules: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["response-field-removed", "endpoint-removed"]);
    let removed = &json["changes"][1];
    assert_eq!(removed["endpoint"], "POST /api/orders");
    assert_eq!(removed["class"], "breaking");
    assert_eq!(removed["old"]["file"], "old/orders.md");
    assert_eq!(removed["old"]["line"], 5);
    assert!(removed.get("new").is_none(), "{removed:#}");
}

#[test]
fn bad_input_exits_2() {
    let dir = sides(BEFORE, "POST /api/orders\nRequest: { sku: strng }");
    let out = diff(dir.path(), &["old", "new"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("new/orders.md:6:"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
    let out = diff(dir.path(), &["old"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("takes two paths"), "{}", stderr(&out));
    let out = diff(dir.path(), &["old", "missing"]);
    assert_eq!(out.status.code(), Some(2));
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
}

/// `--base REF` reads each file as git has it at REF, without touching the checkout; a file git
/// does not have there is new, and a revision it does not know is bad input.
#[test]
fn base_compares_with_a_git_revision() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    fs::create_dir_all(root.join("issues")).unwrap();
    fs::write(root.join("issues/orders.md"), issue(BEFORE)).unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "orders"]);
    let changed = AFTER.replace("quantity: integer", "quantity: integer, note: string");
    fs::write(root.join("issues/orders.md"), issue(&changed)).unwrap();
    fs::write(root.join("issues/refunds.md"), issue("POST /api/refunds")).unwrap();

    let out = diff(
        root,
        &["--base", "HEAD", "issues/orders.md", "issues/refunds.md"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "breaking   request field `note` added as required [request-field-added-required] \
             (issues/orders.md@HEAD:5 -> issues/orders.md:6)"
        ),
        "{text}"
    );
    assert!(
        text.contains("POST /api/refunds\n  compatible endpoint added"),
        "{text}"
    );
    let status = Command::new("git")
        .args(["status", "--porcelain"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        " M issues/orders.md\n?? issues/refunds.md\n"
    );

    let out = diff(root, &["--base", "no-such-ref", "issues/orders.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-ref"), "{}", stderr(&out));
}
