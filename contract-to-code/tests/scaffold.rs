//! `cargo xtask scaffold` as a user runs it: what it writes, what it keeps, what it refuses, and
//! that a second run changes nothing.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

use contract_corpus::Kind;

fn valid(name: &str) -> PathBuf {
    contract_corpus::path(Kind::Valid, name)
}

fn invalid(name: &str) -> PathBuf {
    contract_corpus::path(Kind::Invalid, name)
}

fn all_valid() -> Vec<PathBuf> {
    contract_corpus::files(Kind::Valid)
}

fn scaffold<P: AsRef<OsStr>>(issues: &[P], krate: &Path, flags: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-contract-to-code"))
        .arg("scaffold")
        .args(issues)
        .arg("--crate")
        .arg(krate)
        .args(flags)
        .env("NO_COLOR", "1")
        .output()
        .expect("xtask runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
}

/// Every file under `dir` with its contents and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let modified = entry.metadata().unwrap().modified().unwrap();
                files.insert(path.clone(), (fs::read(&path).unwrap(), modified));
            }
        }
    }
    files
}

/// A copy of a corpus issue in `dir`, so a test can edit it.
fn copy_issue(name: &str, dir: &Path) -> PathBuf {
    let target = dir.join(name);
    fs::copy(valid(name), &target).unwrap();
    target
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn a_new_crate_then_a_second_run_that_changes_no_byte() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let out = scaffold(&all_valid(), &krate, &[]);
    assert_exit(&out, 0);
    for file in [
        "Cargo.toml",
        "src/main.rs",
        "src/lib.rs",
        "src/state.rs",
        "src/routes/mod.rs",
        "src/routes/books.rs",
        "src/routes/book_detail.rs",
        "src/services/book_service/create_book.rs",
        "src/services/book_service/get_book.rs",
    ] {
        assert!(krate.join(file).is_file(), "{file} was not written");
    }
    let before = snapshot(&krate);
    let out = scaffold(&all_valid(), &krate, &[]);
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("wrote 0 file(s)"), "{}", stdout(&out));
    assert_eq!(before, snapshot(&krate), "the second run touched a file");
}

#[test]
fn check_passes_when_up_to_date_and_fails_naming_the_file_after_a_contract_change() {
    let dir = tempfile::tempdir().unwrap();
    let issue = copy_issue("01-add-book.md", dir.path());
    let krate = dir.path().join("api");
    assert_exit(&scaffold(&[&issue], &krate, &[]), 0);
    assert_exit(&scaffold(&[&issue], &krate, &["--check"]), 0);

    // `#[contract]` reads messages from the issue at build time: a new message is no drift.
    edit(
        &issue,
        "409: \"ISBN already in the catalogue\"",
        "409: \"ISBN taken\"",
    );
    assert_exit(&scaffold(&[&issue], &krate, &["--check"]), 0);

    // A new status changes the handler's return type, which scaffold writes.
    edit(&issue, "Response: {", "Response (201): {");
    let before = snapshot(&krate);
    let out = scaffold(&[issue], &krate, &["--check"]);
    assert_exit(&out, 1);
    assert!(
        stderr(&out).contains("src/routes/books.rs"),
        "{}",
        stderr(&out)
    );
    // The service stub is the user's: a stale one is not drift.
    assert!(!stderr(&out).contains("create_book.rs"), "{}", stderr(&out));
    assert_eq!(before, snapshot(&krate), "--check wrote something");
}

#[test]
fn dry_run_writes_nothing_and_shows_creates_and_diffs() {
    let dir = tempfile::tempdir().unwrap();
    let issue = copy_issue("01-add-book.md", dir.path());
    let krate = dir.path().join("api");
    let out = scaffold(&[&issue], &krate, &["--dry-run"]);
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("create    src/routes/books.rs (generated)"));
    assert!(stdout(&out).contains("create    Cargo.toml (yours)"));
    assert!(!krate.exists(), "--dry-run created the crate");

    // Written out by `--expand`, the contract's messages are in the generated code.
    assert_exit(&scaffold(&[&issue], &krate, &["--expand"]), 0);
    edit(
        &issue,
        "409: \"ISBN already in the catalogue\"",
        "409: \"ISBN taken\"",
    );
    let before = snapshot(&krate);
    let out = scaffold(&[issue], &krate, &["--dry-run", "--expand"]);
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert!(
        text.contains("update    src/routes/books.rs (generated)"),
        "{text}"
    );
    assert!(text.contains("--- a/src/routes/books.rs"), "{text}");
    let changed = |sign: char, message: &str| {
        text.lines().any(|l| {
            l.starts_with(sign) && l.contains(&format!("Self::Conflict => \"{message}\","))
        })
    };
    assert!(changed('-', "ISBN already in the catalogue"), "{text}");
    assert!(changed('+', "ISBN taken"), "{text}");
    assert!(
        text.contains("keep      src/services/book_service/create_book.rs"),
        "{text}"
    );
    assert_eq!(before, snapshot(&krate), "--dry-run wrote something");
}

#[test]
fn an_edited_service_survives_a_rerun_and_only_force_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let issues = [valid("01-add-book.md")];
    assert_exit(&scaffold(&issues, &krate, &[]), 0);
    let service = krate.join("src/services/book_service/create_book.rs");
    let mine = fs::read_to_string(&service).unwrap().replace(
        "Err(CreateBookError::NotImplemented)",
        "Err(CreateBookError::Conflict)",
    );
    fs::write(&service, &mine).unwrap();

    assert_exit(&scaffold(&issues, &krate, &[]), 0);
    assert_eq!(fs::read_to_string(&service).unwrap(), mine);

    let out = scaffold(&issues, &krate, &["--force"]);
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("replaced  src/services/book_service/create_book.rs"));
    assert!(
        fs::read_to_string(&service)
            .unwrap()
            .contains("Err(CreateBookError::NotImplemented)")
    );
}

#[test]
fn an_endpoint_added_later_gets_a_stub_of_its_own_beside_the_edited_one() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    assert_exit(&scaffold(&[valid("01-add-book.md")], &krate, &[]), 0);
    let create = krate.join("src/services/book_service/create_book.rs");
    fs::write(&create, "// mine\n").unwrap();

    // `02-get-book.md` names the same service file, `bookService.js`.
    let both = [valid("01-add-book.md"), valid("02-get-book.md")];
    assert_exit(&scaffold(&both, &krate, &[]), 0);
    assert_eq!(fs::read_to_string(&create).unwrap(), "// mine\n");
    assert!(
        krate
            .join("src/services/book_service/get_book.rs")
            .is_file()
    );
    let module = fs::read_to_string(krate.join("src/services/book_service/mod.rs")).unwrap();
    assert!(
        module.contains("pub use create_book::create_book;"),
        "{module}"
    );
    assert!(module.contains("pub use get_book::get_book;"), "{module}");
}

#[test]
fn generated_files_of_issues_no_longer_given_are_drift_then_removed() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let both = [valid("01-add-book.md"), valid("05-delete-review.md")];
    assert_exit(&scaffold(&both, &krate, &[]), 0);
    // `05-delete-review.md` names its route file (`reviewRemoval.js`) and no service file.
    let routes = krate.join("src/routes/review_removal.rs");
    let stub = krate.join("src/services/delete_review_service/delete_review.rs");
    assert!(routes.is_file());
    assert!(stub.is_file());

    let one = [valid("01-add-book.md")];
    let out = scaffold(&one, &krate, &["--check"]);
    assert_exit(&out, 1);
    assert!(
        stderr(&out).contains("src/routes/review_removal.rs no longer given"),
        "{}",
        stderr(&out)
    );
    let out = scaffold(&one, &krate, &[]);
    assert_exit(&out, 0);
    assert!(!routes.exists(), "the stale route module is still there");
    assert!(
        !krate
            .join("tests/endpoints/contract/delete_review.rs")
            .exists()
    );
    assert!(
        !krate
            .join("tests/endpoints/support/delete_review.rs")
            .exists()
    );
    assert!(
        stdout(&out).contains(
            "note: tests/endpoints/delete_review.rs is yours and tests an endpoint the issues no \
             longer give; delete it and its `mod` line in tests/endpoints/main.rs"
        ),
        "{}",
        stdout(&out)
    );
    assert!(stub.is_file(), "a user's file was removed");
    assert_exit(&scaffold(&one, &krate, &["--check"]), 0);
}

#[test]
fn a_reformatted_generated_file_is_not_drift_and_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let issues = [valid("01-add-book.md")];
    assert_exit(&scaffold(&issues, &krate, &[]), 0);
    let routes = krate.join("src/routes/books.rs");
    let squeezed: String = fs::read_to_string(&routes)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{}\n", l.trim()))
        .collect();
    fs::write(&routes, &squeezed).unwrap();
    assert_exit(&scaffold(&issues, &krate, &["--check"]), 0);
    assert_exit(&scaffold(&issues, &krate, &[]), 0);
    assert_eq!(fs::read_to_string(&routes).unwrap(), squeezed);
}

#[test]
fn a_code_to_create_path_leaving_the_crate_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let issue = copy_issue("01-add-book.md", dir.path());
    edit(
        &issue,
        "- `backend/src/services/bookService.js`",
        "- `../../outside/bookService.js`",
    );
    let krate = dir.path().join("api");
    let out = scaffold(&[issue], &krate, &[]);
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("`../../outside/bookService.js` leaves the crate"),
        "{err}"
    );
    assert!(err.contains("01-add-book.md:24:4"), "{err}");
    assert!(!krate.exists(), "something was written");
}

#[test]
fn an_invalid_issue_or_a_duplicate_route_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let out = scaffold(
        &[valid("01-add-book.md"), invalid("bad-status.md")],
        &krate,
        &[],
    );
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("bad-status.md:10:"),
        "{}",
        stderr(&out)
    );

    let copy = dir.path().join("01-again.md");
    fs::copy(valid("01-add-book.md"), &copy).unwrap();
    let out = scaffold(&[valid("01-add-book.md"), copy], &krate, &[]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("01-again.md"), "{}", stderr(&out));
    assert!(!krate.exists(), "something was written");
}

#[test]
fn a_file_in_the_way_of_a_directory_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    fs::create_dir_all(krate.join("src")).unwrap();
    fs::write(krate.join("src/routes"), "not a directory").unwrap();
    let out = scaffold(&[valid("01-add-book.md")], &krate, &[]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("src/routes"), "{}", stderr(&out));
    assert!(!krate.join("Cargo.toml").exists(), "something was written");
}

#[test]
fn a_status_or_rule_added_later_appends_its_test_and_keeps_edited_ones() {
    let dir = tempfile::tempdir().unwrap();
    let issue = copy_issue("01-add-book.md", dir.path());
    let krate = dir.path().join("api");
    assert_exit(&scaffold(&[&issue], &krate, &[]), 0);
    let tests = krate.join("tests/endpoints/create_book.rs");
    let mine = fs::read_to_string(&tests).unwrap().replace(
        "    let app = app();\n",
        "    let app = app(); // arranged by me\n",
    );
    fs::write(&tests, &mine).unwrap();

    edit(
        &issue,
        "409: \"ISBN already in the catalogue\"",
        "409: \"ISBN already in the catalogue\", 422: \"ISBN checksum is wrong\"",
    );
    edit(
        &issue,
        "- [ ] The new book's id comes back in the response",
        "- [ ] Withdrawn editions are refused\n- [ ] The new book's id comes back in the response",
    );
    let out = scaffold(&[&issue], &krate, &["--dry-run"]);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).contains(
            "append    tests/endpoints/create_book.rs (yours: create_book_422_isbn_checksum_wrong, \
             create_book_withdrawn_editions_refused)"
        ),
        "{}",
        stdout(&out)
    );

    let out = scaffold(&[&issue], &krate, &[]);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).contains(
            "appended  tests/endpoints/create_book.rs (yours: create_book_422_isbn_checksum_wrong, \
             create_book_withdrawn_editions_refused)"
        ),
        "{}",
        stdout(&out)
    );
    let now = fs::read_to_string(&tests).unwrap();
    assert!(now.starts_with(&mine), "an edited test changed:\n{now}");
    let added = &now[mine.len()..];
    assert!(added.contains("async fn create_book_422_isbn_checksum_wrong()"));
    assert!(added.contains(
        "response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, \"ISBN checksum is wrong\");"
    ));
    assert!(added.contains("/// Business rule: Withdrawn editions are refused."));

    let before = snapshot(&krate);
    assert_exit(&scaffold(&[&issue], &krate, &[]), 0);
    assert_eq!(before, snapshot(&krate), "a third run changed something");
}

#[test]
fn check_names_each_contract_status_without_a_test() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let issues = [valid("01-add-book.md")];
    assert_exit(&scaffold(&issues, &krate, &[]), 0);
    assert_exit(&scaffold(&issues, &krate, &["--check"]), 0);

    // The person deletes every 409 test (the status's and the rule's); the 400s are in the
    // generated file.
    let tests = krate.join("tests/endpoints/create_book.rs");
    let text = fs::read_to_string(&tests).unwrap();
    let kept: Vec<&str> = text
        .split("\n\n")
        .filter(|block| !block.contains("async fn create_book_409"))
        .collect();
    fs::write(&tests, kept.join("\n\n")).unwrap();
    let out = scaffold(&issues, &krate, &["--check"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains(
            "untested: POST /api/books 409 \"ISBN already in the catalogue\" (01-add-book.md): \
             no test in tests/ is named `create_book_409` or `create_book_409_...`"
        ),
        "{err}"
    );
    assert!(!err.contains(" 400 "), "{err}");
    assert!(
        err.contains("1 contract status(es) without a test"),
        "{err}"
    );

    // A test of the person's own, named after the status, covers it.
    fs::write(
        krate.join("tests/mine.rs"),
        "#[test]\nfn create_book_409_when_the_isbn_is_taken() {}\n",
    )
    .unwrap();
    assert_exit(&scaffold(&issues, &krate, &["--check"]), 0);
    fs::remove_file(krate.join("tests/mine.rs")).unwrap();
    // A run appends the skeletons back.
    assert_exit(&scaffold(&issues, &krate, &[]), 0);
    assert_exit(&scaffold(&issues, &krate, &["--check"]), 0);
}

#[test]
fn an_existing_crate_gets_tests_and_a_notice_instead_of_an_edited_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    fs::create_dir_all(krate.join("src")).unwrap();
    let manifest = "[package]\nname = \"my-api\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
                    [dependencies]\naxum = \"0.8\"\nserde = \"1\"\nserde_json = \"1\"\n";
    fs::write(krate.join("Cargo.toml"), manifest).unwrap();
    fs::write(krate.join("src/lib.rs"), "pub mod routes;\n").unwrap();

    let out = scaffold(&[valid("05-delete-review.md")], &krate, &[]);
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert!(
        text.contains(
            "note: the tests in tests/ need this in Cargo.toml: [dev-dependencies] tower = \
             { version = \"0.5\", default-features = false, features = [\"util\"] }"
        ),
        "{text}"
    );
    assert!(text.contains("tokio"), "{text}");
    assert_eq!(
        fs::read_to_string(krate.join("Cargo.toml")).unwrap(),
        manifest
    );
    let common = fs::read_to_string(krate.join("tests/common/mod.rs")).unwrap();
    assert!(common.contains("use my_api::routes::router;"), "{common}");
    assert!(
        krate
            .join("tests/endpoints/contract/delete_review.rs")
            .is_file()
    );
}

#[test]
fn an_existing_crate_without_a_library_gets_no_tests_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    fs::create_dir_all(krate.join("src")).unwrap();
    fs::write(krate.join("Cargo.toml"), "[package]\nname = \"api\"\n").unwrap();
    fs::write(krate.join("src/main.rs"), "fn main() {}\n").unwrap();
    let out = scaffold(&[valid("01-add-book.md")], &krate, &[]);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).contains("note: no tests written: the crate has no src/lib.rs"),
        "{}",
        stdout(&out)
    );
    assert!(!krate.join("tests").exists());
}

#[test]
fn a_new_crate_declares_the_one_dev_dependency_its_tests_need() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    assert_exit(&scaffold(&[valid("01-add-book.md")], &krate, &[]), 0);
    let manifest = fs::read_to_string(krate.join("Cargo.toml")).unwrap();
    let dev = manifest
        .split("[dev-dependencies]")
        .nth(1)
        .expect("a dev-dependencies table");
    assert_eq!(
        dev.trim(),
        "tower = { version = \"0.5\", default-features = false, features = [\"util\"] }"
    );
    for file in [
        "tests/common/mod.rs",
        "tests/endpoints/main.rs",
        "tests/endpoints/support/mod.rs",
        "tests/endpoints/support/create_book.rs",
        "tests/endpoints/contract/mod.rs",
        "tests/endpoints/contract/create_book.rs",
        "tests/endpoints/create_book.rs",
    ] {
        assert!(krate.join(file).is_file(), "{file} was not written");
    }
}

/// A new crate in a workspace whose `members` do not take it: scaffold writes it, leaves the
/// workspace's `Cargo.toml` alone (it is the user's), and says what to add. `--contract-dep`
/// decides the dependency line, and a malformed one is refused before anything is written.
#[test]
fn a_new_crate_outside_the_members_gets_a_note_and_the_dependency_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let root_manifest = "[workspace]\nresolver = \"3\"\nmembers = [\"xtask\"]\n";
    fs::write(dir.path().join("Cargo.toml"), root_manifest).unwrap();
    let krate = dir.path().join("api");
    let issue = [valid("01-add-book.md")];

    let bad = scaffold(&issue, &krate, &["--contract-dep", "{ gti = \"x\" }"]);
    assert_exit(&bad, 2);
    assert!(
        stderr(&bad).contains("`gti` is not a dependency key"),
        "{}",
        stderr(&bad)
    );
    assert!(!krate.exists(), "refused, yet something was written");

    let spec = "{ git = \"https://example.com/acme/c2c\", tag = \"v0.1.0\" }";
    let out = scaffold(&issue, &krate, &["--contract-dep", spec, "--expand"]);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).contains("whose `members` do not list it: add \"api\" there"),
        "{}",
        stdout(&out)
    );
    let manifest = fs::read_to_string(krate.join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains(
            "\ncontract = { git = \"https://example.com/acme/c2c\", tag = \"v0.1.0\", default-features = false }\n"
        ),
        "{manifest}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("Cargo.toml")).unwrap(),
        root_manifest
    );
}

/// Right after scaffolding, a status that needs state is tested only by an `#[ignore]`d
/// skeleton: `--check` says so (and still passes), `--deny-ignored` fails on it, and writing the
/// test (removing its `#[ignore]`) ends both.
#[test]
fn check_says_which_statuses_only_ignored_tests_cover() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let issues = [valid("01-add-book.md")];
    assert_exit(&scaffold(&issues, &krate, &[]), 0);
    let out = scaffold(&issues, &krate, &["--check"]);
    assert_exit(&out, 0);
    let err = stderr(&out);
    assert!(
        err.contains(
            "ignored: POST /api/books 409 \"ISBN already in the catalogue\" (01-add-book.md): \
             its only tests are #[ignore]d: `create_book_409_isbn_already_in_catalogue`, \
             `create_book_409_second_book_with_same_isbn_refused`"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "1 contract status(es) tested only by #[ignore]d tests; `--deny-ignored` fails on these"
        ),
        "{err}"
    );
    assert_exit(
        &scaffold(&issues, &krate, &["--check", "--deny-ignored"]),
        1,
    );

    // The person writes both 409 tests: their `#[ignore]` lines go.
    let tests = krate.join("tests/endpoints/create_book.rs");
    let text = fs::read_to_string(&tests).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let ignores: Vec<usize> = (1..lines.len())
        .filter(|&i| {
            lines[i].starts_with("async fn create_book_409") && lines[i - 1].starts_with("#[ignore")
        })
        .map(|i| i - 1)
        .collect();
    assert_eq!(ignores.len(), 2, "{text}");
    for at in ignores.into_iter().rev() {
        lines.remove(at);
    }
    fs::write(&tests, lines.join("\n") + "\n").unwrap();
    let out = scaffold(&issues, &krate, &["--check", "--deny-ignored"]);
    assert_exit(&out, 0);
    assert!(!stderr(&out).contains("409"), "{}", stderr(&out));
}

/// Every file under `dir` by its path below it, with its contents.
fn contents(dir: &Path) -> BTreeMap<String, String> {
    snapshot(dir)
        .into_iter()
        .map(|(path, (bytes, _))| {
            let relative = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (relative, String::from_utf8(bytes).unwrap())
        })
        .collect()
}

/// The root of the one test binary is the user's: scaffold appends the `mod` lines it lacks (a
/// new endpoint's, or one the person deleted) and keeps the rest; `--check` calls a missing one
/// drift, since the binary would leave out tests the issues give.
#[test]
fn the_test_binary_root_gains_mod_lines_and_keeps_the_users() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let one = [valid("01-add-book.md")];
    assert_exit(&scaffold(&one, &krate, &[]), 0);
    let root = krate.join("tests/endpoints/main.rs");
    let fresh = fs::read_to_string(&root).unwrap();
    assert!(
        fresh.ends_with("mod support;\n\nmod create_book;\n"),
        "{fresh}"
    );
    let mine = format!("{fresh}mod my_helpers;\n");
    fs::write(&root, &mine).unwrap();
    fs::write(krate.join("tests/endpoints/my_helpers.rs"), "").unwrap();

    let both = [valid("01-add-book.md"), valid("05-delete-review.md")];
    let out = scaffold(&both, &krate, &[]);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).contains("appended  tests/endpoints/main.rs (yours: `mod delete_review;`)"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        fs::read_to_string(&root).unwrap(),
        format!("{mine}mod delete_review;\n")
    );

    let without = fs::read_to_string(&root)
        .unwrap()
        .replace("mod contract;\n", "");
    fs::write(&root, &without).unwrap();
    let out = scaffold(&both, &krate, &["--check"]);
    assert_exit(&out, 1);
    assert!(
        stderr(&out).contains("drift: tests/endpoints/main.rs lacks `mod contract;`"),
        "{}",
        stderr(&out)
    );
    assert_exit(&scaffold(&both, &krate, &[]), 0);
    assert_exit(&scaffold(&both, &krate, &["--check"]), 0);
}

/// A crate in the layout before one test binary, as scaffold used to write it: two binaries per
/// endpoint, the skeleton file declaring `mod common;` and `mod support;`.
fn into_the_layout_before_one_binary(krate: &Path, skeleton: &str) {
    let tests = krate.join("tests");
    let endpoints = tests.join("endpoints");
    let mut text = fs::read_to_string(endpoints.join(skeleton)).unwrap();
    let docs_end = text.find("\n\n").unwrap() + 2;
    text.insert_str(docs_end, "mod common;\nmod support;\n\n");
    fs::write(tests.join(skeleton), text).unwrap();
    let module = skeleton.trim_end_matches(".rs");
    fs::rename(
        endpoints.join("contract").join(skeleton),
        tests.join(format!("{module}_contract.rs")),
    )
    .unwrap();
    fs::rename(endpoints.join("support"), tests.join("support")).unwrap();
    fs::remove_dir_all(endpoints).unwrap();
}

/// Scaffold moves such a crate to the one binary by itself: the old generated files go, the
/// skeleton file moves with every byte but its two `mod` lines, and the result is the crate a
/// fresh run writes, with the person's edits. `--dry-run` and `--check` say so first.
#[test]
fn a_crate_in_the_layout_before_one_binary_moves_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let issues = [valid("01-add-book.md")];
    assert_exit(&scaffold(&issues, &krate, &[]), 0);
    let skeleton = krate.join("tests/endpoints/create_book.rs");
    let edited = fs::read_to_string(&skeleton).unwrap().replace(
        "    let app = app();\n",
        "    let app = app(); // arranged by me\n",
    );
    fs::write(&skeleton, &edited).unwrap();
    let expected = contents(&krate);
    into_the_layout_before_one_binary(&krate, "create_book.rs");
    // A test binary of the person's own that uses the old `support` module.
    let own = "mod common;\nmod support;\n\n#[test]\nfn mine() {}\n";
    fs::write(krate.join("tests/mine.rs"), own).unwrap();

    let out = scaffold(&issues, &krate, &["--check"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    for line in [
        "drift: tests/create_book.rs is a test binary of the layout before one: scaffold moves \
         it to tests/endpoints/create_book.rs",
        "drift: tests/create_book_contract.rs no longer given by the issues",
        "drift: tests/support/mod.rs no longer given by the issues",
        "drift: tests/endpoints/contract/create_book.rs missing",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
    let out = scaffold(&issues, &krate, &["--dry-run"]);
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert!(
        text.contains(
            "move      tests/create_book.rs -> tests/endpoints/create_book.rs (yours: without \
             its `mod common;` and `mod support;` lines, which the binary's root declares)\n\
             --- a/tests/create_book.rs\n+++ b/tests/endpoints/create_book.rs\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("\n-mod common;\n-mod support;\n-\n"),
        "{text}"
    );

    let out = scaffold(&issues, &krate, &[]);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).contains(
            "note: tests/mine.rs uses the `support` module, which moved into the test binary \
             tests/endpoints/: move it to tests/endpoints/mine.rs, delete its `mod common;` and \
             `mod support;` lines, and add `mod mine;` to tests/endpoints/main.rs"
        ),
        "{}",
        stdout(&out)
    );
    assert!(
        !krate.join("tests/support").exists(),
        "the old support/ stays"
    );
    let mut now = contents(&krate);
    assert_eq!(now.remove("tests/mine.rs").as_deref(), Some(own));
    assert_eq!(now, expected);
    assert_exit(&scaffold(&issues, &krate, &["--check"]), 0);
}

/// A skeleton file of the old layout that cannot move as it is refuses the run, saying what to
/// move by hand, and nothing is written.
#[test]
fn a_skeleton_file_that_cannot_move_by_itself_refuses_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let issues = [valid("01-add-book.md")];
    assert_exit(&scaffold(&issues, &krate, &[]), 0);
    into_the_layout_before_one_binary(&krate, "create_book.rs");
    let skeleton = krate.join("tests/create_book.rs");
    let text = fs::read_to_string(&skeleton)
        .unwrap()
        .replace("mod support;\n", "mod support;\nmod helpers;\n");
    fs::write(&skeleton, text).unwrap();
    let before = snapshot(&krate);
    let out = scaffold(&issues, &krate, &[]);
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains(
            "error: tests/create_book.rs is a test file of the layout before one test binary, \
             and declares `mod helpers;`, which would be looked for elsewhere once it moves: \
             move it to tests/endpoints/create_book.rs yourself"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(before, snapshot(&krate), "something was written");
}

/// A `tests/support/` of the person's own (no generated header) is not the old layout: test files
/// that declare `mod support;` beside it are theirs and stay where they are, untouched.
#[test]
fn a_support_module_of_ones_own_is_not_the_old_layout() {
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("api");
    let issues = [valid("01-add-book.md")];
    assert_exit(&scaffold(&issues, &krate, &[]), 0);
    let support = "pub fn helper() {}\n";
    let mine = "mod support;\n\n#[test]\nfn create_book_works() {\n    support::helper();\n}\n";
    fs::create_dir_all(krate.join("tests/support")).unwrap();
    fs::write(krate.join("tests/support/mod.rs"), support).unwrap();
    fs::write(krate.join("tests/create_book.rs"), mine).unwrap();
    let before = snapshot(&krate);
    let out = scaffold(&issues, &krate, &[]);
    assert_exit(&out, 0);
    assert!(
        !stdout(&out).contains("tests/create_book.rs"),
        "{}",
        stdout(&out)
    );
    assert_eq!(before, snapshot(&krate), "a file changed");
}

/// The dependencies note of a crate scaffold did not create names serde only when the generated
/// code names it: handlers reach serde through `contract`, the models of defined types do not.
#[test]
fn serde_is_asked_for_only_when_the_generated_code_names_it() {
    let note = |issue: &str| {
        let dir = tempfile::tempdir().unwrap();
        let krate = dir.path().join("api");
        fs::create_dir_all(krate.join("src")).unwrap();
        let manifest = "[package]\nname = \"api\"\nversion = \"0.1.0\"\nedition = \"2024\"\n";
        fs::write(krate.join("Cargo.toml"), manifest).unwrap();
        fs::write(krate.join("src/lib.rs"), "pub mod routes;\n").unwrap();
        let out = scaffold(&[valid(issue)], &krate, &[]);
        assert_exit(&out, 0);
        stdout(&out)
            .lines()
            .find(|l| l.starts_with("note: the generated code needs these dependencies"))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let plain = note("01-add-book.md");
    assert!(
        plain.starts_with(
            "note: the generated code needs these dependencies in Cargo.toml: axum, contract ("
        ),
        "{plain}"
    );
    let with_models = note("16-reviews.md");
    assert!(
        with_models.contains(": axum, contract, serde"),
        "{with_models}"
    );
}
