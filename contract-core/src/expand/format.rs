//! Tokens to source text: `prettyplease` over `syn`, plus the blank lines between items a person
//! would leave (prettyplease prints items back to back), and every pass over the printed text
//! that tokens cannot express: `//` comments, inner attributes set apart, JSON samples laid out
//! as a person writes them. And the order rustfmt gives `use` lines, so `cargo fmt` changes no
//! generated token.

use proc_macro2::TokenStream;

use super::samples::{self, Sample};
use crate::codegen::docs;

/// Formats a file's tokens, after `header` (plain `//` lines, which tokens cannot carry).
pub fn format_file(header: &str, tokens: TokenStream) -> syn::Result<String> {
    let file: syn::File = syn::parse2(tokens)?;
    let body = space_items(&prettyplease::unparse(&file));
    let mut out = String::with_capacity(header.len() + body.len() + 1);
    if !header.is_empty() {
        out.push_str(header);
        out.push_str("\n\n");
    }
    out.push_str(&body);
    Ok(out)
}

/// Whether two Rust sources are the same code: the same tokens, however formatted, and with or
/// without the trailing commas formatters add or drop (before a closing bracket or `>`). Plain comments do not count; doc comments
/// do (they are attributes). `false` when either does not parse.
pub fn same_code(a: &str, b: &str) -> bool {
    match (a.parse::<TokenStream>(), b.parse::<TokenStream>()) {
        (Ok(a), Ok(b)) => normalized(a) == normalized(b),
        _ => false,
    }
}

/// Tokens as text, one per entry, without commas right before a closing delimiter.
fn normalized(tokens: TokenStream) -> Vec<String> {
    let mut out = Vec::new();
    push_normalized(tokens, &mut out);
    out
}

fn push_normalized(tokens: TokenStream, out: &mut Vec<String>) {
    for token in tokens {
        match token {
            proc_macro2::TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    proc_macro2::Delimiter::Parenthesis => ("(", ")"),
                    proc_macro2::Delimiter::Brace => ("{", "}"),
                    proc_macro2::Delimiter::Bracket => ("[", "]"),
                    proc_macro2::Delimiter::None => ("", ""),
                };
                out.push(open.to_string());
                push_normalized(group.stream(), out);
                if out.last().is_some_and(|t| t == ",") {
                    out.pop();
                }
                out.push(close.to_string());
            }
            // A trailing comma in generic arguments (`Result<A, B,>`), which prettyplease writes
            // when it breaks the list over lines and rustfmt drops.
            proc_macro2::TokenTree::Punct(punct) if punct.as_char() == '>' => {
                if out.last().is_some_and(|t| t == ",") {
                    out.pop();
                }
                out.push(">".to_string());
            }
            other => out.push(other.to_string()),
        }
    }
}

/// Puts a blank line before each item (and each associated item in an `impl`) that follows another
/// one, and after the inner doc comment; `use` lines (with `crate::` paths in a group of their own,
/// as rustfmt users write them) and `mod` lines stay together in blocks. Works on prettyplease's
/// output, whose indentation is regular: items sit at column 0, their members at column 4.
fn space_items(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut prev: Option<&str> = None;
    // The kind of the statement the previous line belongs to.
    let mut kind = Statement::Other;
    for line in text.lines() {
        let next = Statement::of(line.trim_start());
        if let Some(prev) = prev
            && wants_blank_before(prev, line, kind, next)
        {
            out.push('\n');
        }
        let starts_statement = prev.is_none_or(ends_statement);
        if starts_statement && indentation(line) <= 4 {
            kind = next;
        }
        out.push_str(line);
        out.push('\n');
        prev = Some(line);
    }
    out
}

/// The statements kept together in blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Statement {
    Use,
    CrateUse,
    PubUse,
    Mod,
    Other,
}

impl Statement {
    fn of(trimmed: &str) -> Statement {
        if trimmed.starts_with("pub use ") {
            return Statement::PubUse;
        }
        let bare = trimmed.strip_prefix("pub ").unwrap_or(trimmed);
        if bare.starts_with("use crate::") || bare.starts_with("use super::") {
            Statement::CrateUse
        } else if bare.starts_with("use ") {
            Statement::Use
        } else if bare.starts_with("mod ") {
            Statement::Mod
        } else {
            Statement::Other
        }
    }
}

fn ends_statement(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with(';') || line.ends_with('}') || line.trim_start().starts_with("//")
}

fn wants_blank_before(prev: &str, line: &str, kind: Statement, next: Statement) -> bool {
    let indent = indentation(line);
    if indent > 4 || indentation(prev) != indent {
        return false;
    }
    let (prev, line) = (prev.trim(), line.trim());
    if prev.starts_with("//!") {
        return !line.starts_with("//!");
    }
    if prev.starts_with("//") || !ends_statement(prev) || !starts_item(line) {
        return false;
    }
    kind != next || kind == Statement::Other
}

fn starts_item(line: &str) -> bool {
    const STARTS: [&str; 14] = [
        "///",
        "#[",
        "pub ",
        "fn ",
        "async fn ",
        "impl",
        "struct ",
        "enum ",
        "mod ",
        "use ",
        "const ",
        "type ",
        "static ",
        "trait ",
    ];
    STARTS.iter().any(|s| line.starts_with(s))
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `text` with `line` and a blank line after its `//!` doc comment. Inner attributes are kept out
/// of the tokens because the formatter would not set them apart.
pub(super) fn after_inner_docs(text: &str, line: &str) -> String {
    let mut out = String::with_capacity(text.len() + line.len() + 2);
    let mut in_docs = false;
    let mut done = false;
    for current in text.lines() {
        if !done && in_docs && !current.starts_with("//!") {
            out.push('\n');
            out.push_str(line);
            out.push('\n');
            done = true;
        }
        in_docs |= current.starts_with("//!");
        out.push_str(current);
        out.push('\n');
    }
    out
}

/// Replaces each `__sample_N__` placeholder with its JSON, indented like the line it is on, and
/// each `__sample_text_N__` with its JSON in a raw string literal.
pub(super) fn fill_placeholders(text: &str, samples: &[Sample]) -> String {
    if samples.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.lines() {
        let mut line = line.to_string();
        let indent = line.len() - line.trim_start().len();
        for (i, sample) in samples.iter().enumerate() {
            let marker = format!("__sample_{i}__");
            if line.contains(&marker) {
                line = line.replace(&marker, &samples::to_json(sample, indent));
            }
            let marker = format!("__sample_text_{i}__");
            if line.contains(&marker) {
                line = line.replace(&marker, &raw_string(&samples::to_json(sample, indent)));
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `text` as a raw string literal, with as many `#` as it needs to hold every `"#...` in it.
fn raw_string(text: &str) -> String {
    let mut hashes = 1;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let hashes = "#".repeat(hashes);
    format!("r{hashes}\"{text}\"{hashes}")
}

/// The statement standing for a `//` comment while the code is tokens, which carry no comments.
const COMMENT_MARKER: &str = "__comment__!();";

/// Puts `comment`, as `//` lines, where the [`COMMENT_MARKER`] line is.
pub(super) fn comments(text: &str, comment: &str) -> String {
    let mut out = String::with_capacity(text.len() + comment.len());
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed == COMMENT_MARKER {
            let indent = &line[..line.len() - trimmed.len()];
            for comment_line in docs::wrap_comment(comment, 100 - indent.len()).lines() {
                out.push_str(indent);
                out.push_str(comment_line);
                out.push('\n');
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// rustfmt's order of `use` paths: `crate::` and `self::` paths in their own group after the
/// others, then segment by segment, upper case before lower case, a braced list last.
pub(super) fn use_sort_key(path: &str) -> (bool, Vec<String>) {
    let local = path.starts_with("crate::");
    let segments = path
        .split("::")
        .map(|s| {
            if s.starts_with('{') {
                "\u{10FFFF}".to_string()
            } else {
                s.to_string()
            }
        })
        .collect();
    (local, segments)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn items_get_blank_lines_between_them() {
        let tokens = quote! {
            #![doc = " Module."]
            use a::b;
            use crate::c;
            pub mod x;
            pub mod y;
            #[doc = " A."]
            pub struct A { pub f: u8 }
            impl A {
                pub fn one(&self) -> u8 { let x = 1; x }
                pub fn two(&self) {}
            }
        };
        let text = format_file("// header", tokens).unwrap();
        let expected = "// header\n\n//! Module.\n\nuse a::b;\n\nuse crate::c;\n\npub mod x;\npub mod y;\n\n\
             /// A.\npub struct A {\n    pub f: u8,\n}\n\nimpl A {\n    pub fn one(&self) -> u8 {\n        \
             let x = 1;\n        x\n    }\n\n    pub fn two(&self) {}\n}\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn formatting_does_not_change_the_code() {
        assert!(same_code(
            "fn a() { b(); }",
            "fn a()\n{\n    b();\n}\n// note\n"
        ));
        assert!(!same_code("/// one\nfn a() {}", "/// two\nfn a() {}"));
        assert!(!same_code("fn a( {", "fn a( {"));
    }

    #[test]
    fn comments_replace_their_markers() {
        let text = "fn a() {\n    __comment__!();\n    b();\n}\n";
        assert_eq!(
            comments(text, "Arrange: this."),
            "fn a() {\n    // Arrange: this.\n    b();\n}\n"
        );
    }

    #[test]
    fn raw_strings_outlast_their_text() {
        assert_eq!(raw_string("{}"), "r#\"{}\"#");
        assert_eq!(
            raw_string("{\"#tag\": \"a\"##\"}"),
            "r###\"{\"#tag\": \"a\"##\"}\"###"
        );
    }

    #[test]
    fn rust_fmt_orders_uses() {
        let mut lines = vec![
            "crate::support::{with, without}",
            "crate::support::create_user::request",
            "serde_json::json",
            "crate::common::app",
            "axum::http::{Method, StatusCode}",
        ];
        lines.sort_by_key(|l| use_sort_key(l));
        assert_eq!(
            lines,
            [
                "axum::http::{Method, StatusCode}",
                "serde_json::json",
                "crate::common::app",
                "crate::support::create_user::request",
                "crate::support::{with, without}",
            ]
        );
    }
}
