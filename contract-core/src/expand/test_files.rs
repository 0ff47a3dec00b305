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

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::layout::{self, Operation};
use super::samples::{self, Sample, TOKEN};
use super::test_cases::{
    Change, DerivedTest, EndpointTests, endpoint_tests, route_shape, valid_body,
};
use super::{Ownership, PlannedFile, file_name, format, generated_header};
use super::{test_skeletons, test_support};
use crate::codegen::inner_doc_attrs;
use crate::codegen::tokens::ident;
use crate::codegen::{doc_attrs, docs};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Contract, Endpoint, Method};
use crate::naming;
use crate::source::Span;

/// The directory of the test binary every test is a module of.
pub const TEST_BINARY: &str = "tests/endpoints";

/// The binary's root, which declares its modules.
pub const TEST_BINARY_ROOT: &str = "tests/endpoints/main.rs";

/// The module names a skeleton file cannot take: the binary's root declares modules of these
/// names, and `main` is the root itself.
const RESERVED_MODULES: [&str; 4] = ["common", "contract", "main", "support"];

/// The test files for `contracts`, for a crate whose library is `library` (the package name;
/// `-` is read as `_`). Sorted by path, like [`super::plan()`]'s files, to be added to them.
pub fn plan_tests(contracts: &[Contract], library: &str) -> Result<Vec<PlannedFile>, Diagnostics> {
    // Code to Create paths that leave the crate are `plan`'s to report.
    let layout = layout::layout(contracts, &mut Diagnostics::default());
    let operations = layout.operations(contracts);
    let served = served_methods(&operations);
    let mut files = Vec::new();
    let mut failures = Vec::new();
    let mut modules = Vec::new();
    let mut skeleton_modules = Vec::new();
    for op in &operations {
        let endpoint = op.endpoint;
        let shape = route_shape(&endpoint.route);
        let tests = endpoint_tests(
            op.contract,
            endpoint,
            &served.get(&shape).cloned().unwrap_or_default(),
        );
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

/// The name a test module of the binary's root takes for `module`: itself, or with `_tests`
/// when the root already declares a module of that name.
pub fn root_module(module: &str) -> String {
    if RESERVED_MODULES.contains(&module) {
        format!("{module}_tests")
    } else {
        module.to_string()
    }
}

/// One operation's tests with the names its files use.
pub(super) struct OpTests<'a> {
    pub(super) contract: &'a Contract,
    pub(super) endpoint: &'a Endpoint,
    /// The operation as a module name: `support/<module>.rs`, `contract/<module>.rs`.
    pub(super) module: String,
    /// The skeletons' module in the binary's root, `tests/endpoints/<skeleton_module>.rs`.
    pub(super) skeleton_module: String,
    pub(super) tests: EndpointTests,
}

impl<'a> OpTests<'a> {
    fn new(op: &Operation<'a>, tests: EndpointTests) -> Self {
        let module = naming::module(&op.endpoint.name);
        OpTests {
            contract: op.contract,
            endpoint: op.endpoint,
            skeleton_module: root_module(&module),
            module,
            tests,
        }
    }

    pub(super) fn signature(&self) -> String {
        format!("`{} {}`", self.endpoint.method, self.endpoint.path)
    }
}

/// The methods served on each route shape, across every operation.
fn served_methods(operations: &[Operation<'_>]) -> BTreeMap<String, BTreeSet<Method>> {
    let mut served: BTreeMap<String, BTreeSet<Method>> = BTreeMap::new();
    for op in operations {
        served
            .entry(route_shape(&op.endpoint.route))
            .or_default()
            .insert(op.endpoint.method);
    }
    served
}

/// `support/<operation>.rs`: a request the contract accepts.
fn support_file(ctx: &OpTests<'_>) -> (TokenStream, Vec<Sample>) {
    let endpoint = ctx.endpoint;
    let signature = ctx.signature();
    let docs = inner_doc_attrs(&format!(
        "{signature}, from `{}`: a request its contract accepts, for tests to send as it is or \
         to break in one place.",
        file_name(ctx.contract)
    ));
    let method = method_tokens(endpoint.method);
    let path = samples::path(endpoint);
    let token = endpoint.auth.then(|| quote!(.bearer(#TOKEN)));
    let query = endpoint.query.iter().map(|param| {
        let name = &param.name;
        let value = samples::query_value(&param.ty, &param.name);
        quote!(.query(#name, #value))
    });
    let build = quote!(TestRequest::new(#method, #path) #token #(#query)*);
    let mut samples = Vec::new();
    let (serde, items) = match valid_body(ctx.contract, endpoint) {
        Some(body) => {
            let mut uses_macro = false;
            let body = json_value(body, &mut samples, &mut uses_macro);
            let request_doc = doc_attrs(&format!(
                "{signature}{}, without a body.",
                valid_parts(endpoint)
            ));
            let items = quote! {
                #request_doc
                pub fn request() -> TestRequest {
                    #build
                }

                /// A body the contract accepts, with every field, optional ones too.
                pub fn valid_body() -> Value {
                    #body
                }

                /// A request the contract accepts: [`request`] with [`valid_body`].
                pub fn valid_request() -> TestRequest {
                    request().json(&valid_body())
                }
            };
            let serde = if uses_macro {
                quote!(
                    use serde_json::{Value, json};
                )
            } else {
                quote!(
                    use serde_json::Value;
                )
            };
            (Some(serde), items)
        }
        None => {
            let doc = doc_attrs(&format!(
                "A request the contract accepts: {signature}{}.",
                valid_parts(endpoint)
            ));
            let items = quote! {
                #doc
                pub fn valid_request() -> TestRequest {
                    #build
                }
            };
            (None, items)
        }
    };
    let tokens = quote! {
        #docs
        use axum::http::Method;
        #serde

        use super::TestRequest;

        #items
    };
    (tokens, samples)
}

/// What a valid request carries besides its body, for a doc comment.
fn valid_parts(endpoint: &Endpoint) -> String {
    let mut parts = Vec::new();
    if endpoint.auth {
        parts.push("a bearer token");
    }
    if !endpoint.path_params.is_empty() {
        parts.push("sample path parameters");
    }
    if !endpoint.query.is_empty() {
        parts.push("every query parameter");
    }
    match parts.as_slice() {
        [] => String::new(),
        [one] => format!(" with {one}"),
        [init @ .., last] => format!(" with {} and {last}", init.join(", ")),
    }
}

/// `contract/<operation>.rs`: the derived tests.
fn contract_file(ctx: &OpTests<'_>) -> (TokenStream, Vec<Sample>) {
    let refused = if ctx.tests.derived.is_empty() {
        // No `use` either: an unused import would warn in the user's build.
        "its contract alone refuses no request (it has no body, query or token to break, and \
         every method is served on its path), so there is no test here yet"
    } else {
        "the requests its contract alone refuses, each answered with the contract's status and \
         the JSON error body. They pass against the service stub as it is"
    };
    let docs = inner_doc_attrs(&format!(
        "{}, from `{}`: {refused}. The tests that need state are in `{}`, which is yours.",
        ctx.signature(),
        file_name(ctx.contract),
        skeleton_path(&ctx.skeleton_module),
    ));
    let mut uses = Uses::default();
    let mut samples = Vec::new();
    let tests: Vec<TokenStream> = ctx
        .tests
        .derived
        .iter()
        .map(|test| derived_test(test, &mut uses, &mut samples))
        .collect();
    let imports = (!tests.is_empty()).then(|| uses.tokens(&ctx.module));
    let tokens = quote! {
        #docs
        #imports

        #(#tests)*
    };
    (tokens, samples)
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

/// The names a test file imports, collected while its tests are built.
#[derive(Default)]
struct Uses {
    method: bool,
    status: bool,
    json: bool,
    request: bool,
    valid_body: bool,
    valid_request: bool,
    with: bool,
    without: bool,
}

impl Uses {
    /// The `use` lines, in the order rustfmt sorts them (so `cargo fmt` changes no token).
    fn tokens(&self, module: &str) -> TokenStream {
        let mut lines: Vec<String> = Vec::new();
        let http: Vec<&str> = [(self.method, "Method"), (self.status, "StatusCode")]
            .into_iter()
            .filter_map(|(used, name)| used.then_some(name))
            .collect();
        if !http.is_empty() {
            lines.push(format!("axum::http::{}", braced(&http)));
        }
        if self.json {
            lines.push("serde_json::json".to_string());
        }
        lines.push("crate::common::app".to_string());
        let own: Vec<&str> = [
            (self.request, "request"),
            (self.valid_body, "valid_body"),
            (self.valid_request, "valid_request"),
        ]
        .into_iter()
        .filter_map(|(used, name)| used.then_some(name))
        .collect();
        if !own.is_empty() {
            lines.push(format!("crate::support::{module}::{}", braced(&own)));
        }
        let helpers: Vec<&str> = [(self.with, "with"), (self.without, "without")]
            .into_iter()
            .filter_map(|(used, name)| used.then_some(name))
            .collect();
        if !helpers.is_empty() {
            lines.push(format!("crate::support::{}", braced(&helpers)));
        }
        lines.sort_by_key(|line| use_sort_key(line));
        let text: String = lines.iter().map(|l| format!("use {l};\n")).collect();
        text.parse().unwrap_or_default()
    }
}

/// `a` alone, or `{a, b}`.
fn braced(names: &[&str]) -> String {
    match names {
        [one] => (*one).to_string(),
        all => format!("{{{}}}", all.join(", ")),
    }
}

/// rustfmt's order of `use` paths: `crate::` and `self::` paths in their own group after the
/// others, then segment by segment, upper case before lower case, a braced list last.
fn use_sort_key(path: &str) -> (bool, Vec<String>) {
    let local = path.starts_with("crate::");
    let segments = path
        .split("::")
        .map(|s| {
            if s.starts_with('{') {
                "\u{10FFFF}".to_string()
            } else {
                s.to_string()
            }
        })
        .collect();
    (local, segments)
}

fn derived_test(test: &DerivedTest, uses: &mut Uses, samples: &mut Vec<Sample>) -> TokenStream {
    let name = ident(&test.name);
    let request = change_tokens(&test.change, uses, samples);
    uses.status = true;
    let status = status_code(test.status);
    let message = &test.message;
    quote! {
        #[tokio::test]
        async fn #name() {
            let response = #request.send(&app()).await;
            response.assert_error(#status, #message);
        }
    }
}

/// The request of a derived test: the valid one, broken as `change` says.
fn change_tokens(change: &Change, uses: &mut Uses, samples: &mut Vec<Sample>) -> TokenStream {
    let body_change = |body: TokenStream, uses: &mut Uses| {
        uses.request = true;
        quote!(request().json(&#body))
    };
    match change {
        Change::MalformedJson => {
            uses.request = true;
            quote!(request().json_text("{"))
        }
        Change::NoContentType => {
            uses.valid_request = true;
            quote!(valid_request().without_content_type())
        }
        Change::BodyWithout { pointer } => {
            uses.without = true;
            uses.valid_body = true;
            body_change(quote!(without(valid_body(), #pointer)), uses)
        }
        Change::BodyWith { pointer, value } => {
            uses.with = true;
            uses.valid_body = true;
            let value = json_value(value.clone(), samples, &mut uses.json);
            body_change(quote!(with(valid_body(), #pointer, #value)), uses)
        }
        Change::Body(value) => {
            let value = json_value(value.clone(), samples, &mut uses.json);
            body_change(value, uses)
        }
        Change::QueryWithout { name } => {
            uses.valid_request = true;
            quote!(valid_request().without_query(#name))
        }
        Change::Query { name, value } => {
            uses.valid_request = true;
            quote!(valid_request().query(#name, #value))
        }
        Change::NoToken => {
            uses.valid_request = true;
            quote!(valid_request().without_authorization())
        }
        Change::Authorization(value) => {
            uses.valid_request = true;
            quote!(valid_request().authorization(#value))
        }
        Change::Method(method) => {
            uses.valid_request = true;
            uses.method = true;
            let method = method_tokens(*method);
            quote!(valid_request().method(#method))
        }
    }
}

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

/// `StatusCode::CONFLICT`; for a status without a constant (499), one made from its number.
pub(super) fn status_code(status: u16) -> TokenStream {
    let has_constant = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .is_some();
    if has_constant {
        crate::codegen::errors::status_code(status)
    } else {
        let status = proc_macro2::Literal::u16_unsuffixed(status);
        quote!(StatusCode::from_u16(#status).unwrap())
    }
}

/// `Method::POST`, ...
fn method_tokens(method: Method) -> TokenStream {
    let name = Ident::new(method.as_str(), proc_macro2::Span::call_site());
    quote!(Method::#name)
}

/// How deep `json!` may recurse for a sample: rustc stops a macro at 128 levels (its default
/// `recursion_limit`), and `json!` takes about three per entry of an object or array, and a few
/// per level of nesting: an object of some 45 fields reaches the limit, a nested one sooner.
const JSON_MACRO_BUDGET: usize = 100;

/// About how deep `json!` recurses to build `sample`: each entry costs three levels more than
/// the one before it, and a value nested in an entry starts from there.
fn json_macro_depth(sample: &Sample) -> usize {
    let nested = |values: &mut dyn Iterator<Item = &Sample>| {
        values
            .enumerate()
            .map(|(i, value)| 3 * (i + 1) + json_macro_depth(value))
            .max()
            .unwrap_or(0)
            + 2
    };
    match sample {
        Sample::Object(fields) => nested(&mut fields.iter().map(|(_, value)| value)),
        Sample::Array(items) => nested(&mut items.iter()),
        _ => 1,
    }
}

/// A sample as a `serde_json::Value` expression: `json!(...)` (setting `uses_macro`), or, for a
/// sample too big for `json!`'s recursion, its JSON text parsed when the test runs, which has no
/// such limit.
fn json_value(sample: Sample, samples: &mut Vec<Sample>, uses_macro: &mut bool) -> TokenStream {
    if json_macro_depth(&sample) > JSON_MACRO_BUDGET {
        let id = Ident::new(
            &format!("__sample_text_{}__", samples.len()),
            proc_macro2::Span::call_site(),
        );
        samples.push(sample);
        return quote!(serde_json::from_str(#id).expect("the sample is JSON"));
    }
    *uses_macro = true;
    let value = placeholder(sample, samples);
    quote!(json!(#value))
}

/// Tokens for a sample inside `json!(...)`: plain values as themselves, objects and arrays as a
/// placeholder that [`fill_placeholders`] replaces with indented JSON text after formatting
/// (prettyplease would print them as one long line of tokens).
fn placeholder(sample: Sample, samples: &mut Vec<Sample>) -> TokenStream {
    match &sample {
        Sample::Null => quote!(null),
        Sample::Bool(b) => quote!(#b),
        Sample::String(s) => quote!(#s),
        Sample::Number(n) => n.parse().unwrap_or_else(|_| quote!(null)),
        Sample::Array(_) | Sample::Object(_) => {
            let id = Ident::new(
                &format!("__sample_{}__", samples.len()),
                proc_macro2::Span::call_site(),
            );
            samples.push(sample);
            quote!(#id)
        }
    }
}

/// `text` with `line` and a blank line after its `//!` doc comment. Inner attributes are kept out
/// of the tokens because the formatter would not set them apart.
fn after_inner_docs(text: &str, line: &str) -> String {
    let mut out = String::with_capacity(text.len() + line.len() + 2);
    let mut in_docs = false;
    let mut done = false;
    for current in text.lines() {
        if !done && in_docs && !current.starts_with("//!") {
            out.push('\n');
            out.push_str(line);
            out.push('\n');
            done = true;
        }
        in_docs |= current.starts_with("//!");
        out.push_str(current);
        out.push('\n');
    }
    out
}

/// Replaces each `__sample_N__` placeholder with its JSON, indented like the line it is on, and
/// each `__sample_text_N__` with its JSON in a raw string literal.
fn fill_placeholders(text: &str, samples: &[Sample]) -> String {
    if samples.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.lines() {
        let mut line = line.to_string();
        let indent = line.len() - line.trim_start().len();
        for (i, sample) in samples.iter().enumerate() {
            let marker = format!("__sample_{i}__");
            if line.contains(&marker) {
                line = line.replace(&marker, &samples::to_json(sample, indent));
            }
            let marker = format!("__sample_text_{i}__");
            if line.contains(&marker) {
                line = line.replace(&marker, &raw_string(&samples::to_json(sample, indent)));
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `text` as a raw string literal, with as many `#` as it needs to hold every `"#...` in it.
fn raw_string(text: &str) -> String {
    let mut hashes = 1;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let hashes = "#".repeat(hashes);
    format!("r{hashes}\"{text}\"{hashes}")
}

/// The statement standing for a `//` comment while the code is tokens, which carry no comments.
const COMMENT_MARKER: &str = "__comment__!();";

/// Puts `comment`, as `//` lines, where the [`COMMENT_MARKER`] line is.
pub(super) fn comments(text: &str, comment: &str) -> String {
    let mut out = String::with_capacity(text.len() + comment.len());
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed == COMMENT_MARKER {
            let indent = &line[..line.len() - trimmed.len()];
            for comment_line in docs::wrap_comment(comment, 100 - indent.len()).lines() {
                out.push_str(indent);
                out.push_str(comment_line);
                out.push('\n');
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_replace_their_markers() {
        let text = "fn a() {\n    __comment__!();\n    b();\n}\n";
        assert_eq!(
            comments(text, "Arrange: this."),
            "fn a() {\n    // Arrange: this.\n    b();\n}\n"
        );
    }

    #[test]
    fn raw_strings_outlast_their_text() {
        assert_eq!(raw_string("{}"), "r#\"{}\"#");
        assert_eq!(
            raw_string("{\"#tag\": \"a\"##\"}"),
            "r###\"{\"#tag\": \"a\"##\"}\"###"
        );
    }

    #[test]
    fn samples_too_big_for_json_macro_are_parsed_from_text() {
        let flat = |n: usize| {
            Sample::Object(
                (0..n)
                    .map(|i| (format!("k{i}"), Sample::String("v".into())))
                    .collect(),
            )
        };
        let nested = |depth: usize| {
            (0..depth).fold(Sample::Null, |inner, _| {
                Sample::Object(vec![("k".to_string(), inner)])
            })
        };
        // Measured with serde_json 1: 40 fields and 30 levels build, 50 fields and 60 levels
        // reach the recursion limit.
        for (sample, fits) in [
            (flat(20), true),
            (flat(30), true),
            (nested(12), true),
            (flat(50), false),
            (nested(60), false),
        ] {
            let mut uses_macro = false;
            let tokens = json_value(sample, &mut Vec::new(), &mut uses_macro).to_string();
            assert_eq!(uses_macro, fits, "{tokens}");
            assert_eq!(tokens.starts_with("json !"), fits, "{tokens}");
        }
    }

    #[test]
    fn rust_fmt_orders_uses() {
        let mut lines = vec![
            "crate::support::{with, without}",
            "crate::support::create_user::request",
            "serde_json::json",
            "crate::common::app",
            "axum::http::{Method, StatusCode}",
        ];
        lines.sort_by_key(|l| use_sort_key(l));
        assert_eq!(
            lines,
            [
                "axum::http::{Method, StatusCode}",
                "serde_json::json",
                "crate::common::app",
                "crate::support::create_user::request",
                "crate::support::{with, without}",
            ]
        );
    }
}
