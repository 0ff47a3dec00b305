//! Diagnostics: what went wrong, where, and how to fix it, rendered the way rustc renders its own.
//!
//! Every stage collects problems into a [`Diagnostics`] list instead of stopping at the first, so a
//! user sees everything wrong with a file in one run.

use std::fmt;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::source::{LineCol, Source, Span};

/// A place in a source file, with a short message shown under the caret.
#[derive(Clone, Debug)]
pub struct Label {
    /// The file the place is in.
    pub source: Arc<Source>,
    /// The text the caret underlines.
    pub span: Span,
    /// Shown next to the carets; may be empty.
    pub message: String,
}

/// One problem: a headline, the place it is about, and optional help.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// The headline, after `error: `.
    pub message: String,
    /// The place the problem is at.
    pub primary: Label,
    /// Other places that explain it (the first definition of a duplicate, say).
    pub secondary: Vec<Label>,
    /// How to fix it, shown as `help: ...` after the snippet.
    pub help: Option<String>,
    /// Further context, each shown as `note: ...` after the help.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error at `span` of `source`, with no label, help or notes yet.
    pub fn error(source: &Arc<Source>, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            primary: Label {
                source: Arc::clone(source),
                span,
                message: String::new(),
            },
            secondary: Vec::new(),
            help: None,
            notes: Vec::new(),
        }
    }

    /// The text under the primary caret.
    pub fn label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = message.into();
        self
    }

    /// Adds another place that explains the problem, with its own label.
    pub fn with_secondary(
        mut self,
        source: &Arc<Source>,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        self.secondary.push(Label {
            source: Arc::clone(source),
            span,
            message: message.into(),
        });
        self
    }

    /// Sets the `help:` line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a `note:` line.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Line and column of the primary place.
    pub fn line_col(&self) -> LineCol {
        self.primary.source.line_col(self.primary.span.start)
    }

    /// `path:line:column` of the primary place.
    pub fn location(&self) -> String {
        self.primary.source.location(self.primary.span)
    }

    /// Renders like rustc: headline, ` --> path:line:col`, the source lines with carets, then help.
    pub fn render(&self, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[self.group()])
    }

    fn group(&self) -> Group<'_> {
        let mut group = Group::with_title(Level::ERROR.primary_title(&self.message));
        let mut labels = vec![(&self.primary, true)];
        labels.extend(self.secondary.iter().map(|label| (label, false)));
        // One snippet per file, in order of first mention, so cross-file labels each get a `-->` line.
        let mut files: Vec<&Arc<Source>> = Vec::new();
        for (label, _) in &labels {
            if !files.iter().any(|f| Arc::ptr_eq(f, &label.source)) {
                files.push(&label.source);
            }
        }
        for file in files {
            let mut snippet = Snippet::source(file.text())
                .path(file.path().to_string_lossy())
                .fold(true);
            for (label, primary) in labels.iter().filter(|(l, _)| Arc::ptr_eq(&l.source, file)) {
                let kind = if *primary {
                    AnnotationKind::Primary
                } else {
                    AnnotationKind::Context
                };
                snippet = snippet.annotation(
                    kind.span(caret_span(file, label.span))
                        .label(&label.message),
                );
            }
            group = group.element(snippet);
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help));
        }
        for note in &self.notes {
            group = group.element(Level::NOTE.message(note));
        }
        group
    }
}

/// A span the renderer can draw: inside the text, on char boundaries, at least one character wide
/// where there is one, so an empty span (a place between characters) still gets a caret.
fn caret_span(file: &Source, span: Span) -> std::ops::Range<usize> {
    let text = file.text();
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end == start
        && let Some(c) = text[start..]
            .chars()
            .next()
            .filter(|c| *c != '\n' && *c != '\r')
    {
        end = start + c.len_utf8();
    }
    start..end
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Every problem found in one run, in the order of the files and their lines.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Records one more problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Whether nothing has been reported.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many problems have been reported.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems, in the order recorded (sorted once [`Diagnostics::into_result`] returns them).
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Takes back the problems reported after the first `at`, for a caller that turns them into
    /// something else (a note on a document's endpoint).
    pub fn split_off(&mut self, at: usize) -> Vec<Diagnostic> {
        self.0.split_off(at.min(self.0.len()))
    }

    /// Appends every problem of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// `Ok(value)` when nothing was reported, otherwise every problem, sorted by place.
    pub fn into_result<T>(mut self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            self.sort();
            Err(self)
        }
    }

    fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (a.primary.source.path(), a.primary.span.start)
                .cmp(&(b.primary.source.path(), b.primary.span.start))
        });
    }

    /// All diagnostics rendered one after another, with rustc's closing count.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for diagnostic in &self.0 {
            out.push_str(&diagnostic.render(color));
            out.push_str("\n\n");
        }
        match self.0.len() {
            0 => {}
            1 => out.push_str("error: aborting due to 1 previous error\n"),
            n => out.push_str(&format!("error: aborting due to {n} previous errors\n")),
        }
        out
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_rustc() {
        let src = Source::new("issue.md", "POST /x\nRequest: { name: strng }\n");
        let at = src.text().find("strng").unwrap();
        let d = Diagnostic::error(&src, Span::new(at, at + 5), "unknown type `strng`")
            .label("not a type")
            .help("did you mean `string`?");
        let out = d.render(false);
        assert!(out.starts_with("error: unknown type `strng`\n"), "{out}");
        assert!(out.contains(" --> issue.md:2:18"), "{out}");
        assert!(out.contains("^^^^^ not a type"), "{out}");
        assert!(out.contains("help: did you mean `string`?"), "{out}");
    }

    #[test]
    fn empty_span_still_gets_a_caret() {
        let src = Source::new("a.md", "abc");
        let d = Diagnostic::error(&src, Span::new(1, 1), "here");
        assert!(d.render(false).contains('^'));
    }
}
