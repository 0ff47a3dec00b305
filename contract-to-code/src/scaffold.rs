//! `scaffold`: writes the code the issues' contracts give into a crate, never losing
//! a person's edits.
//!
//! The plan (every file, its contents and its owner) comes from `contract_core::expand::plan`;
//! this module compares it with the disk and acts:
//!
//! - generated files are written when they differ in code (a file only reformatted, by `cargo fmt`
//!   say, is left alone), and generated files no longer planned are removed;
//! - user-owned files are created when missing, and overwritten only with `--force`;
//! - everything is decided before anything is written, so a refusal writes nothing, and each write
//!   goes to a temporary file in the same directory first, renamed over the target.
//!
//! `--dry-run` prints the decisions with a diff per changed file; `--check` exits 1 when a
//! generated file differs from what the issues now give, or a contract status has no test.
//! Test skeleton files and the test binary's root are the user's, but scaffold appends the tests
//! and `mod` lines they lack, and moves the skeleton files of the layout before one test binary
//! into it ([`scaffold_tests`] has the rest of the test side).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use contract_core::expand::test_append::{ItemKind, PlannedItem};
use contract_core::expand::test_files::TEST_BINARY_ROOT;
use contract_core::expand::{self, HandlerStyle, Ownership, PlanOptions, PlannedFile};

use crate::Failure;
use crate::dependency::{self, Resolved};
use crate::manifest::{Manifest, enclosing_workspace};
use crate::messages::{Level, Message, MessageFormat};
use crate::paths::relative_to;
use crate::scaffold_tests::{self, Coverage, Legacy, Move, TestTarget};

#[derive(clap::Args)]
pub struct Args {
    /// Issue files in the Backend Feature Task format: all of them, every run (the set given is
    /// the API; routes of issues left out are dropped).
    #[arg(required = true, value_name = "ISSUE.md")]
    issues: Vec<PathBuf>,
    /// The crate to write into. Without a Cargo.toml there, a new binary crate is created.
    #[arg(long = "crate", value_name = "DIR", default_value = ".")]
    crate_dir: PathBuf,
    /// Write nothing; show what would change, with a diff for each file that exists.
    #[arg(long, conflicts_with = "check")]
    dry_run: bool,
    /// Write nothing; exit 1 if a generated file differs from what the issues give, or a contract
    /// status has no test.
    #[arg(long)]
    check: bool,
    /// With `--check`: exit 1 also when a contract status's only tests are `#[ignore]`d (a
    /// skeleton nobody has written yet), for CI once the skeletons are done.
    #[arg(long, requires = "check")]
    deny_ignored: bool,
    /// Overwrite files that are yours (service stubs, state, crate files, test skeletons) with
    /// fresh ones.
    #[arg(long, conflicts_with = "check")]
    force: bool,
    /// Write the handlers as plain Rust, what `#[contract]` expands to, instead of with the
    /// attribute: no proc macro in the build, and no rebuild when an issue changes.
    #[arg(long)]
    expand: bool,
    /// Where a new crate takes the `contract` crate from: `workspace`, a version in quotes, or an
    /// inline table as Cargo.toml spells it (`'{ git = "https://...", tag = "v0.1.0" }'`; a `path`
    /// is relative to the new crate). Default: the workspace's `contract` if it names one, else
    /// where this tool came from (docs/scaffold.md says in what order).
    #[arg(long, value_name = "SPEC", env = "CONTRACT_TO_CODE_DEP")]
    contract_dep: Option<String>,
}

/// What to do with one file.
#[derive(Debug)]
enum Action {
    Create,
    Update {
        old: String,
    },
    /// A user-owned file that differs; kept unless `--force`.
    Keep,
    /// A test skeleton file that lacks some tests, or the test binary's root some `mod` lines:
    /// `text` is it with them appended.
    Append {
        old: String,
        text: String,
        added: Vec<PlannedItem>,
    },
    /// A skeleton file of the layout before one test binary, `from`, moving to this step's path
    /// as `text`: without its `mod common;` and `mod support;` lines, with `added` appended.
    Move {
        from: String,
        old: String,
        text: String,
        added: Vec<PlannedItem>,
    },
    Overwrite {
        old: String,
    },
    Unchanged,
    /// A generated file from an earlier run that the issues no longer give.
    Remove {
        old: String,
    },
}

/// A planned or stale file and what to do with it.
struct Step {
    path: String,
    ownership: Ownership,
    contents: String,
    action: Action,
}

pub fn run(args: &Args, format: MessageFormat) -> Result<ExitCode, Failure> {
    crate::input::refuse_stdin(
        &args.issues,
        "scaffold writes code that names its issue file, and reads it again at every build",
    )?;
    let contracts = contract_core::load_files(&args.issues)?;
    let root = &args.crate_dir;
    if root.exists() && !root.is_dir() {
        return Err(Failure::Usage(format!(
            "`--crate {}` is not a directory",
            root.display()
        )));
    }
    let new_crate = !root.join("Cargo.toml").exists();
    let dependency = if new_crate {
        dependency::resolve(root, args.contract_dep.as_deref())?
    } else {
        Resolved::default()
    };
    let package = new_crate.then(|| package_name(root));
    let tests = scaffold_tests::target(root, package.as_deref());
    let options = PlanOptions {
        new_crate: package,
        handlers: if args.expand {
            HandlerStyle::Expanded
        } else {
            HandlerStyle::Attribute
        },
        issue_paths: contracts
            .iter()
            .map(|c| (c.file.clone(), relative_to(root, &c.file)))
            .collect(),
        contract_dependency: dependency.dependency,
        tests: match &tests {
            TestTarget::Library(library) => Some(library.clone()),
            TestTarget::Skipped(_) => None,
        },
    };
    let planned = expand::plan(&contracts, &options).map_err(Failure::Refused)?;
    let legacy = match tests {
        TestTarget::Library(_) => {
            scaffold_tests::legacy_moves(root, &planned).map_err(Failure::Usage)?
        }
        TestTarget::Skipped(_) => Legacy::default(),
    };
    let steps = decide(root, planned, args.force, &tests, legacy.moves)?;
    check_parents(root, &steps)?;
    if args.check {
        let coverage = match tests {
            TestTarget::Library(_) => scaffold_tests::coverage(root, &contracts),
            TestTarget::Skipped(_) => Coverage::default(),
        };
        return Ok(report_drift(
            root,
            &steps,
            coverage,
            args.deny_ignored,
            format,
        ));
    }
    if args.dry_run {
        print_dry_run(&steps);
        print_notes(&dependency.notes);
        scaffold_tests::print_stranded(&legacy.stranded);
        return Ok(ExitCode::SUCCESS);
    }
    apply(root, &steps)?;
    print_summary(root, &steps, contracts.len());
    print_notes(&dependency.notes);
    if new_crate {
        print_membership_hint(root);
    }
    let removed = steps
        .iter()
        .filter(|s| matches!(s.action, Action::Remove { .. }));
    scaffold_tests::print_orphans(root, removed.map(|s| s.path.as_str()));
    scaffold_tests::print_stranded(&legacy.stranded);
    if !new_crate {
        print_wiring_hints(root, args.contract_dep.as_deref(), &steps);
        scaffold_tests::print_notices(root, &tests);
    }
    Ok(ExitCode::SUCCESS)
}

/// The package name for a new crate: the directory's name, made valid.
fn package_name(root: &Path) -> String {
    let absolute = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let name = absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    expand::crate_files::package_name(&name)
}

/// Compares every planned file with the disk, moves the skeleton files of the layout before one
/// test binary (`moves`) to theirs, and finds stale generated files.
fn decide(
    root: &Path,
    planned: Vec<PlannedFile>,
    force: bool,
    tests: &TestTarget,
    moves: Vec<Move>,
) -> Result<Vec<Step>, Failure> {
    let mut steps = Vec::with_capacity(planned.len());
    let present: BTreeSet<String> = scaffold_tests::test_names(root).into_keys().collect();
    let mut moves: BTreeMap<String, Move> = moves.into_iter().map(|m| (m.to.clone(), m)).collect();
    for file in &planned {
        let moved = moves.remove(&file.path);
        let action = match (moved, read_existing(&root.join(&file.path))?) {
            (Some(moved), _) => {
                let appended =
                    expand::test_append::append_missing(&moved.text, &file.contents, &present);
                let (text, added) = appended.unwrap_or((moved.text, Vec::new()));
                Action::Move {
                    from: moved.from,
                    old: moved.old,
                    text,
                    added,
                }
            }
            (None, None) => Action::Create,
            (None, Some(old)) => compare(file, old, force, &present),
        };
        steps.push(Step {
            path: file.path.clone(),
            ownership: file.ownership,
            contents: file.contents.clone(),
            action,
        });
    }
    for path in stale_generated(root, &planned, tests)? {
        let old = read_existing(&root.join(&path))?.unwrap_or_default();
        steps.push(Step {
            path,
            ownership: Ownership::Generated,
            contents: String::new(),
            action: Action::Remove { old },
        });
    }
    Ok(steps)
}

/// What to do with a planned file that exists; `present` are the test functions in `tests/`.
fn compare(file: &PlannedFile, old: String, force: bool, present: &BTreeSet<String>) -> Action {
    if old == file.contents {
        return Action::Unchanged;
    }
    match file.ownership {
        Ownership::Generated if is_rust(&file.path) && expand::same_code(&old, &file.contents) => {
            // Reformatted (by `cargo fmt`, say) but the same code: rewriting it would only undo
            // the formatting.
            Action::Unchanged
        }
        Ownership::Generated => Action::Update { old },
        Ownership::UserOwned | Ownership::AppendOnly if force => Action::Overwrite { old },
        Ownership::UserOwned => Action::Keep,
        Ownership::AppendOnly => {
            let appended = expand::test_append::append_missing(&old, &file.contents, present);
            match appended {
                Some((text, added)) => Action::Append { old, text, added },
                None => Action::Keep,
            }
        }
    }
}

fn is_rust(path: &str) -> bool {
    path.ends_with(".rs")
}

/// A file's text, `None` when it does not exist. A directory in its place is refused.
fn read_existing(path: &Path) -> Result<Option<String>, Failure> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(error) if error.kind() == ErrorKind::NotFound => Ok(None),
        Err(_) if path.is_dir() => Err(Failure::Usage(format!(
            "`{}` is a directory where scaffold writes a file",
            path.display()
        ))),
        Err(error) => Err(Failure::Read {
            path: path.to_path_buf(),
            error,
        }),
    }
}

/// Generated files of an earlier run that the plan no longer has: route modules, service module
/// `mod.rs` files, test files. Only files that start with the generated header count; nothing of
/// the user's.
fn stale_generated(
    root: &Path,
    planned: &[PlannedFile],
    tests: &TestTarget,
) -> Result<Vec<String>, Failure> {
    let mut candidates = rust_files(&root.join("src/routes"), "src/routes")?;
    if matches!(tests, TestTarget::Library(_)) {
        candidates.extend(scaffold_tests::generated_candidates(root));
    }
    let services = root.join("src/services");
    if let Ok(entries) = fs::read_dir(&services) {
        for entry in entries.flatten() {
            if entry.path().join("mod.rs").is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                candidates.push(format!("src/services/{name}/mod.rs"));
            }
        }
    }
    let mut stale = Vec::new();
    for path in candidates {
        if planned.iter().any(|f| f.path == path) {
            continue;
        }
        let text = read_existing(&root.join(&path))?.unwrap_or_default();
        if text.starts_with(expand::GENERATED_MARKER) {
            stale.push(path);
        }
    }
    stale.sort();
    Ok(stale)
}

/// The `.rs` files directly in `dir`, as paths under `prefix`.
fn rust_files(dir: &Path, prefix: &str) -> Result<Vec<String>, Failure> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => {
            return Err(Failure::Read {
                path: dir.to_path_buf(),
                error,
            });
        }
    };
    Ok(entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            (name.ends_with(".rs") && entry.path().is_file()).then(|| format!("{prefix}/{name}"))
        })
        .collect())
}

/// Refuses, before anything is written, a file in the way of a directory scaffold needs.
fn check_parents(root: &Path, steps: &[Step]) -> Result<(), Failure> {
    for step in steps.iter().filter(|s| writes(&s.action)) {
        let mut dir = Path::new(&step.path).parent();
        while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            let full = root.join(d);
            if full.exists() && !full.is_dir() {
                return Err(Failure::Usage(format!(
                    "`{}` is a file where scaffold needs a directory (for `{}`)",
                    full.display(),
                    step.path
                )));
            }
            dir = d.parent();
        }
    }
    Ok(())
}

fn writes(action: &Action) -> bool {
    matches!(
        action,
        Action::Create
            | Action::Update { .. }
            | Action::Overwrite { .. }
            | Action::Append { .. }
            | Action::Move { .. }
    )
}

/// `--check`: names each generated file that is missing, differs or is stale, a test binary root
/// that is missing or lacks `mod` lines, each test file to move to the one binary, and each
/// contract status without a test; 1 if any, or, with `deny_ignored`, if a status has only
/// ignored tests.
fn report_drift(
    root: &Path,
    steps: &[Step],
    coverage: Coverage,
    deny_ignored: bool,
    format: MessageFormat,
) -> ExitCode {
    let Coverage {
        untested,
        mut ignored,
    } = coverage;
    let mut drift = Vec::new();
    for step in steps {
        // The binary's root decides which tests exist: without it, or without its `mod` lines,
        // tests the issues give are left out.
        let counts = step.ownership == Ownership::Generated || step.path == TEST_BINARY_ROOT;
        let path = &step.path;
        let line = match &step.action {
            Action::Create if counts => format!("{path} missing"),
            Action::Update { .. } => format!("{path} differs from the issues"),
            Action::Remove { .. } => format!("{path} no longer given by the issues"),
            Action::Append { added, .. } if counts => format!("{path} lacks {}", added_list(added)),
            Action::Move { from, .. } => format!(
                "{from} is a test binary of the layout before one: scaffold moves it to {path}"
            ),
            _ => continue,
        };
        let file = shown_path(root, path);
        let help = format!("run `{} scaffold` to update it", crate::program());
        drift.push(
            Message::new(Level::Error, "drift", line)
                .in_file(&file)
                .help(help),
        );
    }
    if deny_ignored {
        ignored.iter_mut().for_each(|m| m.level = Level::Error);
    }
    let messages: Vec<Message> = drift
        .iter()
        .chain(&untested)
        .chain(&ignored)
        .cloned()
        .collect();
    format.emit(&messages);
    for message in &messages {
        eprintln!("{}: {}", message.kind, message.message);
    }
    let program = crate::program();
    if !untested.is_empty() {
        eprintln!(
            "scaffold --check: {} contract status(es) without a test; run `{program} scaffold` to add their skeletons",
            untested.len()
        );
    }
    if !ignored.is_empty() {
        let then = if deny_ignored {
            "write them and remove the `#[ignore]`"
        } else {
            "`--deny-ignored` fails on these"
        };
        eprintln!(
            "scaffold --check: {} contract status(es) tested only by #[ignore]d tests; {then}",
            ignored.len()
        );
    }
    if !drift.is_empty() {
        eprintln!(
            "scaffold --check: {} generated file(s) out of date; run `{program} scaffold` to update them",
            drift.len()
        );
    }
    if messages.iter().any(|m| m.level == Level::Error) {
        ExitCode::from(1)
    } else {
        format.for_people("scaffold --check: every generated file matches the issues\n");
        ExitCode::SUCCESS
    }
}

/// A path in the crate as the user would name it from where they ran the command:
/// `examples/todo-api/src/routes.rs`, or `src/routes.rs` for `--crate .`.
fn shown_path(root: &Path, path: &str) -> PathBuf {
    root.join(path)
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// `--dry-run`: what a run would do, with a unified diff for each existing file it would change.
fn print_dry_run(steps: &[Step]) {
    for step in steps {
        let owner = owner(step.ownership);
        match &step.action {
            Action::Create => outln!("create    {} ({owner})", step.path),
            Action::Unchanged => outln!("unchanged {}", step.path),
            Action::Keep => outln!(
                "keep      {} (yours, differs from a fresh one; --force overwrites it)",
                step.path
            ),
            Action::Update { old } | Action::Overwrite { old } => {
                outln!("update    {} ({owner})", step.path);
                out!("{}", diff(&step.path, old, &step.contents));
            }
            Action::Append { old, text, added } => {
                outln!("append    {} (yours: {})", step.path, added_list(added));
                out!("{}", diff(&step.path, old, text));
            }
            Action::Move {
                from,
                old,
                text,
                added,
            } => {
                outln!("move      {from} -> {} ({})", step.path, moved_how(added));
                out!("{}", moved_diff(from, &step.path, old, text));
            }
            Action::Remove { old } => {
                outln!("remove    {} (generated, no longer given)", step.path);
                out!("{}", diff(&step.path, old, ""));
            }
        }
    }
}

fn diff(path: &str, old: &str, new: &str) -> String {
    moved_diff(path, path, old, new)
}

/// A unified diff from `old` at `from` to `new` at `to`.
fn moved_diff(from: &str, to: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{from}"), &format!("b/{to}"))
        .to_string()
}

/// The items appended to a file, for a line of output: `create_user_409_taken, mod get_user`.
fn added_list(added: &[PlannedItem]) -> String {
    let names: Vec<String> = added
        .iter()
        .map(|item| match item.kind {
            ItemKind::Test => item.name.clone(),
            ItemKind::Module => format!("`mod {};`", item.name),
        })
        .collect();
    names.join(", ")
}

/// What a move does to a file besides moving it.
fn moved_how(added: &[PlannedItem]) -> String {
    let mut how = "yours: without its `mod common;` and `mod support;` lines, which the \
                   binary's root declares"
        .to_string();
    if !added.is_empty() {
        how.push_str(&format!("; appended: {}", added_list(added)));
    }
    how
}

fn owner(ownership: Ownership) -> &'static str {
    match ownership {
        Ownership::Generated => "generated",
        Ownership::UserOwned | Ownership::AppendOnly => "yours",
    }
}

/// Writes every change: creates, updates, forced overwrites and removals.
fn apply(root: &Path, steps: &[Step]) -> Result<(), Failure> {
    for step in steps {
        let path = root.join(&step.path);
        match step.action {
            Action::Create | Action::Update { .. } | Action::Overwrite { .. } => {
                write_atomically(&path, &step.contents)?;
            }
            Action::Append { ref text, .. } => write_atomically(&path, text)?,
            Action::Move {
                ref from, ref text, ..
            } => {
                write_atomically(&path, text)?;
                remove(&root.join(from))?;
            }
            Action::Remove { .. } => remove(&path)?,
            Action::Keep | Action::Unchanged => {}
        }
    }
    Ok(())
}

/// Removes a file, and its directory if that is left empty (the `tests/support/` of the layout
/// before one test binary).
fn remove(path: &Path) -> Result<(), Failure> {
    fs::remove_file(path).map_err(|error| Failure::Io {
        path: path.to_path_buf(),
        error,
    })?;
    if let Some(dir) = path.parent() {
        // Fails, as it should, when the directory holds anything else.
        let _ = fs::remove_dir(dir);
    }
    Ok(())
}

/// Writes `contents` to a temporary file beside `path` and renames it over `path`, so a reader
/// (or a crash) never sees half a file.
pub(crate) fn write_atomically(path: &Path, contents: &str) -> Result<(), Failure> {
    let io = |error| Failure::Io {
        path: path.to_path_buf(),
        error,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.scaffold-{}.tmp", std::process::id()));
    let result = fs::write(&temp, contents).and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        // Best effort: the error that matters is the write's.
        let _ = fs::remove_file(&temp);
    }
    result.map_err(io)
}

fn print_summary(root: &Path, steps: &[Step], issues: usize) {
    let mut wrote = 0;
    let mut kept = 0;
    let mut unchanged = 0;
    let mut removed = 0;
    for step in steps {
        let verb = match step.action {
            Action::Create => "created",
            Action::Update { .. } => "updated",
            Action::Overwrite { .. } => "replaced",
            Action::Append { ref added, .. } => {
                wrote += 1;
                outln!("appended  {} (yours: {})", step.path, added_list(added));
                continue;
            }
            Action::Move {
                ref from,
                ref added,
                ..
            } => {
                wrote += 1;
                outln!("moved     {from} -> {} ({})", step.path, moved_how(added));
                continue;
            }
            Action::Remove { .. } => {
                removed += 1;
                outln!("removed   {} (generated, no longer given)", step.path);
                continue;
            }
            Action::Keep => {
                kept += 1;
                continue;
            }
            Action::Unchanged => {
                unchanged += 1;
                continue;
            }
        };
        wrote += 1;
        outln!("{verb:<9} {} ({})", step.path, owner(step.ownership));
    }
    let removed = if removed > 0 {
        format!(", removed {removed}")
    } else {
        String::new()
    };
    outln!(
        "scaffold: {issues} issue(s) into {}: wrote {wrote} file(s){removed}, kept {kept} of yours, {unchanged} unchanged",
        root.display()
    );
}

fn print_notes(notes: &[String]) {
    for note in notes {
        outln!("note: {note}");
    }
}

/// A new crate inside a workspace builds only as one of its members: says so when the
/// workspace's `members` do not take it (the workspace's `Cargo.toml` is not scaffold's to edit).
fn print_membership_hint(root: &Path) {
    let dir = crate::paths::resolved(root);
    if let Some((workspace, manifest)) = dir.parent().and_then(enclosing_workspace)
        && !manifest.has_member(&workspace, &dir)
    {
        outln!(
            "note: {} is in the workspace of {}, whose `members` do not list it: add \"{}\" there",
            root.display(),
            workspace.join("Cargo.toml").display(),
            crate::paths::relative_to(&workspace, &dir)
        );
    }
}

/// In a crate scaffold did not create, says what it needs wired in when that seems missing.
fn print_wiring_hints(root: &Path, contract_dep: Option<&str>, steps: &[Step]) {
    let lib = fs::read_to_string(root.join("src/lib.rs")).unwrap_or_default();
    let main = fs::read_to_string(root.join("src/main.rs")).unwrap_or_default();
    if !lib.contains("mod routes") && !main.contains("mod routes") {
        outln!(
            "note: declare the modules scaffold writes in src/lib.rs (or main.rs): \
             `pub mod models; pub mod routes; pub mod services; pub mod state;`, and serve \
             `routes::router().with_state(state::AppState::default())`"
        );
    }
    let manifest = Manifest::read(&root.join("Cargo.toml"));
    // Handlers reach serde through `contract`; only code that names serde itself (the models
    // module, for types an issue defines) needs it in the crate's own dependencies.
    let named = |krate: &str| {
        steps
            .iter()
            .filter(|s| is_rust(&s.path) && !s.path.starts_with("tests/"))
            .any(|s| names_crate(&s.contents, krate))
    };
    let missing: Vec<&str> = ["axum", "contract", "serde", "serde_json"]
        .into_iter()
        .filter(|dep| matches!(*dep, "axum" | "contract") || named(dep))
        .filter(|dep| !manifest.as_ref().is_some_and(|m| m.has_dependency(dep)))
        .collect();
    if !missing.is_empty() {
        outln!(
            "note: the generated code needs these dependencies in Cargo.toml: {} \
             (axum 0.8 with `json` and `query`, serde with `derive`, and {})",
            missing.join(", "),
            dependency::resolve(root, contract_dep).map_or_else(
                |_| "contract".to_string(),
                |r| format!("`{}`", r.dependency.line(true))
            )
        );
    }
}

/// Whether `text` names the crate `krate` at the root of a path (`serde::Serialize`,
/// `use serde_json::Value`), rather than through another crate (`::contract::__private::serde`).
fn names_crate(text: &str, krate: &str) -> bool {
    let needle = format!("{krate}::");
    text.match_indices(&needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        !before.is_some_and(|c| c == ':' || c == '_' || c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crates_are_named_at_the_root_of_a_path_only() {
        assert!(names_crate("use serde::{Deserialize, Serialize};", "serde"));
        assert!(names_crate("pub meta: serde_json::Value,", "serde_json"));
        assert!(!names_crate("pub meta: serde_json::Value,", "serde"));
        assert!(!names_crate(
            "#[serde(crate = \"::contract::__private::serde\")]",
            "serde"
        ));
        assert!(!names_crate("let x = my_serde::f();", "serde"));
    }

    #[test]
    fn package_names_come_from_the_directory() {
        assert_eq!(package_name(Path::new("/tmp/My Demo")), "my-demo");
    }

    #[test]
    fn reformatted_generated_files_are_unchanged() {
        let file = PlannedFile {
            path: "src/routes/a.rs".into(),
            contents: "fn a() {\n    b();\n}\n".into(),
            ownership: Ownership::Generated,
        };
        assert!(matches!(
            compare(&file, "fn a() { b(); }\n".into(), false, &BTreeSet::new()),
            Action::Unchanged
        ));
        assert!(matches!(
            compare(&file, "fn a() { c(); }\n".into(), false, &BTreeSet::new()),
            Action::Update { .. }
        ));
    }
}
