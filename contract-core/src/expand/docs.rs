//! Doc comments and `//` comments for generated code: split into lines, wrapped at a width a
//! reader's editor shows whole, with inline code spans and code blocks kept intact.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc]` attributes for `text`, one per line, each with the space `///` leaves after itself.
/// Long lines are wrapped (list items with the indentation markdown needs to continue them).
pub fn doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text)
        .into_iter()
        .map(|line| quote!(#[doc = #line]));
    quote!(#(#lines)*)
}

/// Inner `#![doc]` attributes for `text`, rendered as `//!` lines.
pub fn inner_doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text)
        .into_iter()
        .map(|line| quote!(#![doc = #line]));
    quote!(#(#lines)*)
}

/// Doc text as attribute strings: wrapped at [`DOC_WIDTH`], code blocks left alone.
fn doc_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if line.is_empty() {
            out.push(String::new());
        } else if in_code || line.trim_start().starts_with("```") {
            out.push(format!(" {line}"));
        } else {
            let continuation = if line.starts_with("- ") { "  " } else { "" };
            for wrapped in wrap(line, DOC_WIDTH, continuation) {
                out.push(format!(" {wrapped}"));
            }
        }
    }
    out
}

/// Where doc comments wrap: with `/// ` in front and an item's indentation, lines stay within 100.
const DOC_WIDTH: usize = 92;

/// Splits `line` at spaces into lines of at most `width` characters (a longer word stays whole);
/// lines after the first start with `continuation`.
fn wrap(line: &str, width: usize, continuation: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut has_words = false;
    for word in unbreakable_words(line) {
        if has_words && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::replace(&mut current, continuation.to_string()));
            has_words = false;
        }
        if has_words {
            current.push(' ');
        }
        current.push_str(&word);
        has_words = true;
    }
    lines.push(current);
    lines
}

/// The words of `line`, keeping a `code span` with spaces in it (`POST /api/users`) in one piece:
/// broken over two lines it would read as two spans in the source.
fn unbreakable_words(line: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut in_code = false;
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        match words.last_mut() {
            Some(last) if in_code => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
        if word.matches('`').count() % 2 == 1 {
            in_code = !in_code;
        }
    }
    words
}

/// `//` lines of at most `width` characters (a longer word gets a line of its own).
pub fn wrap_comment(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::from("//");
    for word in text.split_whitespace() {
        if line.len() > 2 && line.len() + 1 + word.len() > width {
            lines.push(std::mem::replace(&mut line, String::from("//")));
        }
        line.push(' ');
        line.push_str(word);
    }
    lines.push(line);
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_and_list_items_continue_indented() {
        let item = format!("- [ ] {}", "word ".repeat(30));
        let lines = doc_lines(&item);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= DOC_WIDTH + 1));
        assert!(lines[1].starts_with("   word"), "{lines:?}");
    }

    #[test]
    fn code_spans_and_blocks_stay_whole() {
        let text = format!("{}`POST /api/users` here", "x ".repeat(44));
        let lines = doc_lines(&text);
        assert!(
            lines.iter().any(|l| l.contains("`POST /api/users`")),
            "{lines:?}"
        );
        let block = format!("```json\n{}\n```", "{\"a\": 1} ".repeat(20));
        assert_eq!(doc_lines(&block).len(), 3);
    }

    #[test]
    fn comments_wrap_at_the_width() {
        let comment = wrap_comment(&"word ".repeat(40), 40);
        assert!(
            comment
                .lines()
                .all(|l| l.starts_with("// ") && l.len() <= 40)
        );
    }
}
