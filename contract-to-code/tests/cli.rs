//! `cargo xtask inspect` and `openapi` as a user runs them: exit statuses, the JSON keys scripts
//! rely on, and diagnostics that name `file:line:col`.

use std::path::PathBuf;
use std::process::{Command, Output};

fn contracts(kind: &str) -> PathBuf {
    contract_corpus::root().join(kind)
}

fn inspect(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .arg("inspect")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("xtask runs")
}

/// `inspect`'s summary of one file, which it must read.
fn summary_of(file: &str) -> String {
    let out = inspect(&[file]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the summary is UTF-8")
}

fn issue_files(kind: &str) -> Vec<String> {
    let kind = if kind == "valid" {
        contract_corpus::Kind::Valid
    } else {
        contract_corpus::Kind::Invalid
    };
    contract_corpus::files(kind)
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn json_for_every_valid_issue_has_the_documented_keys() {
    let files = issue_files("valid");
    let mut args = vec!["--json"];
    args.extend(files.iter().map(String::as_str));
    let out = inspect(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let contracts = json.as_array().expect("an array, one entry per file");
    assert_eq!(contracts.len(), files.len());
    for contract in contracts {
        for key in [
            "title",
            "labels",
            "code_to_create",
            "business_logic",
            "depends_on",
            "blocks",
            "endpoints",
        ] {
            assert!(contract.get(key).is_some(), "missing {key} in {contract}");
        }
        for endpoint in contract["endpoints"].as_array().unwrap() {
            for key in [
                "name",
                "method",
                "path",
                "path_params",
                "query",
                "auth",
                "request",
                "response",
                "errors",
            ] {
                assert!(endpoint.get(key).is_some(), "missing {key} in {endpoint}");
            }
        }
    }
    let add_book = &contracts[1];
    assert!(
        add_book["file"]
            .as_str()
            .unwrap()
            .ends_with("01-add-book.md")
    );
    let endpoint = &add_book["endpoints"][0];
    assert_eq!(endpoint["method"], "POST");
    assert_eq!(endpoint["path"], "/api/books");
    assert_eq!(endpoint["name"], "create_book");
    assert_eq!(endpoint["errors"][1]["status"], 409);
    let fields: Vec<(&str, bool)> = endpoint["request"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap(),
                f["optional"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [("isbn", false), ("title", false), ("edition", true)]
    );
}

#[test]
fn summary_names_each_endpoint_and_its_operation() {
    let file = contracts("valid").join("07-catalogue-imports.md");
    let out = inspect(&[file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("POST /api/catalogue/imports  ->  create_import"),
        "{stdout}"
    );
    assert!(
        stdout.contains("GET /api/catalogue/imports/:batchId  ->  get_import"),
        "{stdout}"
    );
    assert!(
        stdout.contains("error:    413 Batch too large (PayloadTooLarge)"),
        "{stdout}"
    );
}

/// Each file at the line the corpus README gives (`tests/contracts/README.md`, `## Invalid`).
#[test]
fn every_invalid_issue_exits_2_naming_file_line_and_column() {
    let refusals = contract_corpus::refusals();
    assert_eq!(refusals.len(), issue_files("invalid").len());
    for refusal in refusals {
        let name = &refusal.file;
        let file = contracts("invalid").join(name);
        let file = file.to_str().unwrap();
        let out = inspect(&[file]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name} printed a model");
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("error: ") && first.contains(&refusal.message),
            "{name}: {stderr}"
        );
        // The first ` --> file:line:column`, with a line where the README says.
        let at = format!(" --> {file}:");
        let rest = &stderr[stderr
            .find(&at)
            .unwrap_or_else(|| panic!("{name}: {stderr}"))
            + at.len()..];
        let mut numbers = rest.split(|c: char| !c.is_ascii_digit());
        let line: usize = numbers.next().unwrap().parse().unwrap();
        let column: usize = numbers.next().unwrap().parse().unwrap();
        assert!(refusal.lines.contains(&line), "{name}: {stderr}");
        assert!(column >= 1, "{name}: {stderr}");
    }
}

#[test]
fn one_bad_file_among_good_ones_fails_the_run() {
    let good = contracts("valid").join("01-add-book.md");
    let bad = contracts("invalid").join("unknown-type.md");
    let out = inspect(&["--json", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_and_missing_files_exit_2() {
    assert_eq!(inspect(&[]).status.code(), Some(2));
    assert_eq!(inspect(&["--bogus"]).status.code(), Some(2));
    let out = inspect(&["no/such/issue.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read `no/such/issue.md`"));
}

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("xtask runs")
}

#[test]
fn openapi_writes_json_or_yaml_and_refuses_bad_input() {
    let issue = contracts("valid").join("05-delete-review.md");
    let issue = issue.to_str().unwrap();
    let json = xtask(&["openapi", issue]);
    assert_eq!(json.status.code(), Some(0));
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(
        document["paths"]["/api/reviews/{id}"]["delete"]["operationId"],
        "delete_review"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("api.yaml");
    let yaml = xtask(&[
        "openapi",
        issue,
        "--yaml",
        "--title",
        "Library",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(
        yaml.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&yaml.stderr)
    );
    assert!(yaml.stdout.is_empty());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("openapi: \"3.1.0\""), "{text}");
    assert!(text.contains("title: Library"), "{text}");

    let bad = contracts("invalid").join("bad-status.md");
    let out = xtask(&[
        "openapi",
        bad.to_str().unwrap(),
        "-o",
        dir.path().join("bad.json").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad-status.md:10:31"));
    assert!(
        !dir.path().join("bad.json").exists(),
        "nothing is written for bad input"
    );
}

/// Installed, the binary is a cargo subcommand: cargo runs it as
/// `cargo-contract-to-code contract-to-code ARGS`, and the second word is skipped. Help and
/// errors name the command the user typed.
#[test]
fn the_installed_binary_runs_as_a_cargo_subcommand() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs")
    };
    let issue = contracts("valid").join("01-add-book.md");
    let issue = issue.to_str().unwrap();
    for args in [
        &["contract-to-code", "inspect", issue][..],
        &["inspect", issue][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("POST /api/books"), "{stdout}");
    }
    let help = run(&["contract-to-code", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("Usage: cargo contract-to-code [OPTIONS] <COMMAND>"),
        "{help}"
    );
    let unknown = run(&["contract-to-code", "inspec"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("inspect"));
}

/// A document with no contract block: `inspect` says it was read as a document and where each
/// part came from, and `--template` prints a contract block that reads back the same.
#[test]
fn documents_are_read_and_said_to_be() {
    let document = contract_corpus::documents::dir().join("01-spec-kit-reading-shelves.md");
    let document = document.to_str().unwrap();
    let summary = summary_of(document);
    assert!(
        summary.contains("read as an API document, with no contract block"),
        "{summary}"
    );
    assert!(summary.contains("POST /api/{user_id}/shelves"), "{summary}");
    // Each line checked against the document: the endpoint on line 36, its body and statuses
    // on the lines under it, the shared errors and the bearer token stated at the top.
    let create = "    from:     endpoint: a line of its own (line 36)\n\
                  \x20             request: an inline object (line 38)\n\
                  \x20             statuses 201, 409, 422: the endpoint's part (line 39)\n\
                  \x20             response: `Shelf`, a type the document defines (line 39)\n\
                  \x20             statuses 401, 403, 500: the document's error section (line 21)\n\
                  \x20             auth: a statement for the whole document (line 15)\n";
    assert!(summary.contains(create), "{summary}");
    assert!(
        summary.contains("  type Shelf = { id: uuid, userId: uuid, name: string"),
        "{summary}"
    );

    let out = inspect(&["--template", document]);
    assert_eq!(out.status.code(), Some(0));
    let block = String::from_utf8_lossy(&out.stdout);
    assert!(block.starts_with("// "), "{block}");
    assert!(
        block.contains("POST /api/{user_id}/shelves\nHeaders: { Authorization: \"Bearer <token>\" }\nRequest: { name: string, description?: string, isPublic?: boolean }\n"),
        "{block}"
    );
    let negative = contract_corpus::documents::dir().join("93-curl-tutorial-sms.md");
    let out = inspect(&[negative.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

/// A type word the reader does not know is any JSON value, with a note at its line, never a
/// refusal; a body it cannot find is noted too.
#[test]
fn documents_note_what_was_read_otherwise_than_written() {
    let dir = tempfile::tempdir().unwrap();
    let document = dir.path().join("fines.md");
    std::fs::write(
        &document,
        "# Fines\n\n\
         ### POST /api/fines\n\n\
         #### Request\n\n\
         | Field | Type | Required |\n| --- | --- | --- |\n\
         | amount | Money | yes |\n| note | string | no |\n\n\
         **Response (201)**\n\n\
         ### PUT /api/fines/{id}\n\n\
         - 404 when there is no such fine\n",
    )
    .unwrap();
    let summary = summary_of(document.to_str().unwrap());
    assert!(
        summary.contains("    request:  { amount: any, note?: string }\n"),
        "{summary}"
    );
    assert!(
        summary.contains(
            "    note:     line 9: `Money` is no type this document defines: read as any JSON value\n"
        ),
        "{summary}"
    );
    assert!(
        summary.contains("    note:     the document gives no request body it could read\n"),
        "{summary}"
    );
}

/// A reader that stops early (`inspect ... | head`) ends the command quietly, with no panic.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("many.md");
    let endpoints: String = (0..3000)
        .map(|i| format!("GET /api/r{i}\nResponse: {{ id: string }}\n\n"))
        .collect();
    std::fs::write(
        &issue,
        format!("# Many\n\n**API Contract:**\n```\n{endpoints}```\n"),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .arg("inspect")
        .arg(&issue)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xtask runs");
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0u8; 16];
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
