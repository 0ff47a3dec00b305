//! Bounds in a document's own words: a constraint column or a description that says
//! `1-200 characters`, `max 1000 characters`, `at least 8 chars`, `between 1 and 100`,
//! `up to 10 items`, `maxLength: 64`. Read only where the words fit the field's type without doubt:
//! a length needs a word for characters, a count a word for items, a range a numeric type; and a
//! field whose words give two different bounds for one end gets none. Each bound read is noted.

use std::ops::Range;

use super::blocks::contains_ignore_case;

use crate::ast::{Bound, TypeExpr, TypeExprKind};
use crate::check::primitive;
use crate::model::Type;
use crate::source::{Span, Spanned};

/// What a bound's words measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Characters,
    Items,
    /// No unit word: a value, for numeric types only.
    Value,
}

/// The words for what a bound counts: characters, items, values.
const UNITS: [&str; 10] = [
    "character",
    "characters",
    "char",
    "chars",
    "letters",
    "item",
    "items",
    "element",
    "elements",
    "entries",
];

/// The keywords of an upper end (`max 200`, `maxLength: 64`, `no more than 3`), as words.
const MAX: [&[&str]; 9] = [
    &["maxlength"],
    &["maxitems"],
    &["maximum"],
    &["max"],
    &["at", "most"],
    &["up", "to"],
    &["no", "more", "than"],
    &["<="],
    &["≤"],
];

/// The keywords of a lower end.
const MIN: [&[&str]; 8] = [
    &["minlength"],
    &["minitems"],
    &["minimum"],
    &["min"],
    &["at", "least"],
    &["no", "less", "than"],
    &[">="],
    &["≥"],
];

/// A piece of a phrase: a number as a bound is written (`-10`, `200`, `0.5`), a word, or a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'t> {
    Number(&'t str),
    Word(&'t str),
    Mark(&'t str),
}

/// The tokens of `text`, each with where it is. Phrases are read from these rather than with
/// patterns: a pattern engine took 30,000 instructions a phrase, and a document has many.
fn tokens(text: &str) -> Vec<(Token<'_>, Range<usize>)> {
    let mut out: Vec<(Token<'_>, Range<usize>)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        let after_number = matches!(out.last(), Some((Token::Number(_), _)));
        let end = if c.is_ascii_digit() || (c == '-' && next_is_digit && !after_number) {
            let mut end = at + c.len_utf8();
            let mut dot = false;
            while let Some(&(i, n)) = chars.peek() {
                let decimal =
                    n == '.' && !dot && text[i + 1..].starts_with(|d: char| d.is_ascii_digit());
                if !(n.is_ascii_digit() || decimal) {
                    break;
                }
                dot |= decimal;
                end = i + n.len_utf8();
                chars.next();
            }
            out.push((Token::Number(&text[at..end]), at..end));
            continue;
        } else if c.is_alphabetic() {
            let mut end = at + c.len_utf8();
            while let Some(&(i, n)) = chars.peek().filter(|(_, n)| n.is_alphabetic()) {
                end = i + n.len_utf8();
                chars.next();
            }
            out.push((Token::Word(&text[at..end]), at..end));
            continue;
        } else if c.is_whitespace() {
            continue;
        } else if let Some(two) = ["..", "<=", ">="]
            .into_iter()
            .find(|two| text[at..].starts_with(two))
        {
            chars.next();
            at + two.len()
        } else {
            at + c.len_utf8()
        };
        out.push((Token::Mark(&text[at..end]), at..end));
    }
    out
}

/// Whether `token` is the word `word`, ignoring case.
fn is_word(token: Option<&(Token<'_>, Range<usize>)>, word: &str) -> bool {
    matches!(token, Some((Token::Word(w) | Token::Mark(w), _)) if w.eq_ignore_ascii_case(word))
}

/// The unit word at `tokens[at]`, if it is one.
fn unit_word<'t>(tokens: &[(Token<'t>, Range<usize>)], at: usize) -> Option<&'t str> {
    match tokens.get(at) {
        Some((Token::Word(word), _)) if UNITS.iter().any(|u| word.eq_ignore_ascii_case(u)) => {
            Some(word)
        }
        _ => None,
    }
}

/// A range phrase starting at `tokens[at]`: `1-200 characters`, `1 to 200`, `between 1 and 200
/// chars`; its two numbers, its unit word, and the tokens it takes.
fn range_phrase<'t>(
    tokens: &[(Token<'t>, Range<usize>)],
    at: usize,
) -> Option<(usize, usize, Option<&'t str>, usize)> {
    let between = is_word(tokens.get(at), "between");
    let first = at + usize::from(between);
    let (Some((Token::Number(_), _)), Some((mark, _)), Some((Token::Number(_), _))) = (
        tokens.get(first),
        tokens.get(first + 1),
        tokens.get(first + 2),
    ) else {
        return None;
    };
    let joined = match mark {
        Token::Mark(m) => ["-", "–", "—", ".."].contains(m),
        Token::Word(w) => {
            w.eq_ignore_ascii_case("to") || (between && w.eq_ignore_ascii_case("and"))
        }
        Token::Number(_) => false,
    };
    if !joined {
        return None;
    }
    let unit = unit_word(tokens, first + 3);
    Some((
        first,
        first + 2,
        unit,
        first + 3 + usize::from(unit.is_some()),
    ))
}

/// A single end starting at `tokens[at]` after one of `keywords` (`max 200 characters`,
/// `maxLength: 64`, `at least 1 item`): the keyword, the number, its unit word.
fn end_phrase<'t>(
    tokens: &[(Token<'t>, Range<usize>)],
    at: usize,
    keywords: &[&[&str]],
) -> Option<(&'t str, usize, Option<&'t str>)> {
    let keyword = keywords.iter().find(|words| {
        words
            .iter()
            .enumerate()
            .all(|(i, word)| is_word(tokens.get(at + i), word))
    })?;
    let (Token::Word(last) | Token::Mark(last) | Token::Number(last), _) =
        tokens.get(at + keyword.len() - 1)?;
    let mut next = at + keyword.len();
    for optional in ["length", "of", ":"] {
        if is_word(tokens.get(next), optional) {
            next += 1;
        }
    }
    let Some((Token::Number(_), _)) = tokens.get(next) else {
        return None;
    };
    Some((last, next, unit_word(tokens, next + 1)))
}

/// The unit a keyword or unit word names; `None` for a word that names none.
fn unit_of(keyword: Option<&str>, word: Option<&str>) -> Unit {
    let keyword = keyword.unwrap_or("").to_ascii_lowercase();
    let word = word.unwrap_or("").to_ascii_lowercase();
    if keyword.ends_with("length") || word.starts_with("char") || word == "letters" {
        Unit::Characters
    } else if keyword.ends_with("items")
        || word.starts_with("item")
        || word.starts_with("element")
        || word == "entries"
    {
        Unit::Items
    } else {
        Unit::Value
    }
}

/// The unit a type's bounds are in: a string's characters, an array's items, a number's value.
fn unit_for(ty: &TypeExpr) -> Option<Unit> {
    match &ty.kind {
        // A JSON example's value: `"Acme"` is a string, `"string"` names one.
        TypeExprKind::Str(value) => match primitive(value) {
            None | Some(Type::String { .. }) => Some(Unit::Characters),
            Some(Type::Integer { .. } | Type::Number { .. }) => Some(Unit::Value),
            Some(_) => None,
        },
        TypeExprKind::Number(_) => Some(Unit::Value),
        TypeExprKind::Name(name) => match primitive(name)? {
            Type::String { .. } => Some(Unit::Characters),
            Type::Integer { .. } | Type::Number { .. } => Some(Unit::Value),
            _ => None,
        },
        TypeExprKind::ArrayOf(_) => Some(Unit::Items),
        TypeExprKind::Generic(name, _) if crate::check::generic_kind(name, 1).is_some() => {
            matches!(
                crate::check::generic_kind(name, 1),
                Some(crate::check::Generic::Array)
            )
            .then_some(Unit::Items)
        }
        _ => None,
    }
}

/// `ty` with the bounds that `text` (written at `offset` in the source) states for it, when they
/// are certain; `ty` as it was otherwise.
pub(super) fn with_phrase_bounds(ty: TypeExpr, text: &str, offset: usize) -> TypeExpr {
    let Some(unit) = unit_for(&ty) else {
        return ty;
    };
    if !may_state_bounds(text, unit) {
        return ty;
    }
    let (mins, maxes) = phrase_ends(text, offset, unit);
    // Two different values for one end: the words are not certain.
    let one = |ends: Vec<Spanned<String>>| -> Result<Option<Spanned<String>>, ()> {
        match ends.split_first() {
            None => Ok(None),
            Some((first, rest)) if rest.iter().all(|e| e.value == first.value) => {
                Ok(Some(first.clone()))
            }
            Some(_) => Err(()),
        }
    };
    let (Ok(min), Ok(max)) = (one(mins), one(maxes)) else {
        return ty;
    };
    if min.is_none() && max.is_none() {
        return ty;
    }
    // Lengths and counts are whole and not negative; an empty range is no bound.
    let value = |end: &Option<Spanned<String>>| end.as_ref().map(|e| e.value.parse::<f64>());
    let whole =
        |end: &Option<Spanned<String>>| end.as_ref().is_none_or(|e| e.value.parse::<u64>().is_ok());
    if unit != Unit::Value && !(whole(&min) && whole(&max)) {
        return ty;
    }
    if let (Some(Ok(lo)), Some(Ok(hi))) = (value(&min), value(&max))
        && lo > hi
    {
        return ty;
    }
    let ends = || min.iter().chain(&max);
    let start = ends().map(|e| e.span.start).min().unwrap_or(offset);
    let end = ends().map(|e| e.span.end).max().unwrap_or(offset);
    let bound = Bound::Range {
        min,
        max,
        exclusive: false,
        span: Span::new(start, end),
    };
    TypeExpr {
        span: ty.span,
        kind: TypeExprKind::Bounded(Box::new(ty), vec![bound]),
    }
}

/// Whether `text` may hold a bound phrase in `unit`, checked without the patterns (which are slow
/// to run on every cell): a length or a count needs its unit's word, a value a number after a
/// keyword of one end or before a range mark.
fn may_state_bounds(text: &str, unit: Unit) -> bool {
    let bytes = text.as_bytes();
    let Some(first_digit) = bytes.iter().position(u8::is_ascii_digit) else {
        return false;
    };
    let words: &[&str] = match unit {
        Unit::Characters => &["char", "letter", "length"],
        Unit::Items => &["item", "element", "entries"],
        Unit::Value => &[],
    };
    if !words.is_empty() && !words.iter().any(|w| contains_ignore_case(text, w)) {
        return false;
    }
    // `1-200`, `1 to 200`, `1 and 200`, `1..200`, `1–200`: a digit, spaces, then the mark.
    let range = bytes.iter().enumerate().skip(first_digit).any(|(at, b)| {
        b.is_ascii_digit() && {
            let rest = text[at + 1..].trim_start_matches(' ');
            rest.starts_with(['-', '–', '—', '.'])
                || rest.starts_with("to ")
                || rest.starts_with("and ")
        }
    });
    range
        || [
            "max", "min", "at most", "at least", "up to", "no more", "no less", "<=", ">=", "≤",
            "≥",
        ]
        .iter()
        .any(|word| contains_ignore_case(text, word))
}

/// The lower and upper ends that the phrases of `text` state in `unit`: ranges first
/// (`1-200 characters`), then single ends outside them (`max 200 characters`).
fn phrase_ends(
    text: &str,
    offset: usize,
    unit: Unit,
) -> (Vec<Spanned<String>>, Vec<Spanned<String>>) {
    let tokens = tokens(text);
    let (mut mins, mut maxes) = (Vec::new(), Vec::new());
    let spanned = |index: usize| {
        let (token, range) = &tokens[index];
        let (Token::Number(value) | Token::Word(value) | Token::Mark(value)) = token;
        Spanned::new(
            (*value).to_owned(),
            Span::new(offset + range.start, offset + range.end),
        )
    };
    // The tokens a range took: single ends inside it are its own.
    let mut taken = vec![false; tokens.len()];
    let mut at = 0;
    while at < tokens.len() {
        match range_phrase(&tokens, at) {
            // Each phrase's unit must be the type's (a bare number only bounds a number).
            Some((low, high, word, end)) if unit_of(None, word) == unit => {
                mins.push(spanned(low));
                maxes.push(spanned(high));
                taken[at..end].fill(true);
                at = end;
            }
            _ => at += 1,
        }
    }
    for at in (0..tokens.len()).filter(|&at| !taken[at]) {
        for (keywords, ends) in [(&MAX[..], &mut maxes), (&MIN[..], &mut mins)] {
            if let Some((keyword, number, word)) = end_phrase(&tokens, at, keywords)
                && unit_of(Some(keyword), word) == unit
                && !taken[number]
            {
                ends.push(spanned(number));
            }
        }
    }
    (mins, maxes)
}

/// `to` with the bounds a table read for the same field (`from`), when `to` has none and its
/// values are measured the same way: a table after a JSON example bounds the example's fields.
pub(super) fn carry_bounds(from: &TypeExpr, to: TypeExpr) -> TypeExpr {
    match &from.kind {
        TypeExprKind::Bounded(inner, bounds)
            if !matches!(to.kind, TypeExprKind::Bounded(..))
                && unit_for(inner).is_some()
                && unit_for(inner) == unit_for(&to) =>
        {
            TypeExpr {
                span: to.span,
                kind: TypeExprKind::Bounded(Box::new(to), bounds.clone()),
            }
        }
        _ => to,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(word: &str) -> TypeExpr {
        TypeExpr {
            kind: TypeExprKind::Name(word.to_owned()),
            span: Span::new(0, 0),
        }
    }

    /// The bounds the words give a type, as `min..=max`; `None` for none.
    fn read(ty: &str, text: &str) -> Option<String> {
        let ty = if let Some(item) = ty.strip_suffix("[]") {
            TypeExpr {
                kind: TypeExprKind::ArrayOf(Box::new(name(item))),
                span: Span::new(0, 0),
            }
        } else {
            name(ty)
        };
        match with_phrase_bounds(ty, text, 0).kind {
            TypeExprKind::Bounded(_, bounds) => match &bounds[..] {
                [Bound::Range { min, max, .. }] => Some(format!(
                    "{}..={}",
                    min.as_ref().map_or("", |m| m.value.as_str()),
                    max.as_ref().map_or("", |m| m.value.as_str())
                )),
                _ => None,
            },
            _ => None,
        }
    }

    #[test]
    fn lengths_need_a_word_for_characters() {
        assert_eq!(
            read("string", "1-200 characters").as_deref(),
            Some("1..=200")
        );
        assert_eq!(
            read("string", "The title, 1 to 200 chars.").as_deref(),
            Some("1..=200")
        );
        assert_eq!(
            read("string", "Max 1000 characters").as_deref(),
            Some("..=1000")
        );
        assert_eq!(read("string", "maxLength: 64").as_deref(), Some("..=64"));
        assert_eq!(
            read("string", "At least 8 characters").as_deref(),
            Some("8..=")
        );
        assert_eq!(
            read("string", "between 3 and 30 characters").as_deref(),
            Some("3..=30")
        );
        // A number without a unit says nothing certain of a string.
        assert_eq!(read("string", "max 200"), None);
        assert_eq!(read("string", "ISO 3166-1 code"), None);
    }

    #[test]
    fn values_bound_numbers_and_items_bound_arrays() {
        assert_eq!(read("integer", "1-100").as_deref(), Some("1..=100"));
        assert_eq!(
            read("integer", "between 1 and 100").as_deref(),
            Some("1..=100")
        );
        assert_eq!(
            read("integer", "Page size, max 100").as_deref(),
            Some("..=100")
        );
        assert_eq!(read("number", "min 0.5").as_deref(), Some("0.5..="));
        assert_eq!(read("string[]", "up to 10 items").as_deref(), Some("..=10"));
        // Characters do not bound an integer; items do not bound a string.
        assert_eq!(read("integer", "max 10 characters"), None);
        assert_eq!(read("string", "up to 10 items"), None);
        assert_eq!(read("boolean", "max 1"), None);
    }

    #[test]
    fn symbols_and_signs() {
        assert_eq!(read("integer", "≤ 50").as_deref(), Some("..=50"));
        assert_eq!(read("integer", ">= -10").as_deref(), Some("-10..="));
        assert_eq!(read("integer", "-10 to 10").as_deref(), Some("-10..=10"));
        assert_eq!(read("number", "0.5..2.5").as_deref(), Some("0.5..=2.5"));
        assert_eq!(
            read("string", "no more than 12 letters").as_deref(),
            Some("..=12")
        );
        // A keyword inside a longer word is none (`climax`), nor is a date a range of a string.
        assert_eq!(read("integer", "climax 5"), None);
        assert_eq!(read("string", "since 2024-01-01, 3 chars"), None);
    }

    #[test]
    fn words_that_disagree_or_cannot_be_give_no_bound() {
        assert_eq!(
            read("string", "max 10 characters, or max 20 characters"),
            None
        );
        assert_eq!(read("integer", "100-1"), None);
        assert_eq!(read("string", "max 1.5 characters"), None);
        // The same bound said twice is one bound.
        assert_eq!(
            read("string", "1-200 characters (max 200 characters)").as_deref(),
            Some("1..=200")
        );
    }
}
