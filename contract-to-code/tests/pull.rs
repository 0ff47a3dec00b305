//! `cargo xtask pull` against a stand-in `gh`: a shell script first on PATH that prints what
//! `gh repo view` and `gh issue list --json ...` print, from files the test writes, and logs how
//! it was called. The files pulled, their front matter, `--check`'s drift and the refusal to
//! overwrite an edit are checked; so are the one-line refusals without `gh` or a login.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

/// The stand-in: `gh repo view` prints `repo.json`, `gh issue list` prints `issues.json`; with a
/// file `logged-out` it answers as gh does without a login. Every call is appended to `calls`.
const GH: &str = r#"#!/bin/sh
here=$(dirname "$0")
echo "$*" >> "$here/calls"
if [ -e "$here/logged-out" ]; then
  echo "To get started with GitHub CLI, please run:  gh auth login" >&2
  exit 4
fi
case "$1 $2" in
  "repo view") cat "$here/repo.json" ;;
  "issue list") cat "$here/issues.json" ;;
  *) echo "unknown command $*" >&2; exit 1 ;;
esac
"#;

struct Gh {
    dir: tempfile::TempDir,
}

impl Gh {
    fn new(issues: &Value) -> Gh {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        fs::create_dir(&bin).unwrap();
        let gh = bin.join("gh");
        fs::write(&gh, GH).unwrap();
        fs::set_permissions(&gh, fs::Permissions::from_mode(0o755)).unwrap();
        fs::write(bin.join("repo.json"), r#"{"nameWithOwner":"acme/shop"}"#).unwrap();
        let gh = Gh { dir };
        gh.set(issues);
        gh
    }

    fn set(&self, issues: &Value) {
        fs::write(self.bin().join("issues.json"), issues.to_string()).unwrap();
    }

    fn bin(&self) -> PathBuf {
        self.dir.path().join("bin")
    }

    fn work(&self) -> &Path {
        self.dir.path()
    }

    fn pull(&self, args: &[&str]) -> Output {
        let path = format!(
            "{}:{}",
            self.bin().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
            .arg("pull")
            .args(args)
            .current_dir(self.work())
            .env("PATH", path)
            .env("NO_COLOR", "1")
            .output()
            .expect("the command line runs")
    }

    fn calls(&self) -> String {
        fs::read_to_string(self.bin().join("calls")).unwrap_or_default()
    }

    fn file(&self, name: &str) -> String {
        fs::read_to_string(self.work().join("issues").join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    }
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A body as GitHub's web editor saves it: CRLF line ends.
fn body(path: &str) -> String {
    format!(
        "## Objective\r\nList what is in stock.\r\n\r\n**API Contract:**\r\n```\r\nGET {path}\r\n\
         Response: {{ items: string[] }}\r\nErrors: {{ 401: \"Unauthorized\" }}\r\n```\r\n"
    )
}

fn issue(number: u64, title: &str, body: &str, updated: &str) -> Value {
    json!({
        "number": number,
        "title": title,
        "body": body,
        "labels": [{ "id": "LA_1", "name": "backend", "description": "", "color": "ededed" }],
        "state": "OPEN",
        "updatedAt": updated,
        "url": format!("https://github.com/acme/shop/issues/{number}"),
    })
}

fn shop() -> Value {
    json!([
        issue(
            12,
            "List stock: the shelf view",
            &body("/api/stock"),
            "2026-12-01T10:00:00Z"
        ),
        issue(
            14,
            "Which font for the docs?",
            "No contract here, just a question.",
            "2026-12-02T10:00:00Z"
        ),
    ])
}

#[test]
fn issues_with_a_contract_become_files_with_their_front_matter() {
    let gh = Gh::new(&shop());
    let out = gh.pull(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // The repository gh sees, the default label and state.
    assert_eq!(
        gh.calls(),
        "repo view --json nameWithOwner\n\
         issue list --repo acme/shop --state open --label backend --limit 500 \
         --json number,title,body,labels,state,updatedAt,url\n"
    );
    let file = gh.file("12-list-stock-the-shelf-view.md");
    // The hash is the body's SHA-256, as `sha256sum` gives it.
    let expected_front = "---\ntitle: \"List stock: the shelf view\"\nnumber: 12\n\
        url: https://github.com/acme/shop/issues/12\nlabels:\n- backend\nstate: open\n\
        updated_at: \"2026-12-01T10:00:00Z\"\n\
        body_sha256: 334d9d5cba0f5d88c6ae0fb4f781c99ed0e55b1d1c2626c663b2c6d39f5487c1\n---\n";
    assert!(file.starts_with(expected_front), "{file}");
    assert!(
        file.ends_with(&format!("\n---\n{}", body("/api/stock"))),
        "{file}"
    );
    assert_eq!(
        fs::read_dir(gh.work().join("issues")).unwrap().count(),
        1,
        "the issue without a contract is skipped"
    );
    let said = text(&out);
    assert!(
        said.contains("skipped   #14 Which font for the docs?"),
        "{said}"
    );
    assert!(
        said.contains("created   issues/12-list-stock-the-shelf-view.md"),
        "{said}"
    );

    // The other commands read the file as an issue, title and labels from its front matter.
    let inspect = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .args(["inspect", "issues/12-list-stock-the-shelf-view.md"])
        .current_dir(gh.work())
        .output()
        .unwrap();
    let summary = text(&inspect);
    assert!(
        summary.contains(": List stock: the shelf view\n"),
        "{summary}"
    );
    assert!(summary.contains("GET /api/stock"), "{summary}");

    // Again: nothing to do, nothing drifted.
    let again = gh.pull(&[]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        text(&again).contains("unchanged issues/12-"),
        "{}",
        text(&again)
    );
    let check = gh.pull(&[
        "--check",
        "--repo",
        "acme/shop",
        "--label",
        "backend",
        "--label",
        "api",
    ]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert!(gh.calls().ends_with("--label backend --label api --limit 500 --json number,title,body,labels,state,updatedAt,url\n"));
}

#[test]
fn a_change_on_github_is_drift_until_pulled_and_an_edit_here_is_never_overwritten() {
    let gh = Gh::new(&shop());
    assert_eq!(gh.pull(&[]).status.code(), Some(0));
    let name = "12-list-stock-the-shelf-view.md";
    let path = gh.work().join("issues").join(name);
    let pulled = gh.file(name);

    // Changed on GitHub, title included: `--check` names the file and writes nothing.
    gh.set(&json!([issue(
        12,
        "List stock",
        &body("/api/stock/items"),
        "2026-12-05T09:00:00Z"
    )]));
    let check = gh.pull(&["--check", "--message-format", "github"]);
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_eq!(
        stdout,
        format!(
            "::error file=issues/{name},title=pull-drift::issue #12 changed on GitHub since the pull%0Ahelp: run `cargo contract-to-code pull` to update it\n"
        )
    );
    assert_eq!(gh.file(name), pulled, "--check writes nothing");

    // Pulled: the same file, as the macro names it, with the new body.
    let out = gh.pull(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let updated = gh.file(name);
    assert!(updated.contains("GET /api/stock/items"), "{updated}");
    assert!(updated.contains("title: List stock\n"), "{updated}");

    // Edited here: kept, and said, until --force.
    let edited = updated.replace("List what is in stock.", "List what is in stock, by shelf.");
    fs::write(&path, &edited).unwrap();
    let check = gh.pull(&["--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check).contains("edited here since the pull"),
        "{}",
        text(&check)
    );
    let out = gh.pull(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("kept      issues/"), "{}", text(&out));
    assert!(
        text(&out).contains("`--force` overwrites it"),
        "{}",
        text(&out)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), edited, "the edit stays");
    let forced = gh.pull(&["--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced));
    assert_eq!(fs::read_to_string(&path).unwrap(), updated);

    // A file written by hand where a new issue's file would go is the user's too.
    let mine = gh.work().join("issues/13-count-stock.md");
    fs::write(&mine, "# My notes on stock counts\n").unwrap();
    gh.set(&json!([issue(
        13,
        "Count stock",
        &body("/api/stock/count"),
        "2026-12-06T09:00:00Z"
    )]));
    let out = gh.pull(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("not written by `pull`; kept"),
        "{}",
        text(&out)
    );
    assert_eq!(
        fs::read_to_string(&mine).unwrap(),
        "# My notes on stock counts\n"
    );
    fs::remove_file(&mine).unwrap();

    // Closed on GitHub: no longer listed; the file stays and is reported.
    gh.set(&json!([]));
    let out = gh.pull(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(path.exists());
    assert!(
        text(&out).contains("issue #12 is not among the open issues labelled `backend`"),
        "{}",
        text(&out)
    );
}

#[test]
fn without_gh_or_a_login_one_line_says_what_to_do() {
    let gh = Gh::new(&shop());
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .args(["pull", "--repo", "acme/shop"])
        .current_dir(gh.work())
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("https://cli.github.com"), "{stderr}");

    fs::write(gh.bin().join("logged-out"), "").unwrap();
    let out = gh.pull(&[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "error: `gh` is not logged in to GitHub: run `gh auth login`\n"
    );
    assert!(!gh.work().join("issues").exists(), "nothing written");
}
