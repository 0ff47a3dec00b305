//! Whether a JSON value conforms to a contract type, in two steps as the generated handlers take
//! them: its shape as serde reads it into the generated types (`Checker`), then the rules beyond
//! shape, formats, bounds and patterns, as `contract-validation` checks them (`Rules`). The mock
//! checks requests with it, and `verify` the answers of a running service.

use std::collections::BTreeMap;

use contract_validation::{At, Format, Pattern, Violations};
use serde_json::Value;

use crate::model::{Field, NamedType, StringFormat, Type};
use crate::parse::MAX_NESTING;

/// Every pattern of `ty`, compiled once per route rather than once per request.
pub(crate) fn collect_patterns(ty: &Type, out: &mut BTreeMap<String, Pattern>, depth: usize) {
    if depth > MAX_NESTING {
        return;
    }
    match ty {
        Type::String {
            pattern: Some(pattern),
            ..
        } => {
            out.entry(pattern.clone())
                .or_insert_with(|| Pattern::owned(pattern.clone()));
        }
        Type::Array { items, .. } => collect_patterns(items, out, depth + 1),
        Type::Nullable { inner } => collect_patterns(inner, out, depth + 1),
        Type::Object { fields } => {
            for field in fields {
                collect_patterns(&field.ty, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// The rules beyond shape (formats, bounds and patterns, `contract-validation`'s), checked as the
/// generated handlers check them, with named types not looked into; every broken one goes to
/// `out`.
pub(crate) struct Rules<'a> {
    pub(crate) patterns: &'a BTreeMap<String, Pattern>,
    pub(crate) out: Violations,
}

impl Rules<'_> {
    /// A path or query value of the right shape, as `check_path` and `check_query` see it.
    pub(crate) fn text(&mut self, ty: &Type, value: &str, at: &At<'_>) {
        match ty {
            Type::Nullable { inner } => self.text(inner, value, at),
            Type::Integer { range } => {
                if let Ok(n) = value.parse() {
                    self.out.integer(at, n, range.min, range.max);
                }
            }
            Type::Number { range } => {
                if let Ok(n) = value.parse() {
                    self.out.number(at, n, range.min, range.max);
                }
            }
            Type::String { .. } => self.value(ty, &Value::String(value.to_owned()), at, 0),
            _ => {}
        }
    }

    /// A body value of the right shape, as `check_body` sees it.
    pub(crate) fn value(&mut self, ty: &Type, value: &Value, at: &At<'_>, depth: usize) {
        if depth > MAX_NESTING || !ty.has_rules() {
            return;
        }
        let out = &mut self.out;
        match (ty, value) {
            (
                Type::String {
                    format,
                    length,
                    pattern,
                },
                Value::String(s),
            ) => {
                if let Some(format) = format {
                    out.format(at, s, checked(*format));
                }
                if !length.is_open() {
                    out.length(at, s, length.min, length.max);
                }
                if let Some(pattern) = pattern.as_ref().and_then(|p| self.patterns.get(p)) {
                    out.pattern(at, s, pattern);
                }
            }
            (Type::Integer { range }, Value::Number(n)) => {
                if let Some(n) = n.as_i64() {
                    out.integer(at, n, range.min, range.max);
                }
            }
            (Type::Number { range }, Value::Number(n)) => {
                if let Some(n) = n.as_f64() {
                    out.number(at, n, range.min, range.max);
                }
            }
            (Type::Array { items, length }, Value::Array(values)) => {
                if !length.is_open() {
                    out.items(at, values.len(), length.min, length.max);
                }
                for (index, item) in values.iter().enumerate() {
                    self.value(items, item, &at.index(index), depth + 1);
                }
            }
            (Type::Nullable { inner }, value) => self.value(inner, value, at, depth + 1),
            (Type::Object { fields }, Value::Object(map)) => {
                for field in fields {
                    if let Some(value) = map.get(&field.name) {
                        self.value(&field.ty, value, &at.field(&field.name), depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The one rule for a string format, `contract-validation`'s.
fn checked(format: StringFormat) -> Format {
    match format {
        StringFormat::DateTime => Format::DateTime,
        StringFormat::Uuid => Format::Uuid,
        StringFormat::Email => Format::Email,
        StringFormat::Uri => Format::Uri,
    }
}

/// Where a JSON value parts from its type, and how.
#[derive(Debug)]
pub(crate) struct Mismatch {
    /// The value's path (`data.tags[0]`); empty for the whole body.
    pub(crate) path: String,
    /// What is wrong there, naming the path.
    pub(crate) text: String,
}

impl From<Mismatch> for String {
    fn from(mismatch: Mismatch) -> String {
        mismatch.text
    }
}

/// Checks a JSON value against a type as the generated serde types read it.
pub(crate) struct Checker<'a> {
    pub(crate) types: &'a [NamedType],
}

impl Checker<'_> {
    /// Whether `value`, a whole body, is of `ty`.
    pub(crate) fn check(&self, ty: &Type, value: &Value) -> Result<(), Mismatch> {
        self.check_at(ty, value, &At::Body, 0)
    }

    fn check_at(
        &self,
        ty: &Type,
        value: &Value,
        at: &At<'_>,
        depth: usize,
    ) -> Result<(), Mismatch> {
        if depth > MAX_NESTING {
            return Ok(());
        }
        // Made only for a mismatch: a value that fits allocates nothing here.
        let place = || match at {
            At::Body => "the body".to_string(),
            _ => format!("`{}`", path_of(at)),
        };
        let mismatch = |text: String| {
            Err(Mismatch {
                path: path_of(at),
                text,
            })
        };
        let wrong = |what: &str| {
            mismatch(format!(
                "{}: expected {what}, found {}",
                place(),
                kind(value)
            ))
        };
        match ty {
            Type::Nullable { inner } => match value {
                Value::Null => Ok(()),
                _ => self.check_at(inner, value, at, depth + 1),
            },
            Type::String { .. } => match value {
                Value::String(_) => Ok(()),
                _ => wrong("a string"),
            },
            // The handlers read an integer as `i64`: a larger one is refused there, and here.
            Type::Integer { .. } => match value {
                Value::Number(n) if n.is_i64() => Ok(()),
                Value::Number(n) if n.is_u64() => mismatch(format!(
                    "{}: {n} is too large for a 64-bit integer",
                    place()
                )),
                _ => wrong("an integer"),
            },
            Type::Number { .. } => match value {
                Value::Number(_) => Ok(()),
                _ => wrong("a number"),
            },
            Type::Boolean => match value {
                Value::Bool(_) => Ok(()),
                _ => wrong("a boolean"),
            },
            Type::Any { json_object: true } => match value {
                Value::Object(_) => Ok(()),
                _ => wrong("an object"),
            },
            Type::Any { .. } => Ok(()),
            Type::Enum { values } => match value {
                Value::String(s) if values.contains(s) => Ok(()),
                Value::String(s) => mismatch(format!(
                    "{}: `{s}` is not one of {}",
                    place(),
                    values.join(", ")
                )),
                _ => wrong("a string"),
            },
            Type::Array { items, .. } => match value {
                Value::Array(values) => values
                    .iter()
                    .enumerate()
                    .try_for_each(|(i, item)| self.check_at(items, item, &at.index(i), depth + 1)),
                _ => wrong("an array"),
            },
            Type::Ref { name } => {
                match NamedType::definition_of(self.types, name) {
                    Some(definition) => self.check_at(definition, value, at, depth + 1),
                    // A type the user owns: its shape is theirs to check.
                    None => Ok(()),
                }
            }
            Type::Object { fields } => match value {
                Value::Object(map) => self.fields(fields, map, at, depth),
                _ => wrong("an object"),
            },
        }
    }

    fn fields(
        &self,
        fields: &[Field],
        map: &serde_json::Map<String, Value>,
        at: &At<'_>,
        depth: usize,
    ) -> Result<(), Mismatch> {
        let known = |key: &String| fields.iter().any(|f| f.name == *key);
        if let Some(unknown) = map.keys().find(|k| !known(k)) {
            return Err(Mismatch {
                path: path_of(at),
                text: format!("unknown field `{}`", path_of(&at.field(unknown))),
            });
        }
        for field in fields {
            let at = at.field(&field.name);
            match map.get(&field.name) {
                None if field.optional || matches!(field.ty, Type::Nullable { .. }) => {}
                None => {
                    return Err(Mismatch {
                        path: path_of(&at),
                        text: format!("missing field `{}`", path_of(&at)),
                    });
                }
                Some(value) => self.check_at(&field.ty, value, &at, depth + 1)?,
            }
        }
        Ok(())
    }
}

/// A place in a body as a path to it (`data.tags[0]`); empty for the whole body.
fn path_of(at: &At<'_>) -> String {
    match at {
        At::Field(At::Body, name) => name.to_string(),
        At::Field(parent, name) => format!("{}.{name}", path_of(parent)),
        At::Index(parent, index) => format!("{}[{index}]", path_of(parent)),
        At::Body | At::Query | At::Path => String::new(),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
