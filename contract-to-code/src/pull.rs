//! `pull`: GitHub issues that hold a contract, copied into files the other commands read, through
//! the `gh` command line (which owns login, tokens, enterprise hosts and rate limits: this tool
//! never sees a token).
//!
//! Each file is `DIR/<number>-<slug>.md`: front matter with the issue's title, number, URL,
//! labels, state and last update, and a SHA-256 of the body as pulled, then the body exactly as
//! GitHub has it. The hash tells a file edited here (its body no longer matches it) from one whose
//! issue changed on GitHub, so an edit is never overwritten without `--force`. A file keeps its
//! name when the issue's title changes: `#[contract("issues/12-create-todo.md")]` names it.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use contract_core::Source;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Failure;
use crate::messages::{Level, Message, MessageFormat};
use crate::scaffold::write_atomically;

#[derive(clap::Args)]
pub struct Args {
    /// The repository [default: the one `gh repo view` names for the current directory].
    #[arg(long, value_name = "OWNER/NAME")]
    repo: Option<String>,
    /// Only issues with this label; repeated, issues with all of them.
    #[arg(long = "label", value_name = "LABEL", default_value = "backend")]
    labels: Vec<String>,
    /// Which issues: `open` ones, or `all`, closed ones too.
    #[arg(long, value_enum, default_value_t = State::Open)]
    state: State,
    /// The folder the files go in.
    #[arg(long, value_name = "DIR", default_value = "issues")]
    into: PathBuf,
    /// At most this many issues, the most recent first.
    #[arg(long, default_value_t = 500)]
    limit: u32,
    /// Write nothing; exit 1 when a file differs from its issue on GitHub (either side changed)
    /// or an issue with a contract has no file yet.
    #[arg(long, conflicts_with = "force")]
    check: bool,
    /// Overwrite files edited here since they were pulled.
    #[arg(long)]
    force: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum State {
    Open,
    All,
}

impl State {
    fn as_gh(self) -> &'static str {
        match self {
            State::Open => "open",
            State::All => "all",
        }
    }
}

/// An issue as `gh issue list --json` gives it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Issue {
    number: u64,
    title: String,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    labels: Vec<Label>,
    state: String,
    updated_at: String,
    url: String,
}

#[derive(Debug, Deserialize)]
struct Label {
    name: String,
}

/// The front matter of a pulled file, in the order it is written.
#[derive(Debug, Serialize, Deserialize)]
struct Pulled {
    title: String,
    number: u64,
    url: String,
    labels: Vec<String>,
    state: String,
    updated_at: String,
    body_sha256: String,
}

/// A pulled file found in the folder.
struct Local {
    path: PathBuf,
    text: String,
    front: Pulled,
    body: String,
}

/// What to do with one issue.
enum Plan {
    Create,
    Unchanged,
    Update {
        github_changed: bool,
    },
    /// Edited here, and different from the issue: kept without `--force`.
    Keep {
        github_changed: bool,
    },
    /// Not pulled yet, and a file `pull` did not write is at its path: kept without `--force`.
    Occupied,
}

struct Step<'a> {
    issue: &'a Issue,
    path: PathBuf,
    text: String,
    plan: Plan,
}

/// The `gh` fields read.
const FIELDS: &str = "number,title,body,labels,state,updatedAt,url";

pub fn run(args: &Args, format: MessageFormat) -> Result<ExitCode, Failure> {
    let repo = match &args.repo {
        Some(repo) => repo.clone(),
        None => current_repo()?,
    };
    let issues = list(args, &repo)?;
    let locals = pulled_files(&args.into)?;
    let mut messages = Vec::new();
    let mut report = String::new();
    let mut steps = Vec::new();
    for issue in &issues {
        let body = issue.body.as_deref().unwrap_or_default();
        if !has_contract(issue.number, body) {
            let _ = writeln!(
                report,
                "skipped   #{} {}: no API contract in its body",
                issue.number, issue.title
            );
            continue;
        }
        steps.push(step(
            issue,
            locals.get(&issue.number),
            &args.into,
            args.force,
        ));
    }
    let listed: Vec<u64> = issues.iter().map(|i| i.number).collect();
    let which = listing(args);
    for local in locals
        .values()
        .filter(|l| !listed.contains(&l.front.number))
    {
        let text = format!(
            "issue #{} is not among the {which} (closed, relabelled or moved); the file stays",
            local.front.number
        );
        messages.push(Message::new(Level::Warning, "pull", &text).in_file(&local.path));
        let _ = writeln!(report, "stays     {}: {text}", local.path.display());
    }
    let code = if args.check {
        check(&steps, &mut messages, &mut report)
    } else {
        write(&steps, &mut messages, &mut report)?
    };
    if !args.check {
        let written = steps
            .iter()
            .filter(|s| matches!(s.plan, Plan::Create | Plan::Update { .. }))
            .count();
        let _ = writeln!(
            report,
            "pull: {} issue(s) of {repo} with a contract, {written} file(s) written in {}",
            steps.len(),
            args.into.display()
        );
    }
    format.emit(&messages);
    format.for_people(&report);
    Ok(code)
}

/// `--check`: each file that differs from its issue, and each issue not pulled yet, is drift.
fn check(steps: &[Step], messages: &mut Vec<Message>, report: &mut String) -> ExitCode {
    let mut drift = 0;
    for step in steps {
        let why = match &step.plan {
            Plan::Unchanged => continue,
            Plan::Create | Plan::Occupied => {
                format!("issue #{} is not pulled yet", step.issue.number)
            }
            Plan::Update { github_changed } | Plan::Keep { github_changed } => {
                let edited = matches!(step.plan, Plan::Keep { .. });
                changed_where(step.issue.number, *github_changed, edited)
            }
        };
        drift += 1;
        let help = format!("run `{} pull` to update it", crate::program());
        messages.push(
            Message::new(Level::Error, "pull-drift", &why)
                .in_file(&step.path)
                .help(help),
        );
        let _ = writeln!(report, "drift: {}: {why}", step.path.display());
    }
    if drift == 0 {
        let _ = writeln!(report, "pull --check: every file says what its issue says");
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(
            report,
            "pull --check: {drift} file(s) differ from GitHub; run `{} pull` to update them",
            crate::program()
        );
        ExitCode::from(1)
    }
}

/// Writes what changed, keeps what was edited here; 1 when a file was kept.
fn write(
    steps: &[Step],
    messages: &mut Vec<Message>,
    report: &mut String,
) -> Result<ExitCode, Failure> {
    let mut kept = 0;
    for step in steps {
        let verb = match &step.plan {
            Plan::Unchanged => "unchanged",
            Plan::Create => "created",
            Plan::Update { .. } => "updated",
            plan @ (Plan::Keep { .. } | Plan::Occupied) => {
                kept += 1;
                let what = match plan {
                    Plan::Keep { github_changed } => {
                        changed_where(step.issue.number, *github_changed, true)
                    }
                    _ => format!(
                        "issue #{} goes here, but this file was not written by `pull`",
                        step.issue.number
                    ),
                };
                let why = format!("{what}; kept (`--force` overwrites it)");
                messages.push(Message::new(Level::Error, "pull", &why).in_file(&step.path));
                let _ = writeln!(report, "kept      {}: {why}", step.path.display());
                continue;
            }
        };
        if matches!(step.plan, Plan::Create | Plan::Update { .. }) {
            write_atomically(&step.path, &step.text)?;
        }
        let _ = writeln!(
            report,
            "{verb:<9} {} (#{} {})",
            step.path.display(),
            step.issue.number,
            step.issue.title
        );
        // A contract that does not check is still the issue's: written, and said.
        let source = Source::new(&step.path, step.text.as_str());
        if let Err(problems) = contract_core::load_sources(&[source]) {
            let why = format!(
                "its contract has {} problem(s): run `{} inspect {}`",
                problems.len(),
                crate::program(),
                step.path.display()
            );
            messages.push(Message::new(Level::Warning, "pull", &why).in_file(&step.path));
            let _ = writeln!(report, "          {why}");
        }
    }
    Ok(if kept > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn changed_where(number: u64, github_changed: bool, edited: bool) -> String {
    match (github_changed, edited) {
        (true, true) => {
            format!("edited here, and issue #{number} changed on GitHub, since the pull")
        }
        (true, false) => format!("issue #{number} changed on GitHub since the pull"),
        (false, _) => "edited here since the pull".to_string(),
    }
}

/// What `pull` does for `issue`, whose file (if pulled before) is `local`.
fn step<'a>(issue: &'a Issue, local: Option<&Local>, into: &Path, force: bool) -> Step<'a> {
    let text = file_text(issue);
    let Some(local) = local else {
        let path = into.join(file_name(issue));
        let plan = match path.exists() && !force {
            true => Plan::Occupied,
            false => Plan::Create,
        };
        return Step {
            issue,
            path,
            text,
            plan,
        };
    };
    let plan = if local.text == text {
        Plan::Unchanged
    } else {
        let edited = sha256(&local.body) != local.front.body_sha256;
        let github_changed = local.front.updated_at != issue.updated_at
            || issue.body.as_deref().unwrap_or_default() != local.body && !edited;
        match edited && !force {
            true => Plan::Keep { github_changed },
            false => Plan::Update { github_changed },
        }
    };
    Step {
        issue,
        path: local.path.clone(),
        text,
        plan,
    }
}

/// The file for `issue`: front matter, then the body as GitHub has it.
fn file_text(issue: &Issue) -> String {
    let body = issue.body.as_deref().unwrap_or_default();
    let front = Pulled {
        title: issue.title.clone(),
        number: issue.number,
        url: issue.url.clone(),
        labels: issue.labels.iter().map(|l| l.name.clone()).collect(),
        state: issue.state.to_lowercase(),
        updated_at: issue.updated_at.clone(),
        body_sha256: sha256(body),
    };
    let yaml = serde_saphyr::to_string(&front).expect("front matter of strings serialises");
    format!("---\n{yaml}---\n{body}")
}

/// `12-create-a-todo.md`: the number, then the title's words, lowercase ASCII, at most 60
/// characters.
fn file_name(issue: &Issue) -> String {
    let kebab = heck::AsKebabCase(&issue.title).to_string();
    let mut slug = String::new();
    for word in kebab
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() + 1 > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    match slug.is_empty() {
        true => format!("{}.md", issue.number),
        false => format!("{}-{slug}.md", issue.number),
    }
}

fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// Whether the body holds a contract: a block in the template, or endpoints the document reader
/// takes.
fn has_contract(number: u64, body: &str) -> bool {
    contract_core::read::read(&Source::new(format!("#{number}"), body)).is_ok()
}

/// The pulled files in `dir`, by issue number: `*.md` files whose front matter has the fields
/// `pull` writes. Other files (issues written by hand) are left alone.
fn pulled_files(dir: &Path) -> Result<BTreeMap<u64, Local>, Failure> {
    let mut found = BTreeMap::new();
    // Nothing pulled yet: the folder is made when the first file is written.
    if !dir.exists() {
        return Ok(found);
    }
    let paths = crate::input::markdown_files(dir)?;
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Some((front, body)) = split(&text) else {
            continue;
        };
        if let Some(other) = found.get(&front.number) {
            let other: &Local = other;
            return Err(Failure::Usage(format!(
                "`{}` and `{}` are both issue #{}: remove one",
                other.path.display(),
                path.display(),
                front.number
            )));
        }
        let body = body.to_string();
        found.insert(
            front.number,
            Local {
                path,
                text,
                front,
                body,
            },
        );
    }
    Ok(found)
}

/// A pulled file's front matter and body; `None` for a file `pull` did not write.
fn split(text: &str) -> Option<(Pulled, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    let front = serde_saphyr::from_str(&rest[..=end]).ok()?;
    Some((front, &rest[end + "\n---\n".len()..]))
}

/// `open issues labelled `backend``, for messages.
fn listing(args: &Args) -> String {
    let labels = args
        .labels
        .iter()
        .map(|l| format!("`{l}`"))
        .collect::<Vec<_>>()
        .join(" and ");
    match args.state {
        State::Open => format!("open issues labelled {labels}"),
        State::All => format!("issues labelled {labels}"),
    }
}

/// The repository `gh` sees for the current directory.
fn current_repo() -> Result<String, Failure> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Repo {
        name_with_owner: String,
    }
    let out = gh(&["repo", "view", "--json", "nameWithOwner"]).map_err(|failure| match failure {
        Failure::Usage(why) if !why.contains("gh auth login") && !why.contains("install") => {
            Failure::Usage(format!(
                "{why}\nhelp: `gh` cannot tell which repository this is; pass `--repo OWNER/NAME`"
            ))
        }
        other => other,
    })?;
    serde_json::from_slice::<Repo>(&out)
        .map(|repo| repo.name_with_owner)
        .map_err(|error| {
            Failure::Usage(format!(
                "`gh repo view` printed what is not its JSON: {error}"
            ))
        })
}

/// The issues `gh issue list` gives for the arguments.
fn list(args: &Args, repo: &str) -> Result<Vec<Issue>, Failure> {
    let limit = args.limit.to_string();
    let mut argv = vec![
        "issue",
        "list",
        "--repo",
        repo,
        "--state",
        args.state.as_gh(),
    ];
    for label in &args.labels {
        argv.extend(["--label", label.as_str()]);
    }
    argv.extend(["--limit", &limit, "--json", FIELDS]);
    let out = gh(&argv)?;
    serde_json::from_slice(&out).map_err(|error| {
        Failure::Usage(format!(
            "`gh issue list` printed what is not its JSON: {error}"
        ))
    })
}

/// Runs `gh` with `argv` and returns what it printed; a `gh` that is missing, not logged in or
/// failing is one line that says what to do.
fn gh(argv: &[&str]) -> Result<Vec<u8>, Failure> {
    let out = match Command::new("gh").args(argv).output() {
        Ok(out) => out,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(Failure::Usage(
                "`gh`, GitHub's command line, is not installed (or not on PATH): install it from \
                 https://cli.github.com, then run `gh auth login`"
                    .to_string(),
            ));
        }
        Err(error) => return Err(Failure::Usage(format!("cannot run `gh`: {error}"))),
    };
    if out.status.success() {
        return Ok(out.stdout);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    // gh exits 4 when it needs a login, and says `gh auth login` when it has none.
    if out.status.code() == Some(4) || stderr.contains("gh auth login") {
        return Err(Failure::Usage(
            "`gh` is not logged in to GitHub: run `gh auth login`".to_string(),
        ));
    }
    let said = stderr
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("no message");
    Err(Failure::Usage(format!(
        "`gh {}` failed: {}",
        argv[..2].join(" "),
        said.trim()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(number: u64, title: &str, body: &str) -> Issue {
        Issue {
            number,
            title: title.into(),
            body: Some(body.into()),
            labels: vec![Label {
                name: "backend".into(),
            }],
            state: "OPEN".into(),
            updated_at: "2026-12-01T10:00:00Z".into(),
            url: format!("https://github.com/o/r/issues/{number}"),
        }
    }

    #[test]
    fn file_names_are_the_number_and_the_title_in_ascii_words() {
        let name = |title: &str| file_name(&issue(12, title, ""));
        assert_eq!(name("Create a Todo (API)"), "12-create-a-todo-api.md");
        assert_eq!(name("Café: naïve/üser"), "12-caf-na-ve-ser.md");
        assert_eq!(name("日本語"), "12.md");
        let long = name(&"word ".repeat(40));
        assert!(long.len() <= "12-.md".len() + 60, "{long}");
        assert!(long.ends_with("word.md"), "{long}");
    }

    const CONTRACT: &str = "## Objective\r\nMake one.\r\n\r\n**API Contract:**\r\n```\r\n\
        POST /api/things\r\nRequest: { name: string }\r\nResponse: { id: string }\r\n\
        Errors: { 400: \"Bad request\" }\r\n```\r\n\r\n---\r\nTitle: \"quoted\" --- and more\r\n";

    #[test]
    fn a_pulled_file_reads_back_with_its_body_exactly() {
        let text = file_text(&issue(7, "Make: a \"thing\", #1", CONTRACT));
        let (front, body) = split(&text).expect("a pulled file");
        assert_eq!(body, CONTRACT);
        assert_eq!(front.title, "Make: a \"thing\", #1");
        assert_eq!(front.number, 7);
        assert_eq!(front.state, "open");
        assert_eq!(front.labels, ["backend"]);
        assert_eq!(front.body_sha256, sha256(CONTRACT));
        // The other commands read the file, front matter and all.
        let contracts = contract_core::load_sources(&[Source::new("7.md", text.as_str())])
            .expect("the pulled file loads");
        assert_eq!(contracts[0].title.as_deref(), Some("Make: a \"thing\", #1"));
        assert_eq!(contracts[0].labels, ["backend"]);
        assert!(has_contract(7, CONTRACT));
        assert!(!has_contract(
            8,
            "Just a question about the API, no endpoints."
        ));
    }

    #[test]
    fn a_file_edited_here_is_kept_and_one_changed_on_github_is_updated() {
        let old = issue(3, "A", "old body");
        let text = file_text(&old);
        let (front, body) = split(&text).unwrap();
        let local = |text: &str, front: Pulled, body: &str| Local {
            path: PathBuf::from("issues/3-a.md"),
            text: text.into(),
            front,
            body: body.into(),
        };
        let mut new = issue(3, "A", "new body");
        new.updated_at = "2026-12-05T09:00:00Z".into();
        let on_github = step(
            &new,
            Some(&local(&text, front, body)),
            Path::new("issues"),
            false,
        );
        assert!(matches!(
            on_github.plan,
            Plan::Update {
                github_changed: true
            }
        ));

        let edited = text.replace("old body", "my edit");
        let (front, body) = split(&edited).unwrap();
        let here = local(&edited, front, body);
        assert!(matches!(
            step(&old, Some(&here), Path::new("issues"), false).plan,
            Plan::Keep {
                github_changed: false
            }
        ));
        assert!(matches!(
            step(&new, Some(&here), Path::new("issues"), false).plan,
            Plan::Keep {
                github_changed: true
            }
        ));
        assert!(matches!(
            step(&new, Some(&here), Path::new("issues"), true).plan,
            Plan::Update { .. }
        ));
    }
}
