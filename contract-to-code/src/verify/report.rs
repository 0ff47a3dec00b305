//! `verify`'s reports: for a person (grouped by endpoint, each failure with the request, what the
//! contract expects, what came back and the issue line of the rule), as JSON for tools, and as
//! JUnit XML for CI (one test case per request; what is not exercised is skipped with why).

use std::fmt::Write;

use contract_core::verify::{Case, EndpointPlan, Expect, Fault, Plan, Request, Rule, Verdict};
use serde_json::{Value, json};

use super::Outcome;
use crate::messages::{Level, Message};

/// How much of an answer's body a report shows.
const SHOWN: usize = 200;

pub(super) struct Report<'a> {
    pub url: &'a str,
    pub plan: &'a Plan,
    pub outcomes: &'a [Vec<Outcome>],
}

impl Report<'_> {
    /// Every case with its endpoint and outcome, in the plan's order.
    fn cases(&self) -> impl Iterator<Item = (&EndpointPlan, &Case, &Outcome)> {
        self.plan
            .endpoints
            .iter()
            .zip(self.outcomes)
            .flat_map(|(endpoint, outcomes)| {
                endpoint
                    .cases
                    .iter()
                    .zip(outcomes)
                    .map(move |(case, outcome)| (endpoint, case, outcome))
            })
    }

    /// How many cases have a verdict that `is`.
    fn count(&self, is: fn(&Verdict) -> bool) -> usize {
        self.cases()
            .filter(|(_, _, outcome)| is(&outcome.verdict))
            .count()
    }

    /// How many cases failed.
    pub fn failed(&self) -> usize {
        self.count(|v| matches!(v, Verdict::Fail(_)))
    }

    fn passed(&self) -> usize {
        self.count(|v| matches!(v, Verdict::Pass(_)))
    }

    fn not_exercised(&self) -> usize {
        self.count(|v| matches!(v, Verdict::NotExercised(_)))
    }

    fn summary(&self) -> String {
        format!(
            "{} passed, {} failed, {} not exercised",
            self.passed(),
            self.failed(),
            self.not_exercised()
        )
    }

    /// The report for a person.
    pub fn human(&self) -> String {
        let mut out = format!("verify {}\n", self.url);
        for (endpoint, outcomes) in self.plan.endpoints.iter().zip(self.outcomes) {
            let _ = writeln!(out, "\n{}", heading(endpoint));
            for (case, outcome) in endpoint.cases.iter().zip(outcomes) {
                out.push_str(&human_case(endpoint, case, outcome));
            }
        }
        let _ = writeln!(out, "\n{}", self.summary());
        out
    }

    /// The report as one JSON document.
    pub fn json(&self) -> String {
        let endpoints: Vec<Value> = self
            .plan
            .endpoints
            .iter()
            .zip(self.outcomes)
            .map(|(endpoint, outcomes)| {
                let cases: Vec<Value> = endpoint
                    .cases
                    .iter()
                    .zip(outcomes)
                    .map(|(case, outcome)| json_case(endpoint, case, outcome))
                    .collect();
                json!({
                    "endpoint": endpoint.signature,
                    "file": endpoint.file.display().to_string(),
                    "line": endpoint.at.line,
                    "column": endpoint.at.column,
                    "cases": cases,
                })
            })
            .collect();
        let report = json!({
            "url": self.url,
            "passed": self.passed(),
            "failed": self.failed(),
            "not_exercised": self.not_exercised(),
            "endpoints": endpoints,
        });
        serde_json::to_string_pretty(&report).expect("the report serialises")
    }

    /// Each failed case as a message at the line of the rule it breaks.
    pub fn messages(&self) -> Vec<Message> {
        self.cases()
            .filter_map(|(endpoint, case, outcome)| {
                let Verdict::Fail(Fault { why, .. }) = &outcome.verdict else {
                    return None;
                };
                let rule = rule_of(case, outcome);
                let mut message = Message::new(
                    Level::Error,
                    "failed-case",
                    format!("{}: {why}", endpoint.signature),
                )
                .at(&endpoint.file, rule.at.line, rule.at.column)
                .code(&case.name);
                message.notes = failure_text(endpoint, case, outcome)
                    .lines()
                    .map(str::to_string)
                    .collect();
                Some(message)
            })
            .collect()
    }

    /// The report as JUnit XML: a test suite per endpoint, a test case per request.
    pub fn junit(&self) -> String {
        let mut suites = String::new();
        for (endpoint, outcomes) in self.plan.endpoints.iter().zip(self.outcomes) {
            let mut cases = String::new();
            let (mut failures, mut skipped) = (0, 0);
            for (case, outcome) in endpoint.cases.iter().zip(outcomes) {
                let _ = write!(
                    cases,
                    "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
                    escape(&case.name),
                    escape(&endpoint.signature),
                    escape(&endpoint.file.display().to_string()),
                    rule_of(case, outcome).at.line
                );
                match &outcome.verdict {
                    Verdict::Fail(Fault { why, .. }) => {
                        failures += 1;
                        let _ = write!(
                            cases,
                            ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                            escape(why),
                            escape(&failure_text(endpoint, case, outcome))
                        );
                    }
                    Verdict::NotExercised(why) => {
                        skipped += 1;
                        let _ = write!(
                            cases,
                            ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                            escape(why)
                        );
                    }
                    Verdict::Pass(_) => cases.push_str("/>\n"),
                }
            }
            let _ = write!(
                suites,
                "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" skipped=\"{skipped}\" file=\"{}\">\n{cases}  </testsuite>\n",
                escape(&endpoint.signature),
                endpoint.cases.len(),
                escape(&endpoint.file.display().to_string()),
            );
        }
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"contract-to-code verify {}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n{suites}</testsuites>\n",
            escape(self.url),
            self.cases().count(),
            self.failed(),
            self.not_exercised(),
        )
    }
}

/// The requests of a plan, without sending any.
pub(super) fn dry_run(plan: &Plan, url: &str) -> String {
    let mut out = String::new();
    for endpoint in &plan.endpoints {
        let _ = writeln!(out, "{}", heading(endpoint));
        for case in &endpoint.cases {
            match &case.kind {
                contract_core::verify::Kind::NotExercised(why) => {
                    let _ = writeln!(out, "  skip  {}: {why}", case.name);
                }
                _ => {
                    let _ = writeln!(
                        out,
                        "  {:<5} {url}{}  {}\n        expect {}",
                        case.request.method,
                        request_path(&case.request),
                        case.name,
                        expected(&case.expect)
                    );
                }
            }
        }
    }
    out
}

/// `POST /api/todos  (issues/create-todo.md:19)`.
fn heading(endpoint: &EndpointPlan) -> String {
    format!(
        "{}  ({}:{})",
        endpoint.signature,
        endpoint.file.display(),
        endpoint.at.line
    )
}

fn human_case(endpoint: &EndpointPlan, case: &Case, outcome: &Outcome) -> String {
    match &outcome.verdict {
        Verdict::Pass(None) => format!("  ok    {}\n", case.name),
        Verdict::Pass(Some(note)) => format!("  ok    {} ({note})\n", case.name),
        Verdict::NotExercised(why) => format!(
            "  skip  {}: {why} ({}:{}:{})\n",
            case.name,
            endpoint.file.display(),
            case.rule.at.line,
            case.rule.at.column
        ),
        Verdict::Fail(Fault { why, .. }) => {
            let mut out = format!("  FAIL  {}: {why}\n", case.name);
            for line in failure_text(endpoint, case, outcome).lines() {
                let _ = writeln!(out, "        {line}");
            }
            out
        }
    }
}

/// The request, the expectation with its rule's place, and the answer, one per line.
fn failure_text(endpoint: &EndpointPlan, case: &Case, outcome: &Outcome) -> String {
    let path = &outcome.path;
    let change = if case.change.is_empty() {
        String::new()
    } else {
        format!(", {}", case.change)
    };
    let got = match &outcome.answer {
        Some(answer) => format!("{} {}", answer.status, shown(&answer.body)),
        None => "no answer".to_string(),
    };
    let rule = rule_of(case, outcome);
    format!(
        "sent:     {} {path}{change}\nexpected: {}, by {} at {}:{}:{}\ngot:      {got}",
        case.request.method,
        expected(&case.expect),
        rule.what,
        endpoint.file.display(),
        rule.at.line,
        rule.at.column
    )
}

/// The rule an outcome breaks: the one its answer points at, else its case's.
fn rule_of<'a>(case: &'a Case, outcome: &'a Outcome) -> &'a Rule {
    match &outcome.verdict {
        Verdict::Fail(Fault {
            rule: Some(rule), ..
        }) => rule,
        _ => &case.rule,
    }
}

fn json_case(endpoint: &EndpointPlan, case: &Case, outcome: &Outcome) -> Value {
    let (result, reason) = match &outcome.verdict {
        Verdict::Pass(note) => ("passed", note.clone()),
        Verdict::Fail(Fault { why, .. }) => ("failed", Some(why.clone())),
        Verdict::NotExercised(why) => ("not_exercised", Some(why.clone())),
    };
    let answer = outcome
        .answer
        .as_ref()
        .map(|a| json!({ "status": a.status, "body": shown(&a.body) }));
    let rule = rule_of(case, outcome);
    json!({
        "name": case.name,
        "result": result,
        "reason": reason,
        "request": {
            "method": case.request.method,
            "path": outcome.path,
            "change": case.change,
        },
        "expected": expected(&case.expect),
        "answer": answer,
        "rule": {
            "what": rule.what,
            "file": endpoint.file.display().to_string(),
            "line": rule.at.line,
            "column": rule.at.column,
        },
    })
}

/// What the contract expects, in words: `400 "Bad request" naming `title``.
fn expected(expect: &Expect) -> String {
    match expect {
        Expect::Refused {
            status,
            message,
            place: None,
        } => format!("{status} \"{message}\""),
        Expect::Refused {
            status,
            message,
            place: Some(place),
        } => format!("{status} \"{message}\" naming `{place}`"),
        Expect::AcceptedAt { status, place } => format!("no {status} naming `{place}`"),
        Expect::Success { status, body: None } => format!("{status}"),
        Expect::Success {
            status,
            body: Some(_),
        } => format!("{status} with a body of the contract's type"),
    }
}

/// The path a request goes to before any identifier is known.
pub(super) fn request_path(request: &Request) -> String {
    let (path, _) = request.path_with(&Default::default());
    let query = request.query_string();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// The first bytes of a body, on one line.
fn shown(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(SHOWN)]);
    let mut line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if body.len() > SHOWN {
        line.push_str("...");
    }
    line
}

/// Text for an XML attribute or element.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 takes no other control characters, escaped or not.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}
