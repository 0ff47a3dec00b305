//! What `verify` sends a running service, and what it makes of the answers. Pure: the command
//! line owns the sockets.
//!
//! For every endpoint the plan holds
//!
//! - the requests the generated tests send (from the one planner,
//!   [`crate::expand::test_cases`]): a valid request broken in one place, each with the status,
//!   the message and, for a rule of a value, the place the contract says the refusal names;
//! - one valid request, whose answer must have the success status and a body of the contract's
//!   type, formats and bounds kept;
//! - what needs state, listed and not sent: the skeletons' statuses and business rules.
//!
//! Each case points at the line of the issue that states the rule it checks: the field, the
//! error status, or the endpoint.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use serde_json::Value;

use crate::conform::{Checker, Rules, collect_patterns};
use crate::expand::samples;
use crate::expand::test_cases::{
    Change, Check, DerivedTest, Expect as SkeletonExpect, Need, endpoint_tests, served_methods,
    served_on, valid_body,
};
use crate::model::{Contract, Endpoint, Field, Method, NamedType, Type};
use crate::source::LineCol;

/// Every case for every endpoint of a set of contracts.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The endpoints, in the order of the issues and their contracts.
    pub endpoints: Vec<EndpointPlan>,
    /// The named types of every issue, which bodies may refer to.
    pub types: Vec<NamedType>,
}

/// One endpoint's cases.
#[derive(Clone, Debug)]
pub struct EndpointPlan {
    /// `POST /api/todos`.
    pub signature: String,
    /// The issue it comes from.
    pub file: PathBuf,
    /// Where its endpoint line is.
    pub at: LineCol,
    /// Its cases: the derived ones, the valid request, then what is not exercised.
    pub cases: Vec<Case>,
}

/// One request and what the contract expects of its answer; or what is not sent, and why.
#[derive(Clone, Debug)]
pub struct Case {
    /// The generated test's name (`create_todo_400_missing_title`), or `<operation>_valid`.
    pub name: String,
    /// What the case is.
    pub kind: Kind,
    /// The request.
    pub request: Request,
    /// The one thing changed from a valid request, in words; empty for the valid one.
    pub change: String,
    /// What the answer must show.
    pub expect: Expect,
    /// The rule checked, in words, and the line of the issue that states it.
    pub rule: Rule,
}

/// What a case is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A request the contract alone decides the answer to.
    Derived,
    /// The valid request, which must succeed.
    Valid,
    /// Not sent: the answer depends on state the plan cannot arrange.
    NotExercised(String),
}

/// A request to send, relative to the service's base URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// `GET`, `POST`, ...
    pub method: &'static str,
    /// The route, its parameters in braces (`/api/todos/{id}`).
    pub route: String,
    /// Each path parameter's value, percent-encoded, in the route's order.
    pub params: Vec<String>,
    /// The whole path to send instead of the route, when the case breaks a path parameter.
    pub path: Option<String>,
    /// The query, in order, not yet encoded.
    pub query: Vec<(String, String)>,
    /// The `Authorization` header.
    pub authorization: Option<String>,
    /// The `Content-Type` header.
    pub content_type: Option<&'static str>,
    /// The body, made when it is sent ([`Request::body`]): a plan of many cases over a large
    /// body holds that body once.
    body: Option<Body>,
}

/// A request's body: text, or the valid body with one value changed.
#[derive(Clone, Debug, PartialEq)]
enum Body {
    Text(Arc<str>),
    Json(Arc<Value>),
    Without {
        valid: Arc<Value>,
        pointer: String,
    },
    With {
        valid: Arc<Value>,
        pointer: String,
        value: Value,
    },
}

/// What the answer to a case must show.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    /// This status, and, where the answer is the documented error body, this message; with
    /// `place`, a detail that names it.
    Refused {
        /// The status, 400..=599.
        status: u16,
        /// The message of the error body.
        message: String,
        /// The place the detail names (`title`, `query parameter limit`).
        place: Option<String>,
    },
    /// Not this status with a detail that names `place`: the value there keeps the rule.
    AcceptedAt {
        /// The contract's input status.
        status: u16,
        /// The place.
        place: String,
    },
    /// The success status, and a body of this type.
    Success {
        /// The contract's success status.
        status: u16,
        /// The body's type; `None` when the contract gives none.
        body: Option<Type>,
    },
}

/// A rule of the contract, in words, and where the issue states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// `the field `title``, `error 409`, `the endpoint`.
    pub what: String,
    /// Its line and column in the issue.
    pub at: LineCol,
}

/// What an answer shows against its case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The answer is what the contract says; with a note when only part of it could be checked.
    Pass(Option<String>),
    /// It is not.
    Fail(Fault),
    /// The case could not be judged: why (a sample id the service does not know).
    NotExercised(String),
}

/// Why an answer fails its case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// What the answer shows against the case.
    pub why: String,
    /// The rule the answer breaks, where the answer points at one more precisely than the case
    /// (a field of the success body).
    pub rule: Option<Rule>,
}

impl Verdict {
    /// A failure for `why`, of the case's own rule.
    pub fn fail(why: impl Into<String>) -> Verdict {
        Verdict::Fail(Fault {
            why: why.into(),
            rule: None,
        })
    }
}

/// The plan for `contracts`, sending `token` where a bearer token is needed.
pub fn plan(contracts: &[Contract], token: &str) -> Plan {
    let types: Vec<NamedType> = contracts.iter().flat_map(|c| c.types.clone()).collect();
    let served = served_methods(contracts.iter().flat_map(|c| &c.endpoints));
    let endpoints = contracts
        .iter()
        .flat_map(|contract| contract.endpoints.iter().map(move |e| (contract, e)))
        .map(|(contract, endpoint)| {
            endpoint_plan(contract, endpoint, &served_on(&served, endpoint), token)
        })
        .collect();
    Plan { endpoints, types }
}

fn endpoint_plan(
    contract: &Contract,
    endpoint: &Endpoint,
    served: &BTreeSet<Method>,
    token: &str,
) -> EndpointPlan {
    let tests = endpoint_tests(contract, endpoint, served);
    let valid = valid_request(contract, endpoint, token);
    let mut index = FieldIndex::default();
    let mut cases: Vec<Case> = tests
        .derived
        .iter()
        .map(|test| derived_case(contract, endpoint, test, &valid, &mut index))
        .collect();
    // HTTP gives a body to a GET or a DELETE no meaning, and clients send none: a contract that
    // asks for one (an API document's parameter table read as a body, most often) cannot be
    // met by a request `verify` sends.
    let takes_body = matches!(endpoint.method, Method::Post | Method::Put | Method::Patch);
    let kind = match endpoint.request.is_some() && !takes_body {
        true => Kind::NotExercised(format!(
            "the contract gives a {} a request body, which HTTP clients do not send",
            endpoint.method
        )),
        false => Kind::Valid,
    };
    cases.push(Case {
        name: format!("{}_valid", endpoint.name),
        kind,
        request: valid.clone(),
        change: String::new(),
        expect: Expect::Success {
            status: endpoint.response.status,
            body: endpoint.response.body.clone(),
        },
        rule: Rule {
            what: "the endpoint's success answer".to_string(),
            at: endpoint.at,
        },
    });
    for skeleton in &tests.skeletons {
        let (reason, rule) = match &skeleton.need {
            // The valid request above is the success case.
            Need::Success => continue,
            Need::Status => {
                let SkeletonExpect::Error { status, message } = &skeleton.expect else {
                    continue;
                };
                let at = error_at(endpoint, *status).unwrap_or(endpoint.at);
                (
                    format!("needs state: arrange what answers {status} \"{message}\""),
                    Rule {
                        what: format!("error {status}"),
                        at,
                    },
                )
            }
            Need::Rule { text, at } => (
                format!("business rule: {text}"),
                Rule {
                    what: "a business rule".to_string(),
                    at: *at,
                },
            ),
        };
        let expect = match &skeleton.expect {
            SkeletonExpect::Error { status, message } => Expect::Refused {
                status: *status,
                message: message.clone(),
                place: None,
            },
            SkeletonExpect::Success { status, .. } => Expect::Success {
                status: *status,
                body: endpoint.response.body.clone(),
            },
        };
        cases.push(Case {
            name: skeleton.name.clone(),
            kind: Kind::NotExercised(reason),
            request: valid.clone(),
            change: String::new(),
            expect,
            rule,
        });
    }
    EndpointPlan {
        signature: format!("{} {}", endpoint.method, endpoint.path),
        file: contract.file.clone(),
        at: endpoint.at,
        cases,
    }
}

/// The request the contract accepts: sample path parameters, every query parameter, the token
/// where one is needed, and a body with every field.
fn valid_request(contract: &Contract, endpoint: &Endpoint, token: &str) -> Request {
    let params = endpoint
        .path_params
        .iter()
        .map(|param| samples::percent_encode(&samples::query_value(&param.ty, &param.name)))
        .collect();
    let query = endpoint
        .query
        .iter()
        .map(|param| {
            (
                param.name.clone(),
                samples::query_value(&param.ty, &param.name),
            )
        })
        .collect();
    let body = valid_body(contract, endpoint)
        .map(|sample| Body::Json(Arc::new(samples::to_value(&sample))));
    Request {
        method: endpoint.method.as_str(),
        route: endpoint.route.clone(),
        params,
        path: None,
        query,
        authorization: endpoint.auth.then(|| format!("Bearer {token}")),
        content_type: body.is_some().then_some("application/json"),
        body,
    }
}

fn derived_case<'a>(
    contract: &'a Contract,
    endpoint: &'a Endpoint,
    test: &DerivedTest,
    valid: &Request,
    index: &mut FieldIndex<'a>,
) -> Case {
    let (request, change) = changed(valid, &test.change);
    let expect = match &test.check {
        Check::Refused => Expect::Refused {
            status: test.status,
            message: test.message.clone(),
            place: None,
        },
        Check::RefusedAt(place) => Expect::Refused {
            status: test.status,
            message: test.message.clone(),
            place: Some(place.clone()),
        },
        Check::AcceptedAt(place) => Expect::AcceptedAt {
            status: test.status,
            place: place.clone(),
        },
    };
    Case {
        name: test.name.clone(),
        kind: Kind::Derived,
        request,
        change,
        expect,
        rule: rule_of(contract, endpoint, test, index),
    }
}

/// `valid` broken as `change` says, and the change in words.
fn changed(valid: &Request, change: &Change) -> (Request, String) {
    let mut request = valid.clone();
    let body = || match &valid.body {
        Some(Body::Json(value)) => Arc::clone(value),
        _ => Arc::new(Value::Null),
    };
    let words = match change {
        Change::MalformedJson => {
            request.body = Some(Body::Text("{".into()));
            request.content_type = Some("application/json");
            "a body that is not JSON (`{`)".to_string()
        }
        Change::NoContentType => {
            request.content_type = None;
            "no `Content-Type` header".to_string()
        }
        Change::BodyWithout { pointer } => {
            request.body = Some(Body::Without {
                valid: body(),
                pointer: pointer.clone(),
            });
            format!("the body without `{}`", pointer_words(pointer))
        }
        Change::BodyWith { pointer, value } => {
            let value = samples::to_value(value);
            let words = format!("`{}` set to {value}", pointer_words(pointer));
            request.body = Some(Body::With {
                valid: body(),
                pointer: pointer.clone(),
                value,
            });
            format!("the body with {words}")
        }
        Change::Body(value) => {
            let value = samples::to_value(value);
            let words = format!("a body of {value}");
            request.body = Some(Body::Text(value.to_string().into()));
            words
        }
        Change::QueryWithout { name } => {
            request.query.retain(|(n, _)| n != name);
            format!("no query parameter `{name}`")
        }
        Change::Query { name, value } => {
            request.query.retain(|(n, _)| n != name);
            request.query.push((name.clone(), value.clone()));
            format!("the query parameter `{name}={value}`")
        }
        Change::Path { path } => {
            request.path = Some(path.clone());
            format!("the path `{path}`")
        }
        Change::NoToken => {
            request.authorization = None;
            "no `Authorization` header".to_string()
        }
        Change::Authorization(value) => {
            request.authorization = Some(value.clone());
            format!("`Authorization: {value}`")
        }
        Change::Method(method) => {
            request.method = method.as_str();
            format!("the method {method}")
        }
    };
    (request, words)
}

/// A JSON pointer as a person reads it: `/items/0/sku` is `items[0].sku`.
fn pointer_words(pointer: &str) -> String {
    let mut out = String::new();
    for part in pointer.split('/').skip(1) {
        let part = part.replace("~1", "/").replace("~0", "~");
        if part.bytes().all(|b| b.is_ascii_digit()) && !part.is_empty() {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&part);
        }
    }
    out
}

/// The parent pointer and the last key, unescaped.
fn split_pointer(pointer: &str) -> (&str, String) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    (parent, key.replace("~1", "/").replace("~0", "~"))
}

/// `body` with `value` at `pointer`: replaced, or added to the object there.
fn with(mut body: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = split_pointer(pointer);
    match body.pointer_mut(parent) {
        Some(Value::Object(fields)) => {
            fields.insert(key, value);
        }
        Some(Value::Array(items)) => {
            if let Some(item) = key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                *item = value;
            }
        }
        _ => {}
    }
    body
}

/// `body` without the value at `pointer`.
fn without(mut body: Value, pointer: &str) -> Value {
    let (parent, key) = split_pointer(pointer);
    match body.pointer_mut(parent) {
        Some(Value::Object(fields)) => {
            fields.remove(&key);
        }
        Some(Value::Array(items)) => {
            if let Some(index) = key.parse::<usize>().ok().filter(|i| *i < items.len()) {
                items.remove(index);
            }
        }
        _ => {}
    }
    body
}

/// The rule a derived test checks: the field it breaks, else the error status it expects, else
/// the endpoint.
fn rule_of<'a>(
    contract: &'a Contract,
    endpoint: &'a Endpoint,
    test: &DerivedTest,
    index: &mut FieldIndex<'a>,
) -> Rule {
    let field = match &test.change {
        Change::BodyWithout { pointer } | Change::BodyWith { pointer, .. } => endpoint
            .request
            .as_ref()
            .and_then(|body| field_at(body, pointer, &contract.types, index)),
        Change::Query { name, .. } | Change::QueryWithout { name } => {
            index.get(&endpoint.query, name)
        }
        _ => None,
    };
    if let Some(field) = field {
        return Rule {
            what: format!("the field `{}`", field.name),
            at: field.at,
        };
    }
    match error_at(endpoint, test.status) {
        Some(at) => Rule {
            what: format!("error {}", test.status),
            at,
        },
        None => Rule {
            what: "the endpoint".to_string(),
            at: endpoint.at,
        },
    }
}

/// The fields of each object looked into, by name, made the first time: a body of many fields
/// gets a case per field, and each looks its field up.
#[derive(Default)]
struct FieldIndex<'a>(HashMap<*const Field, HashMap<&'a str, &'a Field>>);

impl<'a> FieldIndex<'a> {
    fn get(&mut self, fields: &'a [Field], name: &str) -> Option<&'a Field> {
        self.0
            .entry(fields.as_ptr())
            .or_insert_with(|| fields.iter().map(|f| (f.name.as_str(), f)).collect())
            .get(name)
            .copied()
    }
}

/// The field a JSON pointer into a body of type `ty` ends at.
fn field_at<'a>(
    ty: &'a Type,
    pointer: &str,
    types: &'a [NamedType],
    index: &mut FieldIndex<'a>,
) -> Option<&'a Field> {
    let mut ty = ty;
    let mut found = None;
    for part in pointer.split('/').skip(1) {
        match through(ty, types)? {
            // An index into an array: the next part is its item's.
            Type::Array { items, .. } => ty = items,
            Type::Object { fields } => {
                let name = part.replace("~1", "/").replace("~0", "~");
                let field = index.get(fields, &name)?;
                found = Some(field);
                ty = &field.ty;
            }
            _ => return found,
        }
    }
    found
}

/// `ty` with nullables and named types gone through.
fn through<'a>(mut ty: &'a Type, types: &'a [NamedType]) -> Option<&'a Type> {
    for _ in 0..crate::parse::MAX_NESTING {
        ty = match ty {
            Type::Nullable { inner } => inner,
            Type::Ref { name } => NamedType::definition_of(types, name)?,
            _ => return Some(ty),
        };
    }
    None
}

/// Where the issue lists `status` for `endpoint`.
fn error_at(endpoint: &Endpoint, status: u16) -> Option<LineCol> {
    endpoint.error(status).map(|e| e.at)
}

/// What a request stood in with, for want of the real thing: a 404 or a 401/403 to a valid request
/// is then the stand-in's fault, not the service's.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stand {
    /// The path's identifiers are samples: no earlier answer gave one.
    pub ids: bool,
    /// The token is the sample token: `--token` was not given.
    pub token: bool,
}

/// The verdict on the answer `status` with `body` to `case`, sent with the stand-ins `stand`.
pub fn judge(case: &Case, status: u16, body: &[u8], types: &[NamedType], stand: Stand) -> Verdict {
    match &case.expect {
        Expect::Refused {
            status: expected,
            message,
            place,
        } => {
            if status != *expected {
                return Verdict::fail(format!("expected {expected}, got {status}"));
            }
            let Some(error) = error_body(body) else {
                return Verdict::Pass(Some(
                    "the answer is not the documented error body: only its status is checked"
                        .to_string(),
                ));
            };
            if error.message != *message {
                return Verdict::fail(format!(
                    "expected the message \"{message}\", got \"{}\"",
                    error.message
                ));
            }
            match place {
                Some(place) if !error.names(place) => Verdict::fail(format!(
                    "the detail does not name `{place}`: \"{}\"",
                    error.detail
                )),
                _ => Verdict::Pass(None),
            }
        }
        Expect::AcceptedAt {
            status: refused,
            place,
        } => match error_body(body) {
            Some(error) if status == *refused && error.names(place) => Verdict::fail(format!(
                "`{place}` keeps the contract's rules but was refused: \"{}\"",
                error.detail
            )),
            _ => Verdict::Pass(None),
        },
        Expect::Success {
            status: expected,
            body: ty,
        } => {
            if status == 404 && stand.ids && status != *expected {
                return Verdict::NotExercised(
                    "needs an existing item: no request made one with an identifier to use"
                        .to_string(),
                );
            }
            let authorized = case.request.authorization.is_some();
            if matches!(status, 401 | 403) && stand.token && authorized && status != *expected {
                return Verdict::NotExercised(
                    "needs a token the service accepts: pass it with --token".to_string(),
                );
            }
            if status != *expected {
                return Verdict::fail(format!("expected {expected}, got {status}"));
            }
            match ty {
                Some(ty) => body_verdict(ty, body, types),
                None => Verdict::Pass(None),
            }
        }
    }
}

/// Whether `body` is of `ty`: its shape as the generated types read it, then its rules; a
/// failure points at the field it is about.
fn body_verdict(ty: &Type, body: &[u8], types: &[NamedType]) -> Verdict {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => return Verdict::fail(format!("the body is not JSON: {e}")),
    };
    let fault = |why: String, path: &str| {
        // `data.items[0].id` as a JSON pointer: `/data/items/0/id`.
        let pointer: String = path
            .split(['.', '['])
            .filter(|part| !part.is_empty())
            .map(|part| format!("/{}", part.trim_end_matches(']')))
            .collect();
        Verdict::Fail(Fault {
            why,
            rule: field_at(ty, &pointer, types, &mut FieldIndex::default()).map(|field| Rule {
                what: format!("the field `{}`", field.name),
                at: field.at,
            }),
        })
    };
    if let Err(mismatch) = (Checker { types }).check(ty, &value) {
        let why = format!("the body is not of the contract's type: {}", mismatch.text);
        return fault(why, &mismatch.path);
    }
    let mut patterns = BTreeMap::new();
    collect_patterns(ty, &mut patterns, 0);
    let mut rules = Rules {
        patterns: &patterns,
        out: contract_validation::Violations::new(),
    };
    rules.value(ty, &value, &contract_validation::At::Body, 0);
    match rules.out.into_result() {
        Ok(()) => Verdict::Pass(None),
        Err(violations) => {
            // Each message is `place: what was expected`.
            let first = violations.messages().first().map_or("", |m| m.as_str());
            let path = first.split_once(": ").map_or("", |(place, _)| place);
            fault(format!("the body breaks a rule: {violations}"), path)
        }
    }
}

/// The documented error body (`{"success": false, "error": {"status", "message", "detail"}}`).
struct ErrorBody {
    message: String,
    detail: String,
}

impl ErrorBody {
    /// Whether the detail lists a broken rule at `place` (`place: what was expected`).
    fn names(&self, place: &str) -> bool {
        let prefix = format!("{place}: ");
        self.detail
            .split("; ")
            .any(|rule| rule.starts_with(&prefix))
    }
}

fn error_body(body: &[u8]) -> Option<ErrorBody> {
    let value: Value = serde_json::from_slice(body).ok()?;
    let error = value.get("error")?;
    Some(ErrorBody {
        message: error.get("message")?.as_str()?.to_string(),
        detail: error
            .get("detail")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
    })
}

/// The identifier an answer gives for what it made: `id`, or `<name>Id` for a collection of
/// `<name>s`, at the top of the body or in its `data`.
pub fn identifier(body: &[u8], collection: &str) -> Option<String> {
    let value: Value = serde_json::from_slice(body).ok()?;
    let noun = samples::singular(collection.rsplit('/').next().unwrap_or(""));
    let keys = ["id".to_string(), format!("{noun}Id"), format!("{noun}_id")];
    let look = |object: &Value| {
        keys.iter().find_map(|key| match object.get(key)? {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    look(&value).or_else(|| look(value.get("data")?))
}

/// The collection an endpoint adds to: a `POST` whose route ends in a literal segment.
pub fn collection_of(request: &Request) -> Option<&str> {
    let last = request.route.rsplit('/').next()?;
    (request.method == "POST" && !last.starts_with('{') && !last.is_empty())
        .then_some(request.route.as_str())
}

impl Request {
    /// The body to send, if any.
    pub fn body(&self) -> Option<String> {
        Some(match self.body.as_ref()? {
            Body::Text(text) => text.to_string(),
            Body::Json(value) => value.to_string(),
            Body::Without { valid, pointer } => without(Value::clone(valid), pointer).to_string(),
            Body::With {
                valid,
                pointer,
                value,
            } => with(Value::clone(valid), pointer, value.clone()).to_string(),
        })
    }

    /// The path to send, with `ids` (identifiers by collection route) in place of the sample of
    /// each parameter that follows a collection; and whether a sample stayed anywhere.
    pub fn path_with(&self, ids: &BTreeMap<String, String>) -> (String, bool) {
        if let Some(path) = &self.path {
            return (path.clone(), false);
        }
        let mut out = String::new();
        // The route so far, parameters as written: the key of a collection's identifier.
        let mut route = String::new();
        let mut params = self.params.iter();
        let mut sample = false;
        for segment in self.route.split('/').skip(1) {
            let given = ids.get(&route).cloned();
            out.push('/');
            if segment.starts_with('{') {
                let value = params.next().cloned().unwrap_or_default();
                match given {
                    Some(id) => out.push_str(&samples::percent_encode(&id)),
                    None => {
                        sample = true;
                        out.push_str(&value);
                    }
                }
            } else {
                out.push_str(segment);
            }
            route.push('/');
            route.push_str(segment);
        }
        if out.is_empty() {
            out.push('/');
        }
        (out, sample)
    }

    /// The query string, form-encoded, without `?`; empty for none.
    pub fn query_string(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.query {
            out.append_pair(name, value);
        }
        out.finish()
    }
}

#[cfg(test)]
mod tests;
