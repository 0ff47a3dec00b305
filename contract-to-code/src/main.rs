//! `cargo contract-to-code`: the command line for workspaces without an xtask crate.
//! `cargo install --git <repository> contract-to-code` puts it on the PATH.

fn main() -> std::process::ExitCode {
    contract_to_code::main()
}
