//! Doc comments and `//` comments for generated code: split into lines, wrapped at a width a
//! reader's editor shows whole, with inline code spans and code blocks kept intact.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::str_literal;

/// `#[doc]` attributes for `text`, one per line, each with the space `///` leaves after itself.
/// Long lines are wrapped (list items with the indentation markdown needs to continue them).
pub fn doc_attrs(text: &str) -> TokenStream {
    let mut attrs = TokenStream::new();
    for line in doc_lines(text) {
        let line = str_literal(&line);
        attrs.extend(quote!(#[doc = #line]));
    }
    attrs
}

/// Inner `#![doc]` attributes for `text`, rendered as `//!` lines.
pub fn inner_doc_attrs(text: &str) -> TokenStream {
    let mut attrs = TokenStream::new();
    for line in doc_lines(text) {
        let line = str_literal(&line);
        attrs.extend(quote!(#![doc = #line]));
    }
    attrs
}

/// Doc text as attribute strings: wrapped at [`DOC_WIDTH`], code blocks left alone. Each line
/// starts with the space `///` leaves. This runs a dozen times in every `#[contract]` expansion,
/// so it makes one string per line and no more.
fn doc_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        let fence = line.trim_start().starts_with("```");
        if fence {
            in_code = !in_code;
        }
        if line.is_empty() {
            out.push(String::new());
        } else if in_code || fence || fits(line) {
            out.push(format!(" {line}"));
        } else {
            let continuation = if line.starts_with("- ") { "  " } else { "" };
            wrap(line, DOC_WIDTH, continuation, &mut out);
        }
    }
    out
}

/// Whether [`wrap`] would leave `line` as it is: short enough (in bytes, so in characters too),
/// and no spaces for it to collapse.
fn fits(line: &str) -> bool {
    line.len() <= DOC_WIDTH
        && !line.starts_with(' ')
        && !line.ends_with(' ')
        && !line.contains("  ")
}

/// Where doc comments wrap: with `/// ` in front and an item's indentation, lines stay within 100.
const DOC_WIDTH: usize = 92;

/// Splits `line` at spaces into lines of at most `width` characters (a longer word stays whole),
/// each pushed to `out` after a space; lines after the first start with `continuation`. Runs of
/// spaces become one.
fn wrap(line: &str, width: usize, continuation: &str, out: &mut Vec<String>) {
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    let mut current = String::from(" ");
    let mut current_width = 0;
    let mut has_words = false;
    for unit in unbreakable_units(&words) {
        let unit_width = unit.iter().map(|w| w.chars().count()).sum::<usize>() + unit.len() - 1;
        if has_words && current_width + 1 + unit_width > width {
            out.push(std::mem::replace(&mut current, format!(" {continuation}")));
            current_width = continuation.chars().count();
            has_words = false;
        }
        for word in unit {
            if has_words {
                current.push(' ');
                current_width += 1;
            }
            current.push_str(word);
            has_words = true;
        }
        current_width += unit_width - (unit.len() - 1);
    }
    out.push(current);
}

/// `words` in runs that must stay on one line: a `code span` with spaces in it (`POST /api/users`)
/// is one run, as broken over two lines it would read as two spans in the source.
fn unbreakable_units<'w, 'a>(words: &'w [&'a str]) -> impl Iterator<Item = &'w [&'a str]> {
    let mut rest = words;
    std::iter::from_fn(move || {
        let mut in_code = false;
        let mut len = 0;
        for word in rest {
            len += 1;
            if word.matches('`').count() % 2 == 1 {
                in_code = !in_code;
            }
            if !in_code {
                break;
            }
        }
        let (unit, tail) = rest.split_at(len);
        rest = tail;
        (!unit.is_empty()).then_some(unit)
    })
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
    fn lines_that_fit_are_kept_as_wrapping_would_keep_them() {
        for line in [
            "Short.",
            "two  spaces",
            " leading",
            "trailing ",
            &"x".repeat(DOC_WIDTH),
        ] {
            let mut wrapped = Vec::new();
            wrap(line, DOC_WIDTH, "", &mut wrapped);
            assert_eq!(doc_lines(line), wrapped, "{line:?}");
        }
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
