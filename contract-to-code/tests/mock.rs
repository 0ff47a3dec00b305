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
        let mut child = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
            .arg("mock")
            .args(issues)
            .args(["--port", "0"])
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
    let write = |block: &str| {
        std::fs::write(
            &issue,
            format!("# Pings\n\n**API Contract:**\n```\n{block}\n```\n"),
        )
        .unwrap();
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
