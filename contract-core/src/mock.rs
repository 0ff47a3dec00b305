//! The API before it is written: an answer to each request from the contracts alone, for
//! `cargo xtask mock`. Pure: the command line owns the socket, this module the answers.
//!
//! A request goes through what a generated handler does, in its order: the route (404, 405), the
//! bearer token (401), the query and the body (the contract's input status, 400 or 422), each
//! refusal in the JSON error body of the `contract` runtime. After the shapes, the rules beyond
//! them (string formats, bounds, patterns) are checked by `contract-validation`, as the handlers
//! check them, every broken one listed in the detail. A request that passes
//! gets the contract's success status and its body: the JSON example the issue writes, or one of
//! its type with the realistic values the generated tests send. `Prefer: code=409` asks for one
//! of the endpoint's error statuses instead.

use std::collections::{BTreeMap, BTreeSet};

use contract_validation::{At, Pattern, Violations};
use serde_json::{Value, json};

use crate::codegen::errors::{auth_error, input_error};
use crate::conform::{Checker, Rules, collect_patterns};
use crate::expand::samples::{self, Samples};
use crate::model::{Contract, Endpoint, Method, NamedType, Type};

/// Every endpoint of a set of contracts, ready to answer.
pub struct Mock {
    routes: Vec<Route>,
    /// The named types of every issue, which bodies may refer to.
    types: Vec<NamedType>,
    /// The one bearer token accepted, when there is one; otherwise any token is.
    token: Option<String>,
    /// Paths of resources a `DELETE` removed: answered 404 until a `POST` to their collection
    /// (which, the mock's bodies being samples, gives the same ids again) or a reload.
    deleted: BTreeSet<String>,
}

struct Route {
    endpoint: Endpoint,
    /// The route's segments; `None` for a path parameter.
    segments: Vec<Option<String>>,
    /// The success body, made once.
    body: Option<Value>,
    /// The patterns of its path, query and body, each compiled once (on first use).
    patterns: BTreeMap<String, Pattern>,
}

/// A request, as the server read it.
#[derive(Debug, Default)]
pub struct Request<'a> {
    /// `GET`, `POST`, ...
    pub method: &'a str,
    /// The path, without the query.
    pub path: &'a str,
    /// The query string, without `?`.
    pub query: Option<&'a str>,
    /// The `Authorization` header.
    pub authorization: Option<&'a str>,
    /// The `Content-Type` header.
    pub content_type: Option<&'a str>,
    /// The `Prefer` header.
    pub prefer: Option<&'a str>,
    /// The body.
    pub body: &'a [u8],
}

/// The answer: a status and a JSON body, or none.
#[derive(Debug, PartialEq)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The body; `None` for no body (204, or a contract without one).
    pub body: Option<Value>,
}

impl Mock {
    /// A mock of every endpoint of `contracts`.
    pub fn new(contracts: &[Contract]) -> Mock {
        let types: Vec<NamedType> = contracts.iter().flat_map(|c| c.types.clone()).collect();
        let routes = contracts
            .iter()
            .flat_map(|c| c.endpoints.iter())
            .map(|endpoint| {
                let segments = endpoint
                    .route
                    .split('/')
                    .skip(1)
                    .map(|s| (!s.starts_with('{')).then(|| s.to_string()))
                    .collect();
                // The issue's own example when it writes one, else samples by type and name.
                let example = endpoint
                    .response
                    .example
                    .as_deref()
                    .and_then(|text| serde_json::from_str(text).ok());
                let body = endpoint.response.body.as_ref().map(|ty| {
                    example
                        .clone()
                        .unwrap_or_else(|| samples::to_value(&Samples::new(&types).value(ty, "")))
                });
                let mut patterns = BTreeMap::new();
                let inputs = (endpoint.path_params.iter().map(|p| &p.ty))
                    .chain(endpoint.query.iter().map(|f| &f.ty))
                    .chain(&endpoint.request);
                for ty in inputs {
                    collect_patterns(ty, &mut patterns, 0);
                }
                Route {
                    endpoint: endpoint.clone(),
                    segments,
                    body,
                    patterns,
                }
            })
            .collect();
        Mock {
            routes,
            types,
            token: None,
            deleted: BTreeSet::new(),
        }
    }

    /// The mock accepting only `token` as a bearer token: any other gets the contract's 401, so
    /// clients can try what happens then.
    pub fn with_token(mut self, token: Option<String>) -> Mock {
        self.token = token;
        self
    }

    /// How many endpoints it serves.
    pub fn endpoints(&self) -> usize {
        self.routes.len()
    }

    /// The answer to `request`.
    pub fn answer(&mut self, request: &Request<'_>) -> Response {
        let segments: Vec<&str> = request.path.split('/').skip(1).collect();
        let on_path: Vec<&Route> = self
            .routes
            .iter()
            .filter(|route| matches(&route.segments, &segments))
            .collect();
        if on_path.is_empty() {
            return error(404, "Not found", None);
        }
        let method = Method::parse(&request.method.to_ascii_uppercase());
        let Some(route) = on_path
            .iter()
            .find(|route| Some(route.endpoint.method) == method)
        else {
            return error(405, "Method not allowed", None);
        };
        let gone = self
            .deleted
            .iter()
            .any(|d| request.path == d || request.path.starts_with(&format!("{d}/")));
        let response = route.answer(request, &self.types, self.token.as_deref(), gone);
        if (200..300).contains(&response.status) {
            match route.endpoint.method {
                Method::Delete if route.segments.last().is_some_and(Option::is_none) => {
                    self.deleted.insert(request.path.to_string());
                }
                Method::Post => {
                    let collection = format!("{}/", request.path.trim_end_matches('/'));
                    self.deleted.retain(|d| !d.starts_with(&collection));
                }
                _ => {}
            }
        }
        response
    }

    /// The methods served on `path`, for a CORS preflight.
    pub fn methods(&self, path: &str) -> Vec<&'static str> {
        let segments: Vec<&str> = path.split('/').skip(1).collect();
        self.routes
            .iter()
            .filter(|route| matches(&route.segments, &segments))
            .map(|route| route.endpoint.method.as_str())
            .collect()
    }
}

fn matches(route: &[Option<String>], path: &[&str]) -> bool {
    route.len() == path.len()
        && route
            .iter()
            .zip(path)
            .all(|(segment, given)| match segment {
                Some(literal) => literal == given,
                None => !given.is_empty(),
            })
}

impl Route {
    fn answer(
        &self,
        request: &Request<'_>,
        types: &[NamedType],
        token: Option<&str>,
        gone: bool,
    ) -> Response {
        let endpoint = &self.endpoint;
        if let Some(auth) = auth_error(endpoint) {
            let detail = match request.authorization.map(bearer) {
                None => Some("Missing `Authorization: Bearer <token>` header"),
                Some(None) => Some("Malformed `Authorization` header: expected `Bearer <token>`"),
                Some(Some(given)) if token.is_some_and(|t| t != given) => {
                    Some("This bearer token is not the one the mock was started with")
                }
                Some(Some(_)) => None,
            };
            if let Some(detail) = detail {
                return error(auth.status, &auth.message, Some(detail.to_string()));
            }
        }
        if gone {
            let message = endpoint
                .error(404)
                .map_or("Not found", |e| e.message.as_str());
            return error(404, message, Some("deleted earlier".to_string()));
        }
        if let Some(code) = request.prefer.and_then(preferred_code)
            && let Some(answer) = self.preferred(code)
        {
            return answer;
        }
        if let Some(input) = input_error(endpoint)
            && let Err(detail) = self.read_input(request, types)
        {
            return error(input.status, &input.message, Some(detail));
        }
        Response {
            status: endpoint.response.status,
            body: self.body.clone(),
        }
    }

    /// The answer `Prefer: code=<code>` asks for: an error status of the contract with its
    /// message, the success answer for the success status, a 400 naming the statuses there are.
    fn preferred(&self, code: u16) -> Option<Response> {
        let endpoint = &self.endpoint;
        if code == endpoint.response.status {
            return None;
        }
        if let Some(declared) = endpoint.error(code) {
            return Some(error(declared.status, &declared.message, None));
        }
        let mut statuses: BTreeSet<u16> = endpoint.errors.iter().map(|e| e.status).collect();
        statuses.insert(endpoint.response.status);
        let listed: Vec<String> = statuses.iter().map(u16::to_string).collect();
        Some(error(
            400,
            "Prefer asks for a status the contract does not give",
            Some(format!(
                "`Prefer: code={code}`: {} {} answers {}",
                endpoint.method,
                endpoint.path,
                listed.join(", ")
            )),
        ))
    }

    /// Checks the query and the body as the generated handler reads them; why not, when not.
    fn read_input(&self, request: &Request<'_>, types: &[NamedType]) -> Result<(), String> {
        let endpoint = &self.endpoint;
        let query = parse_query(request.query.unwrap_or(""));
        for param in &endpoint.query {
            match query.get(param.name.as_str()) {
                None if param.optional || matches!(param.ty, Type::Nullable { .. }) => {}
                None => return Err(format!("missing query parameter `{}`", param.name)),
                Some(value) => check_query(&param.ty, value)
                    .map_err(|why| format!("query parameter `{}`: {why}", param.name))?,
            }
        }
        let mut rules = Rules {
            patterns: &self.patterns,
            out: Violations::new(),
        };
        // The path parameters, decoded as the handler's `Path` decodes them.
        let values = request.path.split('/').skip(1);
        let params = self
            .segments
            .iter()
            .zip(values)
            .filter(|(s, _)| s.is_none());
        let at = At::Path;
        for (param, (_, value)) in endpoint.path_params.iter().zip(params) {
            let value = percent_encoding::percent_decode_str(value).decode_utf8_lossy();
            rules.text(&param.ty, &value, &at.field(&param.name));
        }
        let at = At::Query;
        for param in &endpoint.query {
            if let Some(value) = query.get(param.name.as_str()) {
                rules.text(&param.ty, value, &at.field(&param.name));
            }
        }
        let Some(body_type) = &endpoint.request else {
            return rules.out.into_result().map_err(|v| v.to_string());
        };
        let json = request
            .content_type
            .and_then(|c| c.split(';').next())
            .is_some_and(|c| {
                let c = c.trim();
                c.eq_ignore_ascii_case("application/json")
                    || (c.starts_with("application/") && c.ends_with("+json"))
            });
        if !json {
            return Err("Expected request with `Content-Type: application/json`".to_string());
        }
        let value: Value = serde_json::from_slice(request.body)
            .map_err(|e| format!("Failed to parse the request body as JSON: {e}"))?;
        Checker { types }.check(body_type, &value, "", 0)?;
        rules.value(body_type, &value, &At::Body, 0);
        rules.out.into_result().map_err(|v| v.to_string())
    }
}

/// The token of `Bearer <token>`.
fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty()).then_some(token)
}

/// `409` from `code=409` (RFC 7240's preference, as Prism reads it).
fn preferred_code(prefer: &str) -> Option<u16> {
    prefer.split([',', ';']).find_map(|part| {
        let (key, value) = part.trim().split_once('=')?;
        (key.trim() == "code")
            .then(|| value.trim().trim_matches('"').parse().ok())
            .flatten()
    })
}

/// The query's parameters, decoded as a form (`+` as a space), the first of each name.
fn parse_query(query: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        out.entry(key.into_owned())
            .or_insert_with(|| value.into_owned());
    }
    out
}

/// Whether a query value reads as `ty`, as serde reads a query string.
fn check_query(ty: &Type, value: &str) -> Result<(), String> {
    match ty {
        Type::Nullable { inner } => check_query(inner, value),
        Type::Integer { .. } => value
            .parse::<i64>()
            .map(drop)
            .map_err(|_| format!("`{value}` is not an integer")),
        Type::Number { .. } => value
            .parse::<f64>()
            .map(drop)
            .map_err(|_| format!("`{value}` is not a number")),
        Type::Boolean => match value {
            "true" | "false" => Ok(()),
            _ => Err(format!("`{value}` is not `true` or `false`")),
        },
        Type::Enum { values } if !values.iter().any(|v| v == value) => {
            Err(format!("`{value}` is not one of {}", values.join(", ")))
        }
        _ => Ok(()),
    }
}

fn error(status: u16, message: &str, detail: Option<String>) -> Response {
    let mut error = json!({ "status": status, "message": message });
    if let Some(detail) = detail {
        error["detail"] = Value::String(detail);
    }
    Response {
        status,
        body: Some(json!({ "success": false, "error": error })),
    }
}

#[cfg(test)]
mod tests {
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
}
