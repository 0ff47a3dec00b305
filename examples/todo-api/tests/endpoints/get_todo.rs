//! `GET /api/todos/:id`, from `get-todo.md`: the tests that need state. The contract's own
//! checks are in `contract/get_todo.rs`, which scaffold regenerates.
//!
//! Scaffold wrote each test here as an ignored skeleton; each is now arranged with real data
//! and runs. Later scaffold runs only append: a skeleton for each status or business rule the
//! issue gains, unless a test of that name is already somewhere in `tests/`.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::common::{app, create, path};
use crate::support::TestRequest;
use crate::support::get_todo::valid_request;

#[tokio::test]
async fn get_todo_succeeds() {
    let app = app();
    create(&app, "Buy milk", &[]).await;
    let todo = create(&app, "Water the plants", &["home"]).await;
    let response = TestRequest::new(Method::GET, &path(&todo)).send(&app).await;
    response.assert_status(StatusCode::OK);
    let body = response.json();
    assert_eq!(body["success"], true, "the body: {body}");
    assert_eq!(body["data"], todo, "the todo as it was created");
    assert_eq!(body["data"]["tags"], json!(["home"]));
}

#[tokio::test]
async fn get_todo_404_todo_not_found() {
    let app = app();
    // A todo exists, but not the one asked for.
    create(&app, "Buy milk", &[]).await;
    let response = valid_request().send(&app).await;
    response.assert_error(StatusCode::NOT_FOUND, "Todo not found");
}

/// Business rule: An id that is not a known todo (or not a UUID at all) gives 404.
#[tokio::test]
async fn get_todo_404_id_that_not_known_todo_or_not_uuid_at_all() {
    let app = app();
    let todo = create(&app, "Buy milk", &[]).await;
    let upper = path(&todo)
        .to_uppercase()
        .replace("/API/TODOS/", "/api/todos/");
    for path in ["/api/todos/not-a-uuid", "/api/todos/42", upper.as_str()] {
        let response = TestRequest::new(Method::GET, path).send(&app).await;
        response.assert_error(StatusCode::NOT_FOUND, "Todo not found");
    }
    valid_request()
        .send(&app)
        .await
        .assert_error(StatusCode::NOT_FOUND, "Todo not found");
}
