//! Read + parse + check of one issue, the work `inspect`, `scaffold` and the macro all start with,
//! and each stage alone.
//!
//! `cargo bench -p contract-benches --bench load`

use std::sync::Arc;

use contract_core::Source;

fn main() {
    divan::main();
}

fn corpus(name: &str) -> Arc<Source> {
    let text = contract_corpus::text(contract_corpus::Kind::Valid, name);
    Source::new(name, text)
}

#[divan::bench(args = ["01-add-book.md", "07-catalogue-imports.md", "00-seed-template.md"])]
fn read_parse_check(bencher: divan::Bencher, name: &str) {
    let source = corpus(name);
    bencher.bench(|| contract_core::load_sources(std::slice::from_ref(divan::black_box(&source))));
}

#[divan::bench(args = ["01-add-book.md"])]
fn read_only(bencher: divan::Bencher, name: &str) {
    let source = corpus(name);
    bencher.bench(|| contract_core::read::read(divan::black_box(&source)));
}

#[divan::bench(args = ["01-add-book.md"])]
fn parse_only(bencher: divan::Bencher, name: &str) {
    let source = corpus(name);
    let issue = contract_core::read::read(&source).unwrap();
    bencher.with_inputs(|| issue.clone()).bench_values(|issue| {
        let mut d = contract_core::Diagnostics::default();
        contract_core::parse::parse_issue(issue, &mut d)
    });
}

#[divan::bench(args = ["01-add-book.md"])]
fn check_only(bencher: divan::Bencher, name: &str) {
    let source = corpus(name);
    let issue = contract_core::read::read(&source).unwrap();
    let mut d = contract_core::Diagnostics::default();
    let parsed = contract_core::parse::parse_issue(issue, &mut d);
    bencher.bench(|| {
        let mut d = contract_core::Diagnostics::default();
        contract_core::check::check(std::slice::from_ref(&parsed), &mut d)
    });
}
