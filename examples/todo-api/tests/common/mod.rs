//! Builds the app the tests in `tests/` send their requests to, and the requests the tests
//! arrange their state with.
//!
//! Yours to edit: `cargo xtask scaffold` created this file once and never overwrites it. Every
//! test starts from an empty store, whatever `TODO_API_TOKEN` says.

#![allow(dead_code)]

use axum::Router;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use todo_api::routes::router;
use todo_api::state::AppState;

use crate::support::TestRequest;

/// The admin token of the app under test: the token the generated requests send
/// (`support::delete_todo::valid_request`), so those are allowed to delete.
pub const ADMIN_TOKEN: &str = "test-token";

/// Every route, with an empty store and [`ADMIN_TOKEN`] as the admin token.
pub fn app() -> Router {
    router().with_state(AppState::new(ADMIN_TOKEN))
}

/// Creates a todo with this title and these tags, checks it was created, and returns it (the
/// response's `data`).
pub async fn create(app: &Router, title: &str, tags: &[&str]) -> Value {
    let response = TestRequest::new(Method::POST, "/api/todos")
        .json(&json!({ "title": title, "tags": tags }))
        .send(app)
        .await;
    response.assert_status(StatusCode::CREATED);
    response.json()["data"].clone()
}

/// The id of a todo as [`create`] returns it.
pub fn id(todo: &Value) -> String {
    todo["id"]
        .as_str()
        .expect("the todo has a string id")
        .to_owned()
}

/// `/api/todos/{id}`, the path of one todo.
pub fn path(todo: &Value) -> String {
    format!("/api/todos/{}", id(todo))
}

/// Marks a todo done.
pub async fn mark_done(app: &Router, todo: &Value) {
    TestRequest::new(Method::PATCH, &path(todo))
        .json(&json!({ "done": true }))
        .send(app)
        .await
        .assert_status(StatusCode::OK);
}
