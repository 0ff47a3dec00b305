//! Identifiers and string literals for generated code: a name from the model becomes a
//! `syn::Ident` without ever panicking, and names the expansion invents (nested types, enum
//! variants) stay unique and readable.

use std::borrow::Cow;
use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Literal, Span};

use crate::naming::{NOT_RAW, is_keyword};

/// An identifier for a name the model (or this module) chose. The model's names are valid Rust
/// already; anything else is repaired rather than allowed to panic `Ident::new`.
pub fn ident(name: &str) -> Ident {
    let (raw, bare) = match name.strip_prefix("r#") {
        Some(bare) => (true, bare),
        None => (false, name),
    };
    // Most names are plain ASCII words already: no copy for them (this runs for every field).
    let plain = bare.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && bare.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let bare = if plain {
        Cow::Borrowed(bare)
    } else {
        Cow::Owned(sanitize(bare))
    };
    if NOT_RAW.contains(&&*bare) {
        return Ident::new(&format!("{bare}_"), Span::call_site());
    }
    if raw || is_keyword(&bare) {
        return Ident::new_raw(&bare, Span::call_site());
    }
    Ident::new(&bare, Span::call_site())
}

/// The string literal `"text"`, as [`Literal::string`] makes it.
///
/// `Literal::string` escapes character by character, which is most of the cost of the doc
/// comments in every expansion. Doc text and messages are nearly always printable ASCII, whose
/// literal is the text between quotes with `"` and `\` escaped: that is written and lexed instead.
pub fn str_literal(text: &str) -> Literal {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        let mut source = String::with_capacity(text.len() + 8);
        source.push('"');
        for c in text.chars() {
            if matches!(c, '"' | '\\') {
                source.push('\\');
            }
            source.push(c);
        }
        source.push('"');
        if let Ok(literal) = source.parse() {
            return literal;
        }
    }
    Literal::string(text)
}

/// A PascalCase type name (`create_user` -> `CreateUser`), valid as an identifier.
pub fn pascal(name: &str) -> String {
    let pascal = name.trim_start_matches("r#").to_upper_camel_case();
    let pascal = sanitize(&pascal);
    if is_keyword(&pascal) || NOT_RAW.contains(&pascal.as_str()) {
        format!("{pascal}_")
    } else {
        pascal
    }
}

/// A snake_case module name that is a plain identifier (no raw form: it is also a file name).
pub fn module(name: &str) -> String {
    let snake = sanitize(&name.to_snake_case());
    if is_keyword(&snake) || NOT_RAW.contains(&snake.as_str()) {
        format!("{snake}_")
    } else {
        snake
    }
}

/// Replaces what cannot appear in an identifier with `_` and keeps it from starting with a digit.
fn sanitize(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c == '_' || unicode_ident::is_xid_continue(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    match out.chars().next() {
        None => out.push('_'),
        Some(c) if !(c == '_' || unicode_ident::is_xid_start(c)) => out.insert(0, '_'),
        Some(_) => {}
    }
    // `_` alone is no identifier, and leading underscores would silence unused-item lints.
    if out.chars().all(|c| c == '_') {
        out.insert(0, 'x');
    }
    out
}

/// The JSON name serde derives for a Rust field name: the identifier without its `r#`.
pub fn serde_name(rust_name: &str) -> &str {
    rust_name.strip_prefix("r#").unwrap_or(rust_name)
}

/// The singular of a PascalCase word for an array's item type (`Items` -> `Item`), or `None` when
/// the word does not look plural.
pub use crate::naming::singular_of as singular;

/// Type names already taken in one generated module, so invented names never collide.
#[derive(Debug, Default)]
pub struct TypeNames {
    taken: BTreeSet<String>,
}

impl TypeNames {
    /// Claims `wanted`, or the first free of `wanted2`, `wanted3`, ...
    pub fn claim(&mut self, wanted: &str) -> String {
        let mut name = wanted.to_string();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{wanted}{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        name
    }

    /// Marks a name as taken without renaming it (a name the contract itself gives).
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_string());
    }
}

/// Variant names for a string-literal union: PascalCase of each value, unique within the enum.
pub fn enum_variants(values: &[String]) -> Vec<String> {
    let mut names = TypeNames::default();
    values
        .iter()
        .map(|value| {
            let wanted = if value.trim().is_empty() {
                "Empty".to_string()
            } else {
                pascal(value)
            };
            // A value like `1` gives `_1`; `V1` reads better as a variant.
            let wanted = match wanted.strip_prefix('_') {
                Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("V{rest}"),
                _ => wanted,
            };
            names.claim(&wanted)
        })
        .collect()
}

/// Whether clippy's `enum_variant_names` would fire: three or more variants that all share their
/// first or their last camel-case word (`InProgress`, `InReview`, `InTest`). Such names come
/// straight from the contract's values, so the generated enum allows the lint instead.
pub fn variants_share_affix(variants: &[String]) -> bool {
    if variants.len() < 3 {
        return false;
    }
    let words: Vec<Vec<String>> = variants.iter().map(|v| camel_words(v)).collect();
    let shared = |pick: fn(&Vec<String>) -> Option<&String>| {
        let first = pick(&words[0]);
        first.is_some() && words.iter().all(|w| pick(w) == first && w.len() > 1)
    };
    shared(|w| w.first()) || shared(|w| w.last())
}

fn camel_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in name.chars() {
        if (c.is_uppercase() || c == '_') && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        if c != '_' {
            current.push(c);
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idents_never_panic() {
        assert_eq!(ident("created_at").to_string(), "created_at");
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("x-trace-id").to_string(), "x_trace_id");
        assert_eq!(ident("1st").to_string(), "_1st");
        assert_eq!(ident("").to_string(), "x_");
    }

    #[test]
    fn string_literals_are_the_escaped_text() {
        for text in [
            "",
            "Email already registered",
            "it's",
            " `POST /api/users` [error body](contract::runtime::ErrorBody).",
            "say \"hi\"",
            "back\\slash",
            "409 Conflict: \"Email already registered\".",
            "\\\"",
            "tab\there",
            "new\nline",
            "caf\u{e9} \u{1f3af}",
            "\u{7f} delete",
        ] {
            assert_eq!(
                str_literal(text).to_string(),
                Literal::string(text).to_string(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn pascal_and_module_names() {
        assert_eq!(pascal("create_user"), "CreateUser");
        assert_eq!(pascal("x-trace-id"), "XTraceId");
        assert_eq!(pascal("self"), "Self_");
        assert_eq!(module("userService"), "user_service");
        assert_eq!(module("mod"), "mod_");
        assert_eq!(module("[endpoint]"), "endpoint");
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("Items").as_deref(), Some("Item"));
        assert_eq!(singular("Errors").as_deref(), Some("Error"));
        assert_eq!(singular("Categories").as_deref(), Some("Category"));
        assert_eq!(singular("Addresses").as_deref(), Some("Address"));
        assert_eq!(singular("Status"), None);
        assert_eq!(singular("Data"), None);
        assert_eq!(singular("Address"), None);
    }

    #[test]
    fn variants_are_unique_and_readable() {
        let values = ["open", "in-progress", "in progress", "1", ""].map(String::from);
        assert_eq!(
            enum_variants(&values),
            ["Open", "InProgress", "InProgress2", "V1", "Empty"]
        );
    }

    #[test]
    fn shared_affixes_are_detected() {
        let v = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(variants_share_affix(&v(&[
            "InProgress",
            "InReview",
            "InTest"
        ])));
        assert!(variants_share_affix(&v(&[
            "CsvFile", "JsonFile", "XmlFile"
        ])));
        assert!(!variants_share_affix(&v(&["Queued", "Running", "Done"])));
        assert!(!variants_share_affix(&v(&["InProgress", "Done", "InTest"])));
    }
}
