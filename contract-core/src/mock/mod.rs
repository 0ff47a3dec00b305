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
use crate::parse::MAX_NESTING;

mod rules;
mod state;

pub use rules::{ConditionSpec, RuleSpec};
use rules::{Rule, Seen};
pub use state::State;
use state::{Call, Member, Outcome, Role};

/// Every endpoint of a set of contracts, ready to answer.
pub struct Mock {
    routes: Vec<Route>,
    /// The named types of every issue, which bodies may refer to.
    types: Vec<NamedType>,
    /// The one bearer token accepted, when there is one; otherwise any token is.
    token: Option<String>,
    /// Without state: paths of resources a `DELETE` removed, answered 404 until a `POST` to
    /// their collection (which, the bodies being samples, gives the same ids again) or a reload.
    deleted: BTreeSet<String>,
    /// What the collections hold, when the mock keeps state.
    state: Option<State>,
    /// Answers chosen by the request, in the order of the rules file.
    rules: Vec<Rule>,
}

struct Route {
    endpoint: Endpoint,
    /// The route's segments; `None` for a path parameter.
    segments: Vec<Option<String>>,
    /// The success body, made once.
    body: Option<Value>,
    /// The patterns of its path, query and bodies, each compiled once (on first use).
    patterns: BTreeMap<String, Pattern>,
    /// What it does to its collection, when its route is one or an item of one.
    member: Option<Member>,
}

/// What a request that passed every check holds: its query, and its JSON body when the
/// endpoint takes one.
#[derive(Debug, Default)]
struct Input {
    /// The path parameters by name, decoded as the handler's `Path` decodes them.
    path: Vec<(String, String)>,
    query: BTreeMap<String, String>,
    body: Option<Value>,
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
    /// Every header, for the rules that look at one.
    pub headers: Vec<(&'a str, &'a str)>,
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
                let types = (endpoint.path_params.iter().map(|p| &p.ty))
                    .chain(endpoint.query.iter().map(|f| &f.ty))
                    .chain(&endpoint.request)
                    .chain(&endpoint.response.body);
                for ty in types {
                    collect_patterns(ty, &mut patterns, 0);
                }
                Route {
                    endpoint: endpoint.clone(),
                    segments,
                    body,
                    patterns,
                    member: None,
                }
            })
            .collect();
        let mut routes: Vec<Route> = routes;
        let members: Vec<Option<Member>> = routes.iter().map(|r| member(r, &routes)).collect();
        for (route, member) in routes.iter_mut().zip(members) {
            route.member = member;
        }
        Mock {
            routes,
            types,
            token: None,
            deleted: BTreeSet::new(),
            state: None,
            rules: Vec::new(),
        }
    }

    /// The mock answering by `specs`, read from `source` (a rules file), where a request matches
    /// one; each rule that names what the contracts do not have is reported at its place.
    pub fn with_rules(
        mut self,
        source: &std::sync::Arc<crate::Source>,
        specs: &[RuleSpec],
    ) -> Result<Mock, crate::Diagnostics> {
        self.rules = rules::check(source, specs, &self.routes, &self.types)?;
        Ok(self)
    }

    /// How many rules it answers by.
    pub fn rules(&self) -> usize {
        self.rules.len()
    }

    /// The mock keeping what requests create in `state`: a fresh [`State`], or the one of the
    /// mock this one replaces (a reload keeps the data).
    pub fn with_state(mut self, state: Option<State>) -> Mock {
        self.state = state;
        self
    }

    /// Takes the state out, for the mock that replaces this one.
    pub fn take_state(&mut self) -> Option<State> {
        self.state.take()
    }

    /// Loads initial items (`--data`): a JSON object from each collection's path
    /// (`/api/todos`, `/api/posts/7/comments`) to an array of its items. How many were loaded;
    /// or the collection's path where the data is wrong, and why.
    pub fn preload(&mut self, data: &Value) -> Result<usize, (Option<String>, String)> {
        let Some(state) = &mut self.state else {
            return Err((None, "initial data needs the mock's state".to_string()));
        };
        let Some(collections) = data.as_object() else {
            let why = "expected a JSON object from each collection's path to its items";
            return Err((None, why.to_string()));
        };
        let mut count = 0;
        for (path, items) in collections {
            let wrong = |why: String| Err((Some(path.clone()), why));
            let member = on_path(&self.routes, path).into_iter().find_map(|route| {
                route
                    .member
                    .as_ref()
                    .filter(|m| matches!(m.role, Role::Create | Role::List))
            });
            let Some(member) = member else {
                return wrong(format!(
                    "`{path}` is not a collection of the issues (a path with an item route under it)"
                ));
            };
            let Some(items) = items.as_array() else {
                return wrong(format!("`{path}`: expected an array of items"));
            };
            let mut objects = Vec::new();
            for (index, item) in items.iter().enumerate() {
                match item.as_object() {
                    Some(object) => objects.push(object.clone()),
                    None => return wrong(format!("`{path}`, item {index}: expected an object")),
                }
            }
            count += objects.len();
            state.preload(path, objects, &member.id_names);
        }
        Ok(count)
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
        let on_path = on_path(&self.routes, request.path);
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
        let stateful = self.state.is_some() && route.member.is_some();
        let gone = !stateful
            && self
                .deleted
                .iter()
                .any(|d| request.path == d || request.path.starts_with(&format!("{d}/")));
        let input = match route.check(request, &self.types, self.token.as_deref(), gone) {
            Ok(input) => input,
            Err(early) => return early,
        };
        if let Some(chosen) = self.chosen_by_rule(route, request, &input) {
            return chosen;
        }
        let mut response = route.success();
        if let (Some(state), Some(member)) = (&mut self.state, &route.member) {
            let call = Call {
                member,
                path: request.path,
                id: input.path.last().map(|(_, value)| value.as_str()),
                query: &input.query,
                body: input.body.as_ref(),
                request_type: route.endpoint.request.as_ref(),
                response_type: route.endpoint.response.body.as_ref(),
                query_fields: &route.endpoint.query,
                types: &self.types,
                patterns: &route.patterns,
            };
            match state.answer(&call, response.body.take()) {
                Outcome::Body(body) => response.body = body,
                Outcome::NotFound => {
                    return match route.endpoint.error(404) {
                        Some(declared) => error(
                            404,
                            &declared.message,
                            Some("no item with this identifier".to_string()),
                        ),
                        // A contract with no 404 gets its success answer, as without state.
                        None => route.success(),
                    };
                }
            }
            return response;
        }
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
        response
    }

    /// The answer the first rule that matches `request` chooses, when it chooses one other than
    /// the success the contract gives.
    fn chosen_by_rule(
        &self,
        route: &Route,
        request: &Request<'_>,
        input: &Input,
    ) -> Option<Response> {
        if self.rules.is_empty() {
            return None;
        }
        let index = self.routes.iter().position(|r| std::ptr::eq(r, route))?;
        let seen = Seen {
            path_params: &input.path,
            query: &input.query,
            headers: &request.headers,
            body: input.body.as_ref(),
        };
        let rule = self
            .rules
            .iter()
            .find(|rule| rule.route == index && rule.matches(&seen))?;
        let declared = route.endpoint.error(rule.status)?;
        Some(error(
            declared.status,
            &declared.message,
            Some(format!("chosen by the rule at {}", rule.at)),
        ))
    }

    /// The methods served on `path`, for a CORS preflight.
    pub fn methods(&self, path: &str) -> Vec<&'static str> {
        on_path(&self.routes, path)
            .iter()
            .map(|route| route.endpoint.method.as_str())
            .collect()
    }
}

/// The routes that serve `path`, as axum picks them: of the route shapes that match, the one with a
/// literal segment where the others have a parameter, at the first segment where they differ
/// (matchit's rule, so `/users/me` wins over `/users/{id}`), with each of its methods.
fn on_path<'a>(routes: &'a [Route], path: &str) -> Vec<&'a Route> {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let matching = routes
        .iter()
        .filter(|route| matches(&route.segments, &segments));
    let parameters = |route: &'a Route| route.segments.iter().map(Option::is_none);
    let Some(best) = matching
        .clone()
        .min_by(|a, b| parameters(a).cmp(parameters(b)))
    else {
        return Vec::new();
    };
    matching
        .filter(|route| parameters(route).eq(parameters(best)))
        .collect()
}

/// What `route` does to a collection: a route shape with an item route under it is a collection
/// (`POST` creates, `GET` lists), and a route whose last segment is a parameter under a
/// collection is an item (`GET`, `PUT`, `PATCH`, `DELETE`).
fn member(route: &Route, routes: &[Route]) -> Option<Member> {
    let shape = &route.segments;
    fn item_routes<'a>(
        routes: &'a [Route],
        collection: &'a [Option<String>],
    ) -> impl Iterator<Item = &'a Route> {
        routes.iter().filter(move |r| {
            r.segments.len() == collection.len() + 1
                && r.segments.last().is_some_and(Option::is_none)
                && r.segments[..collection.len()] == *collection
        })
    }
    let on_item = shape.last().is_some_and(Option::is_none)
        && item_routes(routes, &shape[..shape.len() - 1])
            .next()
            .is_some();
    let collection = if on_item {
        &shape[..shape.len() - 1]
    } else if item_routes(routes, shape).next().is_some() {
        &shape[..]
    } else {
        return None;
    };
    let role = Role::of(route.endpoint.method.as_str(), on_item)?;
    // The identifier's names: this route's own parameter first, then its siblings', then `id`.
    let own = on_item.then(|| route.endpoint.path_params.last()).flatten();
    let mut id_names: Vec<String> = Vec::new();
    let params = own
        .into_iter()
        .chain(item_routes(routes, collection).filter_map(|r| r.endpoint.path_params.last()));
    for name in params.map(|p| p.name.clone()).chain(["id".to_string()]) {
        if !id_names.contains(&name) {
            id_names.push(name);
        }
    }
    Some(Member { role, id_names })
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
    /// The checks of the generated handler, in its order: the early answer one of them gives,
    /// or the request's input, read.
    fn check(
        &self,
        request: &Request<'_>,
        types: &[NamedType],
        token: Option<&str>,
        gone: bool,
    ) -> Result<Input, Response> {
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
                return Err(error(auth.status, &auth.message, Some(detail.to_string())));
            }
        }
        if gone {
            let message = endpoint
                .error(404)
                .map_or("Not found", |e| e.message.as_str());
            return Err(error(404, message, Some("deleted earlier".to_string())));
        }
        if let Some(code) = request.prefer.and_then(preferred_code)
            && let Some(answer) = self.preferred(code)
        {
            return Err(answer);
        }
        match input_error(endpoint) {
            Some(input) => self
                .read_input(request, types)
                .map_err(|detail| error(input.status, &input.message, Some(detail))),
            None => Ok(Input {
                path: self.path_params(request.path),
                ..Input::default()
            }),
        }
    }

    /// The contract's success answer, as it alone gives it.
    fn success(&self) -> Response {
        Response {
            status: self.endpoint.response.status,
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

    /// The path parameters of `path` by name, decoded as the handler's `Path` decodes them.
    fn path_params(&self, path: &str) -> Vec<(String, String)> {
        let values = path.split('/').skip(1);
        let params = self
            .segments
            .iter()
            .zip(values)
            .filter(|(s, _)| s.is_none());
        (self.endpoint.path_params.iter().zip(params))
            .map(|(param, (_, value))| {
                let value = percent_encoding::percent_decode_str(value).decode_utf8_lossy();
                (param.name.clone(), value.into_owned())
            })
            .collect()
    }

    /// Checks the path, the query and the body as the generated handler reads them: all three,
    /// read; or why not.
    fn read_input(&self, request: &Request<'_>, types: &[NamedType]) -> Result<Input, String> {
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
        let path = self.path_params(request.path);
        let at = At::Path;
        for (param, (_, value)) in endpoint.path_params.iter().zip(&path) {
            rules.text(&param.ty, value, &at.field(&param.name));
        }
        let at = At::Query;
        for param in &endpoint.query {
            if let Some(value) = query.get(param.name.as_str()) {
                rules.text(&param.ty, value, &at.field(&param.name));
            }
        }
        let Some(body_type) = &endpoint.request else {
            rules.out.into_result().map_err(|v| v.to_string())?;
            return Ok(Input {
                path,
                query,
                body: None,
            });
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
        Checker { types }.check(body_type, &value)?;
        rules.value(body_type, &value, &At::Body, 0);
        rules.out.into_result().map_err(|v| v.to_string())?;
        Ok(Input {
            path,
            query,
            body: Some(value),
        })
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

/// `ty` with names looked up and `null` set aside.
fn resolve<'a>(ty: &'a Type, types: &'a [NamedType]) -> Option<&'a Type> {
    let mut ty = ty;
    for _ in 0..=MAX_NESTING {
        match ty {
            Type::Nullable { inner } => ty = inner,
            Type::Ref { name } => ty = NamedType::definition_of(types, name)?,
            other => return Some(other),
        }
    }
    None
}

/// The fields of an object type, its name looked up.
fn object_fields<'a>(ty: &'a Type, types: &'a [NamedType]) -> Option<&'a [crate::model::Field]> {
    match resolve(ty, types)? {
        Type::Object { fields } => Some(fields),
        _ => None,
    }
}

/// A JSON scalar as a path, a query or a header writes it.
fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
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
mod tests;
