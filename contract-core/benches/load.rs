//! Read + parse + check of one issue, the work `inspect`, `scaffold` and the macro all start with.
//!
//! `cargo bench -p contract-core --bench load`

use std::sync::Arc;

use contract_core::Source;

fn main() {
    divan::main();
}

fn corpus(name: &str) -> Arc<Source> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/contracts/valid/");
    let text = std::fs::read_to_string(format!("{path}{name}")).expect("corpus file");
    Source::new(name, text)
}

#[divan::bench(args = ["01-create-user.md", "07-imports.md", "00-seed-template.md"])]
fn read_parse_check(bencher: divan::Bencher, name: &str) {
    let source = corpus(name);
    bencher.bench(|| contract_core::load_sources(std::slice::from_ref(divan::black_box(&source))));
}
