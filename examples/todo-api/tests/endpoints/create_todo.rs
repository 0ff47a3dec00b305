//! `POST /api/todos`, from `create-todo.md`: the tests that need state. The contract's own
//! checks are in `contract/create_todo.rs`, which scaffold regenerates.
//!
//! Scaffold wrote each test here as an ignored skeleton; each is now arranged with real data
//! and runs. Later scaffold runs only append: a skeleton for each status or business rule the
//! issue gains, unless a test of that name is already somewhere in `tests/`.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::common::{app, path};
use crate::support::create_todo::{request, valid_body, valid_request};
use crate::support::{TestRequest, with, without};

#[tokio::test]
async fn create_todo_succeeds() {
    let app = app();
    let response = valid_request().send(&app).await;
    response.assert_status(StatusCode::CREATED);
    let body = response.json();
    assert_eq!(body["success"], true, "the body: {body}");
    assert_eq!(
        body["data"]["title"], "Write the quarterly report",
        "the body: {body}"
    );
    assert_eq!(body["data"]["tags"], json!(["work"]), "the body: {body}");

    // It is stored: fetching it answers the same todo.
    let fetched = TestRequest::new(Method::GET, &path(&body["data"]))
        .send(&app)
        .await;
    fetched.assert_status(StatusCode::OK);
    assert_eq!(fetched.json()["data"], body["data"]);
}

#[tokio::test]
async fn create_todo_without_tags_has_none() {
    let app = app();
    let response = request()
        .json(&without(valid_body(), "/tags"))
        .send(&app)
        .await;
    response.assert_status(StatusCode::CREATED);
    assert_eq!(response.json()["data"]["tags"], json!([]));
}

#[tokio::test]
async fn create_todo_409_todo_with_this_title_already_exists() {
    let app = app();
    valid_request()
        .send(&app)
        .await
        .assert_status(StatusCode::CREATED);
    let response = valid_request().send(&app).await;
    response.assert_error(
        StatusCode::CONFLICT,
        "A todo with this title already exists",
    );
}

/// Business rule: The title is trimmed and must be 1 to 200 characters, otherwise 400.
#[tokio::test]
async fn create_todo_400_title_trimmed_and_1_to_200_characters() {
    let app = app();
    for title in [
        "",
        "   ",
        "\t\n",
        &"x".repeat(201),
        &format!(" {} ", "é".repeat(201)),
    ] {
        let response = request()
            .json(&with(valid_body(), "/title", json!(title)))
            .send(&app)
            .await;
        response.assert_error(StatusCode::BAD_REQUEST, "Invalid todo");
        assert!(
            response.json()["error"]["detail"].is_string(),
            "a detail says why: {}",
            response.text
        );
    }

    // The edges: 1 and 200 characters (counted as characters, not bytes), after trimming. The
    // contract bounds the title as sent to 200 characters, so the longest one has no padding.
    for (title, padding) in [("x", "  "), (&*"é".repeat(200), "")] {
        let padded = format!("{padding}{title}{padding}");
        let response = request()
            .json(&with(valid_body(), "/title", json!(padded)))
            .send(&app)
            .await;
        response.assert_status(StatusCode::CREATED);
        assert_eq!(response.json()["data"]["title"], title, "stored trimmed");
    }

    // Nothing refused was stored.
    let list = TestRequest::new(Method::GET, "/api/todos").send(&app).await;
    assert_eq!(list.json()["data"]["total"], 2);
}

/// Business rule: Titles are unique, ignoring case: a second todo with the same title gives
/// 409.
#[tokio::test]
async fn create_todo_409_titles_unique_ignoring_case_second_todo() {
    let app = app();
    valid_request()
        .send(&app)
        .await
        .assert_status(StatusCode::CREATED);
    for title in [
        "WRITE THE QUARTERLY REPORT",
        "  write the quarterly report ",
    ] {
        let response = request()
            .json(&with(valid_body(), "/title", json!(title)))
            .send(&app)
            .await;
        response.assert_error(
            StatusCode::CONFLICT,
            "A todo with this title already exists",
        );
    }
    // Another title is fine.
    let response = request()
        .json(&with(
            valid_body(),
            "/title",
            json!("Write the annual report"),
        ))
        .send(&app)
        .await;
    response.assert_status(StatusCode::CREATED);
}

/// Business rule: A new todo is not done, and gets a fresh UUID and the creation time.
#[tokio::test]
async fn create_todo_new_todo_not_done_and_gets_fresh_uuid() {
    let app = app();
    let first = valid_request().send(&app).await;
    first.assert_status(StatusCode::CREATED);
    let first = first.json()["data"].clone();
    let second = request()
        .json(&with(valid_body(), "/title", json!("Another one")))
        .send(&app)
        .await
        .json()["data"]
        .clone();

    for todo in [&first, &second] {
        assert_eq!(todo["done"], false, "{todo}");
        let id = todo["id"].as_str().expect("a string id");
        assert!(is_uuid_v4(id), "not a UUID v4: {id}");
        let created = todo["createdAt"].as_str().expect("a string createdAt");
        assert!(is_rfc3339_utc(created), "not RFC 3339 UTC: {created}");
    }
    assert_ne!(first["id"], second["id"], "each todo gets its own id");
    assert!(
        first["createdAt"].as_str() <= second["createdAt"].as_str(),
        "in creation order"
    );
}

/// `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`, lower case.
fn is_uuid_v4(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    let hex = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    };
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| hex(g))
        && groups[2].starts_with('4')
        && groups[3].starts_with(['8', '9', 'a', 'b'])
}

/// `YYYY-MM-DDTHH:MM:SS[.fff]Z`, in a plausible range.
fn is_rfc3339_utc(time: &str) -> bool {
    let b = time.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && time.ends_with('Z')
        && time[..4] >= *"2024"
}
