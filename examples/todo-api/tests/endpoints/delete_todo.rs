//! `DELETE /api/todos/:id`, from `delete-todo.md`: the tests that need state. The contract's
//! own checks are in `contract/delete_todo.rs`, which scaffold regenerates.
//!
//! Scaffold wrote each test here as an ignored skeleton; each is now arranged with real data
//! and runs. Later scaffold runs only append: a skeleton for each status or business rule the
//! issue gains, unless a test of that name is already somewhere in `tests/`.

use axum::http::{Method, StatusCode};

use crate::common::{ADMIN_TOKEN, app, create, path};
use crate::support::TestRequest;
use crate::support::delete_todo::valid_request;

/// `DELETE` the todo at `path` with the admin token.
fn delete(path: &str) -> TestRequest {
    TestRequest::new(Method::DELETE, path).bearer(ADMIN_TOKEN)
}

#[tokio::test]
async fn delete_todo_succeeds() {
    let app = app();
    let todo = create(&app, "Buy milk", &[]).await;
    let kept = create(&app, "Water the plants", &[]).await;
    let response = delete(&path(&todo)).send(&app).await;
    response.assert_status(StatusCode::NO_CONTENT);
    assert_eq!(response.text, "", "204 has no body");

    // Gone; the other one stays.
    let gone = TestRequest::new(Method::GET, &path(&todo)).send(&app).await;
    gone.assert_error(StatusCode::NOT_FOUND, "Todo not found");
    TestRequest::new(Method::GET, &path(&kept))
        .send(&app)
        .await
        .assert_status(StatusCode::OK);
}

#[tokio::test]
async fn delete_todo_403_this_token_may_not_delete_todos() {
    let app = app();
    let todo = create(&app, "Buy milk", &[]).await;
    let response = delete(&path(&todo))
        .bearer("not-the-admin-token")
        .send(&app)
        .await;
    response.assert_error(StatusCode::FORBIDDEN, "This token may not delete todos");
    // Still there.
    TestRequest::new(Method::GET, &path(&todo))
        .send(&app)
        .await
        .assert_status(StatusCode::OK);
}

#[tokio::test]
async fn delete_todo_404_todo_not_found() {
    let app = app();
    // A todo exists, but not the one the request names.
    create(&app, "Buy milk", &[]).await;
    let response = valid_request().send(&app).await;
    response.assert_error(StatusCode::NOT_FOUND, "Todo not found");
}

/// Business rule: The token must equal the service's admin token (`TODO_API_TOKEN`, default
/// `dev-token`), otherwise 403.
#[tokio::test]
async fn delete_todo_403_token_equal_services_admin_token_todo_api_token() {
    let app = app();
    let todo = create(&app, "Buy milk", &[]).await;
    let near_misses = [
        "dev-token".to_owned(), // the default, but this app's token is another
        ADMIN_TOKEN.to_uppercase(),
        format!("{ADMIN_TOKEN}x"),
        ADMIN_TOKEN[..ADMIN_TOKEN.len() - 1].to_owned(),
    ];
    for token in &near_misses {
        let response = delete(&path(&todo)).bearer(token).send(&app).await;
        response.assert_error(StatusCode::FORBIDDEN, "This token may not delete todos");
    }
    // The token is checked before the id: a wrong token learns nothing about which ids exist.
    let response = valid_request().bearer("wrong").send(&app).await;
    response.assert_error(StatusCode::FORBIDDEN, "This token may not delete todos");
    // The admin token may.
    delete(&path(&todo))
        .send(&app)
        .await
        .assert_status(StatusCode::NO_CONTENT);
}

/// Business rule: Deleting a todo that does not exist gives 404.
#[tokio::test]
async fn delete_todo_404_deleting_todo_that_does_not_exist() {
    let app = app();
    let todo = create(&app, "Buy milk", &[]).await;
    delete(&path(&todo))
        .send(&app)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    // The second time it no longer exists.
    let response = delete(&path(&todo)).send(&app).await;
    response.assert_error(StatusCode::NOT_FOUND, "Todo not found");
    delete("/api/todos/not-a-uuid")
        .send(&app)
        .await
        .assert_error(StatusCode::NOT_FOUND, "Todo not found");
}
