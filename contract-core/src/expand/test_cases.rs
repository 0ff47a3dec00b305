//! Which tests an endpoint gets, as data: the ones its contract alone decides (derived, and run
//! against the stubs as they are) and skeletons for the ones that need state.
//!
//! Derived tests follow the order in which the handler reads a request: the bearer token first,
//! then the path, the query and the body. So every test but the token's own sends a valid token,
//! and every body test a valid query: each breaks the request in exactly one place.
//!
//! A test covers a status when its name starts with `<operation>_<status>`; `scaffold --check`
//! relies on that to find the contract statuses nothing tests.

use std::collections::{BTreeMap, BTreeSet};

use super::layout::Operation;
use contract_validation::At;

use super::samples::{self, Sample, Samples};
use crate::check::route_shape;
use crate::codegen::errors::{auth_error, input_error};
use crate::model::{Bounds, Contract, Endpoint, Field, Method, Task, Type};
use crate::naming;
use crate::source::LineCol;

/// An endpoint's tests.
#[derive(Clone, Debug, Default)]
pub struct EndpointTests {
    /// What the contract alone decides: these pass against a service stub.
    pub derived: Vec<DerivedTest>,
    /// What needs state: ignored until a person arranges it.
    pub skeletons: Vec<Skeleton>,
}

/// A request the contract refuses, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct DerivedTest {
    /// `create_user_400_missing_email`.
    pub name: String,
    /// How the request differs from a valid one.
    pub change: Change,
    /// The status the endpoint must answer, 400..=599.
    pub status: u16,
    /// The message the error body must carry.
    pub message: String,
    /// What the answer must show.
    pub check: Check,
}

/// What a derived test checks of the answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    /// The status and the error body with the message.
    Refused,
    /// The same, with a `detail` that names the place (`title`, `tags[0]`, `query parameter
    /// limit`): the request broke the rule there.
    RefusedAt(String),
    /// No refusal that names the place: a value at the edge of a bound passes the contract's
    /// rules, whatever the service then answers. The test's name does not start with the status.
    AcceptedAt(String),
}

/// One way to break a valid request.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The body `{`, declared as JSON.
    MalformedJson,
    /// A valid body without `Content-Type`.
    NoContentType,
    /// The valid body without the value at a JSON pointer.
    BodyWithout {
        /// Where the value is (`/user/email`).
        pointer: String,
    },
    /// The valid body with a value set (or added) at a JSON pointer.
    BodyWith {
        /// Where the value goes (`/user/email`).
        pointer: String,
        /// The value put there: of the wrong type, outside an enum, or under an unknown field.
        value: Sample,
    },
    /// A whole body of the wrong type.
    Body(Sample),
    /// The valid query without a required parameter.
    QueryWithout {
        /// The parameter's name in the query string.
        name: String,
    },
    /// The valid query with one parameter set to a value it does not accept.
    Query {
        /// The parameter's name in the query string.
        name: String,
        /// The value, as it goes in the query string.
        value: String,
    },
    /// The valid request sent to another path: a path parameter that breaks a rule.
    Path {
        /// The whole path, percent-encoded.
        path: String,
    },
    /// No `Authorization` header.
    NoToken,
    /// An `Authorization` header that is not `Bearer <token>`.
    Authorization(String),
    /// Another method on the same path.
    Method(Method),
}

/// A test that needs state: what it expects, and what a person must arrange first.
#[derive(Clone, Debug, PartialEq)]
pub struct Skeleton {
    /// `create_user_409_email_already_registered`.
    pub name: String,
    /// What the test is about.
    pub need: Need,
    /// The answer it checks for.
    pub expect: Expect,
}

/// What a skeleton is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Need {
    /// A valid request that succeeds.
    Success,
    /// A contract status the handler cannot reach without state.
    Status,
    /// A Business Logic item of the issue.
    Rule {
        /// Its text, on one line.
        text: String,
        /// Where the item is written.
        at: LineCol,
    },
}

/// The answer a test checks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    /// An error response.
    Error {
        /// The status, 400..=599.
        status: u16,
        /// The message the error body must carry.
        message: String,
    },
    /// The contract's success status; `success_flag` when its body has a `success` field to check.
    Success {
        /// The contract's success status.
        status: u16,
        /// Whether the body has a `success` field to check.
        success_flag: bool,
    },
}

/// The message the runtime answers a method the path does not serve with.
pub const METHOD_NOT_ALLOWED: &str = "Method not allowed";

/// A malformed `Authorization` header: a scheme other than `Bearer`.
pub const MALFORMED_AUTHORIZATION: &str = "Basic YWRhOnNlY3JldA==";

/// Longest slug taken from a message or a business rule, so names stay readable.
const MAX_SLUG: usize = 48;

/// The tests of `endpoint` of `contract`; `served` are the methods the router serves on the
/// endpoint's path (from every contract), so the 405 test picks one it does not.
pub fn endpoint_tests(
    contract: &Contract,
    endpoint: &Endpoint,
    served: &BTreeSet<Method>,
) -> EndpointTests {
    let mut derived = Vec::new();
    let op = &endpoint.name;
    if let Some(input) = input_error(endpoint) {
        let mut add = |what: String, change: Change, check: Check| {
            let name = match check {
                Check::AcceptedAt(_) => format!("{op}_accepts_{what}"),
                _ => format!("{op}_{}_{what}", input.status),
            };
            derived.push(DerivedTest {
                name,
                change,
                status: input.status,
                message: input.message.clone(),
                check,
            });
        };
        let mut samples = Samples::new(&contract.types);
        path_tests(endpoint, &mut add);
        if let Some(body) = &endpoint.request {
            body_tests(body, &mut samples, &mut add);
        }
        query_tests(endpoint, &mut add);
    }
    if let Some(auth) = auth_error(endpoint) {
        let changes = [
            ("missing_token", Change::NoToken),
            (
                "malformed_token",
                Change::Authorization(MALFORMED_AUTHORIZATION.to_string()),
            ),
        ];
        for (what, change) in changes {
            derived.push(DerivedTest {
                name: format!("{op}_{}_{what}", auth.status),
                change,
                status: auth.status,
                message: auth.message.clone(),
                check: Check::Refused,
            });
        }
    }
    if let Some(method) = wrong_method(served) {
        derived.push(DerivedTest {
            name: format!(
                "{op}_405_{}_not_allowed",
                method.as_str().to_ascii_lowercase()
            ),
            change: Change::Method(method),
            status: 405,
            message: METHOD_NOT_ALLOWED.to_string(),
            check: Check::Refused,
        });
    }
    let covered: BTreeSet<u16> = derived.iter().map(|t| t.status).collect();
    let skeletons = skeletons(contract, endpoint, &covered, &derived);
    EndpointTests { derived, skeletons }
}

/// A method the path does not serve, for the 405 test. HEAD is never picked: axum answers it
/// wherever GET is served.
pub fn wrong_method(served: &BTreeSet<Method>) -> Option<Method> {
    [
        Method::Put,
        Method::Delete,
        Method::Patch,
        Method::Post,
        Method::Get,
    ]
    .into_iter()
    .find(|m| !served.contains(m))
}

/// Adds a derived test: what its name says, the change to a valid request, the check.
type Add<'a> = dyn FnMut(String, Change, Check) + 'a;

fn query_tests(endpoint: &Endpoint, add: &mut Add<'_>) {
    for param in &endpoint.query {
        let part = name_part(&param.name);
        if !param.optional && !matches!(param.ty, Type::Nullable { .. }) {
            let change = Change::QueryWithout {
                name: param.name.clone(),
            };
            add(format!("missing_{part}"), change, Check::Refused);
        }
        if let Some((value, what)) = samples::wrong_query_value(&param.ty) {
            let change = Change::Query {
                name: param.name.clone(),
                value,
            };
            add(format!("{part}_{what}"), change, Check::Refused);
        }
        if let Type::Enum { values } = unwrap_nullable(&param.ty) {
            let change = Change::Query {
                name: param.name.clone(),
                value: samples::outside(values),
            };
            add(format!("{part}_outside_its_values"), change, Check::Refused);
        }
        let place = place(&At::Query, &[Seg::Field(&param.name)]);
        for edge in edges(
            unwrap_nullable(&param.ty),
            &mut Samples::new(&[]),
            &param.name,
        ) {
            let check = edge.check(&place);
            let value = match edge.value {
                Sample::String(s) | Sample::Number(s) => s,
                _ => continue,
            };
            let change = Change::Query {
                name: param.name.clone(),
                value,
            };
            add(format!("{part}_{}", edge.what), change, check);
        }
    }
}

/// The edges of each path parameter's rules. A value the route could not match (an empty
/// segment) has no test: the answer would be the router's 404, not the contract's 400.
fn path_tests(endpoint: &Endpoint, add: &mut Add<'_>) {
    for param in &endpoint.path_params {
        let part = name_part(&param.name);
        let place = place(&At::Path, &[Seg::Field(&param.name)]);
        for edge in edges(&param.ty, &mut Samples::new(&[]), &param.name) {
            let check = edge.check(&place);
            let Sample::String(value) = edge.value else {
                continue;
            };
            if value.is_empty() {
                continue;
            }
            let path = samples::path_with(endpoint, Some((&param.name, &value)));
            add(
                format!("{part}_{}", edge.what),
                Change::Path { path },
                check,
            );
        }
    }
}

/// Named types inside the body are the user's or defined elsewhere: their fields are not broken
/// one by one.
fn body_tests(body: &Type, samples: &mut Samples<'_>, add: &mut Add<'_>) {
    add(
        "malformed_json".to_string(),
        Change::MalformedJson,
        Check::Refused,
    );
    add(
        "missing_content_type".to_string(),
        Change::NoContentType,
        Check::Refused,
    );
    match body {
        Type::Object { fields } => {
            // serde reads a struct from an array of its fields too; the contract's object is not one.
            add(
                "body_not_an_object".to_string(),
                Change::Body(Sample::Array(Vec::new())),
                Check::Refused,
            );
            field_tests(fields, "", "", &[], samples, add);
            let unknown = unknown_field_name(fields);
            let change = Change::BodyWith {
                pointer: format!("/{}", escape_pointer(&unknown)),
                value: Sample::Bool(true),
            };
            add("unknown_field".to_string(), change, Check::Refused);
        }
        other => {
            if let Some((value, what)) = samples::wrong_type(other) {
                add(format!("body_{what}"), Change::Body(value), Check::Refused);
            }
        }
    }
}

/// Tests for the fields of an object at `pointer` (`""` for the body), named after `prefix`;
/// `at` is the same place as the handler names it in a detail.
fn field_tests(
    fields: &[Field],
    pointer: &str,
    prefix: &str,
    at: &[Seg<'_>],
    samples: &mut Samples<'_>,
    add: &mut Add<'_>,
) {
    for field in fields {
        let pointer = format!("{pointer}/{}", escape_pointer(&field.name));
        let part = format!("{prefix}{}", name_part(&field.name));
        let at: Vec<Seg<'_>> = at
            .iter()
            .copied()
            .chain([Seg::Field(&field.name)])
            .collect();
        // A missing `T | null` reads as `None`: serde cannot tell it from `null`.
        if !field.optional && !matches!(field.ty, Type::Nullable { .. }) {
            let change = Change::BodyWithout {
                pointer: pointer.clone(),
            };
            add(format!("missing_{part}"), change, Check::Refused);
        }
        if let Some((value, what)) = samples::wrong_type(&field.ty) {
            let change = Change::BodyWith {
                pointer: pointer.clone(),
                value,
            };
            add(format!("{part}_{what}"), change, Check::Refused);
        }
        // `name?: T` may be left out, but is not `null` unless the contract says `T | null`.
        if field.optional && !field.takes_null() {
            let change = Change::BodyWith {
                pointer: pointer.clone(),
                value: Sample::Null,
            };
            add(format!("{part}_null"), change, Check::Refused);
        }
        let ty = unwrap_nullable(&field.ty);
        rule_tests(ty, &pointer, &part, &at, &field.name, samples, add);
        match ty {
            Type::Enum { values } => {
                let change = Change::BodyWith {
                    pointer: pointer.clone(),
                    value: Sample::String(samples::outside(values)),
                };
                add(format!("{part}_outside_its_values"), change, Check::Refused);
            }
            Type::Object { fields } => {
                field_tests(fields, &pointer, &format!("{part}_"), &at, samples, add);
            }
            // The sample array holds at least one item (unless it may hold none): break the first.
            Type::Array { items, length } if length.max != Some(0) => {
                let pointer = format!("{pointer}/0");
                let at: Vec<Seg<'_>> = at.iter().copied().chain([Seg::Index(0)]).collect();
                let item_part = format!("{part}_item");
                match unwrap_nullable(items) {
                    Type::Object { fields } => {
                        field_tests(fields, &pointer, &format!("{part}_"), &at, samples, add);
                    }
                    Type::Enum { values } => {
                        let change = Change::BodyWith {
                            pointer,
                            value: Sample::String(samples::outside(values)),
                        };
                        add(
                            format!("{item_part}_outside_its_values"),
                            change,
                            Check::Refused,
                        );
                    }
                    items => {
                        let name = samples::singular(&field.name);
                        rule_tests(items, &pointer, &item_part, &at, &name, samples, add);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The tests of the rules on the value at `pointer` beyond its shape: each bound's edges, a
/// malformed value for a format, a value a pattern does not match.
fn rule_tests(
    ty: &Type,
    pointer: &str,
    part: &str,
    at: &[Seg<'_>],
    name: &str,
    samples: &mut Samples<'_>,
    add: &mut Add<'_>,
) {
    let place = place(&At::Body, at);
    for edge in edges(ty, samples, name) {
        let check = edge.check(&place);
        let change = Change::BodyWith {
            pointer: pointer.to_string(),
            value: edge.value,
        };
        add(format!("{part}_{}", edge.what), change, check);
    }
}

/// A value at the edge of a rule: what the test name says of it, and whether it passes.
struct Edge {
    what: String,
    value: Sample,
    passes: bool,
}

/// The longest string or array an edge test sends: past it, only the lower edges are tested.
const MAX_EDGE: u64 = 10_000;

/// The values at the edges of `ty`'s rules: a bound's ends (which pass) and one past each end
/// (which do not), a malformed value for a format, a value outside a pattern. A string with a
/// format or a pattern has no length edges here: padding it would break the format first.
fn edges(ty: &Type, samples: &mut Samples<'_>, name: &str) -> Vec<Edge> {
    let mut out = Vec::new();
    // A length or a count past `MAX_EDGE` is not sent.
    let sendable = |b: &Bounds<u64>| Bounds {
        min: b.min.filter(|&m| m <= MAX_EDGE),
        max: b.max.filter(|&m| m < MAX_EDGE),
    };
    let count_step = |n: u64, end: End| match end {
        End::Below => n.checked_sub(1),
        _ => Some(n + 1),
    };
    let plural = |n: u64, one: &str| {
        if n == 1 {
            one.to_owned()
        } else {
            format!("{one}s")
        }
    };
    match ty {
        Type::String {
            format,
            length,
            pattern,
        } => {
            if let Some(format) = format {
                let (value, what) = samples::malformed(*format);
                out.push(Edge::refused(what, Sample::String(value.to_string())));
            }
            if let Some(pattern) = pattern
                && let Some(value) = samples::not_matching(pattern, length)
            {
                out.push(Edge::refused(
                    "not_matching_its_pattern",
                    Sample::String(value),
                ));
            }
            if format.is_none() && pattern.is_none() {
                let name = |end: End, n: u64| match end {
                    End::At => format!("of_{n}_{}", plural(n, "character")),
                    End::Below => "too_short".to_owned(),
                    End::Above => "too_long".to_owned(),
                };
                let text = |n: u64| Sample::String(samples::string_of_length("", n));
                bound_edges(&sendable(length), count_step, name, text, &mut out);
            }
        }
        Type::Integer { range } => {
            let step = |n: i64, end: End| match end {
                End::Below => n.checked_sub(1),
                _ => n.checked_add(1),
            };
            let name = |end: End, n: i64| end.word(&number_word(n));
            let number = |n: i64| Sample::Number(n.to_string());
            bound_edges(range, step, name, number, &mut out);
        }
        Type::Number { range } => {
            let step = |n: f64, end: End| Some(if end == End::Below { n - 1.0 } else { n + 1.0 });
            let name = |end: End, n: f64| end.word(&number_word(samples::number_text(n)));
            let number = |n: f64| Sample::Number(samples::number_text(n));
            bound_edges(range, step, name, number, &mut out);
        }
        Type::Array { items, length } => {
            let item = samples.value(items, &samples::singular(name));
            let list = |n: u64| Sample::Array(vec![item.clone(); usize::try_from(n).unwrap_or(0)]);
            let name = |end: End, n: u64| match end {
                End::At => format!("with_{n}_{}", plural(n, "item")),
                End::Below => "with_too_few_items".to_owned(),
                End::Above => "with_too_many_items".to_owned(),
            };
            bound_edges(&sendable(length), count_step, name, list, &mut out);
        }
        _ => {}
    }
    out
}

/// Which edge of a bound: an end itself, or one step below the lower or above the upper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    At,
    Below,
    Above,
}

impl End {
    /// `of_5`, `below_5`, `above_5`: a number's edge in a test name.
    fn word(self, number: &str) -> String {
        match self {
            End::At => format!("of_{number}"),
            End::Below => format!("below_{number}"),
            End::Above => format!("above_{number}"),
        }
    }
}

impl Edge {
    /// What a test of this edge checks of the answer, for a value at `place`.
    fn check(&self, place: &str) -> Check {
        if self.passes {
            Check::AcceptedAt(place.to_owned())
        } else {
            Check::RefusedAt(place.to_owned())
        }
    }

    fn refused(what: &str, value: Sample) -> Edge {
        Edge {
            what: what.to_owned(),
            value,
            passes: false,
        }
    }
}

/// The edges of `bounds`: each end (which passes; once when both ends are one value) and a step
/// past it (which does not; none where `step` finds no value past the end).
fn bound_edges<T: Copy + PartialEq>(
    bounds: &Bounds<T>,
    step: impl Fn(T, End) -> Option<T>,
    name: impl Fn(End, T) -> String,
    value: impl Fn(T) -> Sample,
    out: &mut Vec<Edge>,
) {
    let mut edge = |end: End, at: T, passes: bool| {
        let sent = if passes { Some(at) } else { step(at, end) };
        if let Some(sent) = sent {
            out.push(Edge {
                what: name(end, at),
                value: value(sent),
                passes,
            });
        }
    };
    if let Some(min) = bounds.min {
        edge(End::At, min, true);
        edge(End::Below, min, false);
    }
    if let Some(max) = bounds.max {
        if bounds.min != Some(max) {
            edge(End::At, max, true);
        }
        edge(End::Above, max, false);
    }
}

/// A number as words of a test name: `-5` is `minus_5`, `0.5` is `0_5`.
fn number_word(n: impl ToString) -> String {
    n.to_string().replace('-', "minus_").replace('.', "_")
}

/// One step of a place in a request: a field, or an item of an array.
#[derive(Clone, Copy, Debug)]
enum Seg<'a> {
    Field(&'a str),
    Index(usize),
}

/// The place as the handler's detail names it, by the runtime's own rule ([`At`]).
fn place(root: &At<'_>, segs: &[Seg<'_>]) -> String {
    match segs.split_first() {
        None => root.to_string(),
        Some((Seg::Field(name), rest)) => place(&root.field(name), rest),
        Some((Seg::Index(index), rest)) => place(&root.index(*index), rest),
    }
}

fn unwrap_nullable(ty: &Type) -> &Type {
    match ty {
        Type::Nullable { inner } => inner,
        ty => ty,
    }
}

/// A field name the body does not have.
fn unknown_field_name(fields: &[Field]) -> String {
    let mut name = String::from("unexpected");
    let mut n = 2;
    while fields.iter().any(|f| f.name == name) {
        name = format!("unexpected{n}");
        n += 1;
    }
    name
}

/// A JSON pointer token: `~` and `/` escaped as RFC 6901 says.
fn escape_pointer(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// The methods served on each route shape, across `endpoints`: the planner needs them for the
/// wrong-method test ([`served_on`]).
pub fn served_methods<'e>(
    endpoints: impl IntoIterator<Item = &'e Endpoint>,
) -> BTreeMap<String, BTreeSet<Method>> {
    let mut served: BTreeMap<String, BTreeSet<Method>> = BTreeMap::new();
    for endpoint in endpoints {
        served
            .entry(route_shape(&endpoint.route))
            .or_default()
            .insert(endpoint.method);
    }
    served
}

/// The methods `served` on `endpoint`'s route.
pub fn served_on(
    served: &BTreeMap<String, BTreeSet<Method>>,
    endpoint: &Endpoint,
) -> BTreeSet<Method> {
    served
        .get(&route_shape(&endpoint.route))
        .cloned()
        .unwrap_or_default()
}

/// The skeletons: the happy path, each contract status no derived test reaches, each rule.
fn skeletons(
    contract: &Contract,
    endpoint: &Endpoint,
    covered: &BTreeSet<u16>,
    derived: &[DerivedTest],
) -> Vec<Skeleton> {
    let op = &endpoint.name;
    let mut taken: BTreeSet<String> = derived.iter().map(|t| t.name.clone()).collect();
    let mut out = Vec::new();
    let success_flag = matches!(&endpoint.response.body, Some(Type::Object { fields })
        if fields.iter().any(|f| f.name == "success" && f.ty == Type::Boolean));
    out.push(Skeleton {
        name: unique(format!("{op}_succeeds"), &mut taken),
        need: Need::Success,
        expect: Expect::Success {
            status: endpoint.response.status,
            success_flag,
        },
    });
    let mut errors: Vec<_> = endpoint
        .errors
        .iter()
        .filter(|e| !covered.contains(&e.status))
        .collect();
    errors.sort_by_key(|e| e.status);
    for error in errors {
        let slug = slug(&error.message, None);
        out.push(Skeleton {
            name: unique(join_name(op, Some(error.status), &slug), &mut taken),
            need: Need::Status,
            expect: Expect::Error {
                status: error.status,
                message: error.message.clone(),
            },
        });
    }
    for (task, status) in rules_for(contract, endpoint) {
        let text = task.text.as_str();
        let expect = match status.and_then(|s| endpoint.error(s)) {
            Some(error) => Expect::Error {
                status: error.status,
                message: error.message.clone(),
            },
            None => Expect::Success {
                status: endpoint.response.status,
                success_flag,
            },
        };
        let slug = slug(text, status);
        out.push(Skeleton {
            name: unique(join_name(op, status, &slug), &mut taken),
            need: Need::Rule {
                text: one_line(text),
                at: task.at,
            },
            expect,
        });
    }
    out
}

/// The Business Logic items that concern `endpoint`, each with the error status it names.
///
/// An item naming a status the issue lists (`... rejected with 409`, `(413)`) belongs to the
/// endpoints that list it; any other item to every endpoint of the issue, since nothing says
/// which it is about.
pub fn rules_for<'c>(contract: &'c Contract, endpoint: &Endpoint) -> Vec<(&'c Task, Option<u16>)> {
    // The statuses any endpoint of the issue lists, looked up only when an item names one: an
    // issue of many endpoints asks this once per endpoint.
    let mut listed: Option<BTreeSet<u16>> = None;
    let own: BTreeSet<u16> = endpoint.errors.iter().map(|e| e.status).collect();
    let mut rules = Vec::new();
    for task in &contract.business_logic {
        let named: Vec<u16> = statuses_in(&task.text);
        let named: Vec<u16> = if named.is_empty() {
            named
        } else {
            let listed = listed.get_or_insert_with(|| {
                contract
                    .endpoints
                    .iter()
                    .flat_map(|e| e.errors.iter().map(|x| x.status))
                    .collect()
            });
            named.into_iter().filter(|s| listed.contains(s)).collect()
        };
        if named.is_empty() {
            rules.push((task, None));
        } else if let Some(status) = named.iter().find(|s| own.contains(s)) {
            rules.push((task, Some(*status)));
        }
    }
    rules
}

/// Three-digit numbers from 400 to 599 in `text`, in order.
fn statuses_in(text: &str) -> Vec<u16> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 3)
        .filter_map(|w| w.parse().ok())
        .filter(|s| (400..600).contains(s))
        .collect()
}

/// `<op>_<status>_<slug>`, leaving out what is absent.
fn join_name(op: &str, status: Option<u16>, slug: &str) -> String {
    let mut name = op.to_string();
    if let Some(status) = status {
        name.push_str(&format!("_{status}"));
    }
    if !slug.is_empty() {
        name.push('_');
        name.push_str(slug);
    }
    name
}

/// `name`, or `name_2`, `name_3`, ... when taken; claims the result.
fn unique(name: String, taken: &mut BTreeSet<String>) -> String {
    let name = naming::numbered(&name, |candidate| taken.contains(candidate));
    taken.insert(name.clone());
    name
}

/// Words a test name does without.
const FILLER: [&str; 8] = ["a", "an", "the", "is", "are", "be", "must", "should"];

/// Words a test name does not end on: they lead to something the name left out.
const DANGLING: [&str; 22] = [
    "and",
    "or",
    "with",
    "to",
    "in",
    "of",
    "from",
    "per",
    "at",
    "for",
    "by",
    "on",
    "than",
    "otherwise",
    "gives",
    "give",
    "gets",
    "get",
    "returns",
    "return",
    "is",
    "are",
];

/// A snake_case slug of `text` for a test name: lower-case words without filler, cut at a word
/// boundary to at most 48 characters, never ending on a word that leads somewhere.
/// `status`, when the name carries it already, is left out of the words.
pub fn slug(text: &str, status: Option<u16>) -> String {
    let cleaned: String = text.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
    let status = status.map(|s| s.to_string());
    let words: Vec<String> = cleaned
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .filter(|w| !FILLER.contains(&w.as_str()))
        .filter(|w| Some(w) != status.as_ref())
        .collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut length = 0;
    for word in &words {
        let added = word.len() + usize::from(!kept.is_empty());
        if length + added > MAX_SLUG && !kept.is_empty() {
            break;
        }
        kept.push(word);
        length += added;
    }
    while kept.len() > 1 && kept.last().is_some_and(|w| DANGLING.contains(w)) {
        kept.pop();
    }
    kept.join("_")
}

/// A JSON name as part of a test name: `x-trace-id` -> `x_trace_id`, `createdAt` -> `created_at`.
fn name_part(name: &str) -> String {
    let snake = heck::ToSnakeCase::to_snake_case(name);
    let mut out = String::with_capacity(snake.len());
    for c in snake.chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '_' };
        if !(c == '_' && (out.is_empty() || out.ends_with('_'))) {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('_').to_string();
    if out.is_empty() {
        "field".to_string()
    } else {
        out
    }
}

/// Text on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sample request body of an endpoint, if it has one.
pub fn valid_body(contract: &Contract, endpoint: &Endpoint) -> Option<Sample> {
    let body = endpoint.request.as_ref()?;
    Some(Samples::new(&contract.types).value(body, ""))
}

/// The module names a skeleton file cannot take: the binary's root declares modules of these
/// names, and `main` is the root itself.
const RESERVED_MODULES: [&str; 4] = ["common", "contract", "main", "support"];

/// The name a test module of the binary's root takes for `module`: itself, or with `_tests`
/// when the root already declares a module of that name.
pub fn root_module(module: &str) -> String {
    if RESERVED_MODULES.contains(&module) {
        format!("{module}_tests")
    } else {
        module.to_string()
    }
}

/// One operation's tests with the names its files use.
pub(super) struct OpTests<'a> {
    pub(super) contract: &'a Contract,
    pub(super) endpoint: &'a Endpoint,
    /// The operation as a module name: `support/<module>.rs`, `contract/<module>.rs`.
    pub(super) module: String,
    /// The skeletons' module in the binary's root, `tests/endpoints/<skeleton_module>.rs`.
    pub(super) skeleton_module: String,
    pub(super) tests: EndpointTests,
}

impl<'a> OpTests<'a> {
    pub(super) fn new(op: &Operation<'a>, tests: EndpointTests) -> Self {
        let module = naming::module(&op.endpoint.name);
        OpTests {
            contract: op.contract,
            endpoint: op.endpoint,
            skeleton_module: root_module(&module),
            module,
            tests,
        }
    }

    pub(super) fn signature(&self) -> String {
        format!("`{} {}`", self.endpoint.method, self.endpoint.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::route_shape;

    #[test]
    fn slugs_read_like_names() {
        let cases = [
            ("Email already registered", None, "email_already_registered"),
            ("Not the owner of this todo", None, "not_owner_of_this_todo"),
            (
                "Email must be a valid address and is stored lower-cased",
                None,
                "email_valid_address_and_stored_lower_cased",
            ),
            (
                "A second account with the same email is rejected with 409",
                Some(409),
                "second_account_with_same_email_rejected",
            ),
            ("Unknown id gives 404", Some(404), "unknown_id"),
            ("`id` must be a UUID, otherwise 400", Some(400), "id_uuid"),
            (
                "Respond with 201 and the new user's id",
                None,
                "respond_with_201_and_new_users_id",
            ),
            (
                "More than 20 requests per minute from one address give 429",
                Some(429),
                "more_than_20_requests_per_minute_from_one",
            ),
            ("", None, ""),
        ];
        for (text, status, expected) in cases {
            assert_eq!(slug(text, status), expected, "{text}");
            assert!(slug(text, status).len() <= MAX_SLUG);
        }
    }

    #[test]
    fn statuses_named_in_rules() {
        assert_eq!(statuses_in("At most 1000 items per request (413)"), [413]);
        assert_eq!(
            statuses_in("Respond with 201 and the id"),
            Vec::<u16>::new()
        );
        assert_eq!(statuses_in("400 or 404"), [400, 404]);
    }

    #[test]
    fn names_of_fields() {
        assert_eq!(name_part("x-trace-id"), "x_trace_id");
        assert_eq!(name_part("createdAt"), "created_at");
        assert_eq!(name_part("--"), "field");
    }

    #[test]
    fn unique_names_get_a_number() {
        let mut taken = BTreeSet::new();
        assert_eq!(unique("a".into(), &mut taken), "a");
        assert_eq!(unique("a".into(), &mut taken), "a_2");
        assert_eq!(unique("a".into(), &mut taken), "a_3");
    }

    #[test]
    fn the_405_method_is_one_the_path_does_not_serve() {
        let served = BTreeSet::from([Method::Put, Method::Post]);
        assert_eq!(wrong_method(&served), Some(Method::Delete));
        assert_eq!(route_shape("/api/todos/{todoId}"), "/api/todos/{}");
    }

    /// The derived tests of the one endpoint of `block`, by name.
    fn derived_names(block: &str) -> Vec<String> {
        let contract = crate::parse::tests::check_block(block).expect("a valid block");
        let endpoint = &contract.endpoints[0];
        let served = BTreeSet::from([endpoint.method]);
        endpoint_tests(&contract, endpoint, &served)
            .derived
            .into_iter()
            .map(|t| t.name)
            .collect()
    }

    #[test]
    fn each_edge_once_and_each_name_once() {
        let names = derived_names(
            "POST /api/codes/:code\nPath: { code: string(2..=2) }\n\
             Request: { n: integer(5..=5), tags: string[](1..=1), id: uuid }\nResponse: 204",
        );
        let edges: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|n| {
                n.contains("accepts")
                    || n.contains("too_")
                    || n.contains("_below_")
                    || n.contains("_above_")
                    || n.contains("not_a_uuid")
            })
            .collect();
        assert_eq!(
            edges,
            [
                "create_code_accepts_code_of_2_characters",
                "create_code_400_code_too_short",
                "create_code_400_code_too_long",
                "create_code_accepts_n_of_5",
                "create_code_400_n_below_5",
                "create_code_400_n_above_5",
                "create_code_accepts_tags_with_1_item",
                "create_code_400_tags_with_too_few_items",
                "create_code_400_tags_with_too_many_items",
                "create_code_400_id_not_a_uuid",
            ]
        );
        let unique: BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
    }
}
