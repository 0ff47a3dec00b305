//! What a contract change does to an existing client: two sets of checked contracts in, each
//! change out, classified by [`RULES`].
//!
//! Endpoints are matched by method and route shape (`/users/{id}` and `/users/{userId}` are one
//! route). A request is what a client sends, so a contract that accepts less breaks it; a response
//! is what a client reads, so a contract that gives something else breaks it. Named types are
//! compared through their definitions, each pair once. `docs/diff.md` explains every rule; a test
//! checks that it names each one.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use crate::check::route_shape;
use crate::model::{Bounds, Contract, Endpoint, ErrorCase, Field, NamedType, StringFormat, Type};
use crate::parse::MAX_NESTING;
use crate::source::LineCol;

/// What a change means for a client written against the old contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// An existing client can fail.
    Breaking,
    /// Safe as far as the contract says, but worth a look (`--fail-on notes` fails on these).
    Note,
    /// An existing client keeps working.
    Compatible,
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Class::Breaking => "breaking",
            Class::Note => "note",
            Class::Compatible => "compatible",
        })
    }
}

/// Every rule: its name, its class, and why, as `docs/diff.md` gives them.
pub const RULES: &[(&str, Class)] = &[
    ("endpoint-removed", Class::Breaking),
    ("endpoint-added", Class::Compatible),
    ("auth-required", Class::Breaking),
    ("auth-dropped", Class::Compatible),
    ("query-added-required", Class::Breaking),
    ("query-added-optional", Class::Compatible),
    ("query-removed", Class::Compatible),
    ("query-now-required", Class::Breaking),
    ("query-now-optional", Class::Compatible),
    ("request-body-added", Class::Breaking),
    ("request-body-removed", Class::Compatible),
    ("request-field-added-required", Class::Breaking),
    ("request-field-added-optional", Class::Compatible),
    ("request-field-removed", Class::Breaking),
    ("request-field-now-required", Class::Breaking),
    ("request-field-now-optional", Class::Compatible),
    ("request-type-changed", Class::Breaking),
    ("request-type-widened", Class::Compatible),
    ("request-enum-value-removed", Class::Breaking),
    ("request-enum-value-added", Class::Compatible),
    ("response-status-changed", Class::Breaking),
    ("response-body-removed", Class::Breaking),
    ("response-body-added", Class::Compatible),
    ("response-field-removed", Class::Breaking),
    ("response-field-added", Class::Compatible),
    ("response-field-now-optional", Class::Breaking),
    ("response-field-now-required", Class::Compatible),
    ("response-type-changed", Class::Breaking),
    ("response-type-narrowed", Class::Compatible),
    ("response-enum-value-added", Class::Note),
    ("response-enum-value-removed", Class::Compatible),
    ("request-bound-narrowed", Class::Breaking),
    ("request-bound-widened", Class::Compatible),
    ("response-bound-widened", Class::Note),
    ("response-bound-narrowed", Class::Compatible),
    ("error-status-added", Class::Note),
    ("error-status-removed", Class::Compatible),
    ("error-message-changed", Class::Note),
];

/// Where a part of a contract is: its file (as loaded) and line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The issue file, as it was loaded (`issues/a.md`, or `issues/a.md@main` from git).
    pub file: String,
    /// The line, from 1.
    pub line: usize,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One change to one endpoint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The endpoint as the new contract writes it (the old one's, when it is gone): `POST /api/users`.
    pub endpoint: String,
    /// The rule, one of [`RULES`].
    pub rule: &'static str,
    /// The rule's class.
    pub class: Class,
    /// What changed, in words: ``request field `email` added as required``.
    pub message: String,
    /// Where the old contract says it, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Place>,
    /// Where the new contract says it, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Place>,
}

/// Every change from `old` to `new`, each endpoint's together, endpoints in route order (removed
/// endpoints last), breaking changes first within an endpoint.
pub fn diff(old: &[Contract], new: &[Contract]) -> Vec<Change> {
    let old_side = Side::of(old);
    let new_side = Side::of(new);
    let mut out = Vec::new();
    for (key, new_ep) in &new_side.endpoints {
        let mut changes = Vec::new();
        match old_side.endpoints.get(key) {
            Some(old_ep) => {
                let mut cx = Cx {
                    old: &old_side,
                    new: &new_side,
                    old_ep,
                    new_ep,
                    out: &mut changes,
                    seen: BTreeSet::new(),
                };
                cx.endpoint();
            }
            None => changes.push(change(
                new_ep,
                "endpoint-added",
                "endpoint added".to_string(),
                None,
                Some(new_ep.place(new_ep.endpoint.at)),
            )),
        }
        changes.sort_by_key(|c| c.class);
        out.extend(changes);
    }
    for (key, old_ep) in &old_side.endpoints {
        if !new_side.endpoints.contains_key(key) {
            out.push(change(
                old_ep,
                "endpoint-removed",
                "endpoint removed (or its method or path changed)".to_string(),
                Some(old_ep.place(old_ep.endpoint.at)),
                None,
            ));
        }
    }
    out
}

/// The class of a rule.
fn class_of(rule: &str) -> Class {
    RULES
        .iter()
        .find(|(name, _)| *name == rule)
        .map_or(Class::Breaking, |(_, class)| *class)
}

fn change(
    ep: &Located<'_>,
    rule: &'static str,
    message: String,
    old: Option<Place>,
    new: Option<Place>,
) -> Change {
    Change {
        endpoint: format!("{} {}", ep.endpoint.method, ep.endpoint.path),
        rule,
        class: class_of(rule),
        message,
        old,
        new,
    }
}

/// An endpoint with the file it is in.
struct Located<'a> {
    endpoint: &'a Endpoint,
    file: String,
}

impl Located<'_> {
    fn place(&self, at: LineCol) -> Place {
        Place {
            file: self.file.clone(),
            line: at.line,
        }
    }
}

/// One side of the comparison: its endpoints by method and route shape, its named types.
struct Side<'a> {
    endpoints: BTreeMap<(String, String), Located<'a>>,
    types: BTreeMap<&'a str, &'a NamedType>,
}

impl<'a> Side<'a> {
    fn of(contracts: &'a [Contract]) -> Self {
        let mut endpoints = BTreeMap::new();
        let mut types = BTreeMap::new();
        for contract in contracts {
            let file = contract.source.path().display().to_string();
            for endpoint in &contract.endpoints {
                let key = (
                    route_shape(&endpoint.route),
                    endpoint.method.as_str().to_string(),
                );
                endpoints.entry(key).or_insert(Located {
                    endpoint,
                    file: file.clone(),
                });
            }
            for named in &contract.types {
                let entry = types.entry(named.name.as_str()).or_insert(named);
                if entry.definition.is_none() {
                    *entry = named;
                }
            }
        }
        Side { endpoints, types }
    }

    /// A named type's definition, or the type itself when the issues do not define it.
    fn resolve<'t>(&self, ty: &'t Type) -> &'t Type
    where
        'a: 't,
    {
        match ty {
            Type::Ref { name } => self
                .types
                .get(name.as_str())
                .and_then(|named| named.definition.as_ref())
                .unwrap_or(ty),
            _ => ty,
        }
    }
}

/// Which way a value travels, which decides whether accepting more or giving more breaks.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Dir {
    Request,
    Response,
}

/// Comparing one endpoint on both sides.
struct Cx<'a, 'o> {
    old: &'a Side<'a>,
    new: &'a Side<'a>,
    old_ep: &'a Located<'a>,
    new_ep: &'a Located<'a>,
    out: &'o mut Vec<Change>,
    /// Pairs of named types already compared each way, so recursive types end.
    seen: BTreeSet<(Dir, String, String)>,
}

impl Cx<'_, '_> {
    fn push(&mut self, rule: &'static str, message: String, old: LineCol, new: LineCol) {
        let change = change(
            self.new_ep,
            rule,
            message,
            Some(self.old_ep.place(old)),
            Some(self.new_ep.place(new)),
        );
        self.out.push(change);
    }

    fn endpoint(&mut self) {
        let (old, new) = (self.old_ep.endpoint, self.new_ep.endpoint);
        match (old.auth, new.auth) {
            (false, true) => self.push(
                "auth-required",
                "a bearer token is now required".into(),
                old.at,
                new.at,
            ),
            (true, false) => self.push(
                "auth-dropped",
                "a bearer token is no longer required".into(),
                old.at,
                new.at,
            ),
            _ => {}
        }
        // Matched by route shape, so the parameters pair up by position.
        for (o, n) in old.path_params.iter().zip(&new.path_params) {
            let what = format!("path parameter `{}`", n.name);
            self.types(&o.ty, &n.ty, Dir::Request, &what, "", old.at, new.at, 0);
        }
        self.query();
        match (&old.request, &new.request) {
            (None, Some(_)) => self.push(
                "request-body-added",
                "a request body is now required".into(),
                old.at,
                new.at,
            ),
            (Some(_), None) => self.push(
                "request-body-removed",
                "the request body is gone".into(),
                old.at,
                new.at,
            ),
            (Some(o), Some(n)) => {
                self.types(o, n, Dir::Request, "request body", "", old.at, new.at, 0)
            }
            (None, None) => {}
        }
        if old.response.status != new.response.status {
            let message = format!(
                "success status {} is now {}",
                old.response.status, new.response.status
            );
            self.push("response-status-changed", message, old.at, new.at);
        }
        match (&old.response.body, &new.response.body) {
            (Some(_), None) => self.push(
                "response-body-removed",
                "the response body is gone".into(),
                old.at,
                new.at,
            ),
            (None, Some(_)) => self.push(
                "response-body-added",
                "the response now has a body".into(),
                old.at,
                new.at,
            ),
            (Some(o), Some(n)) => {
                self.types(o, n, Dir::Response, "response body", "", old.at, new.at, 0)
            }
            (None, None) => {}
        }
        self.errors();
    }

    fn query(&mut self) {
        let (old, new) = (self.old_ep.endpoint, self.new_ep.endpoint);
        let old_params: BTreeMap<&str, &Field> =
            old.query.iter().map(|f| (f.name.as_str(), f)).collect();
        let new_params: BTreeMap<&str, &Field> =
            new.query.iter().map(|f| (f.name.as_str(), f)).collect();
        for (name, n) in &new_params {
            match old_params.get(name) {
                None if n.optional => self.push(
                    "query-added-optional",
                    format!("optional query parameter `{name}` added"),
                    new.at,
                    n.at,
                ),
                None => self.push(
                    "query-added-required",
                    format!("required query parameter `{name}` added"),
                    new.at,
                    n.at,
                ),
                Some(o) => {
                    if o.optional && !n.optional {
                        self.push(
                            "query-now-required",
                            format!("query parameter `{name}` is now required"),
                            o.at,
                            n.at,
                        );
                    } else if !o.optional && n.optional {
                        self.push(
                            "query-now-optional",
                            format!("query parameter `{name}` is now optional"),
                            o.at,
                            n.at,
                        );
                    }
                    let what = format!("query parameter `{name}`");
                    self.types(&o.ty, &n.ty, Dir::Request, &what, "", o.at, n.at, 0);
                }
            }
        }
        for (name, o) in &old_params {
            if !new_params.contains_key(name) {
                self.push(
                    "query-removed",
                    format!("query parameter `{name}` removed (the handler ignores it)"),
                    o.at,
                    new.at,
                );
            }
        }
    }

    fn errors(&mut self) {
        let (old, new) = (self.old_ep.endpoint, self.new_ep.endpoint);
        let old_by_status: BTreeMap<u16, &ErrorCase> =
            old.errors.iter().map(|e| (e.status, e)).collect();
        let new_statuses: BTreeSet<u16> = new.errors.iter().map(|e| e.status).collect();
        for n in &new.errors {
            match old_by_status.get(&n.status) {
                None => self.push(
                    "error-status-added",
                    format!(
                        "error {} \"{}\" added: clients may not handle it",
                        n.status, n.message
                    ),
                    old.at,
                    n.at,
                ),
                Some(o) if o.message != n.message => self.push(
                    "error-message-changed",
                    format!(
                        "error {} message \"{}\" is now \"{}\"",
                        n.status, o.message, n.message
                    ),
                    o.at,
                    n.at,
                ),
                Some(_) => {}
            }
        }
        for o in &old.errors {
            if !new_statuses.contains(&o.status) {
                self.push(
                    "error-status-removed",
                    format!("error {} \"{}\" removed", o.status, o.message),
                    o.at,
                    new.at,
                );
            }
        }
    }

    /// Compares the types of `what` (`request body`, ``response field `a.b` ``) on both sides;
    /// `path` is the dotted path of the fields it is in (`a.b`; empty for a body).
    #[allow(clippy::too_many_arguments)]
    fn types(
        &mut self,
        old: &Type,
        new: &Type,
        dir: Dir,
        what: &str,
        path: &str,
        old_at: LineCol,
        new_at: LineCol,
        depth: usize,
    ) {
        if depth > MAX_NESTING {
            return;
        }
        if let (Type::Ref { name: o }, Type::Ref { name: n }) = (old, new)
            && !self.seen.insert((dir, o.clone(), n.clone()))
        {
            return;
        }
        let (old, new) = (self.old.resolve(old), self.new.resolve(new));
        let (request, response) = (dir == Dir::Request, dir == Dir::Response);
        self.bounds(old, new, dir, what, old_at, new_at);
        match (old, new) {
            (Type::Object { fields: o }, Type::Object { fields: n }) => {
                self.fields(o, n, dir, path, old_at, new_at, depth)
            }
            (Type::Array { items: o, .. }, Type::Array { items: n, .. }) => self.types(
                o,
                n,
                dir,
                &format!("{what} items"),
                path,
                old_at,
                new_at,
                depth + 1,
            ),
            (Type::Nullable { inner: o }, Type::Nullable { inner: n }) => {
                self.types(o, n, dir, what, path, old_at, new_at, depth + 1)
            }
            (Type::Nullable { inner: o }, n) => {
                if request {
                    self.push(
                        "request-type-changed",
                        format!("{what} no longer accepts null"),
                        old_at,
                        new_at,
                    );
                } else {
                    self.push(
                        "response-type-narrowed",
                        format!("{what} is no longer null"),
                        old_at,
                        new_at,
                    );
                }
                self.types(o, n, dir, what, path, old_at, new_at, depth + 1);
            }
            (o, Type::Nullable { inner: n }) => {
                if response {
                    self.push(
                        "response-type-changed",
                        format!("{what} may now be null"),
                        old_at,
                        new_at,
                    );
                } else {
                    self.push(
                        "request-type-widened",
                        format!("{what} now accepts null"),
                        old_at,
                        new_at,
                    );
                }
                self.types(o, n, dir, what, path, old_at, new_at, depth + 1);
            }
            (Type::Enum { values: o }, Type::Enum { values: n }) => {
                let (old_values, new_values): (BTreeSet<&String>, BTreeSet<&String>) =
                    (o.iter().collect(), n.iter().collect());
                for value in n.iter().filter(|v| !old_values.contains(v)) {
                    let rule = if request {
                        "request-enum-value-added"
                    } else {
                        "response-enum-value-added"
                    };
                    let why = if response {
                        ": clients may not handle it"
                    } else {
                        ""
                    };
                    self.push(
                        rule,
                        format!("{what} has a new value \"{value}\"{why}"),
                        old_at,
                        new_at,
                    );
                }
                for value in o.iter().filter(|v| !new_values.contains(v)) {
                    let rule = if request {
                        "request-enum-value-removed"
                    } else {
                        "response-enum-value-removed"
                    };
                    self.push(
                        rule,
                        format!("{what} lost the value \"{value}\""),
                        old_at,
                        new_at,
                    );
                }
            }
            (o, n) if same_type(o, n) => {}
            (o, n) => {
                let (rule, how) = match widening(o, n) {
                    // The new type takes every value the old one did.
                    Some(true) if request => ("request-type-widened", "accepts more"),
                    Some(true) => ("response-type-changed", "may hold other values"),
                    // The new type holds only values the old one did.
                    Some(false) if response => ("response-type-narrowed", "holds fewer values"),
                    _ if request => ("request-type-changed", "changed"),
                    _ => ("response-type-changed", "changed"),
                };
                let message = format!("{what} {how}: {} is now {}", describe(o), describe(n));
                self.push(rule, message, old_at, new_at);
            }
        }
    }

    /// Compares the bounds of two types of the same kind: a request that allows less breaks
    /// clients, a response that may hold more is worth a look.
    fn bounds(
        &mut self,
        old: &Type,
        new: &Type,
        dir: Dir,
        what: &str,
        old_at: LineCol,
        new_at: LineCol,
    ) {
        let mut changes: Vec<(Option<bool>, String)> = Vec::new();
        match (old, new) {
            (
                Type::String {
                    length: o,
                    pattern: op,
                    ..
                },
                Type::String {
                    length: n,
                    pattern: np,
                    ..
                },
            ) => {
                changes.push(compare_bounds(o, n, "characters"));
                if op != np {
                    let widened = match (op, np) {
                        (Some(_), None) => Some(true),
                        (None, Some(_)) => Some(false),
                        _ => None,
                    };
                    let show = |p: &Option<String>| {
                        p.as_ref()
                            .map_or_else(|| "none".to_string(), |p| format!("/{p}/"))
                    };
                    changes.push((widened, format!("pattern {} is now {}", show(op), show(np))));
                }
            }
            (Type::Integer { range: o }, Type::Integer { range: n }) => {
                changes.push(compare_bounds(o, n, "values"));
            }
            (Type::Number { range: o }, Type::Number { range: n }) => {
                changes.push(compare_bounds(o, n, "values"));
            }
            (Type::Array { length: o, .. }, Type::Array { length: n, .. }) => {
                changes.push(compare_bounds(o, n, "items"));
            }
            _ => {}
        }
        for (widened, how) in changes {
            if how.is_empty() {
                continue;
            }
            let rule = match (dir, widened) {
                (Dir::Request, Some(true)) => "request-bound-widened",
                (Dir::Request, _) => "request-bound-narrowed",
                (Dir::Response, Some(false)) => "response-bound-narrowed",
                (Dir::Response, _) => "response-bound-widened",
            };
            self.push(rule, format!("{what} {how}"), old_at, new_at);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn fields(
        &mut self,
        old: &[Field],
        new: &[Field],
        dir: Dir,
        path: &str,
        old_at: LineCol,
        new_at: LineCol,
        depth: usize,
    ) {
        let request = dir == Dir::Request;
        let side = if request { "request" } else { "response" };
        let dotted = |name: &str| {
            if path.is_empty() {
                name.to_string()
            } else {
                format!("{path}.{name}")
            }
        };
        // By name, so a wide object is not compared field by field against every other.
        let old_by_name: BTreeMap<&str, &Field> =
            old.iter().map(|f| (f.name.as_str(), f)).collect();
        let new_names: BTreeSet<&str> = new.iter().map(|f| f.name.as_str()).collect();
        for n in new {
            let name = dotted(&n.name);
            match old_by_name.get(n.name.as_str()) {
                None => {
                    let (rule, how) = match (request, n.optional) {
                        (true, false) => ("request-field-added-required", "added as required"),
                        (true, true) => ("request-field-added-optional", "added as optional"),
                        (false, _) => ("response-field-added", "added"),
                    };
                    self.push(rule, format!("{side} field `{name}` {how}"), old_at, n.at);
                }
                Some(o) => {
                    let now = match (o.optional, n.optional, request) {
                        (true, false, true) => {
                            Some(("request-field-now-required", "is now required"))
                        }
                        (false, true, true) => {
                            Some(("request-field-now-optional", "is now optional"))
                        }
                        (false, true, false) => {
                            Some(("response-field-now-optional", "may now be absent"))
                        }
                        (true, false, false) => {
                            Some(("response-field-now-required", "is now always there"))
                        }
                        _ => None,
                    };
                    if let Some((rule, how)) = now {
                        self.push(rule, format!("{side} field `{name}` {how}"), o.at, n.at);
                    }
                    let what = format!("{side} field `{name}`");
                    self.types(&o.ty, &n.ty, dir, &what, &name, o.at, n.at, depth + 1);
                }
            }
        }
        for o in old.iter().filter(|o| !new_names.contains(o.name.as_str())) {
            let name = dotted(&o.name);
            let (rule, why) = if request {
                (
                    "request-field-removed",
                    " (the handler refuses fields it does not know)",
                )
            } else {
                ("response-field-removed", "")
            };
            self.push(
                rule,
                format!("{side} field `{name}` removed{why}"),
                o.at,
                new_at,
            );
        }
    }
}

/// Whether two types without parts to compare are the same, bounds aside ([`Cx::bounds`]
/// compares those).
fn same_type(old: &Type, new: &Type) -> bool {
    match (old, new) {
        (Type::Ref { name: o }, Type::Ref { name: n }) => o == n,
        (Type::Object { .. }, _) | (_, Type::Object { .. }) => false,
        (Type::String { format: o, .. }, Type::String { format: n, .. }) => o == n,
        (Type::Integer { .. }, Type::Integer { .. })
        | (Type::Number { .. }, Type::Number { .. }) => true,
        _ => old == new,
    }
}

/// How bounds changed: `Some(true)` when the new ones allow every value the old ones did,
/// `Some(false)` when they allow only values the old ones did, `None` when neither; and the change
/// in words (`1..=200 characters is now 1..=100 characters`), empty when there is none.
fn compare_bounds<T: PartialOrd + Copy + fmt::Display>(
    old: &Bounds<T>,
    new: &Bounds<T>,
    unit: &str,
) -> (Option<bool>, String) {
    if old == new {
        return (None, String::new());
    }
    // Each end: does the new one allow at least as much as the old one?
    let min_wider = match (old.min, new.min) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(o), Some(n)) => n <= o,
    };
    let max_wider = match (old.max, new.max) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(o), Some(n)) => n >= o,
    };
    let min_narrower = match (old.min, new.min) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(o), Some(n)) => n >= o,
    };
    let max_narrower = match (old.max, new.max) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(o), Some(n)) => n <= o,
    };
    let widened = if min_wider && max_wider {
        Some(true)
    } else if min_narrower && max_narrower {
        Some(false)
    } else {
        None
    };
    let show = |b: &Bounds<T>| {
        let range = crate::render::range(b);
        if range.is_empty() {
            format!("any number of {unit}")
        } else {
            format!("{range} {unit}")
        }
    };
    (widened, format!("allowed {}, now {}", show(old), show(new)))
}

/// `Some(true)` when `new` takes every value `old` did, `Some(false)` when it takes only values
/// `old` did, `None` when neither.
fn widening(old: &Type, new: &Type) -> Option<bool> {
    match (old, new) {
        (_, Type::Any { json_object: false }) => Some(true),
        (Type::Any { json_object: false }, _) => Some(false),
        (Type::Integer { .. }, Type::Number { .. }) => Some(true),
        (Type::Number { .. }, Type::Integer { .. }) => Some(false),
        (
            Type::String {
                format: Some(_), ..
            },
            Type::String { format: None, .. },
        ) => Some(true),
        (
            Type::String { format: None, .. },
            Type::String {
                format: Some(_), ..
            },
        ) => Some(false),
        (Type::Enum { .. }, Type::String { format: None, .. }) => Some(true),
        (Type::String { format: None, .. }, Type::Enum { .. }) => Some(false),
        (Type::Object { .. } | Type::Any { .. }, Type::Any { json_object: true }) => Some(true),
        (Type::Any { json_object: true }, Type::Object { .. }) => Some(false),
        _ => None,
    }
}

/// A type in a few words, for messages.
fn describe(ty: &Type) -> String {
    match ty {
        Type::String { format: None, .. } => "a string".into(),
        Type::String {
            format: Some(format),
            ..
        } => format!("a {} string", format_word(*format)),
        Type::Number { .. } => "a number".into(),
        Type::Integer { .. } => "an integer".into(),
        Type::Boolean => "a boolean".into(),
        Type::Any { json_object: true } => "any object".into(),
        Type::Any { .. } => "any value".into(),
        Type::Array { items, .. } => format!("an array of {}", describe(items)),
        Type::Nullable { inner } => format!("{} or null", describe(inner)),
        Type::Enum { values } => format!(
            "one of {}",
            values
                .iter()
                .map(|v| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Type::Ref { name } => format!("`{name}`"),
        Type::Object { .. } => "an object".into(),
    }
}

fn format_word(format: StringFormat) -> &'static str {
    match format {
        StringFormat::DateTime => "date-time",
        StringFormat::Uuid => "UUID",
        StringFormat::Email => "email",
        StringFormat::Uri => "URL",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Source, load_sources};

    /// The rules `diff` gives from the contract block `old` to `new`, in order.
    fn rules(old: &str, new: &str) -> Vec<&'static str> {
        let load = |name: &str, block: &str| {
            let text = format!("# Issue\n\n**API Contract:**\n```\n{block}\n```\n");
            load_sources(&[Source::new(name, text)]).unwrap_or_else(|d| panic!("{d}"))
        };
        diff(&load("old.md", old), &load("new.md", new))
            .into_iter()
            .map(|c| c.rule)
            .collect()
    }

    /// A before/after pair for every rule, and what `diff` must say of it.
    const CASES: &[(&str, &str, &[&str])] = &[
        ("GET /a\n\nGET /b", "GET /a", &["endpoint-removed"]),
        ("GET /a", "GET /a\n\nGET /b", &["endpoint-added"]),
        ("GET /a/{id}", "GET /a/{key}", &[]),
        (
            "GET /a",
            "GET /a\nHeaders: { Authorization: \"Bearer <t>\" }",
            &["auth-required"],
        ),
        (
            "GET /a\nAuthorization: Bearer <t>",
            "GET /a",
            &["auth-dropped"],
        ),
        (
            "GET /a",
            "GET /a\nQuery: { page: integer }",
            &["query-added-required"],
        ),
        (
            "GET /a",
            "GET /a\nQuery: { page?: integer }",
            &["query-added-optional"],
        ),
        (
            "GET /a\nQuery: { page?: integer }",
            "GET /a",
            &["query-removed"],
        ),
        (
            "GET /a\nQuery: { page?: integer }",
            "GET /a\nQuery: { page: integer }",
            &["query-now-required"],
        ),
        (
            "GET /a\nQuery: { page: integer }",
            "GET /a\nQuery: { page?: integer }",
            &["query-now-optional"],
        ),
        (
            "POST /a",
            "POST /a\nRequest: { a: string }",
            &["request-body-added"],
        ),
        (
            "POST /a\nRequest: { a: string }",
            "POST /a",
            &["request-body-removed"],
        ),
        (
            "POST /a\nRequest: { a: string }",
            "POST /a\nRequest: { a: string, b: string }",
            &["request-field-added-required"],
        ),
        (
            "POST /a\nRequest: { a: string }",
            "POST /a\nRequest: { a: string, b?: string }",
            &["request-field-added-optional"],
        ),
        (
            "POST /a\nRequest: { a: string, b?: string }",
            "POST /a\nRequest: { a: string }",
            &["request-field-removed"],
        ),
        (
            "POST /a\nRequest: { a?: string }",
            "POST /a\nRequest: { a: string }",
            &["request-field-now-required"],
        ),
        (
            "POST /a\nRequest: { a: string }",
            "POST /a\nRequest: { a?: string }",
            &["request-field-now-optional"],
        ),
        (
            "POST /a\nRequest: { a: string }",
            "POST /a\nRequest: { a: integer }",
            &["request-type-changed"],
        ),
        (
            "POST /a\nRequest: { a: string | null }",
            "POST /a\nRequest: { a: string }",
            &["request-type-changed"],
        ),
        (
            "POST /a\nRequest: { a: integer }",
            "POST /a\nRequest: { a: number }",
            &["request-type-widened"],
        ),
        (
            "POST /a\nRequest: { a: string }",
            "POST /a\nRequest: { a: string | null }",
            &["request-type-widened"],
        ),
        (
            "POST /a\nRequest: { a: \"x\" | \"y\" }",
            "POST /a\nRequest: { a: \"x\" | \"z\" }",
            &["request-enum-value-removed", "request-enum-value-added"],
        ),
        (
            "POST /a\nRequest: { o: { a: string } }",
            "POST /a\nRequest: { o: { a: string, b: string } }",
            &["request-field-added-required"],
        ),
        (
            "GET /a\nResponse: { a: string }",
            "GET /a\nResponse (201): { a: string }",
            &["response-status-changed"],
        ),
        (
            "GET /a\nResponse: { a: string }",
            "GET /a\nResponse: 204",
            &["response-status-changed", "response-body-removed"],
        ),
        (
            "GET /a",
            "GET /a\nResponse: { a: string }",
            &["response-body-added"],
        ),
        (
            "GET /a\nResponse: { a: string, b: string }",
            "GET /a\nResponse: { a: string }",
            &["response-field-removed"],
        ),
        (
            "GET /a\nResponse: { a: string }",
            "GET /a\nResponse: { a: string, b: string }",
            &["response-field-added"],
        ),
        (
            "GET /a\nResponse: { a: string }",
            "GET /a\nResponse: { a?: string }",
            &["response-field-now-optional"],
        ),
        (
            "GET /a\nResponse: { a?: string }",
            "GET /a\nResponse: { a: string }",
            &["response-field-now-required"],
        ),
        (
            "GET /a\nResponse: { a: string }",
            "GET /a\nResponse: { a: string | null }",
            &["response-type-changed"],
        ),
        (
            "GET /a\nResponse: { a: integer }",
            "GET /a\nResponse: { a: number }",
            &["response-type-changed"],
        ),
        (
            "GET /a\nResponse: { a: number }",
            "GET /a\nResponse: { a: integer }",
            &["response-type-narrowed"],
        ),
        (
            "GET /a\nResponse: { a: \"x\" | \"w\" }",
            "GET /a\nResponse: { a: \"x\" | \"w\" | \"y\" }",
            &["response-enum-value-added"],
        ),
        // One quoted string is a string (an example), not an enum of one value.
        (
            "GET /a\nResponse: { a: string }",
            "GET /a\nResponse: { a: \"x\" | \"y\" }",
            &["response-type-narrowed"],
        ),
        (
            "GET /a\nResponse: { a: \"x\" | \"y\" }",
            "GET /a\nResponse: { a: \"x\" | \"z\" }",
            &["response-enum-value-added", "response-enum-value-removed"],
        ),
        (
            "GET /a\nResponse: { items: { a: string }[] }",
            "GET /a\nResponse: { items: { b: string }[] }",
            &["response-field-removed", "response-field-added"],
        ),
        (
            "POST /a\nRequest: { a: string(1..=200) }",
            "POST /a\nRequest: { a: string(1..=100) }",
            &["request-bound-narrowed"],
        ),
        (
            "POST /a\nRequest: { a: string }",
            "POST /a\nRequest: { a: string(/^[a-z]+$/) }",
            &["request-bound-narrowed"],
        ),
        // Wider at one end and narrower at the other: a client can fail.
        (
            "POST /a\nRequest: { a: integer(0..=10) }",
            "POST /a\nRequest: { a: integer(1..=20) }",
            &["request-bound-narrowed"],
        ),
        (
            "GET /a/:id",
            "GET /a/{key}\nPath: { key: string(..=10) }",
            &["request-bound-narrowed"],
        ),
        (
            "GET /a/:id\nPath: { id: uuid }",
            "GET /a/:id",
            &["request-type-widened"],
        ),
        (
            "POST /a\nRequest: { a: string[](..=5) }",
            "POST /a\nRequest: { a: string[] }",
            &["request-bound-widened"],
        ),
        (
            "GET /a\nResponse: { a: number(0..=1) }",
            "GET /a\nResponse: { a: number(0..=2) }",
            &["response-bound-widened"],
        ),
        (
            "GET /a\nResponse: { a: string }",
            "GET /a\nResponse: { a: string(..=50) }",
            &["response-bound-narrowed"],
        ),
        (
            "GET /a",
            "GET /a\nErrors: { 404: \"Gone\" }",
            &["error-status-added"],
        ),
        (
            "GET /a\nErrors: { 404: \"Gone\" }",
            "GET /a",
            &["error-status-removed"],
        ),
        (
            "GET /a\nErrors: { 404: \"Gone\" }",
            "GET /a\nErrors: { 404: \"Not here\" }",
            &["error-message-changed"],
        ),
    ];

    #[test]
    fn every_rule_on_a_pair_that_shows_it() {
        let mut seen = BTreeSet::new();
        for (old, new, expected) in CASES {
            let mut found = rules(old, new);
            let mut expected = expected.to_vec();
            found.sort();
            expected.sort();
            assert_eq!(found, expected, "\n--- old\n{old}\n--- new\n{new}");
            seen.extend(found);
        }
        let all: BTreeSet<&str> = RULES.iter().map(|(rule, _)| *rule).collect();
        let missing: Vec<&&str> = all.difference(&seen).collect();
        assert!(missing.is_empty(), "rules no case shows: {missing:?}");
    }

    #[test]
    fn named_types_compare_by_definition_and_recursion_ends() {
        let old = "POST /a\nRequest: Node\nResponse: Node\n```\n\n```typescript\ninterface Node { name: string, children: Node[] }";
        let new = "POST /a\nRequest: Node\nResponse: Node\n```\n\n```typescript\ninterface Node { name: string, children: Node[], size: integer }";
        let mut found = rules(old, new);
        found.sort();
        assert_eq!(
            found,
            ["request-field-added-required", "response-field-added"]
        );
    }

    #[test]
    fn the_docs_explain_every_rule() {
        let docs = include_str!("../../docs/diff.md");
        for (rule, class) in RULES {
            let row = format!("| `{rule}` | {class} |");
            assert!(docs.contains(&row), "docs/diff.md has no row `{row}`");
        }
    }
}
