//! The document as the reader sees it: headings, paragraphs, list items, code blocks and table
//! rows in order, each with its text (inline code kept in backticks, so that a paragraph that is
//! only code can be told from prose) and its place.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// A block of the document: its kind and its text.
#[derive(Debug)]
pub(super) enum Block {
    Heading {
        level: usize,
        text: String,
    },
    Paragraph {
        text: String,
    },
    Item {
        text: String,
        task: bool,
        /// It is nested in a checkbox task: part of the task, not of the document.
        in_task: bool,
    },
    /// A code block; `http` when its fence says it holds HTTP messages (```` ```http ````).
    Code {
        http: bool,
    },
    Row {
        cells: Vec<String>,
        header: bool,
    },
}

/// The words of a short label (letters and digits, split at anything else), if it has at most
/// `N`: labels are compared word by word, ignoring case, with no allocation.
pub(super) fn label_words<const N: usize>(label: &str) -> Option<([&str; N], usize)> {
    let mut words = [""; N];
    let mut count = 0;
    if label.is_ascii() {
        for word in label
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *words.get_mut(count)? = word;
            count += 1;
        }
        return Some((words, count));
    }
    // Words end at anything not alphanumeric, and where ASCII meets another script
    // (`接口URL` is `接口` and `URL`).
    let mut start: Option<(usize, bool)> = None;
    for (at, c) in label
        .char_indices()
        .chain(std::iter::once((label.len(), ' ')))
    {
        let ascii = c.is_ascii();
        match start {
            Some((from, was_ascii)) if !c.is_alphanumeric() || ascii != was_ascii => {
                *words.get_mut(count)? = &label[from..at];
                count += 1;
                start = c.is_alphanumeric().then_some((at, ascii));
            }
            None if c.is_alphanumeric() => start = Some((at, ascii)),
            _ => {}
        }
    }
    Some((words, count))
}

/// Whether `words` holds `word`, ignoring ASCII case.
pub(super) fn has_word(words: &[&str], word: &str) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `words` holds one of `wanted`, ignoring ASCII case.
pub(super) fn has_any(words: &[&str], wanted: &[&str]) -> bool {
    wanted.iter().any(|word| has_word(words, word))
}

/// Whether `text` starts with `start`, ignoring ASCII case.
pub(super) fn starts_with_ignore_case(text: &str, start: &str) -> bool {
    text.get(..start.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(start))
}

/// Whether `text` holds `needle`, ignoring ASCII case (for short texts such as table cells).
pub(super) fn contains_ignore_case(text: &str, needle: &str) -> bool {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    // Only where the first letter stands, in either case.
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, &hay[..=last_start])
        .any(|at| hay[at..at + needle.len()].eq_ignore_ascii_case(needle))
}

/// Each line of `text` with its offset.
pub(super) fn line_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let at = *offset;
        *offset += line.len();
        Some((at, line.trim_end_matches(['\n', '\r'])))
    })
}

/// An HTML table's row being read.
struct HtmlRow {
    cells: Vec<String>,
    header: bool,
    in_cell: bool,
    range: Range<usize>,
}

/// HTML's common entities read.
fn entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

/// The document's blocks in order, inline code kept in backticks so that a paragraph that is
/// only code can be told from prose.
pub(super) fn blocks(text: &str) -> Vec<(Block, Range<usize>)> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    let mut builder = Builder {
        text,
        out: Vec::new(),
        current: None,
        row: None,
        in_head: false,
        html_row: None,
        item_depth: 0,
        tasks: Vec::new(),
    };
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        builder.event(event, range);
    }
    builder.out.extend(builder.current);
    builder.out
}

/// The blocks read so far, and the one being read.
struct Builder<'t> {
    text: &'t str,
    out: Vec<(Block, Range<usize>)>,
    /// The heading, paragraph or item being read.
    current: Option<(Block, Range<usize>)>,
    /// The table row being read: its cells, whether it is the header, and its range.
    row: Option<(Vec<String>, bool, Range<usize>)>,
    in_head: bool,
    /// An HTML table's row being read (`<tr>`, then `<td>` cells): its cells, whether one is a
    /// `<th>`, whether a cell is open, and where it is.
    html_row: Option<HtmlRow>,
    item_depth: usize,
    /// For each open item, whether it is a checkbox task or nested in one.
    tasks: Vec<bool>,
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let text = String::with_capacity(range.len());
                let level = level as usize;
                self.current = Some((Block::Heading { level, text }, range));
            }
            Event::Start(Tag::Paragraph) if self.item_depth == 0 => {
                let text = String::with_capacity(range.len());
                self.current = Some((Block::Paragraph { text }, range));
            }
            Event::Start(Tag::Item) => self.item(range),
            Event::TaskListMarker(_) => {
                if let Some((Block::Item { task, .. }, _)) = self.current.as_mut() {
                    *task = true;
                }
                if let Some(top) = self.tasks.last_mut() {
                    *top = true;
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => self.code(kind, range),
            Event::Start(Tag::TableHead) => self.in_head = true,
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                self.end_row();
            }
            Event::Start(Tag::TableRow) => self.row = Some((Vec::new(), false, range)),
            Event::End(TagEnd::TableRow) => self.end_row(),
            Event::Start(Tag::TableCell) => {
                if self.in_head && self.row.is_none() {
                    self.row = Some((Vec::new(), true, range));
                }
                if let Some((cells, _, _)) = self.row.as_mut() {
                    cells.push(String::new());
                }
            }
            Event::Code(code) => {
                self.inline("`");
                self.inline(&code);
                self.inline("`");
            }
            Event::Text(text) => self.inline(&text),
            // `/users/<id>` outside code: markdown takes `<id>` for a tag, the document means a
            // path parameter.
            Event::InlineHtml(html) if is_placeholder(&html) => self.inline(&html),
            // A line of an HTML block (`<div markdown>` grid cards, `<td>` cells): its text.
            Event::Html(html) => self.html_line(&html, range),
            // A row left open ends with its HTML block.
            Event::End(TagEnd::HtmlBlock) => self.end_html_row(),
            Event::SoftBreak | Event::HardBreak => self.line_break(),
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Paragraph)
                if self.item_depth == 0 =>
            {
                self.out.extend(self.current.take());
            }
            // A loose item's paragraphs are its lines.
            Event::End(TagEnd::Paragraph) => self.line_break(),
            Event::End(TagEnd::Item) => {
                self.item_depth = self.item_depth.saturating_sub(1);
                self.tasks.pop();
                self.out.extend(self.current.take());
            }
            _ => {}
        }
    }

    /// A list item starts: its own text, not that of the items nested in it.
    fn item(&mut self, range: Range<usize>) {
        if let Some(block) = self.current.take() {
            self.out.push(block);
        }
        self.item_depth += 1;
        // An item's own text is at most its first line or two; its range holds the items
        // nested in it too.
        let text = String::with_capacity(range.len().min(256));
        let in_task = self.tasks.last().copied().unwrap_or(false);
        self.tasks.push(in_task);
        self.current = Some((
            Block::Item {
                text,
                task: false,
                in_task,
            },
            range,
        ));
    }

    /// A code block: its lines between the fences.
    fn code(&mut self, kind: CodeBlockKind<'_>, range: Range<usize>) {
        if let Some(block) = self.current.take() {
            self.out.push(block);
        }
        let http = matches!(&kind, CodeBlockKind::Fenced(info) if info.trim().to_ascii_lowercase().starts_with("http"));
        let content = match kind {
            CodeBlockKind::Fenced(_) => {
                let start = self.text[range.clone()]
                    .find('\n')
                    .map_or(range.end, |n| range.start + n + 1);
                let end = self.text[..range.end]
                    .trim_end()
                    .rfind('\n')
                    .unwrap_or(start)
                    .max(start);
                start..end
            }
            CodeBlockKind::Indented => range,
        };
        self.out.push((Block::Code { http }, content));
    }

    /// A line of an HTML block, its tags left out and its common entities read, as a paragraph
    /// or, when it starts with a list marker, a list item; in an HTML table, as cells of a row.
    fn html_line(&mut self, html: &str, range: Range<usize>) {
        if self.html_row.is_some() || contains_ignore_case(html, "<tr") {
            self.html_cells(html, range);
            return;
        }
        let mut text = String::with_capacity(html.len());
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = entities(&text);
        let line = text.trim();
        if line.is_empty() {
            return;
        }
        let block = match line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            Some(item) => Block::Item {
                text: item.to_owned(),
                task: false,
                in_task: false,
            },
            None => Block::Paragraph {
                text: line.to_owned(),
            },
        };
        self.out.push((block, range));
    }

    /// A line of an HTML table: `<tr>` opens a row, `<td>` and `<th>` its cells, `</tr>` (or the
    /// next `<tr>`, `</table>` or the end of its HTML block) ends it as a [`Block::Row`].
    fn html_cells(&mut self, html: &str, range: Range<usize>) {
        let mut rest = html;
        while !rest.is_empty() {
            let Some(open) = rest.find('<') else {
                self.html_text(rest);
                break;
            };
            self.html_text(&rest[..open]);
            let Some(close) = rest[open..].find('>') else {
                break;
            };
            let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
            let name = tag.split([' ', '/']).find(|w| !w.is_empty()).unwrap_or("");
            let closing = tag.starts_with('/');
            match (name, closing) {
                ("tr", false) => {
                    self.end_html_row();
                    self.html_row = Some(HtmlRow {
                        cells: Vec::new(),
                        header: false,
                        in_cell: false,
                        range: range.clone(),
                    });
                }
                ("td" | "th", false) => {
                    if let Some(row) = self.html_row.as_mut() {
                        row.cells.push(String::new());
                        row.header |= name == "th";
                        row.in_cell = true;
                    }
                }
                ("td" | "th", true) => {
                    if let Some(row) = self.html_row.as_mut() {
                        row.in_cell = false;
                    }
                }
                ("tr" | "table", true) => self.end_html_row(),
                _ => {}
            }
            rest = &rest[open + close + 1..];
        }
    }

    /// Text between tags: the open cell's.
    fn html_text(&mut self, text: &str) {
        if let Some(row) = self.html_row.as_mut()
            && row.in_cell
            && let Some(cell) = row.cells.last_mut()
        {
            cell.push_str(&entities(text));
        }
    }

    fn end_html_row(&mut self) {
        if let Some(row) = self.html_row.take()
            && !row.cells.is_empty()
        {
            let cells = row.cells.into_iter().map(|c| c.trim().to_owned()).collect();
            let block = Block::Row {
                cells,
                header: row.header,
            };
            self.out.push((block, row.range));
        }
    }

    fn end_row(&mut self) {
        if let Some((cells, header, range)) = self.row.take() {
            self.out.push((Block::Row { cells, header }, range));
        }
    }

    fn line_break(&mut self) {
        if let Some((
            Block::Paragraph { text } | Block::Item { text, .. } | Block::Heading { text, .. },
            _,
        )) = self.current.as_mut()
        {
            text.push('\n');
        }
    }

    /// Adds inline text to the table cell or the block being read.
    fn inline(&mut self, inline: &str) {
        if let Some((cells, _, _)) = self.row.as_mut() {
            if let Some(cell) = cells.last_mut() {
                cell.push_str(inline);
            }
        } else if let Some((
            Block::Heading { text, .. } | Block::Paragraph { text } | Block::Item { text, .. },
            _,
        )) = self.current.as_mut()
        {
            text.push_str(inline);
        }
    }
}

/// `<id>`, `<user_id>`: a word in angle brackets that is no HTML element of running text.
fn is_placeholder(html: &str) -> bool {
    const ELEMENTS: [&str; 28] = [
        "a", "abbr", "b", "big", "br", "center", "cite", "code", "del", "details", "div", "em",
        "font", "hr", "i", "img", "ins", "kbd", "mark", "p", "s", "small", "span", "strong", "sub",
        "summary", "sup", "u",
    ];
    let Some(name) = html
        .strip_prefix('<')
        .and_then(|rest| rest.strip_suffix('>'))
    else {
        return false;
    };
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && !ELEMENTS
            .iter()
            .any(|element| element.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each block of `text`: its kind and its text.
    fn kinds(text: &str) -> Vec<String> {
        blocks(text)
            .iter()
            .map(|(block, range)| match block {
                Block::Heading { level, text } => format!("h{level} {text}"),
                Block::Paragraph { text } => format!("p {text}"),
                Block::Item { text, task, .. } => {
                    format!("item{} {}", if *task { "[ ]" } else { "" }, text.trim())
                }
                Block::Code { .. } => format!("code {}", &text[range.clone()]),
                Block::Row { cells, header } => {
                    format!("row{} {}", if *header { "!" } else { "" }, cells.join("|"))
                }
            })
            .collect()
    }

    #[test]
    fn a_path_parameter_in_angle_brackets_is_text() {
        assert_eq!(
            kinds("## Detail /todo/<id>/\n\nAn <b>item</b> at `/todo/<id>`, <todo_id> <br>\n"),
            [
                "h2 Detail /todo/<id>/",
                "p An item at `/todo/<id>`, <todo_id> ",
            ]
        );
    }

    #[test]
    fn blocks_in_order_with_their_text() {
        let text = "# Title\n\nSome `code` here.\n\n- [ ] a task\n- an item\n  - nested\n\n\
                    ```json\n{ \"a\": 1 }\n```\n\n| Method | Path |\n| --- | --- |\n| GET | `/x` |\n";
        assert_eq!(
            kinds(text),
            [
                "h1 Title",
                "p Some `code` here.",
                "item[ ] a task",
                "item an item",
                "item nested",
                "code { \"a\": 1 }",
                "row! Method|Path",
                "row GET|`/x`",
            ]
        );
    }

    #[test]
    fn an_html_row_ends_with_its_block() {
        // A row never closed ends where its HTML block does; the text after is its own.
        let text = "<table>\n<tr><td>GET</td><td>/a</td>\n\nThe next paragraph.\n";
        assert_eq!(kinds(text), ["row GET|/a", "p The next paragraph."]);
    }

    #[test]
    fn labels_are_compared_word_by_word() {
        let (words, count) = label_words::<3>("**Base URL**:").unwrap();
        assert_eq!(&words[..count], ["Base", "URL"]);
        assert!(label_words::<2>("one two three").is_none());
        let (words, count) = label_words::<3>("接口URL：").unwrap();
        assert_eq!(&words[..count], ["接口", "URL"]);
        assert!(has_any(&["Request", "Body"], &["body"]));
        assert!(contains_ignore_case("An EXAMPLE request", "example"));
    }
}
