//! `tests/endpoints/<operation>.rs`: the skeletons of the tests that need state. Each is formatted on its
//! own, so that scaffold can append them one at a time to a file a person already edits.

use quote::quote;

use super::format::comments;
use super::test_cases::OpTests;
use super::test_cases::{Expect, Need, Skeleton};
use super::test_files::TEST_BINARY;
use super::{file_name, format};
use crate::codegen::errors::status_code_in_test;
use crate::codegen::tokens::ident;
use crate::codegen::{doc_attrs, inner_doc_attrs};

/// `tests/endpoints/<operation>.rs`: the skeletons, formatted one by one so they can be appended one by one.
pub(super) fn skeleton_file(ctx: &OpTests<'_>) -> syn::Result<String> {
    let docs = inner_doc_attrs(&format!(
        "{}, from `{}`: the tests that need state. The contract's own checks are in \
         `{TEST_BINARY}/contract/{}.rs`, which scaffold regenerates.\n\n\
         Yours: `cargo xtask scaffold` created this file, and later runs only append to it: a \
         test for each status or business rule the issue gains, unless a test of that name is \
         already somewhere in `tests/`. Each test is ignored until you arrange what it needs and \
         remove its `#[ignore]`.",
        ctx.signature(),
        file_name(ctx.contract),
        ctx.module,
    ));
    let module = ident(&ctx.module);
    let preamble = quote! {
        #docs
        use axum::http::StatusCode;

        use crate::common::app;
        use crate::support::#module::valid_request;
    };
    let mut text = format::format_file("", preamble)?;
    for skeleton in &ctx.tests.skeletons {
        text.push('\n');
        text.push_str(&skeleton_text(skeleton)?);
    }
    Ok(text)
}

/// One skeleton test, formatted, with its arrange comment.
fn skeleton_text(skeleton: &Skeleton) -> syn::Result<String> {
    let name = ident(&skeleton.name);
    let (reason, arrange, doc) = match &skeleton.need {
        Need::Success => (
            "arrange what a valid request needs to succeed, once the service is written"
                .to_string(),
            "Arrange: what this request needs to succeed (the records it refers to, a valid \
             token), as state in tests/common/mod.rs or requests sent to `app` first."
                .to_string(),
            None,
        ),
        Need::Status => {
            let what = expected(&skeleton.expect);
            (
                format!("arrange what makes this request get {what}"),
                format!(
                    "Arrange: what makes this request get {what} (state in tests/common/mod.rs, \
                     requests sent to `app` first, or a changed request)."
                ),
                None,
            )
        }
        Need::Rule { text, .. } => (
            format!("arrange and check: {text}"),
            "Arrange what this rule needs, then make the request and the checks below say it."
                .to_string(),
            Some(doc_attrs(&format!("Business rule: {}", sentence(text)))),
        ),
    };
    let check = match &skeleton.expect {
        Expect::Error { status, message } => {
            let status = status_code_in_test(*status);
            quote!(response.assert_error(#status, #message);)
        }
        Expect::Success {
            status,
            success_flag,
        } => {
            let code = status_code_in_test(*status);
            let flag = success_flag.then(|| {
                quote! {
                    let body = response.json();
                    assert_eq!(body["success"], true, "the body: {body}");
                }
            });
            quote! {
                response.assert_status(#code);
                #flag
            }
        }
    };
    let tokens = quote! {
        #doc
        #[tokio::test]
        #[ignore = #reason]
        async fn #name() {
            let app = app();
            __comment__!();
            let response = valid_request().send(&app).await;
            #check
        }
    };
    Ok(comments(&format::format_file("", tokens)?, &arrange))
}

/// The expected answer in words: `409 "Email already registered"`, or the success status.
fn expected(expect: &Expect) -> String {
    match expect {
        Expect::Error { status, message } => format!("{status} \"{message}\""),
        Expect::Success { status, .. } => status.to_string(),
    }
}

/// `text` ending with a full stop (or the mark it has).
fn sentence(text: &str) -> String {
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}
