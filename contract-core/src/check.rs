//! Stage 3, check: [`crate::ast`] -> [`crate::model`], refusing what cannot be served.
//!
//! Every issue read together is checked in one pass, so a type defined in one issue resolves a
//! reference in another, and two issues claiming the same route are caught. Problems are collected,
//! not returned early: the user sees all of them at once.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::ast::{self, ParsedIssue, TypeExpr, TypeExprKind};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{
    Bounds, CodeFile, Contract, Endpoint, ErrorCase, Field, Header, Inference, IssueRef, Method,
    NamedType, PathParam, Response, StringFormat, Task, Type,
};
use crate::naming;
use crate::source::{Source, Span};

/// Builds the model of every issue. Problems go to `diagnostics`; the contracts returned are only
/// meaningful when none were reported.
pub fn check(issues: &[ParsedIssue], diagnostics: &mut Diagnostics) -> Vec<Contract> {
    let definitions = Definitions::collect(issues);
    let contracts: Vec<Contract> = issues
        .iter()
        .map(|issue| {
            let mut checker = Checker {
                source: &issue.issue.source,
                definitions: &definitions,
                diagnostics,
                refs: NameSet::default(),
            };
            checker.contract(issue)
        })
        .collect();
    check_across_issues(&contracts, diagnostics);
    contracts
}

/// `interface`/`type` definitions from every issue, by name; the first definition wins.
struct Definitions<'a> {
    by_name: HashMap<&'a str, (&'a ast::TypeDef, &'a Arc<Source>)>,
}

impl<'a> Definitions<'a> {
    fn collect(issues: &'a [ParsedIssue]) -> Self {
        let mut by_name = HashMap::new();
        for issue in issues {
            for def in &issue.type_defs {
                by_name
                    .entry(def.name.value.as_str())
                    .or_insert((def, &issue.issue.source));
            }
        }
        Definitions { by_name }
    }
}

struct Checker<'a, 'd> {
    source: &'a Arc<Source>,
    definitions: &'a Definitions<'a>,
    diagnostics: &'d mut Diagnostics,
    /// Named types the endpoints refer to, in order of first use.
    refs: NameSet,
}

/// Names in order of first use, each once, with a set to look them up: a contract may name
/// thousands of types. The checks collect the named types the endpoints use in one, the
/// document reader those its bodies use.
#[derive(Default)]
pub(crate) struct NameSet {
    pub(crate) order: Vec<String>,
    seen: HashSet<String>,
}

impl NameSet {
    pub(crate) fn add(&mut self, name: &str) {
        if !self.seen.contains(name) {
            self.seen.insert(name.to_owned());
            self.order.push(name.to_owned());
        }
    }

    pub(crate) fn contains(&self, name: &str) -> bool {
        self.seen.contains(name)
    }

    pub(crate) fn len(&self) -> usize {
        self.order.len()
    }

    /// Forgets the names added after the first `len`.
    pub(crate) fn truncate(&mut self, len: usize) {
        for name in self.order.drain(len.min(self.order.len())..) {
            self.seen.remove(&name);
        }
    }
}

impl Checker<'_, '_> {
    fn contract(&mut self, parsed: &ParsedIssue) -> Contract {
        let issue = &parsed.issue;
        let read_as_document = !issue.document.endpoints.is_empty();
        let mut left_out = Vec::new();
        let endpoints: Vec<Endpoint> = parsed
            .endpoints
            .iter()
            .filter_map(|endpoint| {
                if read_as_document {
                    self.document_endpoint(endpoint, &mut left_out)
                } else {
                    self.endpoint(endpoint)
                }
            })
            .collect();
        let types = self.named_types();
        let at = |span: Span| issue.source.line_col(span.start);
        let links = |links: &[crate::read::IssueLink]| {
            links
                .iter()
                .map(|link| IssueRef {
                    relation: link.relation.to_owned(),
                    number: link.number,
                    note: link.note.clone(),
                    at: at(link.span),
                })
                .collect()
        };
        Contract {
            file: issue.source.path().to_path_buf(),
            title: issue.front_matter.title.clone(),
            labels: issue.front_matter.labels.clone(),
            assignees: issue.front_matter.assignees.clone(),
            extra: issue.front_matter.extra.clone(),
            objective: issue.objective.clone(),
            code_to_create: issue
                .code_to_create
                .iter()
                .map(|file| CodeFile {
                    path: file.value.clone(),
                    at: at(file.span),
                })
                .collect(),
            business_logic: issue
                .business_logic
                .iter()
                .map(|task| Task {
                    text: task.text.clone(),
                    done: task.done,
                    at: at(task.span),
                })
                .collect(),
            depends_on: links(&issue.depends_on),
            blocks: links(&issue.blocks),
            endpoints,
            types,
            read_as_document,
            notes: issue
                .document
                .notes
                .iter()
                .map(|note| Inference {
                    part: "note".to_owned(),
                    how: note.text.clone(),
                    at: at(note.span),
                })
                .chain(left_out)
                .collect(),
            source: Arc::clone(&issue.source),
        }
    }

    fn endpoint(&mut self, endpoint: &ast::Endpoint) -> Option<Endpoint> {
        let method = self.method(&endpoint.method);
        let path_params = self
            .path_params(&endpoint.path)
            .map(|params| self.path_types(params, endpoint));
        let query = self.query(endpoint);
        let request = endpoint.request.as_ref().map(|ty| self.ty(ty));
        let response = self.response(endpoint);
        let errors = self.errors(&endpoint.errors);
        let headers: Vec<Header> = endpoint
            .headers
            .iter()
            .map(|h| Header {
                name: h.name.value.clone(),
                value: h.value.as_ref().map(|v| v.value.clone()),
            })
            .collect();
        let auth = headers
            .iter()
            .any(|h| h.name.eq_ignore_ascii_case("authorization"));
        let method = method?;
        let path = endpoint.path.value.clone();
        let name = match &endpoint.operation {
            Some(given) => self.operation_name(given)?,
            None => naming::operation_name(method, &path),
        };
        Some(Endpoint {
            name,
            method,
            route: axum_route(&path),
            path,
            path_params: path_params?,
            query,
            auth,
            headers,
            request,
            response,
            errors,
            at: self.source.line_col(endpoint.method.span.start),
            span: endpoint.span,
            inferred: self.inferred(endpoint),
        })
    }

    /// An endpoint read from an API document. A document is never refused for one part: a
    /// problem in its bodies or query leaves them out, and a problem with the endpoint itself
    /// (its path, its statuses) leaves it out, each with a note that says what and where.
    fn document_endpoint(
        &mut self,
        endpoint: &ast::Endpoint,
        left_out: &mut Vec<Inference>,
    ) -> Option<Endpoint> {
        let (mark, refs) = (self.diagnostics.len(), self.refs.len());
        let checked = self.endpoint(endpoint);
        if self.diagnostics.len() == mark {
            return checked;
        }
        let problem = self.diagnostics.split_off(mark).swap_remove(0);
        self.refs.truncate(refs);
        let at = self.source.line_col(problem.primary.span.start);
        let mut bare = endpoint.clone();
        bare.request = None;
        bare.query = None;
        bare.path_query.clear();
        if let Some(response) = &mut bare.response {
            response.body = None;
        }
        let checked = self.endpoint(&bare);
        match checked {
            Some(mut checked) if self.diagnostics.len() == mark => {
                checked.inferred.push(Inference {
                    part: "note".to_owned(),
                    how: format!("its bodies and query were left out: {}", problem.message),
                    at,
                });
                Some(checked)
            }
            _ => {
                self.diagnostics.split_off(mark);
                self.refs.truncate(refs);
                left_out.push(Inference {
                    part: "note".to_owned(),
                    how: format!(
                        "`{} {}` was left out: {}",
                        endpoint.method.value, endpoint.path.value, problem.message
                    ),
                    at,
                });
                None
            }
        }
    }

    /// Where the parts of an endpoint read from a document came from, and its notes.
    fn inferred(&self, endpoint: &ast::Endpoint) -> Vec<Inference> {
        let at = |span: Span| self.source.line_col(span.start);
        let from = endpoint.inferred.iter().map(|inferred| Inference {
            part: inferred.part.to_string(),
            how: inferred.how.to_string(),
            at: at(inferred.span),
        });
        let notes = endpoint.notes.iter().map(|note| Inference {
            part: "note".to_owned(),
            how: note.text.clone(),
            at: at(note.span),
        });
        from.chain(notes).collect()
    }

    /// The name `Operation:` gives, in snake case (`listUsersV2` -> `list_users_v2`); it names a
    /// Rust function, module and file, so it must be an identifier and no keyword.
    fn operation_name(&mut self, given: &crate::source::Spanned<String>) -> Option<String> {
        let name = naming::snake_case(&given.value);
        let identifier = name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && name != "_";
        if identifier && !naming::is_keyword(&name) {
            return Some(name);
        }
        self.error(
            Diagnostic::error(
                self.source,
                given.span,
                format!("`{}` cannot name an operation", given.value),
            )
            .label("not a Rust identifier, or a keyword")
            .help("name it in snake case with letters, digits and `_`, such as `list_users_v2`"),
        );
        None
    }

    fn method(&mut self, method: &crate::source::Spanned<String>) -> Option<Method> {
        if let Some(parsed) = Method::parse(&method.value.to_ascii_uppercase()) {
            return Some(parsed);
        }
        let names = Method::ALL.map(Method::as_str);
        let word = method.value.to_ascii_uppercase();
        // Words people use for what a method does, then near-misses of the methods themselves.
        let meant = match word.as_str() {
            "FETCH" | "READ" | "RETRIEVE" | "LIST" | "QUERY" => Some("GET"),
            "CREATE" | "ADD" | "SEND" => Some("POST"),
            "UPDATE" | "EDIT" | "MODIFY" => Some("PATCH` or `PUT"),
            "REMOVE" | "DEL" | "DESTROY" => Some("DELETE"),
            _ => {
                closest(&word, &names).filter(|name| strsim::damerau_levenshtein(&word, name) <= 1)
            }
        };
        let help = match meant {
            Some(name) => format!("did you mean `{name}`?"),
            None => format!("use one of {}", names.join(", ")),
        };
        self.error(
            Diagnostic::error(
                self.source,
                method.span,
                format!("unknown HTTP method `{}`", method.value),
            )
            .label("not an HTTP method")
            .help(help),
        );
        None
    }

    /// `:id` and `{id}` segments; `None` when the path cannot be served.
    fn path_params(&mut self, path: &crate::source::Spanned<String>) -> Option<Vec<PathParam>> {
        if path.value.is_empty() {
            self.error(
                Diagnostic::error(self.source, path.span, "endpoint has no path")
                    .label("a path such as `/api/users` goes here")
                    .help("write the path after the method: `GET /api/users`"),
            );
            return None;
        }
        if !path.value.starts_with('/') {
            self.error(
                Diagnostic::error(self.source, path.span, "path must start with `/`")
                    .label("not an absolute path")
                    .help(format!("write `/{}`", path.value.trim_start_matches('/'))),
            );
            return None;
        }
        let mut params: Vec<(PathParam, Span)> = Vec::new();
        let mut ok = true;
        let mut offset = path.span.start;
        for segment in path.value.split('/') {
            let span = Span::new(offset, offset + segment.len());
            offset += segment.len() + 1;
            let Some(name) = param_name(segment) else {
                continue;
            };
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                self.error(
                    Diagnostic::error(
                        self.source,
                        span,
                        format!("invalid path parameter `{segment}`"),
                    )
                    .label("a parameter is `:name` or `{name}`, with letters, digits and `_`"),
                );
                ok = false;
                continue;
            }
            if let Some((_, first)) = params.iter().find(|(p, _)| p.name == name) {
                let first = *first;
                self.error(
                    Diagnostic::error(
                        self.source,
                        span,
                        format!("path parameter `{name}` appears twice in one path"),
                    )
                    .label("second use")
                    .with_secondary(self.source, first, "first use")
                    .help("give each path parameter its own name"),
                );
                ok = false;
                continue;
            }
            params.push((
                PathParam {
                    name: name.to_owned(),
                    rust_name: naming::field_name(name),
                    ty: Type::STRING,
                },
                span,
            ));
        }
        ok.then(|| params.into_iter().map(|(p, _)| p).collect())
    }

    /// The path parameters with the types `Path: { id: uuid }` gives them: strings, with a
    /// format, bounds or a pattern (a path parameter is text, always there).
    fn path_types(
        &mut self,
        mut params: Vec<PathParam>,
        endpoint: &ast::Endpoint,
    ) -> Vec<PathParam> {
        let Some(types) = &endpoint.path_types else {
            return params;
        };
        let TypeExprKind::Object(fields) = &types.kind else {
            self.error(
                Diagnostic::error(self.source, types.span, "`Path:` takes an object")
                    .label("not `{ name: type }`")
                    .help("name each path parameter with its type: `Path: { id: uuid }`"),
            );
            return params;
        };
        for field in fields {
            let name = &field.name;
            let Some(param) = params.iter_mut().find(|p| p.name == name.value) else {
                let known: Vec<String> = params.iter().map(|p| format!("`{}`", p.name)).collect();
                let help = if known.is_empty() {
                    "this path has no parameters".to_owned()
                } else {
                    format!("its parameters: {}", known.join(", "))
                };
                self.error(
                    Diagnostic::error(
                        self.source,
                        name.span,
                        format!(
                            "`{}` is not a parameter of `{}`",
                            name.value, endpoint.path.value
                        ),
                    )
                    .label("not in the path")
                    .help(help),
                );
                continue;
            };
            if field.optional {
                self.error(
                    Diagnostic::error(self.source, name.span, "an optional path parameter")
                        .label("written with `?`")
                        .help("a path parameter is always there: drop the `?`"),
                );
            }
            let Some(ty) = &field.ty else {
                continue;
            };
            match self.ty(ty) {
                ty @ Type::String { .. } => param.ty = ty,
                other => self.error(
                    Diagnostic::error(
                        self.source,
                        ty.span,
                        format!("a path parameter of type `{}`", crate::render::ty(&other)),
                    )
                    .label("path parameters are text")
                    .help(
                        "give a string type: a format such as `uuid`, bounds such as \
                         `string(1..=40)` or a pattern such as `string(/^[a-z0-9-]+$/)`",
                    ),
                ),
            }
        }
        params
    }

    /// Query parameters: the `Query:` object, plus names on the path line it does not mention.
    fn query(&mut self, endpoint: &ast::Endpoint) -> Vec<Field> {
        let mut fields = match &endpoint.query {
            None => Vec::new(),
            Some(TypeExpr {
                kind: TypeExprKind::Object(fields),
                ..
            }) => self.fields(fields),
            Some(other) => {
                self.error(
                    Diagnostic::error(self.source, other.span, "`Query:` must be an object")
                        .label("not an object")
                        .help("write the parameters as `Query: { page?: integer, q?: string }`"),
                );
                Vec::new()
            }
        };
        for (name, value) in &endpoint.path_query {
            if fields.iter().any(|f| f.name == name.value) {
                continue;
            }
            let ty = value
                .as_ref()
                .map_or(Type::STRING, |v| example_query_type(&v.value));
            let field = Field {
                name: name.value.clone(),
                rust_name: naming::field_name(&name.value),
                optional: true,
                ty,
                at: self.source.line_col(name.span.start),
            };
            if let Some(other) = fields.iter().find(|f| f.rust_name == field.rust_name) {
                let message = format!(
                    "query parameters `{}` and `{}` both become `{}` in Rust",
                    other.name, field.name, field.rust_name
                );
                self.error(Diagnostic::error(self.source, name.span, message));
                continue;
            }
            fields.push(field);
        }
        fields
    }

    fn response(&mut self, endpoint: &ast::Endpoint) -> Response {
        let Some(spec) = &endpoint.response else {
            return Response {
                status: 200,
                body: None,
                example: None,
            };
        };
        let status = match &spec.status {
            None => 200,
            Some(status) => match status.value.parse::<u16>() {
                Ok(code @ 100..=399) => code,
                Ok(code @ 400..=599) => {
                    self.error(
                        Diagnostic::error(
                            self.source,
                            status.span,
                            format!("response status {code} is an error status"),
                        )
                        .label("errors belong under `Errors:`")
                        .help(format!("list it as `Errors: {{ {code}: \"...\" }}`")),
                    );
                    200
                }
                _ => {
                    self.bad_status(status, "a success status from 100 to 399");
                    200
                }
            },
        };
        let body = spec.body.as_ref().map(|ty| self.ty(ty));
        let example = spec.body.as_ref().and_then(example_json);
        Response {
            status,
            body,
            example,
        }
    }

    fn errors(&mut self, specs: &[ast::ErrorSpec]) -> Vec<ErrorCase> {
        let mut errors: Vec<(ErrorCase, Span)> = Vec::new();
        for spec in specs {
            let status = match spec.status.value.parse::<u16>() {
                Ok(code @ 400..=599) => code,
                Ok(code @ 100..=399) => {
                    self.error(
                        Diagnostic::error(
                            self.source,
                            spec.status.span,
                            format!("{code} is not an error status"),
                        )
                        .label("error statuses are 400 to 599")
                        .help("a success status belongs in `Response (201): ...`"),
                    );
                    continue;
                }
                _ => {
                    self.bad_status(&spec.status, "an error status from 400 to 599");
                    continue;
                }
            };
            if let Some((_, first)) = errors.iter().find(|(e, _)| e.status == status) {
                let first = *first;
                self.error(
                    Diagnostic::error(
                        self.source,
                        spec.status.span,
                        format!("error status {status} is listed twice"),
                    )
                    .label("second entry")
                    .with_secondary(self.source, first, "first entry")
                    .help("give each status one message"),
                );
                continue;
            }
            let variant = naming::variant_name(status);
            let message = match &spec.message {
                Some(message) => message.value.clone(),
                None => http::StatusCode::from_u16(status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("Error")
                    .to_owned(),
            };
            errors.push((
                ErrorCase {
                    status,
                    message,
                    variant,
                    at: self.source.line_col(spec.status.span.start),
                },
                spec.status.span,
            ));
        }
        errors.into_iter().map(|(e, _)| e).collect()
    }

    fn bad_status(&mut self, status: &crate::source::Spanned<String>, expected: &str) {
        let diagnostic = match status.value.parse::<u32>() {
            Ok(code) => Diagnostic::error(
                self.source,
                status.span,
                format!("{code} is not an HTTP status"),
            )
            .label(format!("expected {expected}")),
            Err(_) => {
                let fixed: String = status
                    .value
                    .chars()
                    .map(|c| match c {
                        'O' | 'o' => '0',
                        'l' | 'I' => '1',
                        c => c,
                    })
                    .collect();
                let diagnostic = Diagnostic::error(
                    self.source,
                    status.span,
                    format!("`{}` is not a number", status.value),
                )
                .label(format!("expected {expected}"));
                if fixed.parse::<u16>().is_ok() {
                    diagnostic.help(format!("did you mean `{fixed}`?"))
                } else {
                    diagnostic
                }
            }
        };
        self.error(diagnostic);
    }

    // ---- types -------------------------------------------------------------------------------

    fn ty(&mut self, expr: &TypeExpr) -> Type {
        match &expr.kind {
            TypeExprKind::Name(name) => self.named(name, expr.span),
            TypeExprKind::Generic(name, args) => self.generic(name, args, expr.span),
            TypeExprKind::Str(value) => {
                // JSON-style bodies give a type name (`"email": "string"`) or an example value.
                match primitive(value) {
                    Some(ty) => ty,
                    None => Type::STRING,
                }
            }
            TypeExprKind::Number(n) => {
                if n.parse::<i64>().is_ok() {
                    Type::INTEGER
                } else {
                    Type::NUMBER
                }
            }
            TypeExprKind::Bool(_) => Type::Boolean,
            TypeExprKind::Null => Type::Nullable {
                inner: Box::new(Type::Any { json_object: false }),
            },
            TypeExprKind::Object(fields) => Type::Object {
                fields: self.fields(fields),
            },
            TypeExprKind::ArrayOf(items) => Type::array(self.ty(items)),
            TypeExprKind::ArrayLiteral(items) => {
                // An example array: its first element shows what the items are.
                let items = match items.first() {
                    Some(first) => {
                        let first = self.ty(first);
                        for other in &items[1..] {
                            self.ty(other);
                        }
                        first
                    }
                    None => Type::Any { json_object: false },
                };
                Type::array(items)
            }
            TypeExprKind::Union(members) => self.union(members),
            TypeExprKind::Bounded(inner, bounds) => {
                let ty = self.ty(inner);
                self.bounded(ty, bounds)
            }
        }
    }

    /// `ty` with the bounds written after it, each checked against what the type is: a range is
    /// a length for strings, a count of items for arrays, a range of values for numbers; a pattern
    /// is for strings only.
    fn bounded(&mut self, mut ty: Type, bounds: &[ast::Bound]) -> Type {
        let what = crate::render::ty(&ty);
        for bound in bounds {
            match bound {
                ast::Bound::Range {
                    min,
                    max,
                    exclusive,
                    span,
                } => {
                    if *exclusive {
                        let help = match max.as_ref().and_then(|m| m.value.parse::<i64>().ok()) {
                            Some(end) => format!(
                                "bounds include both ends: write `{}..={}`",
                                min.as_ref().map_or("", |m| m.value.as_str()),
                                end - 1
                            ),
                            None => "bounds include both ends: write `..=`".to_owned(),
                        };
                        self.error(
                            Diagnostic::error(
                                self.source,
                                *span,
                                "a range that leaves out its end",
                            )
                            .label("`..` without `=`")
                            .help(help),
                        );
                        continue;
                    }
                    self.range(&mut ty, &what, min.as_ref(), max.as_ref(), *span);
                }
                ast::Bound::Pattern(pattern) => match &mut ty {
                    Type::String { pattern: slot, .. } => {
                        if slot.is_some() {
                            self.error(
                                Diagnostic::error(self.source, pattern.span, "a second pattern")
                                    .label("the type already has one")
                                    .help("write one pattern; `|` inside it gives alternatives"),
                            );
                        } else if let Err(why) =
                            contract_validation::Pattern::compiles(&pattern.value)
                        {
                            self.error(
                                Diagnostic::error(self.source, pattern.span, "invalid pattern")
                                    .label("not a regular expression this tool can check")
                                    .help(why.lines().last().unwrap_or("").trim().to_owned()),
                            );
                        } else {
                            *slot = Some(pattern.value.clone());
                        }
                    }
                    _ => self.error(
                        Diagnostic::error(
                            self.source,
                            pattern.span,
                            format!("a pattern on `{what}`"),
                        )
                        .label("patterns are for strings")
                        .help("put the pattern on a string type: `string(/^[a-z]+$/)`"),
                    ),
                },
            }
        }
        ty
    }

    /// Applies a range to `ty`: its length, its count of items or its values.
    fn range(
        &mut self,
        ty: &mut Type,
        what: &str,
        min: Option<&crate::source::Spanned<String>>,
        max: Option<&crate::source::Spanned<String>>,
        span: Span,
    ) {
        match ty {
            Type::String { length, .. } | Type::Array { length, .. } => {
                self.set_bounds(length, min, max, "a length", span)
            }
            Type::Integer { range } => self.set_bounds(range, min, max, "an integer", span),
            Type::Number { range } => self.set_bounds(range, min, max, "a number", span),
            Type::Nullable { .. } => self.error(
                Diagnostic::error(self.source, span, format!("a range on `{what}`"))
                    .label("bounds go on the type inside")
                    .help("bound the member that is not null: `string(1..=200) | null`"),
            ),
            _ => self.error(
                Diagnostic::error(self.source, span, format!("a range on `{what}`"))
                    .label("this type has no length or size")
                    .help(
                        "ranges bound a string's length, an array's items, or a number: \
                         `string(1..=200)`, `string[](..=10)`, `integer(0..=150)`",
                    ),
            ),
        }
    }

    /// One end of a range as `T`: `Some(None)` when open, `None` (reported) when it is not a `T`.
    fn end<T: std::str::FromStr>(
        &mut self,
        end: Option<&crate::source::Spanned<String>>,
        expected: &str,
    ) -> Option<Option<T>> {
        let Some(end) = end else {
            return Some(None);
        };
        // `inf` and `NaN` parse as `f64`, and bound nothing a client can send.
        let finite = !end
            .value
            .chars()
            .any(|c| c.is_ascii_alphabetic() && !matches!(c, 'e' | 'E'));
        match end.value.parse::<T>() {
            Ok(value) if finite => Some(Some(value)),
            _ => {
                let help = if expected == "a number" {
                    "write a number such as `0`, `-10` or `0.5`"
                } else if end.value.starts_with('-') && expected != "an integer" {
                    "a length or count cannot be negative"
                } else {
                    "write a whole number such as `0` or `200`"
                };
                self.error(
                    Diagnostic::error(
                        self.source,
                        end.span,
                        format!("`{}` is not {expected}", end.value),
                    )
                    .label(format!("expected {expected}"))
                    .help(help),
                );
                None
            }
        }
    }

    /// Sets `slot` to the range `min..=max`, each end read as `expected` (both ends are read, so
    /// both are reported), unless it is bounded already or the range is empty.
    fn set_bounds<T: std::str::FromStr + PartialOrd + Copy + std::fmt::Display>(
        &mut self,
        slot: &mut Bounds<T>,
        min: Option<&crate::source::Spanned<String>>,
        max: Option<&crate::source::Spanned<String>>,
        expected: &str,
        span: Span,
    ) {
        let (Some(lo), Some(hi)) = (self.end::<T>(min, expected), self.end::<T>(max, expected))
        else {
            return;
        };
        if !slot.is_open() {
            self.error(
                Diagnostic::error(self.source, span, "a second range")
                    .label("the type already has one")
                    .help("write one range with both ends: `1..=200`"),
            );
            return;
        }
        if let (Some(lo), Some(hi)) = (lo, hi)
            && lo > hi
        {
            self.error(
                Diagnostic::error(self.source, span, "an empty range")
                    .label(format!("no value is at least {lo} and at most {hi}"))
                    .help("write the smaller end first: `min..=max`"),
            );
            return;
        }
        *slot = Bounds { min: lo, max: hi };
    }

    fn named(&mut self, name: &str, span: Span) -> Type {
        if let Some(ty) = primitive(name) {
            return ty;
        }
        if name.starts_with(|c: char| c.is_uppercase()) {
            self.refs.add(name);
            return Type::Ref {
                name: name.to_owned(),
            };
        }
        let help = match closest(name, PRIMITIVE_NAMES) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => format!(
                "known types: {}; a PascalCase name refers to a type defined elsewhere",
                PRIMITIVE_NAMES.join(", ")
            ),
        };
        self.error(
            Diagnostic::error(self.source, span, format!("unknown type `{name}`"))
                .label("not a known type")
                .help(help),
        );
        Type::Any { json_object: false }
    }

    fn generic(&mut self, name: &str, args: &[TypeExpr], span: Span) -> Type {
        match generic_kind(name, args.len()) {
            Some(Generic::Array) => Type::array(self.ty(&args[0])),
            Some(Generic::Nullable) => nullable(self.ty(&args[0])),
            Some(Generic::Same) => self.ty(&args[0]),
            Some(Generic::Map) => {
                for arg in args {
                    self.ty(arg);
                }
                Type::Any { json_object: true }
            }
            None => {
                self.error(
                    Diagnostic::error(
                        self.source,
                        span,
                        format!("unknown generic type `{name}<...>`"),
                    )
                    .label("not a known generic")
                    .help("use `Array<T>` (or `T[]`), or `Record<string, T>` for a map"),
                );
                Type::Any { json_object: false }
            }
        }
    }

    /// `"a" | "b"` is an enum, `T | null` is nullable, other mixes are any JSON value.
    fn union(&mut self, members: &[TypeExpr]) -> Type {
        // Only string literals: an enum, even of words that name types (`"string" | "number"`).
        if members
            .iter()
            .all(|m| matches!(m.kind, TypeExprKind::Str(_)))
        {
            let mut values: Vec<String> = Vec::new();
            let mut seen: HashSet<&str> = HashSet::new();
            for member in members {
                if let TypeExprKind::Str(value) = &member.kind
                    && seen.insert(value)
                {
                    values.push(value.clone());
                }
            }
            return Type::Enum { values };
        }
        let mut has_null = false;
        let mut literals: Vec<String> = Vec::new();
        let mut seen_literals: HashSet<&str> = HashSet::new();
        let mut others: Vec<Type> = Vec::new();
        let refs_before = self.refs.len();
        for member in members {
            match &member.kind {
                TypeExprKind::Null => has_null = true,
                TypeExprKind::Str(value) if primitive(value).is_none() => {
                    if seen_literals.insert(value) {
                        literals.push(value.clone());
                    }
                }
                _ => {
                    let ty = self.ty(member);
                    if !others.contains(&ty) {
                        others.push(ty);
                    }
                }
            }
        }
        let inner = match (literals.is_empty(), others.len()) {
            (false, 0) => Type::Enum { values: literals },
            // `"a" | string` is just a string.
            (false, 1) if matches!(others[0], Type::String { .. }) => others.remove(0),
            (true, 1) => others.remove(0),
            _ => {
                // Any JSON value keeps none of its members: the named types first met in them
                // are not used (`Tag | string`), until something else uses them.
                self.refs.truncate(refs_before);
                Type::Any { json_object: false }
            }
        };
        if has_null { nullable(inner) } else { inner }
    }

    /// Object fields: each name once, and no two names that become the same Rust name.
    fn fields(&mut self, fields: &[ast::FieldExpr]) -> Vec<Field> {
        let mut out: Vec<(Field, Span)> = Vec::new();
        // Where each name and each Rust name is in `out`: one look-up per field, not a scan
        // (an object may have tens of thousands).
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut by_rust_name: HashMap<String, usize> = HashMap::new();
        for field in fields {
            let ty = match &field.ty {
                Some(ty) => self.ty(ty),
                None => Type::Any { json_object: false },
            };
            let rust_name = naming::field_name(&field.name.value);
            if let Some((first, first_span)) = by_name.get(&field.name.value).map(|&i| &out[i]) {
                let (first_name, first_span) = (first.name.clone(), *first_span);
                self.error(
                    Diagnostic::error(
                        self.source,
                        field.name.span,
                        format!("field `{first_name}` appears twice in one object"),
                    )
                    .label("second definition")
                    .with_secondary(self.source, first_span, "first definition")
                    .help("remove one of them, or rename it"),
                );
                continue;
            }
            if let Some((first, first_span)) = by_rust_name.get(&rust_name).map(|&i| &out[i]) {
                let (first_name, first_span) = (first.name.clone(), *first_span);
                self.error(
                    Diagnostic::error(
                        self.source,
                        field.name.span,
                        format!(
                            "fields `{first_name}` and `{}` both become `{rust_name}` in Rust",
                            field.name.value
                        ),
                    )
                    .label("collides with an earlier field")
                    .with_secondary(self.source, first_span, "earlier field")
                    .help("rename one of them in the contract"),
                );
                continue;
            }
            by_name.insert(field.name.value.clone(), out.len());
            by_rust_name.insert(rust_name.clone(), out.len());
            out.push((
                Field {
                    name: field.name.value.clone(),
                    rust_name,
                    optional: field.optional,
                    ty,
                    at: self.source.line_col(field.name.span.start),
                },
                field.name.span,
            ));
        }
        out.into_iter().map(|(f, _)| f).collect()
    }

    /// Named types in order of first use, following references inside definitions too.
    fn named_types(&mut self) -> Vec<NamedType> {
        let mut out = Vec::new();
        let mut index = 0;
        while index < self.refs.len() {
            let name = self.refs.order[index].clone();
            index += 1;
            let named = match self.definitions.by_name.get(name.as_str()) {
                Some((def, source)) => {
                    // A definition is checked against its own file, for messages that point there.
                    let definition = if Arc::ptr_eq(source, self.source) {
                        self.ty(&def.ty)
                    } else {
                        let mut other = Checker {
                            source,
                            definitions: self.definitions,
                            diagnostics: &mut Diagnostics::default(),
                            refs: NameSet::default(),
                        };
                        let ty = other.ty(&def.ty);
                        for r in &other.refs.order {
                            self.refs.add(r);
                        }
                        ty
                    };
                    NamedType {
                        name,
                        definition: Some(definition),
                        defined_at: Some(source.location(def.name.span)),
                    }
                }
                None => NamedType {
                    name,
                    definition: None,
                    defined_at: None,
                },
            };
            out.push(named);
        }
        out
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }
}

/// Duplicate routes and clashing operation names across every issue read together.
fn check_across_issues(contracts: &[Contract], diagnostics: &mut Diagnostics) {
    let all: Vec<(&Contract, &Endpoint)> = contracts
        .iter()
        .flat_map(|contract| contract.endpoints.iter().map(move |e| (contract, e)))
        .collect();
    let keys = all.iter().map(|(_, endpoint)| {
        (
            endpoint.method,
            endpoint.route.as_str(),
            endpoint.name.as_str(),
        )
    });
    for clash in clashes(keys) {
        let (first_contract, first) = all[clash.first];
        let (contract, endpoint) = all[clash.second];
        let diagnostic = match clash.kind {
            ClashKind::Route => Diagnostic::error(
                &contract.source,
                endpoint.span,
                format!("`{} {}` is defined twice", endpoint.method, endpoint.path),
            )
            .label("second definition")
            .with_secondary(&first_contract.source, first.span, "first definition")
            .help("one route belongs to one endpoint; remove or change one of them"),
            ClashKind::Name => Diagnostic::error(
                &contract.source,
                endpoint.span,
                format!(
                    "`{} {}` and `{} {}` both get the operation name `{}`",
                    first.method, first.path, endpoint.method, endpoint.path, endpoint.name
                ),
            )
            .label("second endpoint")
            .with_secondary(&first_contract.source, first.span, "first endpoint")
            .help({
                // The name the one rule gives the endpoint it renames, the second
                // when it renames both (it always renames one: `_2` at worst).
                let names = naming::distinct_operation_names(
                    &endpoint.name,
                    &[
                        (first.method, &first.path),
                        (endpoint.method, &endpoint.path),
                    ],
                );
                let (renamed, name) = if names[1] != endpoint.name {
                    (endpoint, &names[1])
                } else {
                    (first, &names[0])
                };
                format!(
                    "name one of them: `Operation: {name}` on the line after `{} {}`",
                    renamed.method, renamed.path
                )
            }),
        };
        diagnostics.push(diagnostic);
    }
}

/// An endpoint that cannot stand beside an earlier one, by their places in the list.
#[derive(Debug, PartialEq)]
pub(crate) struct Clash {
    pub first: usize,
    pub second: usize,
    pub kind: ClashKind,
}

#[derive(Debug, PartialEq)]
pub(crate) enum ClashKind {
    /// The same method on routes of one shape (`/todos/{id}`, `/todos/{todoId}`).
    Route,
    /// The same operation name.
    Name,
}

/// The one rule for endpoints read together (a method, a route, an operation name each): a route
/// belongs to one endpoint and a name to one endpoint. `check` refuses contracts over each clash;
/// a document's reader asks it whether HTTP blocks can stand as a contract. An endpoint whose
/// route clashes is not compared by name.
pub(crate) fn clashes<'a>(
    endpoints: impl IntoIterator<Item = (Method, &'a str, &'a str)>,
) -> Vec<Clash> {
    let mut routes: HashMap<(Method, String), usize> = HashMap::new();
    let mut names: HashMap<&str, usize> = HashMap::new();
    let mut found = Vec::new();
    for (second, (method, route, name)) in endpoints.into_iter().enumerate() {
        let (first, kind) = match routes.entry((method, route_shape(route))) {
            Entry::Occupied(first) => (*first.get(), ClashKind::Route),
            Entry::Vacant(slot) => {
                slot.insert(second);
                match names.entry(name) {
                    Entry::Occupied(first) => (*first.get(), ClashKind::Name),
                    Entry::Vacant(slot) => {
                        slot.insert(second);
                        continue;
                    }
                }
            }
        };
        found.push(Clash {
            first,
            second,
            kind,
        });
    }
    found
}

/// The names the grammar knows, for suggestions.
const PRIMITIVE_NAMES: &[&str] = &[
    "string", "number", "integer", "int", "float", "boolean", "bool", "object", "any", "null",
    "date", "datetime", "uuid", "email", "url",
];

/// What a generic the grammar knows stands for.
#[derive(Clone, Copy)]
pub(crate) enum Generic {
    /// `Array<T>`: an array of `T`.
    Array,
    /// `Option<T>`: `T` or null.
    Nullable,
    /// `Promise<T>`, `Readonly<T>`: `T` itself.
    Same,
    /// `Record<K, V>`: a JSON object.
    Map,
}

/// The generic `name` with `arity` arguments stands for, if the grammar knows it.
pub(crate) fn generic_kind(name: &str, arity: usize) -> Option<Generic> {
    match (name, arity) {
        ("Array" | "array" | "List" | "list" | "Vec" | "ReadonlyArray", 1) => Some(Generic::Array),
        ("Option" | "Optional" | "Nullable" | "Maybe", 1) => Some(Generic::Nullable),
        ("Promise" | "Readonly" | "Partial" | "Required", 1) => Some(Generic::Same),
        ("Record" | "Map" | "map" | "HashMap" | "Dictionary", 2) => Some(Generic::Map),
        _ => None,
    }
}

/// A built-in type by name; lower case, or capitalised as TypeScript's boxed types are.
pub(crate) fn primitive(name: &str) -> Option<Type> {
    let lower = name.to_ascii_lowercase();
    let capitalised = name
        .chars()
        .skip(1)
        .all(|c| c.is_ascii_lowercase() || c == '-');
    if name != lower && !capitalised {
        return None;
    }
    let format = |format| Some(Type::formatted(format));
    match lower.as_str() {
        "string" | "str" | "text" => Some(Type::STRING),
        "number" | "float" | "double" | "decimal" => Some(Type::NUMBER),
        "integer" | "int" | "long" => Some(Type::INTEGER),
        "boolean" | "bool" => Some(Type::Boolean),
        "object" => Some(Type::Any { json_object: true }),
        "any" | "unknown" | "json" => Some(Type::Any { json_object: false }),
        "null" => Some(nullable(Type::Any { json_object: false })),
        "date" | "datetime" | "date-time" | "timestamp" => format(StringFormat::DateTime),
        "uuid" => format(StringFormat::Uuid),
        "email" => format(StringFormat::Email),
        "url" | "uri" => format(StringFormat::Uri),
        _ => None,
    }
}

fn nullable(inner: Type) -> Type {
    match inner {
        Type::Nullable { .. } => inner,
        inner => Type::Nullable {
            inner: Box::new(inner),
        },
    }
}

/// The type a query value on the path line shows: `1` an integer, `open|done` an enum, `true` a
/// boolean, anything else a string.
fn example_query_type(value: &str) -> Type {
    if value.contains('|') {
        let mut values: Vec<String> = Vec::new();
        for v in value.split('|').filter(|v| !v.is_empty()) {
            if !values.iter().any(|seen| seen == v) {
                values.push(v.to_owned());
            }
        }
        // One value (`open|`, `|1`) is no choice, and none (`|`) no enum: either is typed as the
        // value alone would be.
        return match values.as_slice() {
            [] => Type::STRING,
            [one] => example_query_type(one),
            _ => Type::Enum { values },
        };
    }
    if let Some(ty) = primitive(value) {
        return ty;
    }
    if value.parse::<i64>().is_ok() {
        Type::INTEGER
    } else if value.parse::<f64>().is_ok() {
        Type::NUMBER
    } else if value == "true" || value == "false" {
        Type::Boolean
    } else {
        Type::STRING
    }
}

/// `:id` or `{id}` -> `id`.
fn param_name(segment: &str) -> Option<&str> {
    segment
        .strip_prefix(':')
        .or_else(|| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
}

/// axum 0.8's route syntax: every parameter as `{name}`.
fn axum_route(path: &str) -> String {
    path.split('/')
        .map(|segment| match param_name(segment) {
            Some(name) => format!("{{{name}}}"),
            None => segment.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A body written as a JSON example, as JSON text: `None` when any value in it is a type
/// (`string`, `"string"`, `Order`, `T[]`) rather than an example value.
fn example_json(expr: &TypeExpr) -> Option<String> {
    Some(match &expr.kind {
        TypeExprKind::Str(value) if primitive(value).is_none() => json_string(value),
        TypeExprKind::Number(n) => n.parse::<f64>().ok().map(|_| n.clone())?,
        TypeExprKind::Bool(b) => b.to_string(),
        TypeExprKind::Null => "null".to_string(),
        TypeExprKind::Object(fields) => {
            let mut entries = Vec::with_capacity(fields.len());
            for field in fields {
                let value = example_json(field.ty.as_ref()?)?;
                entries.push(format!("{}: {value}", json_string(&field.name.value)));
            }
            format!("{{{}}}", entries.join(", "))
        }
        TypeExprKind::ArrayLiteral(items) => {
            let items: Option<Vec<String>> = items.iter().map(example_json).collect();
            format!("[{}]", items?.join(", "))
        }
        _ => return None,
    })
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A route with parameter names erased: `/users/{id}` and `/users/{userId}` (or `/users/:id`)
/// are the same route, one path to the router.
pub fn route_shape(route: &str) -> String {
    route
        .split('/')
        .map(|segment| {
            if param_name(segment).is_some() {
                "{}"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The candidate within two edits of `word`, if there is one.
fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), *c))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

// The grammar spelling by spelling, read, parsed and checked into the model.
#[cfg(test)]
mod tests;
