//! The `contract-to-code` command line (`inspect`, `scaffold`, `openapi`, `diff`, `mock`, `verify`) as a
//! library, so that any workspace runs it from its own `xtask` crate, as the cargo-xtask
//! convention has it:
//!
//! ```no_run
//! // xtask/src/main.rs
//! fn main() -> std::process::ExitCode {
//!     contract_to_code::main()
//! }
//! ```
//!
//! The crate also builds the binary `cargo-contract-to-code`, for `cargo install` and
//! `cargo contract-to-code ...` where there is no xtask.
//!
//! Exit status: 0 done, 1 `--check` found drift, `diff` a breaking change or `verify` a failing
//! case, 2 bad input or usage (or, for `verify`, a service it cannot reach).

/// `print!` for what a command prints on standard output: see [`write_out`].
macro_rules! out {
    ($($arg:tt)*) => { $crate::write_out(format_args!($($arg)*)) };
}

/// `println!` for what a command prints on standard output: see [`write_out`].
macro_rules! outln {
    () => { $crate::write_out(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

mod completions;
mod dependency;
mod diff;
mod input;
mod inspect;
mod manifest;
mod messages;
mod mock;
mod openapi;
mod paths;
mod pull;
mod scaffold;
mod scaffold_tests;
mod verify;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use contract_core::{Diagnostics, LoadError};

use crate::messages::{Level, Message, MessageFormat};

#[derive(Parser)]
#[command(
    version,
    about = "Axum handlers, tests and OpenAPI from the API contracts of Backend Feature Task issues."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// How problems and findings are printed: text for people, one JSON object per line, or
    /// GitHub workflow commands that annotate the lines of a pull request (docs/messages.md).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t,
        value_name = "FORMAT"
    )]
    message_format: MessageFormat,
}

#[derive(Subcommand)]
enum Command {
    /// Show what the contract of each issue says, as a summary or as JSON.
    Inspect(inspect::Args),
    /// Write the handlers, types, router and service stubs the issues' contracts give into a crate.
    Scaffold(scaffold::Args),
    /// Write one OpenAPI 3.1 document for every endpoint of the issues.
    Openapi(openapi::Args),
    /// Say what a change to the issues breaks for existing clients, endpoint by endpoint.
    Diff(diff::Args),
    /// Serve every endpoint of the issues as a mock: requests checked, answers from the contract.
    Mock(mock::Args),
    /// Send a running service, in any language, the requests the contracts decide, and check
    /// its answers: status, error message, body type. It sends writes: use a test deployment.
    Verify(verify::Args),
    /// Copy GitHub issues that hold a contract into files, through the `gh` command line, or
    /// check that the files still say what the issues say.
    Pull(pull::Args),
    /// Print a completion script for a shell.
    Completions(completions::Args),
}

/// The name of the cargo subcommand the installed binary provides: `cargo contract-to-code ...`.
const SUBCOMMAND: &str = "contract-to-code";

/// Runs the command line on this process's arguments and returns its exit status: all a
/// workspace's `xtask/src/main.rs` needs.
pub fn main() -> ExitCode {
    run(std::env::args_os())
}

/// Runs the command line on `args`, the first being the program, as `std::env::args_os` gives
/// them. When cargo starts the binary as a subcommand (`cargo contract-to-code scaffold ...`), it
/// passes the subcommand's name second; that one is skipped.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let mut args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if args.get(1).is_some_and(|a| a == SUBCOMMAND) {
        args.remove(1);
    }
    let name = program_name(args.first().map(Path::new));
    let _ = PROGRAM.set(name.clone());
    let command = Cli::command().bin_name(name);
    let cli = match command
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        // Help and version go to stdout with status 0; usage errors to stderr with status 2.
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let format = cli.message_format;
    let result = match cli.command {
        Command::Inspect(args) => inspect::run(&args),
        Command::Scaffold(args) => scaffold::run(&args, format),
        Command::Openapi(args) => openapi::run(&args),
        Command::Diff(args) => diff::run(&args, format),
        Command::Mock(args) => mock::run(&args, format),
        Command::Verify(args) => verify::run(&args, format),
        Command::Pull(args) => pull::run(&args, format),
        Command::Completions(args) => completions::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            error.report(format);
            ExitCode::from(2)
        }
    }
}

/// Writes to standard output. A reader that stops early (`inspect ... | head`) ends the command
/// quietly, as it ends any Unix tool, where `println!` would panic.
fn write_out(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(error) = std::io::stdout().write_fmt(args)
        && error.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

static PROGRAM: OnceLock<String> = OnceLock::new();

/// How the user ran this command line, for help and for messages that say what to run next:
/// `cargo xtask` from an xtask crate, `cargo contract-to-code` from the installed binary.
fn program() -> &'static str {
    PROGRAM.get().map_or("cargo xtask", String::as_str)
}

fn program_name(argv0: Option<&Path>) -> String {
    let stem = argv0
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match stem.strip_prefix("cargo-") {
        Some(subcommand) => format!("cargo {subcommand}"),
        None if stem.is_empty() || stem == "xtask" => "cargo xtask".to_string(),
        None => stem,
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
    /// Prints the failure in `format`: its messages, then the text for people on standard error.
    fn report(&self, format: MessageFormat) {
        format.emit(&self.messages());
        eprint!("{}", self.render());
    }

    /// The failure as messages: one per diagnostic, or one for the whole.
    fn messages(&self) -> Vec<Message> {
        let usage = |text: String| Message::new(Level::Error, "usage", text);
        match self {
            Failure::Load(LoadError::Invalid(diagnostics)) | Failure::Refused(diagnostics) => {
                diagnostics.iter().map(Message::from_diagnostic).collect()
            }
            Failure::Load(LoadError::Io { path, error }) | Failure::Read { path, error } => {
                vec![usage(format!("cannot read `{}`: {error}", path.display())).in_file(path)]
            }
            Failure::Io { path, error } => {
                vec![usage(format!("cannot write `{}`: {error}", path.display())).in_file(path)]
            }
            Failure::Usage(message) => vec![usage(message.clone())],
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_program_is_named_as_the_user_typed_it() {
        let name = |argv0: &str| program_name(Some(Path::new(argv0)));
        assert_eq!(
            name("/home/a/.cargo/bin/cargo-contract-to-code"),
            "cargo contract-to-code"
        );
        assert_eq!(name("target/debug/xtask"), "cargo xtask");
        assert_eq!(name("api-tools"), "api-tools");
        assert_eq!(program_name(None), "cargo xtask");
    }

    #[test]
    fn usage_errors_exit_2_and_help_exits_0() {
        assert_eq!(run(["xtask", "no-such-command"]), ExitCode::from(2));
        assert_eq!(run(["xtask", "--version"]), ExitCode::SUCCESS);
        assert_eq!(
            run(["cargo-contract-to-code", "contract-to-code", "--help"]),
            ExitCode::SUCCESS
        );
    }
}
