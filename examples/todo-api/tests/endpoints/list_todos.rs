//! `GET /api/todos`, from `list-todos.md`: the tests that need state. The contract's own checks
//! are in `contract/list_todos.rs`, which scaffold regenerates.
//!
//! Scaffold wrote each test here as an ignored skeleton; each is now arranged with real data
//! and runs. Later scaffold runs only append: a skeleton for each status or business rule the
//! issue gains, unless a test of that name is already somewhere in `tests/`.

use axum::Router;
use axum::http::{Method, StatusCode};
use serde_json::Value;

use crate::common::{app, create, mark_done};
use crate::support::TestRequest;
use crate::support::list_todos::valid_request;

/// Five todos, created in this order: `a` (work, done), `b` (home), `c` (work), `d` (work,
/// home, done), `e` (work, done).
async fn five_todos(app: &Router) {
    let a = create(app, "a", &["work"]).await;
    create(app, "b", &["home"]).await;
    create(app, "c", &["work"]).await;
    let d = create(app, "d", &["work", "home"]).await;
    let e = create(app, "e", &["work"]).await;
    for todo in [&a, &d, &e] {
        mark_done(app, todo).await;
    }
}

/// `GET /api/todos` with these query parameters: its `data`, after checking the answer is 200.
async fn list(app: &Router, query: &[(&str, &str)]) -> Value {
    let mut request = TestRequest::new(Method::GET, "/api/todos");
    for (name, value) in query {
        request = request.query(name, value);
    }
    let response = request.send(app).await;
    response.assert_status(StatusCode::OK);
    let body = response.json();
    assert_eq!(body["success"], true, "the body: {body}");
    body["data"].clone()
}

/// The titles of a page's items, in order.
fn titles(data: &Value) -> Vec<&str> {
    let items = data["items"].as_array().expect("items is an array");
    items
        .iter()
        .map(|item| item["title"].as_str().expect("a title"))
        .collect()
}

#[tokio::test]
async fn list_todos_succeeds() {
    let app = app();
    five_todos(&app).await;
    // done=true, tag=work, page 1 of 20.
    let response = valid_request().send(&app).await;
    response.assert_status(StatusCode::OK);
    let body = response.json();
    assert_eq!(body["success"], true, "the body: {body}");
    assert_eq!(titles(&body["data"]), ["a", "d", "e"]);
    assert_eq!(body["data"]["total"], 3);
}

#[tokio::test]
async fn list_todos_empty_store_is_an_empty_page() {
    let data = list(&app(), &[]).await;
    assert_eq!(data["items"], Value::Array(Vec::new()));
    assert_eq!(
        (
            data["page"].as_i64(),
            data["limit"].as_i64(),
            data["total"].as_i64()
        ),
        (Some(1), Some(20), Some(0))
    );
}

#[tokio::test]
async fn list_todos_oldest_first_with_each_filter() {
    let app = app();
    five_todos(&app).await;
    assert_eq!(titles(&list(&app, &[]).await), ["a", "b", "c", "d", "e"]);
    assert_eq!(titles(&list(&app, &[("done", "false")]).await), ["b", "c"]);
    assert_eq!(
        titles(&list(&app, &[("done", "true")]).await),
        ["a", "d", "e"]
    );
    assert_eq!(titles(&list(&app, &[("tag", "home")]).await), ["b", "d"]);
    assert_eq!(
        titles(&list(&app, &[("tag", "home"), ("done", "false")]).await),
        ["b"]
    );
    // Tags match exactly.
    assert_eq!(
        titles(&list(&app, &[("tag", "Home")]).await),
        Vec::<&str>::new()
    );
    assert_eq!(
        titles(&list(&app, &[("tag", "hom")]).await),
        Vec::<&str>::new()
    );
}

/// Business rule: `page` starts at 1 and `limit` defaults to 20; `limit` above 100 or below 1,
/// or `page` below 1, gives 400.
#[tokio::test]
async fn list_todos_400_page_starts_at_1_and_limit_defaults_to_20_limit() {
    let app = app();
    for (name, value) in [
        ("limit", "101"),
        ("limit", "0"),
        ("limit", "-1"),
        ("page", "0"),
        ("page", "-3"),
    ] {
        let response = valid_request().query(name, value).send(&app).await;
        response.assert_error(StatusCode::BAD_REQUEST, "Invalid query");
        assert!(
            response.json()["error"]["detail"].is_string(),
            "a detail says why: {}",
            response.text
        );
    }

    // The edges are allowed, and leaving both out gives page 1 of 20.
    for (name, value) in [("limit", "1"), ("limit", "100"), ("page", "1")] {
        valid_request()
            .query(name, value)
            .send(&app)
            .await
            .assert_status(StatusCode::OK);
    }
    for i in 0..25 {
        create(&app, &format!("todo {i:02}"), &[]).await;
    }
    let first = list(&app, &[]).await;
    assert_eq!(
        (first["page"].as_i64(), first["limit"].as_i64()),
        (Some(1), Some(20))
    );
    assert_eq!(titles(&first).len(), 20);
    assert_eq!(titles(&first)[0], "todo 00");
    let second = list(&app, &[("page", "2")]).await;
    assert_eq!(
        titles(&second),
        ["todo 20", "todo 21", "todo 22", "todo 23", "todo 24"]
    );
    // Past the end: an empty page, not an error.
    assert_eq!(
        titles(&list(&app, &[("page", "3")]).await),
        Vec::<&str>::new()
    );
}

/// Business rule: `total` counts every todo that matches the filters, not only the page.
#[tokio::test]
async fn list_todos_total_counts_every_todo_that_matches_filters_not() {
    let app = app();
    five_todos(&app).await;
    let page1 = list(&app, &[("tag", "work"), ("page", "1"), ("limit", "2")]).await;
    assert_eq!(titles(&page1), ["a", "c"]);
    assert_eq!(page1["total"], 4);
    let page2 = list(&app, &[("tag", "work"), ("page", "2"), ("limit", "2")]).await;
    assert_eq!(titles(&page2), ["d", "e"]);
    assert_eq!(page2["total"], 4);
    assert_eq!(
        (page2["page"].as_i64(), page2["limit"].as_i64()),
        (Some(2), Some(2))
    );
    let page3 = list(&app, &[("tag", "work"), ("page", "3"), ("limit", "2")]).await;
    assert_eq!(titles(&page3), Vec::<&str>::new());
    assert_eq!(page3["total"], 4);
    assert_eq!(
        list(&app, &[("done", "false"), ("limit", "1")]).await["total"],
        2
    );
}
