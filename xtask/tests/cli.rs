//! `cargo xtask inspect` and `openapi` as a user runs them: exit statuses, the JSON keys scripts
//! rely on, and diagnostics that name `file:line:col`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn contracts(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/contracts")
        .join(kind)
}

fn inspect(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("inspect")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("xtask runs")
}

fn issue_files(kind: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(contracts(kind))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with("README.md"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
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
    let create_user = &contracts[1];
    assert!(
        create_user["file"]
            .as_str()
            .unwrap()
            .ends_with("01-create-user.md")
    );
    let endpoint = &create_user["endpoints"][0];
    assert_eq!(endpoint["method"], "POST");
    assert_eq!(endpoint["path"], "/api/users");
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
    assert_eq!(fields, [("email", false), ("name", false), ("age", true)]);
}

#[test]
fn summary_names_each_endpoint_and_its_operation() {
    let file = contracts("valid").join("07-imports.md");
    let out = inspect(&[file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("POST /api/imports  ->  create_import"),
        "{stdout}"
    );
    assert!(
        stdout.contains("GET /api/imports/:importId  ->  get_import"),
        "{stdout}"
    );
    assert!(
        stdout.contains("error:    413 Too many items (PayloadTooLarge)"),
        "{stdout}"
    );
}

#[test]
fn every_invalid_issue_exits_2_naming_file_line_and_column() {
    let expected_lines = [
        ("bad-front-matter.md", 2),
        ("bad-status.md", 10),
        ("duplicate-field.md", 8),
        ("no-contract.md", 1),
        ("path-param-mismatch.md", 7),
        ("unclosed-brace.md", 8),
        ("unknown-method.md", 7),
        ("unknown-type.md", 8),
    ];
    for (name, line) in expected_lines {
        let file = contracts("invalid").join(name);
        let file = file.to_str().unwrap();
        let out = inspect(&[file]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name} printed a model");
        assert!(
            stderr.contains(&format!(" --> {file}:{line}:")),
            "{name}: {stderr}"
        );
        assert!(stderr.starts_with("error: "), "{name}: {stderr}");
    }
}

#[test]
fn one_bad_file_among_good_ones_fails_the_run() {
    let good = contracts("valid").join("01-create-user.md");
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
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("xtask runs")
}

#[test]
fn openapi_writes_json_or_yaml_and_refuses_bad_input() {
    let issue = contracts("valid").join("05-delete-todo.md");
    let issue = issue.to_str().unwrap();
    let json = xtask(&["openapi", issue]);
    assert_eq!(json.status.code(), Some(0));
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(
        document["paths"]["/api/todos/{id}"]["delete"]["operationId"],
        "delete_todo"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("api.yaml");
    let yaml = xtask(&[
        "openapi",
        issue,
        "--yaml",
        "--title",
        "Todos",
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
    assert!(text.contains("title: Todos"), "{text}");

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
