//! Expansion + formatting of one issue: everything `scaffold` computes after loading, the files of
//! a new crate included. Target: under 1 ms per issue.
//!
//! `cargo bench -p contract-benches --bench expand`

use contract_core::expand::{PlanOptions, plan};
use contract_core::{Contract, Source};

fn main() {
    divan::main();
}

fn contracts(name: &str) -> Vec<Contract> {
    let text = contract_corpus::text(contract_corpus::Kind::Valid, name);
    contract_core::load_sources(&[Source::new(name, text)]).expect("a valid issue")
}

const CORPUS: [&str; 8] = [
    "00-seed-template.md",
    "01-add-book.md",
    "02-get-book.md",
    "03-list-loans.md",
    "04-update-member.md",
    "05-delete-review.md",
    "06-login.md",
    "07-catalogue-imports.md",
];

#[divan::bench(args = CORPUS)]
fn expand_and_format(bencher: divan::Bencher, name: &str) {
    let contracts = contracts(name);
    let options = PlanOptions {
        new_crate: Some("demo".to_string()),
        ..PlanOptions::default()
    };
    bencher.bench(|| plan(divan::black_box(&contracts), &options));
}

/// The whole corpus in one plan, as `scaffold` runs it: divide by 8 for the cost per issue.
#[divan::bench]
fn whole_corpus_at_once(bencher: divan::Bencher) {
    let all: Vec<Contract> = CORPUS.iter().flat_map(|name| contracts(name)).collect();
    let options = PlanOptions {
        new_crate: Some("demo".to_string()),
        ..PlanOptions::default()
    };
    bencher.bench(|| plan(divan::black_box(&all), &options));
}
