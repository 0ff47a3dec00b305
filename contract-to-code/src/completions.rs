//! `completions`: a shell's completion script for this command line, under the name the user runs
//! it by (`cargo xtask` or `cargo contract-to-code`: completion for cargo subcommands goes through
//! cargo's own script, so the script completes the program itself, `xtask` or
//! `cargo-contract-to-code`).

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    let mut command = crate::Cli::command();
    let name = binary_name();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, name, &mut script);
    out!("{}", String::from_utf8_lossy(&script));
    Ok(ExitCode::SUCCESS)
}

/// The program the shell runs: `cargo xtask` runs the `xtask` binary, `cargo contract-to-code`
/// runs `cargo-contract-to-code`.
fn binary_name() -> &'static str {
    match crate::program() {
        "cargo xtask" => "xtask",
        "cargo contract-to-code" => "cargo-contract-to-code",
        other => other,
    }
}
