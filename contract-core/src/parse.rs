//! Stage 2, parse: contract block text -> [`ast`](crate::ast).
//!
//! A hand-written recursive-descent parser over the file's own text, so every node's span is a
//! byte range of the issue file. The block is line-oriented at the top (an endpoint line
//! `METHOD /path`, then keyword lines `Request:`, `Response:`, `Query:`, `Headers:`, `Errors:`),
//! and type expressions inside may spread over many lines. The parser accepts every spelling in the
//! grammar notes and leaves judging names, types and statuses to [`crate::check`], which knows the
//! whole model; it only reports text it cannot make sense of, and then skips to the next line that
//! starts an endpoint or a keyword, so one slip costs one diagnostic.

use std::sync::Arc;

use crate::ast::{
    Bound, Endpoint, ErrorSpec, FieldExpr, HeaderSpec, ParsedIssue, QueryPair, ResponseSpec,
    TypeDef, TypeExpr, TypeExprKind,
};
use crate::check;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::document::{
    Auth, DocumentEndpoint, Inferred, Request, is_instance, route_key, template_path,
};
use crate::model::Method;
use crate::naming;
use crate::read::{CodeBlock, Issue};
use crate::source::{Source, Span, Spanned};

/// Parses the issue's contract blocks, and the type definitions in every other code block.
pub fn parse_issue(issue: Issue, diagnostics: &mut Diagnostics) -> ParsedIssue {
    if !issue.contract_blocks_found || issue.contract_blocks.is_empty() {
        return parse_blocks(issue, diagnostics);
    }
    // Blocks found by their content only, not under an API Contract label. In the grammar and
    // saying more than endpoint lines, they are the contract. Otherwise they are part of an API
    // document (an HTTP exchange, a placeholder such as `{ items: [...] }`, a bare `GET /x`
    // under a `URL` heading): the document is read as one if it names endpoints, and a block
    // the grammar refuses gets a note; if it names none, the grammar's word stands.
    let mut scratch = Diagnostics::default();
    let parsed = parse_blocks(issue, &mut scratch);
    // Bare: endpoint lines and nothing more (a query on the line, `?lat=40.7`, is an example's).
    let bare = parsed.endpoints.iter().all(|e| {
        e.request.is_none()
            && e.response.is_none()
            && e.errors.is_empty()
            && e.headers.is_empty()
            && e.query.is_none()
    });
    let mut document = crate::document::read_document(&parsed.issue.source);
    // In the grammar and saying more, the blocks are the contract, unless the document names
    // endpoints they do not: then they are its HTTP examples (`GET /orders/o-17` with a token
    // header, under `### GET /orders/{id}`), and the document is the contract.
    let covered = document.endpoints.iter().all(|endpoint| {
        let key = route_key(&endpoint.named.path.value);
        parsed.endpoints.iter().any(|e| {
            e.method.value == endpoint.named.method.value && route_key(&e.path.value) == key
        })
    });
    if scratch.is_empty()
        && !bare
        && covered
        && names_each_once(&parsed.endpoints)
        && !shows_instances(&parsed.endpoints)
    {
        return parsed;
    }
    let mut issue = parsed.issue;
    // Bare endpoint lines say no more than the document's reading of them, which knows where
    // they stand (a changelog's list names no endpoint); a block the grammar refuses stands when
    // the document names nothing.
    if scratch.is_empty() && document.endpoints.is_empty() {
        diagnostics.push(crate::read::no_contract(&issue.source));
        return ParsedIssue {
            issue,
            endpoints: Vec::new(),
            type_defs: parsed.type_defs,
        };
    }
    if !scratch.is_empty() && document.endpoints.is_empty() {
        diagnostics.extend(scratch);
        return ParsedIssue {
            issue,
            endpoints: parsed.endpoints,
            type_defs: parsed.type_defs,
        };
    }
    for block in &issue.contract_blocks {
        let inside = |d: &&Diagnostic| {
            (block.content.start..=block.content.end).contains(&d.primary.span.start)
        };
        if let Some(refused) = scratch.iter().find(inside) {
            document.notes.push(crate::document::Note {
                span: refused.primary.span,
                text: format!(
                    "a code block in the form of a contract that its grammar refuses ({}), read as \
                     part of the document",
                    refused.message
                ),
            });
        }
    }
    issue.contract_blocks.clear();
    issue.document = document;
    parse_blocks(issue, diagnostics)
}

/// Whether blocks found by their content name each route once, each with a name of its own: a
/// contract does, while a document's HTTP examples show one request twice or requests the
/// operation rule names alike (`GET /messages`, `GET /analytics/messages`), which its reader
/// tells apart.
fn names_each_once(endpoints: &[Endpoint]) -> bool {
    let keys: Vec<(Method, String, String)> = endpoints
        .iter()
        .filter_map(|endpoint| {
            let method = Method::parse(&endpoint.method.value)?;
            let path = template_path(&endpoint.path.value);
            let name = match &endpoint.operation {
                Some(given) => given.value.clone(),
                None => naming::operation_name(method, &path),
            };
            Some((method, path, name))
        })
        .collect();
    check::clashes(keys.iter().map(|(m, p, n)| (*m, p.as_str(), n.as_str()))).is_empty()
}

/// Whether one block's route is a concrete instance of another's of the same method (`GET
/// /orders/ORD123` beside `GET /orders/{orderId}`): a contract names routes, a document's HTTP
/// example shows one with its values.
fn shows_instances(endpoints: &[Endpoint]) -> bool {
    endpoints.iter().any(|concrete| {
        endpoints.iter().any(|template| {
            template.method.value == concrete.method.value
                && is_instance(&template.path.value, &concrete.path.value)
        })
    })
}

fn parse_blocks(issue: Issue, diagnostics: &mut Diagnostics) -> ParsedIssue {
    let mut endpoints = Vec::new();
    let mut type_defs = Vec::new();
    let mut last_heading = None;
    for block in &issue.contract_blocks {
        let mut first_in_block = endpoints.len();
        if let Some(heading) = block.endpoint_heading {
            if last_heading == Some((heading, endpoints.len())) {
                // Another block under the same heading: it continues that endpoint.
                first_in_block -= 1;
            } else {
                // `### POST /auth/login` above the block stands for its endpoint line.
                let mut parser = Parser::new(&issue.source, heading, diagnostics);
                if let Ok(endpoint) = parser.endpoint_line() {
                    endpoints.push(endpoint);
                    last_heading = Some((heading, endpoints.len()));
                }
            }
        }
        let mut parser = Parser::new(&issue.source, block.content, diagnostics);
        parser.block(&mut endpoints, first_in_block, &mut type_defs);
    }
    if !issue.document.endpoints.is_empty() {
        // A document's reader has its types already, in the grammar's words.
        endpoints.extend(issue.document.endpoints.iter().map(document_endpoint));
        type_defs.extend(issue.document.types.iter().cloned());
        return ParsedIssue {
            issue,
            endpoints,
            type_defs,
        };
    }
    for block in other_blocks(&issue) {
        // Code outside the contract is not ours to judge: keep only definitions that parse.
        let mut scratch = Diagnostics::default();
        let mut parser = Parser::new(&issue.source, block.content, &mut scratch);
        type_defs.extend(parser.type_defs_only());
    }
    ParsedIssue {
        issue,
        endpoints,
        type_defs,
    }
}

/// An endpoint read from an API document outside the template, as its contract block would
/// have said it: the first 2xx status is the response's, 4xx and 5xx are errors with their
/// reason phrases, a required bearer token is an `Authorization` header, and `<id>` or `[id]`
/// in the path is `{id}`. Every part keeps its place in the document.
fn document_endpoint(read: &DocumentEndpoint) -> Endpoint {
    let named = &read.named;
    let span = named.method.span.to(named.path.span);
    let object = |fields: &[FieldExpr]| TypeExpr {
        kind: TypeExprKind::Object(fields.to_vec()),
        span,
    };
    let request = match &read.request {
        Request::Fields(fields) => Some(object(fields)),
        Request::Empty(_) | Request::Unsaid => None,
    };
    let success = read.statuses.iter().find(|s| (200..300).contains(&s.value));
    let response = (success.is_some() || read.response.is_some()).then(|| ResponseSpec {
        status: success.map(|s| Spanned::new(s.value.to_string(), s.span)),
        body: read.response.clone(),
        span,
    });
    let errors = read
        .statuses
        .iter()
        .filter(|s| s.value >= 400)
        .map(|s| ErrorSpec {
            status: Spanned::new(s.value.to_string(), s.span),
            message: None,
        })
        .collect();
    let headers = match read.auth {
        Auth::Required(at) => vec![HeaderSpec {
            name: Spanned::new("Authorization".to_owned(), at),
            value: Some(Spanned::new("Bearer <token>".to_owned(), at)),
        }],
        Auth::Public(_) | Auth::Unsaid => Vec::new(),
    };
    let path = template_path(&named.path.value);
    Endpoint {
        method: named.method.clone(),
        path: Spanned::new(path, named.path.span),
        path_query: Vec::new(),
        query: None,
        path_types: None,
        headers,
        request,
        response,
        errors,
        operation: read.operation.clone(),
        span,
        inferred: std::iter::once(Inferred {
            part: crate::document::Part::Endpoint,
            how: named.form.describe().into(),
            span,
        })
        .chain(read.inferred.iter().cloned())
        .collect(),
        notes: read.notes.clone(),
    }
}

/// The type expression that starts `span` of `source` (a JSON example, `{ title: string }`), for
/// the document reader: `None` when none does. Text after it is left alone, and the grammar's
/// diagnostics are not the document's: they are dropped.
pub(crate) fn type_at(source: &Arc<Source>, span: Span) -> Option<TypeExpr> {
    let mut scratch = Diagnostics::default();
    let mut parser = Parser::new(source, span, &mut scratch);
    parser.example = true;
    parser.skip_trivia(true);
    let ty = parser.type_expr().ok()?;
    scratch.is_empty().then_some(ty)
}

/// The TypeScript definitions (`interface X {...}`, `type X = ...`) in `span` of `source`, for
/// the document reader; what does not parse is left out.
pub(crate) fn type_defs_at(source: &Arc<Source>, span: Span) -> Vec<TypeDef> {
    let mut scratch = Diagnostics::default();
    Parser::new(source, span, &mut scratch).type_defs_only()
}

fn other_blocks(issue: &Issue) -> impl Iterator<Item = &CodeBlock> {
    issue
        .code_blocks
        .iter()
        .filter(|b| !issue.contract_blocks.iter().any(|c| c.content == b.content))
}

/// What a line inside a contract block starts with.
enum LineStart {
    Endpoint,
    Keyword(Keyword),
    /// `201 -> {...}` or `404: "Not found"`.
    Status,
    TypeDef,
    Other,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Keyword {
    Request,
    Response,
    Query,
    /// `Path: { id: uuid }`: the path parameters' types.
    Path,
    Headers,
    Auth,
    Errors,
    /// `Operation: list_users_v2`: the endpoint's name, where the rule's would clash.
    Operation,
}

impl Keyword {
    fn from_word(word: &str) -> Option<Keyword> {
        Some(match word.to_ascii_lowercase().as_str() {
            "request" | "body" | "payload" | "input" => Keyword::Request,
            "response" | "returns" | "success" | "output" => Keyword::Response,
            "query" | "querystring" => Keyword::Query,
            "path" => Keyword::Path,
            "headers" | "header" => Keyword::Headers,
            "authorization" | "auth" | "authentication" => Keyword::Auth,
            "errors" | "error" => Keyword::Errors,
            "operation" | "operationid" => Keyword::Operation,
            _ => return None,
        })
    }
}

const KEYWORD_LIST: &str = "`Request:`, `Response:`, `Query:`, `Path:`, `Headers:` or `Errors:`";

/// Words that mean "no body".
const NO_BODY: &[&str] = &["none", "empty", "nothing", "n/a", "-", "(none)", "(empty)"];

struct Parser<'a> {
    source: &'a Arc<Source>,
    text: &'a str,
    pos: usize,
    end: usize,
    diagnostics: &'a mut Diagnostics,
    /// How many types the one being parsed is nested in (see [`MAX_NESTING`]).
    depth: usize,
    /// Reading a document's example rather than a contract: `[...]` is a placeholder for items
    /// the example leaves out.
    example: bool,
}

/// How deep types may nest: objects, arrays (`T[]` counts once per `[]`), generics and
/// parentheses. Far past any real contract; it bounds every recursive pass over a type (the
/// checks, the expansion, the OpenAPI schemas), so that no input overflows the stack of the
/// command line or of rustc running `#[contract]`.
pub const MAX_NESTING: usize = 64;

/// Parse failures have already been reported; the caller only needs to recover.
struct Reported;

type PResult<T> = Result<T, Reported>;

impl<'a> Parser<'a> {
    fn new(source: &'a Arc<Source>, content: Span, diagnostics: &'a mut Diagnostics) -> Self {
        Parser {
            source,
            text: source.text(),
            pos: content.start,
            end: content.end,
            diagnostics,
            depth: 0,
            example: false,
        }
    }

    // ---- the block ---------------------------------------------------------------------------

    /// Parses one block into `endpoints`; lines before the block's first endpoint line belong to
    /// the endpoint at `first_in_block`, if the block's heading gave one.
    fn block(
        &mut self,
        endpoints: &mut Vec<Endpoint>,
        first_in_block: usize,
        type_defs: &mut Vec<TypeDef>,
    ) {
        let block_start = self.pos;
        loop {
            self.skip_trivia(true);
            if self.at_end() {
                break;
            }
            let line_start = self.pos;
            let result = match self.line_start() {
                LineStart::Endpoint => self.endpoint_line().map(|e| endpoints.push(e)),
                LineStart::TypeDef => self.type_def().map(|d| type_defs.push(d)),
                LineStart::Keyword(keyword) => match endpoints[first_in_block..].last_mut() {
                    Some(endpoint) => self.keyword_line(keyword, endpoint),
                    None => Err(self.error_at(
                        self.word_span(),
                        format!("`{}` before any endpoint line", self.word()),
                        "an endpoint line such as `POST /api/users` must come first",
                    )),
                },
                LineStart::Status => match endpoints[first_in_block..].last_mut() {
                    Some(endpoint) => self.status_line(endpoint),
                    None => Err(self.error_at(
                        self.word_span(),
                        "status line before any endpoint line",
                        "an endpoint line such as `POST /api/users` must come first",
                    )),
                },
                LineStart::Other => Err(self.unexpected_line()),
            };
            if result.is_err() {
                self.recover(line_start);
                continue;
            }
            if let Some(endpoint) = endpoints.last_mut()
                && endpoint.span.start >= block_start
                && endpoint.span.start <= line_start
            {
                endpoint.span.end = endpoint.span.end.max(self.pos);
            }
            self.expect_line_end();
        }
    }

    /// Only the `interface`/`type` definitions of a code block that is not the contract.
    fn type_defs_only(&mut self) -> Vec<TypeDef> {
        let mut defs = Vec::new();
        loop {
            self.skip_trivia(true);
            if self.at_end() {
                break;
            }
            if matches!(self.line_start(), LineStart::TypeDef) {
                match self.type_def() {
                    Ok(def) => defs.push(def),
                    Err(Reported) => self.skip_line(),
                }
            } else {
                self.skip_line();
            }
        }
        defs
    }

    fn line_start(&self) -> LineStart {
        let word = self.word();
        let after_word = self.pos + word.len();
        let rest = &self.text[after_word..self.line_end()];
        if word.is_empty() {
            return if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                LineStart::Status
            } else {
                LineStart::Other
            };
        }
        if word.chars().all(|c| c.is_ascii_digit()) {
            return LineStart::Status;
        }
        let is_method_word = word.chars().all(|c| c.is_ascii_uppercase());
        let path_follows = rest.starts_with([' ', '\t']) && rest.trim_start().starts_with('/');
        if is_method_word && (path_follows || crate::model::Method::parse(word).is_some()) {
            return LineStart::Endpoint;
        }
        if path_follows && crate::model::Method::parse(&word.to_ascii_uppercase()).is_some() {
            return LineStart::Endpoint;
        }
        if word == "interface" || (word == "type" && rest.contains('=')) || word == "export" {
            return LineStart::TypeDef;
        }
        if let Some(keyword) = Keyword::from_word(word) {
            // A keyword is followed by `:`, possibly after a status: `Response (201):`, `Response 201:`.
            let head = rest.split(':').next().unwrap_or("");
            if rest.contains(':')
                && head
                    .chars()
                    .all(|c| " \t()0123456789".contains(c) || c.is_alphabetic())
            {
                return LineStart::Keyword(keyword);
            }
            let rest = rest.trim_start();
            if rest.starts_with("->") || rest.starts_with('→') {
                return LineStart::Keyword(keyword);
            }
            // `Response 201 Created` with the body on the next lines: no colon needed.
            let status = rest.trim_start_matches('(');
            let starts_with_status = status
                .as_bytes()
                .get(..3)
                .is_some_and(|b| b.iter().all(u8::is_ascii_digit));
            if keyword == Keyword::Response && starts_with_status {
                return LineStart::Keyword(keyword);
            }
        }
        LineStart::Other
    }

    fn unexpected_line(&mut self) -> Reported {
        let span = self.rest_of_line_span();
        self.error_at(
            span,
            "expected an endpoint line or a contract keyword",
            &format!(
                "an endpoint starts with a method and a path (`GET /api/users/:id`); its lines start with {KEYWORD_LIST}"
            ),
        )
    }

    // ---- endpoints ---------------------------------------------------------------------------

    /// `METHOD /path?query [request] [-> response]`
    fn endpoint_line(&mut self) -> PResult<Endpoint> {
        let start = self.pos;
        let method = self.take_word();
        self.skip_inline_space();
        let path_start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_whitespace() || self.starts_with("//") {
                break;
            }
            self.bump();
        }
        let raw_path = &self.text[path_start..self.pos];
        let (path, path_query) = split_query(raw_path, path_start);
        let mut endpoint = Endpoint {
            method,
            path,
            path_query,
            query: None,
            path_types: None,
            headers: Vec::new(),
            request: None,
            response: None,
            errors: Vec::new(),
            operation: None,
            span: Span::new(start, self.pos),
            inferred: Vec::new(),
            notes: Vec::new(),
        };
        self.skip_trivia(false);
        if self.peek().is_some_and(|c| c == '{' || c == '[') {
            endpoint.request = Some(self.type_expr()?);
            self.skip_trivia(false);
        }
        if self.eat_arrow() {
            let response = self.response_rest(Span::new(start, self.pos), None)?;
            self.set_response(&mut endpoint, response);
        }
        endpoint.span.end = self.pos;
        Ok(endpoint)
    }

    fn keyword_line(&mut self, keyword: Keyword, endpoint: &mut Endpoint) -> PResult<()> {
        let keyword_span = self.word_span();
        let keyword_word = self.take_word();
        match keyword {
            Keyword::Response => {
                let response = self.response_line(keyword_span)?;
                self.set_response(endpoint, response);
                return Ok(());
            }
            Keyword::Auth => {
                self.expect_colon(&keyword_word.value)?;
                let value = self.rest_of_line_text();
                endpoint.headers.push(HeaderSpec {
                    name: Spanned::new("Authorization".to_owned(), keyword_span),
                    value,
                });
                return Ok(());
            }
            _ => {}
        }
        self.expect_colon(&keyword_word.value)?;
        self.skip_trivia(false);
        match keyword {
            Keyword::Request => {
                let first = endpoint.request.as_ref().map(|r| r.span);
                let request = self.optional_body()?;
                match (first, request) {
                    (Some(first), Some(second)) => {
                        self.second_part("request", endpoint, first, second.span)
                    }
                    (_, request) => endpoint.request = request.or(endpoint.request.take()),
                }
            }
            Keyword::Query => endpoint.query = self.optional_body()?,
            Keyword::Path => endpoint.path_types = self.optional_body()?,
            Keyword::Headers => endpoint.headers.extend(self.headers()?),
            Keyword::Errors => endpoint.errors.extend(self.errors()?),
            Keyword::Operation => {
                let name = self.take_word();
                if name.value.is_empty() {
                    return Err(self.error_here("expected an operation name after `Operation:`"));
                }
                if let Some(first) = &endpoint.operation {
                    let first = first.span;
                    self.second_part("operation name", endpoint, first, name.span);
                } else {
                    endpoint.operation = Some(name);
                }
                self.expect_line_end();
            }
            Keyword::Response | Keyword::Auth => unreachable!("handled above"),
        }
        Ok(())
    }

    /// `Response`, then `(201)` / ` 201` / nothing, then `:` or an arrow, then the rest.
    fn response_line(&mut self, keyword: Span) -> PResult<ResponseSpec> {
        self.skip_inline_space();
        let mut status = None;
        if self.eat('(') {
            self.skip_inline_space();
            status = self.status_token();
            // `(201 CREATED)`: the words inside the parentheses are only a reminder.
            while self.peek().is_some_and(|c| c != ')' && c != '\n') {
                self.bump();
            }
            if !self.eat(')') {
                return Err(self.error_here("expected `)` after the response status"));
            }
        } else if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            status = self.status_token();
            self.reason_phrase(status.as_ref());
        }
        self.skip_inline_space();
        if !self.eat(':') && !self.eat_arrow() && status.is_none() {
            return Err(self.error_here("expected `:` after `Response`"));
        }
        self.response_rest(keyword, status)
    }

    /// After `Response:` (or an arrow): `[status [reason]] [body]`, the body possibly on the lines
    /// that follow (`Response: 200 OK` then `{ ... }`).
    fn response_rest(
        &mut self,
        keyword: Span,
        status: Option<Spanned<String>>,
    ) -> PResult<ResponseSpec> {
        self.skip_trivia(false);
        let mut status = status;
        if status.is_none()
            && self.peek().is_some_and(|c| c.is_ascii_digit())
            && self.digits_then_boundary()
        {
            status = self.status_token();
            self.reason_phrase(status.as_ref());
            self.skip_trivia(false);
        }
        let body = if self.at_line_end() {
            if status.is_some() && self.next_line_starts_body() {
                self.skip_trivia(true);
                Some(self.type_expr()?)
            } else if status.is_none() {
                return Err(self.error_here("expected a response status or body after `Response:`"));
            } else {
                None
            }
        } else {
            self.optional_body()?
        };
        Ok(ResponseSpec {
            status,
            body,
            span: keyword,
        })
    }

    /// `201 -> {...}`, `201: {...}`, `404: "Not found"`, `404 -> Not found`.
    fn status_line(&mut self, endpoint: &mut Endpoint) -> PResult<()> {
        let Some(status) = self.status_token() else {
            return Err(self.unexpected_line());
        };
        let is_error = status.value.starts_with(['4', '5']);
        self.reason_phrase(Some(&status));
        self.skip_inline_space();
        if !self.eat(':') && !self.eat_arrow() {
            return Err(self.error_here("expected `:` or `->` after the status"));
        }
        self.skip_trivia(false);
        if is_error {
            let message = self.error_message()?;
            endpoint.errors.push(ErrorSpec { status, message });
        } else {
            let span = status.span;
            let body = if self.at_line_end() {
                None
            } else {
                self.optional_body()?
            };
            let response = ResponseSpec {
                status: Some(status),
                body,
                span,
            };
            self.set_response(endpoint, response);
        }
        Ok(())
    }

    /// Takes `response` as the endpoint's one success response; a second is reported rather than
    /// silently taking the first's place.
    fn set_response(&mut self, endpoint: &mut Endpoint, response: ResponseSpec) {
        match &endpoint.response {
            Some(first) => {
                let first = first.span;
                self.second_part("response", endpoint, first, response.span);
            }
            None => endpoint.response = Some(response),
        }
    }

    /// Reports a second request or response for one endpoint, pointing at both.
    fn second_part(&mut self, part: &str, endpoint: &Endpoint, first: Span, second: Span) {
        let diagnostic = Diagnostic::error(
            self.source,
            second,
            format!(
                "a second {part} for `{} {}`",
                endpoint.method.value, endpoint.path.value
            ),
        )
        .label(format!("second {part}"))
        .with_secondary(self.source, first, format!("first {part}"))
        .help(match part {
            "response" => {
                "an endpoint has one success response: keep one, and list the other statuses under `Errors:`"
            }
            "operation name" => "an endpoint has one name: keep one",
            _ => "an endpoint has one request body: keep one",
        });
        self.report(diagnostic);
    }

    /// A type, or `none` and its synonyms for "no body".
    fn optional_body(&mut self) -> PResult<Option<TypeExpr>> {
        let rest = self.text[self.pos..self.line_end()].trim();
        let rest = rest.split("//").next().unwrap_or("").trim();
        if NO_BODY.iter().any(|word| rest.eq_ignore_ascii_case(word)) {
            self.pos = self.line_end();
            return Ok(None);
        }
        self.type_expr().map(Some)
    }

    /// `{ Authorization: "Bearer <token>", "X-Trace-Id": string }` or `Authorization: Bearer <token>`.
    fn headers(&mut self) -> PResult<Vec<HeaderSpec>> {
        if !self.eat('{') {
            let name = self.take_key()?;
            self.expect_colon(&name.value)?;
            let value = self.rest_of_line_text();
            return Ok(vec![HeaderSpec { name, value }]);
        }
        let open = self.pos - 1;
        let mut headers = Vec::new();
        loop {
            self.skip_separators();
            if self.eat('}') {
                return Ok(headers);
            }
            if self.at_end() {
                return Err(self.unclosed(open, '{'));
            }
            let name = self.take_key()?;
            self.skip_trivia(false);
            let value = if self.eat(':') {
                self.skip_trivia(false);
                let start = self.pos;
                let value = if self.peek().is_some_and(|c| c == '"' || c == '\'') {
                    self.string()?.value
                } else {
                    while self.peek().is_some_and(|c| !",;}\n".contains(c)) {
                        self.bump();
                    }
                    self.text[start..self.pos].trim().to_owned()
                };
                Some(Spanned::new(value, Span::new(start, self.pos)))
            } else {
                None
            };
            headers.push(HeaderSpec { name, value });
        }
    }

    /// `{ 400: "Bad request", 409: 'Conflict' }` over one line or many; a bare list `400, 404`; or
    /// a list on the following lines (`- 404: Not found`).
    fn errors(&mut self) -> PResult<Vec<ErrorSpec>> {
        if self.eat('{') {
            return self.error_object(self.pos - 1);
        }
        if self.at_line_end() {
            return self.error_list_lines();
        }
        let mut errors = Vec::new();
        loop {
            self.skip_trivia(false);
            let Some(status) = self.status_token() else {
                return Err(self.error_here("expected an error status such as `404`"));
            };
            self.skip_inline_space();
            let message = if self.eat(':') || self.eat_arrow() {
                self.skip_inline_space();
                self.error_message()?
            } else {
                None
            };
            errors.push(ErrorSpec { status, message });
            self.skip_inline_space();
            if !self.eat(',') && !self.eat(';') {
                return Ok(errors);
            }
        }
    }

    fn error_object(&mut self, open: usize) -> PResult<Vec<ErrorSpec>> {
        let mut errors = Vec::new();
        loop {
            self.skip_separators();
            if self.eat('}') {
                return Ok(errors);
            }
            if self.at_end() || self.at_keyword_line() {
                return Err(self.unclosed(open, '{'));
            }
            let status = match self.peek() {
                Some('"' | '\'') => self.string()?,
                _ => match self.status_token() {
                    Some(status) => status,
                    None => return Err(self.error_here("expected an error status such as `404`")),
                },
            };
            self.skip_trivia(false);
            if !self.eat(':') {
                return Err(self.error_here("expected `:` between the status and its message"));
            }
            self.skip_trivia(false);
            let message = self.error_message()?;
            errors.push(ErrorSpec { status, message });
        }
    }

    fn error_list_lines(&mut self) -> PResult<Vec<ErrorSpec>> {
        let mut errors = Vec::new();
        loop {
            let save = self.pos;
            self.skip_trivia(true);
            let _bullet = self.eat('-') || self.eat('*');
            self.skip_inline_space();
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos = save;
                break;
            }
            let Some(status) = self.status_token() else {
                self.pos = save;
                break;
            };
            self.skip_inline_space();
            let _ = self.eat(':') || self.eat_arrow() || self.eat('-');
            self.skip_inline_space();
            let message = self.error_message()?;
            errors.push(ErrorSpec { status, message });
        }
        if errors.is_empty() {
            return Err(self.error_here("expected the error statuses after `Errors:`"));
        }
        Ok(errors)
    }

    /// A quoted message, or bare words up to the end of the entry.
    fn error_message(&mut self) -> PResult<Option<Spanned<String>>> {
        if self.peek().is_some_and(|c| c == '"' || c == '\'') {
            return self.string().map(Some);
        }
        let start = self.pos;
        while self.peek().is_some_and(|c| !",;}\n".contains(c)) && !self.starts_with("//") {
            self.bump();
        }
        let text = self.text[start..self.pos].trim_end();
        if text.is_empty() {
            return Ok(None);
        }
        Ok(Some(Spanned::new(
            text.to_owned(),
            Span::new(start, start + text.len()),
        )))
    }

    // ---- type definitions --------------------------------------------------------------------

    /// `[export] interface Name [extends ...] { ... }` or `[export] type Name = <type>[;]`.
    fn type_def(&mut self) -> PResult<TypeDef> {
        if self.word() == "export" {
            self.take_word();
            self.skip_inline_space();
        }
        let keyword = self.take_word();
        self.skip_inline_space();
        let name = self.take_word();
        if name.value.is_empty() {
            return Err(self.error_here("expected a type name"));
        }
        self.skip_trivia(false);
        let ty = if keyword.value == "interface" {
            // `extends` lists other types whose fields are not known here; the body is what counts.
            while self.peek().is_some_and(|c| c != '{' && c != '\n') {
                self.bump();
            }
            self.type_expr()?
        } else {
            if !self.eat('=') {
                return Err(self.error_here("expected `=` after the type name"));
            }
            self.skip_trivia(true);
            self.type_expr()?
        };
        self.skip_inline_space();
        self.eat(';');
        Ok(TypeDef { name, ty })
    }

    // ---- type expressions --------------------------------------------------------------------

    /// `A | B | ...`, each a primary with any number of `[]` suffixes. A union may continue on
    /// the next line when that line starts with `|`.
    fn type_expr(&mut self) -> PResult<TypeExpr> {
        if self.depth >= MAX_NESTING {
            return Err(self.too_deep());
        }
        self.depth += 1;
        let ty = self.union();
        self.depth -= 1;
        ty
    }

    /// `A | B | ...`, or one member alone.
    fn union(&mut self) -> PResult<TypeExpr> {
        let start = self.pos;
        self.eat('|');
        self.skip_trivia(false);
        let mut members = vec![self.postfix()?];
        loop {
            let save = self.pos;
            self.skip_trivia(false);
            if self.eat('|') {
                self.skip_trivia(true);
                members.push(self.postfix()?);
                continue;
            }
            // A leading `|` on the next line continues the union.
            self.skip_trivia(true);
            if self.peek() == Some('|') && !self.starts_with("||") {
                continue;
            }
            self.pos = save;
            break;
        }
        if members.len() == 1 {
            return Ok(members.pop().expect("one member"));
        }
        let span = Span::new(start, members.last().map_or(self.pos, |m| m.span.end));
        Ok(TypeExpr {
            kind: TypeExprKind::Union(members),
            span,
        })
    }

    /// A primary, then any number of `[]` and of bounds in parentheses (`string(1..=200)[](..=10)`).
    fn postfix(&mut self) -> PResult<TypeExpr> {
        let mut ty = self.primary()?;
        let mut arrays = 0;
        loop {
            let save = self.pos;
            self.skip_inline_space();
            let takes_bounds = matches!(
                ty.kind,
                TypeExprKind::Name(_)
                    | TypeExprKind::Generic(..)
                    | TypeExprKind::ArrayOf(_)
                    | TypeExprKind::Bounded(..)
            );
            if !takes_bounds && self.peek() == Some('(') {
                return Err(self.error_at(
                    Span::new(self.pos, self.pos + 1),
                    "bounds after a type that cannot take them",
                    "bounds follow a type's name or `[]`: `string(1..=200)`, `string[](..=10)`; \
                     in a union, bound the member: `string(1..=200) | null`",
                ));
            }
            if self.peek() == Some('(') {
                let bounds = self.bounds()?;
                ty = TypeExpr {
                    span: Span::new(ty.span.start, self.pos),
                    kind: TypeExprKind::Bounded(Box::new(ty), bounds),
                };
                continue;
            }
            if self.eat('[') {
                self.skip_inline_space();
                if self.eat(']') {
                    arrays += 1;
                    if self.depth + arrays > MAX_NESTING {
                        self.pos = save;
                        return Err(self.too_deep());
                    }
                    ty = TypeExpr {
                        span: Span::new(ty.span.start, self.pos),
                        kind: TypeExprKind::ArrayOf(Box::new(ty)),
                    };
                    continue;
                }
            }
            self.pos = save;
            return Ok(ty);
        }
    }

    fn primary(&mut self) -> PResult<TypeExpr> {
        let start = self.pos;
        let kind = match self.peek() {
            Some('{') => {
                self.bump();
                TypeExprKind::Object(self.object_fields(start)?)
            }
            Some('[') => {
                self.bump();
                TypeExprKind::ArrayLiteral(self.array_items(start)?)
            }
            Some('(') => {
                self.bump();
                self.skip_trivia(true);
                let inner = self.type_expr()?;
                self.skip_trivia(true);
                if !self.eat(')') {
                    return Err(self.unclosed(start, '('));
                }
                return Ok(TypeExpr {
                    kind: inner.kind,
                    span: Span::new(start, self.pos),
                });
            }
            Some('"' | '\'') => TypeExprKind::Str(self.string()?.value),
            Some(c)
                if c.is_ascii_digit()
                    || (c == '-' && self.peek_second().is_some_and(|d| d.is_ascii_digit())) =>
            {
                self.bump();
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
                {
                    self.bump();
                }
                TypeExprKind::Number(self.text[start..self.pos].to_owned())
            }
            Some(c) if is_ident_start(c) => {
                let name = self.take_word().value;
                match name.as_str() {
                    "true" | "false" => TypeExprKind::Bool(name == "true"),
                    "null" | "undefined" => TypeExprKind::Null,
                    _ => {
                        let save = self.pos;
                        self.skip_inline_space();
                        if self.eat('<') {
                            TypeExprKind::Generic(name, self.generic_args(start)?)
                        } else {
                            self.pos = save;
                            TypeExprKind::Name(name)
                        }
                    }
                }
            }
            _ => return Err(self.error_here("expected a type")),
        };
        Ok(TypeExpr {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    /// `(1..=200)`, `(/^[a-z]+$/)`, `(1..=20, /^[a-z]+$/)`: ranges and patterns, separated by
    /// commas. Whether they suit the type is the checker's to say.
    fn bounds(&mut self) -> PResult<Vec<Bound>> {
        let open = self.pos;
        self.bump();
        let mut items = Vec::new();
        loop {
            self.skip_inline_space();
            if self.eat(')') {
                if items.is_empty() {
                    return Err(self.error_at(
                        Span::new(open, self.pos),
                        "empty bounds",
                        "write a range such as `(1..=200)` or a pattern such as `(/^[a-z]+$/)`, \
                         or leave the parentheses out",
                    ));
                }
                return Ok(items);
            }
            if self.at_line_end() {
                return Err(self.unclosed(open, '('));
            }
            let item = if self.peek() == Some('/') {
                Bound::Pattern(self.pattern()?)
            } else {
                self.range()?
            };
            items.push(item);
            self.skip_inline_space();
            if !self.eat(',') && self.peek() != Some(')') {
                if self.at_line_end() {
                    return Err(self.unclosed(open, '('));
                }
                return Err(self.error_here("expected `,` or `)` after the bound"));
            }
        }
    }

    /// `1..=200`, `1..`, `..=200` (and `1..200`, for the checker to refuse).
    fn range(&mut self) -> PResult<Bound> {
        let start = self.pos;
        let min = self.bound_number();
        if !self.starts_with("..") {
            return Err(self.error_here(
                "expected a range such as `1..=200` or a pattern such as `/^[a-z]+$/`",
            ));
        }
        self.pos += 2;
        let inclusive = self.eat('=');
        let max = self.bound_number();
        if inclusive && max.is_none() {
            return Err(self.error_here("expected a number after `..=`"));
        }
        if min.is_none() && max.is_none() {
            return Err(self.error_at(
                Span::new(start, self.pos),
                "a range with no ends",
                "bound at least one end: `1..`, `..=200` or `1..=200`",
            ));
        }
        Ok(Bound::Range {
            exclusive: !inclusive && max.is_some(),
            min,
            max,
            span: Span::new(start, self.pos),
        })
    }

    /// A number as written in a range (`-10`, `0.5`, `1e3`), if one starts here.
    fn bound_number(&mut self) -> Option<Spanned<String>> {
        let start = self.pos;
        self.eat('-');
        let digits = self.pos;
        while let Some(c) = self.peek() {
            // `.` belongs to the number unless it starts `..`.
            let dot = c == '.' && !self.starts_with("..");
            if c.is_ascii_alphanumeric() || c == '_' || dot {
                self.bump();
            } else {
                break;
            }
        }
        if self.pos == digits {
            self.pos = start;
            return None;
        }
        Some(Spanned::new(
            self.text[start..self.pos].to_owned(),
            Span::new(start, self.pos),
        ))
    }

    /// `/.../` on one line: `\/` is a slash of the pattern, any other escape is kept for the
    /// regular expression, and a `/` inside `[...]` needs no escape, as in JavaScript.
    fn pattern(&mut self) -> PResult<Spanned<String>> {
        let start = self.pos;
        self.bump();
        let mut value = String::new();
        let mut in_class = false;
        loop {
            match self.peek() {
                None | Some('\n') | Some('\r') => {
                    return Err(self.report(
                        Diagnostic::error(
                            self.source,
                            Span::new(start, start + 1),
                            "unterminated pattern",
                        )
                        .label("this pattern is never closed")
                        .help("close it with `/` on the same line; write a `/` inside it as `\\/`"),
                    ));
                }
                Some('/') if !in_class => {
                    self.bump();
                    break;
                }
                Some('\\') => {
                    self.bump();
                    match self.bump() {
                        Some('/') => value.push('/'),
                        Some(c) => {
                            value.push('\\');
                            value.push(c);
                        }
                        None => {}
                    }
                }
                Some(c) => {
                    self.bump();
                    match c {
                        '[' => in_class = true,
                        ']' => in_class = false,
                        _ => {}
                    }
                    value.push(c);
                }
            }
        }
        if self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            let flags = self.take_word();
            return Err(self.error_at(
                flags.span,
                format!(
                    "pattern flags (`{}`) are not part of the grammar",
                    flags.value
                ),
                "write what a flag means into the pattern: `[a-zA-Z]` rather than `/[a-z]/i`",
            ));
        }
        Ok(Spanned::new(value, Span::new(start, self.pos)))
    }

    fn generic_args(&mut self, start: usize) -> PResult<Vec<TypeExpr>> {
        let mut args = Vec::new();
        loop {
            self.skip_trivia(true);
            if self.eat('>') {
                return Ok(args);
            }
            if self.at_end() || self.at_keyword_line() {
                return Err(self.unclosed(start, '<'));
            }
            args.push(self.type_expr()?);
            self.skip_trivia(true);
            if !self.eat(',') && self.peek() != Some('>') {
                return Err(self.error_here("expected `,` or `>`"));
            }
        }
    }

    /// Fields up to the closing `}`, separated by `,`, `;` or line breaks; a trailing separator is
    /// fine. A line that starts a new contract keyword means the object was never closed.
    fn object_fields(&mut self, open: usize) -> PResult<Vec<FieldExpr>> {
        let mut fields = Vec::new();
        loop {
            self.skip_separators();
            if self.eat('}') {
                return Ok(fields);
            }
            if self.at_end() || self.at_keyword_line() {
                return Err(self.unclosed(open, '{'));
            }
            // `...Other` spreads fields this parser cannot see; skip them rather than guess.
            if self.starts_with("...") {
                self.pos += 3;
                self.take_word();
                continue;
            }
            let name = self.take_key()?;
            self.skip_trivia(false);
            let optional = self.eat('?');
            self.skip_trivia(false);
            let ty = if self.eat(':') {
                self.skip_trivia(true);
                Some(self.type_expr()?)
            } else if self.peek().is_some_and(|c| ",;}\n\r".contains(c))
                || self.at_end()
                || self.starts_with("//")
            {
                None
            } else {
                return Err(self.error_here(&format!("expected `:` after `{}`", name.value)));
            };
            fields.push(FieldExpr { name, optional, ty });
            self.skip_trivia(false);
            if !(self.peek().is_some_and(|c| ",;}\n\r".contains(c)) || self.at_end()) {
                return Err(self.error_here("expected `,` or `}` after the field"));
            }
        }
    }

    fn array_items(&mut self, open: usize) -> PResult<Vec<TypeExpr>> {
        let mut items = Vec::new();
        loop {
            self.skip_trivia(true);
            while self.eat(',') {
                self.skip_trivia(true);
            }
            if self.eat(']') {
                return Ok(items);
            }
            if self.at_end() || self.at_keyword_line() {
                return Err(self.unclosed(open, '['));
            }
            // `[...]` in a document's example: items it leaves out.
            if self.example && self.starts_with("...") {
                self.pos += 3;
                continue;
            }
            items.push(self.type_expr()?);
            self.skip_trivia(true);
            if !self.eat(',') && self.peek() != Some(']') {
                return Err(self.error_here("expected `,` or `]`"));
            }
        }
    }

    /// An object key: a word (letters, digits, `_`, `$`, `-`) or a quoted string.
    fn take_key(&mut self) -> PResult<Spanned<String>> {
        if self.peek().is_some_and(|c| c == '"' || c == '\'') {
            return self.string();
        }
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| is_ident_continue(c) || c == '-')
        {
            self.bump();
        }
        if self.pos == start {
            return Err(self.error_here("expected a field name"));
        }
        Ok(Spanned::new(
            self.text[start..self.pos].to_owned(),
            Span::new(start, self.pos),
        ))
    }

    /// A `"..."` or `'...'` string with the usual backslash escapes; its span includes the quotes.
    fn string(&mut self) -> PResult<Spanned<String>> {
        let start = self.pos;
        let quote = self.bump().expect("caller saw a quote");
        // Most strings hold no escape: taken whole, up to the closing quote on their line.
        let rest = &self.text[self.pos..self.end];
        if let Some(stop) = rest.find([quote, '\\', '\n'])
            && rest[stop..].starts_with(quote)
        {
            let value = rest[..stop].to_owned();
            self.pos += stop + quote.len_utf8();
            return Ok(Spanned::new(value, Span::new(start, self.pos)));
        }
        let mut value = String::new();
        loop {
            match self.peek() {
                None | Some('\n') => {
                    return Err(self.report(
                        Diagnostic::error(
                            self.source,
                            Span::new(start, start + 1),
                            "unterminated string",
                        )
                        .label("this string is never closed")
                        .help(format!("close it with {quote} on the same line")),
                    ));
                }
                Some(c) if c == quote => {
                    self.bump();
                    break;
                }
                Some('\\') => {
                    self.bump();
                    match self.bump() {
                        Some('n') => value.push('\n'),
                        Some('t') => value.push('\t'),
                        Some(c) => value.push(c),
                        None => {}
                    }
                }
                Some(c) => {
                    self.bump();
                    value.push(c);
                }
            }
        }
        Ok(Spanned::new(value, Span::new(start, self.pos)))
    }

    /// Three digits (or what someone meant as a status, like `4O9`): the run of letters and digits
    /// starting with a digit. `None` when no digit is here.
    fn status_token(&mut self) -> Option<Spanned<String>> {
        if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            self.bump();
        }
        Some(Spanned::new(
            self.text[start..self.pos].to_owned(),
            Span::new(start, self.pos),
        ))
    }

    /// Consumes a reason phrase after a status (`201 Created`, `204 No Content`, `200 OK`), when
    /// the words that follow are that status's standard phrase.
    fn reason_phrase(&mut self, status: Option<&Spanned<String>>) {
        let Some(reason) = status
            .and_then(|s| s.value.parse::<u16>().ok())
            .and_then(|code| http::StatusCode::from_u16(code).ok())
            .and_then(|code| code.canonical_reason())
        else {
            return;
        };
        let save = self.pos;
        self.skip_inline_space();
        let rest = &self.text[self.pos..self.line_end()];
        let matches = rest.len() >= reason.len()
            && rest.is_char_boundary(reason.len())
            && rest[..reason.len()].eq_ignore_ascii_case(reason)
            && !rest[reason.len()..].starts_with(|c: char| c.is_alphanumeric());
        if matches {
            self.pos += reason.len();
        } else {
            self.pos = save;
        }
    }

    // ---- characters --------------------------------------------------------------------------

    fn peek(&self) -> Option<char> {
        if self.pos >= self.end {
            return None;
        }
        // ASCII, nearly all of a contract, without decoding.
        match self.text.as_bytes().get(self.pos) {
            Some(&byte) if byte.is_ascii() => Some(byte as char),
            _ => self.text[self.pos..self.end].chars().next(),
        }
    }

    fn peek_second(&self) -> Option<char> {
        let mut chars = self.text[self.pos.min(self.end)..self.end].chars();
        chars.next();
        chars.next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, expected: char) -> bool {
        if self.peek() == Some(expected) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_arrow(&mut self) -> bool {
        for arrow in ["->", "=>", "→"] {
            if self.starts_with(arrow) {
                self.pos += arrow.len();
                return true;
            }
        }
        false
    }

    fn starts_with(&self, s: &str) -> bool {
        self.text.as_bytes()[self.pos.min(self.end)..self.end].starts_with(s.as_bytes())
    }

    fn at_end(&self) -> bool {
        self.pos >= self.end
    }

    fn line_end(&self) -> usize {
        self.text[self.pos.min(self.end)..self.end]
            .find('\n')
            .map_or(self.end, |i| self.pos + i)
    }

    fn at_line_end(&self) -> bool {
        self.text[self.pos..self.line_end()].trim().is_empty() || self.starts_with("//")
    }

    /// The word at the cursor (letters, digits, `_`, `$`), possibly empty.
    fn word(&self) -> &'a str {
        let rest = &self.text[self.pos.min(self.end)..self.end];
        let len = rest
            .find(|c: char| !is_ident_continue(c))
            .unwrap_or(rest.len());
        &rest[..len]
    }

    fn word_span(&self) -> Span {
        Span::new(self.pos, self.pos + self.word().len())
    }

    fn take_word(&mut self) -> Spanned<String> {
        let span = self.word_span();
        self.pos = span.end;
        Spanned::new(self.text[span.start..span.end].to_owned(), span)
    }

    fn skip_inline_space(&mut self) {
        while self
            .peek()
            .is_some_and(|c| c == ' ' || c == '\t' || c == '\r')
        {
            self.bump();
        }
    }

    /// Spaces, comments (`//`, `/* */`, `#` at a line start) and, if `newlines`, line breaks.
    fn skip_trivia(&mut self, newlines: bool) {
        loop {
            self.skip_inline_space();
            if self.starts_with("//") {
                self.pos = self.line_end();
            } else if self.starts_with("/*") {
                self.pos = self.text[self.pos..self.end]
                    .find("*/")
                    .map_or(self.end, |i| self.pos + i + 2);
            } else if newlines && self.peek() == Some('\n') {
                self.bump();
            } else {
                return;
            }
        }
    }

    fn skip_separators(&mut self) {
        loop {
            self.skip_trivia(true);
            if !(self.eat(',') || self.eat(';')) {
                return;
            }
        }
    }

    fn skip_line(&mut self) {
        self.pos = self.line_end();
    }

    /// After a line was parsed, nothing but a comment may follow on it.
    fn expect_line_end(&mut self) {
        self.skip_trivia(false);
        self.eat(';');
        self.skip_trivia(false);
        if !self.at_end() && self.peek() != Some('\n') {
            let span = self.rest_of_line_span();
            self.error_at(
                span,
                "unexpected text after the end of this line's value",
                "each value ends at the end of its line, or at its closing bracket",
            );
            self.skip_line();
        }
    }

    /// Skips to the next line that starts an endpoint, a keyword or a definition (which may be
    /// the line the cursor is on, when an unclosed bracket that opened on an earlier line broke
    /// off there).
    fn recover(&mut self, failed_line: usize) {
        if self.pos > failed_line && self.at_keyword_line() {
            return;
        }
        loop {
            self.skip_line();
            self.skip_trivia(true);
            if self.at_end() {
                return;
            }
            if !matches!(self.line_start(), LineStart::Other | LineStart::Status) {
                return;
            }
        }
    }

    /// Whether the cursor is at the start of a line that begins a new endpoint or keyword.
    fn at_keyword_line(&self) -> bool {
        // Only spaces between the line's start and here: a walk back over them, not over the
        // line (a one-line object of many fields would make that quadratic).
        let before = &self.text.as_bytes()[..self.pos];
        let blank_before = before
            .iter()
            .rev()
            .take_while(|b| **b != b'\n')
            .all(|b| b.is_ascii_whitespace());
        if !blank_before {
            return false;
        }
        let word = self.word();
        let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
        match self.line_start() {
            LineStart::Endpoint => true,
            LineStart::Keyword(_) => capitalised,
            _ => false,
        }
    }

    fn next_line_starts_body(&self) -> bool {
        let rest = &self.text[self.line_end()..self.end];
        rest.trim_start().starts_with(['{', '['])
    }

    fn digits_then_boundary(&self) -> bool {
        let rest = &self.text[self.pos..self.end];
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        digits == 3 && !rest[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '.')
    }

    fn rest_of_line_span(&self) -> Span {
        let end = self.line_end();
        let text = self.text[self.pos..end].trim_end();
        Span::new(self.pos, self.pos + text.len())
    }

    fn rest_of_line_text(&mut self) -> Option<Spanned<String>> {
        self.skip_inline_space();
        let mut span = self.rest_of_line_span();
        let text = self.text[span.start..span.end]
            .split("//")
            .next()
            .unwrap_or("")
            .trim_end();
        span.end = span.start + text.len();
        self.pos = span.end;
        (!text.is_empty()).then(|| Spanned::new(text.trim_matches(['"', '\'']).to_owned(), span))
    }

    fn expect_colon(&mut self, after: &str) -> PResult<()> {
        self.skip_inline_space();
        if self.eat(':') {
            Ok(())
        } else {
            Err(self.error_here(&format!("expected `:` after `{after}`")))
        }
    }

    // ---- diagnostics -------------------------------------------------------------------------

    fn report(&mut self, diagnostic: Diagnostic) -> Reported {
        self.diagnostics.push(diagnostic);
        Reported
    }

    fn error_at(&mut self, span: Span, message: impl Into<String>, help: &str) -> Reported {
        let diagnostic = Diagnostic::error(self.source, span, message).help(help);
        self.report(diagnostic)
    }

    fn error_here(&mut self, message: &str) -> Reported {
        let found = match self.peek() {
            None => "the end of the contract block".to_owned(),
            Some('\n') | Some('\r') => "the end of the line".to_owned(),
            Some(c) => format!("`{c}`"),
        };
        let end = self.pos + self.peek().filter(|c| *c != '\n').map_or(0, char::len_utf8);
        let diagnostic = Diagnostic::error(self.source, Span::new(self.pos, end), message)
            .label(format!("found {found}"));
        self.report(diagnostic)
    }

    fn too_deep(&mut self) -> Reported {
        let end = self.pos + self.peek().filter(|c| *c != '\n').map_or(0, char::len_utf8);
        let diagnostic = Diagnostic::error(
            self.source,
            Span::new(self.pos, end),
            format!("types nest more than {MAX_NESTING} levels deep here"),
        )
        .label("too deep")
        .help("give a nested part a name of its own (`type Part = {...}`) and refer to it");
        self.report(diagnostic)
    }

    fn unclosed(&mut self, open: usize, bracket: char) -> Reported {
        let close = match bracket {
            '{' => '}',
            '[' => ']',
            '(' => ')',
            _ => '>',
        };
        let mut diagnostic = Diagnostic::error(
            self.source,
            Span::new(open, open + 1),
            format!("unclosed `{bracket}`"),
        )
        .label(format!("this `{bracket}` is never closed"))
        .help(format!("add `{close}` where the value ends"));
        if !self.at_end() {
            diagnostic = diagnostic.with_secondary(
                self.source,
                self.word_span(),
                format!("expected `{close}` before this"),
            );
        }
        self.report(diagnostic)
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$'
}

fn is_ident_continue(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Splits `/api/todos?status=open|done&page=1` at `?` into the path and its query pairs.
fn split_query(raw: &str, start: usize) -> (Spanned<String>, Vec<QueryPair>) {
    let Some(q) = raw.find('?') else {
        return (
            Spanned::new(raw.to_owned(), Span::new(start, start + raw.len())),
            Vec::new(),
        );
    };
    let path = Spanned::new(raw[..q].to_owned(), Span::new(start, start + q));
    let mut pairs = Vec::new();
    let mut offset = start + q + 1;
    for pair in raw[q + 1..].split('&') {
        let (name, value) = match pair.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (pair, None),
        };
        if !name.is_empty() {
            let name_span = Span::new(offset, offset + name.len());
            let value = value.map(|v| {
                let value_start = name_span.end + 1;
                Spanned::new(v.to_owned(), Span::new(value_start, value_start + v.len()))
            });
            pairs.push((Spanned::new(name.to_owned(), name_span), value));
        }
        offset += pair.len() + 1;
    }
    (path, pairs)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::read::FrontMatter;

    /// An issue whose whole text is one contract block, for testing the grammar alone.
    pub(crate) fn block_issue(text: &str) -> Issue {
        let source = Source::new("block.md", text);
        let block = CodeBlock {
            lang: String::new(),
            content: Span::new(0, text.len()),
            endpoint_heading: None,
        };
        Issue {
            source,
            front_matter: FrontMatter::default(),
            objective: None,
            code_to_create: Vec::new(),
            business_logic: Vec::new(),
            depends_on: Vec::new(),
            blocks: Vec::new(),
            contract_blocks: vec![block.clone()],
            contract_blocks_found: false,
            code_blocks: vec![block],
            document: Default::default(),
        }
    }

    pub(crate) fn check_block(text: &str) -> Result<crate::model::Contract, Diagnostics> {
        let mut diagnostics = Diagnostics::default();
        let parsed = parse_issue(block_issue(text), &mut diagnostics);
        let mut contracts = crate::check::check(&[parsed], &mut diagnostics);
        diagnostics.into_result(contracts.remove(0))
    }
}
