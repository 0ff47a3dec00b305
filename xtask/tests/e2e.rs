//! End to end: scaffold every valid issue into one new crate, build it with no warning, serve it,
//! and send it real HTTP requests; once with `#[contract]` handlers, once with `--expand`, which
//! must serve identically. And `--expand` writes exactly what the attribute expands to.
//!
//! The generated crates build in a target directory shared across runs (`target/e2e` of this
//! workspace), so only the first run compiles axum, tokio and the macro.

use std::io::{BufRead, BufReader, Read, Write};

use contract_core::expand::format;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every valid issue of the shared corpus, and the fixture that reaches what the corpus does not
/// (named models, top-level arrays, keywords, a status without a reason phrase).
fn issues() -> Vec<PathBuf> {
    let dir = workspace().join("../shared/contracts/valid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the shared corpus")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with("README.md"))
        .collect();
    files.sort();
    files.push(workspace().join("contract-core/tests/fixtures/expand/boards.md"));
    files
}

fn scaffold(krate: &Path, flags: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("scaffold")
        .args(issues())
        .arg("--crate")
        .arg(krate)
        .args(flags)
        .output()
        .expect("xtask runs")
}

/// Kills the server when the test ends, passing or not.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the built binary on a free port and returns it with the port it printed.
fn start(binary: &Path) -> (Server, u16) {
    let child = Command::new(binary)
        .env("PORT", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the server starts");
    let mut server = Server(child);
    let stdout = server.0.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        if let Some((_, address)) = line.split_once("listening on http://") {
            let port = address
                .trim()
                .rsplit(':')
                .next()
                .and_then(|p| p.parse().ok());
            // Keep draining the log so the server never blocks on a full pipe.
            std::thread::spawn(move || lines.for_each(drop));
            return (server, port.expect("a port in the address"));
        }
    }
    panic!("the server did not say where it listens");
}

/// One HTTP/1.1 request; the status and the body.
fn request(port: u16, method: &str, path: &str, headers: &[&str], body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    for header in headers {
        text.push_str(header);
        text.push_str("\r\n");
    }
    text.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(text.as_bytes()).expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("receive");
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {response:?}"));
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default();
    (status, body)
}

fn error_message(body: &str) -> (serde_json::Value, serde_json::Value) {
    let json: serde_json::Value =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"));
    assert_eq!(json["success"], false, "{body}");
    (
        json["error"]["status"].clone(),
        json["error"]["message"].clone(),
    )
}

const JSON: &str = "Content-Type: application/json";

/// Scaffolds every issue into a new crate `name` with `flags`, builds it without a warning, checks
/// `cargo fmt` makes no drift, and returns the binary.
fn scaffold_and_build(dir: &Path, name: &str, flags: &[&str]) -> PathBuf {
    let krate = dir.join(name);
    let out = scaffold(&krate, flags);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let target = workspace().join("target/e2e");
    let build = Command::new(env!("CARGO"))
        .args(["build", "--quiet"])
        .current_dir(&krate)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let log = String::from_utf8_lossy(&build.stderr);
    assert!(
        build.status.success(),
        "the generated crate does not build:\n{log}"
    );
    assert!(
        !log.contains("warning"),
        "the generated crate has warnings:\n{log}"
    );

    // `cargo fmt` in the crate reformats generated files, but they stay the same code: no drift.
    let fmt = Command::new(env!("CARGO"))
        .arg("fmt")
        .current_dir(&krate)
        .status()
        .expect("cargo fmt runs");
    assert!(fmt.success());
    let mut check_flags = vec!["--check"];
    check_flags.extend(flags);
    let check = scaffold(&krate, &check_flags);
    assert!(
        check.status.success(),
        "cargo fmt made drift: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    target.join("debug").join(name)
}

#[test]
fn every_valid_issue_scaffolds_into_one_crate_that_builds_without_warnings_and_serves() {
    let dir = tempfile::tempdir().unwrap();
    let binary = scaffold_and_build(dir.path(), "e2e-api", &[]);
    serves_the_contracts(&binary);
}

#[test]
fn the_expanded_form_builds_without_warnings_and_serves_identically() {
    let dir = tempfile::tempdir().unwrap();
    let binary = scaffold_and_build(dir.path(), "e2e-api-expanded", &["--expand"]);
    serves_the_contracts(&binary);
}

/// The HTTP checks both forms pass.
fn serves_the_contracts(binary: &Path) {
    let (_server, port) = start(binary);

    let (status, body) = request(port, "POST", "/api/users", &[JSON], "{");
    assert_eq!(status, 400, "{body}");
    assert_eq!(error_message(&body), (400.into(), "Bad request".into()));

    let user = r#"{"email": "ada@example.com", "name": "Ada"}"#;
    let (status, body) = request(port, "POST", "/api/users", &[JSON], user);
    assert_eq!(status, 501, "{body}");
    assert_eq!(error_message(&body), (501.into(), "Not implemented".into()));

    let (status, body) = request(port, "DELETE", "/api/todos/x", &[], "");
    assert_eq!(status, 401, "{body}");
    assert_eq!(error_message(&body), (401.into(), "Unauthorized".into()));

    // With a token the request gets through to the stub; the other todo route shares the path.
    let auth = "Authorization: Bearer t0ken";
    let (status, _) = request(port, "DELETE", "/api/todos/x", &[auth], "");
    assert_eq!(status, 501);
    let (status, _) = request(
        port,
        "PATCH",
        "/api/todos/x",
        &[auth, JSON],
        r#"{"done": true}"#,
    );
    assert_eq!(status, 501);

    let (status, body) = request(port, "GET", "/api/todos?status=bogus", &[], "");
    assert_eq!(error_message(&body), (400.into(), "Invalid query".into()));
    assert_eq!(status, 400);

    let (status, body) = request(port, "PUT", "/api/users", &[], "");
    assert_eq!(status, 405, "{body}");
    error_message(&body);

    // The fixture: 422 is the contract's status for unreadable input when it lists no 400.
    let card = r#"{"title": "t", "self": "s", "labels": ["pink"], "owner": {}, "meta": 1,
        "position": {"lane": 1, "order": null}}"#;
    let (status, body) = request(port, "POST", "/api/boards/b/cards", &[auth, JSON], card);
    assert_eq!(status, 422, "{body}");
    assert_eq!(error_message(&body), (422.into(), "Invalid card".into()));
    let card = card.replace("pink", "red");
    let (status, _) = request(port, "POST", "/api/boards/b/cards", &[auth, JSON], &card);
    assert_eq!(status, 501);
}

/// `--expand` writes what `#[contract]` expands to: each attributed handler of the attribute form,
/// run through the function the proc macro calls (reading the issue from the path it names, as
/// the macro does), gives the tokens of the expanded form. `use` lines differ by the attribute's
/// own import and are left out.
#[test]
fn expand_output_is_the_macro_output() {
    let dir = tempfile::tempdir().unwrap();
    let (with_macro, expanded) = (dir.path().join("a"), dir.path().join("b"));
    for (krate, flags) in [(&with_macro, &[][..]), (&expanded, &["--expand"][..])] {
        let out = scaffold(krate, flags);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut compared = 0;
    for entry in std::fs::read_dir(with_macro.join("src/routes")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_owned();
        if name == "mod.rs" {
            continue;
        }
        let attributed = std::fs::read_to_string(&path).unwrap();
        let written = std::fs::read_to_string(expanded.join("src/routes").join(&name)).unwrap();
        let (expected, handlers) = expand_like_the_macro(&attributed, &with_macro);
        // Formatted as scaffold formats, so doc comments read back alike.
        let expected = format::format_file("", expected.parse().unwrap()).unwrap();
        let actual = without_uses(&written);
        assert!(
            contract_core::expand::same_code(&expected, &actual),
            "{name:?}: --expand differs from the macro's expansion\n--- macro:\n{expected}\n--- expand:\n{actual}"
        );
        compared += handlers;
    }
    assert!(compared >= 12, "only {compared} handlers compared");
}

/// The file's items without its `use` lines, each `#[contract]` function replaced by what the
/// attribute expands to; and how many there were.
fn expand_like_the_macro(text: &str, krate: &Path) -> (String, usize) {
    let file: syn::File = syn::parse_str(text).unwrap();
    let mut out = proc_macro2::TokenStream::new();
    let mut handlers = 0;
    for item in file.items {
        match item {
            syn::Item::Use(_) => {}
            syn::Item::Fn(mut function) => {
                let at = function
                    .attrs
                    .iter()
                    .position(|a| a.path().is_ident("contract"));
                match at {
                    Some(at) => {
                        let attribute = function.attrs.remove(at);
                        let syn::Meta::List(list) = attribute.meta else {
                            panic!("#[contract] without arguments");
                        };
                        let item = quote::quote!(#function);
                        let expansion = contract_core::attribute::expand(list.tokens, item, krate);
                        assert!(expansion.tracked.is_some(), "the issue was not found");
                        out.extend(expansion.tokens);
                        handlers += 1;
                    }
                    None => out.extend(quote::quote!(#function)),
                }
            }
            other => out.extend(quote::quote!(#other)),
        }
    }
    (out.to_string(), handlers)
}

/// The file without its imports; the re-exports of generated types (`use self::...`) stay.
fn without_uses(text: &str) -> String {
    let file: syn::File = syn::parse_str(text).unwrap();
    let mut out = proc_macro2::TokenStream::new();
    for item in file.items {
        let import = matches!(&item, syn::Item::Use(u)
            if !matches!(&u.tree, syn::UseTree::Path(p) if p.ident == "self"));
        if !import {
            out.extend(quote::quote!(#item));
        }
    }
    out.to_string()
}
