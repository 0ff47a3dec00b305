//! The done-when of issue 5, in HTTP: a malformed body answers 400 and the handler's error
//! answers 404, both with the contract's message in the JSON error body; unknown paths and
//! methods answer 404 and 405 the same way.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

async fn send(method: &str, uri: &str, body: &str) -> (StatusCode, serde_json::Value) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let response = add_comment::app().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let json = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)));
    (status, json)
}

const URI: &str = "/api/posts/p1/comments";

#[tokio::test]
async fn a_malformed_body_answers_400_with_the_contract_message() {
    let (status, body) = send("POST", URI, "{").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["success"], false);
    assert_eq!(body["error"]["status"], 400);
    assert_eq!(body["error"]["message"], "Bad request");
    assert!(body["error"]["detail"].is_string(), "{body}");
}

#[tokio::test]
async fn a_missing_field_or_an_unknown_one_answers_400_too() {
    let (status, body) = send("POST", URI, r#"{"author": "ada"}"#).await;
    assert_eq!(
        (status, &body["error"]["message"]),
        (StatusCode::BAD_REQUEST, &"Bad request".into())
    );
    let (status, _) = send("POST", URI, r#"{"author": "a", "body": "b", "x": 1}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_handlers_error_answers_404_with_the_contract_message() {
    let (status, body) = send("POST", URI, r#"{"author": "ada", "body": "Nice post"}"#).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["message"], "Post not found");
    assert_eq!(body["error"]["status"], 404);
}

#[tokio::test]
async fn unknown_paths_and_methods_answer_in_json() {
    let (status, body) = send("GET", "/nowhere", "").await;
    assert_eq!(
        (status, &body["error"]["message"]),
        (StatusCode::NOT_FOUND, &"Not found".into())
    );
    let (status, body) = send("GET", URI, "").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body["error"]["message"], "Method not allowed");
}

/// The handler is a plain axum handler too: mounted by hand, it answers the same.
#[tokio::test]
async fn the_handler_works_with_plain_axum_routing() {
    let app: axum::Router = axum::Router::new().route(
        "/api/posts/{id}/comments",
        axum::routing::post(add_comment::add_comment),
    );
    let request = Request::builder()
        .method("POST")
        .uri(URI)
        .header("content-type", "application/json")
        .body(Body::from("{"))
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}
