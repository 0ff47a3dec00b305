//! Tokens to source text: `prettyplease` over `syn`, plus the blank lines between items a person
//! would leave (prettyplease prints items back to back).

use proc_macro2::TokenStream;

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
}
