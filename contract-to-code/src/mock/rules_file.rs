//! `mock --rules FILE`: the rules file, TOML read with `toml_edit` so that every problem is
//! reported at its line and column, as an issue's are (docs/mock.md has the format):
//!
//! ```toml
//! [[rule]]
//! endpoint = "POST /api/users"
//! when = { "body.email" = "taken@example.com" }
//! status = 409
//! ```

use std::path::Path;
use std::sync::Arc;

use contract_core::mock::{ConditionSpec, RuleSpec};
use contract_core::source::{Span, Spanned};
use contract_core::{Diagnostic, Diagnostics, LoadError, Source};
use serde_json::Value;
use toml_edit::{Document, Item, Table};

use crate::Failure;

/// The rules file read, and its rules with their places.
pub struct RulesFile {
    pub source: Arc<Source>,
    pub specs: Vec<RuleSpec>,
}

/// Reads and parses `path`; every problem of form at its place.
pub fn read(path: &Path) -> Result<RulesFile, Failure> {
    let source = Source::read(path).map_err(|error| Failure::Read {
        path: path.to_path_buf(),
        error,
    })?;
    let invalid = |diagnostics: Diagnostics| Failure::Load(LoadError::Invalid(diagnostics));
    let document = Document::parse(source.text()).map_err(|error| {
        let span = error
            .span()
            .map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
        let message = error.message().to_string();
        invalid(
            Diagnostic::error(
                &source,
                span,
                format!("the rules file is not TOML: {message}"),
            )
            .into(),
        )
    })?;
    let mut diagnostics = Diagnostics::default();
    let specs = specs(&source, document.as_table(), &mut diagnostics);
    diagnostics
        .into_result(RulesFile { source, specs })
        .map_err(invalid)
}

fn specs(source: &Arc<Source>, root: &Table, diagnostics: &mut Diagnostics) -> Vec<RuleSpec> {
    let mut out = Vec::new();
    for (key, _) in root.iter() {
        if key != "rule" {
            let span = span_of(root.key(key).and_then(toml_edit::Key::span));
            diagnostics.push(
                Diagnostic::error(source, span, format!("unknown key `{key}`"))
                    .help("a rules file is a list of `[[rule]]` tables"),
            );
        }
    }
    let rules = match root.get("rule") {
        None => return out,
        Some(Item::ArrayOfTables(rules)) => rules,
        Some(other) => {
            diagnostics.push(
                Diagnostic::error(
                    source,
                    span_of(other.span()),
                    "`rule` is not a list of tables",
                )
                .help("write each rule under its own `[[rule]]` line"),
            );
            return out;
        }
    };
    for table in rules.iter() {
        if let Some(spec) = spec(source, table, diagnostics) {
            out.push(spec);
        }
    }
    out
}

/// One `[[rule]]` table; `None` when a required part is missing (reported).
fn spec(source: &Arc<Source>, table: &Table, diagnostics: &mut Diagnostics) -> Option<RuleSpec> {
    let at = span_of(table.span());
    let missing = |what: &str, diagnostics: &mut Diagnostics| {
        diagnostics.push(
            Diagnostic::error(source, at, format!("this rule has no `{what}`"))
                .help("a rule has `endpoint`, `status` and, optionally, `when`"),
        );
    };
    let mut endpoint = None;
    let mut status = None;
    let mut when = Vec::new();
    for (key, item) in table.iter() {
        let span = span_of(item.span());
        match (key, item) {
            ("endpoint", item) if item.as_str().is_some() => {
                endpoint = item
                    .as_str()
                    .map(|text| Spanned::new(text.to_string(), span));
            }
            ("status", item) if item.as_integer().is_some() => {
                status = item.as_integer().map(|n| Spanned::new(n, span));
            }
            ("when", item) if item.is_table_like() => {
                let conditions = item.as_table_like().expect("checked");
                for (name, value) in conditions.iter() {
                    let key_span = conditions
                        .get_key_value(name)
                        .and_then(|(k, _)| k.span())
                        .map_or(span_of(value.span()), |r| Span::new(r.start, r.end));
                    match values(value) {
                        Some(values) => when.push(ConditionSpec {
                            key: Spanned::new(name.to_string(), key_span),
                            values,
                        }),
                        None => diagnostics.push(
                            Diagnostic::error(
                                source,
                                span_of(value.span()),
                                format!("`{name}`: expected a string, number or boolean, or a list of them"),
                            )
                            .label("not a value to compare"),
                        ),
                    }
                }
            }
            ("endpoint" | "status" | "when", _) => {
                let what = match key {
                    "endpoint" => "a string such as \"POST /api/users\"",
                    "status" => "an HTTP status, such as 409",
                    _ => "a table, such as { \"body.email\" = \"taken@example.com\" }",
                };
                diagnostics.push(
                    Diagnostic::error(source, span, format!("`{key}` should be {what}"))
                        .label("of the wrong kind"),
                );
                return None;
            }
            (other, _) => {
                let span = span_of(table.key(other).and_then(toml_edit::Key::span));
                diagnostics.push(
                    Diagnostic::error(source, span, format!("unknown key `{other}` in a rule"))
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
fn values(item: &Item) -> Option<Vec<Value>> {
    let value = item.as_value()?;
    match value.as_array() {
        Some(list) => list.iter().map(scalar).collect(),
        None => scalar(value).map(|v| vec![v]),
    }
}

fn scalar(value: &toml_edit::Value) -> Option<Value> {
    match value {
        toml_edit::Value::String(s) => Some(Value::String(s.value().clone())),
        toml_edit::Value::Integer(n) => Some(Value::from(*n.value())),
        toml_edit::Value::Float(n) => serde_json::Number::from_f64(*n.value()).map(Value::Number),
        toml_edit::Value::Boolean(b) => Some(Value::Bool(*b.value())),
        _ => None,
    }
}

fn span_of(range: Option<std::ops::Range<usize>>) -> Span {
    range.map_or(Span::new(0, 0), |r| Span::new(r.start, r.end))
}
