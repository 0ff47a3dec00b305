//! `verify` over loopback: against `mock` serving the example's issues (all pass), against a
//! Python service with four deliberate faults (exactly those fail, each at its issue line, in the
//! human, JSON and JUnit reports), against nothing (one line, exit 2), against a service that
//! hangs (each case fails, the run does not), against one that closes kept-alive connections (each
//! request is judged on an answer), and with `--dry-run` (nothing sent).

mod common;

use std::collections::BTreeSet;
use std::io::{ErrorKind, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The example's five issues, as paths relative to the workspace (how the reports name them).
fn example_issues() -> Vec<String> {
    [
        "create-todo",
        "delete-todo",
        "get-todo",
        "list-todos",
        "update-todo",
    ]
    .iter()
    .map(|name| format!("examples/todo-api/issues/{name}.md"))
    .collect()
}

/// `verify` run from the workspace root.
fn verify(issues: &[String], url: &str, flags: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .current_dir(workspace())
        .arg("verify")
        .args(issues)
        .args(["--url", url])
        .args(flags)
        .output()
        .expect("verify runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_mock_of_the_same_issues_passes() {
    let mut mock = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"));
    mock.current_dir(workspace())
        .arg("mock")
        .args(example_issues())
        .args(["--port", "0"]);
    let (_mock, port) = common::start(mock);
    let output = verify(&example_issues(), &format!("http://127.0.0.1:{port}"), &[]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert!(stdout.contains(" passed, 0 failed, "), "{stdout}");
    assert!(!stdout.contains("FAIL"), "{stdout}");
}

/// Where Python 3 is, or `None` when this machine has none and the run does not ask for it
/// (`.ci/run` sets `VERIFY_NEEDS_PYTHON`, so CI cannot skip this).
fn python() -> Option<&'static str> {
    let found = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("VERIFY_NEEDS_PYTHON").is_some() {
        panic!("VERIFY_NEEDS_PYTHON is set, and there is no python3");
    }
    found.then_some("python3")
}

/// The faults `tests/services/todos.py` has on purpose: the case each breaks and the line of
/// the issue that states the rule (read off the issues: the `Errors:` line for an error status,
/// the `Query:` or `Response:` line that names the field).
const FAULTS: [(&str, &str); 4] = [
    // Accepts a field the contract does not name: the 400 the contract lists.
    ("create_todo_400_unknown_field", "create-todo.md:22"),
    // Answers 500 to a body that is not JSON: the contract's 400.
    ("update_todo_400_malformed_json", "update-todo.md:22"),
    // Leaves `createdAt` out of its answer: the field, on the `Response:` line.
    ("get_todo_valid", "get-todo.md:20"),
    // Takes `limit=101`: the field, on the `Query:` line.
    ("list_todos_400_limit_above_100", "list-todos.md:20"),
];

/// What a report says of its cases: how many, the failed ones with `file:line`, how many skipped.
#[derive(Debug, PartialEq)]
struct Tally {
    cases: usize,
    failed: BTreeSet<(String, String)>,
    skipped: usize,
}

fn json_tally(report: &serde_json::Value) -> Tally {
    let cases: Vec<&serde_json::Value> = report["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["cases"].as_array().unwrap())
        .collect();
    let failed = cases
        .iter()
        .filter(|c| c["result"] == "failed")
        .map(|c| {
            let rule = &c["rule"];
            let at = format!("{}:{}", rule["file"].as_str().unwrap(), rule["line"]);
            (c["name"].as_str().unwrap().to_string(), at)
        })
        .collect();
    let skipped = cases
        .iter()
        .filter(|c| c["result"] == "not_exercised")
        .count();
    Tally {
        cases: cases.len(),
        failed,
        skipped,
    }
}

/// The JUnit file's tally, its totals checked against its test cases.
fn junit_tally(xml: &str) -> Tally {
    let document = roxmltree::Document::parse(xml).expect("the JUnit file is XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let testcases: Vec<roxmltree::Node> = root
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let has = |case: &roxmltree::Node, child: &str| case.children().any(|n| n.has_tag_name(child));
    let failed: BTreeSet<(String, String)> = testcases
        .iter()
        .filter(|case| has(case, "failure"))
        .map(|case| {
            let attribute = |name| case.attribute(name).unwrap();
            let at = format!("{}:{}", attribute("file"), attribute("line"));
            (attribute("name").to_string(), at)
        })
        .collect();
    let skipped = testcases.iter().filter(|c| has(c, "skipped")).count();
    let total = |name| root.attribute(name).unwrap().parse::<usize>().unwrap();
    assert_eq!(total("tests"), testcases.len());
    assert_eq!(total("failures"), failed.len());
    assert_eq!(total("skipped"), skipped);
    Tally {
        cases: testcases.len(),
        failed,
        skipped,
    }
}

#[test]
fn a_python_service_fails_exactly_its_faults_each_at_its_issue_line() {
    let Some(python) = python() else {
        eprintln!("no python3 here: the service in another language is not run");
        return;
    };
    let mut service = Command::new(python);
    service
        .arg(workspace().join("tests/services/todos.py"))
        .arg("0");
    let (_service, port) = common::start(service);
    let url = format!("http://127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("verify.xml");
    let junit_arg = junit.to_str().unwrap();

    let output = verify(
        &example_issues(),
        &url,
        &["--token", "dev-token", "--json", "--junit", junit_arg],
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let expected: BTreeSet<(String, String)> = FAULTS
        .iter()
        .map(|(case, at)| (case.to_string(), format!("examples/todo-api/issues/{at}")))
        .collect();

    // The JSON report, and the JUnit file read by an XML parser: the same cases, the faults
    // failed at their lines, the not-exercised ones skipped.
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["failed"], 4);
    let json = json_tally(&report);
    assert!(json.skipped > 0, "the skeletons' cases are listed");
    assert_eq!(json.failed, expected);
    let xml = std::fs::read_to_string(&junit).expect("the JUnit file is written");
    assert_eq!(junit_tally(&xml), json);

    // The human report: each failure with the request, the expectation at its line, the answer.
    let output = verify(&example_issues(), &url, &["--token", "dev-token"]);
    let human = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{human}");
    assert_eq!(human.matches("  FAIL  ").count(), 4, "{human}");
    for (case, at) in FAULTS {
        let failure = human
            .split("  FAIL  ")
            .find(|part| part.starts_with(case))
            .unwrap_or_else(|| panic!("{case} fails: {human}"));
        assert!(
            failure.contains(&format!("examples/todo-api/issues/{at}:")),
            "{failure}"
        );
        assert!(
            failure.contains("sent:") && failure.contains("got:"),
            "{failure}"
        );
    }
    let fault = human
        .split("  FAIL  update_todo_400_malformed_json")
        .nth(1)
        .unwrap();
    assert!(fault.contains("a body that is not JSON"), "{fault}");
    assert!(fault.contains("got:      500 "), "{fault}");

    // For GitHub: an annotation per failure at its line, the human report still in the log.
    let output = verify(
        &example_issues(),
        &url,
        &["--token", "dev-token", "--message-format", "github"],
    );
    assert_eq!(output.status.code(), Some(1));
    let annotations = text(&output.stdout);
    let failed: BTreeSet<(String, String)> = annotations
        .lines()
        .map(|line| {
            let command = line.strip_prefix("::error ").expect("an error annotation");
            let (properties, _) = command.split_once("::").unwrap();
            let field = |name: &str| {
                properties
                    .split(',')
                    .find_map(|p| p.strip_prefix(&format!("{name}=")))
                    .unwrap()
                    .to_string()
            };
            let title = field("title");
            let case = title.strip_prefix("failed-case%3A ").unwrap().to_string();
            (case, format!("{}:{}", field("file"), field("line")))
        })
        .collect();
    assert_eq!(failed, expected, "{annotations}");
    assert_eq!(text(&output.stderr).matches("  FAIL  ").count(), 4);
}

#[test]
fn an_unreachable_service_is_one_line_and_exit_2() {
    // A port just freed: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let output = verify(&example_issues(), &format!("http://127.0.0.1:{port}"), &[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!("cannot reach http://127.0.0.1:{port}")),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());

    // A service that takes the connection and never answers: the same, after the timeout.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", silent.local_addr().unwrap());
    let output = verify(&example_issues(), &url, &["--timeout", "0.2"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no answer within 0.2 s"), "{stderr}");
}

#[test]
fn a_request_that_hangs_fails_its_case_not_the_run() {
    // Answers `GET /` (so the service is there) and nothing else.
    let url = serve(|mut stream| {
        let mut head = [0; 6];
        if stream.read_exact(&mut head).is_ok() && &head == b"GET / " {
            let _ = stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        } else {
            std::thread::sleep(Duration::from_secs(30));
        }
    });
    let issues = vec!["examples/todo-api/issues/get-todo.md".to_string()];
    let output = verify(&issues, &url, &["--timeout", "0.2", "--json"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let sent: Vec<&serde_json::Value> = report["endpoints"][0]["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["result"] != "not_exercised")
        .collect();
    assert!(!sent.is_empty());
    for case in sent {
        assert_eq!(case["result"], "failed", "{case:#}");
        assert_eq!(case["reason"], "no answer within 0.2 s", "{case:#}");
    }
}

#[test]
fn a_kept_alive_connection_the_service_closed_is_not_a_failure() {
    // Answers the first request of each connection, keeps the connection alive, then closes it
    // on the next request without answering: what a client sees when a service closes an idle
    // connection just as a request goes out on it.
    let url = serve(|stream| {
        let mut stream = std::io::BufReader::new(stream);
        if read_request(&mut stream).is_some() {
            let _ = stream
                .get_mut()
                .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            let _ = read_request(&mut stream);
        }
    });
    let issues = vec!["examples/todo-api/issues/get-todo.md".to_string()];
    let output = verify(&issues, &url, &["--json"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let failed: Vec<&serde_json::Value> = report["endpoints"][0]["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["result"] == "failed")
        .collect();
    assert!(!failed.is_empty(), "{report:#}");
    for case in failed {
        let reason = case["reason"].as_str().unwrap();
        assert!(reason.contains("404"), "judged on the answer: {case:#}");
    }
}

/// A service on a free loopback port that answers each connection with `each`, on a thread of
/// its own; its URL.
fn serve(each: fn(std::net::TcpStream)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || each(stream));
        }
    });
    url
}

/// Reads one request (head and `Content-Length` body); `None` when the connection ends first.
fn read_request(stream: &mut impl std::io::BufRead) -> Option<()> {
    let mut length = 0;
    loop {
        let mut line = String::new();
        if stream.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body).ok()
}

#[test]
fn a_dry_run_prints_the_requests_and_sends_none() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let output = verify(&example_issues(), &url, &["--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains(&format!(
            "PUT   {url}/api/todos  create_todo_405_put_not_allowed\n        expect 405 \"Method not allowed\""
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("GET   {url}/api/todos?done=true&tag=work&page=1&limit=101  list_todos_400_limit_above_100\n        expect 400 \"Invalid query\" naming `query parameter limit`")),
        "{stdout}"
    );
    assert!(
        stdout.contains("  skip  get_todo_404_todo_not_found: needs state"),
        "{stdout}"
    );
    assert_eq!(
        listener.accept().map(|_| ()).unwrap_err().kind(),
        ErrorKind::WouldBlock,
        "a dry run connects to nothing"
    );
}

#[test]
fn a_bad_url_timeout_or_issue_is_refused_before_anything_is_sent() {
    let issues = example_issues();
    for (url, flags, says) in [
        ("localhost:3000", &[][..], "http:// or https://"),
        ("ftp://127.0.0.1", &[], "http:// or https://"),
        ("http://", &[], "http:// or https://"),
        (
            "http://127.0.0.1:1",
            &["--timeout", "0"],
            "seconds, from 0.001 to 3600",
        ),
        (
            "http://127.0.0.1:1",
            &["--timeout", "soon"],
            "seconds, from 0.001 to 3600",
        ),
    ] {
        let output = verify(&issues, url, flags);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{url} {flags:?}: {stderr}");
        assert!(stderr.contains(says), "{url} {flags:?}: {stderr}");
        assert!(output.stdout.is_empty());
    }
    // An issue that does not load: the usual diagnostic, at its line, and nothing sent.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.md");
    std::fs::write(
        &bad,
        "# Bad\n\n**API Contract:**\n```\nPOST /api/x\nRequest: { a: strng }\n```\n",
    )
    .unwrap();
    let output = verify(&[bad.display().to_string()], "http://127.0.0.1:1", &[]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("bad.md:6:"), "{stderr}");
}
