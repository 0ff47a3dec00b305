//! Scores the document reader on the public documents of `tests/documents/public.tsv`, as a user
//! meets it: `inspect --json` on each text, compared with what the list says it defines.
//!
//! ```text
//! score-public-documents DIR [--half tune|unseen|all] [--cli PATH] [--quiet]
//! ```
//!
//! `DIR` holds the texts as `<id>.md` (the list says where each lives; they are not in the
//! repository). `--cli` is the `cargo-contract-to-code` binary to score (by default the release
//! build of this workspace). Prints a line for every document whose endpoint set is not exact and
//! every detail missed, then the figures: exact sets over documents that define endpoints,
//! endpoint precision and recall, details right, documents refused, and documents that define
//! none left empty.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use contract_corpus::public::{self, Fact, Half, PublicDocument, route_key};
use serde_json::Value;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

struct Options {
    dir: PathBuf,
    half: Option<Half>,
    cli: PathBuf,
    quiet: bool,
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut half = Some(Half::Tune);
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is in the workspace");
    let mut cli = workspace.join("target/release/cargo-contract-to-code");
    let mut quiet = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--half" => {
                half = match args.next().as_deref() {
                    Some("tune") => Some(Half::Tune),
                    Some("unseen") => Some(Half::Unseen),
                    Some("all") => None,
                    other => {
                        return Err(format!("--half takes tune, unseen or all, not {other:?}"));
                    }
                }
            }
            "--cli" => cli = args.next().ok_or("--cli takes a path")?.into(),
            "--quiet" => quiet = true,
            _ if dir.is_none() && !arg.starts_with('-') => dir = Some(PathBuf::from(arg)),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let dir =
        dir.ok_or("usage: score-public-documents DIR [--half tune|unseen|all] [--cli PATH]")?;
    Ok(Options {
        dir,
        half,
        cli,
        quiet,
    })
}

/// What `inspect --json` says of one endpoint.
struct Found {
    key: (String, String),
    statuses: BTreeSet<u16>,
    request: Option<BTreeSet<String>>,
    auth: bool,
}

#[derive(Default)]
struct Score {
    defining: usize,
    exact: usize,
    hits: usize,
    extras: usize,
    misses: usize,
    refused: usize,
    empty: usize,
    left_empty: usize,
    details: usize,
    details_right: usize,
    missing_texts: usize,
}

fn run() -> Result<(), String> {
    let options = options()?;
    if !options.cli.exists() {
        return Err(format!(
            "{} does not exist: `cargo build --release -p contract-to-code`, or --cli PATH",
            options.cli.display()
        ));
    }
    let mut score = Score::default();
    for document in public::documents()? {
        if options.half.is_some_and(|half| half != document.half) {
            continue;
        }
        let text = options.dir.join(format!("{}.md", document.id));
        if !text.exists() {
            score.missing_texts += 1;
            continue;
        }
        let found = inspect(&options.cli, &text)?;
        score_document(&document, found, &mut score, options.quiet);
    }
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!(
        "{} documents define endpoints: exact sets {} ({:.0}%), refused {}",
        score.defining,
        score.exact,
        100.0 * ratio(score.exact, score.defining),
        score.refused
    );
    println!(
        "endpoints: {} found, {} extra, {} missed: precision {:.3}, recall {:.3}",
        score.hits,
        score.extras,
        score.misses,
        ratio(score.hits, score.hits + score.extras),
        ratio(score.hits, score.hits + score.misses)
    );
    println!(
        "details right: {} of {}; documents that define none left empty: {} of {}",
        score.details_right, score.details, score.left_empty, score.empty
    );
    if score.missing_texts > 0 {
        println!(
            "texts missing from {}: {}",
            options.dir.display(),
            score.missing_texts
        );
    }
    Ok(())
}

/// The endpoints `inspect --json` reads in `text`; `None` when it refuses the file.
fn inspect(cli: &Path, text: &Path) -> Result<Option<Vec<Found>>, String> {
    let out = Command::new(cli)
        .args(["contract-to-code", "inspect", "--json"])
        .arg(text)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", cli.display()))?;
    if !out.status.success() {
        return Ok(None);
    }
    let json: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("{}: inspect --json printed no JSON: {e}", text.display()))?;
    let endpoints = json[0]["endpoints"].as_array().cloned().unwrap_or_default();
    Ok(Some(endpoints.iter().map(found).collect()))
}

fn found(endpoint: &Value) -> Found {
    let method = endpoint["method"].as_str().unwrap_or("").to_owned();
    let path = endpoint["path"].as_str().unwrap_or("");
    let mut statuses: BTreeSet<u16> = endpoint["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|error| error["status"].as_u64())
        .map(|status| status as u16)
        .collect();
    if let Some(status) = endpoint["response"]["status"].as_u64() {
        statuses.insert(status as u16);
    }
    let request = endpoint["request"]["fields"].as_array().map(|fields| {
        fields
            .iter()
            .map(|field| {
                let name = field["name"].as_str().unwrap_or("");
                let optional = field["optional"].as_bool().unwrap_or(false);
                format!("{name}{}", if optional { "?" } else { "" })
            })
            .collect()
    });
    Found {
        key: (method, route_key(path)),
        statuses,
        request,
        auth: endpoint["auth"].as_bool().unwrap_or(false),
    }
}

fn score_document(
    document: &PublicDocument,
    found: Option<Vec<Found>>,
    score: &mut Score,
    quiet: bool,
) {
    let expected: BTreeSet<(String, String)> = document
        .endpoints
        .iter()
        .map(|(method, path)| (method.clone(), route_key(path)))
        .collect();
    let refused = found.is_none();
    let found = found.unwrap_or_default();
    let keys: BTreeSet<(String, String)> = found.iter().map(|f| f.key.clone()).collect();
    if expected.is_empty() {
        score.empty += 1;
        if keys.is_empty() {
            score.left_empty += 1;
        } else if !quiet {
            println!("{}: defines none, read {:?}", document.id, keys);
        }
        return;
    }
    score.defining += 1;
    score.refused += usize::from(refused);
    let hits = keys.intersection(&expected).count();
    score.hits += hits;
    score.extras += keys.len() - hits;
    score.misses += expected.len() - hits;
    if keys == expected {
        score.exact += 1;
    } else if !quiet {
        let extra: Vec<_> = keys.difference(&expected).collect();
        let missed: Vec<_> = expected.difference(&keys).collect();
        let refused = if refused { " (refused)" } else { "" };
        println!(
            "{}{refused}: {} of {}; extra {extra:?}; missed {missed:?}",
            document.id,
            hits,
            expected.len()
        );
    }
    let Some(detail) = &document.detail else {
        return;
    };
    score.details += 1;
    let key = (detail.endpoint.0.clone(), route_key(&detail.endpoint.1));
    let endpoint = found.iter().find(|f| f.key == key);
    let right = endpoint.is_some_and(|endpoint| match &detail.fact {
        Fact::Status(status) => endpoint.statuses.contains(status),
        Fact::Request(fields) => {
            endpoint.request.as_ref() == Some(&fields.iter().cloned().collect())
        }
        Fact::Auth(auth) => endpoint.auth == *auth,
    });
    if right {
        score.details_right += 1;
    } else if !quiet {
        let got = endpoint.map(|e| {
            format!(
                "statuses {:?}, request {:?}, auth {}",
                e.statuses, e.request, e.auth
            )
        });
        println!(
            "{}: detail {:?} not read; got {got:?}",
            document.id, detail.fact
        );
    }
}
