//! The document as the reader sees it: headings, paragraphs, list items, code blocks and table
//! rows in order, each with its text (inline code kept in backticks, so that a paragraph that is
//! only code can be told from prose) and its place.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// A block of the document: its kind and its text.
#[derive(Debug)]
pub(super) enum Block {
    Heading { level: usize, text: String },
    Paragraph { text: String },
    Item { text: String, task: bool },
    Code,
    Row { cells: Vec<String>, header: bool },
}

/// The words of a short label (letters and digits, split at anything else), if it has at most
/// `N`: labels are compared word by word, ignoring case, with no allocation.
pub(super) fn label_words<const N: usize>(label: &str) -> Option<([&str; N], usize)> {
    let mut words = [""; N];
    let mut count = 0;
    for word in label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *words.get_mut(count)? = word;
        count += 1;
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
    text.as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Each line of `text` with its offset.
pub(super) fn line_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let at = *offset;
        *offset += line.len();
        Some((at, line.trim_end_matches(['\n', '\r'])))
    })
}

/// The document's blocks in order, inline code kept in backticks so that a paragraph that is
/// only code can be told from prose.
pub(super) fn blocks(text: &str) -> Vec<(Block, Range<usize>)> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    let mut out = Vec::new();
    let mut current: Option<(Block, Range<usize>)> = None;
    let mut row: Option<(Vec<String>, bool, Range<usize>)> = None;
    let mut in_head = false;
    let mut item_depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((
                    Block::Heading {
                        level: level as usize,
                        text: String::with_capacity(range.len()),
                    },
                    range,
                ));
            }
            Event::Start(Tag::Paragraph) if item_depth == 0 => {
                current = Some((
                    Block::Paragraph {
                        text: String::with_capacity(range.len()),
                    },
                    range,
                ));
            }
            Event::Start(Tag::Item) => {
                // An item's own text, not that of the items nested in it.
                if let Some(block) = current.take() {
                    out.push(block);
                }
                item_depth += 1;
                // An item's own text is at most its first line or two; its range holds the
                // items nested in it too.
                current = Some((
                    Block::Item {
                        text: String::with_capacity(range.len().min(256)),
                        task: false,
                    },
                    range,
                ));
            }
            Event::TaskListMarker(_) => {
                if let Some((Block::Item { task, .. }, _)) = current.as_mut() {
                    *task = true;
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                if let Some(block) = current.take() {
                    out.push(block);
                }
                let content = match kind {
                    // The lines between the fences.
                    CodeBlockKind::Fenced(_) => {
                        let start = text[range.clone()]
                            .find('\n')
                            .map_or(range.end, |n| range.start + n + 1);
                        let end = text[..range.end]
                            .trim_end()
                            .rfind('\n')
                            .unwrap_or(start)
                            .max(start);
                        start..end
                    }
                    CodeBlockKind::Indented => range,
                };
                out.push((Block::Code, content));
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if let Some((cells, _, range)) = row.take() {
                    out.push((
                        Block::Row {
                            cells,
                            header: true,
                        },
                        range,
                    ));
                }
            }
            Event::Start(Tag::TableRow) => row = Some((Vec::new(), false, range)),
            Event::End(TagEnd::TableRow) => {
                if let Some((cells, _, range)) = row.take() {
                    out.push((
                        Block::Row {
                            cells,
                            header: false,
                        },
                        range,
                    ));
                }
            }
            Event::Start(Tag::TableCell) => {
                if in_head && row.is_none() {
                    row = Some((Vec::new(), true, range));
                }
                if let Some((cells, _, _)) = row.as_mut() {
                    cells.push(String::new());
                }
            }
            Event::Code(t) => {
                push_inline(&mut row, &mut current, "`");
                push_inline(&mut row, &mut current, &t);
                push_inline(&mut row, &mut current, "`");
            }
            Event::Text(t) => push_inline(&mut row, &mut current, &t),
            Event::SoftBreak | Event::HardBreak => {
                if let Some((
                    Block::Paragraph { text }
                    | Block::Item { text, .. }
                    | Block::Heading { text, .. },
                    _,
                )) = current.as_mut()
                {
                    text.push('\n');
                }
            }
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Paragraph) if item_depth == 0 => {
                out.extend(current.take());
            }
            // A loose item's paragraphs are its lines.
            Event::End(TagEnd::Paragraph) => {
                if let Some((Block::Item { text, .. }, _)) = current.as_mut() {
                    text.push('\n');
                }
            }
            Event::End(TagEnd::Item) => {
                item_depth = item_depth.saturating_sub(1);
                out.extend(current.take());
            }
            _ => {}
        }
    }
    out.extend(current);
    out
}

/// Adds inline text to the table cell or the block being read.
fn push_inline(
    row: &mut Option<(Vec<String>, bool, Range<usize>)>,
    current: &mut Option<(Block, Range<usize>)>,
    inline: &str,
) {
    if let Some((cells, _, _)) = row.as_mut() {
        if let Some(cell) = cells.last_mut() {
            cell.push_str(inline);
        }
    } else if let Some((
        Block::Heading { text, .. } | Block::Paragraph { text } | Block::Item { text, .. },
        _,
    )) = current.as_mut()
    {
        text.push_str(inline);
    }
}
