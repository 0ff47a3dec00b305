//! `cargo xtask mock` promises the error bodies the generated handlers give, but `contract-core`
//! cannot depend on this runtime (the runtime depends on the macro, which depends on
//! `contract-core`): the mock writes the runtime's words itself. This test holds the two together.

use contract::runtime::{BearerRejection, ErrorBody};
use contract_core::mock::{Mock, Request};
use contract_core::{Source, load_sources};

fn mock() -> Mock {
    let issue = "**API Contract:**\n```\nGET /api/me\nHeaders: { Authorization: \"Bearer <t>\" }\nResponse: { id: string }\n```\n";
    Mock::new(&load_sources(&[Source::new("me.md", issue)]).expect("the issue loads"))
}

/// The mock's error body, read as the runtime's type.
fn error_body(authorization: Option<&str>) -> ErrorBody {
    let request = Request {
        method: "GET",
        path: "/api/me",
        authorization,
        ..Request::default()
    };
    let body = mock().answer(&request).body.expect("an error body");
    serde_json::from_value(body).expect("the runtime's error body")
}

#[test]
fn the_mock_refuses_a_token_in_the_runtimes_words() {
    let missing = error_body(None);
    assert_eq!(missing.error.status, 401);
    assert_eq!(
        missing.error.detail.as_deref(),
        Some(BearerRejection::Missing.body_text().as_str())
    );
    let malformed = error_body(Some("Basic abc"));
    assert_eq!(
        malformed.error.detail.as_deref(),
        Some(BearerRejection::Malformed.body_text().as_str())
    );
}

/// The runtime's answer: its status and its body as JSON.
fn runtime_answer(response: axum::response::Response) -> (u16, serde_json::Value) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let status = response.status().as_u16();
    let bytes = runtime
        .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
        .unwrap();
    (status, serde_json::from_slice(&bytes).unwrap())
}

#[test]
fn the_mock_answers_404_and_405_in_the_runtimes_words() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let not_found = runtime_answer(runtime.block_on(contract::runtime::not_found()));
    let not_allowed = runtime_answer(runtime.block_on(contract::runtime::method_not_allowed()));
    for (method, path, expected) in [
        ("GET", "/api/nothing", not_found),
        ("POST", "/api/me", not_allowed),
    ] {
        let request = Request {
            method,
            path,
            ..Request::default()
        };
        let mocked = mock().answer(&request);
        assert_eq!(
            (mocked.status, mocked.body.unwrap()),
            expected,
            "{method} {path}"
        );
    }
}
