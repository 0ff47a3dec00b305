//! `tests/endpoints/contract/<operation>.rs`: the tests the contract alone decides, each a request
//! broken in one place and the status and error body it must get.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::file_name;
use super::format::use_sort_key;
use super::samples::{Sample, json_value};
use super::test_cases::{Change, Check, DerivedTest, OpTests};
use super::test_files::skeleton_path;
use crate::codegen::errors::status_code_in_test;
use crate::codegen::inner_doc_attrs;
use crate::codegen::tokens::ident;
use crate::model::Method;

/// `contract/<operation>.rs`: the derived tests.
pub(super) fn contract_file(ctx: &OpTests<'_>) -> (TokenStream, Vec<Sample>) {
    let refused = if ctx.tests.derived.is_empty() {
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
    // Only what the tests use: an unused import would warn in the user's build.
    let imports = uses.tokens(&ctx.module);
    let tokens = quote! {
        #docs
        #imports

        #(#tests)*
    };
    (tokens, samples)
}

/// The names a test file imports, collected while its tests are built.
#[derive(Default)]
struct Uses {
    app: bool,
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
        if self.app {
            lines.push("crate::common::app".to_string());
        }
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

fn derived_test(test: &DerivedTest, uses: &mut Uses, samples: &mut Vec<Sample>) -> TokenStream {
    let name = ident(&test.name);
    let request = change_tokens(&test.change, uses, samples);
    uses.app = true;
    uses.status = true;
    let status = status_code_in_test(test.status);
    let message = &test.message;
    let assertion = match &test.check {
        Check::Refused => quote!(response.assert_error(#status, #message);),
        Check::RefusedAt(place) => quote!(response.assert_error_at(#status, #message, #place);),
        Check::AcceptedAt(place) => quote!(response.assert_accepted_at(#status, #place);),
    };
    quote! {
        #[tokio::test]
        async fn #name() {
            let response = #request.send(&app()).await;
            #assertion
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
        Change::Path { path } => {
            uses.valid_request = true;
            quote!(valid_request().path(#path))
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

/// `Method::POST`, ...
pub(super) fn method_tokens(method: Method) -> TokenStream {
    let name = Ident::new(method.as_str(), proc_macro2::Span::call_site());
    quote!(Method::#name)
}
