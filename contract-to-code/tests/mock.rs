//! `cargo xtask mock` driven over loopback by a real HTTP client: the example's issues served,
//! requests checked, CORS, a log line per request, and a reload on the same port when an issue
//! changes.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// The mock, killed when the test ends, passing or not.
struct Mock {
    child: Child,
    port: u16,
    lines: Receiver<String>,
    errors: Receiver<String>,
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Mock {
    fn start(issues: &[&Path]) -> Mock {
        Mock::start_with(issues, &[])
    }

    fn start_with(issues: &[&Path], flags: &[&str]) -> Mock {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
            .arg("mock")
            .args(issues)
            .args(["--port", "0"])
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the mock starts");
        let lines = read_lines(child.stdout.take().expect("piped"));
        let errors = read_lines(child.stderr.take().expect("piped"));
        let first = lines
            .recv_timeout(Duration::from_secs(30))
            .expect("the mock says where it listens");
        let port = first
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {first:?}"));
        Mock {
            child,
            port,
            lines,
            errors,
        }
    }

    /// The next line the mock prints.
    fn line(&self) -> String {
        self.lines
            .recv_timeout(Duration::from_secs(10))
            .expect("a line of log")
    }

    /// One HTTP/1.1 request: the status, the head (lower case) and the body.
    fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[&str],
        body: &str,
    ) -> (u16, String, String) {
        let answer = common::send(self.port, method, path, headers, body);
        (answer.status, answer.head, answer.body)
    }
}

fn read_lines(stdout: impl Read + Send + 'static) -> Receiver<String> {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

fn example(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/todo-api/issues")
        .join(name)
}

const JSON: &str = "Content-Type: application/json";
const TOKEN: &str = "Authorization: Bearer t";

#[test]
fn the_examples_issues_are_served_checked_and_logged() {
    let issues: Vec<_> = ["create-todo.md", "list-todos.md", "delete-todo.md"]
        .map(example)
        .to_vec();
    let refs: Vec<&Path> = issues.iter().map(|p| p.as_path()).collect();
    let mock = Mock::start(&refs);

    let (status, head, body) = mock.send("POST", "/api/todos", &[JSON], r#"{"title": "Buy milk"}"#);
    assert_eq!(status, 201, "{body}");
    assert!(head.contains("access-control-allow-origin: *"), "{head}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["success"], true, "{body}");
    assert!(json["data"]["id"].is_string(), "{body}");
    assert_eq!(mock.line(), "POST /api/todos -> 201");

    let (status, _, body) = mock.send("POST", "/api/todos", &[JSON], r#"{"title": 7}"#);
    assert_eq!(status, 400);
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["success"], false);
    assert_eq!(json["error"]["status"], 400);
    assert_eq!(mock.line(), "POST /api/todos -> 400");

    let (status, _, _) = mock.send("DELETE", "/api/todos/1", &[], "");
    assert_eq!(status, 401);
    let (status, _, body) = mock.send("DELETE", "/api/todos/1", &[TOKEN, "Prefer: code=404"], "");
    assert_eq!(status, 404, "{body}");
    let (status, _, body) = mock.send("DELETE", "/api/todos/1", &[TOKEN, "Prefer: code=418"], "");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("answers 204"), "{body}");

    let (status, head, _) = mock.send("PUT", "/api/todos", &[], "");
    assert_eq!(status, 405);
    assert!(head.contains("\r\nallow: post, get"), "{head}");

    let (status, head, _) = mock.send(
        "OPTIONS",
        "/api/todos",
        &["Origin: http://localhost:3000"],
        "",
    );
    assert_eq!(status, 204);
    assert!(
        head.contains("access-control-allow-methods: post, get"),
        "{head}"
    );
}

#[test]
fn a_changed_issue_is_served_on_the_same_port() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("pings.md");
    // Written whole and renamed into place, as editors save: the mock never reads half a file.
    let write = |block: &str| {
        let next = dir.path().join("pings.md.next");
        let text = format!("# Pings\n\n**API Contract:**\n```\n{block}\n```\n");
        std::fs::write(&next, text).unwrap();
        std::fs::rename(&next, &issue).unwrap();
    };
    write("GET /api/pings\nResponse: { ok: boolean }");
    let mock = Mock::start(&[&issue]);
    assert_eq!(mock.send("GET", "/api/pings", &[], "").0, 200);
    assert_eq!(mock.line(), "GET /api/pings -> 200");
    assert_eq!(mock.send("POST", "/api/pongs", &[], "").0, 404);
    assert_eq!(mock.line(), "POST /api/pongs -> 404");

    // Modification times may be coarse: make sure the new version's differs.
    std::thread::sleep(Duration::from_millis(1100));
    write("GET /api/pings\nResponse: { ok: boolean }\n\nPOST /api/pongs\nResponse: 204");
    assert_eq!(mock.line(), "mock: reloaded, 2 endpoint(s)");
    assert_eq!(mock.send("POST", "/api/pongs", &[], "").0, 204);

    // A version that does not load leaves the last good one serving.
    std::thread::sleep(Duration::from_millis(1100));
    write("GET /api/pings\nRequest: { a: strng }");
    let error = mock
        .errors
        .recv_timeout(Duration::from_secs(10))
        .expect("the refusal");
    assert_eq!(
        error,
        "mock: the issues no longer load; still serving the last version"
    );
    assert_eq!(mock.send("POST", "/api/pongs", &[], "").0, 204);
}

/// Every contract of both corpora, served by the mock, passes `verify`: each case the generated
/// handlers' tests send, and a valid request per endpoint, answered as those handlers answer
/// (statuses, messages, body types). A disagreement between the mock and the handlers, such as a
/// literal route answered from its templated sibling, or an integer only one of them takes,
/// fails here.
#[test]
fn the_mock_answers_every_corpus_contract_as_the_handlers_do() {
    let mut files = contract_corpus::files(contract_corpus::Kind::Valid);
    // The documents the reader takes endpoints from (its misses are the reader's tests' concern).
    files.extend(
        contract_corpus::documents::documents()
            .into_iter()
            .map(|d| d.path)
            .filter(|path| {
                contract_core::load_files(std::slice::from_ref(path))
                    .is_ok_and(|c| c.iter().any(|c| !c.endpoints.is_empty()))
            }),
    );
    let mut failures = Vec::new();
    for file in &files {
        let mut mock = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"));
        mock.arg("mock")
            .arg(file)
            .args(["--port", "0", "--seed", "1"]);
        let (_server, port) = common::start(mock);
        let out = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
            .arg("verify")
            .arg(file)
            .args(["--url", &format!("http://127.0.0.1:{port}")])
            .output()
            .expect("verify runs");
        if out.status.code() != Some(0) {
            let report = String::from_utf8_lossy(&out.stdout);
            let failed: Vec<&str> = report.lines().filter(|l| l.contains("FAIL")).collect();
            failures.push(format!(
                "{}: {}{}",
                file.display(),
                failed.join("\n    "),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(files.len() > 60, "{} files", files.len());
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// The example's five issues with state, a seed, initial data and a rules file, over HTTP: what
/// a front end sees in a week of building against it.
#[test]
fn a_front_end_can_create_read_change_and_delete_against_the_mock() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.json");
    std::fs::write(
        &data,
        r#"{ "/api/todos": [ { "id": "0b7e2a52-6f0e-4c1a-9d3e-1f2a3b4c5d6e", "title": "Loaded", "done": false, "tags": [], "createdAt": "2026-02-01T10:00:00Z" } ] }"#,
    )
    .unwrap();
    let rules = dir.path().join("rules.toml");
    std::fs::write(
        &rules,
        "# A title the front end uses to see its 409.\n[[rule]]\nendpoint = \"POST /api/todos\"\nwhen = { \"body.title\" = \"Taken\" }\nstatus = 409\n",
    )
    .unwrap();
    let issues: Vec<_> = [
        "create-todo.md",
        "list-todos.md",
        "get-todo.md",
        "update-todo.md",
        "delete-todo.md",
    ]
    .map(example)
    .to_vec();
    let issues: Vec<&Path> = issues.iter().map(|p| p.as_path()).collect();
    let flags = [
        "--seed",
        "11",
        "--data",
        data.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
    ];
    let mock = Mock::start_with(&issues, &flags);

    let (status, _, first_body) =
        mock.send("POST", "/api/todos", &[JSON], r#"{"title": "Buy rope"}"#);
    assert_eq!(status, 201, "{first_body}");
    let created = json(&first_body)["data"].clone();
    let id = created["id"].as_str().unwrap().to_string();
    let (status, _, body) = mock.send("GET", &format!("/api/todos/{id}"), &[], "");
    assert_eq!((status, &json(&body)["data"]), (200, &created));

    let (_, _, body) = mock.send("GET", "/api/todos?limit=10", &[], "");
    let list = json(&body)["data"].clone();
    assert_eq!(list["total"], 2);
    assert_eq!(list["items"][0]["title"], "Loaded");
    assert_eq!(list["items"][1]["id"], id.as_str());

    let (status, _, body) = mock.send(
        "PATCH",
        &format!("/api/todos/{id}"),
        &[JSON],
        r#"{"done": true}"#,
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["data"]["done"], true);

    let (status, _, body) = mock.send("POST", "/api/todos", &[JSON], r#"{"title": "Taken"}"#);
    assert_eq!(status, 409, "{body}");
    assert_eq!(
        json(&body)["error"]["message"],
        "A todo with this title already exists"
    );

    let delete = format!("/api/todos/{id}");
    assert_eq!(mock.send("DELETE", &delete, &[TOKEN], "").0, 204);
    let (status, _, body) = mock.send("GET", &delete, &[], "");
    assert_eq!(status, 404);
    assert_eq!(json(&body)["error"]["message"], "Todo not found");

    // The same seed and requests, another run: the same bytes.
    let again = Mock::start_with(&issues, &flags);
    let (_, _, again_body) = again.send("POST", "/api/todos", &[JSON], r#"{"title": "Buy rope"}"#);
    assert_eq!(again_body, first_body);
}

/// A rules file that names what the issues do not have is refused at its line and column, and
/// the mock does not start.
#[test]
fn a_rules_file_is_checked_against_the_issues_at_its_lines() {
    let stderr = rules_refused(
        "rules.toml",
        "[[rule]]\nendpoint = \"POST /api/todos\"\nwhen = { \"body.titel\" = \"x\" }\nstatus = 418\n",
    );
    assert!(
        stderr.contains("error: POST /api/todos does not answer 418"),
        "{stderr}"
    );
    assert!(stderr.contains("rules.toml:4:10"), "{stderr}");
    assert!(
        stderr.contains("error: the request body has no field `titel`"),
        "{stderr}"
    );
    assert!(stderr.contains("rules.toml:3:10"), "{stderr}");
    assert!(stderr.contains("help: there are title, tags"), "{stderr}");
}

/// The same checks for a rules file in JSON, and JSON's own syntax refused at its place rather
/// than read loosely.
#[test]
fn a_json_rules_file_is_checked_at_its_lines_too() {
    let stderr = rules_refused(
        "rules.json",
        "{\n  \"rule\": [\n    {\n      \"endpoint\": \"POST /api/todos\",\n      \"when\": { \"body.titel\": \"x\" },\n      \"status\": 418\n    }\n  ]\n}\n",
    );
    assert!(
        stderr.contains("error: POST /api/todos does not answer 418"),
        "{stderr}"
    );
    assert!(stderr.contains("rules.json:6:17"), "{stderr}");
    assert!(
        stderr.contains("error: the request body has no field `titel`"),
        "{stderr}"
    );
    assert!(stderr.contains("rules.json:5:17"), "{stderr}");

    let stderr = rules_refused("rules.json", "{ \"rule\": [ { \"status\": 409, } ] }\n");
    assert!(stderr.contains("the rules file is not JSON"), "{stderr}");
    assert!(stderr.contains("rules.json:1:28"), "{stderr}");
}

/// The mock's refusal of a rules file `name` holding `text`, for the example's create issue: its
/// standard error, after checking that it exits 2.
fn rules_refused(name: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join(name);
    std::fs::write(&rules, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .arg("mock")
        .arg(example("create-todo.md"))
        .args(["--port", "0", "--rules"])
        .arg(&rules)
        .env("NO_COLOR", "1")
        .output()
        .expect("the mock runs");
    assert_eq!(out.status.code(), Some(2));
    String::from_utf8_lossy(&out.stderr).into_owned()
}
