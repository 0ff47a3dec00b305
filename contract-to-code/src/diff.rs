//! `diff`: what a change to the issues breaks for existing clients, endpoint by endpoint
//! ([`contract_core::diff`] classifies; this module finds the two sides and prints).
//!
//! A side is a set of issue files: a file, or a directory's `*.md`. With `--base REF` the old side
//! is the same files as git has them at `REF`, read with `git show` (nothing is checked out).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::Arc;

use contract_core::Source;
use contract_core::diff::{self, Change, Class};

use crate::Failure;
use crate::messages::{Level, Message, MessageFormat};

#[derive(clap::Args)]
pub struct Args {
    /// OLD and NEW, each an issue file or a directory of them (`-`: one issue from standard
    /// input); with `--base`, the issue files as they are now.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Compare the issue files with the same files at this git revision (a branch, a tag, a
    /// commit), read with `git show`.
    #[arg(long, value_name = "REF")]
    base: Option<String>,
    /// Print the changes as JSON.
    #[arg(long)]
    json: bool,
    /// What makes the exit status 1: `breaking` changes (the default), or `notes` as well.
    #[arg(long, value_enum, default_value_t = FailOn::Breaking)]
    fail_on: FailOn,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    Breaking,
    Notes,
}

pub fn run(args: &Args, format: MessageFormat) -> Result<ExitCode, Failure> {
    format.alone_or_json(args.json, "the changes")?;
    let load = |files: &[PathBuf]| crate::input::load(files);
    let (old, new) = match &args.base {
        Some(base) => {
            crate::input::refuse_stdin(&args.paths, "`--base` reads the same files from git")?;
            let files = issue_files(&args.paths)?;
            let old = crate::input::contracts(&at_revision(base, &files)?)?;
            (old, load(&files)?)
        }
        None => match args.paths.as_slice() {
            [old, new] => (load(&issue_files(&[old])?)?, load(&issue_files(&[new])?)?),
            _ => {
                return Err(Failure::Usage(
                    "`diff` takes two paths, OLD and NEW (or `--base REF` and the issue files)"
                        .to_string(),
                ));
            }
        },
    };
    let changes = diff::diff(&old, &new);
    if args.json {
        out!("{}", json(&changes));
    } else {
        format.emit(&messages(&changes, args.base.as_deref(), args.fail_on));
        format.for_people(&human(&changes));
    }
    let fails = changes.iter().any(|c| match args.fail_on {
        FailOn::Breaking => c.class == Class::Breaking,
        FailOn::Notes => c.class != Class::Compatible,
    });
    Ok(if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The issue files a side names: each file itself, each directory's `*.md` in name order.
fn issue_files<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        let path = path.as_ref();
        if crate::input::is_stdin(path) || !path.is_dir() {
            files.push(path.to_path_buf());
            continue;
        }
        files.extend(crate::input::markdown_files(path)?);
    }
    Ok(files)
}

/// The files as git has them at `base`, each under its name with `@base`; a file git does not
/// have there is a file added since, and left out.
fn at_revision(base: &str, files: &[PathBuf]) -> Result<Vec<Arc<Source>>, Failure> {
    let mut sources = Vec::new();
    for file in files {
        let dir = file
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        // `REF:./name` is relative to the directory git runs in.
        let out = Command::new("git")
            .arg("show")
            .arg(format!("{base}:./{name}"))
            .current_dir(dir)
            .output()
            .map_err(|error| Failure::Usage(format!("cannot run git: {error}")))?;
        if out.status.success() {
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            sources.push(Source::new(format!("{}@{base}", file.display()), text));
            continue;
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        // git's words for a path the revision does not have, as opposed to a revision or a
        // repository that is not there.
        if stderr.contains("exists on disk, but not in") || stderr.contains("does not exist in") {
            continue;
        }
        return Err(Failure::Usage(format!(
            "cannot read {} at `{base}`: {}",
            file.display(),
            stderr.trim()
        )));
    }
    Ok(sources)
}

/// The changes grouped by endpoint, then a count of each class.
fn human(changes: &[Change]) -> String {
    let mut out = String::new();
    // `diff` gives each endpoint's changes together.
    for list in changes.chunk_by(|a, b| a.endpoint == b.endpoint) {
        out.push_str(&format!("{}\n", list[0].endpoint));
        for change in list {
            let places = match (&change.old, &change.new) {
                (Some(old), Some(new)) => format!("{old} -> {new}"),
                (Some(old), None) => format!("was {old}"),
                (None, Some(new)) => format!("{new}"),
                (None, None) => String::new(),
            };
            out.push_str(&format!(
                "  {:<10} {} [{}] ({places})\n",
                change.class.to_string(),
                change.message,
                change.rule
            ));
        }
    }
    let counts = counts(changes);
    out.push_str(&format!(
        "diff: {} breaking, {} note(s), {} compatible\n",
        counts[&Class::Breaking],
        counts[&Class::Note],
        counts[&Class::Compatible]
    ));
    out
}

/// Each change as a message at the line of the contract that says it (the new one's, or the old
/// one's for what was removed, under its own name rather than `file@REF`): what fails the command
/// is an error, other notes warnings, compatible changes notes.
fn messages(changes: &[Change], base: Option<&str>, fail_on: FailOn) -> Vec<Message> {
    changes
        .iter()
        .map(|change| {
            let (level, kind) = match change.class {
                Class::Breaking => (Level::Error, "breaking-change"),
                Class::Note if fail_on == FailOn::Notes => (Level::Error, "diff-note"),
                Class::Note => (Level::Warning, "diff-note"),
                Class::Compatible => (Level::Note, "compatible-change"),
            };
            let text = format!("{}: {}", change.endpoint, change.message);
            let message = Message::new(level, kind, text).code(change.rule);
            match change.new.as_ref().or(change.old.as_ref()) {
                Some(place) => {
                    let file = base
                        .and_then(|base| place.file.strip_suffix(&format!("@{base}")))
                        .unwrap_or(&place.file);
                    message.at_line(Path::new(file), place.line)
                }
                None => message,
            }
        })
        .collect()
}

fn counts(changes: &[Change]) -> BTreeMap<Class, usize> {
    let mut counts = BTreeMap::from([
        (Class::Breaking, 0),
        (Class::Note, 0),
        (Class::Compatible, 0),
    ]);
    for change in changes {
        *counts.entry(change.class).or_default() += 1;
    }
    counts
}

fn json(changes: &[Change]) -> String {
    let counts = counts(changes);
    let value = serde_json::json!({
        "changes": changes,
        "breaking": counts[&Class::Breaking],
        "notes": counts[&Class::Note],
        "compatible": counts[&Class::Compatible],
    });
    let mut text = serde_json::to_string_pretty(&value).expect("a JSON value serialises");
    text.push('\n');
    text
}
