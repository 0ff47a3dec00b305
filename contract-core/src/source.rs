//! Source files and positions: every node the pipeline builds points back into the issue text.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A byte range in one [`Source`]. Offsets are byte indices into [`Source::text`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The bytes `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A value together with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with its place.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// One-based line and column (column counted in characters, as editors and rustc do).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
pub struct LineCol {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

/// An issue file's text and the name it is reported under.
pub struct Source {
    path: PathBuf,
    text: String,
    line_starts: Vec<usize>,
    /// Whether each line is ASCII, where a column is a byte count: found in constant time, as
    /// an object of many fields on one line asks for many.
    ascii_lines: Vec<bool>,
}

impl std::fmt::Debug for Source {
    /// Only the path: the text would drown every debug print of a node that points into it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Source({})", self.path.display())
    }
}

impl Source {
    /// Wraps text already read; `path` is only used for display.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Arc<Source> {
        let text = text.into();
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let ascii_lines = text.split('\n').map(str::is_ascii).collect();
        Arc::new(Source {
            path: path.into(),
            text,
            line_starts,
            ascii_lines,
        })
    }

    /// Reads a file from disk.
    pub fn read(path: impl AsRef<Path>) -> std::io::Result<Arc<Source>> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)?;
        Ok(Source::new(path, text))
    }

    /// The name the file is reported under.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole text of the file.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// One-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = if self.ascii_lines[line] {
            offset - start + 1
        } else {
            self.text[start..offset].chars().count() + 1
        };
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// Byte offset where a one-based line starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// `path:line:column` for a span's start, the form every message uses.
    pub fn location(&self, span: Span) -> String {
        let LineCol { line, column } = self.line_col(span.start);
        format!("{}:{line}:{column}", self.path.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let src = Source::new("x.md", "ab\n🎯 c\r\nd");
        assert_eq!(src.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(src.line_col(3), LineCol { line: 2, column: 1 });
        // The emoji is four bytes but one column.
        assert_eq!(src.line_col(8), LineCol { line: 2, column: 3 });
        assert_eq!(src.line_col(11), LineCol { line: 3, column: 1 });
        assert_eq!(src.location(Span::new(11, 12)), "x.md:3:1");
    }
}
