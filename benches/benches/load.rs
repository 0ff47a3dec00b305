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

/// An issue whose contract block is `block`.
fn issue_of(block: &str) -> Arc<Source> {
    Source::new(
        "wide.md",
        format!("# Wide\n\n**API Contract:**\n```\n{block}\n```\n"),
    )
}

/// Read + parse + check of inputs that grow one way: an object of `n` fields on one line (the
/// shape that was quadratic: 20,000 fields took 1.07 s, 50,000 took 7.7 s), `n` endpoints, an
/// enum of `n` values. Linear: 50,000 fields under 0.3 s.
#[divan::bench(args = [5_000, 50_000])]
fn wide_object(bencher: divan::Bencher, n: usize) {
    let fields: Vec<String> = (0..n).map(|i| format!("f{i}: string")).collect();
    let source = issue_of(&format!(
        "POST /api/x\nRequest: {{ {} }}\nResponse: 204",
        fields.join(", ")
    ));
    bencher.bench(|| contract_core::load_sources(std::slice::from_ref(divan::black_box(&source))));
}

#[divan::bench(args = [200, 2_000])]
fn many_endpoints(bencher: divan::Bencher, n: usize) {
    let endpoints: Vec<String> = (0..n)
        .map(|i| {
            format!("GET /api/r{i}\nResponse: {{ id: string }}\nErrors: {{ 404: \"gone\" }}\n")
        })
        .collect();
    let source = issue_of(&endpoints.join("\n"));
    bencher.bench(|| contract_core::load_sources(std::slice::from_ref(divan::black_box(&source))));
}

#[divan::bench(args = [5_000, 50_000])]
fn wide_enum(bencher: divan::Bencher, n: usize) {
    let values: Vec<String> = (0..n).map(|i| format!("\"v{i}\"")).collect();
    let source = issue_of(&format!(
        "POST /api/x\nRequest: {{ kind: {} }}\nResponse: 204",
        values.join(" | ")
    ));
    bencher.bench(|| contract_core::load_sources(std::slice::from_ref(divan::black_box(&source))));
}
