//! `openapi`: one OpenAPI 3.1 document for every endpoint of the issues given.

use std::path::PathBuf;
use std::process::ExitCode;

use contract_core::openapi::{self, Info};

use crate::Failure;
use crate::scaffold::write_atomically;

#[derive(clap::Args)]
pub struct Args {
    /// Issue files in the Backend Feature Task format; `-` reads one from standard input.
    #[arg(required = true, value_name = "ISSUE.md")]
    issues: Vec<PathBuf>,
    /// Write the document to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// YAML instead of JSON.
    #[arg(long)]
    yaml: bool,
    /// The document's `info.title`.
    #[arg(long, default_value = "API")]
    title: String,
    /// The document's `info.version`.
    #[arg(long = "api-version", default_value = "0.1.0", value_name = "VERSION")]
    api_version: String,
}

pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    let contracts = crate::input::load(&args.issues)?;
    let info = Info {
        title: args.title.clone(),
        version: args.api_version.clone(),
    };
    let document = openapi::document(&contracts, &info);
    let mut text = if args.yaml {
        serde_saphyr::to_string(&document).map_err(|error| {
            Failure::Usage(format!("cannot write the document as YAML: {error}"))
        })?
    } else {
        serde_json::to_string_pretty(&document).expect("a JSON value serialises")
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    match &args.output {
        Some(path) => write_atomically(path, &text)?,
        None => out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
