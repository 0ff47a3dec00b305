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

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use memchr::memmem::Finder;

use super::blocks::{
    Block, contains_ignore_case, has_any, label_words, line_offsets, starts_with_ignore_case,
};
use super::bodies::{
    FieldColumns, Piece, Request, code_request, field_columns, inline_object, inline_request,
    line_request, piece_of, says_no_body, table_field,
};
use super::bounds::carry_bounds;
use super::endpoints::{Found, find};
use super::types::{named_body, resolve, resolve_fields, type_heading};
use super::{Auth, DocumentEndpoint, Inferred, Part, Reading};
use crate::ast::{FieldExpr, TypeDef, TypeExpr, TypeExprKind};
use crate::check::NameSet;
use crate::parse::type_defs_at;
use crate::source::{Source, Span, Spanned};

/// Every endpoint `source` names, with the statuses, auth and bodies its part and the document
/// give, and the named types those bodies use.
pub fn read_document(source: &Arc<Source>) -> Reading {
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
            inferred: Vec::new(),
            notes: Vec::new(),
        })
        .collect();
    // A success body named by a type (`returns the created Shelf`): the endpoint, the name,
    // whether it is an array of it, and where; kept if the document defines the type.
    let mut named_responses: Vec<(usize, String, bool, Span)> = Vec::new();
    let mut types: Vec<TypeDef> = Vec::new();
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
    // A section defining a named type (`### Order`): the type, its level, its table's columns.
    let mut type_section: Option<(usize, usize, Option<FieldColumns>)> = None;
    let mut table: Option<usize> = None;
    // The table being read lists fields: a `required` cell there is no auth.
    let mut field_table = false;
    // Reused for each block's text in lower case.
    let mut lowered = String::new();
    // The piece of the part the block is in (`### Request`, `**Response:**`), and the piece and
    // columns of a field table in it.
    let mut piece = Piece::Other;
    let mut fields: Option<(Piece, FieldColumns)> = None;
    let mut all_optional = false;
    let mut table_made_request = false;
    for (at, (block, range)) in blocks.iter().enumerate() {
        if let Block::Code = block {
            types.extend(typescript_types(source, range.clone()));
        }
        if let Block::Heading { level, text } = block {
            if owner.is_some_and(|(_, part_level)| *level <= part_level) {
                owner = None;
            }
            if section.is_some_and(|(_, section_level)| *level <= section_level) {
                section = None;
            }
            if type_section.is_some_and(|(_, type_level, _)| *level <= type_level) {
                type_section = None;
            }
            while headings.last().is_some_and(|(above, _)| above >= level) {
                headings.pop();
            }
            headings.push((*level, is_piece(text)));
            let anchor = anchors.peek().is_some_and(|(block, _)| *block == at);
            if !anchor
                && let Some(name) = type_heading(text)
                && !is_piece(name)
                && Section::of(name).is_none()
                && defines_type(source, &blocks[at + 1..])
            {
                let span = locate(source, name, range.clone());
                type_section = Some((types.len(), *level, None));
                types.push(TypeDef {
                    name: Spanned::new(name.to_owned(), span),
                    ty: TypeExpr {
                        kind: TypeExprKind::Object(Vec::new()),
                        span,
                    },
                });
                continue;
            }
            if owner.is_none() && !anchor {
                section = Section::of(text).map(|kind| (kind, *level));
            }
        }
        if anchors.peek().is_some_and(|(block, _)| *block == at) {
            type_section = None;
        }
        // A type's table or example is no endpoint's body; its statuses and auth still count.
        let in_type = match &mut type_section {
            Some((index, _, columns)) => {
                type_block(source, block, range.clone(), &mut types[*index], columns);
                true
            }
            None => false,
        };
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
            fields = None;
            all_optional = false;
            table_made_request = false;
            // The body on the endpoint's own line, or in its HTTP request block.
            let request = match block {
                Block::Code => code_request(source, range.clone())
                    .map(|request| (request, "the endpoint's HTTP request")),
                _ => line_request(source, block, range.clone())
                    .map(|request| (request, "the endpoint's line")),
            };
            if let Some((request, how)) = request {
                let endpoint = &mut read[endpoint];
                endpoint.request = request;
                endpoint
                    .inferred
                    .push(inferred(Part::Request, how, range.clone()));
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
            field_table = field_columns(cells).is_some();
            // A table elsewhere in the part may still say which fields of an example are
            // optional (`### Subscription Fields`); it adds none.
            let example_given =
                owner.is_some_and(|(index, _)| matches!(read[index].request, Request::Fields(_)));
            fields = field_columns(cells)
                .filter(|columns| {
                    piece != Piece::Other || (example_given && columns.has_required())
                })
                .map(|columns| (piece, columns));
        }
        // Statuses count in a part and in a document-level error section only.
        let statuses = if owner.is_some() || matches!(section, Some((Section::Errors, _))) {
            statuses_in(source, block, range.clone(), table)
        } else {
            Vec::new()
        };
        let auth = auth_in(source, block, range.clone(), field_table, &mut lowered);
        let span = Span::new(range.start, range.end);
        match owner {
            Some((index, _)) => {
                let endpoint = &mut read[index];
                let mut part = Cursor {
                    piece: &mut piece,
                    fields: &mut fields,
                    named: &mut named_responses,
                    index,
                    all_optional: &mut all_optional,
                    table_made_request: &mut table_made_request,
                };
                if !in_type {
                    bodies_in(source, block, range.clone(), &mut part, endpoint);
                }
                for status in statuses {
                    if !endpoint.statuses.iter().any(|s| s.value == status.value) {
                        endpoint.inferred.push(Inferred {
                            part: Part::Status(status.value),
                            how: "the endpoint's part".into(),
                            span: status.span,
                        });
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
    for (index, name, array, span) in named_responses {
        let endpoint = &mut read[index];
        if endpoint.response.is_some() || !types.iter().any(|t| t.name.value == name) {
            continue;
        }
        let how = format!("`{name}`, a type the document defines");
        let named = TypeExpr {
            kind: TypeExprKind::Name(name),
            span,
        };
        endpoint.response = Some(if array {
            TypeExpr {
                kind: TypeExprKind::ArrayOf(Box::new(named)),
                span,
            }
        } else {
            named
        });
        endpoint.inferred.push(Inferred {
            part: Part::Response,
            how: how.into(),
            span,
        });
    }
    for endpoint in &mut read {
        for status in &document_errors {
            if !endpoint.statuses.iter().any(|s| s.value == status.value) {
                endpoint.inferred.push(Inferred {
                    part: Part::Status(status.value),
                    how: "the document's error section".into(),
                    span: status.span,
                });
                endpoint.statuses.push(status.clone());
            }
        }
        endpoint.statuses.sort_by_key(|s| s.value);
        let how = match (endpoint.auth, document_auth) {
            (Auth::Unsaid, Some(auth)) => {
                endpoint.auth = auth;
                "a statement for the whole document"
            }
            _ => "the endpoint's part",
        };
        if let Auth::Required(span) | Auth::Public(span) = endpoint.auth {
            endpoint.inferred.push(Inferred {
                part: Part::Auth,
                how: how.into(),
                span,
            });
        }
    }
    let mut reading = Reading {
        endpoints: read,
        types,
        notes: Vec::new(),
    };
    resolve_reading(&mut reading);
    reading
}

/// Puts every type of `reading` in the grammar's words (see [`resolve`]), and keeps only the
/// named types some body uses, each once.
fn resolve_reading(reading: &mut Reading) {
    // Each name once, the first definition kept; looked up, not scanned, as a document may
    // define many.
    let mut types: Vec<TypeDef> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for def in std::mem::take(&mut reading.types) {
        if !index.contains_key(&def.name.value) {
            index.insert(def.name.value.clone(), types.len());
            types.push(def);
        }
    }
    let defined = |name: &str| index.contains_key(name);
    let mut used = NameSet::default();
    for endpoint in &mut reading.endpoints {
        if let Request::Fields(fields) = &mut endpoint.request {
            resolve_fields(fields, &defined, &mut endpoint.notes);
            for field in fields.iter() {
                if let Some(ty) = &field.ty {
                    add_names(ty, &mut used);
                }
            }
        }
        if let Some(response) = &mut endpoint.response {
            resolve(response, &defined, &mut endpoint.notes);
            add_names(response, &mut used);
        }
    }
    // The types the bodies use, and the types those use.
    let mut kept = 0;
    while kept < used.order.len() {
        if let Some(&at) = index.get(&used.order[kept]) {
            add_names(&types[at].ty, &mut used);
        }
        kept += 1;
    }
    types.retain(|t| used.contains(&t.name.value));
    for def in &mut types {
        resolve(&mut def.ty, &defined, &mut reading.notes);
    }
    reading.types = types;
}

/// Adds to `used` the names `ty` refers to.
fn add_names(ty: &TypeExpr, used: &mut NameSet) {
    match &ty.kind {
        TypeExprKind::Name(name) => used.add(name),
        TypeExprKind::Generic(_, items)
        | TypeExprKind::ArrayLiteral(items)
        | TypeExprKind::Union(items) => {
            for item in items {
                add_names(item, used);
            }
        }
        TypeExprKind::ArrayOf(item) | TypeExprKind::Bounded(item, _) => add_names(item, used),
        TypeExprKind::Object(fields) => {
            for field in fields {
                if let Some(ty) = &field.ty {
                    add_names(ty, used);
                }
            }
        }
        TypeExprKind::Str(_)
        | TypeExprKind::Number(_)
        | TypeExprKind::Bool(_)
        | TypeExprKind::Null => {}
    }
}

/// The TypeScript definitions a code block holds (`interface Order {...}`): named types a body
/// may use.
fn typescript_types(source: &Arc<Source>, range: Range<usize>) -> Vec<TypeDef> {
    let text = source.text().get(range.clone()).unwrap_or("");
    let first = text.trim_start();
    if ["interface ", "export ", "type "]
        .iter()
        .any(|keyword| first.starts_with(keyword))
    {
        type_defs_at(source, Span::new(range.start, range.end))
    } else {
        Vec::new()
    }
}

/// Whether the blocks after a type heading define it: a field table or a JSON object before any
/// other heading, with at most a paragraph of description between.
fn defines_type(source: &Source, after: &[(Block, Range<usize>)]) -> bool {
    for (block, range) in after.iter().take(3) {
        match block {
            Block::Paragraph { .. } => {}
            Block::Row {
                cells,
                header: true,
            } => {
                return field_columns(cells).is_some_and(|columns| columns.has_type());
            }
            Block::Code => {
                let text = source.text().get(range.clone()).unwrap_or("");
                return text.trim_start().starts_with('{');
            }
            _ => return false,
        }
    }
    false
}

/// A block of a section that defines a named type: a field table's rows, or a JSON object.
fn type_block(
    source: &Arc<Source>,
    block: &Block,
    range: Range<usize>,
    def: &mut TypeDef,
    columns: &mut Option<FieldColumns>,
) {
    let TypeExprKind::Object(fields) = &mut def.ty.kind else {
        return;
    };
    match block {
        Block::Row {
            cells,
            header: true,
        } => *columns = field_columns(cells),
        Block::Row { cells, .. } => {
            if let Some(columns) = columns
                && let Some(field) = table_field(source, cells, *columns, range)
            {
                fields.push(field);
            }
        }
        Block::Code if fields.is_empty() => {
            if let Some(Request::Fields(found)) = code_request(source, range) {
                *fields = found;
            }
        }
        _ => {}
    }
}

/// What an endpoint's part is reading, carried from block to block.
struct Cursor<'a> {
    /// The piece the block is in.
    piece: &'a mut Piece,
    /// The piece and columns of the field table being read.
    fields: &'a mut Option<(Piece, FieldColumns)>,
    /// Success bodies named by a type, to keep once the document's types are known.
    named: &'a mut Vec<(usize, String, bool, Span)>,
    /// The endpoint's index.
    index: usize,
    /// The request label said every field is optional (`**Body** (all fields optional):`).
    all_optional: &'a mut bool,
    /// The field table being read gave the request: its rows are new fields, not notes on an
    /// example's (no search through the fields so far: a table may have thousands of rows).
    table_made_request: &'a mut bool,
}

fn inferred(part: Part, how: &'static str, range: Range<usize>) -> Inferred {
    Inferred {
        part,
        how: how.into(),
        span: Span::new(range.start, range.end),
    }
}

/// What `block`, in an endpoint's part, says of its bodies: a request label (with an inline
/// object or "none" after it) starts the request piece, a response label or a 2xx status line
/// the response piece (with an inline object or a named type after it); a code block or a field
/// table in a piece gives its fields. What the part said first stands.
fn bodies_in(
    source: &Arc<Source>,
    block: &Block,
    range: Range<usize>,
    part: &mut Cursor,
    endpoint: &mut DocumentEndpoint,
) {
    let unsaid = matches!(endpoint.request, Request::Unsaid);
    match block {
        Block::Item { text, task: false }
            if *part.piece == Piece::Request && listed_field(text).is_some() =>
        {
            let Some((name, optional)) = listed_field(text) else {
                return;
            };
            // `- `title` (required)` under a request label: a field, or what is known of one.
            match &mut endpoint.request {
                Request::Fields(fields) => match fields.iter_mut().find(|f| f.name.value == name) {
                    Some(known) => known.optional |= optional,
                    None => fields.push(listed(source, name, optional, range)),
                },
                Request::Unsaid => {
                    endpoint.request =
                        Request::Fields(vec![listed(source, name, optional, range.clone())]);
                    endpoint
                        .inferred
                        .push(inferred(Part::Request, "a list of fields", range));
                }
                Request::Empty(_) => {}
            }
        }
        Block::Paragraph { text } | Block::Item { text, task: false } => {
            let no_body = *part.piece == Piece::Request && says_none(text);
            if unsaid && (no_body || says_no_body(text)) {
                endpoint.request = Request::Empty(Span::new(range.start, range.end));
                endpoint.inferred.push(inferred(
                    Part::Request,
                    "a line saying there is none",
                    range,
                ));
                return;
            }
            lines_in(source, text, range, part, endpoint);
            // `` `message` is optional ``: a sentence about a field the request has.
            if let Request::Fields(fields) = &mut endpoint.request {
                for name in said_optional(text) {
                    if let Some(field) = fields.iter_mut().find(|f| f.name.value == name) {
                        field.optional = true;
                    }
                }
            }
        }
        Block::Code if *part.piece == Piece::Request && unsaid => {
            if let Some(mut request) = code_request(source, range.clone()) {
                if let Request::Fields(fields) = &mut request
                    && *part.all_optional
                {
                    for field in fields {
                        field.optional = true;
                    }
                }
                endpoint.request = request;
                let how = code_kind(source, range.clone());
                endpoint.inferred.push(inferred(Part::Request, how, range));
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
            if (*part.piece == Piece::Response || success_line)
                && let Some(Request::Fields(fields)) = code_request(source, range.clone())
            {
                endpoint.response = Some(object(fields, range.clone()));
                let how = code_kind(source, range.clone());
                endpoint.inferred.push(inferred(Part::Response, how, range));
            }
        }
        Block::Row { header: true, .. } => {
            *part.table_made_request = false;
            // A response table stands only where nothing gave the body before it.
            if let Some((Piece::Response, _)) = part.fields {
                if endpoint.response.is_none() {
                    endpoint.response = Some(object(Vec::new(), range.clone()));
                    endpoint
                        .inferred
                        .push(inferred(Part::Response, "a field table", range));
                } else {
                    *part.fields = None;
                }
            }
        }
        Block::Row {
            cells,
            header: false,
        } => {
            let Some((table_piece, columns)) = *part.fields else {
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
                // A table after an example says which fields are optional.
                Request::Fields(fields) if *part.table_made_request => fields.push(field),
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
                Request::Unsaid if table_piece != Piece::Request => {}
                Request::Unsaid => {
                    *part.table_made_request = true;
                    endpoint.request = Request::Fields(vec![field]);
                    endpoint
                        .inferred
                        .push(inferred(Part::Request, "a field table", range));
                }
                Request::Empty(_) => {}
            }
        }
        _ => {}
    }
}

/// The lines of a paragraph or a list item in an endpoint's part: status lines and labels that
/// start a piece, with the body after them or below them.
fn lines_in(
    source: &Arc<Source>,
    text: &str,
    range: Range<usize>,
    part: &mut Cursor,
    endpoint: &mut DocumentEndpoint,
) {
    let unsaid = matches!(endpoint.request, Request::Unsaid);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let line = line.trim().trim_start_matches(['-', '*', ' ']);
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
        if let Some(status) =
            status.filter(|_| starts_with_status(line.trim_matches(['*', '`', '_'])))
        {
            let success = (200..300).contains(&status);
            *part.piece = if success {
                Piece::Response
            } else {
                Piece::Other
            };
            if success {
                let rest = line.split_once(':').map_or("", |(_, rest)| rest);
                response_in(source, rest, range.clone(), part, endpoint);
            }
            continue;
        }
        let (label, value) = line.split_once(':').unwrap_or((line, ""));
        let label = label.trim_matches(['*', '_', '`']);
        let Some(mut label_piece) = piece_of(label) else {
            continue;
        };
        let label_lower = label.trim().to_lowercase();
        // `- Body:` under `**Response**:` is the response's body.
        if *part.piece == Piece::Response
            && ["body", "payload", "data"].contains(&label_lower.as_str())
        {
            label_piece = Piece::Response;
        }
        // `**Status**: 201 Created` heads the success body, `Status: 404` an error's.
        if let Some(status) = status.filter(|_| label_lower.starts_with("status")) {
            label_piece = if (200..300).contains(&status) {
                Piece::Response
            } else {
                Piece::Other
            };
        }
        *part.piece = label_piece;
        if label_piece == Piece::Request {
            *part.all_optional =
                label_lower.contains("all fields optional") || label_lower.contains("all optional");
        }
        if object_below && label_piece != Piece::Other {
            body_below(source, line, range.clone(), label_piece, endpoint);
            continue;
        }
        if label_piece == Piece::Request
            && unsaid
            && let Some(request) = inline_request(source, value, range.clone())
        {
            let how = match request {
                Request::Empty(_) => "a line saying there is none",
                _ => "an inline object",
            };
            endpoint.request = request;
            endpoint.inferred.push(inferred(Part::Request, how, range));
            return;
        }
        if label_piece == Piece::Response {
            response_in(source, value, range.clone(), part, endpoint);
        }
    }
}

/// A list item that starts with a backticked field name (`` - `photoUrl` (optional) ``): the
/// name, and whether the item says it is optional.
fn listed_field(text: &str) -> Option<(&str, bool)> {
    let first = text.lines().next()?.trim();
    let rest = first.strip_prefix('`')?;
    let (name, after) = rest.split_once('`')?;
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

/// The backticked names a text says are optional (`` `message` is optional ``).
fn said_optional(text: &str) -> impl Iterator<Item = &str> {
    // Most text has no backtick: no search for the phrase then.
    let text = if text.as_bytes().contains(&b'`') {
        text
    } else {
        ""
    };
    text.match_indices("` is optional").filter_map(|(at, _)| {
        let before = &text[..at];
        let open = before.rfind('`')?;
        Some(&before[open + 1..])
    })
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

/// The success body a response label's value or a 2xx status line gives after it: an inline
/// object (`returns `{ "items": Shelf[] }``) or a named type (`returns the created Shelf`).
fn response_in(
    source: &Arc<Source>,
    value: &str,
    range: Range<usize>,
    part: &mut Cursor,
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
        part.named.push((part.index, name.to_owned(), array, span));
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
    let Some((words, count)) = label_words::<4>(heading) else {
        return false;
    };
    has_any(
        &words[..count],
        &[
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
            "url",
            "uri",
            "endpoint",
            "method",
            "resource",
            "route",
        ],
    )
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
        .map(|cell| {
            cell.trim()
                .trim_matches(['*', '`'])
                .to_lowercase()
                .replace('-', " ")
        })
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
        // A status is three digits: most prose has none.
        Block::Heading { text, .. } | Block::Paragraph { text } | Block::Item { text, .. }
            if !text.bytes().any(|b| b.is_ascii_digit()) => {}
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
            // Past its first line, a code block gives statuses on `HTTP` lines only.
            let lines = if memchr::memmem::find(text.as_bytes(), b"HTTP").is_some() {
                usize::MAX
            } else {
                1
            };
            for (index, (_, line)) in line_offsets(text).take(lines).enumerate() {
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
    let pieces = || line.split([',', ';']).map(str::trim);
    if pieces().nth(1).is_some() && pieces().all(starts_with_status) {
        for piece in pieces() {
            leading_statuses(piece, add);
        }
        return;
    }
    if starts_with_status(line) {
        leading_statuses(line, add);
        return;
    }
    // `**Response (400 Bad Request)** - Validation errors:`.
    if ["response", "success", "returns", "status"]
        .iter()
        .any(|keyword| starts_with_ignore_case(line, keyword))
        && let Some(open) = line.find('(')
        && line[..open].split_whitespace().count() <= 2
    {
        parenthesized(&line[open..], add);
        return;
    }
    for keyword in ["http/1.1 ", "http "] {
        if starts_with_ignore_case(line, keyword) {
            leading_statuses(&line[keyword.len()..], add);
            return;
        }
    }
    let Some((label, value)) = line.split_once(':') else {
        parenthesized(line, add);
        return;
    };
    let label = label.trim().trim_matches(['*', '_', '`']).trim();
    let label_lower = label.to_lowercase().replace('-', " ");
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

fn auth_in(
    source: &Source,
    block: &Block,
    range: Range<usize>,
    field_table: bool,
    buffer: &mut String,
) -> AuthWords {
    let raw = match block {
        Block::Heading { text, .. } | Block::Paragraph { text } | Block::Item { text, .. } => {
            text.as_str()
        }
        Block::Code => source.text().get(range).unwrap_or(""),
        // A header parameter table: `| Authorization | string | Bearer <token> |`.
        // A route table's auth cell (`public`, `bearer`), or a public mark in a description.
        Block::Row { cells, header } => {
            if *header {
                return AuthWords::default();
            }
            let cells = || cells.iter().map(|cell| cell.trim());
            let bearer = cells().any(|c| starts_with_ignore_case(c, "authorization"))
                && cells().any(|c| contains_ignore_case(c, "bearer"));
            if field_table {
                return AuthWords {
                    bearer,
                    ..AuthWords::default()
                };
            }
            let cell_is =
                |words: &[&str]| cells().any(|c| words.iter().any(|w| c.eq_ignore_ascii_case(w)));
            return AuthWords {
                label: None,
                bearer: bearer || cell_is(&["bearer", "bearer token", "required"]),
                public: cell_is(&["public", "none"])
                    || cells().any(|c| contains_ignore_case(c, "(public)")),
            };
        }
    };
    buffer.clear();
    buffer.push_str(raw);
    buffer.make_ascii_lowercase();
    let text = buffer.as_str();
    // Most blocks speak of none of it. In code, only a bearer header speaks of auth
    // (`"public": true` in an example does not).
    let speaks = match block {
        Block::Code => finds(text, &CORES[1]),
        _ => CORES.iter().any(|core| finds(text, core)),
    };
    if !speaks {
        return AuthWords::default();
    }
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

/// A word every auth statement holds one of: `Auth: none`, `Headers: None`, `bearer token`,
/// `public endpoint`, `no login`.
static CORES: LazyLock<[Finder<'static>; 5]> = LazyLock::new(|| {
    ["auth", "bearer", "public", "login", "header"].map(|core| Finder::new(core).into_owned())
});

/// Whether `text` holds what `finder` looks for.
fn finds(text: &str, finder: &Finder) -> bool {
    finder.find(text.as_bytes()).is_some()
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
        read_document(&source)
            .endpoints
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
        read_document(&source)
            .endpoints
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
        let reading = read_document(&source);
        let response: Vec<Vec<String>> = reading
            .endpoints
            .iter()
            .map(|e| {
                e.response
                    .iter()
                    .flat_map(|body| reading.body_fields(body))
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
        let auth: Vec<bool> = read_document(&source)
            .endpoints
            .iter()
            .map(|e| matches!(e.auth, Auth::Required(_)))
            .collect();
        assert_eq!(auth, [false, true, true]);
    }
}
