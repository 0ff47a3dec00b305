//! `mock --rules FILE`: the rules file, TOML (read with `toml_edit`) or JSON (read with
//! `jsonc-parser`), both for their places, so that every problem is reported at its line and
//! column, as an issue's are (docs/mock.md has the format):
//!
//! ```toml
//! [[rule]]
//! endpoint = "POST /api/users"
//! when = { "body.email" = "taken@example.com" }
//! status = 409
//! ```
//!
//! The same in JSON: `{ "rule": [ { "endpoint": "POST /api/users", "when": { ... }, "status": 409 } ] }`.
//! Either is first turned into one tree of values with their places, which one reader checks.

use std::path::Path;
use std::sync::Arc;

use contract_core::mock::{ConditionSpec, RuleSpec};
use contract_core::source::{Span, Spanned};
use contract_core::{Diagnostic, Diagnostics, LoadError, Source};
use serde_json::Value;

use crate::Failure;

/// The rules file read, and its rules with their places.
pub struct RulesFile {
    pub source: Arc<Source>,
    pub specs: Vec<RuleSpec>,
}

/// A value of the file, TOML's or JSON's, with its place.
struct Node {
    span: Span,
    kind: Kind,
}

enum Kind {
    Scalar(Value),
    Table(Vec<Entry>),
    List(Vec<Node>),
    /// A value no rule takes (a TOML date, a JSON null).
    Other,
}

struct Entry {
    key: Spanned<String>,
    value: Node,
}

/// Reads and parses `path`, as JSON when its name ends in `.json`, else as TOML; every problem
/// of form at its place.
pub fn read(path: &Path) -> Result<RulesFile, Failure> {
    let source = Source::read(path).map_err(|error| Failure::Read {
        path: path.to_path_buf(),
        error,
    })?;
    let invalid = |diagnostics: Diagnostics| Failure::Load(LoadError::Invalid(diagnostics));
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let root = match json {
        true => json::parse(source.text()),
        false => toml::parse(source.text()),
    }
    .map_err(|(span, message)| {
        let kind = if json { "JSON" } else { "TOML" };
        invalid(
            Diagnostic::error(
                &source,
                span,
                format!("the rules file is not {kind}: {message}"),
            )
            .into(),
        )
    })?;
    let mut diagnostics = Diagnostics::default();
    let specs = specs(&source, &root, &mut diagnostics);
    diagnostics
        .into_result(RulesFile { source, specs })
        .map_err(invalid)
}

fn specs(source: &Arc<Source>, root: &Node, diagnostics: &mut Diagnostics) -> Vec<RuleSpec> {
    let mut out = Vec::new();
    let Kind::Table(entries) = &root.kind else {
        diagnostics.push(
            Diagnostic::error(source, root.span, "a rules file is a table of `rule`s")
                .help("write each rule under its own `[[rule]]` line, or as `{ \"rule\": [...] }` in JSON"),
        );
        return out;
    };
    let mut rules = None;
    for entry in entries {
        if entry.key.value == "rule" {
            rules = Some(&entry.value);
        } else {
            diagnostics.push(
                Diagnostic::error(
                    source,
                    entry.key.span,
                    format!("unknown key `{}`", entry.key.value),
                )
                .help("a rules file is a list of `[[rule]]` tables"),
            );
        }
    }
    let rules = match rules {
        None => return out,
        Some(Node {
            kind: Kind::List(rules),
            ..
        }) => rules,
        Some(other) => {
            diagnostics.push(
                Diagnostic::error(source, other.span, "`rule` is not a list of tables")
                    .help("write each rule under its own `[[rule]]` line"),
            );
            return out;
        }
    };
    for rule in rules {
        if let Some(spec) = spec(source, rule, diagnostics) {
            out.push(spec);
        }
    }
    out
}

/// One rule; `None` when a required part is missing (reported).
fn spec(source: &Arc<Source>, rule: &Node, diagnostics: &mut Diagnostics) -> Option<RuleSpec> {
    let at = rule.span;
    let Kind::Table(entries) = &rule.kind else {
        diagnostics.push(
            Diagnostic::error(source, at, "a rule is a table")
                .help("a rule has `endpoint`, `status` and, optionally, `when`"),
        );
        return None;
    };
    let missing = |what: &str, diagnostics: &mut Diagnostics| {
        diagnostics.push(
            Diagnostic::error(source, at, format!("this rule has no `{what}`"))
                .help("a rule has `endpoint`, `status` and, optionally, `when`"),
        );
    };
    let mut endpoint = None;
    let mut status = None;
    let mut when = Vec::new();
    for Entry { key, value } in entries {
        let span = value.span;
        match (key.value.as_str(), &value.kind) {
            ("endpoint", Kind::Scalar(Value::String(text))) => {
                endpoint = Some(Spanned::new(text.clone(), span));
            }
            ("status", Kind::Scalar(Value::Number(n))) if n.is_i64() => {
                status = n.as_i64().map(|n| Spanned::new(n, span));
            }
            ("when", Kind::Table(conditions)) => {
                for Entry { key, value } in conditions {
                    match values(value) {
                        Some(values) => when.push(ConditionSpec {
                            key: key.clone(),
                            values,
                        }),
                        None => diagnostics.push(
                            Diagnostic::error(
                                source,
                                value.span,
                                format!(
                                    "`{}`: expected a string, number or boolean, or a list of them",
                                    key.value
                                ),
                            )
                            .label("not a value to compare"),
                        ),
                    }
                }
            }
            (name @ ("endpoint" | "status" | "when"), _) => {
                let what = match name {
                    "endpoint" => "a string such as \"POST /api/users\"",
                    "status" => "an HTTP status, such as 409",
                    _ => "a table, such as { \"body.email\" = \"taken@example.com\" }",
                };
                diagnostics.push(
                    Diagnostic::error(source, span, format!("`{name}` should be {what}"))
                        .label("of the wrong kind"),
                );
                return None;
            }
            (other, _) => {
                diagnostics.push(
                    Diagnostic::error(source, key.span, format!("unknown key `{other}` in a rule"))
                        .help("a rule has `endpoint`, `status` and `when`"),
                );
            }
        }
    }
    let Some(endpoint) = endpoint else {
        missing("endpoint", diagnostics);
        return None;
    };
    let Some(status) = status else {
        missing("status", diagnostics);
        return None;
    };
    Some(RuleSpec {
        at,
        endpoint,
        status,
        when,
    })
}

/// A condition's values: one scalar, or a list of them (one of).
fn values(node: &Node) -> Option<Vec<Value>> {
    let scalar = |node: &Node| match &node.kind {
        Kind::Scalar(value) => Some(value.clone()),
        _ => None,
    };
    match &node.kind {
        Kind::List(list) => list.iter().map(scalar).collect(),
        _ => scalar(node).map(|v| vec![v]),
    }
}

/// TOML into the tree.
mod toml {
    use toml_edit::{Document, Item, Table};

    use super::{Entry, Kind, Node, Span, Spanned, Value};

    pub(super) fn parse(text: &str) -> Result<Node, (Span, String)> {
        let document = Document::parse(text)
            .map_err(|error| (span_of(error.span()), error.message().to_string()))?;
        Ok(table(document.as_table()))
    }

    fn table(table: &Table) -> Node {
        let entries = table
            .iter()
            .map(|(key, item)| Entry {
                key: Spanned::new(
                    key.to_string(),
                    span_of(table.key(key).and_then(toml_edit::Key::span)),
                ),
                value: item_node(item),
            })
            .collect();
        Node {
            span: span_of(table.span()),
            kind: Kind::Table(entries),
        }
    }

    fn item_node(item: &Item) -> Node {
        match item {
            Item::Table(t) => table(t),
            Item::ArrayOfTables(tables) => Node {
                span: span_of(tables.span()),
                kind: Kind::List(tables.iter().map(table).collect()),
            },
            Item::Value(value) => value_node(value),
            Item::None => Node {
                span: Span::new(0, 0),
                kind: Kind::Other,
            },
        }
    }

    fn value_node(value: &toml_edit::Value) -> Node {
        use toml_edit::Value as V;
        let kind = match value {
            V::String(s) => Kind::Scalar(Value::String(s.value().clone())),
            V::Integer(n) => Kind::Scalar(Value::from(*n.value())),
            V::Float(n) => serde_json::Number::from_f64(*n.value())
                .map_or(Kind::Other, |n| Kind::Scalar(Value::Number(n))),
            V::Boolean(b) => Kind::Scalar(Value::Bool(*b.value())),
            V::Array(list) => Kind::List(list.iter().map(value_node).collect()),
            V::InlineTable(t) => Kind::Table(
                t.iter()
                    .map(|(key, value)| Entry {
                        key: Spanned::new(
                            key.to_string(),
                            t.key(key)
                                .and_then(toml_edit::Key::span)
                                .map_or(span_of(value.span()), |r| Span::new(r.start, r.end)),
                        ),
                        value: value_node(value),
                    })
                    .collect(),
            ),
            V::Datetime(_) => Kind::Other,
        };
        Node {
            span: span_of(value.span()),
            kind,
        }
    }

    fn span_of(range: Option<std::ops::Range<usize>>) -> Span {
        range.map_or(Span::new(0, 0), |r| Span::new(r.start, r.end))
    }
}

/// JSON into the tree. `jsonc-parser` is strict here: no comments, trailing commas or bare
/// words, so a file another tool reads as JSON reads the same here.
mod json {
    use jsonc_parser::ast::{ObjectPropName, Value as Ast};
    use jsonc_parser::common::Ranged;
    use jsonc_parser::{CollectOptions, ParseOptions};

    use super::{Entry, Kind, Node, Span, Spanned, Value};

    pub(super) fn parse(text: &str) -> Result<Node, (Span, String)> {
        let options = ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
        };
        let parsed = jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options)
            .map_err(|error| (span_of(error.range()), error.kind().to_string()))?;
        match parsed.value {
            Some(value) => Ok(node(&value)),
            None => Err((Span::new(0, 0), "the file is empty".to_string())),
        }
    }

    fn node(value: &Ast<'_>) -> Node {
        let kind = match value {
            Ast::StringLit(s) => Kind::Scalar(Value::String(s.value.to_string())),
            Ast::NumberLit(n) => {
                serde_json::from_str::<Value>(n.value).map_or(Kind::Other, Kind::Scalar)
            }
            Ast::BooleanLit(b) => Kind::Scalar(Value::Bool(b.value)),
            Ast::Array(list) => Kind::List(list.elements.iter().map(node).collect()),
            Ast::Object(object) => Kind::Table(
                object
                    .properties
                    .iter()
                    .map(|prop| {
                        let (name, range) = match &prop.name {
                            ObjectPropName::String(s) => (s.value.to_string(), s.range),
                            ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                        };
                        Entry {
                            key: Spanned::new(name, span_of(range)),
                            value: node(&prop.value),
                        }
                    })
                    .collect(),
            ),
            Ast::NullKeyword(_) => Kind::Other,
        };
        Node {
            span: span_of(value.range()),
            kind,
        }
    }

    fn span_of(range: jsonc_parser::common::Range) -> Span {
        Span::new(range.start, range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs_of(name: &str, text: &str) -> Vec<RuleSpec> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        match read(&path) {
            Ok(file) => file.specs,
            Err(_) => panic!("{name} is refused"),
        }
    }

    /// A rule's condition: its key and values.
    type Condition = (String, Vec<Value>);

    /// What a rule says, without its places.
    fn said(specs: &[RuleSpec]) -> Vec<(String, i64, Vec<Condition>)> {
        specs
            .iter()
            .map(|s| {
                let when = s
                    .when
                    .iter()
                    .map(|c| (c.key.value.clone(), c.values.clone()));
                (s.endpoint.value.clone(), s.status.value, when.collect())
            })
            .collect()
    }

    #[test]
    fn toml_and_json_say_the_same_rules() {
        let toml = specs_of(
            "rules.toml",
            "[[rule]]\nendpoint = \"POST /api/users\"\nwhen = { \"body.email\" = \"taken@example.com\" }\nstatus = 409\n\n[[rule]]\nendpoint = \"GET /api/users/{id}\"\nwhen = { \"path.id\" = [\"7\", 8], \"query.full\" = true }\nstatus = 404\n",
        );
        let json = specs_of(
            "rules.json",
            r#"{ "rule": [
  { "endpoint": "POST /api/users", "when": { "body.email": "taken@example.com" }, "status": 409 },
  { "endpoint": "GET /api/users/{id}", "when": { "path.id": ["7", 8], "query.full": true }, "status": 404 }
] }"#,
        );
        assert_eq!(said(&toml), said(&json));
        assert_eq!(
            said(&json)[1].2[0].1,
            vec![Value::from("7"), Value::from(8)]
        );
    }
}
