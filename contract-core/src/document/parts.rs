//! What each endpoint's part of a document says of its statuses and its auth.
//!
//! An endpoint's part runs from the block that names it to the next block that names another, or
//! to a heading at or above the level of the section it was named in. Blocks in no part are the
//! document's own: an error section there (`## Errors`, `## Status codes`) gives its 4xx and 5xx
//! to every endpoint, and an auth section's statement (`All endpoints require a bearer token`)
//! holds for every endpoint that does not say it is public.
//!
//! A status counts only in a status position: at the start of a heading, a line or a list item
//! (`- 409 when ...`, `` - `422`: ``, `401/403`), after a status label (`**Status Code:** 201`,
//! `Errors: 404, 409`), in parentheses after a response label or in a label (`Response (201)`,
//! `**Conflict (409)**:`), in a status column of a table, on an `HTTP/1.1 201` line, or in a
//! GitBook tab or response tag. Numbers elsewhere (`max 200 characters`) are not statuses.

use std::ops::Range;

use std::sync::Arc;

use super::blocks::{Block, line_offsets};
use super::bodies::{
    FieldColumns, Piece, Request, code_request, field_columns, inline_request, line_request,
    piece_of, says_no_body, table_field,
};
use super::endpoints::{Found, find};
use super::{Auth, DocumentEndpoint};
use crate::source::{Source, Span, Spanned};

/// Every endpoint `source` names, with the statuses and the auth its part and the document give.
pub fn read_endpoints(source: &Arc<Source>) -> Vec<DocumentEndpoint> {
    let Found {
        blocks,
        endpoints,
        anchors,
    } = find(source);
    let mut read: Vec<DocumentEndpoint> = endpoints
        .into_iter()
        .map(|named| DocumentEndpoint {
            named,
            statuses: Vec::new(),
            auth: Auth::Unsaid,
            request: Request::Unsaid,
            response: None,
        })
        .collect();
    let mut document_errors: Vec<Spanned<u16>> = Vec::new();
    let mut document_auth: Option<Auth> = None;

    let first_anchor = anchors.first().map_or(usize::MAX, |(block, _)| *block);
    let mut anchors = anchors.into_iter().peekable();
    // The endpoint whose part this is, and the level of the section it was named in.
    let mut owner: Option<(usize, usize)> = None;
    // The headings above the block: their levels, and whether each heads a piece of an
    // endpoint's part (`### Request`, `#### Errors`) rather than a section of its own.
    let mut headings: Vec<(usize, bool)> = Vec::new();
    // A document-level section on errors or auth, and its level.
    let mut section: Option<(Section, usize)> = None;
    let mut table: Option<usize> = None;
    // The piece of the part the block is in (`### Request`, `**Response:**`), and the columns of
    // a field table under a request label.
    let mut piece = Piece::Other;
    let mut fields: Option<FieldColumns> = None;
    for (at, (block, range)) in blocks.iter().enumerate() {
        if let Block::Heading { level, text } = block {
            if owner.is_some_and(|(_, part_level)| *level <= part_level) {
                owner = None;
            }
            if section.is_some_and(|(_, section_level)| *level <= section_level) {
                section = None;
            }
            while headings.last().is_some_and(|(above, _)| above >= level) {
                headings.pop();
            }
            headings.push((*level, is_piece(text)));
            if owner.is_none() && anchors.peek().is_none_or(|(block, _)| *block != at) {
                section = Section::of(text).map(|kind| (kind, *level));
            }
        }
        while let Some((_, endpoint)) = anchors.next_if(|(block, _)| *block == at) {
            // A heading names its own section; elsewhere the part is the section around the
            // block, above the headings of its pieces.
            let level = match block {
                Block::Heading { level, .. } => *level,
                _ => headings
                    .iter()
                    .rev()
                    .find(|(_, piece)| !piece)
                    .map_or(0, |(level, _)| *level),
            };
            owner = Some((endpoint, level));
            piece = Piece::Other;
            // The body on the endpoint's own line, or in its HTTP request block.
            let request = match block {
                Block::Code => code_request(source, range.clone()),
                _ => line_request(source, block, range.clone()),
            };
            if let Some(request) = request {
                read[endpoint].request = request;
            }
        }
        if let Block::Heading { text, .. } = block
            && let Some(heading_piece) = piece_of(text)
        {
            piece = heading_piece;
        }
        if let Block::Row {
            cells,
            header: true,
        } = block
        {
            table = status_column(cells);
            fields = (piece == Piece::Request)
                .then(|| field_columns(cells))
                .flatten();
        }
        let statuses = statuses_in(source, block, range.clone(), table);
        let auth = auth_in(source, block, range.clone());
        let span = Span::new(range.start, range.end);
        match owner {
            Some((endpoint, _)) => {
                let endpoint = &mut read[endpoint];
                request_in(source, block, range.clone(), &mut piece, fields, endpoint);
                for status in statuses {
                    if !endpoint.statuses.iter().any(|s| s.value == status.value) {
                        endpoint.statuses.push(status);
                    }
                }
                // In a part, a label decides; else a public mark wins over a mention of tokens.
                let verdict = auth.label.or(if auth.public {
                    Some(false)
                } else {
                    auth.bearer.then_some(true)
                });
                match verdict {
                    Some(true) => endpoint.auth = Auth::Required(span),
                    Some(false) => endpoint.auth = Auth::Public(span),
                    None => {}
                }
            }
            None => {
                let in_errors = matches!(section, Some((Section::Errors, _)));
                if in_errors {
                    document_errors.extend(statuses.into_iter().filter(|s| s.value >= 400));
                }
                // A statement for the whole document: in an auth section, before the first
                // endpoint, or speaking of every endpoint. Tokens required "unless marked
                // public" is a requirement.
                let says_something = auth.label.is_some() || auth.bearer || auth.public;
                let for_all = says_something
                    && (matches!(section, Some((Section::Auth, _)))
                        || at < first_anchor
                        || says_every(source, range.clone()));
                if for_all {
                    if auth.label == Some(true) || auth.bearer {
                        document_auth = Some(Auth::Required(span));
                    } else if auth.label == Some(false) || auth.public {
                        document_auth = Some(Auth::Public(span));
                    }
                }
            }
        }
    }
    for endpoint in &mut read {
        for status in &document_errors {
            if !endpoint.statuses.iter().any(|s| s.value == status.value) {
                endpoint.statuses.push(status.clone());
            }
        }
        endpoint.statuses.sort_by_key(|s| s.value);
        if let (Auth::Unsaid, Some(auth)) = (endpoint.auth, document_auth) {
            endpoint.auth = auth;
        }
    }
    read
}

/// What `block`, in an endpoint's part, says of its request: a request label (with an inline
/// object or "none" after it) starts the request piece; a code block or a field table in that
/// piece gives the fields. What the part said first stands.
fn request_in(
    source: &Arc<Source>,
    block: &Block,
    range: Range<usize>,
    piece: &mut Piece,
    fields: Option<FieldColumns>,
    endpoint: &mut DocumentEndpoint,
) {
    let unsaid = matches!(endpoint.request, Request::Unsaid);
    match block {
        Block::Paragraph { text } | Block::Item { text, task: false } => {
            if unsaid && says_no_body(text) {
                endpoint.request = Request::Empty(Span::new(range.start, range.end));
                return;
            }
            for line in text.lines() {
                let line = line.trim().trim_start_matches(['-', '*', ' ']);
                // `**201 Created**`, `- 409 when ...`: a status line heads its body.
                let mut status = None;
                line_statuses(line, &mut |digits: &str| {
                    status = status.or(digits.parse::<u16>().ok());
                });
                if let Some(status) =
                    status.filter(|_| starts_with_status(line.trim_matches(['*', '`', '_'])))
                {
                    *piece = if (200..300).contains(&status) {
                        Piece::Response
                    } else {
                        Piece::Other
                    };
                    continue;
                }
                let (label, value) = line.split_once(':').unwrap_or((line, ""));
                let Some(label_piece) = piece_of(label.trim_matches(['*', '_', '`'])) else {
                    continue;
                };
                *piece = label_piece;
                if label_piece == Piece::Request
                    && unsaid
                    && let Some(request) = inline_request(source, value, range.clone())
                {
                    endpoint.request = request;
                    return;
                }
            }
        }
        Block::Code if *piece == Piece::Request && unsaid => {
            if let Some(request) = code_request(source, range) {
                endpoint.request = request;
            }
        }
        Block::Code if endpoint.response.is_none() => {
            // An HTTP response block (`HTTP/1.1 201 Created`, headers, body) is its own label.
            let text = source.text().get(range.clone()).unwrap_or("");
            let success_line = text.trim_start().strip_prefix("HTTP/").is_some_and(|rest| {
                rest.split_whitespace()
                    .nth(1)
                    .is_some_and(|status| status.starts_with('2'))
            });
            if (*piece == Piece::Response || success_line)
                && let Some(Request::Fields(fields)) = code_request(source, range)
            {
                endpoint.response = Some(fields);
            }
        }
        Block::Row {
            cells,
            header: false,
        } => {
            if let Some(columns) = fields
                && let Some(field) = table_field(source, cells, columns, range)
            {
                match &mut endpoint.request {
                    // A table after an example says which fields are optional.
                    Request::Fields(fields) => {
                        match fields.iter_mut().find(|f| f.name.value == field.name.value) {
                            Some(known) => known.optional |= field.optional,
                            None => fields.push(field),
                        }
                    }
                    Request::Unsaid => endpoint.request = Request::Fields(vec![field]),
                    Request::Empty(_) => {}
                }
            }
        }
        _ => {}
    }
}

/// A document-level section that applies to every endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Errors,
    Auth,
}

impl Section {
    fn of(heading: &str) -> Option<Section> {
        let heading = heading.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| heading.contains(w));
        if has(&[
            "error",
            "failure",
            "status code",
            "response code",
            "http status",
        ]) {
            Some(Section::Errors)
        } else if has(&["auth", "security"]) {
            Some(Section::Auth)
        } else {
            None
        }
    }
}

/// Whether a heading heads a piece of an endpoint's part (`### Request`, `#### Failure
/// responses`) rather than a section of its own.
fn is_piece(heading: &str) -> bool {
    let heading = heading.to_lowercase();
    let words: Vec<&str> = heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 4
        && words.iter().any(|w| {
            [
                "request",
                "response",
                "responses",
                "body",
                "payload",
                "parameters",
                "params",
                "example",
                "examples",
                "errors",
                "error",
                "failure",
                "failures",
                "success",
                "returns",
                "headers",
                "query",
                "validation",
                "status",
                "codes",
                "notes",
                "authentication",
                "auth",
                "input",
                "output",
                "description",
                "fields",
            ]
            .contains(w)
        })
}

/// Whether a statement outside any part speaks of every endpoint (`All endpoints require ...`).
fn says_every(source: &Source, range: Range<usize>) -> bool {
    let text = source.text().get(range).unwrap_or("").to_lowercase();
    [
        "all endpoints",
        "every endpoint",
        "all routes",
        "every route",
        "every request",
        "all requests",
        "every call",
        "all calls",
        "each request",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// The column of a table header that holds statuses: a status column before a bare `Code` one,
/// which often holds error names (`unauthorized`).
fn status_column(cells: &[String]) -> Option<usize> {
    let names: Vec<String> = cells
        .iter()
        .map(|cell| cell.trim().trim_matches(['*', '`']).to_lowercase())
        .collect();
    let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
    find(&[
        "status",
        "status code",
        "http status",
        "http code",
        "response code",
        "success code",
        "http",
    ])
    .or_else(|| find(&["code"]))
}

/// The statuses `block` gives in status positions.
fn statuses_in(
    source: &Source,
    block: &Block,
    range: Range<usize>,
    table: Option<usize>,
) -> Vec<Spanned<u16>> {
    let mut found = Vec::new();
    let mut add = |number: &str| {
        if let Some(status) = status(number) {
            let span = locate(source, number, range.clone());
            found.push(Spanned::new(status, span));
        }
    };
    match block {
        Block::Heading { text, .. } | Block::Paragraph { text } => {
            for line in text.lines() {
                line_statuses(line, &mut add);
            }
        }
        Block::Item { text, task: false } => {
            // The item's first line, and a nested `- `422`: ...` line under a label.
            for line in text.lines() {
                line_statuses(line, &mut add);
            }
        }
        Block::Item { task: true, .. } => {}
        Block::Row { cells, header } => {
            if !header
                && let Some(column) = table
                && let Some(cell) = cells.get(column)
            {
                leading_statuses(cell, &mut add);
            }
        }
        Block::Code => {
            let text = source.text().get(range.clone()).unwrap_or("");
            for (index, (_, line)) in line_offsets(text).enumerate() {
                let line = line.trim();
                if let Some(rest) = ["HTTP/1.1 ", "HTTP/1.0 ", "HTTP/2 ", "HTTP "]
                    .iter()
                    .find_map(|v| line.strip_prefix(v))
                {
                    leading_statuses(rest, &mut add);
                } else if index == 0 && line.len() <= 40 && line.ends_with(':') {
                    // A response block that starts `201:`.
                    leading_statuses(line, &mut add);
                }
            }
        }
    }
    found
}

/// Statuses in one line of prose, a heading or an item: see the module's positions.
fn line_statuses(line: &str, add: &mut impl FnMut(&str)) {
    let line = line
        .trim()
        .trim_start_matches(['-', '*', '+', '>', ' ', '_']);
    // GitBook: `{% tab title="201: Created" %}`, `{% swagger-response status="409" %}`.
    if line.starts_with("{%") {
        for key in ["title=\"", "status=\"", "httpCode="] {
            if let Some(at) = line.find(key) {
                leading_statuses(&line[at + key.len()..], add);
            }
        }
        return;
    }
    // `` `200 OK`, `404 Not Found` ``: a list of statuses, each with its reason.
    let pieces: Vec<&str> = line.split([',', ';']).map(str::trim).collect();
    if pieces.len() > 1 && pieces.iter().all(|piece| starts_with_status(piece)) {
        for piece in pieces {
            leading_statuses(piece, add);
        }
        return;
    }
    if starts_with_status(line) {
        leading_statuses(line, add);
        return;
    }
    // `**Response (400 Bad Request)** - Validation errors:`.
    let lower_start = line.get(..9).unwrap_or(line).to_ascii_lowercase();
    if ["response", "success", "returns", "status"]
        .iter()
        .any(|keyword| lower_start.starts_with(keyword))
        && let Some(open) = line.find('(')
        && line[..open].split_whitespace().count() <= 2
    {
        parenthesized(&line[open..], add);
        return;
    }
    for keyword in ["http/1.1 ", "http "] {
        if line
            .get(..keyword.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(keyword))
        {
            leading_statuses(&line[keyword.len()..], add);
            return;
        }
    }
    let Some((label, value)) = line.split_once(':') else {
        parenthesized(line, add);
        return;
    };
    let label = label.trim().trim_matches(['*', '_', '`']).trim();
    let label_lower = label.to_lowercase();
    let words = label_lower.split_whitespace().count();
    if words > 4 {
        return;
    }
    // `**Conflict (409)**:`, `Response (201)`, `Success Response (201 Created)`.
    parenthesized(label, add);
    let status_label = [
        "status",
        "status code",
        "code",
        "http status",
        "response",
        "response code",
        "success",
        "returns",
        "success response",
    ];
    let error_label = [
        "errors",
        "error",
        "error codes",
        "error responses",
        "failures",
    ];
    let value = value.trim().trim_start_matches(['*', '_', ' ']);
    if status_label.contains(&label_lower.as_str())
        || label_lower
            .strip_prefix("response ")
            .is_some_and(|rest| status(rest.trim_matches('*')).is_some())
    {
        if let Some(rest) = label_lower.strip_prefix("response ") {
            leading_statuses(rest, add);
        }
        // `status: 201 Created; 404 unknown shift; 409 the shift is full`.
        for piece in value.split([';', ',']) {
            leading_statuses(piece, add);
        }
    } else if error_label.contains(&label_lower.as_str()) {
        // `Errors: 404 if it is gone; 401, 429, 500.`: every error status in the value.
        for word in value.split(|c: char| !c.is_ascii_digit()) {
            if word.len() == 3 && status(word).is_some_and(|s| s >= 400) {
                add(word);
            }
        }
    }
}

/// `(201)`, `(201 Created)`, `(409)` in `text`.
fn parenthesized(text: &str, add: &mut impl FnMut(&str)) {
    let mut rest = text;
    while let Some(at) = rest.find('(') {
        rest = &rest[at + 1..];
        let inner = rest.split(')').next().unwrap_or("");
        if starts_with_status(inner) {
            leading_statuses(inner, add);
        }
    }
}

/// Whether `text` starts with a status followed by nothing, a separator or a reason phrase.
fn starts_with_status(text: &str) -> bool {
    let text = text.trim_start_matches(['`', '*', '_']);
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 3 || status(&digits).is_none() {
        return false;
    }
    let after = text[3..].trim_start_matches(['`', '*', '_']);
    after.is_empty()
        || after.starts_with([' ', ':', '-', '–', '—', ')', ',', '/', '.', '(', '→', '='])
}

/// The statuses at the start of `text`: `409`, `401/403`, `` `422` ``, `201 Created`.
fn leading_statuses(text: &str, add: &mut impl FnMut(&str)) {
    let text = text.trim().trim_start_matches(['`', '*', '_', '"']);
    for (index, part) in text.split('/').enumerate() {
        let part = part.trim_start_matches(['`', '*', '_', ' ']);
        let (Some(digits), Some(after)) = (part.get(..3), part.get(3..)) else {
            break;
        };
        if !digits.bytes().all(|b| b.is_ascii_digit())
            || after.starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        add(digits);
        // Only `401/403`-style groups continue past the first.
        if index == 0 && !after.trim_start_matches(['`', '*']).is_empty() {
            break;
        }
    }
}

fn status(digits: &str) -> Option<u16> {
    let status: u16 = digits.trim().parse().ok()?;
    (100..600).contains(&status).then_some(status)
}

/// What a block says of auth: a label's verdict (`**Auth:** required`, `Headers: None`), and
/// whether it speaks of a bearer token or of being public.
#[derive(Clone, Copy, Debug, Default)]
struct AuthWords {
    label: Option<bool>,
    bearer: bool,
    public: bool,
}

fn auth_in(source: &Source, block: &Block, range: Range<usize>) -> AuthWords {
    // Most blocks speak of none of it: a look for the words' cores before lower-casing.
    let raw = match block {
        Block::Heading { text, .. } | Block::Paragraph { text } | Block::Item { text, .. } => {
            text.as_str()
        }
        Block::Code => source.text().get(range.clone()).unwrap_or(""),
        Block::Row { .. } => "",
    };
    const CORES: [&str; 10] = [
        "uth", "UTH", "earer", "EARER", "ublic", "UBLIC", "ogin", "nonymous", "one", "ONE",
    ];
    if !matches!(block, Block::Row { .. }) && !CORES.iter().any(|core| raw.contains(core)) {
        return AuthWords::default();
    }
    let text = match block {
        Block::Heading { text, .. } | Block::Paragraph { text } | Block::Item { text, .. } => {
            text.to_lowercase()
        }
        Block::Code => source.text().get(range).unwrap_or("").to_lowercase(),
        // A header parameter table: `| Authorization | string | Bearer <token> |`.
        // A route table's auth cell (`public`, `bearer`), or a public mark in a description.
        Block::Row { cells, .. } => {
            let cells: Vec<String> = cells.iter().map(|c| c.trim().to_lowercase()).collect();
            let bearer = cells.iter().any(|c| c.starts_with("authorization"))
                && cells.iter().any(|c| c.contains("bearer"));
            let cell_is = |words: &[&str]| cells.iter().any(|c| words.contains(&c.as_str()));
            return AuthWords {
                label: None,
                bearer: bearer || cell_is(&["bearer", "bearer token", "required"]),
                public: cell_is(&["public", "none"])
                    || cells.iter().any(|c| c.contains("(public)")),
            };
        }
    };
    let public = [
        "public",
        "no auth",
        "not required",
        "none",
        "no authentication",
        "unauthenticated",
        "anonymous",
        "no login",
    ];
    let mut words = AuthWords::default();
    for line in text.lines() {
        let line = line.trim().trim_start_matches(['-', '*', ' ']);
        let Some((label, value)) = line.split_once(':') else {
            continue;
        };
        let label = label.trim().trim_matches(['*', '_', '`']).trim();
        let value = value.trim().trim_matches(['*', '_', '`', '.']).trim();
        let auth_label = [
            "auth",
            "authentication",
            "authorization",
            "requires authentication",
            "auth required",
            "headers",
        ]
        .contains(&label);
        if !auth_label {
            continue;
        }
        if value.starts_with("authorization") || value.starts_with("bearer") {
            words.label = Some(true);
        } else if public.iter().any(|p| value.starts_with(p)) || value == "no" {
            words.label = Some(false);
        } else if label != "headers" && (value.starts_with("required") || value.starts_with("yes"))
        {
            words.label = Some(true);
        }
    }
    words.bearer = text.contains("authorization: bearer")
        || text.contains("bearer token")
        || text.contains("requires authentication")
        || text.contains("(authenticated)")
        || text.contains("auth required");
    words.public = text.contains("no authentication")
        || text.contains("(public)")
        || text.contains("public endpoint")
        || text.contains("is public")
        || text.contains("does not require auth")
        || text.contains("no login");
    words
}

/// Where `needle` is in `range`; the whole range when it is not written there as is.
fn locate(source: &Source, needle: &str, range: Range<usize>) -> Span {
    let text = source.text().get(range.clone()).unwrap_or("");
    match text.find(needle) {
        Some(at) => Span::new(range.start + at, range.start + at + needle.len()),
        None => Span::new(range.start, range.end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statuses(text: &str) -> Vec<Vec<u16>> {
        let source = Source::new("doc.md", text);
        read_endpoints(&source)
            .into_iter()
            .map(|e| e.statuses.into_iter().map(|s| s.value).collect())
            .collect()
    }

    #[test]
    fn statuses_in_their_positions() {
        let text = "## POST /api/x\n\n\
                    Titles are at most 200 characters.\n\n\
                    **Response (201)**: the new x\n\n\
                    - 409 when it exists\n\
                    - `422`: Unprocessable\n\
                    - 401/403 without the right token\n\n\
                    **Conflict (410)**: gone for good\n";
        assert_eq!(statuses(text), [vec![201, 401, 403, 409, 410, 422]]);
    }

    #[test]
    fn document_error_sections_apply_to_every_endpoint_but_not_their_2xx_rows() {
        let text = "## Errors\n\n| Status | Meaning |\n| --- | --- |\n| 200 | fine |\n| 401 | no token |\n\n\
                    ## Endpoints\n\n### GET /a\n\n**Status:** 200\n\n### DELETE /a/:id\n\n- 204 No Content\n";
        assert_eq!(statuses(text), [vec![200, 401], vec![204, 401]]);
    }

    fn requests(text: &str) -> Vec<Vec<String>> {
        let source = Source::new("doc.md", text);
        read_endpoints(&source)
            .into_iter()
            .map(|e| match e.request {
                Request::Fields(fields) => fields
                    .iter()
                    .map(|f| format!("{}{}", f.name.value, if f.optional { "?" } else { "" }))
                    .collect(),
                Request::Empty(_) => vec!["(none)".to_owned()],
                Request::Unsaid => vec![],
            })
            .collect()
    }

    #[test]
    fn request_bodies_from_examples_tables_lists_and_lines() {
        let text = "### POST /a\n\n**Request Body:**\n\n\
                    ```json\n{ \"title\": \"x\", \"notes\": \"string (optional)\" }\n```\n\n\
                    ### PUT /b/{id}\n\n#### Path parameters\n\n\
                    | Name | Type |\n| --- | --- |\n| id | string |\n\n\
                    #### Request\n\n| Field | Type | Required |\n| --- | --- | --- |\n\
                    | `name` | string | Yes |\n| `tags` | string[] | No |\n\n\
                    ### GET /c/{id}\n\nNo request body.\n\n\
                    - PATCH /d/:id {name, logoUrl?}\n\n\
                    ### POST /e\n\n\
                    * request body: `volunteerId` (String), `role` (String, optional)\n";
        assert_eq!(
            requests(text),
            [
                vec!["title".to_owned(), "notes?".to_owned()],
                vec!["name".to_owned(), "tags?".to_owned()],
                vec!["(none)".to_owned()],
                vec!["name".to_owned(), "logoUrl?".to_owned()],
                vec!["volunteerId".to_owned(), "role?".to_owned()],
            ]
        );
    }

    #[test]
    fn the_success_body_not_an_error_body() {
        let text = "### GET /a\n\n**Response (404 Not Found)**:\n\n```json\n{ \"error\": \"x\" }\n```\n\n\
                    **Response (200 OK)**:\n\n```json\n{ \"id\": 1, \"name\": \"x\" }\n```\n\n\
                    ### GET /b\n\n```http\nHTTP/1.1 201 Created\nContent-Type: application/json\n\n{ \"ok\": true }\n```\n";
        let source = Source::new("doc.md", text);
        let response: Vec<Vec<String>> = read_endpoints(&source)
            .into_iter()
            .map(|e| {
                e.response
                    .iter()
                    .flatten()
                    .map(|f| f.name.value.clone())
                    .collect()
            })
            .collect();
        assert_eq!(response, [vec!["id", "name"], vec!["ok"]]);
    }

    #[test]
    fn auth_from_labels_headers_and_document_statements() {
        let text = "All endpoints require a bearer token.\n\n\
                    ### GET /a\n\n**Auth:** none\n\n\
                    ### GET /b\n\n```http\nGET /b HTTP/1.1\nAuthorization: Bearer x\n```\n\n\
                    ### GET /c\n\nLists c.\n";
        let source = Source::new("doc.md", text);
        let auth: Vec<bool> = read_endpoints(&source)
            .iter()
            .map(|e| matches!(e.auth, Auth::Required(_)))
            .collect();
        assert_eq!(auth, [false, true, true]);
    }
}
