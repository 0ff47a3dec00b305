//! `tests/endpoints/support/`: what the generated tests share, so each test is a few lines: a
//! request builder, sending a request to the app in-process and the check of the JSON error body
//! (`mod.rs`), and a request each operation's contract accepts (`<operation>.rs`).
//!
//! Tests drive the router with `tower::ServiceExt::oneshot`, with no server and no socket, and
//! read bodies with `axum::body::to_bytes`: the only dependency tests add is `tower` (with its
//! `util` feature), which axum builds anyway.

use proc_macro2::TokenStream;
use quote::quote;

use super::file_name;
use super::samples::{self, Sample, TOKEN, json_value};
use super::test_cases::{OpTests, valid_body};
use super::test_contract::method_tokens;
use crate::codegen::tokens::ident;
use crate::codegen::{doc_attrs, inner_doc_attrs};
use crate::model::Endpoint;

/// The dev-dependency the generated tests need beyond the crate's own dependencies, as a line of
/// `Cargo.toml`.
pub const DEV_DEPENDENCY: &str =
    r#"tower = { version = "0.5", default-features = false, features = ["util"] }"#;

/// Put after the module's doc comment: a crate's tests may use only a part of the module.
pub const ALLOW_UNUSED: &str = "#![allow(dead_code)]";

/// The support module (to be followed by [`ALLOW_UNUSED`]), declaring a module per operation (`operations` are their module names).
pub fn support_module(operations: &[String]) -> TokenStream {
    let docs = inner_doc_attrs(&format!(
        "What the generated tests share: [`TestRequest`] to build a request and send it to the \
         app in-process, [`TestResponse`] to check the answer, and [`with`] and [`without`] to \
         break a valid JSON body in one place. Each operation's module holds a request its \
         contract accepts.\n\n\
         Not every crate's tests use every part of it (no JSON body, no bearer token), so unused \
         items are allowed here. The bearer token tests send is `{TOKEN}`: the handler \
         only checks that there is one; whether it is valid is the service's business."
    ));
    let mods = operations.iter().map(|m| {
        let m = ident(m);
        quote!(pub mod #m;)
    });
    let request = test_request();
    let response = test_response();
    let body = body_helpers();
    quote! {
        #docs
        #(#mods)*

        use axum::Router;
        use axum::body::{Body, to_bytes};
        use axum::http::{Method, Request, StatusCode, header};
        use serde_json::Value;
        use tower::ServiceExt;

        #request
        #response
        #body
    }
}

fn test_request() -> TokenStream {
    quote! {
        /// A request for the app, built from a valid one by changing one thing at a time.
        #[derive(Clone, Debug)]
        pub struct TestRequest {
            method: Method,
            path: String,
            query: Vec<(String, String)>,
            authorization: Option<String>,
            content_type: Option<String>,
            body: String,
        }

        impl TestRequest {
            /// A request without query, headers or body.
            pub fn new(method: Method, path: &str) -> Self {
                Self {
                    method,
                    path: path.to_owned(),
                    query: Vec::new(),
                    authorization: None,
                    content_type: None,
                    body: String::new(),
                }
            }

            /// The same request with another method.
            pub fn method(mut self, method: Method) -> Self {
                self.method = method;
                self
            }

            /// The same request to another path, percent-encoded as it goes on the wire.
            pub fn path(mut self, path: &str) -> Self {
                self.path = path.to_owned();
                self
            }

            /// Sets a query parameter, replacing one of the same name.
            pub fn query(mut self, name: &str, value: &str) -> Self {
                self.query.retain(|(n, _)| n != name);
                self.query.push((name.to_owned(), value.to_owned()));
                self
            }

            /// Leaves a query parameter out.
            pub fn without_query(mut self, name: &str) -> Self {
                self.query.retain(|(n, _)| n != name);
                self
            }

            /// Sends `Authorization: Bearer <token>`.
            pub fn bearer(self, token: &str) -> Self {
                self.authorization(&format!("Bearer {token}"))
            }

            /// Sends `Authorization` with any value, well-formed or not.
            pub fn authorization(mut self, value: &str) -> Self {
                self.authorization = Some(value.to_owned());
                self
            }

            /// Sends no `Authorization` header.
            pub fn without_authorization(mut self) -> Self {
                self.authorization = None;
                self
            }

            /// Sends `body` as JSON, with `Content-Type: application/json`.
            pub fn json(self, body: &Value) -> Self {
                self.json_text(&body.to_string())
            }

            /// Sends `text` as the body, declared as JSON whether it is JSON or not.
            pub fn json_text(mut self, text: &str) -> Self {
                self.content_type = Some("application/json".to_owned());
                self.body = text.to_owned();
                self
            }

            /// Keeps the body but sends no `Content-Type`.
            pub fn without_content_type(mut self) -> Self {
                self.content_type = None;
                self
            }

            /// Sends the request to `app` in-process and reads the whole answer. `app` is
            /// cloned, so requests sent to one app share its state.
            pub async fn send(self, app: &Router) -> TestResponse {
                let response = match app.clone().oneshot(self.into_request()).await {
                    Ok(response) => response,
                    Err(never) => match never {},
                };
                let status = response.status();
                let body = to_bytes(response.into_body(), usize::MAX)
                    .await
                    .expect("the response body can be read");
                TestResponse {
                    status,
                    text: String::from_utf8_lossy(&body).into_owned(),
                }
            }

            fn into_request(self) -> Request<Body> {
                let mut uri = self.path;
                for (i, (name, value)) in self.query.iter().enumerate() {
                    uri.push(if i == 0 { '?' } else { '&' });
                    uri.push_str(&percent_encode(name));
                    uri.push('=');
                    uri.push_str(&percent_encode(value));
                }
                let mut request = Request::builder().method(self.method).uri(uri);
                if let Some(value) = &self.authorization {
                    request = request.header(header::AUTHORIZATION, value);
                }
                if let Some(value) = &self.content_type {
                    request = request.header(header::CONTENT_TYPE, value);
                }
                request
                    .body(Body::from(self.body))
                    .expect("the test builds a valid request")
            }
        }

        /// Percent-encodes all but RFC 3986's unreserved characters, for the query string.
        fn percent_encode(text: &str) -> String {
            let mut out = String::with_capacity(text.len());
            for byte in text.bytes() {
                if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                    out.push(char::from(byte));
                } else {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            out
        }
    }
}

fn test_response() -> TokenStream {
    quote! {
        /// The app's answer: its status, and its body as text.
        #[derive(Clone, Debug)]
        pub struct TestResponse {
            pub status: StatusCode,
            pub text: String,
        }

        impl TestResponse {
            /// The body as JSON; fails the test if it is not JSON.
            pub fn json(&self) -> Value {
                // A `match` rather than a closure: formatters disagree on braces around a closure.
                match serde_json::from_str(&self.text) {
                    Ok(json) => json,
                    Err(error) => panic!("the body is not JSON ({error}): {}", self.text),
                }
            }

            /// Fails the test unless the status is `status`.
            pub fn assert_status(&self, status: StatusCode) {
                assert_eq!(self.status, status, "the body: {}", self.text);
            }

            /// Fails the test unless the answer is `status` with the JSON error body and the
            /// contract's `message`:
            /// `{"success": false, "error": {"status": 409, "message": "...", "detail": "..."}}`.
            /// The `detail` says what was wrong and is not checked.
            pub fn assert_error(&self, status: StatusCode, message: &str) {
                self.assert_status(status);
                let body = self.json();
                assert_eq!(body["success"], false, "the body: {body}");
                let error = &body["error"];
                assert_eq!(error["status"], status.as_u16(), "the body: {body}");
                assert_eq!(error["message"], message, "the body: {body}");
            }

            /// [`Self::assert_error`], and the `detail` names `place` (`title`, `tags[0]`,
            /// `query parameter limit`): the request broke a rule of the contract there.
            pub fn assert_error_at(&self, status: StatusCode, message: &str, place: &str) {
                self.assert_error(status, message);
                assert!(
                    self.refuses_at(place),
                    "the detail does not name `{place}`: {}",
                    self.text
                );
            }

            /// Fails the test if the answer is `status` with a `detail` that names `place`: the
            /// value there passed the contract's rules, whatever the service answered then.
            pub fn assert_accepted_at(&self, status: StatusCode, place: &str) {
                assert!(
                    self.status != status || !self.refuses_at(place),
                    "`{place}` was refused: {}",
                    self.text
                );
            }

            /// Whether the error body's `detail` lists a broken rule at `place`: the handler
            /// lists each as `place: what was expected`, separated by `; `.
            fn refuses_at(&self, place: &str) -> bool {
                let body = self.json();
                let detail = body["error"]["detail"].as_str().unwrap_or_default();
                let prefix = format!("{place}: ");
                detail.split("; ").any(|rule| rule.starts_with(&prefix))
            }
        }
    }
}

fn body_helpers() -> TokenStream {
    quote! {
        /// `body` with `value` at `pointer`, a JSON pointer such as `/items/0/sku`: replaced, or
        /// added to the object there.
        pub fn with(mut body: Value, pointer: &str, value: Value) -> Value {
            let (parent, key) = split_pointer(pointer);
            match body.pointer_mut(parent) {
                Some(Value::Object(fields)) => {
                    fields.insert(key, value);
                }
                Some(Value::Array(items)) => {
                    let index: usize = key.parse().expect("an array index");
                    items[index] = value;
                }
                _ => panic!("no object or array at `{parent}` in the body"),
            }
            body
        }

        /// `body` without the value at `pointer`, a JSON pointer such as `/items/0/sku`.
        pub fn without(mut body: Value, pointer: &str) -> Value {
            let (parent, key) = split_pointer(pointer);
            match body.pointer_mut(parent) {
                Some(Value::Object(fields)) => {
                    fields.remove(&key);
                }
                Some(Value::Array(items)) => {
                    let index: usize = key.parse().expect("an array index");
                    items.remove(index);
                }
                _ => panic!("no object or array at `{parent}` in the body"),
            }
            body
        }

        /// The pointer to the parent, and the last key unescaped (`~1` is `/`, `~0` is `~`).
        fn split_pointer(pointer: &str) -> (&str, String) {
            let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
            (parent, key.replace("~1", "/").replace("~0", "~"))
        }
    }
}

/// `support/<operation>.rs`: a request the contract accepts.
pub(super) fn support_file(ctx: &OpTests<'_>) -> (TokenStream, Vec<Sample>) {
    let endpoint = ctx.endpoint;
    let signature = ctx.signature();
    let docs = inner_doc_attrs(&format!(
        "{signature}, from `{}`: a request its contract accepts, for tests to send as it is or \
         to break in one place.",
        file_name(ctx.contract)
    ));
    let method = method_tokens(endpoint.method);
    let path = samples::path(endpoint);
    let token = endpoint.auth.then(|| quote!(.bearer(#TOKEN)));
    let query = endpoint.query.iter().map(|param| {
        let name = &param.name;
        let value = samples::query_value(&param.ty, &param.name);
        quote!(.query(#name, #value))
    });
    let build = quote!(TestRequest::new(#method, #path) #token #(#query)*);
    let mut samples = Vec::new();
    let (serde, items) = match valid_body(ctx.contract, endpoint) {
        Some(body) => {
            let mut uses_macro = false;
            let body = json_value(body, &mut samples, &mut uses_macro);
            let request_doc = doc_attrs(&format!(
                "{signature}{}, without a body.",
                valid_parts(endpoint)
            ));
            let items = quote! {
                #request_doc
                pub fn request() -> TestRequest {
                    #build
                }

                /// A body the contract accepts, with every field, optional ones too.
                pub fn valid_body() -> Value {
                    #body
                }

                /// A request the contract accepts: [`request`] with [`valid_body`].
                pub fn valid_request() -> TestRequest {
                    request().json(&valid_body())
                }
            };
            let serde = if uses_macro {
                quote!(
                    use serde_json::{Value, json};
                )
            } else {
                quote!(
                    use serde_json::Value;
                )
            };
            (Some(serde), items)
        }
        None => {
            let doc = doc_attrs(&format!(
                "A request the contract accepts: {signature}{}.",
                valid_parts(endpoint)
            ));
            let items = quote! {
                #doc
                pub fn valid_request() -> TestRequest {
                    #build
                }
            };
            (None, items)
        }
    };
    let tokens = quote! {
        #docs
        use axum::http::Method;
        #serde

        use super::TestRequest;

        #items
    };
    (tokens, samples)
}

/// What a valid request carries besides its body, for a doc comment.
fn valid_parts(endpoint: &Endpoint) -> String {
    let mut parts = Vec::new();
    if endpoint.auth {
        parts.push("a bearer token");
    }
    if !endpoint.path_params.is_empty() {
        parts.push("sample path parameters");
    }
    if !endpoint.query.is_empty() {
        parts.push("every query parameter");
    }
    match parts.as_slice() {
        [] => String::new(),
        [one] => format!(" with {one}"),
        [init @ .., last] => format!(" with {} and {last}", init.join(", ")),
    }
}
