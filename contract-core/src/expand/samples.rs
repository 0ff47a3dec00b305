//! Sample values for generated tests: a realistic value of each contract type, chosen by the
//! field's name where the type alone says little (an email for `email`, a UUID for `userId`, an
//! ISO 8601 date-time for `createdAt`), and a value of the wrong JSON type for each type.
//!
//! Samples are a small JSON tree of their own rather than `serde_json::Value`, whose objects sort
//! their keys: a sample body lists its fields in the contract's order, as a person would write it.

use std::collections::BTreeSet;

use heck::ToSnakeCase;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::model::{Bounds, Endpoint, Field, NamedType, StringFormat, Type};
use crate::parse::MAX_NESTING;

/// A JSON value to put in a test.
#[derive(Clone, Debug, PartialEq)]
pub enum Sample {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number as its JSON text (`36`, `9.99`), so it prints as written.
    Number(String),
    /// A string, unquoted and unescaped.
    String(String),
    /// An array of samples.
    Array(Vec<Sample>),
    /// Fields in the contract's order.
    Object(Vec<(String, Sample)>),
}

/// The bearer token tests send: any non-empty token passes the handler's check.
pub const TOKEN: &str = "test-token";

/// A UUID for `id`-like values: fixed, so generated files do not change from run to run.
pub const UUID: &str = "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05";

const EMAIL: &str = "ada@example.com";
const DATE_TIME: &str = "2024-05-01T12:00:00Z";
const URL: &str = "https://example.com/";

/// Looks up the definitions of named types (`interface Card {...}`) while samples are made.
pub struct Samples<'a> {
    types: &'a [NamedType],
    /// Named types being expanded, so a recursive type ends instead of looping.
    expanding: BTreeSet<String>,
}

impl<'a> Samples<'a> {
    /// Samples resolving named types from `types` (a contract's [`crate::model::Contract::types`]).
    pub fn new(types: &'a [NamedType]) -> Self {
        Samples {
            types,
            expanding: BTreeSet::new(),
        }
    }

    /// A value of `ty` for a field called `name` (its JSON name; `""` when it has none).
    pub fn value(&mut self, ty: &Type, name: &str) -> Sample {
        match ty {
            Type::String {
                format,
                length,
                pattern,
            } => Sample::String(bounded_string(
                string_for(name, *format),
                *format,
                length,
                pattern.as_deref(),
            )),
            Type::Number { range } => Sample::Number(bounded_number(number_for(name), range)),
            Type::Integer { range } => Sample::Number(clamp(integer_for(name), range).to_string()),
            Type::Boolean => Sample::Bool(true),
            Type::Any { .. } => Sample::Object(Vec::new()),
            Type::Array { items, length } => {
                let item_name = singular(name);
                match self.value(items, &item_name) {
                    // An item that cannot be made (a type that contains itself) gives no items.
                    Sample::Null if !matches!(**items, Type::Nullable { .. }) => {
                        Sample::Array(Vec::new())
                    }
                    item => {
                        // One item, or as many as the array must have at least.
                        let count = clamp(1, length);
                        Sample::Array(vec![item; usize::try_from(count).unwrap_or(0)])
                    }
                }
            }
            Type::Nullable { inner } => self.value(inner, name),
            Type::Enum { values } => values
                .first()
                .map_or(Sample::Null, |v| Sample::String(v.clone())),
            Type::Ref { name: type_name } => self.named(type_name, name),
            Type::Object { fields } => self.object(fields),
        }
    }

    /// An object with every field, optional ones included: tests then reach them all.
    pub fn object(&mut self, fields: &[Field]) -> Sample {
        Sample::Object(
            fields
                .iter()
                .map(|f| (f.name.clone(), self.value(&f.ty, &f.name)))
                .collect(),
        )
    }

    /// A named type by its definition; one the user owns (no definition) is an empty object,
    /// which its stub accepts.
    fn named(&mut self, type_name: &str, field: &str) -> Sample {
        let definition = NamedType::definition_of(self.types, type_name);
        let Some(definition) = definition else {
            return Sample::Object(Vec::new());
        };
        // A type that contains itself ends; so does a chain of types nested past the grammar's
        // depth, which would otherwise recurse once per type.
        if self.expanding.len() >= MAX_NESTING || !self.expanding.insert(type_name.to_string()) {
            return Sample::Null;
        }
        let sample = self.value(definition, field);
        self.expanding.remove(type_name);
        sample
    }
}

/// A value of the wrong JSON type for `ty`, and what the test name says about it
/// (`not_a_string`). `None` where every JSON value is accepted (`any`) or the type is the user's.
pub fn wrong_type(ty: &Type) -> Option<(Sample, &'static str)> {
    let text = |s: &str| Sample::String(s.to_string());
    Some(match ty {
        Type::String { .. } | Type::Enum { .. } => {
            (Sample::Number("42".to_string()), "not_a_string")
        }
        Type::Number { .. } => (text("not a number"), "not_a_number"),
        // A fraction rather than text: the contract tells integers from other numbers.
        Type::Integer { .. } => (Sample::Number("1.5".to_string()), "not_an_integer"),
        Type::Boolean => (text("yes"), "not_a_boolean"),
        Type::Array { .. } => (text("not an array"), "not_an_array"),
        Type::Object { .. } => (text("not an object"), "not_an_object"),
        // `null` is allowed; a value of another type still is not.
        Type::Nullable { inner } => return wrong_type(inner),
        Type::Any { .. } | Type::Ref { .. } => return None,
    })
}

/// A string that is none of `values`: `other`, or `other2`, ... when the enum has that value.
pub fn outside(values: &[String]) -> String {
    let mut candidate = String::from("other");
    let mut n = 2;
    while values.contains(&candidate) {
        candidate = format!("other{n}");
        n += 1;
    }
    candidate
}

/// A query-string value the query type accepts for a parameter.
pub fn query_value(ty: &Type, name: &str) -> String {
    match Samples::new(&[]).value(ty, name) {
        Sample::String(s) | Sample::Number(s) => s,
        Sample::Bool(b) => b.to_string(),
        // Arrays and objects have no query-string form the query type reads; a plain word.
        _ => "example".to_string(),
    }
}

/// A query-string value of the wrong type for a parameter, with what the test name says about
/// it; `None` for strings (any text is a string) and types the query cannot carry.
pub fn wrong_query_value(ty: &Type) -> Option<(String, &'static str)> {
    match ty {
        Type::Integer { .. } => Some(("abc".to_string(), "not_an_integer")),
        Type::Number { .. } => Some(("abc".to_string(), "not_a_number")),
        Type::Boolean => Some(("maybe".to_string(), "not_a_boolean")),
        Type::Nullable { inner } => wrong_query_value(inner),
        _ => None,
    }
}

/// The endpoint's route with a sample in place of each path parameter, percent-encoded.
pub fn path(endpoint: &Endpoint) -> String {
    path_with(endpoint, None)
}

/// [`path`], with `value` in place of the sample for the parameter `name`: a path that breaks a
/// rule of that parameter alone.
pub fn path_with(endpoint: &Endpoint, replace: Option<(&str, &str)>) -> String {
    let mut params = endpoint.path_params.iter();
    let mut out = String::new();
    for segment in endpoint.route.split('/').skip(1) {
        out.push('/');
        if segment.starts_with('{') && segment.ends_with('}') {
            let value = match params.next() {
                Some(param) => match replace {
                    Some((name, value)) if name == param.name => value.to_string(),
                    _ => query_value(&param.ty, &param.name),
                },
                None => "example".to_string(),
            };
            out.push_str(&percent_encode(&value));
        } else {
            out.push_str(segment);
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The lower-case words of a JSON name: `createdAt` -> `created`, `at`.
fn words(name: &str) -> Vec<String> {
    name.to_snake_case()
        .split('_')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The singular of a field name, to name an array's items (`tags` -> `tag`).
pub fn singular(name: &str) -> String {
    crate::naming::singular_of(name).unwrap_or_else(|| name.to_string())
}

/// A string for a field: by its format if the contract gives one, else by its name.
pub fn string_for(name: &str, format: Option<StringFormat>) -> String {
    match format {
        Some(StringFormat::Email) => return EMAIL.to_string(),
        Some(StringFormat::Uuid) => return UUID.to_string(),
        Some(StringFormat::DateTime) => return DATE_TIME.to_string(),
        Some(StringFormat::Uri) => return URL.to_string(),
        None => {}
    }
    let words = words(name);
    let has = |w: &str| words.iter().any(|x| x == w);
    let last = words.last().map_or("", String::as_str);
    let by_last = match last {
        "email" | "mail" => Some(EMAIL),
        "id" | "uuid" | "guid" => Some(UUID),
        "at" | "date" | "time" | "timestamp" | "since" | "until" => Some(DATE_TIME),
        "url" | "uri" | "link" | "href" | "website" => Some(URL),
        "password" | "secret" => Some("correct-horse-battery-staple"),
        "token" => Some(TOKEN),
        "phone" => Some("+1 555 0100"),
        "sku" => Some("SKU-1001"),
        "currency" => Some("EUR"),
        "country" => Some("GB"),
        "locale" | "lang" | "language" => Some("en"),
        "slug" => Some("example-slug"),
        "title" | "subject" => Some("Write the quarterly report"),
        "description" | "body" | "content" | "message" | "text" | "comment" | "note" | "bio" => {
            Some("A short note.")
        }
        "tag" | "label" | "category" => Some("work"),
        "color" | "colour" => Some("#3366ff"),
        "username" | "login" | "handle" => Some("ada"),
        _ => None,
    };
    if let Some(value) = by_last {
        return value.to_string();
    }
    if has("email") {
        EMAIL.to_string()
    } else if last == "name" && (words.len() == 1 || has("full") || has("display")) {
        "Ada Lovelace".to_string()
    } else if last == "name" && has("first") {
        "Ada".to_string()
    } else if last == "name" && has("last") {
        "Lovelace".to_string()
    } else {
        "example".to_string()
    }
}

/// An integer for a field, by its name.
fn integer_for(name: &str) -> i64 {
    let words = words(name);
    match words.last().map_or("", String::as_str) {
        "limit" | "size" => 20,
        "quantity" | "qty" | "count" => 3,
        "age" => 36,
        "year" => 2024,
        "price" | "amount" | "cost" => 999,
        "port" => 8080,
        _ => 1,
    }
}

/// A number for a field, by its name.
fn number_for(name: &str) -> &'static str {
    let words = words(name);
    match words.last().map_or("", String::as_str) {
        "price" | "amount" | "cost" | "total" | "balance" => "9.99",
        "age" => "36",
        "lat" | "latitude" => "51.5",
        "lng" | "lon" | "longitude" => "-0.12",
        "rating" | "score" => "4.5",
        "quantity" | "count" => "3",
        _ => "1.5",
    }
}

/// A value that is not in `format`, and what a test name says of it.
pub fn malformed(format: StringFormat) -> (&'static str, &'static str) {
    match format {
        StringFormat::DateTime => ("yesterday", "not_a_date_time"),
        StringFormat::Uuid => ("not-a-uuid", "not_a_uuid"),
        StringFormat::Email => ("nope", "not_an_email"),
        StringFormat::Uri => ("not a url", "not_a_url"),
    }
}

/// A short string `pattern` does not match, checked by the handlers' own rule, of a length
/// `length` allows (so that the pattern alone refuses it); `None` when every candidate matches.
pub fn not_matching(pattern: &str, length: &Bounds<u64>) -> Option<String> {
    let rule = contract_validation::Pattern::owned(pattern.to_owned());
    let min = length.min.unwrap_or(0).min(MAX_PATTERN_MISS);
    ["", " ", "!", "~~ ~~", "0", "a", "A", "not matching"]
        .into_iter()
        // Repeated up to the shortest length allowed: `"  "` for `string(2.., /\S/)`.
        .map(|candidate| match usize::try_from(min) {
            Ok(min) if candidate.chars().count() < min => {
                candidate.chars().cycle().take(min).collect()
            }
            _ => candidate.to_owned(),
        })
        .find(|candidate| {
            let n = candidate.chars().count() as u64;
            length.min.is_none_or(|m| n >= m)
                && length.max.is_none_or(|m| n <= m)
                && !rule.is_match(candidate)
        })
}

/// The longest value [`not_matching`] makes to reach a minimum length.
const MAX_PATTERN_MISS: u64 = 1_000;

/// `value` moved into `range`: the nearest end when it lies outside.
pub fn clamp<T: PartialOrd + Copy>(value: T, range: &Bounds<T>) -> T {
    match (range.min, range.max) {
        (Some(min), _) if value < min => min,
        (_, Some(max)) if value > max => max,
        _ => value,
    }
}

/// A number sample moved into `range`, as JSON text.
fn bounded_number(sample: &str, range: &Bounds<f64>) -> String {
    let value: f64 = sample.parse().unwrap_or(0.0);
    let clamped = clamp(value, range);
    if clamped == value {
        sample.to_string()
    } else {
        number_text(clamped)
    }
}

/// A number as JSON text: `3` rather than `3.0` for a whole number, as a person writes it.
pub fn number_text(value: f64) -> String {
    format!("{value}")
}

/// A string sample made to fit its bounds: a plain string is cut or padded to the length the
/// contract allows, and made from the pattern ([`super::pattern_sample::matching`]) when the
/// pattern does not take it. A format's value is kept: its length is the format's.
fn bounded_string(
    sample: String,
    format: Option<StringFormat>,
    length: &Bounds<u64>,
    pattern: Option<&str>,
) -> String {
    let sample = if format.is_some() {
        sample
    } else {
        let chars = sample.chars().count() as u64;
        string_of_length(&sample, clamp(chars, length))
    };
    // The realistic sample when the pattern takes it; one made from the pattern otherwise.
    match pattern {
        Some(pattern)
            if !contract_validation::Pattern::owned(pattern.to_owned()).is_match(&sample) =>
        {
            super::pattern_sample::matching(pattern, length).unwrap_or(sample)
        }
        _ => sample,
    }
}

/// `base` cut or padded (with `x`) to exactly `n` characters.
pub fn string_of_length(base: &str, n: u64) -> String {
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    let mut out: String = base.chars().take(n).collect();
    let have = out.chars().count();
    out.extend(std::iter::repeat_n('x', n - have));
    out
}

/// A sample as a `serde_json::Value` (whose objects sort their keys: for answering, not for
/// writing code, which [`to_json`] is for).
pub fn to_value(sample: &Sample) -> serde_json::Value {
    use serde_json::Value;
    match sample {
        Sample::Null => Value::Null,
        Sample::Bool(b) => Value::Bool(*b),
        Sample::Number(n) => serde_json::from_str(n).unwrap_or(Value::Null),
        Sample::String(s) => Value::String(s.clone()),
        Sample::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        Sample::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), to_value(v)))
                .collect(),
        ),
    }
}

/// JSON text for `sample`, indented as a person writes it: objects one field per line, arrays of
/// plain values on one line. Lines after the first start with `indent` spaces.
pub fn to_json(sample: &Sample, indent: usize) -> String {
    let mut out = String::new();
    write_json(sample, indent, &mut out);
    out
}

fn write_json(sample: &Sample, indent: usize, out: &mut String) {
    match sample {
        Sample::Null => out.push_str("null"),
        Sample::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Sample::Number(n) => out.push_str(n),
        Sample::String(s) => out.push_str(&json_string(s)),
        Sample::Array(items) if items.iter().all(is_plain) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_json(item, indent, out);
            }
            out.push(']');
        }
        Sample::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                push_indent(out, indent + 4);
                write_json(item, indent + 4, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            push_indent(out, indent);
            out.push(']');
        }
        Sample::Object(fields) if fields.is_empty() => out.push_str("{}"),
        Sample::Object(fields) => {
            out.push_str("{\n");
            for (i, (name, value)) in fields.iter().enumerate() {
                push_indent(out, indent + 4);
                out.push_str(&json_string(name));
                out.push_str(": ");
                write_json(value, indent + 4, out);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
            push_indent(out, indent);
            out.push('}');
        }
    }
}

fn is_plain(sample: &Sample) -> bool {
    !matches!(sample, Sample::Array(_) | Sample::Object(_)) || *sample == Sample::Object(Vec::new())
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// A JSON string literal, escaped as JSON (and so as a Rust string inside `json!`) requires.
fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\""))
}

/// How deep `json!` may recurse for a sample: rustc stops a macro at 128 levels (its default
/// `recursion_limit`), and `json!` takes about three per entry of an object or array, and a few
/// per level of nesting: an object of some 45 fields reaches the limit, a nested one sooner.
const JSON_MACRO_BUDGET: usize = 100;

/// About how deep `json!` recurses to build `sample`: each entry costs three levels more than
/// the one before it, and a value nested in an entry starts from there.
fn json_macro_depth(sample: &Sample) -> usize {
    let nested = |values: &mut dyn Iterator<Item = &Sample>| {
        values
            .enumerate()
            .map(|(i, value)| 3 * (i + 1) + json_macro_depth(value))
            .max()
            .unwrap_or(0)
            + 2
    };
    match sample {
        Sample::Object(fields) => nested(&mut fields.iter().map(|(_, value)| value)),
        Sample::Array(items) => nested(&mut items.iter()),
        _ => 1,
    }
}

/// A sample as a `serde_json::Value` expression: `json!(...)` (setting `uses_macro`), or, for a
/// sample too big for `json!`'s recursion, its JSON text parsed when the test runs, which has no
/// such limit.
pub(super) fn json_value(
    sample: Sample,
    samples: &mut Vec<Sample>,
    uses_macro: &mut bool,
) -> TokenStream {
    if json_macro_depth(&sample) > JSON_MACRO_BUDGET {
        let id = Ident::new(
            &format!("__sample_text_{}__", samples.len()),
            proc_macro2::Span::call_site(),
        );
        samples.push(sample);
        return quote!(serde_json::from_str(#id).expect("the sample is JSON"));
    }
    *uses_macro = true;
    let value = placeholder(sample, samples);
    quote!(json!(#value))
}

/// Past this many bytes, a string of one repeated character is written as `.repeat(n)`.
const LONG_RUN: usize = 24;

/// Tokens for a sample inside `json!(...)`: plain values as themselves, objects and arrays as a
/// placeholder that [`fill_placeholders`] replaces with indented JSON text after formatting
/// (prettyplease would print them as one long line of tokens).
pub(super) fn placeholder(sample: Sample, samples: &mut Vec<Sample>) -> TokenStream {
    match &sample {
        Sample::Null => quote!(null),
        Sample::Bool(b) => quote!(#b),
        // A long run of one character, as a test at a length bound sends: `"x".repeat(200)`.
        Sample::String(s) if s.len() > LONG_RUN && s.bytes().all(|b| b == s.as_bytes()[0]) => {
            let unit = &s[..1];
            let times = proc_macro2::Literal::usize_unsuffixed(s.len());
            quote!(#unit.repeat(#times))
        }
        Sample::String(s) => quote!(#s),
        Sample::Number(n) => n.parse().unwrap_or_else(|_| quote!(null)),
        Sample::Array(_) | Sample::Object(_) => {
            let id = Ident::new(
                &format!("__sample_{}__", samples.len()),
                proc_macro2::Span::call_site(),
            );
            samples.push(sample);
            quote!(#id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string() -> Type {
        Type::STRING
    }

    fn field(name: &str, ty: Type) -> Field {
        Field {
            name: name.to_string(),
            rust_name: name.to_snake_case(),
            optional: false,
            ty,
            at: crate::source::LineCol { line: 1, column: 1 },
        }
    }

    #[test]
    fn strings_look_like_what_their_names_say() {
        assert_eq!(string_for("email", None), EMAIL);
        assert_eq!(string_for("contactEmail", None), EMAIL);
        assert_eq!(string_for("id", None), UUID);
        assert_eq!(string_for("userId", None), UUID);
        assert_eq!(string_for("createdAt", None), DATE_TIME);
        assert_eq!(string_for("name", None), "Ada Lovelace");
        assert_eq!(string_for("firstName", None), "Ada");
        assert_eq!(string_for("password", None), "correct-horse-battery-staple");
        assert_eq!(string_for("avatarUrl", None), URL);
        assert_eq!(string_for("type", None), "example");
        assert_eq!(string_for("fileName", None), "example");
        assert_eq!(string_for("x", Some(StringFormat::Uuid)), UUID);
        assert_eq!(string_for("when", Some(StringFormat::DateTime)), DATE_TIME);
    }

    #[test]
    fn numbers_by_name() {
        let mut samples = Samples::new(&[]);
        let number = |s: &mut Samples<'_>, ty: Type, name: &str| match s.value(&ty, name) {
            Sample::Number(n) => n,
            other => panic!("{other:?}"),
        };
        assert_eq!(number(&mut samples, Type::INTEGER, "limit"), "20");
        assert_eq!(number(&mut samples, Type::INTEGER, "page"), "1");
        assert_eq!(number(&mut samples, Type::INTEGER, "quantity"), "3");
        assert_eq!(number(&mut samples, Type::NUMBER, "price"), "9.99");
        assert_eq!(number(&mut samples, Type::NUMBER, "age"), "36");
        assert_eq!(number(&mut samples, Type::NUMBER, "weight"), "1.5");
    }

    #[test]
    fn objects_keep_the_contract_order_and_fill_optional_fields() {
        let mut optional = field("age", Type::NUMBER);
        optional.optional = true;
        let ty = Type::Object {
            fields: vec![
                field("name", string()),
                field("email", string()),
                optional,
                field("tags", Type::array(string())),
                field(
                    "role",
                    Type::Enum {
                        values: vec!["admin".into(), "member".into()],
                    },
                ),
            ],
        };
        let json = to_json(&Samples::new(&[]).value(&ty, ""), 0);
        assert_eq!(
            json,
            "{\n    \"name\": \"Ada Lovelace\",\n    \"email\": \"ada@example.com\",\n    \
             \"age\": 36,\n    \"tags\": [\"work\"],\n    \"role\": \"admin\"\n}"
        );
    }

    #[test]
    fn arrays_of_objects_nest_and_named_types_resolve() {
        let card = NamedType {
            name: "Card".into(),
            definition: Some(Type::Object {
                fields: vec![field("id", string())],
            }),
            defined_at: None,
        };
        let member = NamedType {
            name: "Member".into(),
            definition: None,
            defined_at: None,
        };
        let types = [card, member];
        let ty = Type::Object {
            fields: vec![
                field(
                    "cards",
                    Type::array(Type::Ref {
                        name: "Card".into(),
                    }),
                ),
                field(
                    "owner",
                    Type::Ref {
                        name: "Member".into(),
                    },
                ),
            ],
        };
        let json = to_json(&Samples::new(&types).value(&ty, ""), 4);
        assert_eq!(
            json,
            "{\n        \"cards\": [\n            {\n                \"id\": \"3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05\"\n            \
             }\n        ],\n        \"owner\": {}\n    }"
        );
    }

    #[test]
    fn a_type_that_contains_itself_ends() {
        let node = NamedType {
            name: "Node".into(),
            definition: Some(Type::Object {
                fields: vec![field(
                    "children",
                    Type::array(Type::Ref {
                        name: "Node".into(),
                    }),
                )],
            }),
            defined_at: None,
        };
        let types = [node];
        let sample = Samples::new(&types).value(
            &Type::Ref {
                name: "Node".into(),
            },
            "root",
        );
        assert_eq!(
            sample,
            Sample::Object(vec![("children".into(), Sample::Array(Vec::new()))])
        );
    }

    #[test]
    fn wrong_types_and_values_outside_an_enum() {
        assert_eq!(wrong_type(&string()).map(|w| w.1), Some("not_a_string"));
        assert_eq!(
            wrong_type(&Type::INTEGER).map(|w| w.0),
            Some(Sample::Number("1.5".into()))
        );
        let nullable = Type::Nullable {
            inner: Box::new(Type::Boolean),
        };
        assert_eq!(wrong_type(&nullable).map(|w| w.1), Some("not_a_boolean"));
        assert!(wrong_type(&Type::Any { json_object: true }).is_none());
        assert_eq!(outside(&["open".into(), "other".into()]), "other2");
        assert_eq!(wrong_query_value(&string()), None);
        assert_eq!(
            wrong_query_value(&Type::INTEGER),
            Some(("abc".into(), "not_an_integer"))
        );
    }

    #[test]
    fn paths_get_encoded_samples() {
        assert_eq!(percent_encode("a b/c"), "a%20b%2Fc");
        assert_eq!(percent_encode(UUID), UUID);
    }

    #[test]
    fn samples_too_big_for_json_macro_are_parsed_from_text() {
        let flat = |n: usize| {
            Sample::Object(
                (0..n)
                    .map(|i| (format!("k{i}"), Sample::String("v".into())))
                    .collect(),
            )
        };
        let nested = |depth: usize| {
            (0..depth).fold(Sample::Null, |inner, _| {
                Sample::Object(vec![("k".to_string(), inner)])
            })
        };
        // Measured with serde_json 1: 40 fields and 30 levels build, 50 fields and 60 levels
        // reach the recursion limit.
        for (sample, fits) in [
            (flat(20), true),
            (flat(30), true),
            (nested(12), true),
            (flat(50), false),
            (nested(60), false),
        ] {
            let mut uses_macro = false;
            let tokens = json_value(sample, &mut Vec::new(), &mut uses_macro).to_string();
            assert_eq!(uses_macro, fits, "{tokens}");
            assert_eq!(tokens.starts_with("json !"), fits, "{tokens}");
        }
    }

    #[test]
    fn values_that_break_a_rule_break_it_by_the_handlers_own_rule() {
        use contract_validation::Format;
        for (format, rule) in [
            (StringFormat::DateTime, Format::DateTime),
            (StringFormat::Uuid, Format::Uuid),
            (StringFormat::Email, Format::Email),
            (StringFormat::Uri, Format::Uri),
        ] {
            let (value, _) = malformed(format);
            assert!(!rule.accepts(value), "{value} passes as {format:?}");
            assert!(rule.accepts(&string_for("x", Some(format))), "{format:?}");
        }
        let any = Bounds::OPEN;
        let one_or_more = Bounds {
            min: Some(1),
            max: None,
        };
        assert_eq!(not_matching("^[a-z]+$", &any).as_deref(), Some(""));
        // Long enough for the length bound, so only the pattern refuses it.
        assert_eq!(not_matching("^[a-z]+$", &one_or_more).as_deref(), Some(" "));
        assert_eq!(
            not_matching(
                r"[^ \t]",
                &Bounds {
                    min: Some(3),
                    max: None
                }
            )
            .as_deref(),
            Some("   ")
        );
        assert_eq!(
            not_matching("", &any),
            None,
            "the empty pattern matches all"
        );
    }
}
