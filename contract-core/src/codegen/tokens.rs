//! Names as tokens: an identifier for any name without ever panicking `Ident::new`, and string
//! literals made quickly. The rules for the names themselves are [`crate::naming`]'s.

use std::borrow::Cow;

use proc_macro2::{Ident, Literal, Span};

use crate::naming::{NOT_RAW, is_keyword, sanitize};

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
}
