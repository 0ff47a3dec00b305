//! Stage 3: the candidates become the document's endpoints. Relative routes are joined to the base
//! path stated above them; a route named twice (an index table, then a section) is one endpoint;
//! a route named again without the `/api` prefix the others have is the same endpoint; a concrete
//! path that a templated one matches (`GET /invoices/inv-2291` beside `GET /invoices/{id}`) is an
//! example of it, and its blocks describe it; and endpoints that the operation rule names alike
//! get names that tell them apart ([`naming::distinct_operation_names`]). Each endpoint says what
//! was done and where.

use std::collections::HashMap;

use super::candidates::{BasePath, Candidate, Candidates, Form, is_mount_segment};
use super::method_path::is_version;
use super::{Inferred, Note, Part};
use crate::model::Method;
use crate::naming;
use crate::source::Spanned;

/// An endpoint a document names, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedEndpoint {
    /// The method, upper case.
    pub method: Spanned<String>,
    /// The path from the root, without host or query string, its parameters as written.
    pub path: Spanned<String>,
    /// Which structure named it.
    pub form: Form,
}

/// One endpoint of the document, before its parts are read.
#[derive(Clone, Debug)]
pub(super) struct Resolved {
    pub named: NamedEndpoint,
    /// The name it gets when the rule's name is another endpoint's too.
    pub operation: Option<Spanned<String>>,
    /// What resolution did: a base path joined, an example folded in.
    pub inferred: Vec<Inferred>,
    /// A name made distinct, said as a sentence.
    pub notes: Vec<Note>,
}

/// The endpoints, and each block that names one (`(block, endpoint)`, in document order): the
/// part under a second naming, or under an example, is that endpoint's too.
#[derive(Debug, Default)]
pub(super) struct Endpoints {
    pub endpoints: Vec<Resolved>,
    pub anchors: Vec<(usize, usize)>,
}

/// The document's endpoints from its candidates.
pub(super) fn resolve(found: Candidates) -> Endpoints {
    let Candidates { endpoints, bases } = found;
    let written_out = written_out(&bases, &endpoints);
    // One entry per route: the candidate that named it first, and where the others point.
    let mut routes: Vec<Route> = Vec::new();
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    for candidate in endpoints {
        let (candidate, joined) = joined_to_base(candidate, &bases, &written_out);
        let key = (
            candidate.method.value.clone(),
            route_key(&candidate.path.value),
        );
        let index = *by_key.entry(key).or_insert_with_key(|(_, key)| {
            routes.push(Route::new(candidate.clone(), key.clone()));
            routes.len() - 1
        });
        let route = &mut routes[index];
        route.example &= candidate.example;
        route.inferred.extend(joined);
        route.blocks.push(candidate.block);
    }
    merge_prefixed(&mut routes);
    fold_examples(&mut routes);
    // The endpoints in the order of their first naming, and each candidate's block to its
    // endpoint's index.
    // A route shown only as an example, with a value in it (`/customers/cus_10001`), that no
    // templated route takes in shows an endpoint the document does not define.
    let mut kept: Vec<usize> = (0..routes.len())
        .filter(|&index| {
            let route = &routes[index];
            route.into.is_none() && !(route.example && route.key.split('/').any(is_value))
        })
        .collect();
    kept.sort_by_key(|&index| routes[index].blocks.first().copied());
    let anchors = anchors(&routes, &kept);
    let mut endpoints: Vec<Resolved> = kept
        .into_iter()
        .map(|index| routes[index].resolved())
        .collect();
    distinct_names(&mut endpoints);
    Endpoints { endpoints, anchors }
}

/// For each base, whether most routes under it already write it out in full (`/api/v1/users`
/// under a base of `/api/v1`): it is part of the routes as written then, and the others
/// (`/health`) are from the root.
fn written_out(bases: &[BasePath], endpoints: &[Candidate]) -> Vec<bool> {
    bases
        .iter()
        .map(|base| {
            let (mut within, mut written) = (0, 0);
            for candidate in endpoints {
                if base.block <= candidate.block && candidate.block < base.end {
                    within += 1;
                    written += usize::from(under(&candidate.path.value, &base.path.value));
                }
            }
            written * 2 > within
        })
        .collect()
}

/// Each block that names a route, with the index (among `kept`) of the endpoint the route
/// became, sorted.
fn anchors(routes: &[Route], kept: &[usize]) -> Vec<(usize, usize)> {
    let position: HashMap<usize, usize> = kept
        .iter()
        .enumerate()
        .map(|(position, &index)| (index, position))
        .collect();
    let mut anchors: Vec<(usize, usize)> = routes
        .iter()
        .enumerate()
        .filter_map(|(index, route)| {
            let endpoint = *position.get(&final_route(routes, index))?;
            Some(route.blocks.iter().map(move |&block| (block, endpoint)))
        })
        .flatten()
        .collect();
    anchors.sort_unstable();
    anchors.dedup();
    anchors
}

/// One route of the document while candidates are being resolved.
struct Route {
    /// The candidate that named it first.
    first: Candidate,
    /// Its [`route_key`].
    key: String,
    /// Every block that names it.
    blocks: Vec<usize>,
    /// Every naming stands where examples do.
    example: bool,
    /// The route it was found to be (an example of it, or it with a prefix).
    into: Option<usize>,
    inferred: Vec<Inferred>,
}

impl Route {
    /// The endpoint the route is, with a note when its path parameters had to be renamed.
    fn resolved(&mut self) -> Resolved {
        let mut notes = Vec::new();
        let written = &self.first.path.value;
        if !plain_parameters(written)
            && parameter_names(written) != parameter_names(&template_path(written))
        {
            notes.push(Note {
                span: self.first.path.span,
                text: format!(
                    "its path parameters are named as code can name them: `{}`",
                    template_path(written)
                ),
            });
        }
        Resolved {
            named: NamedEndpoint {
                method: self.first.method.clone(),
                path: self.first.path.clone(),
                form: self.first.form,
            },
            operation: None,
            inferred: std::mem::take(&mut self.inferred),
            notes,
        }
    }

    fn new(first: Candidate, key: String) -> Route {
        Route {
            key,
            example: first.example,
            first,
            blocks: Vec::new(),
            into: None,
            inferred: Vec::new(),
        }
    }
}

/// The route `index` ends up as, following `into`.
fn final_route(routes: &[Route], mut index: usize) -> usize {
    // Each step goes to a route that has none: at most one.
    while let Some(into) = routes[index].into {
        index = into;
    }
    index
}

/// `candidate` with its path joined to the base path stated last above it, unless it is under
/// that path already; and what was done.
fn joined_to_base(
    mut candidate: Candidate,
    bases: &[BasePath],
    written_out: &[bool],
) -> (Candidate, Option<Inferred>) {
    let Some((index, base)) = bases
        .iter()
        .enumerate()
        .rev()
        .find(|(_, base)| base.block <= candidate.block && candidate.block < base.end)
    else {
        return (candidate, None);
    };
    // `### GET /todo/task/1/` under `## Task Detail /todo/task/<id>/`: an example of the
    // template its section states.
    let template = &base.path.value;
    if is_instance(template, &candidate.path.value) {
        let shown = std::mem::replace(
            &mut candidate.path.value,
            template.trim_end_matches('/').to_owned(),
        );
        let inferred = Inferred {
            part: Part::Endpoint,
            how: format!(
                "`{shown}` taken as an example of `{template}`, the path its section states"
            )
            .into(),
            span: base.path.span,
        };
        return (candidate, Some(inferred));
    }
    if written_out[index] {
        return (candidate, None);
    }
    // A path that starts as the base does is not relative to it (`/api/v1/admin/x` under a base
    // of `/api/v1/x`), nor one that holds it after its mount prefix (`/api/v1/inventory/items`
    // under a section `Inventory (`/inventory/`)`).
    let path = &candidate.path.value;
    let first_segment = |path: &str| path.split('/').nth(1).map(str::to_owned);
    let base_path = base.path.value.trim_end_matches('/');
    if base_path.is_empty()
        || first_segment(path) == first_segment(base_path)
        || under(unprefixed(path), base_path)
    {
        return (candidate, None);
    }
    candidate.path.value = match path.as_str() {
        "/" => base_path.to_owned(),
        _ => overlapped(base_path, path),
    };
    let inferred = Inferred {
        part: Part::Endpoint,
        how: format!("its path joined to the base path `{}`", base.path.value).into(),
        span: base.path.span,
    };
    (candidate, Some(inferred))
}

/// Whether `path` starts with every segment of `base`.
fn under(path: &str, base: &str) -> bool {
    path.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// `base` and `path` joined, where the base ends with the segments the path starts with written
/// once: a base of `/api/v1/payments` and a route `/payments/:id` are `/api/v1/payments/:id`.
fn overlapped(base: &str, path: &str) -> String {
    let base_segments: Vec<&str> = base.split('/').skip(1).collect();
    let path_segments: Vec<&str> = path.split('/').skip(1).collect();
    let most = base_segments.len().min(path_segments.len());
    let overlap = (1..=most)
        .rev()
        .find(|&k| base_segments[base_segments.len() - k..] == path_segments[..k])
        .unwrap_or(0);
    let rest: String = path_segments[overlap..]
        .iter()
        .map(|segment| format!("/{segment}"))
        .collect();
    format!("{base}{rest}")
}

/// Segments a route may be mounted under (`/api`, `/v2`, `/api/v1`): a route named once with them
/// and once without, in two forms (a list, then a latency table), is one route, the one with
/// them. Named both ways in one form (two rows of a route table: `/contacts` for the pages,
/// `/api/v1/contacts` for the JSON API), they are two.
fn merge_prefixed(routes: &mut [Route]) {
    let mut by_rest: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (index, route) in routes.iter().enumerate() {
        let rest = unprefixed(&route.key);
        by_rest
            .entry((route.first.method.value.clone(), rest.to_owned()))
            .or_default()
            .push(index);
    }
    for group in by_rest.values().filter(|group| group.len() == 2) {
        let prefixed = |index: usize| {
            let key = &routes[index].key;
            unprefixed(key).len() < key.len()
        };
        let (a, b) = (group[0], group[1]);
        if routes[a].first.form == routes[b].first.form {
            continue;
        }
        let (bare, full) = match (prefixed(a), prefixed(b)) {
            (false, true) => (a, b),
            (true, false) => (b, a),
            _ => continue,
        };
        routes[bare].into = Some(full);
        let blocks = std::mem::take(&mut routes[bare].blocks);
        let inferred = std::mem::take(&mut routes[bare].inferred);
        let route = &mut routes[full];
        route.blocks.extend(blocks);
        route.blocks.sort_unstable();
        route.inferred.extend(inferred);
    }
}

/// `key` without its leading mount segments (`api`, `rest`, versions).
fn unprefixed(key: &str) -> &str {
    let mut rest = key;
    loop {
        let Some(after) = rest.strip_prefix('/') else {
            return rest;
        };
        let segment = after.split('/').next().unwrap_or("");
        if !is_mount_segment(segment) || after.len() == segment.len() {
            return rest;
        }
        rest = &after[segment.len()..];
    }
}

/// Concrete routes that a templated route of the same method matches, folded into it.
fn fold_examples(routes: &mut [Route]) {
    let templates: Vec<usize> = (0..routes.len())
        .filter(|&index| routes[index].key.contains("{}"))
        .collect();
    if templates.is_empty() {
        return;
    }
    for index in 0..routes.len() {
        let route = &routes[index];
        if route.into.is_some() || route.key.contains("{}") {
            continue;
        }
        let template = templates.iter().copied().find(|&other| {
            let template = &routes[other];
            template.into.is_none()
                && template.first.method.value == route.first.method.value
                && matches_template(&template.key, &route.key, route.example)
        });
        let Some(template) = template else {
            continue;
        };
        routes[index].into = Some(template);
        let blocks = std::mem::take(&mut routes[index].blocks);
        let first = routes[index].first.clone();
        let route = &mut routes[template];
        route.blocks.extend(blocks);
        route.blocks.sort_unstable();
        route.inferred.push(Inferred {
            part: Part::Endpoint,
            how: format!(
                "also shown by an example, `{} {}`",
                first.method.value, first.path.value
            )
            .into(),
            span: first.path.span,
        });
    }
}

/// Whether `path` is a concrete instance of the templated `template` (`/orders/ORD123` of
/// `/orders/{orderId}`), as [`matches_template`] decides outside examples.
pub(crate) fn is_instance(template: &str, path: &str) -> bool {
    matches_template(&route_key(template), &route_key(path), false)
}

/// Whether the concrete route `key` is an instance of `template`: the same literal segments, and a
/// value where the template has a parameter. A value has a digit or an `@` (`inv-2291`, `8812`);
/// any word is one when the route is named only where examples are shown (`/users/alice` in an
/// HTTP example).
fn matches_template(template: &str, key: &str, example: bool) -> bool {
    let mut parameters = 0;
    let mut template_segments = template.split('/');
    let mut segments = key.split('/');
    loop {
        match (template_segments.next(), segments.next()) {
            (None, None) => return parameters > 0,
            // Words routes are made of are no example values (`/users/search`, `/users/me`).
            (Some("{}"), Some(value)) if ROUTE_WORDS.contains(&value) => return false,
            (Some("{}"), Some(value)) => {
                if value.is_empty() || !(is_value(value) || example) {
                    return false;
                }
                parameters += 1;
            }
            (Some(literal), Some(segment)) if literal == segment => {}
            _ => return false,
        }
    }
}

/// Whether a path segment reads as a value rather than a word of a route: `inv-2291`, `a@b.c`,
/// or a placeholder of an identifier (`uuid-conta`); not a version (`v2`).
fn is_value(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    !is_version(segment)
        && (segment.bytes().any(|b| b.is_ascii_digit() || b == b'@')
            || lower.contains("uuid")
            || lower.contains("guid"))
}

/// Segments that routes are made of, beside a parameter in the same place, rather than values
/// of it.
const ROUTE_WORDS: [&str; 16] = [
    "search", "me", "self", "current", "all", "new", "latest", "recent", "count", "stats",
    "export", "import", "bulk", "batch", "mine", "status",
];

/// Gives each group of endpoints that the operation rule names alike the names that tell them
/// apart, and makes every name of the document distinct.
fn distinct_names(endpoints: &mut [Resolved]) {
    let route = |endpoint: &Resolved| {
        let method = Method::parse(&endpoint.named.method.value)?;
        Some((method, template_path(&endpoint.named.path.value)))
    };
    // The method and the path as the checker will see them, and the rule's name. Any two routes
    // may be named alike (`/queues/:id/stats` and `/dashboard/queue-stats`), so all are named.
    let routes: Vec<Option<(Method, String)>> = endpoints.iter().map(route).collect();
    let name_of = |route: &Option<(Method, String)>| {
        let (method, path) = route.as_ref()?;
        Some(naming::operation_name(*method, path))
    };
    let names: Vec<Option<String>> = routes.iter().map(name_of).collect();
    let given = given_names(&routes, &names);
    if given.iter().all(Option::is_none) {
        return;
    }
    // A name given may be another endpoint's own; numbers then tell them apart.
    let mut used: HashMap<String, usize> = HashMap::new();
    for (index, name) in names.iter().enumerate() {
        if given[index].is_none()
            && let Some(name) = name
        {
            used.insert(name.clone(), index);
        }
    }
    for (index, given) in given.into_iter().enumerate() {
        let (Some(rule), Some(mut name)) = (names[index].as_deref(), given) else {
            continue;
        };
        name = naming::numbered(&name, |candidate| used.contains_key(candidate));
        used.insert(name.clone(), index);
        let others: Vec<String> = (0..endpoints.len())
            .filter(|&other| other != index && names[other].as_deref() == Some(rule))
            .map(|other| {
                let named = &endpoints[other].named;
                format!("`{} {}`", named.method.value, named.path.value)
            })
            .collect();
        let endpoint = &mut endpoints[index];
        let span = endpoint.named.method.span.to(endpoint.named.path.span);
        let text = format!(
            "named `{name}`: the rule's `{rule}` names {} too",
            others.join(" and ")
        );
        endpoint.notes.push(Note { span, text });
        endpoint.operation = Some(Spanned::new(name, span));
    }
}

/// For each endpoint whose rule name another endpoint shares, the name
/// [`naming::distinct_operation_names`] gives it when that differs.
fn given_names(
    routes: &[Option<(Method, String)>],
    names: &[Option<String>],
) -> Vec<Option<String>> {
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, name) in names.iter().enumerate() {
        if let Some(name) = name {
            groups.entry(name).or_default().push(index);
        }
    }
    let mut given: Vec<Option<String>> = vec![None; names.len()];
    for (name, group) in groups.into_iter().filter(|(_, group)| group.len() > 1) {
        let members: Vec<(Method, &str)> = group
            .iter()
            .filter_map(|&index| routes[index].as_ref())
            .map(|(method, path)| (*method, path.as_str()))
            .collect();
        for (&index, distinct) in group
            .iter()
            .zip(naming::distinct_operation_names(name, &members))
        {
            if distinct != name {
                given[index] = Some(distinct);
            }
        }
    }
    given
}

/// A route as endpoints are compared: parameters of any spelling (`:id`, `{id}`, `<id>`, `[id]`)
/// alike, no trailing slash.
pub fn route_key(path: &str) -> String {
    let segments: Vec<&str> = path
        .trim_end_matches('/')
        .split('/')
        .map(|segment| if is_parameter(segment) { "{}" } else { segment })
        .collect();
    let key = segments.join("/");
    if key.is_empty() { "/".to_owned() } else { key }
}

/// Whether every parameter of `path` is `:name` or `{name}` already, each name once: the path is
/// its own template.
fn plain_parameters(path: &str) -> bool {
    let mut names: Vec<&str> = Vec::new();
    path.split('/').filter(|s| is_parameter(s)).all(|segment| {
        let name = segment.trim_start_matches(':').trim_matches(['{', '}']);
        let plain = !segment.starts_with(['<', '['])
            && !name.is_empty()
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
            && !names.contains(&name);
        names.push(name);
        plain
    })
}

/// The names of a path's parameters, without their marks.
fn parameter_names(path: &str) -> Vec<&str> {
    path.split('/')
        .filter(|segment| is_parameter(segment))
        .map(|segment| segment.trim_matches([':', '{', '}', '<', '>', '[', ']']))
        .collect()
}

/// Whether a path segment is a parameter, in any of the spellings documents use.
fn is_parameter(segment: &str) -> bool {
    segment.starts_with(':')
        || (segment.starts_with('{') && segment.ends_with('}'))
        || (segment.starts_with('<') && segment.ends_with('>'))
        || (segment.starts_with('[') && segment.ends_with(']'))
}

/// The path as a contract writes it: `<id>` and `[id]` become `{id}`, as the grammar spells a
/// parameter (`:id` and `{id}` stay), and a parameter name that is no identifier
/// (`{group-id}`, `{:id}`) or that the path names twice is made one.
pub(crate) fn template_path(path: &str) -> String {
    let mut names: Vec<String> = Vec::new();
    path.split('/')
        .map(|segment| {
            if !is_parameter(segment) || segment.len() < 2 {
                return segment.to_owned();
            }
            let colon = segment.starts_with(':');
            let inner = if colon {
                &segment[1..]
            } else {
                &segment[1..segment.len() - 1]
            };
            let mut name: String = inner
                .trim_start_matches(':')
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '_' })
                .collect();
            name = name.trim_matches('_').to_owned();
            if name.is_empty() {
                name = "param".to_owned();
            }
            name = naming::numbered(&name, |candidate| names.iter().any(|n| n == candidate));
            names.push(name.clone());
            let bracketed = segment.starts_with(['<', '[']);
            if name == inner && !bracketed {
                segment.to_owned()
            } else if colon {
                format!(":{name}")
            } else {
                format!("{{{name}}}")
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::blocks::blocks;
    use crate::document::candidates::candidates;
    use crate::source::Source;

    fn resolved(text: &str) -> Vec<(String, String, Option<String>)> {
        let source = Source::new("doc.md", text);
        resolve(candidates(&source, &blocks(text)))
            .endpoints
            .into_iter()
            .map(|e| {
                (
                    e.named.method.value,
                    e.named.path.value,
                    e.operation.map(|o| o.value),
                )
            })
            .collect()
    }

    fn routes(text: &str) -> Vec<String> {
        resolved(text)
            .into_iter()
            .map(|(method, path, _)| format!("{method} {path}"))
            .collect()
    }

    #[test]
    fn a_route_named_twice_is_one_endpoint() {
        let text =
            "| Method | Path |\n| --- | --- |\n| GET | /tickets/:id |\n\n## GET /tickets/{id}\n";
        assert_eq!(routes(text), ["GET /tickets/:id"]);
    }

    #[test]
    fn values_are_not_words_of_a_route() {
        for value in ["cus_10001", "inv-2291", "a@b.c", "uuid-conta", "42"] {
            assert!(is_value(value), "{value}");
        }
        for word in ["customers", "v2", "v1_1", "me", ""] {
            assert!(!is_value(word), "{word}");
        }
    }

    #[test]
    fn examples_fold_into_their_template() {
        let text = "## GET /invoices/{invoiceId}\n\nExample: `GET /invoices/inv-2291`\n\n\
                    ## PUT /invoices/{invoiceId}\n\n```http\nPUT /invoices/8812 HTTP/1.1\n```\n\n\
                    ## GET /invoices/{invoiceId}/lines\n\n**Example**:\n\n\
                    ```\nGET /invoices/alpha/lines\n```\n\n\
                    ## GET /invoices/me\n\nThe caller's own.\n\n\
                    ### Example\n\n`GET /invoices/search`\n";
        assert_eq!(
            routes(text),
            [
                "GET /invoices/{invoiceId}",
                "PUT /invoices/{invoiceId}",
                "GET /invoices/{invoiceId}/lines",
                "GET /invoices/me",
                "GET /invoices/search"
            ]
        );
    }

    #[test]
    fn base_paths_join_relative_routes() {
        let text = "Base URL: `https://api.example.com/v2`\n\n- `GET /users` - list\n- `GET /v2/teams` - list\n";
        assert_eq!(routes(text), ["GET /v2/users", "GET /v2/teams"]);
    }

    #[test]
    fn a_base_that_ends_as_a_route_starts_is_written_once() {
        let text = "Base URL: `/api/v1/payments`\n\n## GET /payments/:id\n\n## GET /payments\n\n## GET /refunds\n";
        assert_eq!(
            routes(text),
            [
                "GET /api/v1/payments/:id",
                "GET /api/v1/payments",
                "GET /api/v1/payments/refunds"
            ]
        );
    }

    #[test]
    fn a_base_the_routes_write_out_leaves_the_others_at_the_root() {
        let text =
            "Base URL: `/api/v2`\n\n## GET /api/v2/a\n\n## GET /api/v2/b\n\n## GET /health\n";
        assert_eq!(
            routes(text),
            ["GET /api/v2/a", "GET /api/v2/b", "GET /health"]
        );
        // Bases that differ join none; a base with no path leaves the root.
        let text = "## Base URL\n\nProd: https://h/v1\nLocal: http://l/api/v1\n\n## GET /a\n";
        assert_eq!(routes(text), ["GET /a"]);
        let text =
            "Base URL: `http://localhost:5000`\nDocs: `http://localhost:5000/api`\n\n## GET /a\n";
        assert_eq!(routes(text), ["GET /a"]);
    }

    #[test]
    fn a_mount_path_stated_before_the_endpoints_is_their_base() {
        let text = "Tutti gli endpoint sono sotto `/api/v1/`.\n\n- `GET /diari` - elenco\n";
        assert_eq!(routes(text), ["GET /api/v1/diari"]);
        let text =
            "Base `/api/v1`. Auth required.\n\n| Method | Path |\n|---|---|\n| GET | /cards |\n";
        assert_eq!(routes(text), ["GET /api/v1/cards"]);
        // Two paths, or a path that is not a mount, state no base.
        let text = "Health is at `/api/health`.\n\n- `GET /cards` - list\n";
        assert_eq!(routes(text), ["GET /cards"]);
    }

    #[test]
    fn a_route_without_its_mount_prefix_is_the_same_route() {
        let text = "- `GET /api/boards` - list\n\n| Method | Route | p99 |\n| --- | --- | --- |\n| GET | /boards | 20 ms |\n";
        assert_eq!(routes(text), ["GET /api/boards"]);
        // Named both ways in one route table, they are two routes.
        let text =
            "| Route | Method |\n| --- | --- |\n| /contacts | GET |\n| /api/v1/contacts | GET |\n";
        assert_eq!(routes(text), ["GET /contacts", "GET /api/v1/contacts"]);
    }

    #[test]
    fn names_the_rule_gives_twice_are_told_apart() {
        let text = "- `POST /api/session/login/password` - log in\n\
                    - `POST /api/session/register/password` - sign up\n\
                    - `DELETE /api/teams/{id}` - remove\n\
                    - `DELETE /api/admin/teams/{id}` - remove any\n";
        let names: Vec<Option<String>> = resolved(text).into_iter().map(|e| e.2).collect();
        assert_eq!(
            names,
            [
                Some("login_password".to_owned()),
                Some("register_password".to_owned()),
                None,
                Some("delete_admin_team".to_owned()),
            ]
        );
    }

    #[test]
    fn routes_compare_with_parameters_of_any_spelling() {
        assert_eq!(route_key("/a/:id/b/"), route_key("/a/{x}/b"));
        assert_eq!(route_key("/a/<id>"), route_key("/a/[id]"));
        assert_ne!(route_key("/a/b"), route_key("/a/{b}"));
    }
}
