//! The mock's answers, request by request.

use super::*;
use crate::{Source, load_sources};
use contract_validation::Format;

fn mock(block: &str) -> Mock {
    let text = format!("# Issue\n\n**API Contract:**\n```\n{block}\n```\n");
    Mock::new(&load_sources(&[Source::new("a.md", text)]).unwrap_or_else(|d| panic!("{d}")))
}

const ORDERS: &str = "POST /api/orders
Headers: { Authorization: \"Bearer <token>\" }
Request: { sku: string, quantity: integer, gift?: boolean, kind: \"retail\" | \"trade\", note: string | null, lines: { sku: string }[] }
Response (201): { id: uuid, total: number }
Errors: { 400: \"Bad order\", 401: \"Sign in\", 409: \"Out of stock\" }

GET /api/orders/{id}?expand=true
Query: { limit: integer }
Response: { id: uuid }";

fn post(body: &str) -> Request<'_> {
    Request {
        method: "POST",
        path: "/api/orders",
        authorization: Some("Bearer t"),
        content_type: Some("application/json"),
        body: body.as_bytes(),
        ..Request::default()
    }
}

const VALID: &str =
    r#"{"sku": "a", "quantity": 2, "kind": "trade", "note": null, "lines": [{"sku": "b"}]}"#;

/// The status, and the error body's message and detail (empty for a success).
fn answer(mock: &mut Mock, request: &Request<'_>) -> (u16, String, String) {
    let response = mock.answer(request);
    let error = response
        .body
        .as_ref()
        .map(|b| b["error"].clone())
        .unwrap_or_default();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    (
        response.status,
        text(&error["message"]),
        text(&error["detail"]),
    )
}

#[test]
fn a_valid_request_gets_the_success_status_and_a_body_of_its_type() {
    let mut mock = mock(ORDERS);
    let response = mock.answer(&post(VALID));
    assert_eq!(response.status, 201);
    let body = response.body.unwrap();
    assert_eq!(body["id"], "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05", "{body}");
    assert!(body["total"].is_number(), "{body}");
}

#[test]
fn requests_are_refused_as_the_generated_handler_refuses_them() {
    let mut mock = mock(ORDERS);
    let fractional = VALID.replace("\"quantity\": 2", "\"quantity\": 2.5");
    let outside = VALID.replace("\"trade\"", "\"bulk\"");
    let null_item = VALID.replace("\"sku\": \"b\"", "\"sku\": null");
    let unknown = VALID.replace("{\"sku\"", "{\"extra\": 1, \"sku\"");
    let cases: &[(Request<'_>, (u16, &str, &str))] = &[
        (
            Request {
                authorization: None,
                ..post(VALID)
            },
            (
                401,
                "Sign in",
                "Missing `Authorization: Bearer <token>` header",
            ),
        ),
        (
            Request {
                authorization: Some("Basic x"),
                ..post(VALID)
            },
            (
                401,
                "Sign in",
                "Malformed `Authorization` header: expected `Bearer <token>`",
            ),
        ),
        (post("{"), (400, "Bad order", "")),
        (
            Request {
                content_type: None,
                ..post(VALID)
            },
            (
                400,
                "Bad order",
                "Expected request with `Content-Type: application/json`",
            ),
        ),
        (
            post(r#"{"sku": "a"}"#),
            (400, "Bad order", "missing field `quantity`"),
        ),
        (
            post(&fractional),
            (
                400,
                "Bad order",
                "`quantity`: expected an integer, found a number",
            ),
        ),
        (
            post(&outside),
            (
                400,
                "Bad order",
                "`kind`: `bulk` is not one of retail, trade",
            ),
        ),
        (
            post(&null_item),
            (
                400,
                "Bad order",
                "`lines[0].sku`: expected a string, found null",
            ),
        ),
        (post(&unknown), (400, "Bad order", "unknown field `extra`")),
        (
            Request {
                method: "PUT",
                ..post(VALID)
            },
            (405, "Method not allowed", ""),
        ),
        (
            Request {
                path: "/api/nothing",
                ..post(VALID)
            },
            (404, "Not found", ""),
        ),
    ];
    for (request, (status, message, detail)) in cases {
        let (got_status, got_message, got_detail) = answer(&mut mock, request);
        assert_eq!(
            (got_status, got_message.as_str()),
            (*status, *message),
            "{request:?}"
        );
        assert!(
            got_detail.starts_with(detail),
            "{got_detail:?} for {request:?}"
        );
    }
    // Optional and nullable fields may be left out.
    let without = VALID.replace(", \"note\": null", "");
    assert_eq!(mock.answer(&post(&without)).status, 201);
}

#[test]
fn the_query_is_read_as_serde_reads_it() {
    let mut mock = mock(ORDERS);
    let get = |query| Request {
        method: "GET",
        path: "/api/orders/o-1",
        query,
        ..Request::default()
    };
    assert_eq!(answer(&mut mock, &get(Some("limit=5&expand=false"))).0, 200);
    let (status, message, detail) = answer(&mut mock, &get(None));
    assert_eq!(
        (status, message.as_str(), detail.as_str()),
        (400, "Bad request", "missing query parameter `limit`")
    );
    let (status, _, detail) = answer(&mut mock, &get(Some("limit=five")));
    assert_eq!(
        (status, detail.as_str()),
        (400, "query parameter `limit`: `five` is not an integer")
    );
    assert_eq!(answer(&mut mock, &get(Some("limit=%35&other=x"))).0, 200);
}

#[test]
fn prefer_picks_an_error_status_of_the_contract() {
    let mut mock = mock(ORDERS);
    let prefer = |value| Request {
        prefer: Some(value),
        ..post(VALID)
    };
    assert_eq!(
        answer(&mut mock, &prefer("code=409")),
        (409, "Out of stock".into(), String::new())
    );
    assert_eq!(answer(&mut mock, &prefer("code=201")).0, 201);
    let (status, _, detail) = answer(&mut mock, &prefer("code=418"));
    assert_eq!(status, 400);
    assert_eq!(
        detail,
        "`Prefer: code=418`: POST /api/orders answers 201, 400, 401, 409"
    );
    // The token is checked first, as the handler does.
    let request = Request {
        authorization: None,
        ..prefer("code=409")
    };
    assert_eq!(answer(&mut mock, &request).0, 401);
}

#[test]
fn a_literal_segment_wins_over_a_parameter_as_in_axum() {
    let mut mock = mock(
        "GET /api/users/{id}\nResponse: { id: string }\n\n\
         GET /api/users/me\nResponse: { id: string, email: email }\n\n\
         POST /api/users/{id}/teams/new\nResponse (201): { team: string }\n\n\
         GET /api/users/me/teams/{team}\nResponse: { team: string }",
    );
    let get = |path| Request {
        method: "GET",
        path,
        ..Request::default()
    };
    let me = mock.answer(&get("/api/users/me"));
    assert_eq!(me.status, 200);
    assert!(
        me.body.unwrap()["email"].is_string(),
        "`me` has its own body"
    );
    let other = mock.answer(&get("/api/users/u-1"));
    assert!(other.body.unwrap().get("email").is_none());
    // The literal shape decides at the first segment where the shapes differ; its methods are
    // the path's, as axum routes a path before a method.
    assert_eq!(mock.methods("/api/users/me/teams/new"), ["GET"]);
    assert_eq!(mock.answer(&get("/api/users/me/teams/new")).status, 200);
    let post = Request {
        method: "POST",
        ..get("/api/users/me/teams/new")
    };
    assert_eq!(mock.answer(&post).status, 405);
    assert_eq!(mock.methods("/api/users/u-1/teams/new"), ["POST"]);
}

#[test]
fn an_integer_too_large_for_the_handlers_i64_is_refused() {
    let mut mock = mock(ORDERS);
    let body = VALID.replace("\"quantity\": 2", "\"quantity\": 9223372036854775808");
    let (status, _, detail) = answer(&mut mock, &post(&body));
    assert_eq!(status, 400, "{detail}");
    assert!(
        detail.contains("too large for a 64-bit integer"),
        "{detail}"
    );
    let body = VALID.replace("\"quantity\": 2", "\"quantity\": 9223372036854775807");
    assert_eq!(answer(&mut mock, &post(&body)).0, 201);
}

#[test]
fn preflight_methods_are_those_of_the_path() {
    let mock = mock(ORDERS);
    assert_eq!(mock.methods("/api/orders"), ["POST"]);
    assert_eq!(mock.methods("/api/orders/7"), ["GET"]);
    assert!(mock.methods("/api/else").is_empty());
}

#[test]
fn a_token_given_at_start_is_the_only_one_accepted() {
    let mut mock = mock(ORDERS).with_token(Some("secret".into()));
    let request = Request {
        authorization: Some("Bearer other"),
        ..post(VALID)
    };
    let (status, message, _) = answer(&mut mock, &request);
    assert_eq!((status, message.as_str()), (401, "Sign in"));
    let request = Request {
        authorization: Some("Bearer secret"),
        ..post(VALID)
    };
    assert_eq!(answer(&mut mock, &request).0, 201);
}

#[test]
fn a_deleted_resource_is_gone_until_its_collection_gets_a_post() {
    let mut mock = mock(
        "GET /api/notes/{id}\nErrors: { 404: \"No such note\" }\n\n\
         DELETE /api/notes/{id}\nResponse: 204\n\nPOST /api/notes\nResponse (201): { id: string }",
    );
    let request = |method, path| Request {
        method,
        path,
        ..Request::default()
    };
    assert_eq!(answer(&mut mock, &request("GET", "/api/notes/1")).0, 200);
    assert_eq!(answer(&mut mock, &request("DELETE", "/api/notes/1")).0, 204);
    let (status, message, _) = answer(&mut mock, &request("GET", "/api/notes/1"));
    assert_eq!((status, message.as_str()), (404, "No such note"));
    assert_eq!(answer(&mut mock, &request("GET", "/api/notes/2")).0, 200);
    assert_eq!(answer(&mut mock, &request("POST", "/api/notes")).0, 201);
    assert_eq!(answer(&mut mock, &request("GET", "/api/notes/1")).0, 200);
}

#[test]
fn a_json_example_in_the_issue_is_the_answer() {
    let mut mock = mock(
        "GET /api/me\nResponse: { \"id\": \"u-7\", \"name\": \"Ada \\\"A\\\" L\", \"age\": 36, \"admin\": false, \"tags\": [\"x\"], \"boss\": null }\n\n\
         GET /api/you\nResponse: { \"id\": \"string\", \"age\": 36 }",
    );
    let me = Request {
        method: "GET",
        path: "/api/me",
        ..Request::default()
    };
    let body = mock.answer(&me).body.unwrap();
    assert_eq!(
        body,
        json!({ "id": "u-7", "name": "Ada \"A\" L", "age": 36, "admin": false, "tags": ["x"], "boss": null })
    );
    // `"string"` names a type: no example, a sample instead.
    let you = Request {
        method: "GET",
        path: "/api/you",
        ..Request::default()
    };
    let body = mock.answer(&you).body.unwrap();
    assert_ne!(body["id"], "string", "{body}");
    assert!(body["age"].as_i64().is_some(), "{body}");
}

#[test]
fn formats_are_checked_in_the_body_and_the_query() {
    let mut mock = mock(
        "POST /api/people?since=2024-01-01T00:00:00Z\nQuery: { since?: date }\n\
         Request: { email: email, ownerId: uuid, at: date, site?: url }\nResponse: 204",
    );
    let body = r#"{"email": "ada@example.com", "ownerId": "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05", "at": "2024-05-01T12:00:00Z", "site": "https://example.com/"}"#;
    fn request<'a>(body: &'a [u8], query: Option<&'a str>) -> Request<'a> {
        Request {
            method: "POST",
            path: "/api/people",
            query,
            content_type: Some("application/json"),
            body,
            ..Request::default()
        }
    }
    assert_eq!(answer(&mut mock, &request(body.as_bytes(), None)).0, 204);
    for (from, to, detail) in [
        (
            "ada@example.com",
            "nope",
            "email: expected an email address",
        ),
        (
            "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05",
            "x",
            "ownerId: expected a UUID",
        ),
        (
            "2024-05-01T12:00:00Z",
            "yesterday",
            "at: expected an RFC 3339 date-time",
        ),
        (
            "https://example.com/",
            "example.com",
            "site: expected an absolute URL",
        ),
    ] {
        let bad = body.replace(from, to);
        let (status, _, got) = answer(&mut mock, &request(bad.as_bytes(), None));
        assert_eq!(status, 400, "{bad}");
        assert!(got.starts_with(detail), "{got}");
    }
    let (status, _, got) = answer(&mut mock, &request(body.as_bytes(), Some("since=soon")));
    assert_eq!(
        (
            status,
            got.starts_with("query parameter since: expected an RFC 3339")
        ),
        (400, true),
        "{got}"
    );
}

#[test]
fn path_parameters_are_checked_decoded() {
    let mut mock =
        mock("GET /api/notes/:id/:slug\nPath: { id: uuid, slug: string(..=5) }\nResponse: 204");
    let get = |mock: &mut Mock, path: &str| {
        let request = Request {
            method: "GET",
            path,
            ..Request::default()
        };
        let (status, _, detail) = answer(mock, &request);
        (status, detail)
    };
    let id = "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05";
    assert_eq!(get(&mut mock, &format!("/api/notes/{id}/a%20b")).0, 204);
    assert_eq!(
        get(&mut mock, "/api/notes/x/a%20b%20cd"),
        (
            400,
            format!(
                "path parameter id: expected {}; \
                 path parameter slug: expected at most 5 characters, got 6",
                Format::Uuid.expected()
            )
        )
    );
}

#[test]
fn every_broken_bound_is_listed_as_the_handler_lists_it() {
    let mut mock = mock(
        "POST /api/todos?limit=20\nQuery: { limit?: integer(1..=100) }\n\
         Request: { title: string(1..=200), tags?: string(1..=20)[](..=2), slug?: string(/^[a-z-]+$/), ratio?: number(0..=1) }\n\
         Response: 204",
    );
    let send = |mock: &mut Mock, body: &str, query: Option<&str>| {
        let request = Request {
            method: "POST",
            path: "/api/todos",
            query,
            content_type: Some("application/json"),
            body: body.as_bytes(),
            ..Request::default()
        };
        let (status, _, detail) = answer(mock, &request);
        (status, detail)
    };
    let edges =
        r#"{"title": "x", "tags": ["a", "bbbbbbbbbbbbbbbbbbbb"], "slug": "a-b", "ratio": 1}"#;
    assert_eq!(send(&mut mock, edges, Some("limit=100")).0, 204);
    let bad = r#"{"title": "", "tags": ["a", "", "c"], "slug": "A B", "ratio": 1.5}"#;
    let (status, detail) = send(&mut mock, bad, Some("limit=0"));
    assert_eq!(status, 400);
    assert_eq!(
        detail,
        "query parameter limit: expected 1 to 100, got 0; \
         title: expected 1 to 200 characters, got 0; \
         tags: expected at most 2 items, got 3; \
         tags[1]: expected 1 to 20 characters, got 0; \
         slug: expected text matching /^[a-z-]+$/; \
         ratio: expected 0 to 1, got 1.5"
    );
}

/// The example's todo issues in one block: a collection with an envelope, paging and a filter.
const TODOS: &str = "POST /api/todos
Request: { title: string(1..=200), tags?: string(1..=30)[](..=10) }
Response (201): { success: boolean, data: { id: uuid, title: string(1..=200), done: boolean, tags: string(1..=30)[](..=10), createdAt: date } }
Errors: { 400: \"Invalid todo\", 409: \"A todo with this title already exists\" }

GET /api/todos
Query: { done?: boolean, page?: integer(1..), limit?: integer(1..=100) }
Response: { success: boolean, data: { items: { id: uuid, title: string(1..=200), done: boolean, tags: string(1..=30)[](..=10), createdAt: date }[], page: integer(1..), limit: integer(1..=100), total: integer(0..) } }
Errors: { 400: \"Invalid query\" }

GET /api/todos/:id
Response: { success: boolean, data: { id: uuid, title: string(1..=200), done: boolean, tags: string(1..=30)[](..=10), createdAt: date } }
Errors: { 404: \"Todo not found\" }

PATCH /api/todos/:id
Request: { title?: string(1..=200), done?: boolean, tags?: string(1..=30)[](..=10) }
Response: { success: boolean, data: { id: uuid, title: string(1..=200), done: boolean, tags: string(1..=30)[](..=10), createdAt: date } }
Errors: { 400: \"Invalid update\", 404: \"Todo not found\" }

DELETE /api/todos/:id
Response: 204
Errors: { 404: \"Todo not found\" }";

/// A mock with state, and a way to send it requests: the status and the JSON body.
struct Client {
    mock: Mock,
    contracts: Vec<Contract>,
}

impl Client {
    fn new(block: &str, seed: Option<u64>) -> Client {
        let text = format!("# Issue\n\n**API Contract:**\n```\n{block}\n```\n");
        let contracts =
            load_sources(&[Source::new("a.md", text)]).unwrap_or_else(|d| panic!("{d}"));
        let mock = Mock::new(&contracts).with_state(Some(State::new(seed)));
        Client { mock, contracts }
    }

    fn send(&mut self, method: &str, path_and_query: &str, body: &str) -> (u16, Value) {
        let (path, query) = match path_and_query.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (path_and_query, None),
        };
        let request = Request {
            method,
            path,
            query,
            content_type: (!body.is_empty()).then_some("application/json"),
            body: body.as_bytes(),
            ..Request::default()
        };
        let response = self.mock.answer(&request);
        // Whatever state it answers from, the body is of the contract's type.
        if (200..300).contains(&response.status) {
            let endpoint = self
                .contracts
                .iter()
                .flat_map(|c| &c.endpoints)
                .find(|e| {
                    e.method.as_str() == method
                        && matches(
                            &segments_of(&e.route),
                            &path.split('/').skip(1).collect::<Vec<_>>(),
                        )
                })
                .expect("an endpoint answered");
            if let (Some(ty), Some(body)) = (&endpoint.response.body, &response.body) {
                let types: Vec<NamedType> = Vec::new();
                crate::conform::Checker { types: &types }
                    .check(ty, body)
                    .unwrap_or_else(|m| panic!("{method} {path}: {} in {body}", m.text));
            }
        }
        (response.status, response.body.unwrap_or(Value::Null))
    }
}

fn segments_of(route: &str) -> Vec<Option<String>> {
    route
        .split('/')
        .skip(1)
        .map(|s| (!s.starts_with('{')).then(|| s.to_string()))
        .collect()
}

#[test]
fn a_todo_is_created_read_listed_changed_and_deleted() {
    let mut client = Client::new(TODOS, Some(7));
    let (status, created) = client.send("POST", "/api/todos", r#"{"title": "Buy rope"}"#);
    assert_eq!(status, 201, "{created}");
    let todo = &created["data"];
    assert_eq!(todo["title"], "Buy rope");
    assert_eq!(
        todo["tags"],
        serde_json::json!([]),
        "a field left out is not the sample's"
    );
    let id = todo["id"].as_str().unwrap().to_string();
    assert_ne!(id, samples::UUID, "a fresh identifier");

    let (status, read) = client.send("GET", &format!("/api/todos/{id}"), "");
    assert_eq!(status, 200);
    assert_eq!(read["data"], *todo);

    let (_, second) = client.send(
        "POST",
        "/api/todos",
        r#"{"title": "Chalk up", "tags": ["gym"]}"#,
    );
    assert_ne!(second["data"]["id"], todo["id"]);
    let (status, list) = client.send("GET", "/api/todos", "");
    assert_eq!(status, 200);
    assert_eq!(list["data"]["total"], 2);
    let titles: Vec<&Value> = list["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["title"])
        .collect();
    assert_eq!(titles, ["Buy rope", "Chalk up"]);

    let (status, patched) = client.send("PATCH", &format!("/api/todos/{id}"), r#"{"done": true}"#);
    assert_eq!(status, 200);
    assert_eq!(patched["data"]["done"], true);
    assert_eq!(patched["data"]["title"], "Buy rope", "PATCH merges");
    let (_, done) = client.send("GET", "/api/todos?done=true", "");
    assert_eq!(done["data"]["total"], 1);
    assert_eq!(done["data"]["items"][0]["id"], id.as_str());

    assert_eq!(
        client.send("DELETE", &format!("/api/todos/{id}"), "").0,
        204
    );
    let (status, gone) = client.send("GET", &format!("/api/todos/{id}"), "");
    assert_eq!(status, 404);
    assert_eq!(gone["error"]["message"], "Todo not found");
    assert_eq!(
        client.send("DELETE", &format!("/api/todos/{id}"), "").0,
        404
    );
    let (_, list) = client.send("GET", "/api/todos", "");
    assert_eq!(list["data"]["total"], 1);
    // Never created: the contract's 404.
    let (status, _) = client.send("GET", &format!("/api/todos/{}", samples::UUID), "");
    assert_eq!(status, 404);
}

#[test]
fn a_list_is_paged_by_the_parameters_the_contract_names() {
    let mut client = Client::new(TODOS, Some(1));
    for n in 1..=5 {
        client.send("POST", "/api/todos", &format!(r#"{{"title": "todo {n}"}}"#));
    }
    let (_, page) = client.send("GET", "/api/todos?page=2&limit=2", "");
    let titles: Vec<&Value> = page["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["title"])
        .collect();
    assert_eq!(titles, ["todo 3", "todo 4"]);
    assert_eq!(page["data"]["total"], 5);
    assert_eq!(page["data"]["page"], 2);
    assert_eq!(page["data"]["limit"], 2);
    let (_, last) = client.send("GET", "/api/todos?page=3&limit=2", "");
    assert_eq!(last["data"]["items"].as_array().unwrap().len(), 1);
}

#[test]
fn nested_collections_hold_their_own_items() {
    let block = "POST /api/posts/{postId}/comments
Request: { text: string }
Response (201): { id: integer(1..), text: string }

GET /api/posts/{postId}/comments
Response: { id: integer(1..), text: string }[]

GET /api/posts/{postId}/comments/{commentId}
Response: { id: integer(1..), text: string }
Errors: { 404: \"No such comment\" }";
    let mut client = Client::new(block, Some(3));
    let (status, made) = client.send("POST", "/api/posts/7/comments", r#"{"text": "Nice"}"#);
    assert_eq!(status, 201);
    assert!(made["id"].is_i64(), "{made}");
    client.send("POST", "/api/posts/8/comments", r#"{"text": "Elsewhere"}"#);
    let (_, seven) = client.send("GET", "/api/posts/7/comments", "");
    assert_eq!(seven, serde_json::json!([made.clone()]));
    let (status, one) = client.send("GET", &format!("/api/posts/7/comments/{}", made["id"]), "");
    assert_eq!((status, &one), (200, &made));
    assert_eq!(
        client
            .send("GET", &format!("/api/posts/8/comments/{}", made["id"]), "")
            .0,
        404
    );
}

#[test]
fn a_seed_gives_the_same_answers_byte_for_byte() {
    let run = |seed| {
        let mut client = Client::new(TODOS, Some(seed));
        let mut bodies = Vec::new();
        for title in ["a", "b", "c"] {
            bodies.push(
                client
                    .send("POST", "/api/todos", &format!(r#"{{"title": "{title}"}}"#))
                    .1
                    .to_string(),
            );
        }
        bodies.push(client.send("GET", "/api/todos", "").1.to_string());
        bodies
    };
    assert_eq!(run(42), run(42));
    assert_ne!(run(42), run(43));
    // Timestamps count from a fixed day with a seed, not from now.
    assert!(
        run(42)[0].contains("\"createdAt\":\"2026-01-01T0"),
        "{}",
        run(42)[0]
    );
}

#[test]
fn initial_data_is_served_and_an_unknown_collection_refused() {
    let mut client = Client::new(TODOS, Some(1));
    let data = serde_json::json!({ "/api/todos": [
        { "id": "0b7e2a52-6f0e-4c1a-9d3e-1f2a3b4c5d6e", "title": "Loaded", "done": true, "tags": [], "createdAt": "2026-02-01T10:00:00Z" },
        { "title": "No id yet" }
    ]});
    assert_eq!(client.mock.preload(&data), Ok(2));
    let (_, one) = client.send("GET", "/api/todos/0b7e2a52-6f0e-4c1a-9d3e-1f2a3b4c5d6e", "");
    assert_eq!(one["data"]["title"], "Loaded");
    let (_, list) = client.send("GET", "/api/todos", "");
    assert_eq!(list["data"]["total"], 2);
    // The item without an id got one; its missing fields show the contract's samples.
    assert!(list["data"]["items"][1]["id"].is_string());
    let wrong = serde_json::json!({ "/api/nope": [] });
    let (key, why) = client.mock.preload(&wrong).unwrap_err();
    assert_eq!(key.as_deref(), Some("/api/nope"));
    assert!(why.contains("not a collection"), "{why}");
}

fn rules_source(text: &str) -> std::sync::Arc<Source> {
    Source::new("rules.toml", text)
}

fn spec(endpoint: &str, status: i64, when: &[(&str, Value)], text: &str) -> RuleSpec {
    let at = |needle: &str| {
        let start = text.find(needle).unwrap_or(0);
        crate::source::Span::new(start, start + needle.len())
    };
    RuleSpec {
        at: at(endpoint),
        endpoint: crate::source::Spanned::new(endpoint.to_string(), at(endpoint)),
        status: crate::source::Spanned::new(status, at(&status.to_string())),
        when: when
            .iter()
            .map(|(key, value)| ConditionSpec {
                key: crate::source::Spanned::new(key.to_string(), at(key)),
                values: match value {
                    Value::Array(list) => list.clone(),
                    one => vec![one.clone()],
                },
            })
            .collect(),
    }
}

#[test]
fn a_rule_picks_a_declared_status_by_what_the_request_holds() {
    let text = "endpoint = \"POST /api/todos\" status = 409 body.title";
    let rule = spec(
        "POST /api/todos",
        409,
        &[("body.title", serde_json::json!(["Taken", "Also taken"]))],
        text,
    );
    let mut client = Client::new(TODOS, Some(1));
    client.mock = client
        .mock
        .with_rules(&rules_source(text), &[rule])
        .unwrap_or_else(|d| panic!("{d}"));
    let (status, body) = client.send("POST", "/api/todos", r#"{"title": "Also taken"}"#);
    assert_eq!(status, 409);
    assert_eq!(
        body["error"]["message"],
        "A todo with this title already exists"
    );
    assert!(
        body["error"]["detail"]
            .as_str()
            .unwrap()
            .starts_with("chosen by the rule at rules.toml:1:")
    );
    assert_eq!(
        client.send("POST", "/api/todos", r#"{"title": "Free"}"#).0,
        201
    );
    // A request the contract refuses is refused first.
    assert_eq!(client.send("POST", "/api/todos", r#"{"title": ""}"#).0, 400);
}

#[test]
fn a_rule_that_names_what_the_contract_lacks_is_refused_at_its_place() {
    let text = "[[rule]]\nendpoint = \"POST /api/todo\"\n[[rule]]\nendpoint = \"POST /api/todos\"\nstatus = 418\nwhen = { \"body.titel\" = 1, \"query.x\" = 2, \"path.id\" = 3 }\n";
    let rules = [
        spec("POST /api/todo", 409, &[], text),
        spec(
            "POST /api/todos",
            418,
            &[
                ("body.titel", Value::from(1)),
                ("query.x", Value::from(2)),
                ("path.id", Value::from(3)),
            ],
            text,
        ),
    ];
    let diagnostics = Client::new(TODOS, None)
        .mock
        .with_rules(&rules_source(text), &rules)
        .err()
        .expect("refused");
    let found: Vec<(String, usize)> = diagnostics
        .iter()
        .map(|d| (d.message.clone(), d.line_col().line))
        .collect();
    assert_eq!(
        found,
        [
            ("no endpoint `POST /api/todo` in the issues".to_string(), 2),
            ("POST /api/todos does not answer 418".to_string(), 5),
            ("the request body has no field `titel`".to_string(), 6),
            ("no query parameter `x`".to_string(), 6),
            ("no path parameter `id`".to_string(), 6),
        ]
    );
}

#[test]
fn a_reload_keeps_what_the_collections_hold() {
    let mut client = Client::new(TODOS, Some(2));
    let (_, made) = client.send("POST", "/api/todos", r#"{"title": "Kept"}"#);
    let id = made["data"]["id"].as_str().unwrap().to_string();
    // The issue changes: a field more in every answer. The item stays, shown through the new
    // types, with the sample's value where it has none.
    let changed = TODOS.replace(
        "createdAt: date }",
        "createdAt: date, priority: integer(1..=3) }",
    );
    let mut reloaded = Client::new(&changed, None);
    reloaded.mock = reloaded.mock.with_state(client.mock.take_state());
    let (status, read) = reloaded.send("GET", &format!("/api/todos/{id}"), "");
    assert_eq!(status, 200);
    assert_eq!(read["data"]["title"], "Kept");
    assert!(read["data"]["priority"].is_i64(), "{read}");
}
