//! YAML text -> [`Value`]s, for the front matter of an issue (the read stage's helper).
//!
//! Built on `granit-parser`'s events rather than a serde deserializer: the proc macro reads the
//! front matter too, and serde plus a YAML deserializer would be compiled for the host in every cold
//! build of a user's crate, for a handful of keys. Plain scalars are resolved as YAML 1.2's core
//! schema has them (`~`, `true`, `0x1F`, `1.5e3`, ...); quoted and block scalars, and `!!str`, stay
//! strings. Aliases are expanded, within a budget, so a small file cannot grow into a huge value.
//!
//! Why a typed [`Value`] here rather than only in the command line, which has a YAML library: the
//! read stage itself needs it (`labels` may be a list or a comma-separated string, with `~` items
//! dropped and `1` read as the label `"1"`), and both the macro and the command line run the read
//! stage. What the types add beyond that, the core schema's numbers and booleans, is some forty
//! lines; [`Contract::extra`](crate::model::Contract::extra) keeps the keys the template does not
//! name as these values, so `inspect --json` shows them as the issue wrote them, whichever tool
//! loaded the issue.

use std::collections::BTreeMap;
use std::collections::HashMap;

use granit_parser::{Event, Marker, Parser, ScalarStyle, Tag};

/// A YAML value, as the front matter's keys hold them.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer that fits in 64 bits (`42`, `-7`, `0x1F`, `0o17`).
    Int(i64),
    /// Any other number (`1.5`, `1e3`, `.inf`, or an integer too large for `Int`).
    Float(f64),
    /// Any other scalar.
    String(String),
    /// A sequence.
    List(Vec<Value>),
    /// A mapping; keys are scalars, taken as written.
    Map(BTreeMap<String, Value>),
}

impl Value {
    /// A scalar as text (`42`, `true`); `None` for null, lists and maps.
    pub fn scalar_text(&self) -> Option<String> {
        match self {
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(n) => Some(n.to_string()),
            Value::Float(x) => Some(x.to_string()),
            Value::String(s) => Some(s.clone()),
            Value::Null | Value::List(_) | Value::Map(_) => None,
        }
    }
}

/// A top-level entry of a mapping document.
#[derive(Debug)]
pub struct Entry {
    /// The key as written.
    pub key: String,
    /// The value.
    pub value: Value,
    /// Where the value starts (where the key is, for an empty value).
    pub at: Marker,
}

/// Why the text could not be read as a mapping.
#[derive(Debug)]
pub struct Error {
    /// What is wrong, without a position.
    pub message: String,
    /// Where.
    pub at: Marker,
}

/// How many values aliases may add: far more than any front matter holds, far less than a
/// "billion laughs" document expands to.
const ALIAS_BUDGET: usize = 10_000;

/// Reads `text` as one YAML mapping (an empty text is an empty mapping), keeping its entries in
/// order with their places.
pub fn parse_mapping(text: &str) -> Result<Vec<Entry>, Error> {
    let mut reader = Reader {
        events: Parser::new_from_str(text),
        anchors: HashMap::new(),
        alias_budget: ALIAS_BUDGET,
        last: Marker::new(0, 1, 0),
    };
    let mut entries = Vec::new();
    let mut documents = 0;
    loop {
        let (event, at) = reader.next()?;
        match event {
            Event::StreamStart | Event::DocumentEnd => {}
            Event::StreamEnd => return Ok(entries),
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(Error {
                        message: "the front matter holds more than one YAML document".into(),
                        at,
                    });
                }
            }
            Event::MappingStart(..) => reader.mapping_entries(&mut entries)?,
            Event::Scalar(ref value, ScalarStyle::Plain, _, None) if is_null(value) => {}
            _ => {
                return Err(Error {
                    message: "expected `key: value` lines".into(),
                    at,
                });
            }
        }
    }
}

struct Reader<'a> {
    events: Parser<'a, granit_parser::StrInput<'a>>,
    /// Anchored values by anchor id, for aliases.
    anchors: HashMap<usize, Value>,
    alias_budget: usize,
    /// Where the last event was: a stream that ends early is reported there.
    last: Marker,
}

impl<'a> Reader<'a> {
    /// The next event that carries content (comments are skipped).
    fn next(&mut self) -> Result<(Event<'a>, Marker), Error> {
        loop {
            match self.events.next() {
                None => {
                    return Err(Error {
                        message: "the YAML ends early".into(),
                        at: self.last,
                    });
                }
                Some(Err(error)) => {
                    return Err(Error {
                        message: error.info().to_string(),
                        at: *error.marker(),
                    });
                }
                Some(Ok((Event::Comment(..) | Event::Anchor(..), _))) => {}
                Some(Ok((event, span))) => {
                    self.last = span.start;
                    return Ok((event, span.start));
                }
            }
        }
    }

    /// The entries of the top-level mapping, after its `MappingStart`.
    fn mapping_entries(&mut self, entries: &mut Vec<Entry>) -> Result<(), Error> {
        loop {
            let (event, key_at) = self.next()?;
            let key = match event {
                Event::MappingEnd => return Ok(()),
                event => self.key(event, key_at)?,
            };
            if entries.iter().any(|entry| entry.key == key) {
                return Err(duplicate(&key, key_at));
            }
            let (event, at) = self.next()?;
            let value = self.value(event, at)?;
            entries.push(Entry { key, value, at });
        }
    }

    /// A mapping key: a scalar, taken as written.
    fn key(&mut self, event: Event<'a>, at: Marker) -> Result<String, Error> {
        match event {
            Event::Scalar(text, ..) => Ok(text.into_owned()),
            Event::Alias(id) => match self.anchors.get(&id).and_then(Value::scalar_text) {
                Some(text) => Ok(text),
                None => Err(complex_key(at)),
            },
            _ => Err(complex_key(at)),
        }
    }

    /// The value that starts with `event`. Recursive, but the parser's nesting limits (a few
    /// hundred levels) bound the depth.
    fn value(&mut self, event: Event<'a>, at: Marker) -> Result<Value, Error> {
        let (value, anchor) = match event {
            Event::Scalar(text, style, anchor, tag) => {
                (resolve(&text, style, tag.as_deref()), anchor)
            }
            Event::SequenceStart(_, anchor, _) => {
                let mut items = Vec::new();
                loop {
                    match self.next()? {
                        (Event::SequenceEnd, _) => break,
                        (event, at) => items.push(self.value(event, at)?),
                    }
                }
                (Value::List(items), anchor)
            }
            Event::MappingStart(_, anchor, _) => {
                let mut map = BTreeMap::new();
                loop {
                    let key = match self.next()? {
                        (Event::MappingEnd, _) => break,
                        (event, key_at) => (self.key(event, key_at)?, key_at),
                    };
                    let (event, at) = self.next()?;
                    let value = self.value(event, at)?;
                    if map.insert(key.0.clone(), value).is_some() {
                        return Err(duplicate(&key.0, key.1));
                    }
                }
                (Value::Map(map), anchor)
            }
            Event::Alias(id) => {
                let value = self.anchors.get(&id).cloned().unwrap_or(Value::Null);
                match self.alias_budget.checked_sub(size(&value)) {
                    Some(left) => self.alias_budget = left,
                    None => {
                        return Err(Error {
                            message: format!(
                                "aliases expand the front matter past {ALIAS_BUDGET} values"
                            ),
                            at,
                        });
                    }
                }
                return Ok(value);
            }
            _ => {
                return Err(Error {
                    message: "expected a value".into(),
                    at,
                });
            }
        };
        if anchor != 0 {
            self.anchors.insert(anchor, value.clone());
        }
        Ok(value)
    }
}

fn duplicate(key: &str, at: Marker) -> Error {
    Error {
        message: format!("the key `{key}` appears twice"),
        at,
    }
}

fn complex_key(at: Marker) -> Error {
    Error {
        message: "a key must be a plain value, not a list or a mapping".into(),
        at,
    }
}

/// How many values `value` holds, itself included.
fn size(value: &Value) -> usize {
    match value {
        Value::List(items) => 1 + items.iter().map(size).sum::<usize>(),
        Value::Map(map) => 1 + map.values().map(size).sum::<usize>(),
        _ => 1,
    }
}

/// A scalar's value: quoted, block and `!!str` scalars are strings; plain ones are resolved by
/// the core schema, or by their `!!null`/`!!bool`/`!!int`/`!!float` tag.
fn resolve(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    let core_tag = tag
        .filter(|tag| tag.handle() == "tag:yaml.org,2002:")
        .map(Tag::suffix);
    if core_tag == Some("str") || (style != ScalarStyle::Plain && core_tag.is_none()) {
        return Value::String(text.to_owned());
    }
    if is_null(text) {
        return Value::Null;
    }
    match text {
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    if let Some(n) = integer(text) {
        return Value::Int(n);
    }
    if let Some(x) = float(text) {
        return Value::Float(x);
    }
    Value::String(text.to_owned())
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`, when it fits in an `i64`.
fn integer(text: &str) -> Option<i64> {
    let (digits, radix) = if let Some(octal) = text.strip_prefix("0o") {
        (octal, 8)
    } else if let Some(hex) = text.strip_prefix("0x") {
        (hex, 16)
    } else {
        (text.strip_prefix(['-', '+']).unwrap_or(text), 10)
    };
    // Checked here: `from_str_radix` would also take a sign after `0x`.
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    match radix {
        10 => text.parse().ok(),
        _ => i64::from_str_radix(digits, radix).ok(),
    }
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` and `.nan` in their three
/// spellings. Rust's own parser takes more (`inf`, `1.`e...), so the shape is checked first.
fn float(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let negative = text.starts_with('-');
    match unsigned {
        ".inf" | ".Inf" | ".INF" => {
            return Some(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
        }
        ".nan" | ".NaN" | ".NAN" if unsigned.len() == text.len() => return Some(f64::NAN),
        _ => {}
    }
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = all_digits(whole)
        && all_digits(fraction)
        && (!whole.is_empty() || (mantissa.starts_with('.') && !fraction.is_empty()));
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        !digits.is_empty() && all_digits(digits)
    });
    (mantissa_ok && exponent_ok)
        .then(|| text.parse().ok())
        .flatten()
}

#[cfg(feature = "cli")]
impl serde::Serialize for Value {
    /// As JSON has it; a number JSON cannot hold (`.inf`, `.nan`) is `null`, as in `serde_json`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Int(n) => serializer.serialize_i64(*n),
            Value::Float(x) if x.is_finite() => serializer.serialize_f64(*x),
            Value::Float(_) => serializer.serialize_unit(),
            Value::String(s) => serializer.serialize_str(s),
            Value::List(items) => serializer.collect_seq(items),
            Value::Map(map) => serializer.collect_map(map),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> BTreeMap<String, Value> {
        parse_mapping(text)
            .unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
            .into_iter()
            .map(|entry| (entry.key, entry.value))
            .collect()
    }

    fn value(yaml: &str) -> Value {
        values(&format!("v: {yaml}\n")).remove("v").unwrap()
    }

    fn error(text: &str) -> (String, usize, usize) {
        let error = parse_mapping(text).expect_err(text);
        (error.message, error.at.line(), error.at.col())
    }

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        let cases = [
            ("~", Value::Null),
            ("null", Value::Null),
            ("", Value::Null),
            ("true", Value::Bool(true)),
            ("FALSE", Value::Bool(false)),
            ("42", Value::Int(42)),
            ("-7", Value::Int(-7)),
            ("+7", Value::Int(7)),
            ("0x1F", Value::Int(31)),
            ("0o17", Value::Int(15)),
            ("1.5", Value::Float(1.5)),
            ("-.5", Value::Float(-0.5)),
            ("1e3", Value::Float(1000.0)),
            ("2.", Value::Float(2.0)),
            ("-.inf", Value::Float(f64::NEG_INFINITY)),
            ("99999999999999999999", Value::Float(1e20)),
        ];
        for (yaml, expected) in cases {
            assert_eq!(value(yaml), expected, "{yaml}");
        }
        assert!(matches!(value(".nan"), Value::Float(x) if x.is_nan()));
    }

    #[test]
    fn what_is_not_a_number_stays_text() {
        for yaml in [
            "yes", "inf", "nan", "1.2.3", "0x", "0xG", "1e", ".", "-1-", "1_000", "0b1", "1 2",
            "+-1", "0o8", "v1.0",
        ] {
            assert_eq!(value(yaml), Value::String(yaml.into()), "{yaml}");
        }
    }

    #[test]
    fn quoted_block_and_str_tagged_scalars_are_strings() {
        assert_eq!(value("'42'"), Value::String("42".into()));
        assert_eq!(value("\"true\""), Value::String("true".into()));
        assert_eq!(value("!!str 12"), Value::String("12".into()));
        assert_eq!(value("!!int '12'"), Value::Int(12));
        assert_eq!(value("|\n  a\n  b\n"), Value::String("a\nb\n".into()));
    }

    #[test]
    fn collections_and_aliases() {
        let v = values("a: &x [1, x, {k: ~}]\nb: *x\nc:\n  - d: e\n");
        let list = Value::List(vec![
            Value::Int(1),
            Value::String("x".into()),
            Value::Map(BTreeMap::from([("k".into(), Value::Null)])),
        ]);
        assert_eq!(v["a"], list);
        assert_eq!(v["b"], list);
        assert_eq!(
            v["c"],
            Value::List(vec![Value::Map(BTreeMap::from([(
                "d".into(),
                Value::String("e".into())
            )]))])
        );
    }

    #[test]
    fn entries_keep_their_order_and_places() {
        let entries = parse_mapping("# a comment\nb: 1\na:\n  x\n").unwrap();
        let keys: Vec<_> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["b", "a"]);
        assert_eq!((entries[0].at.line(), entries[0].at.col()), (2, 3));
        assert_eq!((entries[1].at.line(), entries[1].at.col()), (4, 2));
    }

    #[test]
    fn empty_text_is_an_empty_mapping() {
        for text in ["", "\n", "# only a comment\n", "~\n"] {
            assert!(parse_mapping(text).unwrap().is_empty(), "{text:?}");
        }
    }

    #[test]
    fn refusals_say_what_and_where() {
        assert_eq!(error("a: 'open\n"), ("unclosed quote".into(), 1, 3));
        assert_eq!(error("a: [x\n").0, "unclosed bracket '['");
        assert_eq!(
            error("a: 1\nb: 2\na: 3\n"),
            ("the key `a` appears twice".into(), 3, 0)
        );
        assert_eq!(error("m: {k: 1, k: 2}\n").0, "the key `k` appears twice");
        assert_eq!(
            error("just words\n"),
            ("expected `key: value` lines".into(), 1, 0)
        );
        assert_eq!(error("- a\n- b\n").0, "expected `key: value` lines");
        assert_eq!(
            error("[a]: 1\n").0,
            "a key must be a plain value, not a list or a mapping"
        );
        assert!(error("a: *nope\n").0.contains("unknown anchor"));
        let deep = format!("a: {}\n", "[".repeat(100_000));
        assert!(!error(&deep).0.is_empty());
    }

    #[test]
    fn aliases_cannot_blow_up() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        assert!(error(&text).0.contains("aliases expand"), "{text}");
    }
}
