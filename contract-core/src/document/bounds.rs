//! Bounds in a document's own words: a constraint column or a description that says
//! `1-200 characters`, `max 1000 characters`, `at least 8 chars`, `between 1 and 100`,
//! `up to 10 items`, `maxLength: 64`. Read only where the words fit the field's type without doubt:
//! a length needs a word for characters, a count a word for items, a range a numeric type; and a
//! field whose words give two different bounds for one end gets none. Each bound read is noted.

use std::sync::LazyLock;

use regex_lite::{Captures, Regex};

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
const UNITS: &str = "characters?|chars?|letters|items?|elements?|entries|values?";

/// A number as a bound is written: `-10`, `200`, `0.5`.
const NUMBER: &str = r"-?\d+(?:\.\d+)?";

/// `1-200 characters`, `1 to 200`, `between 1 and 200 chars`.
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:between\s+)?({NUMBER})\s*(?:-|–|—|to|and|\.\.)\s*({NUMBER})(?:\s+({UNITS}))?\b"
    ))
    .expect("a valid pattern")
});

/// One end after its keyword (`max 200 characters`, `maxLength: 64`, `at least 1 item`):
/// the keyword, the number and the unit word are groups 1 to 3.
fn one_end(keywords: &str) -> Regex {
    Regex::new(&format!(
        r"(?i)({keywords})\s*(?:length\s*)?(?:of\s*)?:?\s*({NUMBER})(?:\s+({UNITS}))?\b"
    ))
    .expect("a valid pattern")
}

static MAX: LazyLock<Regex> =
    LazyLock::new(|| one_end("maxlength|maxitems|maximum|max|at most|up to|no more than|<=|≤"));

static MIN: LazyLock<Regex> =
    LazyLock::new(|| one_end("minlength|minitems|minimum|min|at least|no less than|>=|≥"));

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
    let mut mins: Vec<Spanned<String>> = Vec::new();
    let mut maxes: Vec<Spanned<String>> = Vec::new();
    let spanned = |caps: &Captures<'_>, group: usize| {
        caps.get(group).map(|m| {
            Spanned::new(
                m.as_str().to_owned(),
                Span::new(offset + m.start(), offset + m.end()),
            )
        })
    };
    // Each phrase's unit must be the type's (a bare number only bounds a number).
    let fits = |found: Unit| found == unit;
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    for caps in BETWEEN.captures_iter(text) {
        let whole = caps.get(0).expect("the match");
        let has_between = whole.as_str().to_ascii_lowercase().starts_with("between");
        let joined_by_and = whole.as_str().to_ascii_lowercase().contains(" and ");
        if joined_by_and && !has_between {
            continue;
        }
        if fits(unit_of(None, caps.get(3).map(|m| m.as_str()))) {
            mins.extend(spanned(&caps, 1));
            maxes.extend(spanned(&caps, 2));
            taken.push(whole.range());
        }
    }
    let outside = |range: &std::ops::Range<usize>, taken: &[std::ops::Range<usize>]| {
        !taken
            .iter()
            .any(|t| range.start < t.end && t.start < range.end)
    };
    for (phrase, ends) in [(&*MAX, &mut maxes), (&*MIN, &mut mins)] {
        for caps in phrase.captures_iter(text) {
            let whole = caps.get(0).expect("the match");
            let keyword = caps.get(1).map(|m| m.as_str());
            let found = unit_of(keyword, caps.get(3).map(|m| m.as_str()));
            if fits(found) && outside(&whole.range(), &taken) {
                ends.extend(spanned(&caps, 2));
            }
        }
    }
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
    let start = min
        .iter()
        .chain(&max)
        .map(|e| e.span.start)
        .min()
        .unwrap_or(offset);
    let end = min
        .iter()
        .chain(&max)
        .map(|e| e.span.end)
        .max()
        .unwrap_or(offset);
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
