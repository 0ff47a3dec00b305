//! Types in a document's own words: a table's type cell (`UUID`, `string (ISO 8601)`,
//! `Array<Order>`, `string | null`), a heading that defines a named type (`### Order`,
//! `## Shelf representation`), a body named by its type (`returns the created Shelf`), and what
//! JSON example values show (a UUID-shaped string is a `uuid`).
//!
//! Whatever a document writes ends as a type the grammar knows: [`resolve`] maps the words it
//! knows by another name (`int64`, `GUID`) and turns every other word into any JSON value with a
//! note, so that no type word refuses a document.

use crate::ast::{Bound, FieldExpr, TypeExpr, TypeExprKind};
use crate::check::{generic_kind, primitive};
use crate::parse::MAX_NESTING;
use crate::source::Span;

/// Something the reader could not take as written, and what it did instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Where it is written.
    pub span: Span,
    /// What was done, as a sentence.
    pub text: String,
}

/// The type a table's type cell gives; `None` for an empty cell.
pub(super) fn cell_type(cell: &str, span: Span) -> Option<TypeExpr> {
    let cell = cell.trim().trim_matches(['`', '*', '_']).trim();
    if cell.is_empty() || cell == "-" {
        return None;
    }
    // `string (ISO 8601)`, `string, uuid`: a format after the type.
    let (base, hint) = match cell.find(['(', ',']) {
        Some(at) if at > 0 => (cell[..at].trim(), Some(&cell[at + 1..])),
        _ => (cell, None),
    };
    let members: Vec<TypeExpr> = base
        .split('|')
        .map(|member| words_type(member.trim().trim_matches('`'), span, 0))
        .collect::<Option<_>>()?;
    let mut ty = match <[TypeExpr; 1]>::try_from(members) {
        Ok([one]) => one,
        Err(members) => TypeExpr {
            kind: TypeExprKind::Union(members),
            span,
        },
    };
    if let (TypeExprKind::Name(name), Some(format)) = (&ty.kind, hint.and_then(format_word))
        && name.eq_ignore_ascii_case("string")
    {
        ty.kind = TypeExprKind::Name(format.to_owned());
    }
    Some(ty)
}

/// One member of a type cell: `string`, `Order[]`, `Array<Order>`, `list of Order`, `null`;
/// `None` past [`MAX_NESTING`] levels, as the grammar would refuse it.
fn words_type(text: &str, span: Span, depth: usize) -> Option<TypeExpr> {
    let at = |kind| Some(TypeExpr { kind, span });
    if text.is_empty() || depth >= MAX_NESTING {
        return None;
    }
    if let Some(inner) = text.strip_suffix("[]") {
        return at(TypeExprKind::ArrayOf(Box::new(words_type(
            inner,
            span,
            depth + 1,
        )?)));
    }
    if let Some((name, args)) = text.split_once('<')
        && let Some(args) = args.strip_suffix('>')
    {
        let args = args
            .split(',')
            .map(|arg| words_type(arg.trim(), span, depth + 1))
            .collect::<Option<_>>()?;
        return at(TypeExprKind::Generic(name.trim().to_owned(), args));
    }
    let lower = text.to_ascii_lowercase();
    for prefix in ["array of ", "list of "] {
        if lower.starts_with(prefix) {
            let items = words_type(text[prefix.len()..].trim(), span, depth + 1)?;
            return at(TypeExprKind::ArrayOf(Box::new(items)));
        }
    }
    if lower == "null" {
        return at(TypeExprKind::Null);
    }
    // `ISO 8601 string`, `date-time string`: a format in words.
    if lower.contains(' ')
        && let Some(format) = format_word(&lower)
    {
        return at(TypeExprKind::Name(format.to_owned()));
    }
    at(TypeExprKind::Name(text.to_owned()))
}

/// The built-in type a format in words stands for (`ISO 8601`, `uuid v4`, `RFC 3339`).
fn format_word(text: &str) -> Option<&'static str> {
    let text = text.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if has(&[
        "iso 8601",
        "iso-8601",
        "iso8601",
        "date-time",
        "datetime",
        "rfc 3339",
        "rfc3339",
        "timestamp",
    ]) {
        Some("datetime")
    } else if has(&["yyyy-mm-dd"]) || text.trim_matches(')').trim() == "date" {
        Some("date")
    } else if has(&["uuid", "guid"]) {
        Some("uuid")
    } else if has(&["email", "e-mail"]) {
        Some("email")
    } else if has(&["url", "uri"]) {
        Some("url")
    } else {
        None
    }
}

/// Type words the grammar knows by another name.
fn synonym(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "int8" | "int16" | "int32" | "int64" | "uint" | "uint32" | "uint64" | "i32" | "i64"
        | "u32" | "u64" | "short" | "bigint" | "smallint" => "integer",
        "float32" | "float64" | "f32" | "f64" | "real" | "numeric" => "number",
        "varchar" | "char" | "character" => "string",
        "guid" | "uuid4" | "uuidv4" => "uuid",
        "iso8601" | "instant" => "datetime",
        "map" | "dict" | "dictionary" | "hash" | "jsonb" | "record" => "object",
        _ => return None,
    })
}

/// A heading that defines a named type: a PascalCase word alone or with a word such as
/// `object`, `model` or `representation` (`### Order`, ``## `Shelf` representation``).
pub(super) fn type_heading(text: &str) -> Option<&str> {
    let mut words = text.split_whitespace();
    let name = words.next()?.trim_matches(['`', '*', '_']);
    if !pascal_case(name) {
        return None;
    }
    let (kind, more) = (words.next(), words.next());
    // Not `fields`: `### Subscription Fields` lists a request's fields.
    const KINDS: [&str; 10] = [
        "object",
        "model",
        "schema",
        "type",
        "entity",
        "resource",
        "representation",
        "shape",
        "structure",
        "(object)",
    ];
    let named = match (kind, more) {
        (None, _) => true,
        (Some(kind), None) => KINDS.iter().any(|k| k.eq_ignore_ascii_case(kind)),
        _ => false,
    };
    // Section names that are no type, whatever follows them.
    const SECTIONS: [&str; 20] = [
        "resource",
        "resources",
        "endpoint",
        "endpoints",
        "overview",
        "summary",
        "introduction",
        "usage",
        "models",
        "schemas",
        "types",
        "definitions",
        "attributes",
        "properties",
        "arguments",
        "url",
        "method",
        "path",
        "route",
        "changelog",
    ];
    let section = SECTIONS.iter().any(|s| s.eq_ignore_ascii_case(name));
    (named && !section).then_some(name)
}

/// `Order`, `OrderItem`: a capital, then letters and digits with at least one lower-case letter
/// (`API`, `CRUD` are no type names).
pub(super) fn pascal_case(word: &str) -> bool {
    word.len() >= 2
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_alphanumeric())
        && word.chars().any(|c| c.is_ascii_lowercase())
}

/// The named type a body is given by, in a response or request label's value or after a status
/// (`Shelf`, `` `Order[]` ``, `returns the created Shelf`, `an array of Order`): its name and
/// whether the body is an array of it. Whether the document defines it is the caller's to ask.
pub(super) fn named_body(text: &str) -> Option<(&str, bool)> {
    let mut words = text
        .split_whitespace()
        .map(|w| w.trim_matches(['`', '*', '_', '.', ',', ';']))
        .filter(|w| !w.is_empty())
        .peekable();
    words.next_if(|w| w.eq_ignore_ascii_case("returns") || w.eq_ignore_ascii_case("return"));
    let mut array = false;
    const LEADING: [&str; 11] = [
        "the",
        "a",
        "an",
        "created",
        "updated",
        "new",
        "matching",
        "requested",
        "array",
        "list",
        "of",
    ];
    while let Some(word) = words.next_if(|w| {
        LEADING
            .iter()
            .any(|leading| w.eq_ignore_ascii_case(leading))
    }) {
        array |= word.eq_ignore_ascii_case("array") || word.eq_ignore_ascii_case("list");
    }
    let word = words.next()?;
    let (name, brackets) = match word.strip_suffix("[]") {
        Some(name) => (name, true),
        None => match word
            .strip_prefix("Array<")
            .and_then(|w| w.strip_suffix('>'))
        {
            Some(name) => (name, true),
            None => (word, false),
        },
    };
    pascal_case(name).then_some((name, array || brackets))
}

/// `ty`, read from a document, in the grammar's words: known words kept, words known by another
/// name renamed, format-shaped example strings given their format, and every other word (a type
/// the document does not define, a word no one knows) any JSON value, with a note.
pub(super) fn resolve(ty: &mut TypeExpr, defined: &dyn Fn(&str) -> bool, notes: &mut Vec<Note>) {
    match &mut ty.kind {
        TypeExprKind::Name(name) => {
            if let Some(kind) = resolve_name(name, ty.span, defined) {
                ty.kind = kind;
            } else if primitive(name).is_none() && !defined(name) {
                let what = if name.starts_with(|c: char| c.is_uppercase()) {
                    "no type this document defines"
                } else {
                    "no type word the reader knows"
                };
                notes.push(Note {
                    span: ty.span,
                    text: format!("`{name}` is {what}: read as any JSON value"),
                });
                ty.kind = TypeExprKind::Name("any".to_owned());
            }
        }
        TypeExprKind::Generic(name, args) => {
            if generic_kind(name, args.len()).is_some() {
                for arg in args {
                    resolve(arg, defined, notes);
                }
            } else {
                notes.push(Note {
                    span: ty.span,
                    text: format!(
                        "`{name}<...>` is no generic the reader knows: read as any JSON value"
                    ),
                });
                ty.kind = TypeExprKind::Name("any".to_owned());
            }
        }
        TypeExprKind::Str(value) => {
            if let Some(format) = example_format(value) {
                ty.kind = TypeExprKind::Name(format.to_owned());
            }
        }
        TypeExprKind::Object(fields) => resolve_fields(fields, defined, notes),
        TypeExprKind::ArrayOf(items) => resolve(items, defined, notes),
        // Bounds on a word read as any JSON value would bound nothing: they go with it.
        TypeExprKind::Bounded(inner, bounds) => {
            resolve(inner, defined, notes);
            if matches!(&inner.kind, TypeExprKind::Name(name) if name == "any") {
                ty.kind = TypeExprKind::Name("any".to_owned());
                return;
            }
            for bound in bounds.iter() {
                if let Bound::Range { min, max, span, .. } = bound {
                    let end = |e: &Option<crate::source::Spanned<String>>| {
                        e.as_ref().map_or(String::new(), |e| e.value.clone())
                    };
                    let eq = if max.is_some() { "=" } else { "" };
                    notes.push(Note {
                        span: *span,
                        text: format!("read as the bound `{}..{eq}{}`", end(min), end(max)),
                    });
                }
            }
        }
        TypeExprKind::ArrayLiteral(items) => {
            for item in items {
                resolve(item, defined, notes);
            }
        }
        // A union of strings is an enum: its members are values, not examples.
        TypeExprKind::Union(members) => {
            for member in members {
                if !matches!(member.kind, TypeExprKind::Str(_)) {
                    resolve(member, defined, notes);
                }
            }
        }
        TypeExprKind::Number(_) | TypeExprKind::Bool(_) | TypeExprKind::Null => {}
    }
}

/// [`resolve`] for each field's type.
pub(super) fn resolve_fields(
    fields: &mut [FieldExpr],
    defined: &dyn Fn(&str) -> bool,
    notes: &mut Vec<Note>,
) {
    for field in fields {
        if let Some(ty) = &mut field.ty {
            resolve(ty, defined, notes);
        }
    }
}

/// A name known by another spelling: `UUID`, `int64`, `array`; `None` for a name kept as is or
/// not known at all.
fn resolve_name(name: &str, span: Span, defined: &dyn Fn(&str) -> bool) -> Option<TypeExprKind> {
    if primitive(name).is_some() || defined(name) {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    if ["array", "list"].contains(&lower.as_str()) {
        let any = TypeExprKind::Name("any".to_owned());
        return Some(TypeExprKind::ArrayOf(Box::new(TypeExpr {
            kind: any,
            span,
        })));
    }
    if primitive(&lower).is_some() {
        return Some(TypeExprKind::Name(lower));
    }
    synonym(&lower).map(|word| TypeExprKind::Name(word.to_owned()))
}

/// The format an example string shows: a UUID, an RFC 3339 date-time, a date.
fn example_format(value: &str) -> Option<&'static str> {
    let bytes = value.as_bytes();
    let uuid = bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        });
    if uuid {
        return Some("uuid");
    }
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let date = digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && digits(8..10);
    if !date {
        return None;
    }
    match bytes.get(10) {
        None => Some("date"),
        Some(b'T' | b't' | b' ') if digits(11..13) && bytes.get(13) == Some(&b':') => {
            Some("datetime")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(ty: &TypeExpr) -> String {
        match &ty.kind {
            TypeExprKind::Name(name) => name.clone(),
            TypeExprKind::ArrayOf(items) => format!("{}[]", show(items)),
            TypeExprKind::Generic(name, args) => {
                let args: Vec<String> = args.iter().map(show).collect();
                format!("{name}<{}>", args.join(", "))
            }
            TypeExprKind::Union(members) => {
                let members: Vec<String> = members.iter().map(show).collect();
                members.join(" | ")
            }
            TypeExprKind::Null => "null".to_owned(),
            other => format!("{other:?}"),
        }
    }

    fn cell(text: &str) -> String {
        let mut ty = cell_type(text, Span::new(0, 0)).expect("a type");
        let mut notes = Vec::new();
        resolve(&mut ty, &|name| name == "Order", &mut notes);
        let notes: Vec<String> = notes.into_iter().map(|n| n.text).collect();
        format!(
            "{}{}",
            show(&ty),
            if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join("; "))
            }
        )
    }

    #[test]
    fn type_cells_in_the_words_documents_use() {
        assert_eq!(cell("UUID"), "uuid");
        assert_eq!(cell("`string (ISO 8601)`"), "datetime");
        assert_eq!(cell("string, uuid"), "uuid");
        assert_eq!(cell("ISO 8601 string"), "datetime");
        assert_eq!(cell("string[]"), "string[]");
        assert_eq!(cell("Array<Order>"), "Array<Order>");
        assert_eq!(cell("list of Order"), "Order[]");
        assert_eq!(cell("string | null"), "string | null");
        assert_eq!(cell("int64"), "integer");
        assert_eq!(cell("Boolean"), "Boolean");
        assert_eq!(cell("array"), "any[]");
        assert_eq!(
            cell("Money"),
            "any (`Money` is no type this document defines: read as any JSON value)"
        );
        assert_eq!(
            cell("blob"),
            "any (`blob` is no type word the reader knows: read as any JSON value)"
        );
        assert_eq!(cell_type(" - ", Span::new(0, 0)).map(|t| show(&t)), None);
    }

    #[test]
    fn example_values_show_their_format() {
        assert_eq!(
            example_format("6f1c2b9e-3d4a-4e1b-9c55-0a7d2e8f4b13"),
            Some("uuid")
        );
        assert_eq!(example_format("2025-03-02T09:14:00Z"), Some("datetime"));
        assert_eq!(example_format("2025-03-02"), Some("date"));
        assert_eq!(example_format("2025-03-02 is a date"), None);
        assert_eq!(example_format("To read"), None);
    }

    #[test]
    fn headings_and_phrases_that_name_types() {
        assert_eq!(type_heading("Order"), Some("Order"));
        assert_eq!(type_heading("`Shelf` representation"), Some("Shelf"));
        assert_eq!(type_heading("Overview of the API"), None);
        assert_eq!(type_heading("API"), None);
        assert_eq!(
            named_body("returns the created Shelf"),
            Some(("Shelf", false))
        );
        assert_eq!(named_body("`Order[]`"), Some(("Order", true)));
        assert_eq!(named_body("an array of Order"), Some(("Order", true)));
        assert_eq!(
            named_body("returns the updated Shelf with `pinned: true`"),
            Some(("Shelf", false))
        );
        assert_eq!(named_body("the order was placed"), None);
    }
}
