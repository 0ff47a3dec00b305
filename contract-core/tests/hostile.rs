//! Inputs no one writes on purpose: nesting far past any contract, objects of tens of thousands
//! of fields, thousands of endpoints and types, deep markdown and YAML, and random bracket soup,
//! each fed through everything a file goes through (read, parse, check, scaffold's plan, the
//! OpenAPI document, `diff`, `verify`'s plan and verdicts, `#[contract]`'s expansion). Each must
//! end in a model or a diagnostic at a line and column: never a panic, never a stack overflow
//! (which would abort the command line, or rustc running the macro). How fast they are read is the `load` bench's to measure.

use std::sync::Arc;

use contract_core::expand::{PlanOptions, plan};
use contract_core::parse::MAX_NESTING;
use contract_core::{Source, diff, load_sources, openapi, verify};
use proptest::prelude::*;

/// An issue whose contract block is `block`.
fn issue(block: &str) -> String {
    format!("# Hostile\n\n**API Contract:**\n```\n{block}\n```\n")
}

/// Everything a file goes through; the diagnostics' text if it is refused.
fn through_everything(text: &str) -> Result<(), String> {
    let source = Source::new("hostile.md", text);
    match load_sources(&[Arc::clone(&source)]) {
        Ok(contracts) => {
            plan(&contracts, &PlanOptions::default()).map_err(|d| d.render(false))?;
            openapi::document(&contracts, &openapi::Info::default());
            // Against itself and against nothing: every part compared, every part added.
            assert!(diff::diff(&contracts, &contracts).is_empty());
            diff::diff(&[], &contracts);
            through_verify(&contracts);
            through_the_macro(text);
            Ok(())
        }
        Err(diagnostics) => {
            // The macro reports the same refusal as a compile error.
            through_the_macro(text);
            Err(diagnostics.render(false))
        }
    }
}

/// `verify`'s plan, and its verdict on answers a service could give: empty, nested deeper than
/// any reader goes, and a request's own body.
fn through_verify(contracts: &[contract_core::model::Contract]) {
    let plan = verify::plan(contracts, "t0ken");
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let judge = |case: &verify::Case, body: &[u8]| {
        for status in [200, 400] {
            verify::judge(case, status, body, &plan.types, verify::Stand::default());
        }
    };
    for endpoint in &plan.endpoints {
        // The first cases and the valid request: a body of fifty thousand fields is written out
        // for the first case only, not once per field.
        let valid = endpoint
            .cases
            .iter()
            .filter(|c| c.kind == verify::Kind::Valid);
        for (n, case) in endpoint.cases.iter().take(20).chain(valid).enumerate() {
            let _ = case.request.path_with(&Default::default());
            let _ = case.request.query_string();
            judge(case, b"");
            judge(case, deep.as_bytes());
            if n == 0 {
                judge(case, case.request.body().unwrap_or_default().as_bytes());
            }
        }
    }
}

/// `#[contract("hostile.md")]` on a handler, the file written where the macro looks.
fn through_the_macro(text: &str) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("hostile.md"), text).expect("the file is written");
    let args: proc_macro2::TokenStream = "\"hostile.md\"".parse().unwrap();
    let item: proc_macro2::TokenStream = "pub async fn handler() {}".parse().unwrap();
    let _ = contract_core::attribute::expand(args, item, dir.path()).into_tokens();
}

/// A refusal that names where the nesting went too deep: line 5 of [`issue`]'s text is the
/// block's first line, the endpoint's; its request is on line 6.
fn refused_too_deep(text: &str) {
    let message = through_everything(text).expect_err("refused");
    assert!(
        message.contains(&format!("nest more than {MAX_NESTING} levels deep")),
        "{message}"
    );
    assert!(message.contains("hostile.md:6:"), "{message}");
}

#[test]
fn nesting_past_the_limit_is_refused_where_it_goes_too_deep() {
    let n = 20_000;
    let objects = format!("{}string{}", "{ a: ".repeat(n), " }".repeat(n));
    let arrays = format!("{}string{}", "[".repeat(n), "]".repeat(n));
    let generics = format!("{}string{}", "Array<".repeat(n), ">".repeat(n));
    let suffixes = format!("string{}", "[]".repeat(n));
    let parentheses = format!("{}string{}", "(".repeat(n), ")".repeat(n));
    for ty in [objects, arrays, generics, suffixes, parentheses] {
        refused_too_deep(&issue(&format!(
            "POST /api/x\nRequest: {ty}\nResponse: 204"
        )));
    }
    // Unclosed: the limit is met before the missing brackets are.
    refused_too_deep(&issue(&format!(
        "POST /api/x\nRequest: {}\nResponse: 204",
        "{ a: ".repeat(n)
    )));
}

#[test]
fn nesting_up_to_the_limit_is_read() {
    let depth = MAX_NESTING - 1;
    let ty = format!("{}string{}", "{ a: ".repeat(depth), " }".repeat(depth));
    through_everything(&issue(&format!(
        "POST /api/x\nRequest: {ty}\nResponse: 204"
    )))
    .expect("read");
}

#[test]
fn deep_documents_yaml_and_markdown_end_in_a_model_or_a_diagnostic() {
    let n = 20_000;
    // An API document whose request example, field table type and heading type nest deep.
    let document = format!(
        "### POST /api/x\n\n**Request Body:**\n\n```json\n{}1{}\n```\n\n\
         ### PUT /api/y\n\n#### Request\n\n| Field | Type |\n| --- | --- |\n| a | string{} |\n",
        "{\"a\": ".repeat(n),
        "}".repeat(n),
        "[]".repeat(n)
    );
    let _ = through_everything(&document);
    // Front matter nested deep.
    let yaml = format!(
        "---\ntitle: {}\n---\n{}",
        "[".repeat(n),
        issue("GET /api/x\nResponse: 204")
    );
    let message = through_everything(&yaml).expect_err("refused");
    assert!(message.contains("hostile.md:2:"), "{message}");
    // Lists and quotes nested deep around a contract.
    let lists: String = (0..2_000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    let quotes = format!("{} quoted\n\n", ">".repeat(n));
    let _ = through_everything(&format!(
        "{lists}\n{quotes}{}",
        issue("GET /api/x\nResponse: 204")
    ));
    let _ = through_everything(&format!("{lists}\n{quotes}### GET /api/x\n\n- 404 gone\n"));
}

#[test]
fn wide_and_many_are_read() {
    // An object of 50,000 fields on one line, and on lines of their own.
    let fields: Vec<String> = (0..50_000).map(|i| format!("f{i}: string")).collect();
    for separator in [", ", ",\n  "] {
        let ty = format!("{{ {} }}", fields.join(separator));
        through_everything(&issue(&format!(
            "POST /api/x\nRequest: {ty}\nResponse: 204"
        )))
        .expect("read");
    }
    // 2,000 endpoints, each with every error status.
    let errors: Vec<String> = (400..600).map(|s| format!("{s}: \"e{s}\"")).collect();
    let endpoints: Vec<String> = (0..2_000)
        .map(|i| {
            format!(
                "GET /api/r{i}\nResponse: {{ id: string }}\nErrors: {{ {} }}\n",
                errors.join(", ")
            )
        })
        .collect();
    through_everything(&issue(&endpoints.join("\n"))).expect("read");
    // A chain of 2,000 named types, each holding the next.
    let types: Vec<String> = (0..2_000)
        .map(|i| format!("interface T{i} {{ next: T{} }}", i + 1))
        .collect();
    through_everything(&issue(&format!(
        "GET /api/x\nResponse: T0\n\n{}",
        types.join("\n")
    )))
    .expect("read");
    // An enum of 50,000 values, and a document table of 50,000 rows.
    let values: Vec<String> = (0..50_000).map(|i| format!("\"v{i}\"")).collect();
    through_everything(&issue(&format!(
        "POST /api/x\nRequest: {{ kind: {} }}\nResponse: 204",
        values.join(" | ")
    )))
    .expect("read");
    let rows: String = (0..50_000)
        .map(|i| format!("| f{i} | string |\n"))
        .collect();
    through_everything(&format!(
        "### POST /api/x\n\n#### Request\n\n| Field | Type |\n| --- | --- |\n{rows}"
    ))
    .expect("read");
}

/// Pieces of the grammar and of markdown, in any order and any number.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        "<",
        ">",
        "(",
        ")",
        "Array",
        "a:",
        "b?:",
        "string",
        "|",
        ",",
        "\n",
        "\"x\"",
        "GET /a",
        "POST /b/:id",
        "Request:",
        "Response (201):",
        "Errors:",
        "404:",
        "interface T",
        "T",
        "###",
        "- ",
        "> ",
        "```",
        "| a | string |",
        "null",
        "[]",
        "->",
    ]);
    prop::collection::vec(piece, 1_000..20_000).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn random_soup_never_panics(block in soup(), as_document in any::<bool>()) {
        let text = if as_document { block } else { issue(&block) };
        let _ = through_everything(&text);
    }
}
