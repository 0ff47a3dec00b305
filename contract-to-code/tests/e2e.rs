//! End to end: scaffold every valid issue into one new crate, build it with no warning, serve it,
//! and send it real HTTP requests; once with `#[contract]` handlers, once with `--expand`, which
//! must serve identically (and `--expand` writes exactly what the attribute expands to). Then run
//! the crate's generated tests, write a service and a skeleton's arrange step as a person would,
//! and swap in an app that answers 200 to everything to see the generated tests fail. Random
//! contracts over the whole grammar, and a spec-kit contracts folder, scaffold into crates whose
//! derived tests pass.
//!
//! The generated crates build in a target directory shared across runs (`target/e2e` of this
//! workspace), so only the first run compiles axum, tokio and the macro; every later `cargo` call
//! there is incremental.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use contract_core::expand::format;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every valid issue of the corpus, and the fixtures that reach what the corpus does not (named
/// models, top-level arrays, keywords, a status without a reason phrase; a body too wide for
/// `json!`).
fn issues() -> Vec<PathBuf> {
    let mut files = contract_corpus::files(contract_corpus::Kind::Valid);
    for fixture in ["boards.md", "intake.md"] {
        files.push(
            workspace()
                .join("contract-core/tests/fixtures/expand")
                .join(fixture),
        );
    }
    files
}

/// The `contract` crate of this checkout, by path: what these tests build against, whatever
/// remote the checkout has.
fn contract_dep() -> String {
    let contract = std::fs::canonicalize(workspace().join("contract")).unwrap();
    format!("{{ path = {:?} }}", contract.to_string_lossy())
}

fn scaffold(krate: &Path, flags: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .arg("scaffold")
        .args(issues())
        .arg("--crate")
        .arg(krate)
        .args(flags)
        .env("CONTRACT_TO_CODE_DEP", contract_dep())
        .output()
        .expect("xtask runs")
}

/// Starts the built binary on a free port and returns it with the port it printed.
fn start(binary: &Path) -> (common::Server, u16) {
    let mut command = Command::new(binary);
    command.env("PORT", "0");
    common::start(command)
}

/// One HTTP/1.1 request; the status and the body.
fn request(port: u16, method: &str, path: &str, headers: &[&str], body: &str) -> (u16, String) {
    let answer = common::send(port, method, path, headers, body);
    (answer.status, answer.body)
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

/// The target directory every generated crate builds in, shared across tests and runs.
fn e2e_target() -> PathBuf {
    workspace().join("target/e2e")
}

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

    let target = e2e_target();
    let started = Instant::now();
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
    eprintln!("e2e: cargo build: {:.1} s", started.elapsed().as_secs_f64());

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
    // The same crate's generated tests, in the same target directory: incremental builds only.
    the_generated_tests_pass_and_can_fail(&dir.path().join("e2e-api"), &e2e_target());
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

    // `01-add-book.md`: unreadable JSON is its 400, with its message; a valid body reaches the stub.
    let (status, body) = request(port, "POST", "/api/books", &[JSON], "{");
    assert_eq!(status, 400, "{body}");
    assert_eq!(error_message(&body), (400.into(), "Bad request".into()));

    let book = r#"{"isbn": "978-0-14-044913-6", "title": "The Odyssey"}"#;
    let (status, body) = request(port, "POST", "/api/books", &[JSON], book);
    assert_eq!(status, 501, "{body}");
    assert_eq!(error_message(&body), (501.into(), "Not implemented".into()));

    // `05-delete-review.md`: no bearer token is its 401.
    let (status, body) = request(port, "DELETE", "/api/reviews/x", &[], "");
    assert_eq!(status, 401, "{body}");
    assert_eq!(error_message(&body), (401.into(), "Unauthorized".into()));

    // With a token the request gets through to the stub. The routes that name the parameter at
    // that place otherwise (`16-reviews.md`'s `:reviewId`, `02-get-book.md`'s `:id` beside
    // `:bookId` and `{book_id}`) are served too.
    let auth = "Authorization: Bearer t0ken";
    let (status, _) = request(port, "DELETE", "/api/reviews/x", &[auth], "");
    assert_eq!(status, 501);
    let flag = r#"{"reason": "spoiler", "details": "d", "severity": 2, "anonymous": true,
        "quoted": []}"#;
    let (status, body) = request(port, "POST", "/api/reviews/x/flags", &[JSON], flag);
    assert_eq!(status, 501, "{body}");
    let (status, body) = request(port, "GET", "/api/books/x", &[], "");
    assert_eq!(status, 501, "{body}");
    let (status, body) = request(port, "GET", "/api/books/x/reviews?page=2", &[], "");
    assert_eq!(status, 501, "{body}");
    let (status, _) = request(
        port,
        "PATCH",
        "/api/members/x",
        &[auth, JSON],
        r#"{"phone": "0123 456"}"#,
    );
    assert_eq!(status, 501);

    // `03-list-loans.md`: a query value outside its enum is its 400.
    let (status, body) = request(port, "GET", "/api/loans?state=bogus", &[], "");
    assert_eq!(
        error_message(&body),
        (400.into(), "Invalid paging or filter".into())
    );
    assert_eq!(status, 400);

    // `16-reviews.md` lists 422 and no 400: unreadable input is its 422, with its message.
    let (status, body) = request(port, "POST", "/api/books/x/reviews", &[auth, JSON], "{");
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        error_message(&body),
        (422.into(), "Rating must be 1 to 5".into())
    );

    // `11-branch-hours.md`: HEAD and OPTIONS are served like any method.
    let (status, _) = request(port, "HEAD", "/api/branches/x", &[], "");
    assert_eq!(status, 501);
    let (status, body) = request(port, "OPTIONS", "/api/branches", &[], "");
    assert_eq!(status, 501, "{body}");

    let (status, body) = request(port, "PUT", "/api/books", &[], "");
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

    verify_passes_what_the_stubs_decide(port);
}

/// `verify` against the stubs: every case the contract alone decides passes; every valid request
/// reaches a stub and fails with its 501, as a person reading the report should see.
fn verify_passes_what_the_stubs_decide(port: u16) {
    let output = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .arg("verify")
        .args(issues())
        .args(["--url", &format!("http://127.0.0.1:{port}"), "--json"])
        // The stubs run beside other tests' builds on CI's 2 cores: a slow answer is no fault.
        .args(["--timeout", "120"])
        .output()
        .expect("verify runs");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let (mut derived, mut valid) = (0, 0);
    for case in report["endpoints"]
        .as_array()
        .expect("endpoints")
        .iter()
        .flat_map(|e| e["cases"].as_array().expect("cases"))
    {
        let name = case["name"].as_str().expect("a name");
        match case["result"].as_str() {
            _ if name.ends_with("_valid") => {
                valid += 1;
                assert_eq!(case["result"], "failed", "{case:#}");
                assert_eq!(case["answer"]["status"], 501, "{case:#}");
            }
            Some("passed") => derived += 1,
            Some("not_exercised") => assert!(case["answer"].is_null(), "{case:#}"),
            _ => panic!("a derived case fails against the stubs: {case:#}"),
        }
    }
    assert_eq!(report["failed"], valid, "only the valid requests fail");
    assert!(
        derived > 100 && valid > 20,
        "{derived} derived, {valid} valid"
    );
}

/// The crate's generated tests pass against the stubs, a finished skeleton passes, and the tests
/// fail against an app that answers 200 to everything.
fn the_generated_tests_pass_and_can_fail(krate: &Path, target: &Path) {
    let phases: [(&str, Phase); 3] = [
        ("cargo test", generated_tests_pass_and_skeletons_are_ignored),
        (
            "the 409 skeleton finished",
            the_409_skeleton_passes_once_arranged,
        ),
        (
            "an app answering 200",
            generated_tests_fail_against_an_app_that_answers_200,
        ),
    ];
    for (phase, run) in phases {
        let started = Instant::now();
        run(krate, target);
        // Seen with `--nocapture`: what each phase adds to CI's time.
        eprintln!("e2e: {phase}: {:.1} s", started.elapsed().as_secs_f64());
    }
    one_issue_alone_gets_the_same_tests(krate);
}

/// A step run on the scaffolded crate (its directory) with the shared target directory.
type Phase = fn(&Path, &Path);

/// What one `cargo test` run reported: totals, and each test's outcome by name.
#[derive(Debug, Default)]
struct TestRun {
    passed: usize,
    failed: usize,
    ignored: usize,
    /// `ok`, `FAILED` or `ignored`, by test name.
    outcomes: BTreeMap<String, String>,
    /// The compiler's output.
    log: String,
}

impl TestRun {
    /// The outcome of the test function `name`, in whichever module of the binary it is.
    fn outcome(&self, name: &str) -> &str {
        self.outcomes
            .iter()
            .find(|(path, _)| *path == name || path.ends_with(&format!("::{name}")))
            .map_or("missing", |(_, outcome)| outcome.as_str())
    }
}

/// Runs `cargo test ARGS` in the crate and reads libtest's lines (`test NAME ... ok`,
/// `test result: ok. 9 passed; 0 failed; 2 ignored; ...`).
fn cargo_test(krate: &Path, target: &Path, args: &[&str]) -> TestRun {
    let out = Command::new(env!("CARGO"))
        .arg("test")
        .args(args)
        .current_dir(krate)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut run = TestRun {
        log: String::from_utf8_lossy(&out.stderr).into_owned(),
        ..TestRun::default()
    };
    for line in stdout.lines() {
        if let Some(totals) = line.strip_prefix("test result: ") {
            let count = |what: &str| -> usize {
                totals
                    .split([';', '.'])
                    .find_map(|part| part.trim().strip_suffix(what)?.trim().parse().ok())
                    .unwrap_or(0)
            };
            run.passed += count(" passed");
            run.failed += count(" failed");
            run.ignored += count(" ignored");
        } else if let Some((name, outcome)) = line
            .strip_prefix("test ")
            .and_then(|l| l.split_once(" ... "))
        {
            let outcome = outcome.split(',').next().unwrap_or(outcome);
            run.outcomes.insert(name.to_string(), outcome.to_string());
        }
    }
    run
}

/// The `.rs` files directly in `dir` under the crate, by name, with their text.
fn test_files(krate: &Path, dir: &str) -> BTreeMap<String, String> {
    std::fs::read_dir(krate.join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.to_string();
            let text = std::fs::read_to_string(&path).ok()?;
            name.ends_with(".rs").then_some((name, text))
        })
        .collect()
}

/// Every derived test passes against the stubs, every skeleton is ignored, nothing warns, and
/// all of them are one test binary.
fn generated_tests_pass_and_skeletons_are_ignored(krate: &Path, target: &Path) {
    let binaries: Vec<String> = test_files(krate, "tests").into_keys().collect();
    assert!(
        binaries.is_empty(),
        "test binaries beside the one: {binaries:?}"
    );
    let derived = test_files(krate, "tests/endpoints/contract");
    let skeletons = test_files(krate, "tests/endpoints");
    // The intake form's body is too wide for `json!`: it is parsed from text (laid out by
    // `cargo fmt` by now), and compiles.
    let support = test_files(krate, "tests/endpoints/support");
    let intake = &support["create_intake.rs"];
    assert!(
        intake.contains("serde_json::from_str(") && intake.contains("r#\"{\n"),
        "{intake}"
    );
    let derived: Vec<_> = derived.iter().collect();
    let skeletons: Vec<_> = skeletons.iter().collect();
    let count = |files: &[(&String, &String)], what: &str| -> usize {
        files
            .iter()
            .map(|(_, text)| text.matches(what).count())
            .sum()
    };
    let derived_count = count(&derived, "#[tokio::test]");
    let skeleton_count = count(&skeletons, "#[ignore = ");
    assert!(
        derived_count > 50 && skeleton_count > 20,
        "{derived:?} {skeletons:?}"
    );

    let run = cargo_test(krate, target, &[]);
    assert!(
        !run.log.contains("warning"),
        "the tests have warnings:\n{}",
        run.log
    );
    assert_eq!(run.failed, 0, "{run:#?}");
    assert_eq!(run.passed, derived_count, "{run:#?}");
    assert_eq!(run.ignored, skeleton_count, "{run:#?}");

    // Done when: six 400s for `01-add-book.md`, a 409 skeleton, and a 401 for
    // `05-delete-review.md`.
    for name in [
        "create_book_400_malformed_json",
        "create_book_400_missing_isbn",
        "create_book_400_missing_title",
        "create_book_400_isbn_not_a_string",
        "create_book_400_title_not_a_string",
        "create_book_400_edition_not_a_number",
        "delete_review_401_missing_token",
    ] {
        assert_eq!(run.outcome(name), "ok", "{name}");
    }
    assert_eq!(
        run.outcome("create_book_409_isbn_already_in_catalogue"),
        "ignored"
    );
}

/// Written as a person finishes a skeleton: a service that refuses a second book with the same
/// ISBN, the arrange step (add the book first), and no `#[ignore]`.
fn the_409_skeleton_passes_once_arranged(krate: &Path, target: &Path) {
    std::fs::write(krate.join("src/state.rs"), STATE).unwrap();
    // The stub's body replaced, its imports and signature kept, as a person writes it.
    let service = krate.join("src/services/book_service/create_book.rs");
    let stub = std::fs::read_to_string(&service).unwrap();
    let body = stub
        .find("    // Remove these two lines")
        .expect("the stub's body");
    std::fs::write(&service, format!("{}{CREATE_BOOK_BODY}", &stub[..body])).unwrap();
    let path = krate.join("tests/endpoints/create_book.rs");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text
        .find("async fn create_book_409_isbn_already_in_catalogue")
        .expect("the 409 skeleton");
    let ignore = text[..start].rfind("#[ignore = ").expect("its ignore");
    let ignore_end = ignore + text[ignore..].find('\n').unwrap() + 1;
    let send = "    let response = valid_request().send(&app).await;";
    let at = start + text[start..].find(send).expect("the request");
    let edited = format!(
        "{}{}    valid_request().send(&app).await;\n{}",
        &text[..ignore],
        &text[ignore_end..at],
        &text[at..]
    );
    std::fs::write(&path, edited).unwrap();

    let run = cargo_test(krate, target, &["--test", "endpoints", "create_book"]);
    assert!(!run.log.contains("warning"), "{}", run.log);
    assert_eq!(
        run.outcome("create_book_409_isbn_already_in_catalogue"),
        "ok",
        "{run:#?}"
    );
    assert_eq!(run.failed, 0, "{run:#?}");
}

const STATE: &str = "use std::collections::HashSet;
use std::sync::{Arc, Mutex};

/// The ISBNs of the books in the catalogue so far.
#[derive(Clone, Default)]
pub struct AppState {
    pub isbns: Arc<Mutex<HashSet<String>>>,
}
";

/// Refuses a second book with the same ISBN, with or without hyphens. The response is built
/// from JSON so that only the names the stub imports are used.
const CREATE_BOOK_BODY: &str = r#"    let isbn = request.isbn.replace('-', "");
    let mut isbns = state.isbns.lock().unwrap_or_else(|e| e.into_inner());
    if !isbns.insert(isbn.clone()) {
        return Err(CreateBookError::Conflict);
    }
    let response = serde_json::json!({
        "success": true,
        "data": {
            "id": isbns.len().to_string(),
            "isbn": isbn,
            "title": request.title,
            "addedAt": "2024-05-01T12:00:00Z"
        }
    });
    let response: Result<CreateBookResponse, _> = serde_json::from_value(response);
    response.map_err(|e| CreateBookError::NotImplemented.with_detail(e.to_string()))
}
"#;

/// The user's `tests/common/mod.rs` replaced by an app that answers 200 `{}` to everything: every
/// derived test must then fail. Only the derived tests are run (the skeletons are ignored
/// anyway).
fn generated_tests_fail_against_an_app_that_answers_200(krate: &Path, target: &Path) {
    let common = krate.join("tests/common/mod.rs");
    let original = std::fs::read_to_string(&common).unwrap();
    std::fs::write(&common, ANSWERS_200).unwrap();
    let run = cargo_test(krate, target, &["--test", "endpoints", "contract::"]);
    std::fs::write(&common, original).unwrap();
    assert!(run.failed > 50, "{run:#?}");
    assert_eq!(
        run.passed, 0,
        "a generated test passed against it: {run:#?}"
    );
}

const ANSWERS_200: &str = "use axum::{Json, Router};

/// Answers 200 with `{}` to every request.
pub fn app() -> Router {
    Router::new().fallback(|| async { Json(serde_json::json!({})) })
}
";

/// `01-add-book.md` scaffolded alone gets the very test code the crate above ran, so what
/// passed there passes in a crate of its own, without a build of its own.
fn one_issue_alone_gets_the_same_tests(krate: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let alone = dir.path().join("add-book");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .arg("scaffold")
        .arg(contract_corpus::path(
            contract_corpus::Kind::Valid,
            "01-add-book.md",
        ))
        .arg("--crate")
        .arg(&alone)
        .env("CONTRACT_TO_CODE_DEP", contract_dep())
        .output()
        .expect("xtask runs");
    assert!(out.status.success());
    for file in [
        "tests/endpoints/contract/create_book.rs",
        "tests/endpoints/support/create_book.rs",
        "tests/endpoints/create_book.rs",
    ] {
        let read = |root: &Path| std::fs::read_to_string(root.join(file)).unwrap();
        if file == "tests/endpoints/create_book.rs" {
            // The crate above has its 409 test finished; here it is the ignored skeleton.
            let fresh = read(&alone);
            let at = fresh
                .find("async fn create_book_409_isbn_already_in_catalogue()")
                .expect("the 409 skeleton");
            assert!(fresh[..at].ends_with("\"]\n"), "not ignored:\n{fresh}");
            continue;
        }
        // The crate above went through `cargo fmt`: the same code, maybe laid out differently.
        assert!(
            contract_core::expand::same_code(&read(krate), &read(&alone)),
            "{file} differs"
        );
    }
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

/// A spec-kit-style contracts folder, read as API documents with no contract block, scaffolds
/// into a crate that builds without a warning and whose derived tests pass against the stubs.
#[test]
fn spec_kit_contracts_scaffold_into_a_crate_whose_tests_pass() {
    let documents: Vec<PathBuf> = contract_corpus::documents::documents()
        .into_iter()
        .filter(|d| d.name.contains("spec-kit") || d.name.contains("speckit"))
        .filter(|d| !d.expected.endpoints.is_empty())
        .map(|d| d.path)
        .collect();
    assert!(documents.len() >= 8, "{documents:?}");
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("specs-api");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .arg("scaffold")
        .args(&documents)
        .arg("--crate")
        .arg(&krate)
        .env("CONTRACT_TO_CODE_DEP", contract_dep())
        .output()
        .expect("the command line runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = cargo_test(&krate, &e2e_target(), &[]);
    assert!(!run.log.contains("warning"), "{}", run.log);
    assert!(run.failed == 0 && run.passed > 20, "{run:?}");
}

/// A small, seedable random generator (xorshift): the same seed writes the same issues.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A random type over the grammar: every scalar and format in both spellings, formats and
/// bounds, nested objects, arrays, maps and nullables in every spelling, enums of odd values, and
/// the named types the issues define (`named`); `depth` bounds the nesting.
fn random_type(random: &mut Random, depth: usize, named: &[String]) -> String {
    let scalars = [
        "string", "number", "integer", "boolean", "uuid", "email", "url", "date", "String", "text",
        "any", "object",
    ];
    // Formats and bounds: ranges open at either end or closed on one value, patterns, both.
    let bounded = [
        "string(1..=20)",
        "string(3..=3)",
        "string(..=8, /^[a-z]+$/)",
        "string(/^[A-Z]{2}-[0-9]{3}$/)",
        "text(2..)",
        "integer(0..=150)",
        "integer(5..=5)",
        "integer(-10..)",
        "number(0.5..=1)",
        "number(..=-2.5)",
        "email(..=254)",
    ];
    // Nothing nested at depth 0.
    let choice = if depth == 0 {
        [0, 1, 9][random.below(3)]
    } else {
        random.below(11)
    };
    match choice {
        0 => random.pick(&scalars).to_owned(),
        9 => random.pick(&bounded).to_owned(),
        10 => {
            let inner = random.pick(&bounded);
            let count = random.pick(&["(..=3)", "(1..)", "(2..=2)"]);
            format!("{inner}[]{count}")
        }
        1 if named.is_empty() => random.pick(&scalars).to_owned(),
        1 => named[random.below(named.len())].clone(),
        2 => {
            let inner = random_type(random, depth - 1, named);
            // `T[]` would bind to a union's last member, and `[...]` holding quoted strings
            // reads as a JSON example.
            let plain = !inner.contains(['|', '"']);
            match random.below(4) {
                0 if plain => format!("{inner}[]"),
                1 => format!("List<{inner}>"),
                2 if plain => format!("[{inner}]"),
                _ => format!("Array<{inner}>"),
            }
        }
        3 => {
            let values = [
                "\"open\"",
                "\"in-progress\"",
                "\"with space\"",
                "\"ünï\"",
                "\"2fa\"",
                "\"type\"",
            ];
            let n = 2 + random.below(3);
            let mut chosen: Vec<&str> = Vec::new();
            while chosen.len() < n {
                let value = random.pick(&values);
                if !chosen.contains(&value) {
                    chosen.push(value);
                }
            }
            chosen.join(" | ")
        }
        4 => format!("{} | null", random.pick(&scalars[..8])),
        5 => format!("Nullable<{}>", random.pick(&scalars[..8])),
        6 => format!("Record<string, {}>", random_type(random, depth - 1, named)),
        7 | 8 => random_object(random, depth - 1, named),
        _ => unreachable!("a choice below 11"),
    }
}

/// `{ key: T, other?: U }` with keys of every kind: camel case, Rust keywords, quoted with
/// dashes; `,` or `;` between fields.
fn random_object(random: &mut Random, depth: usize, named: &[String]) -> String {
    let keys = [
        "name",
        "createdAt",
        "type",
        "self",
        "match",
        "\"x-trace-id\"",
        "ownerId",
        "tags",
        "count",
        "isActive",
        "value2",
    ];
    let n = 1 + random.below(4);
    let mut used: Vec<&str> = Vec::new();
    let mut fields = Vec::new();
    while fields.len() < n {
        let key = random.pick(&keys);
        if used.contains(&key) {
            continue;
        }
        used.push(key);
        let optional = if random.chance(30) { "?" } else { "" };
        fields.push(format!(
            "{key}{optional}: {}",
            random_type(random, depth, named)
        ));
    }
    let separator = if random.chance(20) { "; " } else { ", " };
    format!("{{ {} }}", fields.join(separator))
}

/// What the random issues share: the routes taken so far (a shared resource gets methods from
/// several issues) and the named types defined so far (an issue may use another's).
#[derive(Default)]
struct RandomApi {
    routes: Vec<(String, String)>,
    types: Vec<String>,
}

/// One random issue with one to three endpoints, each under a path of its own or on a resource
/// several issues share, in the grammar's spellings of status, auth, query and errors; some issues
/// define named types in a TypeScript block.
fn random_issue(random: &mut Random, index: usize, api: &mut RandomApi) -> String {
    let mut definitions = String::new();
    if random.chance(40) {
        let name = format!("Thing{index}");
        let body = random_object(random, 1, &api.types);
        if random.chance(50) {
            definitions.push_str(&format!("interface {name} {body}\n"));
        } else {
            definitions.push_str(&format!("type {name} = {body}\n"));
        }
        api.types.push(name);
    }
    let named = api.types.clone();
    let mut block = String::new();
    let methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    let count = 1 + random.below(3);
    for endpoint in 0..count {
        let method = random.pick(&methods);
        let item = random.chance(50);
        let path = |resource: &str| {
            if item {
                format!("/api/{resource}/{{id}}")
            } else {
                format!("/api/{resource}")
            }
        };
        // A resource of its own, or one several issues share while this method is free on it.
        let shared =
            random.chance(25) && !api.routes.contains(&(method.to_string(), path("shared")));
        let resource = if shared {
            "shared".to_string()
        } else {
            format!("r{index}x{endpoint}")
        };
        let path = path(&resource);
        api.routes.push((method.to_string(), path.clone()));
        let query = if method == "GET" && random.chance(40) {
            "?page=1&sort=asc|desc"
        } else {
            ""
        };
        block.push_str(&format!("{method} {path}{query}\n"));
        if shared {
            // Named by the contract, not the rule.
            block.push_str(&format!("Operation: shared_{index}_{endpoint}\n"));
        }
        match random.below(4) {
            0 => block.push_str("Headers: { Authorization: \"Bearer <token>\" }\n"),
            1 => block.push_str("Authorization: Bearer <token>\n"),
            _ => {}
        }
        if method == "GET" && random.chance(30) {
            block.push_str(random.pick(&[
                "Query: { limit?: integer, q?: string }\n",
                "Query: { limit?: integer(1..=100), q?: string(..=20), since?: date }\n",
            ]));
        }
        if path.ends_with("{id}") && random.chance(30) {
            block.push_str(random.pick(&[
                "Path: { id: uuid }\n",
                "Path: { id: string(2..=12, /^[a-z0-9-]+$/) }\n",
                "Path: { id: string(1..=8) }\n",
            ]));
        }
        if matches!(method, "POST" | "PUT" | "PATCH") {
            if !named.is_empty() && random.chance(20) {
                let name = &named[random.below(named.len())];
                block.push_str(&format!("Request: {name}\n"));
            } else {
                let body = random_object(random, 2, &named);
                block.push_str(&format!("Request: {body}\n"));
            }
        }
        block.push_str(&random_response(random, &named));
        block.push_str(&random_errors(random));
        block.push('\n');
    }
    let mut issue = format!("# Random {index}\n\n**API Contract:**\n```\n{block}```\n");
    if !definitions.is_empty() {
        issue.push_str(&format!("\n```typescript\n{definitions}```\n"));
    }
    issue
}

/// A `Response` line (or none) in one of the grammar's spellings of status and body.
fn random_response(random: &mut Random, named: &[String]) -> String {
    let body = random_object(random, 2, named);
    match random.below(10) {
        0 => "Response: 204\n".to_string(),
        1 => "Response (204): none\n".to_string(),
        2 => String::new(),
        3 => format!("Response (201): {body}\n"),
        4 => format!("Response 201: {body}\n"),
        5 => format!("Response: 201 Created {body}\n"),
        6 => format!("Response: 200 OK\n{body}\n"),
        7 => format!("Response: {}[]\n", random_object(random, 1, named)),
        8 => format!("Response: [ {} ]\n", random_object(random, 1, named)),
        _ => format!("Response: {body}\n"),
    }
}

/// The `Errors` of an endpoint, in one of the grammar's spellings, with odd messages.
fn random_errors(random: &mut Random) -> String {
    let mut statuses: Vec<u16> = Vec::new();
    for _ in 0..random.below(4) {
        let status = [400u16, 401, 403, 404, 409, 410, 422, 429, 499, 503][random.below(10)];
        if !statuses.contains(&status) {
            statuses.push(status);
        }
    }
    if statuses.is_empty() {
        return String::new();
    }
    let messages = [
        "Not found",
        "Already \\\"taken\\\"",
        "Zu viele Anfragen – später",
        "Quota: 10/min",
    ];
    // Unquoted messages must not hold what ends or splits an entry.
    let plain = ["Not found", "Zu viele Anfragen – später", "Gone for good"];
    match random.below(5) {
        0 => {
            let entries: Vec<String> = statuses
                .iter()
                .map(|s| format!("  {s}: '{}';\n", random.pick(&plain)))
                .collect();
            format!("Errors: {{\n{}}}\n", entries.concat())
        }
        1 => {
            let entries: Vec<String> = statuses
                .iter()
                .map(|s| format!("  - {s}: {}\n", random.pick(&plain)))
                .collect();
            format!("Errors:\n{}", entries.concat())
        }
        // Statuses alone take their reason phrase, which 499 has not.
        2 if !statuses.contains(&499) => {
            let listed: Vec<String> = statuses.iter().map(u16::to_string).collect();
            format!("Errors: {}\n", listed.join(", "))
        }
        _ => {
            let entries: Vec<String> = statuses
                .iter()
                .map(|s| format!("{s}: \"{}\"", random.pick(&messages)))
                .collect();
            format!("Errors: {{ {} }}\n", entries.join(", "))
        }
    }
}

/// Random contracts over the whole grammar scaffold into one crate that builds without a
/// warning and whose derived tests pass against the stubs. CI runs a small sample with a fixed
/// seed; `RANDOM_CONTRACTS=300 RANDOM_CONTRACTS_SEED=7 cargo test -p contract-to-code --test e2e
/// random` runs more with a seed of your choice, and a failure prints the seed.
#[test]
fn random_contracts_scaffold_into_a_crate_that_builds_and_passes() {
    let count: usize = std::env::var("RANDOM_CONTRACTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let seed: u64 = std::env::var("RANDOM_CONTRACTS_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20261126);
    let mut random = Random(seed.max(1));
    let mut api = RandomApi::default();
    let dir = tempfile::tempdir().unwrap();
    let issues: Vec<PathBuf> = (0..count)
        .map(|index| {
            let path = dir.path().join(format!("random-{index:03}.md"));
            let issue = random_issue(&mut random, index, &mut api);
            if index == 0 {
                eprintln!("{issue}");
            }
            std::fs::write(&path, issue).unwrap();
            path
        })
        .collect();
    let krate = dir.path().join("random-api");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .arg("scaffold")
        .args(&issues)
        .arg("--crate")
        .arg(&krate)
        .env("CONTRACT_TO_CODE_DEP", contract_dep())
        .output()
        .expect("the command line runs");
    let keep = || {
        let kept = std::env::temp_dir().join(format!("random-contracts-{seed}"));
        let _ = std::fs::remove_dir_all(&kept);
        let _ = std::fs::rename(dir.path(), &kept);
        kept
    };
    if !out.status.success() {
        panic!(
            "seed {seed}: scaffold refused the random issues (kept in {}):\n{}",
            keep().display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let run = cargo_test(&krate, &e2e_target(), &[]);
    eprintln!(
        "random contracts: seed {seed}, {count} issues, {} derived tests passed",
        run.passed
    );
    if run.log.contains("warning") || run.failed > 0 || run.passed == 0 {
        let failed: Vec<&String> = run
            .outcomes
            .iter()
            .filter(|(_, outcome)| outcome.as_str() == "FAILED")
            .map(|(name, _)| name)
            .collect();
        panic!(
            "seed {seed}: the crate of random issues fails (kept in {}):\n{}\n{} passed, \
             failed: {failed:?}",
            keep().display(),
            run.log,
            run.passed,
        );
    }
}
