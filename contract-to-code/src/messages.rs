//! `--message-format`: what a command found (an invalid contract, a breaking change, drift, a
//! failing case), said for a person, for a tool, or for GitHub.
//!
//! With `human` (the default) each command prints its own text. With `json` or `github`, standard
//! output carries one line per message, in that form, and the text for people goes to standard
//! error after them, so a CI log still reads as it always did. A command's product (`inspect`'s
//! summary, `openapi`'s document) stays on standard output: it is printed only when nothing went
//! wrong. The JSON fields are documented in `docs/messages.md`.

use std::path::Path;

use contract_core::Diagnostic;
use serde::Serialize;

/// How messages are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    /// Text for people, as rustc writes it.
    #[default]
    Human,
    /// One JSON object per message per line.
    Json,
    /// GitHub workflow commands (`::error file=...,line=...::...`), which GitHub shows on the
    /// lines of the files in a pull request.
    Github,
}

/// How serious a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Makes the command fail.
    Error,
    /// Worth a look; the command does not fail for it (unless asked to).
    Warning,
    /// Said for completeness: a compatible change.
    Note,
}

/// A line and column, both from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One thing a command found, with the place it is about when it has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Message {
    pub level: Level,
    /// What kind of finding: `contract`, `breaking-change`, `drift`, `untested`, `failed-case`,
    /// `usage`... GitHub shows it as the annotation's title.
    pub kind: &'static str,
    /// The rule or case it is about (`request-field-added-required`, `create_todo_400_title`).
    pub code: Option<String>,
    pub message: String,
    /// The file, as the command was given it.
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Where the text it is about ends.
    pub end: Option<Position>,
    pub help: Option<String>,
    pub notes: Vec<String>,
}

impl Message {
    /// A message at no place yet.
    pub fn new(level: Level, kind: &'static str, message: impl Into<String>) -> Self {
        Message {
            level,
            kind,
            code: None,
            message: message.into(),
            file: None,
            line: None,
            column: None,
            end: None,
            help: None,
            notes: Vec::new(),
        }
    }

    /// About `file` as a whole.
    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.display().to_string());
        self
    }

    /// About a line and column of `file`.
    pub fn at(mut self, file: &Path, line: usize, column: usize) -> Self {
        self.file = Some(file.display().to_string());
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// About a line of `file`.
    pub fn at_line(mut self, file: &Path, line: usize) -> Self {
        self.file = Some(file.display().to_string());
        self.line = Some(line);
        self
    }

    /// For the rule or case `code`.
    pub fn code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// With how to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// A contract's diagnostic: an error at its primary place.
    pub fn from_diagnostic(diagnostic: &Diagnostic) -> Self {
        let source = &diagnostic.primary.source;
        let start = source.line_col(diagnostic.primary.span.start);
        let end = source.line_col(diagnostic.primary.span.end);
        let mut message = Message::new(Level::Error, "contract", &diagnostic.message).at(
            source.path(),
            start.line,
            start.column,
        );
        message.end = Some(Position {
            line: end.line,
            column: end.column,
        });
        message.help = diagnostic.help.clone();
        message.notes = diagnostic.notes.clone();
        message
    }

    fn json(&self) -> String {
        serde_json::to_string(self).expect("a message serialises")
    }

    /// The GitHub workflow command: `::error file=F,line=L,col=C,title=T::text`.
    fn github(&self) -> String {
        let command = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        let mut properties = Vec::new();
        // A file GitHub cannot find (standard input) would hide the annotation.
        if let Some(file) = self
            .file
            .as_deref()
            .filter(|f| *f != crate::input::STDIN_NAME)
        {
            properties.push(format!("file={}", property(file)));
            if let Some(line) = self.line {
                properties.push(format!("line={line}"));
            }
            if let Some(column) = self.column {
                properties.push(format!("col={column}"));
            }
            if let Some(end) = self.end.filter(|end| Some(end.line) != self.line) {
                properties.push(format!("endLine={}", end.line));
            }
        }
        let title = match &self.code {
            Some(code) => format!("{}: {code}", self.kind),
            None => self.kind.to_string(),
        };
        properties.push(format!("title={}", property(&title)));
        let mut text = self.message.clone();
        if let Some(help) = &self.help {
            text.push_str(&format!("\nhelp: {help}"));
        }
        for note in &self.notes {
            text.push_str(&format!("\nnote: {note}"));
        }
        format!("::{command} {}::{}", properties.join(","), data(&text))
    }
}

/// A workflow command's message, escaped as GitHub's runner reads it back.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: its message's escapes, and the separators.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

impl MessageFormat {
    /// Prints `messages` in this format, one per line on standard output; in `human`, nothing:
    /// each command's own text says it.
    pub fn emit(self, messages: &[Message]) {
        let line = match self {
            MessageFormat::Human => return,
            MessageFormat::Json => Message::json,
            MessageFormat::Github => Message::github,
        };
        for message in messages {
            outln!("{}", line(message));
        }
    }

    /// Refuses `--json` (one document of `what`) together with a format that prints a line per
    /// message: both would claim standard output.
    pub fn alone_or_json(self, json: bool, what: &str) -> Result<(), crate::Failure> {
        match json && self != MessageFormat::Human {
            true => Err(crate::Failure::Usage(format!(
                "`--json` prints {what} as one document, `--message-format` a line each: choose one"
            ))),
            false => Ok(()),
        }
    }

    /// Prints text written for people: to standard output in `human`, to standard error in the
    /// other formats, whose standard output is for their lines.
    pub fn for_people(self, text: &str) {
        match self {
            MessageFormat::Human => out!("{text}"),
            MessageFormat::Json | MessageFormat::Github => eprint!("{text}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaking() -> Message {
        Message::new(
            Level::Error,
            "breaking-change",
            "request field `email` added as required",
        )
        .at(Path::new("issues/12-create-user.md"), 14, 9)
        .code("request-field-added-required")
    }

    #[test]
    fn github_commands_carry_the_place_and_escape_what_would_end_them() {
        let mut message = breaking().help("make it optional: 100% of clients, a, b");
        assert_eq!(
            message.github(),
            "::error file=issues/12-create-user.md,line=14,col=9,\
             title=breaking-change%3A request-field-added-required::\
             request field `email` added as required%0Ahelp: make it optional: 100%25 of clients, a, b"
        );
        message.level = Level::Warning;
        message.file = Some("a,b:c.md".into());
        assert!(
            message.github().starts_with("::warning file=a%2Cb%3Ac.md,"),
            "{}",
            message.github()
        );
    }

    #[test]
    fn a_message_from_standard_input_is_not_placed_in_a_file() {
        let message = Message::new(Level::Error, "contract", "bad").at(
            Path::new(crate::input::STDIN_NAME),
            2,
            1,
        );
        assert_eq!(message.github(), "::error title=contract::bad");
    }

    #[test]
    fn json_messages_are_one_line_with_every_field() {
        let line = breaking().json();
        assert!(!line.contains('\n'));
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["level"], "error");
        assert_eq!(value["kind"], "breaking-change");
        assert_eq!(value["code"], "request-field-added-required");
        assert_eq!(value["file"], "issues/12-create-user.md");
        assert_eq!(value["line"], 14);
        assert_eq!(value["column"], 9);
        assert_eq!(value["end"], serde_json::Value::Null);
        assert_eq!(value["help"], serde_json::Value::Null);
        assert_eq!(value["notes"], serde_json::json!([]));
    }
}
