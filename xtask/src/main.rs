//! `cargo xtask`: the command line over `contract-core`.
//!
//! Exit status: 0 done, 1 `--check` found drift, 2 bad input or usage.

mod inspect;
mod openapi;
mod scaffold;
mod scaffold_tests;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use contract_core::{Diagnostics, LoadError};

#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show what the contract of each issue says, as a summary or as JSON.
    Inspect(inspect::Args),
    /// Write the handlers, types, router and service stubs the issues' contracts give into a crate.
    Scaffold(scaffold::Args),
    /// Write one OpenAPI 3.1 document for every endpoint of the issues.
    Openapi(openapi::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Inspect(args) => inspect::run(&args),
        Command::Scaffold(args) => scaffold::run(&args),
        Command::Openapi(args) => openapi::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprint!("{}", error.render());
            ExitCode::from(2)
        }
    }
}

/// A failure that ends the command with exit status 2.
#[derive(Debug)]
pub enum Failure {
    Load(LoadError),
    /// The issues loaded, but what they ask for cannot be done (a path that leaves the crate).
    Refused(Diagnostics),
    /// The command line or the target is unusable.
    Usage(String),
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl Failure {
    fn render(&self) -> String {
        match self {
            Failure::Load(LoadError::Invalid(diagnostics)) => diagnostics.render(color_stderr()),
            Failure::Load(error) => format!("{error}\n"),
            Failure::Refused(diagnostics) => diagnostics.render(color_stderr()),
            Failure::Usage(message) => format!("error: {message}\n"),
            Failure::Read { path, error } => {
                format!("error: cannot read `{}`: {error}\n", path.display())
            }
            Failure::Io { path, error } => {
                format!("error: cannot write `{}`: {error}\n", path.display())
            }
        }
    }
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        Failure::Load(error)
    }
}

/// Colour diagnostics only for a person at a terminal, and never when `NO_COLOR` is set.
fn color_stderr() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
