//! A handler under `#[contract]` refuses what its contract's formats and bounds refuse, before
//! its body runs, and names every bad value in one answer: the three bad values of issue 17
//! (`"email": "nope"`, `"ownerId": "x"`, `"at": "yesterday"`) among them.

use axum::Json;
use axum::body::{Body, to_bytes};
use axum::extract::{Path, Query};
use axum::http::{Request, StatusCode};
use contract::{Created, contract, routes};
use serde_json::{Value, json};
use tower::ServiceExt;

#[contract("tests/issues/register-device.md")]
async fn register_device(
    Path(_member_id): Path<String>,
    Query(_query): Query<RegisterDeviceQuery>,
    Json(_request): Json<RegisterDeviceRequest>,
) -> Result<Created<RegisterDeviceResponse>, RegisterDeviceError> {
    Ok(Created(RegisterDeviceResponse {
        id: "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05".to_owned(),
    }))
}

const MEMBER: &str = "0b8c3f0e-8a55-4d43-9d37-3b0f2a6f1c11";

async fn post(path: &str, body: &Value) -> (StatusCode, Value) {
    let request = Request::post(path)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .expect("a request");
    let response = routes![register_device]
        .oneshot(request)
        .await
        .expect("axum answers");
    let status = response.status();
    let bytes = to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("a body");
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, body)
}

fn valid() -> Value {
    json!({
        "email": "ada@example.com",
        "ownerId": "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05",
        "at": "2024-05-01T12:00:00Z",
        "name": "Phone",
        "tags": ["work"]
    })
}

#[tokio::test]
async fn a_valid_request_reaches_the_handler() {
    let (status, body) = post(&format!("/api/members/{MEMBER}/devices?limit=10"), &valid()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

#[tokio::test]
async fn every_bad_value_is_named_in_one_answer() {
    let mut body = valid();
    body["email"] = json!("nope");
    body["ownerId"] = json!("x");
    body["at"] = json!("yesterday");
    body["name"] = json!("");
    body["tags"] = json!(["ok", "Not OK", "z"]);
    let (status, answer) = post("/api/members/42/devices?limit=11", &body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    assert_eq!(answer["error"]["message"], "Invalid device");
    let detail = answer["error"]["detail"].as_str().expect("a detail");
    let rules: Vec<&str> = detail.split("; ").collect();
    let places: Vec<&str> = rules
        .iter()
        .map(|rule| rule.split_once(": ").expect("place: rule").0)
        .collect();
    // Path, query, then body, each in the order the contract writes it.
    assert_eq!(
        places,
        [
            "path parameter memberId",
            "query parameter limit",
            "email",
            "ownerId",
            "at",
            "name",
            "tags",
            "tags[1]",
        ],
        "{detail}"
    );
    assert!(rules[2].contains("expected an email address"), "{detail}");
    assert!(rules[3].contains("expected a UUID"), "{detail}");
    assert!(
        rules[4].contains("expected an RFC 3339 date-time"),
        "{detail}"
    );
    assert_eq!(rules[5], "name: expected 1 to 20 characters, got 0");
    assert_eq!(rules[6], "tags: expected at most 2 items, got 3");
    assert_eq!(rules[7], "tags[1]: expected text matching /^[a-z]+$/");
}

#[tokio::test]
async fn shape_comes_first_and_null_or_an_array_is_not_an_object() {
    // A body that cannot be read is refused with serde's words, before any rule is checked.
    let (status, answer) = post(&format!("/api/members/{MEMBER}/devices"), &json!([])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let detail = answer["error"]["detail"].as_str().unwrap_or_default();
    assert!(detail.contains("invalid type: sequence"), "{answer}");
    let mut body = valid();
    body["tags"] = Value::Null;
    let (status, answer) = post(&format!("/api/members/{MEMBER}/devices"), &body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let detail = answer["error"]["detail"].as_str().unwrap_or_default();
    assert!(detail.contains("invalid type: null"), "{answer}");
}
