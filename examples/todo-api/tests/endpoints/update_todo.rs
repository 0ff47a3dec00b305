//! `PATCH /api/todos/:id`, from `update-todo.md`: the tests that need state. The contract's own
//! checks are in `contract/update_todo.rs`, which scaffold regenerates.
//!
//! Scaffold wrote each test here as an ignored skeleton; each is now arranged with real data
//! and runs. Later scaffold runs only append: a skeleton for each status or business rule the
//! issue gains, unless a test of that name is already somewhere in `tests/`.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::common::{app, create, path};
use crate::support::TestRequest;
use crate::support::update_todo::{valid_body, valid_request};

/// `PATCH` the todo with `body`.
fn patch(todo: &Value, body: &Value) -> TestRequest {
    TestRequest::new(Method::PATCH, &path(todo)).json(body)
}

/// The todo as `GET` answers it now.
async fn fetch(app: &axum::Router, todo: &Value) -> Value {
    TestRequest::new(Method::GET, &path(todo))
        .send(app)
        .await
        .json()["data"]
        .clone()
}

#[tokio::test]
async fn update_todo_succeeds() {
    let app = app();
    let todo = create(&app, "Draft the report", &["draft"]).await;
    let response = patch(&todo, &valid_body()).send(&app).await;
    response.assert_status(StatusCode::OK);
    let body = response.json();
    assert_eq!(body["success"], true, "the body: {body}");
    let data = &body["data"];
    assert_eq!(data["title"], "Write the quarterly report");
    assert_eq!(data["done"], true);
    assert_eq!(data["tags"], json!(["work"]));
    // Id and creation time stay; the change is stored.
    assert_eq!(
        (&data["id"], &data["createdAt"]),
        (&todo["id"], &todo["createdAt"])
    );
    assert_eq!(&fetch(&app, &todo).await, data);
}

#[tokio::test]
async fn update_todo_fields_left_out_keep_their_values() {
    let app = app();
    let todo = create(&app, "Buy milk", &["home"]).await;
    let response = patch(&todo, &json!({ "done": true })).send(&app).await;
    response.assert_status(StatusCode::OK);
    let data = response.json()["data"].clone();
    assert_eq!(data["done"], true);
    assert_eq!(
        (&data["title"], &data["tags"]),
        (&todo["title"], &todo["tags"])
    );

    let data = patch(&todo, &json!({ "tags": [] })).send(&app).await.json()["data"].clone();
    assert_eq!(
        (&data["title"], &data["done"], &data["tags"]),
        (&todo["title"], &json!(true), &json!([]))
    );
}

#[tokio::test]
async fn update_todo_404_todo_not_found() {
    let app = app();
    // A todo exists, but not the one the request names.
    create(&app, "Buy milk", &[]).await;
    let response = valid_request().send(&app).await;
    response.assert_error(StatusCode::NOT_FOUND, "Todo not found");
}

#[tokio::test]
async fn update_todo_409_todo_with_this_title_already_exists() {
    let app = app();
    create(&app, "Write the quarterly report", &[]).await;
    let todo = create(&app, "Something else", &[]).await;
    let response = patch(&todo, &valid_body()).send(&app).await;
    response.assert_error(
        StatusCode::CONFLICT,
        "A todo with this title already exists",
    );
    // Refused whole: `done` and `tags` did not change either.
    assert_eq!(fetch(&app, &todo).await, todo);
}

/// Business rule: A request without any field changes nothing and answers the todo as it is.
#[tokio::test]
async fn update_todo_request_without_any_field_changes_nothing() {
    let app = app();
    let todo = create(&app, "Buy milk", &["home"]).await;
    let response = patch(&todo, &json!({})).send(&app).await;
    response.assert_status(StatusCode::OK);
    assert_eq!(
        response.json()["data"],
        todo,
        "the answer is the todo as it was"
    );
    assert_eq!(fetch(&app, &todo).await, todo);
    // A todo that does not exist is still not found.
    let response = TestRequest::new(Method::PATCH, "/api/todos/nope")
        .json(&json!({}))
        .send(&app)
        .await;
    response.assert_error(StatusCode::NOT_FOUND, "Todo not found");
}

/// Business rule: A new title follows the rules of creation: 1 to 200 characters after
/// trimming, unique ignoring case.
#[tokio::test]
async fn update_todo_new_title_follows_rules_of_creation_1_to_200() {
    let app = app();
    create(&app, "Buy milk", &[]).await;
    let todo = create(&app, "Water the plants", &[]).await;

    // Trimmed; and a todo may change the case of its own title.
    for (title, stored) in [
        ("  Water the garden ", "Water the garden"),
        ("WATER THE GARDEN", "WATER THE GARDEN"),
    ] {
        let response = patch(&todo, &json!({ "title": title })).send(&app).await;
        response.assert_status(StatusCode::OK);
        let body = response.json();
        assert_eq!(body["success"], true, "the body: {body}");
        assert_eq!(body["data"]["title"], stored);
    }
    let response = patch(&todo, &json!({ "title": "é".repeat(200) }))
        .send(&app)
        .await;
    response.assert_status(StatusCode::OK);

    // Too short, too long, or another todo's title ignoring case.
    for title in [String::new(), "   ".to_owned(), "x".repeat(201)] {
        let response = patch(&todo, &json!({ "title": title, "done": true }))
            .send(&app)
            .await;
        response.assert_error(StatusCode::BAD_REQUEST, "Invalid update");
    }
    let response = patch(&todo, &json!({ "title": " buy MILK " }))
        .send(&app)
        .await;
    response.assert_error(
        StatusCode::CONFLICT,
        "A todo with this title already exists",
    );
    // None of the refused updates changed anything.
    let now = fetch(&app, &todo).await;
    assert_eq!(
        (&now["title"], &now["done"]),
        (&json!("é".repeat(200)), &json!(false))
    );
}
