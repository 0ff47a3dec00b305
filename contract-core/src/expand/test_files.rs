//! The test files `scaffold` writes into a crate's `tests/`, and how a person's edits survive.
//!
//! Every test is a module of one integration-test binary, `tests/endpoints/`: each file directly
//! in `tests/` would be a binary of its own, linking axum and tokio again, and at a hundred
//! endpoints those links are most of an edit's rebuild.
//!
//! | file | owner | what |
//! | --- | --- | --- |
//! | `tests/endpoints/main.rs` | yours, appended to | the binary's root: a `mod` line per module |
//! | `tests/endpoints/contract/<operation>.rs`, `contract/mod.rs` | generated | what the contract alone decides; passes against the stubs |
//! | `tests/endpoints/<operation>.rs` | yours, appended to | skeletons for what needs state, `#[ignore]`d |
//! | `tests/endpoints/support/mod.rs`, `support/<operation>.rs` | generated | request builder, body checks, a valid request per operation |
//! | `tests/common/mod.rs` | yours | builds the app with its state |
//!
//! Skeleton files ([`super::test_skeletons`]) and the binary's root are [`Ownership::AppendOnly`]:
//! created whole, then only appended to ([`append_missing`](super::test_append::append_missing)):
//! a skeleton file gains each test no file in `tests/` has a function of that name for, the root
//! each `mod` line it lacks. So a status or rule added to an issue gets its test on the next run,
//! and no test a person edited is ever touched. The valid sample request lives in the generated
//! `support/<operation>.rs`, so it follows the contract in the skeletons too.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::format::{after_inner_docs, fill_placeholders};
use super::layout;
use super::samples::Sample;
use super::test_cases::{OpTests, endpoint_tests, served_methods, served_on};
use super::test_contract::contract_file;
use super::test_support::support_file;
use super::{Ownership, PlannedFile, file_name, format, generated_header};
use super::{test_skeletons, test_support};
use crate::codegen::inner_doc_attrs;
use crate::codegen::tokens::ident;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Contract;
use crate::source::Span;

pub use super::test_cases::root_module;

/// The directory of the test binary every test is a module of.
pub const TEST_BINARY: &str = "tests/endpoints";

/// The binary's root, which declares its modules.
pub const TEST_BINARY_ROOT: &str = "tests/endpoints/main.rs";

/// The test files for `contracts`, for a crate whose library is `library` (the package name;
/// `-` is read as `_`), sorted by path: [`super::plan()`] adds them to its plan when
/// [`PlanOptions::tests`](super::PlanOptions::tests) names the library.
pub fn plan_tests(contracts: &[Contract], library: &str) -> Result<Vec<PlannedFile>, Diagnostics> {
    // Code to Create paths that leave the crate are `plan`'s to report.
    let layout = layout::layout(contracts, &mut Diagnostics::default());
    let operations = layout.operations(contracts);
    let served = served_methods(operations.iter().map(|op| op.endpoint));
    let mut files = Vec::new();
    let mut failures = Vec::new();
    let mut modules = Vec::new();
    let mut skeleton_modules = Vec::new();
    for op in &operations {
        let endpoint = op.endpoint;
        let tests = endpoint_tests(op.contract, endpoint, &served_on(&served, endpoint));
        let ctx = OpTests::new(op, tests);
        let sources = [file_name(op.contract)];
        let (tokens, samples) = support_file(&ctx);
        let support = format!("{TEST_BINARY}/support/{}.rs", ctx.module);
        push_generated(
            &mut files,
            &mut failures,
            &support,
            &sources,
            tokens,
            &samples,
        );
        let (tokens, samples) = contract_file(&ctx);
        let contract = format!("{TEST_BINARY}/contract/{}.rs", ctx.module);
        push_generated(
            &mut files,
            &mut failures,
            &contract,
            &sources,
            tokens,
            &samples,
        );
        let skeletons = skeleton_path(&ctx.skeleton_module);
        match test_skeletons::skeleton_file(&ctx) {
            Ok(contents) => files.push(PlannedFile {
                path: skeletons,
                contents,
                ownership: Ownership::AppendOnly,
            }),
            Err(error) => failures.push((skeletons, error)),
        }
        modules.push(ctx.module);
        skeleton_modules.push(ctx.skeleton_module);
    }
    let all: Vec<String> = contracts
        .iter()
        .map(file_name)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    modules.sort();
    let support = format!("{TEST_BINARY}/support/mod.rs");
    let tokens = test_support::support_module(&modules);
    push_generated(&mut files, &mut failures, &support, &all, tokens, &[]);
    if let Some(support) = files.last_mut() {
        support.contents = after_inner_docs(&support.contents, test_support::ALLOW_UNUSED);
    }
    let contract = format!("{TEST_BINARY}/contract/mod.rs");
    let tokens = contract_module(&modules);
    push_generated(&mut files, &mut failures, &contract, &all, tokens, &[]);
    files.push(PlannedFile {
        path: TEST_BINARY_ROOT.to_string(),
        contents: binary_root(&skeleton_modules),
        ownership: Ownership::AppendOnly,
    });
    files.push(PlannedFile {
        path: "tests/common/mod.rs".to_string(),
        contents: common_module(library),
        ownership: Ownership::UserOwned,
    });
    if let Some(contract) = contracts.first()
        && !failures.is_empty()
    {
        return Err(internal_errors(contract, &failures));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// `tests/endpoints/<module>.rs`, the file of a module of the binary's root.
pub fn skeleton_path(module: &str) -> String {
    format!("{TEST_BINARY}/{module}.rs")
}

/// `contract/mod.rs`: a module per operation (`operations` are their module names).
fn contract_module(operations: &[String]) -> TokenStream {
    let docs = inner_doc_attrs(
        "The tests each contract alone decides, a module per operation: the requests it refuses \
         and the statuses and error bodies it answers them with. They pass against the service \
         stubs as scaffold writes them, and keep passing as the services are written.",
    );
    let mods = operations.iter().map(|m| {
        let m = ident(m);
        quote!(mod #m;)
    });
    quote! {
        #docs
        #(#mods)*
    }
}

/// `tests/endpoints/main.rs`, the user's: declares the binary's modules, the skeleton files'
/// (`skeletons`) after the shared ones.
fn binary_root(skeletons: &[String]) -> String {
    let mut skeletons: Vec<&String> = skeletons.iter().collect();
    skeletons.sort();
    let mut text = BINARY_ROOT.to_string();
    if !skeletons.is_empty() {
        text.push('\n');
    }
    for module in skeletons {
        text.push_str(&format!("mod {module};\n"));
    }
    text
}

const BINARY_ROOT: &str = r#"//! The tests of every endpoint, as one test binary (`cargo test --test endpoints`): it builds
//! and links once, however many endpoints the issues give.
//!
//! Yours: `cargo xtask scaffold` created this file, and later runs only append the `mod` lines it
//! lacks. Declare your own test modules here too: each file directly in `tests/` would be a test
//! binary of its own, built and linked again on every change.

/// Builds the app the tests send their requests to. Yours, in `tests/common/` where any test
/// binary can share it.
#[path = "../common/mod.rs"]
mod common;
/// The tests the contracts alone decide, generated.
mod contract;
/// The request builder and checks the tests share, generated.
mod support;
"#;

/// `tests/common/mod.rs`, the user's: the app the tests drive.
fn common_module(library: &str) -> String {
    COMMON.replace("{krate}", &library.replace('-', "_"))
}

const COMMON: &str = r#"//! Builds the app the tests in `tests/` send their requests to.
//!
//! Yours to edit: `cargo xtask scaffold` created this file once and never overwrites it. Give the
//! state what tests need here (an in-memory store, a test database, a fixed clock), so that every
//! test starts from a state it knows.

use axum::Router;
use {krate}::routes::router;
use {krate}::state::AppState;

/// Every route, with a fresh state for each test.
pub fn app() -> Router {
    router().with_state(AppState::default())
}
"#;

fn push_generated(
    files: &mut Vec<PlannedFile>,
    failures: &mut Vec<(String, syn::Error)>,
    path: &str,
    sources: &[String],
    tokens: TokenStream,
    samples: &[Sample],
) {
    match format::format_file(&generated_header(sources), tokens) {
        Ok(text) => files.push(PlannedFile {
            path: path.to_string(),
            contents: fill_placeholders(&text, samples),
            ownership: Ownership::Generated,
        }),
        Err(error) => failures.push((path.to_string(), error)),
    }
}

fn internal_errors(contract: &Contract, failures: &[(String, syn::Error)]) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    for (path, error) in failures {
        diagnostics.push(
            Diagnostic::error(
                &contract.source,
                Span::default(),
                format!("internal error: the code planned for `{path}` does not parse: {error}"),
            )
            .note(
                "this is a bug in contract-core's expansion; please report it with the issue files",
            ),
        );
    }
    diagnostics
}
