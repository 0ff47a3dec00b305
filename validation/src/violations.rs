//! Every rule a request breaks, each with the place of the value, in the words the error body's
//! `detail` gives them.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use regex_lite::Regex;

use crate::Format;

/// Where a value sits in a request: `title`, `owner.email`, `tags[2]`, `query parameter limit`.
#[derive(Clone, Copy, Debug)]
pub enum At<'a> {
    /// The JSON body.
    Body,
    /// The query string.
    Query,
    /// The path.
    Path,
    /// A field of the value at the parent (a query or path parameter, when the parent is the
    /// query or the path).
    Field(&'a At<'a>, &'a str),
    /// An item of the array at the parent.
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    /// The field `name` of the value here.
    pub fn field(&'a self, name: &'a str) -> At<'a> {
        At::Field(self, name)
    }

    /// The item at `index` of the array here.
    pub fn index(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Body => f.write_str("the body"),
            At::Query => f.write_str("the query"),
            At::Path => f.write_str("the path"),
            At::Field(At::Body, name) => f.write_str(name),
            At::Field(At::Query, name) => write!(f, "query parameter {name}"),
            At::Field(At::Path, name) => write!(f, "path parameter {name}"),
            At::Field(parent, name) => write!(f, "{parent}.{name}"),
            At::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A regular expression a string must match somewhere in it, as JSON Schema's `pattern` (write
/// `^...$` to match the whole string). Compiled once, on first use.
#[derive(Debug)]
pub struct Pattern {
    source: Cow<'static, str>,
    regex: OnceLock<Option<Regex>>,
}

impl Pattern {
    /// The pattern `source`, as generated code writes it in a `static`.
    pub const fn new(source: &'static str) -> Pattern {
        Pattern {
            source: Cow::Borrowed(source),
            regex: OnceLock::new(),
        }
    }

    /// The pattern `source`, read at run time (by `mock`).
    pub fn owned(source: String) -> Pattern {
        Pattern {
            source: Cow::Owned(source),
            regex: OnceLock::new(),
        }
    }

    /// Whether `source` is a pattern this crate can check, or why not: what the contract checker
    /// asks before it accepts one.
    pub fn compiles(source: &str) -> Result<(), String> {
        Regex::new(source).map(drop).map_err(|e| e.to_string())
    }

    /// The pattern as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether `value` matches. A pattern that does not compile matches nothing: the contract
    /// checker refuses such a pattern, so it never reaches a server.
    pub fn is_match(&self, value: &str) -> bool {
        self.regex
            .get_or_init(|| Regex::new(&self.source).ok())
            .as_ref()
            .is_some_and(|regex| regex.is_match(value))
    }
}

/// Every rule broken so far, each as `place: what was expected, and what came`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Violations {
    messages: Vec<String>,
}

impl Violations {
    /// None yet.
    pub fn new() -> Violations {
        Violations::default()
    }

    /// A string in `format`.
    pub fn format(&mut self, at: &At<'_>, value: &str, format: Format) {
        if !format.accepts(value) {
            self.push(at, format_args!("expected {}", format.expected()));
        }
    }

    /// A string of `min..=max` characters (Unicode scalar values, as JSON Schema counts them).
    pub fn length(&mut self, at: &At<'_>, value: &str, min: Option<u64>, max: Option<u64>) {
        // Only strings near a bound are counted: a byte length within it decides most.
        let bytes = value.len() as u64;
        if min.is_none_or(|min| bytes / 4 >= min) && max.is_none_or(|max| bytes <= max) {
            return;
        }
        self.count(at, value.chars().count() as u64, min, max, "character");
    }

    /// An array of `min..=max` items.
    pub fn items(&mut self, at: &At<'_>, count: usize, min: Option<u64>, max: Option<u64>) {
        self.count(at, count as u64, min, max, "item");
    }

    /// `count` things called `one` (characters, items) in `min..=max`.
    fn count(&mut self, at: &At<'_>, count: u64, min: Option<u64>, max: Option<u64>, one: &str) {
        if outside(count, min, max) {
            self.push(
                at,
                format_args!(
                    "expected {} {}, got {count}",
                    range(min, max),
                    unit(min, max, one)
                ),
            );
        }
    }

    /// An integer in `min..=max`.
    pub fn integer(&mut self, at: &At<'_>, value: i64, min: Option<i64>, max: Option<i64>) {
        if outside(value, min, max) {
            self.push(
                at,
                format_args!("expected {}, got {value}", range(min, max)),
            );
        }
    }

    /// A number in `min..=max`; `NaN` is in no range.
    pub fn number(&mut self, at: &At<'_>, value: f64, min: Option<f64>, max: Option<f64>) {
        if outside(value, min, max) {
            self.push(
                at,
                format_args!("expected {}, got {value}", range(min, max)),
            );
        }
    }

    /// A string that `pattern` matches.
    pub fn pattern(&mut self, at: &At<'_>, value: &str, pattern: &Pattern) {
        if !pattern.is_match(value) {
            self.push(
                at,
                format_args!("expected text matching /{}/", pattern.source()),
            );
        }
    }

    /// Whether no rule is broken.
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// Each broken rule, in the order met.
    pub fn messages(&self) -> &[String] {
        &self.messages
    }

    /// `Ok` when no rule is broken, so a handler can end with `?`.
    pub fn into_result(self) -> Result<(), Violations> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }

    fn push(&mut self, at: &At<'_>, what: fmt::Arguments<'_>) {
        self.messages.push(format!("{at}: {what}"));
    }
}

/// Every message, separated by `; `: the error body's `detail`.
impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages.join("; "))
    }
}

impl std::error::Error for Violations {}

/// Whether `value` lies outside `min..=max`; written so that `NaN` is outside any bound.
fn outside<T: PartialOrd>(value: T, min: Option<T>, max: Option<T>) -> bool {
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    let below = min.is_some_and(|min| !(value >= min));
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    let above = max.is_some_and(|max| !(value <= max));
    below || above
}

/// `1 to 200`, `at least 1`, `at most 200`, `exactly 3`.
fn range<T: PartialEq + fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    match (min, max) {
        (Some(min), Some(max)) if min == max => format!("exactly {min}"),
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => "any".to_owned(),
    }
}

/// `character` or `characters`, as the range's last number reads.
fn unit(min: Option<u64>, max: Option<u64>, one: &str) -> String {
    if max.or(min) == Some(1) {
        one.to_owned()
    } else {
        format!("{one}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_a_client_writes_them() {
        let body = At::Body;
        let owner = body.field("owner");
        let tags = owner.field("tags");
        assert_eq!(owner.field("email").to_string(), "owner.email");
        assert_eq!(tags.index(2).to_string(), "owner.tags[2]");
        assert_eq!(
            At::Query.field("limit").to_string(),
            "query parameter limit"
        );
        assert_eq!(At::Path.field("id").to_string(), "path parameter id");
        assert_eq!(body.to_string(), "the body");
        assert_eq!(body.index(0).to_string(), "the body[0]");
    }

    #[test]
    fn every_broken_rule_is_listed_in_order() {
        let body = At::Body;
        let mut v = Violations::new();
        v.length(&body.field("title"), "", Some(1), Some(200));
        v.format(&body.field("email"), "nope", Format::Email);
        v.format(&body.field("ok"), "ada@example.com", Format::Email);
        v.integer(&At::Query.field("limit"), 500, Some(1), Some(100));
        v.items(&body.field("tags"), 11, None, Some(10));
        v.items(&body.field("one"), 2, None, Some(1));
        assert_eq!(
            v.messages(),
            [
                "title: expected 1 to 200 characters, got 0",
                "email: expected an email address such as ada@example.com",
                "query parameter limit: expected 1 to 100, got 500",
                "tags: expected at most 10 items, got 11",
                "one: expected at most 1 item, got 2",
            ]
        );
        assert_eq!(
            v.to_string().split("; ").count(),
            5,
            "the detail joins them: {v}"
        );
        assert!(v.into_result().is_err());
        assert_eq!(Violations::new().into_result(), Ok(()));
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        let at = At::Body.field("name");
        let mut v = Violations::new();
        // Four characters, twelve bytes.
        v.length(&at, "日本語か", Some(4), Some(4));
        assert!(v.is_empty(), "{v}");
        v.length(&at, "日本語か", Some(5), None);
        v.length(&at, "abcdef", None, Some(5));
        assert_eq!(
            v.messages(),
            [
                "name: expected at least 5 characters, got 4",
                "name: expected at most 5 characters, got 6",
            ]
        );
    }

    #[test]
    fn bounds_are_inclusive_and_nan_is_never_inside() {
        let at = At::Body.field("x");
        let mut v = Violations::new();
        for ok in [0, 150] {
            v.integer(&at, ok, Some(0), Some(150));
        }
        v.number(&at, 0.5, Some(0.5), Some(0.5));
        v.items(&at, 0, None, Some(0));
        assert!(v.is_empty(), "{v}");
        v.integer(&at, -1, Some(0), None);
        v.integer(&at, 151, None, Some(150));
        v.number(&at, f64::NAN, Some(0.0), None);
        v.number(&at, 1.25, Some(1.5), Some(1.5));
        assert_eq!(
            v.messages(),
            [
                "x: expected at least 0, got -1",
                "x: expected at most 150, got 151",
                "x: expected at least 0, got NaN",
                "x: expected exactly 1.5, got 1.25",
            ]
        );
    }

    #[test]
    fn patterns_match_anywhere_unless_anchored() {
        let at = At::Body.field("slug");
        let loose = Pattern::new("[0-9]");
        let whole = Pattern::owned("^[a-z-]+$".to_owned());
        let mut v = Violations::new();
        v.pattern(&at, "abc1", &loose);
        v.pattern(&at, "new-post", &whole);
        assert!(v.is_empty(), "{v}");
        v.pattern(&at, "New post", &whole);
        assert_eq!(v.messages(), ["slug: expected text matching /^[a-z-]+$/"]);
        assert!(Pattern::compiles("^[a-z]+$").is_ok());
        assert!(Pattern::compiles("(").is_err());
        // One that does not compile matches nothing rather than everything.
        let mut v = Violations::new();
        v.pattern(&at, "x", &Pattern::new("("));
        assert_eq!(v.messages().len(), 1);
    }
}
