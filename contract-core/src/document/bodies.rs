//! Stage 4, the bodies: what an endpoint's part says of its request body and its success body.
//! A request label (`**Request Body:**`, `### Payload`, with an inline object or "none" after
//! it) starts the request piece; a response label or a 2xx status line the response piece (with
//! an inline object or a named type after it); a code block or a field table in a piece gives its
//! fields. What the part said first stands.

use std::ops::Range;
use std::sync::Arc;

use super::blocks::{
    Block, contains_ignore_case, has_any, has_word, label_words, starts_with_ignore_case,
};
use super::bounds::carry_bounds;
use super::fields::{
    FieldColumns, Request, code_request, field_columns, inline_object, inline_request,
    line_request, says_no_body, table_field,
};
use super::parts::{inferred, locate};
use super::statuses::{introduces_status, line_statuses, starts_with_status};
use super::types::named_body;
use super::{DocumentEndpoint, Part};
use crate::ast::{FieldExpr, TypeExpr, TypeExprKind};
use crate::source::{Source, Span, Spanned};

/// Which piece of an endpoint's part a block is in, as its label or heading says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Piece {
    Request,
    /// The success response; an error response's body is [`Piece::Other`].
    Response,
    Other,
}

/// The piece a label or a heading starts: `Request Body` a request, `Response` or `Errors`
/// another; `None` for text that is no such label.
pub(super) fn piece_of(label: &str) -> Option<Piece> {
    // Four words at most: a sentence before a colon heads no piece.
    if label.len() > 48 {
        return None;
    }
    // `**Body** (only the fields to change)`: the words before a parenthetical name the piece,
    // and a status in it says whose body it is.
    let (head, parenthetical) = match label.split_once(['(', '（']) {
        Some((head, rest)) if !head.trim().is_empty() => (head, rest),
        _ => (label, ""),
    };
    let (words, count) = label_words::<4>(head)?;
    let words = &words[..count];
    if words.is_empty() {
        return None;
    }
    let request = [
        "request",
        "body",
        "payload",
        "input",
        "data",
        "params",
        "parameters",
    ];
    let response = ["response", "success", "returns", "output", "returned"];
    let error = ["errors", "error", "failure", "failures", "responses"];
    let has_request = has_word(words, "request");
    if !has_request && has_any(words, &response) && !has_any(words, &error) {
        // `Response (409 Conflict)` heads an error body, not the success one.
        let error_status = words
            .iter()
            .copied()
            .chain(parenthetical.split(|c: char| !c.is_ascii_digit()))
            .any(|n| n.len() == 3 && n.parse::<u16>().is_ok_and(|s| s >= 300));
        return Some(if error_status {
            Piece::Other
        } else {
            Piece::Response
        });
    }
    let other = [
        "response",
        "responses",
        "success",
        "returns",
        "output",
        "errors",
        "error",
        "failure",
        "example",
        "status",
        "headers",
        "query",
        "url",
        "method",
        "auth",
        "authentication",
        "notes",
    ];
    // Path, query and header parameters are not the body, whatever else the label says.
    let not_body = ["path", "query", "url", "header", "headers", "uri"];
    if has_any(words, &not_body) || (has_any(words, &other) && !has_request) {
        Some(Piece::Other)
    } else if has_any(words, &request) {
        Some(Piece::Request)
    } else {
        None
    }
}

/// What an endpoint's part is reading, carried from block to block.
pub(super) struct BodyReader {
    /// The endpoint whose part it is.
    index: usize,
    /// The piece the block is in.
    piece: Piece,
    /// A label, a heading or a status line has said what a piece of the part is.
    labelled: bool,
    /// The piece and columns of the field table being read.
    fields: Option<(Piece, FieldColumns)>,
    /// The request label said every field is optional (`**Body** (all fields optional):`).
    all_optional: bool,
    /// The field table being read gave the request: its rows are new fields, not notes on an
    /// example's (no search through the fields so far: a table may have thousands of rows).
    table_made_request: bool,
    /// Success bodies named by a type (`returns the created Shelf`): the endpoint, the name,
    /// whether the body is an array of it, and where; kept if the document defines the type.
    pub named: Vec<(usize, String, bool, Span)>,
}

impl BodyReader {
    pub(super) fn new() -> BodyReader {
        BodyReader {
            index: 0,
            piece: Piece::Other,
            labelled: false,
            fields: None,
            all_optional: false,
            table_made_request: false,
            named: Vec::new(),
        }
    }

    /// The part of endpoint `index` starts at `block`, which names it: the body on the
    /// endpoint's own line, or in its HTTP request block.
    pub(super) fn start(
        &mut self,
        source: &Arc<Source>,
        block: &Block,
        range: Range<usize>,
        index: usize,
        endpoint: &mut DocumentEndpoint,
    ) {
        *self = BodyReader {
            index,
            named: std::mem::take(&mut self.named),
            ..BodyReader::new()
        };
        let request = match block {
            Block::Code { .. } => code_request(source, range.clone())
                .map(|request| (request, "the endpoint's HTTP request")),
            _ => line_request(source, block, range.clone())
                .map(|request| (request, "the endpoint's line")),
        };
        if let Some((request, how)) = request {
            endpoint.request = request;
            endpoint
                .inferred
                .push(inferred(Part::Request, how, range.clone()));
        }
    }

    /// A heading: it may start a piece (`### Request`, `#### Response`).
    pub(super) fn heading(&mut self, text: &str) {
        if let Some(piece) = piece_of(text) {
            self.piece = piece;
            self.labelled = true;
        }
    }

    /// A table's header row, in the part of `endpoint` if any: a field table in a piece gives
    /// that piece's fields. A table elsewhere in the part may still say which fields of an
    /// example are optional (`### Subscription Fields`); it adds none.
    pub(super) fn table_header(&mut self, cells: &[String], endpoint: Option<&DocumentEndpoint>) {
        let example_given = endpoint.is_some_and(|e| matches!(e.request, Request::Fields(_)));
        // A field table first in the part of an endpoint that takes a body, before any label,
        // is its request.
        let first = !self.labelled
            && endpoint.is_some_and(|e| takes_body(e) && matches!(e.request, Request::Unsaid));
        let piece = if first && self.piece == Piece::Other {
            Piece::Request
        } else {
            self.piece
        };
        self.fields = field_columns(cells)
            .filter(|columns| piece != Piece::Other || (example_given && columns.has_required()))
            .map(|columns| (piece, columns));
    }

    /// What `block`, in an endpoint's part, says of its bodies: a request label (with an inline
    /// object or "none" after it) starts the request piece, a response label or a 2xx status line
    /// the response piece (with an inline object or a named type after it); a code block or a field
    /// table in a piece gives its fields. What the part said first stands.
    pub(super) fn block(
        &mut self,
        source: &Arc<Source>,
        block: &Block,
        range: Range<usize>,
        endpoint: &mut DocumentEndpoint,
    ) {
        match block {
            Block::Item {
                text,
                task: false,
                in_task: false,
            } if self.piece == Piece::Request && listed_field(text).is_some() => {
                self.listed_field(source, text, range, endpoint);
            }
            Block::Paragraph { text }
            | Block::Item {
                text,
                task: false,
                in_task: false,
            } => {
                self.text(source, text, range, endpoint);
            }
            Block::Code { .. } => self.code(source, range, endpoint),
            Block::Row {
                header: true,
                cells: _,
            } => self.table_header_in_part(range, endpoint),
            Block::Row {
                cells,
                header: false,
            } => self.row(source, cells, range, endpoint),
            _ => {}
        }
    }

    /// `` - `title` (required) `` under a request label: a field, or what is known of one.
    fn listed_field(
        &mut self,
        source: &Arc<Source>,
        text: &str,
        range: Range<usize>,
        endpoint: &mut DocumentEndpoint,
    ) {
        let Some((name, optional)) = listed_field(text) else {
            return;
        };
        add_field(source, name, optional, range, endpoint);
        mark_optional(text, endpoint);
    }

    /// A paragraph or a list item: "no body", or labels and status lines that start pieces.
    fn text(
        &mut self,
        source: &Arc<Source>,
        text: &str,
        range: Range<usize>,
        endpoint: &mut DocumentEndpoint,
    ) {
        let unsaid = matches!(endpoint.request, Request::Unsaid);
        let no_body = self.piece == Piece::Request && says_none(text);
        if unsaid && (no_body || says_no_body(text)) {
            endpoint.request = Request::Empty(Span::new(range.start, range.end));
            let how = "a line saying there is none";
            endpoint.inferred.push(inferred(Part::Request, how, range));
            return;
        }
        if says_all_optional(text) {
            self.all_optional = true;
        }
        self.lines(source, text, range, endpoint);
        mark_optional(text, endpoint);
    }

    /// A code block: the request in the request piece, or first in the part of an endpoint that
    /// takes a body before any label says what anything is (`请求：` is a label in no language
    /// this reader knows); the success body in the response piece or after a 2xx status line.
    fn code(&mut self, source: &Arc<Source>, range: Range<usize>, endpoint: &mut DocumentEndpoint) {
        let text = source.text().get(range.clone()).unwrap_or("");
        // `Request: { ... }` and `Response: { ... }` lines in a block: labels, as in prose.
        if labels_bodies(text) {
            self.lines(source, text, range, endpoint);
            return;
        }
        let unsaid = matches!(endpoint.request, Request::Unsaid);
        let kind = code_kind(source, range.clone());
        if unsaid && self.piece == Piece::Request {
            if let Some(mut request) = code_request(source, range.clone()) {
                if let Request::Fields(fields) = &mut request
                    && self.all_optional
                {
                    for field in fields {
                        field.optional = true;
                    }
                }
                endpoint.request = request;
                endpoint.inferred.push(inferred(Part::Request, kind, range));
            }
            return;
        }
        if !self.labelled && kind == "a JSON example" {
            self.first_example(source, range, endpoint);
            return;
        }
        if endpoint.response.is_some() {
            return;
        }
        // An HTTP response block (`HTTP/1.1 201 Created`, headers, body) is its own label.
        let text = source.text().get(range.clone()).unwrap_or("");
        let success_line = text.trim_start().strip_prefix("HTTP/").is_some_and(|rest| {
            rest.split_whitespace()
                .nth(1)
                .is_some_and(|status| status.starts_with('2'))
        });
        if (self.piece == Piece::Response || success_line)
            && let Some(Request::Fields(fields)) = code_request(source, range.clone())
        {
            endpoint.response = Some(object(fields, range.clone()));
            endpoint
                .inferred
                .push(inferred(Part::Response, kind, range));
        }
    }

    /// A JSON example first in the part, before any label says what it is: the request of an
    /// endpoint that takes a body, the success body of one that takes none.
    fn first_example(
        &mut self,
        source: &Arc<Source>,
        range: Range<usize>,
        endpoint: &mut DocumentEndpoint,
    ) {
        let Some(Request::Fields(mut fields)) = code_request(source, range.clone()) else {
            return;
        };
        let how = "a JSON example, the first block of its part";
        if !takes_body(endpoint) {
            if endpoint.response.is_none() {
                endpoint.response = Some(object(fields, range.clone()));
                endpoint.inferred.push(inferred(Part::Response, how, range));
            }
            return;
        }
        if matches!(endpoint.request, Request::Unsaid) {
            if self.all_optional {
                for field in &mut fields {
                    field.optional = true;
                }
            }
            endpoint.request = Request::Fields(fields);
            endpoint.inferred.push(inferred(Part::Request, how, range));
        }
    }

    /// A table's header row in the part: a response table stands only where nothing gave the
    /// body before it.
    fn table_header_in_part(&mut self, range: Range<usize>, endpoint: &mut DocumentEndpoint) {
        self.table_made_request = false;
        if let Some((Piece::Response, _)) = self.fields {
            if endpoint.response.is_none() {
                endpoint.response = Some(object(Vec::new(), range.clone()));
                endpoint
                    .inferred
                    .push(inferred(Part::Response, "a field table", range));
            } else {
                self.fields = None;
            }
        }
    }

    /// A row of a field table in a piece: a field of the response, of the request, or what is
    /// known of a field an example gave (a table after an example says which are optional).
    fn row(
        &mut self,
        source: &Arc<Source>,
        cells: &[String],
        range: Range<usize>,
        endpoint: &mut DocumentEndpoint,
    ) {
        let Some((table_piece, columns)) = self.fields else {
            return;
        };
        let Some(field) = table_field(source, cells, columns, range.clone()) else {
            return;
        };
        if table_piece == Piece::Response {
            if let Some(TypeExpr {
                kind: TypeExprKind::Object(fields),
                ..
            }) = &mut endpoint.response
            {
                fields.push(field);
            }
            return;
        }
        match &mut endpoint.request {
            Request::Fields(fields) if self.table_made_request => fields.push(field),
            Request::Fields(fields) => {
                match fields.iter_mut().find(|f| f.name.value == field.name.value) {
                    Some(known) => {
                        known.optional |= field.optional;
                        known.ty = match (known.ty.take(), field.ty) {
                            (None, ty) => ty,
                            (Some(ty), Some(table)) => Some(carry_bounds(&table, ty)),
                            (ty, None) => ty,
                        };
                    }
                    None if table_piece == Piece::Request => fields.push(field),
                    None => {}
                }
            }
            Request::Unsaid if table_piece == Piece::Request => {
                self.table_made_request = true;
                endpoint.request = Request::Fields(vec![field]);
                endpoint
                    .inferred
                    .push(inferred(Part::Request, "a field table", range));
            }
            Request::Unsaid | Request::Empty(_) => {}
        }
    }

    /// The lines of a paragraph or a list item in an endpoint's part: status lines and labels that
    /// start a piece, with the body after them or below them.
    fn lines(
        &mut self,
        source: &Arc<Source>,
        text: &str,
        range: Range<usize>,
        endpoint: &mut DocumentEndpoint,
    ) {
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            let line = line.trim().trim_start_matches(['-', '*', ' ']);
            // GitBook's tags are labels and fields: `{% tab title="201: Created" %}`,
            // `{% api-method-body-parameters %}`, `{% api-method-parameter name="x" ... %}`.
            let titled;
            let line = match gitbook_tag(line) {
                Some(Tag::Label(label)) => {
                    titled = label;
                    titled.as_str()
                }
                Some(Tag::Field(name, optional)) => {
                    if self.piece == Piece::Request {
                        add_field(source, name, optional, range.clone(), endpoint);
                    }
                    continue;
                }
                // Other tags (`{% endapi-method-parameter %}`) say nothing of the bodies.
                None if line.starts_with("{%") => continue,
                None => line,
            };
            // `Returns the created invoice:`, `Returns a response containing the token.`: what
            // follows is the success body, whatever else the sentence says.
            if ["returns ", "responds with ", "returns:"]
                .iter()
                .any(|start| starts_with_ignore_case(line, start))
                && !introduces_status(line)
            {
                self.piece = Piece::Response;
                self.labelled = true;
            }
            // A long line with no colon and no digit is prose: no label, no status.
            let has_digit = line.bytes().any(|b| b.is_ascii_digit());
            if line.len() > 48 && !has_digit && !line.as_bytes().contains(&b':') {
                continue;
            }
            // `Response: 201 Created`, then the object on the lines below it.
            let object_below = lines.peek().is_some_and(|next| next.trim() == "{");
            // `**201 Created**`, `- 409 when ...`: a status line heads its body.
            let mut status = None;
            if has_digit {
                line_statuses(line, &mut |digits: &str| {
                    status = status.or(digits.parse::<u16>().ok());
                });
            }
            let leads = |line: &str| {
                starts_with_status(line.trim_matches(['*', '`', '_'])) || introduces_status(line)
            };
            if let Some(status) = status.filter(|_| leads(line)) {
                self.status_line(source, line, status, range.clone(), endpoint);
                continue;
            }
            let line = Line {
                text: line,
                status,
                object_below,
            };
            if self.label_line(source, line, range.clone(), endpoint) {
                return;
            }
        }
    }

    /// A line that starts with a status heads that status's body: the success body after a 2xx.
    fn status_line(
        &mut self,
        source: &Arc<Source>,
        line: &str,
        status: u16,
        range: Range<usize>,
        endpoint: &mut DocumentEndpoint,
    ) {
        let success = (200..300).contains(&status);
        self.labelled = true;
        self.piece = if success {
            Piece::Response
        } else {
            Piece::Other
        };
        if success {
            // The body after the status: `201: the new crew`, `Returns 202 with `{...}``.
            let rest = match line.find('{') {
                Some(open) => &line[open..],
                None => line.split_once(':').map_or("", |(_, rest)| rest),
            };
            self.response(source, rest, range, endpoint);
        }
    }

    /// A line that may be a label starting a piece, with the body after it or below it; whether
    /// it gave the request.
    fn label_line(
        &mut self,
        source: &Arc<Source>,
        line: Line,
        range: Range<usize>,
        endpoint: &mut DocumentEndpoint,
    ) -> bool {
        let (label, value) = line.text.split_once(':').unwrap_or((line.text, ""));
        let label = label.trim_matches(['*', '_', '`']);
        // A label that names a status heads that status's body (`响应 `200``,
        // ``Headers: `Status: 201 Created` ``, `**Error 404**`), whatever its words.
        let piece = match (piece_of(label), line.status) {
            (Some(Piece::Request), _) => Piece::Request,
            (_, Some(status)) if (200..300).contains(&status) => Piece::Response,
            (_, Some(_)) => Piece::Other,
            (Some(piece), None) => piece,
            (None, None) => return false,
        };
        let mut piece = piece;
        let label_lower = label.trim().to_ascii_lowercase();
        // `- Body:` under `**Response**:` is the response's body.
        if self.piece == Piece::Response
            && ["body", "payload", "data"].contains(&label_lower.as_str())
        {
            piece = Piece::Response;
        }
        // `**Status**: 201 Created` heads the success body, `Status: 404` an error's.
        if let Some(status) = line.status.filter(|_| label_lower.starts_with("status")) {
            piece = if (200..300).contains(&status) {
                Piece::Response
            } else {
                Piece::Other
            };
        }
        self.piece = piece;
        self.labelled = true;
        if piece == Piece::Request {
            self.all_optional = says_all_optional(&label_lower);
        }
        if line.object_below && piece != Piece::Other {
            body_below(source, line.text, range, piece, endpoint);
            return false;
        }
        if piece == Piece::Request
            && matches!(endpoint.request, Request::Unsaid)
            && let Some(request) = inline_request(source, value, range.clone())
        {
            let how = match request {
                Request::Empty(_) => "a line saying there is none",
                _ => "an inline object",
            };
            endpoint.request = request;
            endpoint.inferred.push(inferred(Part::Request, how, range));
            return true;
        }
        if piece == Piece::Response {
            self.response(source, value, range, endpoint);
        }
        false
    }

    /// The success body a response label's value or a 2xx status line gives after it: an inline
    /// object (`returns `{ "items": Shelf[] }``) or a named type (`returns the created Shelf`).
    fn response(
        &mut self,
        source: &Arc<Source>,
        value: &str,
        range: Range<usize>,
        endpoint: &mut DocumentEndpoint,
    ) {
        if endpoint.response.is_some() {
            return;
        }
        let value = value.trim().trim_start_matches(['*', '_', ' ']);
        let after_verb = value
            .strip_prefix("returns")
            .or_else(|| value.strip_prefix("Returns"))
            .unwrap_or(value)
            .trim_start()
            .trim_start_matches('`');
        if after_verb.starts_with('{') {
            if let Some(fields) = inline_object(source, after_verb, range.clone()) {
                endpoint.response = Some(object(fields, range.clone()));
                endpoint
                    .inferred
                    .push(inferred(Part::Response, "an inline object", range));
            }
            return;
        }
        if let Some((name, array)) = named_body(value) {
            let span = locate(source, name, range);
            self.named.push((self.index, name.to_owned(), array, span));
        }
    }
}

/// One line of a paragraph or an item, as [`BodyReader::label_line`] reads it.
#[derive(Clone, Copy)]
struct Line<'t> {
    text: &'t str,
    /// The first status the line gives in a status position.
    status: Option<u16>,
    /// The line ends where an object starts on the next (`Request:`, then `{`).
    object_below: bool,
}

/// A list item that starts with a backticked field name (`` - `photoUrl` (optional) ``): the
/// name, and whether the item says it is optional.
fn listed_field(text: &str) -> Option<(&str, bool)> {
    let first = text.lines().next()?.trim();
    let (name, after) = match first.strip_prefix('`') {
        Some(rest) => rest.split_once('`')?,
        // `grant_type(string): ...`, `email (string, optional)`: a name, then its type.
        None => {
            let end = first
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(first.len());
            let after = &first[end..];
            let described = after.trim_start().starts_with('(');
            if end == 0 || !described || !first.starts_with(|c: char| c.is_ascii_alphabetic()) {
                return None;
            }
            (&first[..end], after)
        }
    };
    let (name, marked) = match name.strip_suffix('?') {
        Some(name) => (name, true),
        None => (name, false),
    };
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-$".contains(c));
    let after = after.trim_start().to_lowercase();
    let optional = marked || after.starts_with("(optional") || after.starts_with("optional");
    valid.then_some((name, optional))
}

/// The backticked names a sentence says are optional: those before the word (or `may be left
/// out`), outside parentheses, in a sentence that calls nothing required (`` `message` is
/// optional ``, `` `title` と `completed` はいずれも optional ``).
fn said_optional(text: &str) -> Vec<&str> {
    // Most text has no backtick: no search for the word then.
    let phrased = ["optional", "left out", "omitted"]
        .iter()
        .any(|phrase| contains_ignore_case(text, phrase));
    if !text.as_bytes().contains(&b'`') || !phrased {
        return Vec::new();
    }
    let mut names = Vec::new();
    for sentence in text.split(['.', '。', ';', '\n']) {
        let lower = sentence.to_ascii_lowercase();
        let Some(at) = [
            "optional",
            "may be left out",
            "may be omitted",
            "can be omitted",
        ]
        .iter()
        .filter_map(|phrase| lower.find(phrase))
        .min() else {
            continue;
        };
        let parenthesized = lower[..at].matches('(').count() > lower[..at].matches(')').count();
        if parenthesized || lower.contains("required") || lower.contains("mandatory") {
            continue;
        }
        names.extend(sentence[..at].split('`').skip(1).step_by(2).filter(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || "_-".contains(c))
        }));
    }
    names
}

/// Whether a label or a sentence says every field of the body is optional: `(all fields
/// optional)`, `(only the fields to change)`, `Partial update of ...`.
fn says_all_optional(text: &str) -> bool {
    [
        "all fields optional",
        "all optional",
        "only the fields to change",
        "partial update",
    ]
    .iter()
    .any(|phrase| contains_ignore_case(text, phrase))
}

/// What a GitBook tag line says for the bodies: `{% tab title="Request Body" %}` and the
/// `api-method` and `swagger` tags that head a request, a response or an example, or name a body
/// parameter.
fn gitbook_tag(line: &str) -> Option<Tag<'_>> {
    let tag = line.strip_prefix("{%")?.trim_start();
    let name = tag.split_whitespace().next()?;
    let attribute = |key: &str| {
        let at = tag.find(&format!("{key}="))? + key.len() + 1;
        let value = tag[at..].trim_start_matches('"');
        value.split(['"', ' ', '%']).next()
    };
    let label = |text: &str| Some(Tag::Label(format!("{text}:")));
    match name {
        "tab" => label(attribute("title")?),
        "api-method-request" | "api-method-body-parameters" | "api-method-form-data-parameters" => {
            label("Request body")
        }
        "api-method-path-parameters" | "api-method-query-parameters" | "api-method-headers" => {
            label("Path parameters")
        }
        "api-method-response" => label("Response"),
        "api-method-response-example" => label(attribute("httpCode")?),
        "swagger-response" => label(attribute("status")?),
        "api-method-parameter" => {
            let optional = attribute("required") != Some("true");
            Some(Tag::Field(attribute("name")?, optional))
        }
        "swagger-parameter" if attribute("in") == Some("body") => {
            let optional = attribute("required") != Some("true");
            Some(Tag::Field(attribute("name")?, optional))
        }
        _ => None,
    }
}

/// What a GitBook tag says for the bodies.
enum Tag<'t> {
    /// A label, as a line of prose would write it.
    Label(String),
    /// A body field: its name as written (`public\_scheduling`), and whether it is optional.
    Field(&'t str, bool),
}

/// Adds a field named in a tag or a list to the request, or what is known of it.
fn add_field(
    source: &Source,
    name: &str,
    optional: bool,
    range: Range<usize>,
    endpoint: &mut DocumentEndpoint,
) {
    let name = name.replace('\\', "");
    match &mut endpoint.request {
        Request::Fields(fields) => match fields.iter_mut().find(|f| f.name.value == name) {
            Some(known) => known.optional |= optional,
            None => fields.push(listed(source, &name, optional, range)),
        },
        Request::Unsaid => {
            endpoint.request =
                Request::Fields(vec![listed(source, &name, optional, range.clone())]);
            endpoint
                .inferred
                .push(inferred(Part::Request, "a list of fields", range));
        }
        Request::Empty(_) => {}
    }
}

/// Whether a code block labels its bodies line by line (`Request: { ... }`, `Body: {...}`,
/// `Response: { items: [...] }`), as plain-text notes and YAML-like blocks do.
fn labels_bodies(text: &str) -> bool {
    text.lines().any(|line| {
        line.split_once(':').is_some_and(|(label, value)| {
            value.trim_start().starts_with('{')
                && piece_of(label.trim()).is_some_and(|piece| piece != Piece::Other)
        })
    })
}

/// `` `message` is optional ``: a sentence about fields the request has.
fn mark_optional(text: &str, endpoint: &mut DocumentEndpoint) {
    if let Request::Fields(fields) = &mut endpoint.request {
        for name in said_optional(text) {
            if let Some(field) = fields.iter_mut().find(|f| f.name.value == name) {
                field.optional = true;
            }
        }
    }
}

/// Whether the endpoint's method takes a request body.
fn takes_body(endpoint: &DocumentEndpoint) -> bool {
    matches!(
        endpoint.named.method.value.as_str(),
        "POST" | "PUT" | "PATCH"
    )
}

/// A field named in a list item, without a type.
fn listed(source: &Source, name: &str, optional: bool, range: Range<usize>) -> FieldExpr {
    FieldExpr {
        name: Spanned::new(name.to_owned(), locate(source, name, range)),
        optional,
        ty: None,
    }
}

/// Whether a paragraph under a request label or heading is only a word saying there is none.
fn says_none(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    ["none", "n/a", "empty", "-", "(none)", "no body"]
        .iter()
        .any(|word| text.eq_ignore_ascii_case(word))
}

/// The object on the lines below a request or response label in one paragraph
/// (`Request:`, then `{` on a line of its own, as plain-text notes write it).
fn body_below(
    source: &Arc<Source>,
    label_line: &str,
    range: Range<usize>,
    piece: Piece,
    endpoint: &mut DocumentEndpoint,
) {
    let text = source.text().get(range.clone()).unwrap_or("");
    let Some(after_label) = text.find(label_line).map(|at| at + label_line.len()) else {
        return;
    };
    let Some(open) = text[after_label..].find('{').map(|at| after_label + at) else {
        return;
    };
    let Some(fields) = inline_object(source, &text[open..], range.start + open..range.end) else {
        return;
    };
    let at = range.start + open..range.end;
    match piece {
        Piece::Request if matches!(endpoint.request, Request::Unsaid) => {
            endpoint.request = Request::Fields(fields);
            endpoint
                .inferred
                .push(inferred(Part::Request, "a JSON example", at));
        }
        Piece::Response if endpoint.response.is_none() => {
            endpoint.response = Some(object(fields, at.clone()));
            endpoint
                .inferred
                .push(inferred(Part::Response, "a JSON example", at));
        }
        _ => {}
    }
}

/// An object type of `fields`, written at `range`.
fn object(fields: Vec<FieldExpr>, range: Range<usize>) -> TypeExpr {
    TypeExpr {
        kind: TypeExprKind::Object(fields),
        span: Span::new(range.start, range.end),
    }
}

/// What a code block holding a body is, for saying where the body came from.
fn code_kind(source: &Source, range: Range<usize>) -> &'static str {
    let text = source.text().get(range).unwrap_or("").trim_start();
    if text.starts_with('{') {
        "a JSON example"
    } else if ["interface ", "export ", "type "]
        .iter()
        .any(|keyword| text.starts_with(keyword))
    {
        "a TypeScript type"
    } else {
        "an HTTP exchange"
    }
}
