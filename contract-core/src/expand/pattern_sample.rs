//! A string that matches a contract's pattern, for samples: made from the pattern's syntax tree
//! (`regex-syntax`), then checked by the rule the handlers use (`contract-validation`'s
//! [`Pattern`]), so a sample is never wrong, at worst missing.

use contract_validation::Pattern;
use regex_syntax::hir::{Class, Hir, HirKind};

use crate::model::Bounds;

/// A string `pattern` matches with a length in `length`; `None` when none was found.
///
/// Each repetition is written `n` times, for the smallest `n` its own bounds allow, then larger,
/// until the result matches and is long enough: `^[a-z]+$` with `length` 3.. gives `aaa`.
pub fn matching(pattern: &str, length: &Bounds<u64>) -> Option<String> {
    let hir = regex_syntax::parse(pattern).ok()?;
    let rule = Pattern::owned(pattern.to_owned());
    let fits = |s: &str| {
        let n = s.chars().count() as u64;
        length.min.is_none_or(|min| n >= min) && length.max.is_none_or(|max| n <= max)
    };
    // Enough tries to reach the shortest allowed length one character per repetition, and a few
    // more for patterns whose repetitions are of longer pieces.
    let tries = length.min.unwrap_or(0).min(4096) + 8;
    (0..=tries)
        .map(|n| {
            let mut out = String::new();
            write(&hir, n, &mut out, 0);
            out
        })
        .find(|s| fits(s) && rule.is_match(s))
}

/// Appends a string `hir` matches, each repetition written `n` times within its own bounds.
fn write(hir: &Hir, n: u64, out: &mut String, depth: usize) {
    // Deeper than any pattern a person writes; a contract's pattern is short.
    if depth > 64 {
        return;
    }
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(literal) => out.push_str(&String::from_utf8_lossy(&literal.0)),
        HirKind::Class(class) => {
            if let Some(c) = class_char(class) {
                out.push(c);
            }
        }
        HirKind::Repetition(rep) => {
            let count = n.max(u64::from(rep.min));
            let count = rep.max.map_or(count, |max| count.min(u64::from(max)));
            for _ in 0..count {
                write(&rep.sub, n, out, depth + 1);
            }
        }
        HirKind::Capture(capture) => write(&capture.sub, n, out, depth + 1),
        HirKind::Concat(parts) => {
            for part in parts {
                write(part, n, out, depth + 1);
            }
        }
        HirKind::Alternation(branches) => {
            if let Some(first) = branches.first() {
                write(first, n, out, depth + 1);
            }
        }
    }
}

/// A character of the class that reads well in a test: a lower-case letter, a digit or an
/// upper-case one if the class has any, else a printable ASCII character, else its first.
fn class_char(class: &Class) -> Option<char> {
    let ranges: Vec<(char, char)> = match class {
        Class::Unicode(class) => class
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect(),
        Class::Bytes(class) => class
            .ranges()
            .iter()
            .filter(|r| r.start().is_ascii())
            .map(|r| (char::from(r.start()), char::from(r.end().min(0x7f))))
            .collect(),
    };
    let has = |c: char| {
        ranges
            .iter()
            .any(|&(start, end)| (start..=end).contains(&c))
    };
    let preferred = ('a'..='z')
        .chain('0'..='9')
        .chain('A'..='Z')
        .chain('!'..='~');
    preferred
        .into_iter()
        .find(|&c| has(c))
        .or_else(|| ranges.first().map(|r| r.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(pattern: &str, min: Option<u64>, max: Option<u64>) -> Option<String> {
        matching(pattern, &Bounds { min, max })
    }

    #[test]
    fn samples_match_their_pattern_and_length() {
        assert_eq!(sample("^[a-z]+$", None, None).as_deref(), Some("a"));
        assert_eq!(sample("^[a-z]+$", Some(3), None).as_deref(), Some("aaa"));
        assert_eq!(
            sample("^[A-Z]{3}-[0-9]{4}$", None, None).as_deref(),
            Some("AAA-0000")
        );
        assert_eq!(sample(r"^\d+(\.\d{2})?$", None, None).as_deref(), Some("0"));
        assert_eq!(sample("^(red|green)$", None, None).as_deref(), Some("red"));
        assert_eq!(sample("[^/]+", None, None).as_deref(), Some("a"));
        assert_eq!(
            sample("^[a-z0-9-]+$", Some(5), Some(5)).as_deref(),
            Some("aaaaa")
        );
    }

    #[test]
    fn no_sample_rather_than_a_wrong_one() {
        // Three characters at most, but the pattern needs four.
        assert_eq!(sample("^[a-z]{4}$", None, Some(3)), None);
        // A word boundary the writer cannot see through: checked, and found wanting.
        assert_eq!(sample(r"^a\bb$", None, None), None);
    }
}
