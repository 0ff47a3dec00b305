//! `cargo xtask`: this workspace's xtask, as any workspace would write it to use contract-to-code.

fn main() -> std::process::ExitCode {
    contract_to_code::main()
}
