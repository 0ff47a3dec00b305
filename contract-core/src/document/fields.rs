//! The fields a body is written with: a row of a field table, a JSON example, a TypeScript type,
//! an inline object (`{ title: string }`), a list of backticked names, the body of an HTTP
//! request block, or an inline body on an endpoint's own line (`- PATCH /api/teams/:id {name,
//! logoUrl}`). The template's grammar reads the examples and types, so `{ "title": string,
//! "description"?: string }` means here what it means in an issue.

use std::ops::Range;
use std::sync::Arc;

use super::blocks::{Block, starts_with_ignore_case};
use super::bounds::with_phrase_bounds;
use super::types::cell_type;
use crate::ast::{FieldExpr, TypeExprKind};
use crate::parse::{type_at, type_defs_at};
use crate::source::{Source, Span, Spanned};

/// What a document says of an endpoint's request body.
#[derive(Clone, Debug, Default)]
pub enum Request {
    /// Nothing.
    #[default]
    Unsaid,
    /// That there is none (`Request body: none`).
    Empty(Span),
    /// Its top-level fields.
    Fields(Vec<FieldExpr>),
}

/// The columns of a field table: the name, its type, and whether a field is required.
#[derive(Clone, Copy, Debug)]
pub(super) struct FieldColumns {
    name: usize,
    ty: Option<usize>,
    required: Option<usize>,
    /// Columns whose words may state bounds: constraints, then the description.
    words: [Option<usize>; 2],
}

impl FieldColumns {
    /// Whether the table gives each field's type.
    pub(super) fn has_type(self) -> bool {
        self.ty.is_some()
    }

    /// Whether the table says which fields are required.
    pub(super) fn has_required(self) -> bool {
        self.required.is_some()
    }
}

/// A field table's columns, from its header (`| Field | Type | Required | ... |`).
pub(super) fn field_columns(cells: &[String]) -> Option<FieldColumns> {
    let names: Vec<String> = cells
        .iter()
        .map(|c| c.trim().trim_matches(['*', '`']).to_lowercase())
        .collect();
    let name = names.iter().position(|n| {
        [
            "field",
            "name",
            "property",
            "parameter",
            "param",
            "key",
            "attribute",
        ]
        .contains(&n.as_str())
    })?;
    let required = names
        .iter()
        .position(|n| ["required", "optional", "required?", "mandatory"].contains(&n.as_str()));
    let ty = names
        .iter()
        .position(|n| ["type", "data type", "datatype", "schema"].contains(&n.as_str()));
    let column = |words: &[&str]| names.iter().position(|n| words.contains(&n.as_str()));
    let constraints = column(&[
        "constraints",
        "constraint",
        "validation",
        "validations",
        "rules",
        "limits",
        "format",
    ]);
    let description = column(&["description", "notes", "details", "comment", "comments"]);
    Some(FieldColumns {
        name,
        ty,
        required,
        words: [constraints, description],
    })
}

/// One field from a row of a field table.
pub(super) fn table_field(
    source: &Source,
    cells: &[String],
    columns: FieldColumns,
    range: Range<usize>,
) -> Option<FieldExpr> {
    let raw = cells
        .get(columns.name)?
        .trim()
        .trim_matches(['`', '*'])
        .trim();
    let (name, marked_optional) = match raw.strip_suffix('?') {
        Some(name) => (name.trim_matches('`'), true),
        None => (raw, false),
    };
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || "_-.$".contains(c));
    // `address.city` is a nested field, not one of the body's own.
    if !valid || name.contains('.') {
        return None;
    }
    let required_cell = columns
        .required
        .and_then(|column| cells.get(column))
        .map(|cell| cell.trim().trim_matches(['*', '`']).to_lowercase());
    let optional = marked_optional
        || required_cell.as_deref().is_some_and(|cell| {
            cell.starts_with("no")
                || cell.starts_with("false")
                || cell.starts_with("optional")
                || cell == "✗"
                || cell == "-"
                || cell.is_empty()
        });
    let at = source.text().get(range.clone()).and_then(|t| t.find(name));
    let span = at.map_or(Span::new(range.start, range.end), |at| {
        Span::new(range.start + at, range.start + at + name.len())
    });
    // The type cell, where it is written in the row.
    let ty = columns.ty.and_then(|column| {
        let cell = cells.get(column)?.trim();
        let row = source.text().get(range.clone())?;
        let at = row[span.end.saturating_sub(range.start).min(row.len())..]
            .find(cell)
            .map(|at| at + span.end.saturating_sub(range.start).min(row.len()))?;
        let ty = cell_type(
            cell,
            Span::new(range.start + at, range.start + at + cell.len()),
        )?;
        // `string (max 200 characters)`: the type cell's own words first.
        Some(with_phrase_bounds(ty, cell, range.start + at))
    });
    // Then a constraints or description column, when the type cell stated none.
    let ty = ty.map(|ty| {
        let row = source.text().get(range.clone()).unwrap_or("");
        columns
            .words
            .iter()
            .flatten()
            .filter_map(|&column| {
                let cell = cells.get(column)?.trim();
                let at = row.find(cell).filter(|_| !cell.is_empty())?;
                Some((cell, range.start + at))
            })
            .fold(ty, |ty, (cell, at)| match ty.kind {
                TypeExprKind::Bounded(..) => ty,
                _ => with_phrase_bounds(ty, cell, at),
            })
    });
    Some(FieldExpr {
        name: Spanned::new(name.to_owned(), span),
        optional,
        ty,
    })
}

/// Words that say there is no body.
const NO_BODY: [&str; 6] = ["none", "n/a", "empty", "no body", "-", "(none)"];

/// The request a label line's value gives: an inline object, or "none".
pub(super) fn inline_request(
    source: &Arc<Source>,
    value: &str,
    range: Range<usize>,
) -> Option<Request> {
    let listed = value.trim();
    let value = listed.trim_matches(['*', '_', '`', '.']).trim();
    // `none`, `n/a`, `empty (the id is in the path)`: a word alone or before a space.
    let says_none = NO_BODY.iter().any(|word| {
        starts_with_ignore_case(value, word)
            && matches!(value.as_bytes().get(word.len()), None | Some(b' '))
    }) || starts_with_ignore_case(value, "none");
    if says_none {
        return Some(Request::Empty(Span::new(range.start, range.end)));
    }
    if value.starts_with('{') {
        return inline_object(source, value, range).map(Request::Fields);
    }
    if listed.starts_with('`') {
        return listed_fields(source, listed, range);
    }
    None
}

/// The fields of the object `value` starts with, `value` being text of the block at `range`.
pub(super) fn inline_object(
    source: &Arc<Source>,
    value: &str,
    range: Range<usize>,
) -> Option<Vec<FieldExpr>> {
    // Where the value is written: its first characters, found in the block.
    let head: String = value.chars().take(12).collect();
    let open = source.text().get(range.clone())?.find(head.as_str())?;
    match object_from(source, range.start + open, range.end)? {
        Request::Fields(fields) => Some(fields),
        _ => None,
    }
}

/// `` `title` (String), `notes` (String, optional) ``: fields listed by name, each with what is
/// known of it in parentheses. Every entry must be a backticked name, or it is no such list.
fn listed_fields(source: &Source, value: &str, range: Range<usize>) -> Option<Request> {
    let mut fields = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    let mut entries = Vec::new();
    for (at, c) in value.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                entries.push(&value[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    entries.push(&value[start..]);
    for entry in entries {
        let entry = entry.trim().trim_start_matches('[');
        let name = entry.strip_prefix('`')?.split('`').next()?;
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || "_-$".contains(c))
        {
            return None;
        }
        let optional = entry.to_lowercase().contains("optional") || name.ends_with('?');
        let at = source.text().get(range.clone()).and_then(|t| t.find(name));
        let span = at.map_or(Span::new(range.start, range.end), |at| {
            Span::new(range.start + at, range.start + at + name.len())
        });
        fields.push(FieldExpr {
            name: Spanned::new(name.trim_end_matches('?').to_owned(), span),
            optional,
            ty: None,
        });
    }
    Some(Request::Fields(fields))
}

/// Whether a paragraph says there is no request body (`No request body.`).
pub(super) fn says_no_body(text: &str) -> bool {
    // Any sentence of the text: `One crew. No body.`, `No request body necessary.`.
    text.split(['.', '\n']).any(|sentence| {
        let sentence = sentence.trim();
        ["no request body", "no body", "no payload"]
            .iter()
            .any(|start| starts_with_ignore_case(sentence, start))
            || ["request body: none", "body: none"]
                .iter()
                .any(|whole| sentence.eq_ignore_ascii_case(whole))
    })
}

/// The request a code block gives: the object it holds (a JSON example, a TypeScript object or
/// interface), or the body of an HTTP request after its blank line.
pub(super) fn code_request(source: &Arc<Source>, range: Range<usize>) -> Option<Request> {
    let text = source.text().get(range.clone())?;
    let first = text.trim_start();
    if first.starts_with("interface ") || first.starts_with("export ") || first.starts_with("type ")
    {
        let defs = type_defs_at(source, Span::new(range.start, range.end));
        let def = defs.into_iter().next()?;
        return match def.ty.kind {
            TypeExprKind::Object(fields) => Some(Request::Fields(fields)),
            _ => None,
        };
    }
    // The first line that opens an object, after any request line and headers.
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('{') {
            let at = range.start + offset + (line.len() - line.trim_start().len());
            return object_from(source, at, range.end);
        }
        offset += line.len();
    }
    None
}

/// The object type that starts at `at`, up to `end`: its fields. A field whose line says it is
/// optional (`"notes": "string (optional)"`, `// optional`) is, though JSON cannot say so.
fn object_from(source: &Arc<Source>, at: usize, end: usize) -> Option<Request> {
    let end = end.min(source.text().len());
    let ty = type_at(source, Span::new(at, end))?;
    let TypeExprKind::Object(mut fields) = ty.kind else {
        return None;
    };
    let text = source.text();
    for field in &mut fields {
        let line_end = text[field.name.span.end..]
            .find('\n')
            .map_or(text.len(), |n| field.name.span.end + n);
        // Up to the next field on the same line.
        let rest = text[field.name.span.end..line_end].to_lowercase();
        let rest = rest.split(',').next().unwrap_or_default();
        if rest.contains("optional") {
            field.optional = true;
        }
    }
    Some(Request::Fields(fields))
}

/// The inline body on an endpoint's own line (`- PATCH /api/teams/:id {name, logoUrl?}`).
pub(super) fn line_request(
    source: &Arc<Source>,
    block: &Block,
    range: Range<usize>,
) -> Option<Request> {
    let first = match block {
        Block::Item { text, .. } | Block::Paragraph { text } => text.lines().next()?,
        // A route table's description cell: `Register a rider; body `{ name, level }``.
        Block::Row { .. } => source.text().get(range.clone())?,
        _ => return None,
    };
    let in_source = source.text().get(range.clone())?;
    // A brace after a space, right after the path: `GET /x {a}`; not a path's own `{id}`, nor
    // braces further on in a sentence.
    if let Some(open) = first.find(" {")
        && (2..=3).contains(&first[..open + 1].split_whitespace().count())
    {
        let at = in_source.find(" {")? + 1;
        return object_from(source, range.start + at, range.end);
    }
    // `- POST /x - start it; body `{ "a": 1 }``: a body named on the line.
    let line = match block {
        Block::Row { .. } => in_source,
        _ => in_source.lines().next()?,
    };
    let at = body_brace(line)?;
    object_from(source, range.start + at, range.end)
}

/// Where the object after the word `body` starts in `text` (`body `{ ... }``, `body: {...}`).
fn body_brace(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    lower.match_indices("body").find_map(|(at, word)| {
        let after = &text[at + word.len()..];
        let rest = after.trim_start_matches([':', ' ', '`']);
        rest.starts_with('{')
            .then(|| at + word.len() + (after.len() - rest.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(request: Option<Request>) -> Vec<String> {
        match request {
            Some(Request::Fields(fields)) => fields
                .iter()
                .map(|f| format!("{}{}", f.name.value, if f.optional { "?" } else { "" }))
                .collect(),
            Some(Request::Empty(_)) => vec!["(none)".to_owned()],
            Some(Request::Unsaid) | None => Vec::new(),
        }
    }

    fn code(text: &str) -> Vec<String> {
        let source = Arc::new(Source::new("doc.md", text));
        names(code_request(&source, 0..text.len()))
    }

    #[test]
    fn bodies_of_code_blocks() {
        assert_eq!(
            code("{ \"title\": \"x\", \"notes\": \"string (optional)\" }"),
            ["title", "notes?"]
        );
        assert_eq!(
            code("interface Body { title: string; tags?: string[] }"),
            ["title", "tags?"]
        );
        assert_eq!(
            code("POST /x HTTP/1.1\nContent-Type: application/json\n\n{ \"a\": 1 }"),
            ["a"]
        );
        assert_eq!(code("curl -X POST /x"), Vec::<String>::new());
    }

    #[test]
    fn inline_values_and_table_rows() {
        let inline = |value: &str| {
            let source = Arc::new(Source::new("doc.md", value));
            names(inline_request(&source, value, 0..value.len()))
        };
        assert_eq!(inline("none"), ["(none)"]);
        assert_eq!(inline("{ a: string, b?: number }"), ["a", "b?"]);
        assert_eq!(inline("`x` (String), `y` (String, optional)"), ["x", "y?"]);
        let cells = |c: &[&str]| c.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let columns = field_columns(&cells(&["Field", "Type", "Required"])).unwrap();
        let row = "| `email` | string | No |";
        let source = Source::new("doc.md", row);
        let field = table_field(
            &source,
            &cells(&["`email`", "string", "No"]),
            columns,
            0..row.len(),
        )
        .unwrap();
        assert_eq!((field.name.value.as_str(), field.optional), ("email", true));
        assert!(
            table_field(
                &source,
                &cells(&["address.city", "string", "yes"]),
                columns,
                0..row.len()
            )
            .is_none()
        );
    }
}
