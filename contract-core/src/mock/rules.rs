//! Answers chosen by the request (`mock --rules FILE`): "`POST /api/users` with `email =
//! taken@example.com` answers 409", without touching the issues. A rule names an endpoint,
//! conditions on its path parameters, query parameters, headers or body fields (equal to a
//! value, or to one of several), and a status the contract declares for it; the body is the
//! contract's. Rules are checked against the contracts when they load, each problem at its place
//! in the rules file.

use std::sync::Arc;

use serde_json::Value;

use super::{Route, object_fields, text_of};
use crate::check::route_shape;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::NamedType;
use crate::source::{Source, Span, Spanned};

/// A rule as a rules file writes it, each part with its place.
#[derive(Clone, Debug)]
pub struct RuleSpec {
    /// The rule as a whole (its table).
    pub at: Span,
    /// `POST /api/users`: the method and the path as the issue writes it (`{id}` or `:id`).
    pub endpoint: Spanned<String>,
    /// The status to answer.
    pub status: Spanned<i64>,
    /// What the request must show, every condition at once.
    pub when: Vec<ConditionSpec>,
}

/// `body.email = "taken@example.com"`, or with a list of values, one of them.
#[derive(Clone, Debug)]
pub struct ConditionSpec {
    /// `path.NAME`, `query.NAME`, `header.NAME` or `body.FIELD` (`body.address.city`).
    pub key: Spanned<String>,
    /// The values, any of which matches.
    pub values: Vec<Value>,
}

/// A checked rule.
#[derive(Clone, Debug)]
pub(super) struct Rule {
    /// The index of its route.
    pub route: usize,
    pub status: u16,
    pub when: Vec<Condition>,
    /// `rules.toml:12:1`, for the answer's detail.
    pub at: String,
}

#[derive(Clone, Debug)]
pub(super) struct Condition {
    place: Place,
    /// The parameter or header name, or the body field's path.
    name: Vec<String>,
    values: Vec<Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Path,
    Query,
    Header,
    Body,
}

/// What a rule sees of a request.
pub(super) struct Seen<'a> {
    pub path_params: &'a [(String, String)],
    pub query: &'a std::collections::BTreeMap<String, String>,
    pub headers: &'a [(&'a str, &'a str)],
    pub body: Option<&'a Value>,
}

impl Rule {
    /// Whether every condition holds for the request.
    pub(super) fn matches(&self, seen: &Seen<'_>) -> bool {
        self.when.iter().all(|condition| {
            let name = &condition.name;
            let text = |given: Option<String>| {
                given.is_some_and(|given| condition.values.iter().any(|v| text_of(v) == given))
            };
            match condition.place {
                Place::Path => text(
                    seen.path_params
                        .iter()
                        .find(|(n, _)| *n == name[0])
                        .map(|(_, v)| v.clone()),
                ),
                Place::Query => text(seen.query.get(&name[0]).cloned()),
                Place::Header => text(
                    seen.headers
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case(&name[0]))
                        .map(|(_, v)| (*v).to_string()),
                ),
                Place::Body => {
                    let value = seen
                        .body
                        .and_then(|body| name.iter().try_fold(body, |v, key| v.get(key)));
                    value.is_some_and(|value| condition.values.contains(value))
                }
            }
        })
    }
}

/// Checks `specs` against the routes: each rule's endpoint, status and conditions.
pub(super) fn check(
    source: &Arc<Source>,
    specs: &[RuleSpec],
    routes: &[Route],
    types: &[NamedType],
) -> Result<Vec<Rule>, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut rules = Vec::new();
    for spec in specs {
        let error = |span: Span, message: String| Diagnostic::error(source, span, message);
        let Some(route) = find_route(&spec.endpoint.value, routes) else {
            let known: Vec<String> = routes
                .iter()
                .map(|r| format!("{} {}", r.endpoint.method, r.endpoint.path))
                .collect();
            diagnostics.push(
                error(
                    spec.endpoint.span,
                    format!("no endpoint `{}` in the issues", spec.endpoint.value),
                )
                .label("not an endpoint of the issues")
                .help(format!("the endpoints: {}", known.join(", "))),
            );
            continue;
        };
        let endpoint = &routes[route].endpoint;
        let declared: Vec<u16> = std::iter::once(endpoint.response.status)
            .chain(endpoint.errors.iter().map(|e| e.status))
            .collect();
        let status = u16::try_from(spec.status.value)
            .ok()
            .filter(|s| declared.contains(s));
        if status.is_none() {
            let listed: Vec<String> = declared.iter().map(u16::to_string).collect();
            diagnostics.push(
                error(
                    spec.status.span,
                    format!(
                        "{} {} does not answer {}",
                        endpoint.method, endpoint.path, spec.status.value
                    ),
                )
                .label("not a status of the contract")
                .help(format!("its statuses: {}", listed.join(", "))),
            );
        }
        let mut when = Vec::new();
        for condition in &spec.when {
            match read_condition(condition, &routes[route], types) {
                Ok(checked) => when.push(checked),
                Err(why) => diagnostics.push(
                    error(condition.key.span, why.0)
                        .label("not a part of this endpoint's requests")
                        .help(why.1),
                ),
            }
        }
        if let Some(status) = status {
            rules.push(Rule {
                route,
                status,
                when,
                at: source.location(spec.at),
            });
        }
    }
    diagnostics.into_result(rules)
}

/// The route `POST /api/users/{id}` names: the same shape, a parameter written `{x}` or `:x`.
fn find_route(endpoint: &str, routes: &[Route]) -> Option<usize> {
    let (method, path) = endpoint.trim().split_once(char::is_whitespace)?;
    let shape = route_shape(path.trim());
    routes.iter().position(|route| {
        route.endpoint.method.as_str().eq_ignore_ascii_case(method)
            && route_shape(&route.endpoint.route) == shape
    })
}

/// A condition's place and name, checked against the endpoint: why not, and what there is.
fn read_condition(
    spec: &ConditionSpec,
    route: &Route,
    types: &[NamedType],
) -> Result<Condition, (String, String)> {
    let key = spec.key.value.trim();
    let endpoint = &route.endpoint;
    let (place, rest) = key.split_once('.').unwrap_or((key, ""));
    let names = |list: Vec<&str>| {
        if list.is_empty() {
            "there are none".to_string()
        } else {
            format!("there are {}", list.join(", "))
        }
    };
    let condition = |place, name: Vec<String>| Condition {
        place,
        name,
        values: spec.values.clone(),
    };
    match place {
        "path" => {
            let known: Vec<&str> = endpoint
                .path_params
                .iter()
                .map(|p| p.name.as_str())
                .collect();
            match known.contains(&rest) {
                true => Ok(condition(Place::Path, vec![rest.to_string()])),
                false => Err((format!("no path parameter `{rest}`"), names(known))),
            }
        }
        "query" => {
            let known: Vec<&str> = endpoint.query.iter().map(|f| f.name.as_str()).collect();
            match known.contains(&rest) {
                true => Ok(condition(Place::Query, vec![rest.to_string()])),
                false => Err((format!("no query parameter `{rest}`"), names(known))),
            }
        }
        "header" if !rest.is_empty() => Ok(condition(Place::Header, vec![rest.to_string()])),
        "body" => {
            let path: Vec<String> = rest.split('.').map(str::to_string).collect();
            let mut ty = endpoint.request.as_ref();
            for name in &path {
                let fields = ty.and_then(|ty| object_fields(ty, types));
                let Some(fields) = fields else {
                    return Err((
                        format!("the request has no body field `{rest}`"),
                        "a body condition names a field of the request body".to_string(),
                    ));
                };
                match fields.iter().find(|f| f.name == *name) {
                    Some(field) => ty = Some(&field.ty),
                    None => {
                        let known = fields.iter().map(|f| f.name.as_str()).collect();
                        return Err((
                            format!("the request body has no field `{rest}`"),
                            names(known),
                        ));
                    }
                }
            }
            Ok(condition(Place::Body, path))
        }
        _ => Err((
            format!("`{key}` is not a part of a request"),
            "write `path.NAME`, `query.NAME`, `header.NAME` or `body.FIELD`".to_string(),
        )),
    }
}
