//! The model written back as a contract block, in the canonical spelling of the grammar.
//!
//! Used by `inspect` to show what was understood, and by tests: whatever the parser accepts must
//! render to text that parses back to the same model.

use std::fmt::Write;

use crate::model::{Bounds, Contract, Endpoint, Field, StringFormat, Type};

/// The contract block (endpoints, then the named types defined in the issues) for one contract.
pub fn contract_block(contract: &Contract) -> String {
    let mut out = String::new();
    for (i, endpoint) in contract.endpoints.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&endpoint_block(endpoint));
    }
    for named in &contract.types {
        if let Some(definition) = &named.definition {
            let _ = writeln!(out, "\ntype {} = {}", named.name, ty(definition));
        }
    }
    out
}

/// One endpoint in canonical form.
pub fn endpoint_block(endpoint: &Endpoint) -> String {
    let mut out = format!("{} {}\n", endpoint.method, endpoint.path);
    if endpoint.name != crate::naming::operation_name(endpoint.method, &endpoint.path) {
        let _ = writeln!(out, "Operation: {}", endpoint.name);
    }
    if !endpoint.headers.is_empty() {
        let headers: Vec<String> = endpoint
            .headers
            .iter()
            .map(|h| match &h.value {
                Some(value) => format!("{}: {}", key(&h.name), string(value)),
                None => key(&h.name),
            })
            .collect();
        let _ = writeln!(out, "Headers: {{ {} }}", headers.join(", "));
    }
    let typed: Vec<String> = endpoint
        .path_params
        .iter()
        .filter(|p| p.ty != Type::STRING)
        .map(|p| format!("{}: {}", key(&p.name), ty(&p.ty)))
        .collect();
    if !typed.is_empty() {
        let _ = writeln!(out, "Path: {{ {} }}", typed.join(", "));
    }
    if !endpoint.query.is_empty() {
        let _ = writeln!(out, "Query: {}", object(&endpoint.query));
    }
    if let Some(request) = &endpoint.request {
        let _ = writeln!(out, "Request: {}", ty(request));
    }
    let response = &endpoint.response;
    match (&response.body, response.status) {
        (Some(body), 200) => {
            let _ = writeln!(out, "Response: {}", ty(body));
        }
        (Some(body), status) => {
            let _ = writeln!(out, "Response ({status}): {}", ty(body));
        }
        (None, status) => {
            let _ = writeln!(out, "Response: {status}");
        }
    }
    if !endpoint.errors.is_empty() {
        let errors: Vec<String> = endpoint
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.status, string(&e.message)))
            .collect();
        let _ = writeln!(out, "Errors: {{ {} }}", errors.join(", "));
    }
    out
}

/// A type expression in canonical form.
pub fn ty(ty: &Type) -> String {
    match ty {
        Type::String {
            format,
            length,
            pattern,
        } => {
            let name = match format {
                None => "string",
                Some(StringFormat::DateTime) => "date",
                Some(StringFormat::Uuid) => "uuid",
                Some(StringFormat::Email) => "email",
                Some(StringFormat::Uri) => "url",
            };
            with_bounds(name.to_owned(), &range(length), pattern.as_deref())
        }
        Type::Number { range: r } => with_bounds("number".to_owned(), &range(r), None),
        Type::Integer { range: r } => with_bounds("integer".to_owned(), &range(r), None),
        Type::Boolean => "boolean".to_owned(),
        Type::Any { json_object: true } => "object".to_owned(),
        Type::Any { json_object: false } => "any".to_owned(),
        Type::Array { items, length } => {
            let array = match **items {
                Type::Nullable { .. } | Type::Enum { .. } => format!("Array<{}>", self::ty(items)),
                _ => format!("{}[]", self::ty(items)),
            };
            with_bounds(array, &range(length), None)
        }
        Type::Nullable { inner } => format!("{} | null", self::ty(inner)),
        Type::Enum { values } => values
            .iter()
            .map(|v| string(v))
            .collect::<Vec<_>>()
            .join(" | "),
        Type::Ref { name } => name.clone(),
        Type::Object { fields } => object(fields),
    }
}

fn object(fields: &[Field]) -> String {
    if fields.is_empty() {
        return "{}".to_owned();
    }
    let fields: Vec<String> = fields
        .iter()
        .map(|f| {
            let optional = if f.optional { "?" } else { "" };
            format!("{}{optional}: {}", key(&f.name), ty(&f.ty))
        })
        .collect();
    format!("{{ {} }}", fields.join(", "))
}

/// A key as written bare when the grammar allows, quoted otherwise.
fn key(name: &str) -> String {
    let bare = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    if bare { name.to_owned() } else { string(name) }
}

fn string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `1..=200`, `1..`, `..=200`; empty when neither end is bounded.
pub fn range<T: std::fmt::Display>(bounds: &Bounds<T>) -> String {
    match (&bounds.min, &bounds.max) {
        (None, None) => String::new(),
        (Some(min), None) => format!("{min}.."),
        (None, Some(max)) => format!("..={max}"),
        (Some(min), Some(max)) => format!("{min}..={max}"),
    }
}

/// `ty` with its bounds in parentheses: `string(1..=200, /^[a-z]+$/)`.
fn with_bounds(ty: String, range: &str, pattern: Option<&str>) -> String {
    let pattern = pattern.map(|p| format!("/{}/", p.replace('/', "\\/")));
    let parts: Vec<&str> = [Some(range).filter(|r| !r.is_empty()), pattern.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if parts.is_empty() {
        ty
    } else {
        format!("{ty}({})", parts.join(", "))
    }
}
