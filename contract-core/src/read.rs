//! Stage 1, read: markdown issue -> [`Issue`] (front matter, sections, code blocks), each with its place.
//!
//! Knows markdown and YAML, nothing of the contract grammar beyond recognising which fenced block
//! holds the contract.
//!
//! The YAML front matter is split off by hand (it must sit at the very top) and parsed by
//! [`yaml`]; the rest is parsed with `pulldown-cmark` and walked once. Headings and bold
//! labels (`**Code to Create:**`) say which part of the issue the walk is in; list items and fenced
//! blocks are collected according to that part. Headings and labels are compared with emoji,
//! punctuation and case ignored, so `## ⚙️ Implementation Requirements` and
//! `## implementation requirements` are the same section.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::document::Reading;
use crate::source::{Source, Span, Spanned};
use crate::yaml::{self, Value};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A Backend Feature Task issue as written, before its contract is parsed.
#[derive(Clone, Debug)]
pub struct Issue {
    /// The file the issue was read from.
    pub source: Arc<Source>,
    /// The YAML block between `---` lines at the top; empty when there is none.
    pub front_matter: FrontMatter,
    /// Text of the `Objective` section, trimmed, if present.
    pub objective: Option<String>,
    /// Paths listed under `Code to Create` (backticks removed).
    pub code_to_create: Vec<Spanned<String>>,
    /// Items under `Business Logic`: checkbox items, and plain bullets (read as not done).
    pub business_logic: Vec<TaskItem>,
    /// `Depends on` / `Requires` / `Closes` entries of the Dependencies section.
    pub depends_on: Vec<IssueLink>,
    /// `Blocks` entries of the Dependencies section.
    pub blocks: Vec<IssueLink>,
    /// The fenced blocks holding the API contract (usually one).
    pub contract_blocks: Vec<CodeBlock>,
    /// Whether the contract blocks were found by their content (a line that starts with a method
    /// and a path, a heading that names an endpoint) rather than under an API Contract label:
    /// such a block may be an API document's HTTP example instead, and when it is not in the
    /// grammar the document is read as one ([`crate::parse::parse_issue`]).
    pub contract_blocks_found: bool,
    /// Every fenced block in the file, contract blocks included (type definitions may live anywhere).
    pub code_blocks: Vec<CodeBlock>,
    /// A document with no contract block: the endpoints it names elsewhere, in headings, labels,
    /// lists, tables and code lines, and the types their bodies use ([`crate::document`]). Empty
    /// when there is a contract block, which alone is read then.
    pub document: Reading,
}

/// The issue's YAML front matter.
#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    /// `title`, if given.
    pub title: Option<String>,
    /// `labels`, from a comma-separated string or a YAML list.
    pub labels: Vec<String>,
    /// `assignees`, from a comma-separated string or a YAML list.
    pub assignees: Vec<String>,
    /// Every other key, with its value.
    pub extra: BTreeMap<String, Value>,
}

/// A Business Logic item (`- [ ] text`, or a plain bullet).
#[derive(Clone, Debug)]
pub struct TaskItem {
    /// The item's text after the checkbox, trimmed.
    pub text: String,
    /// Whether the box is ticked; `false` for a plain bullet.
    pub done: bool,
    /// The item's text in the file.
    pub span: Span,
}

/// An entry of the Dependencies section that refers to another issue (`- Requires #4 (...)`).
#[derive(Clone, Debug)]
pub struct IssueLink {
    /// `depends_on`, `requires`, `closes` or `blocks`.
    pub relation: &'static str,
    /// The issue number; `None` for a placeholder such as `#XXX`.
    pub number: Option<u64>,
    /// The rest of the line after the reference, without its parentheses.
    pub note: String,
    /// The entry's text in the file.
    pub span: Span,
}

/// A fenced code block. `content` covers exactly the lines between the fences, so offsets inside
/// it are offsets into the file.
#[derive(Clone, Debug)]
pub struct CodeBlock {
    /// The info string's first word (`javascript`), empty when untagged.
    pub lang: String,
    /// The lines between the fences.
    pub content: Span,
    /// The `METHOD /path` text of the heading the block is under (`### POST /auth/login`), when
    /// the block describes that endpoint without an endpoint line of its own.
    pub endpoint_heading: Option<Span>,
}

/// Reads an issue. Fails on front matter that does not parse and on a file with no contract block;
/// both are reported when both are wrong.
pub fn read(source: &Arc<Source>) -> Result<Issue, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let text = source.text();
    let (front_matter, body_start) = match split_front_matter(text) {
        Some(block) => (
            parse_front_matter(source, &block, &mut diagnostics),
            block.whole.end,
        ),
        None => (FrontMatter::default(), bom_len(text)),
    };

    let body = Walker::new(source, body_start).walk();

    let mut contract_blocks = body.labelled_contracts;
    let contract_blocks_found = contract_blocks.is_empty();
    if contract_blocks_found {
        contract_blocks = body
            .code_blocks
            .iter()
            .filter(|block| {
                block.endpoint_heading.is_some() || looks_like_contract(source.slice(block.content))
            })
            .cloned()
            .collect();
    }
    let mut document = Reading::default();
    if contract_blocks.is_empty() {
        document = crate::document::read_document(source);
        if document.endpoints.is_empty() {
            diagnostics.push(no_contract(source));
        }
    }

    let objective = body.objective.join("\n\n");
    let issue = Issue {
        source: Arc::clone(source),
        front_matter,
        objective: Some(objective.trim().to_string()).filter(|o| !o.is_empty()),
        code_to_create: body.code_to_create,
        business_logic: body.business_logic,
        depends_on: body.depends_on,
        blocks: body.blocks,
        contract_blocks,
        contract_blocks_found,
        code_blocks: body.code_blocks,
        document,
    };
    diagnostics.into_result(issue)
}

/// The file holds no contract: no block, and no endpoint an API document names.
pub(crate) fn no_contract(source: &Arc<Source>) -> Diagnostic {
    Diagnostic::error(
        source,
        Span::new(0, 0),
        "no API Contract block found in this file",
    )
    .label("this issue has no API contract")
    .help(
        "put the contract in a fenced code block after a `**API Contract:**` label \
         or under an `API Contract` heading",
    )
    .note(
        "a fenced code block with a line that starts with an HTTP method and a path \
         (such as `POST /api/users`) is also taken as the contract, and so is an API document \
         that names its endpoints in headings, labels, list items, tables or code lines \
         (`### POST /api/users`); a method and a path inside a sentence name none",
    )
}

// ---------------------------------------------------------------------------------------------
// Front matter

/// Where the front matter sits. `whole` runs from the opening `---` to just past the closing line,
/// so it ends where the markdown starts.
struct FrontMatterBlock {
    yaml: Span,
    whole: Span,
}

/// Length of a UTF-8 byte order mark at the start, which editors on Windows like to write.
fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// Finds `---` on the first line and the next `---` (or YAML's `...`) line. Without a closing line
/// there is no front matter: the first line is then a thematic break, as markdown has it.
fn split_front_matter(text: &str) -> Option<FrontMatterBlock> {
    let start = bom_len(text);
    let mut lines = text[start..].split_inclusive('\n').scan(start, |at, line| {
        let line_start = *at;
        *at += line.len();
        Some((line_start, line, *at))
    });
    let (_, first, yaml_start) = lines.next()?;
    if !is_fence_line(first, "---") {
        return None;
    }
    lines
        .find(|(_, line, _)| is_fence_line(line, "---") || is_fence_line(line, "..."))
        .map(|(line_start, _, line_end)| FrontMatterBlock {
            yaml: Span::new(yaml_start, line_start),
            whole: Span::new(start, line_end),
        })
}

/// The fence itself, then only trailing blanks (and a CR, for CRLF files).
fn is_fence_line(line: &str, fence: &str) -> bool {
    line.trim_end_matches([' ', '\t', '\r', '\n']) == fence
}

/// Parses the YAML. Problems are pushed to `diagnostics` and whatever could be read is kept.
fn parse_front_matter(
    source: &Arc<Source>,
    block: &FrontMatterBlock,
    diagnostics: &mut Diagnostics,
) -> FrontMatter {
    let mut front_matter = FrontMatter::default();
    let entries = match yaml::parse_mapping(source.slice(block.yaml)) {
        Ok(entries) => entries,
        Err(error) => {
            diagnostics.push(yaml_error(source, block, &error));
            return front_matter;
        }
    };
    for yaml::Entry { key, value, at } in entries {
        let at = yaml_offset(source, block, at);
        let wrong_type = |what: &str| {
            Diagnostic::error(
                source,
                Span::new(at, at),
                format!("front matter `{key}` should be {what}"),
            )
            .label(format!("this `{key}` value"))
        };
        match key.as_str() {
            "title" => match value {
                Value::Null => {}
                value => match value.scalar_text() {
                    Some(title) => front_matter.title = Some(title),
                    None => diagnostics.push(wrong_type("a string")),
                },
            },
            "labels" | "assignees" => match string_list(&value) {
                Some(list) if key == "labels" => front_matter.labels = list,
                Some(list) => front_matter.assignees = list,
                None => diagnostics.push(wrong_type("a list").help(format!(
                    "write `{key}: a, b` or a YAML list such as `{key}: [a, b]`"
                ))),
            },
            _ => {
                front_matter.extra.insert(key, value);
            }
        }
    }
    front_matter
}

/// `backend, task` or `[backend, task]` (or one bare value) as trimmed, non-empty strings.
fn string_list(value: &Value) -> Option<Vec<String>> {
    let items = match value {
        Value::Null => Vec::new(),
        Value::List(items) => items
            .iter()
            .filter(|item| **item != Value::Null)
            .map(Value::scalar_text)
            .collect::<Option<Vec<_>>>()?,
        Value::String(s) => s.split(',').map(str::to_string).collect(),
        scalar => vec![scalar.scalar_text()?],
    };
    Some(
        items
            .iter()
            .map(|item| item.trim())
            .filter(|item| !item.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

fn yaml_error(source: &Arc<Source>, block: &FrontMatterBlock, error: &yaml::Error) -> Diagnostic {
    // The message may quote the input, so control characters are neutralised before it reaches a
    // terminal.
    let message: String = error
        .message
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let at = yaml_offset(source, block, error.at);
    let lines = Span::new(block.whole.start, trim_end(source.text(), block.whole).end);
    let (first, last) = (
        source.line_col(lines.start).line,
        source.line_col(lines.end).line,
    );
    Diagnostic::error(
        source,
        Span::new(at, at),
        "the front matter is not valid YAML",
    )
    .label(message)
    .note(format!(
        "the front matter is the YAML between the `---` lines at the top of the file (lines {first}-{last})"
    ))
}

/// Converts the YAML parser's one-based line and zero-based character column, counted inside the
/// YAML text, into a byte offset in the file, kept inside the front matter.
fn yaml_offset(source: &Source, block: &FrontMatterBlock, at: granit_parser::Marker) -> usize {
    let first_line = source.line_col(block.yaml.start).line;
    let line = first_line.saturating_add(at.line().saturating_sub(1));
    let line_start = source
        .line_start(line)
        .clamp(block.yaml.start, block.whole.end);
    let rest = &source.text()[line_start..block.whole.end];
    let within = rest
        .char_indices()
        .take_while(|&(_, c)| c != '\n' && c != '\r')
        .nth(at.col())
        .map_or_else(|| rest.find(['\r', '\n']).unwrap_or(rest.len()), |(i, _)| i);
    line_start + within
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// Which part of the issue a heading or bold label starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Objective,
    Dependencies,
    DependsOn,
    Blocks,
    CodeToCreate,
    ApiContract,
    BusinessLogic,
    Other,
}

/// Names as [`normalize`] leaves them. A title matches a name when it starts with the name's
/// words, so `Dependencies (optional)` is still the Dependencies section.
const PART_NAMES: &[(&str, Part)] = &[
    ("objective", Part::Objective),
    ("dependencies", Part::Dependencies),
    ("depends on", Part::DependsOn),
    ("blocked by", Part::DependsOn),
    ("blocks", Part::Blocks),
    ("code to create", Part::CodeToCreate),
    ("files to create", Part::CodeToCreate),
    ("api contract", Part::ApiContract),
    ("business logic", Part::BusinessLogic),
    ("business rules", Part::BusinessLogic),
];

impl Part {
    fn of(title: &str) -> Part {
        let title = normalize(title);
        PART_NAMES
            .iter()
            .find(|(name, _)| {
                title
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
            .map_or(Part::Other, |&(_, part)| part)
    }

    /// Parts that live inside a section (`**Code to Create:**`, `### API Contract`) rather than
    /// being a section themselves.
    fn is_subsection(self) -> bool {
        matches!(
            self,
            Part::DependsOn
                | Part::Blocks
                | Part::CodeToCreate
                | Part::ApiContract
                | Part::BusinessLogic
        )
    }
}

/// Lower-case words of letters and digits, one space apart: emoji and punctuation are dropped.
fn normalize(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let words = title.split(|c: char| !c.is_alphanumeric());
    for word in words.filter(|word| !word.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// What the walk collected; [`read`] turns it into an [`Issue`].
#[derive(Default)]
struct Body {
    objective: Vec<String>,
    code_to_create: Vec<Spanned<String>>,
    business_logic: Vec<TaskItem>,
    depends_on: Vec<IssueLink>,
    blocks: Vec<IssueLink>,
    /// Blocks under an `API Contract` label or heading.
    labelled_contracts: Vec<CodeBlock>,
    code_blocks: Vec<CodeBlock>,
}

type Events<'a> = [(Event<'a>, Range<usize>)];

struct Walker<'a> {
    text: &'a str,
    /// The markdown's events, with ranges that are offsets into the whole file.
    events: Vec<(Event<'a>, Range<usize>)>,
    section: Part,
    /// The label or sub-heading inside the section, if one was seen since the section began.
    sub: Option<Part>,
    list_depth: usize,
    /// The `### POST /auth/login` heading the walk is under, if any.
    endpoint_heading: Option<Span>,
    body: Body,
}

impl<'a> Walker<'a> {
    /// Parses the markdown after the front matter. The front matter is cut off rather than left
    /// to pulldown-cmark's metadata-block option, which would also take any later pair of `---`
    /// lines for metadata; the cut is at a line start, so the rest parses as it would in place.
    fn new(source: &'a Source, body_start: usize) -> Self {
        let text = source.text();
        let events = Parser::new_ext(&text[body_start..], Options::ENABLE_TASKLISTS)
            .into_offset_iter()
            .map(|(event, range)| (event, range.start + body_start..range.end + body_start))
            .collect();
        Walker {
            text,
            events,
            section: Part::Other,
            sub: None,
            list_depth: 0,
            endpoint_heading: None,
            body: Body::default(),
        }
    }

    /// The part the walk is in: the innermost of section and label.
    fn part(&self) -> Part {
        self.sub.unwrap_or(self.section)
    }

    fn walk(mut self) -> Body {
        let mut i = 0;
        while i < self.events.len() {
            i = self.step(i) + 1;
        }
        self.body
    }

    /// Handles the event at `i`; returns the index of the last event it consumed.
    fn step(&mut self, i: usize) -> usize {
        match &self.events[i].0 {
            Event::Start(Tag::Heading { level, .. }) => {
                let top = *level == HeadingLevel::H1;
                let end = self.end_of(i);
                let title = self.render(&self.events[i + 1..end]);
                let span = self.inline_span(&self.events[i + 1..end]);
                self.heading(&title, span, top);
                end
            }
            Event::Start(Tag::Paragraph) if self.list_depth == 0 => {
                let end = self.end_of(i);
                self.paragraph(i + 1..end);
                end
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                    CodeBlockKind::Indented => return self.end_of(i),
                };
                let end = self.end_of(i);
                self.code_block(lang.to_string(), i, end);
                end
            }
            Event::Start(Tag::Item) => {
                self.item(i + 1);
                i
            }
            Event::Start(Tag::List(_)) => {
                self.list_depth += 1;
                i
            }
            Event::End(TagEnd::List(_)) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                i
            }
            // A thematic break closes the section: the template's `---` before `**Estimated
            // Time:**` belongs to no section.
            Event::Rule => {
                self.section = Part::Other;
                self.sub = None;
                i
            }
            _ => i,
        }
    }

    /// Index of the `End` matching the `Start` at `start` (events are well nested).
    fn end_of(&self, start: usize) -> usize {
        let mut depth = 0usize;
        for (i, (event, _)) in self.events.iter().enumerate().skip(start) {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return i;
                    }
                }
                _ => {}
            }
        }
        self.events.len() - 1
    }

    fn heading(&mut self, title: &str, span: Option<Span>, top: bool) {
        // An endpoint as a heading (`### POST /auth/login`) names the endpoint the next code
        // block describes; it leaves the section as it is, as a sub-heading of the contract.
        self.endpoint_heading = None;
        if looks_like_contract(title) {
            self.endpoint_heading = span;
            return;
        }
        let mut part = Part::of(title);
        // `# API Contract: Authentication & Profile` is a document's title, not the template's
        // contract section: the file is read as an API document.
        if top && part == Part::ApiContract && normalize(title) != "api contract" {
            part = Part::Other;
        }
        if part.is_subsection() {
            self.sub = Some(part);
        } else {
            self.section = part;
            self.sub = None;
        }
    }

    /// A top-level paragraph: a bold label, or text of the section it is in.
    fn paragraph(&mut self, inner: Range<usize>) {
        if let Some((part, rest)) = self.bold_label(inner.clone()) {
            // A label names a part inside a section; `**Dependencies:**` under Context &
            // Resources lists libraries, not issues, so section names as labels count as other.
            self.sub = Some(if part.is_subsection() {
                part
            } else {
                Part::Other
            });
            // `**Depends on:** #3, #4` lists issues on the label's own line.
            if matches!(part, Part::DependsOn | Part::Blocks)
                && let Some(span) = self.inline_span(&self.events[rest.clone()])
            {
                let text = self.render(&self.events[rest]);
                for piece in text.split(',') {
                    self.link(piece, span);
                }
            }
        } else if self.part() == Part::Objective {
            let text = self.render(&self.events[inner]);
            self.body.objective.push(text.trim().to_string());
        }
    }

    /// `**Code to Create:**`: a paragraph that opens with bold text naming a known part, or any
    /// bold text followed by a colon or standing alone. Returns the part and the events after
    /// the bold text.
    fn bold_label(&self, inner: Range<usize>) -> Option<(Part, Range<usize>)> {
        if !matches!(self.events.get(inner.start)?.0, Event::Start(Tag::Strong)) {
            return None;
        }
        let close = self.end_of(inner.start).min(inner.end);
        let label = self.render(&self.events[inner.start + 1..close]);
        let rest = close + 1..inner.end.max(close + 1);
        let after = self.render(&self.events[rest.clone()]);
        let part = Part::of(&label);
        let colon = label.trim_end().ends_with(':') || after.trim_start().starts_with(':');
        (part != Part::Other || colon || after.trim().is_empty()).then_some((part, rest))
    }

    fn code_block(&mut self, lang: String, start: usize, end: usize) {
        let block_range = self.events[start].1.clone();
        let mut texts = self.events[start + 1..end]
            .iter()
            .filter(|(event, _)| matches!(event, Event::Text(_)))
            .map(|(_, range)| range.clone());
        let content = match texts.next() {
            // Inside list items and block quotes the text comes in pieces with the indentation
            // or `>` between them; the span still runs from the first piece to the last.
            Some(first) => {
                let last_end = texts.next_back().map_or(first.end, |last| last.end);
                Span::new(first.start, last_end)
            }
            // An empty block: the place just after the opening fence line.
            None => {
                let fence = &self.text[block_range.clone()];
                let at = fence
                    .find('\n')
                    .map_or(block_range.end, |i| block_range.start + i + 1);
                Span::new(at, at)
            }
        };
        // Every block under the heading describes the same endpoint (a request block, then a
        // response block, say).
        let endpoint_heading = self
            .endpoint_heading
            .filter(|_| describes_an_endpoint(&self.text[content.start..content.end]));
        let block = CodeBlock {
            lang,
            content,
            endpoint_heading,
        };
        // A block under an endpoint heading is found by its content, like any other block
        // outside an API Contract part: where the grammar refuses it, the file is read as a
        // document rather than refused.
        if self.part() == Part::ApiContract {
            self.body.labelled_contracts.push(block.clone());
        }
        self.body.code_blocks.push(block);
    }

    /// A list item: a file to create, a business rule or an issue link, depending on the part.
    fn item(&mut self, first: usize) {
        let inlines = self.item_inlines(first);
        let done = inlines.iter().find_map(|(event, _)| match event {
            Event::TaskListMarker(done) => Some(*done),
            _ => None,
        });
        let Some(span) = self.inline_span(inlines) else {
            return;
        };
        match self.part() {
            Part::CodeToCreate => {
                let path = self.code_path(inlines, span);
                self.body.code_to_create.push(path);
            }
            Part::BusinessLogic => {
                let text = self.render(inlines).trim().to_string();
                let done = done.unwrap_or(false);
                self.body.business_logic.push(TaskItem { text, done, span });
            }
            Part::Dependencies | Part::DependsOn | Part::Blocks => {
                let text = self.render(inlines);
                self.link(&text, span);
            }
            _ => {}
        }
    }

    /// The item's own text: its first paragraph (loose lists) or leading inline events (tight
    /// lists), without nested lists or blocks, which are walked on their own.
    fn item_inlines(&self, first: usize) -> &Events<'a> {
        let mut from = first;
        if matches!(
            self.events.get(from),
            Some((Event::Start(Tag::Paragraph), _))
        ) {
            from += 1;
        }
        let from = from.min(self.events.len());
        let len = self.events[from..]
            .iter()
            .take_while(|(event, _)| is_inline(event))
            .count();
        &self.events[from..from + len]
    }

    /// The inline code of the item if there is one (`backend/src/x.js`), else the item's text.
    fn code_path(&self, inlines: &Events<'a>, span: Span) -> Spanned<String> {
        let code = inlines.iter().find_map(|(event, range)| match event {
            Event::Code(code) => Some((code, range.clone())),
            _ => None,
        });
        match code {
            Some((code, range)) => {
                let written = &self.text[range.clone()];
                let ticks = written.len() - written.trim_start_matches('`').len();
                let span = match written[ticks..].find(code.as_ref()) {
                    Some(at) => Span::new(
                        range.start + ticks + at,
                        range.start + ticks + at + code.len(),
                    ),
                    None => Span::new(range.start, range.end),
                };
                Spanned::new(code.to_string(), span)
            }
            None => Spanned::new(self.render(inlines).trim().to_string(), span),
        }
    }

    /// Records `Closes #3 (architecture decisions)` and the like; text without an issue
    /// reference (`External libraries needed`) is not a link and is skipped.
    fn link(&mut self, text: &str, span: Span) {
        let default = if self.part() == Part::Blocks {
            "blocks"
        } else {
            "depends_on"
        };
        if let Some(link) = parse_link(text, default, span) {
            if link.relation == "blocks" {
                self.body.blocks.push(link);
            } else {
                self.body.depends_on.push(link);
            }
        }
    }

    /// Inline events as plain text. Inline code keeps its backticks, as written, so
    /// "`id` must be a UUID" reads the same as in the issue; emphasis markers are dropped.
    fn render(&self, events: &Events<'a>) -> String {
        let mut out = String::new();
        for (event, range) in events {
            match event {
                Event::Text(text) | Event::InlineHtml(text) => out.push_str(text),
                Event::Code(_) => out.push_str(&self.text[range.clone()]),
                Event::SoftBreak => out.push(' '),
                Event::HardBreak => out.push('\n'),
                _ => {}
            }
        }
        out
    }

    /// From the first to the last inline event (a task's `[ ]` left out), blanks trimmed.
    fn inline_span(&self, events: &Events<'a>) -> Option<Span> {
        let mut ranges = events
            .iter()
            .filter(|(event, _)| !matches!(event, Event::TaskListMarker(_)))
            .map(|(_, range)| range);
        let first = ranges.next()?;
        let end = ranges.fold(first.end, |end, range| end.max(range.end));
        let span = trim_end(
            self.text,
            trim_start(self.text, Span::new(first.start, end)),
        );
        (span.start < span.end).then_some(span)
    }
}

fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Html(_) | Event::DisplayMath(_) | Event::Rule => false,
    }
}

fn trim_start(text: &str, span: Span) -> Span {
    let skipped = text[span.start..span.end].len() - text[span.start..span.end].trim_start().len();
    Span::new(span.start + skipped, span.end)
}

fn trim_end(text: &str, span: Span) -> Span {
    let kept = text[span.start..span.end].trim_end().len();
    Span::new(span.start, span.start + kept)
}

/// `Closes #3 (architecture decisions)`, `Requires #4`, `#12 (frontend)`, `Depends on #XXX`.
/// The words before `#` give the relation (else `default`); a reference that is not a number is a
/// placeholder and has no number; the rest, without its parentheses, is the note.
fn parse_link(text: &str, default: &'static str, span: Span) -> Option<IssueLink> {
    let hash = issue_reference_start(text)?;
    let after = &text[hash + 1..];
    let reference_len = after
        .find(|c: char| !c.is_alphanumeric() && c != '_')
        .unwrap_or(after.len());
    let number = after[..reference_len].parse::<u64>().ok();
    Some(IssueLink {
        relation: relation(&text[..hash]).unwrap_or(default),
        number,
        note: link_note(&after[reference_len..]),
        span,
    })
}

/// The first `#` that starts a reference: followed by a letter or digit, and not in the middle of
/// a word (`page#anchor` in a URL is no issue).
fn issue_reference_start(text: &str) -> Option<usize> {
    text.char_indices()
        .filter(|&(_, c)| c == '#')
        .map(|(i, _)| i)
        .find(|&i| {
            let before_ok = !text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after_ok = text[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            before_ok && after_ok
        })
}

/// The relation a link's leading words name (GitHub's closing keywords count as `closes`).
fn relation(words: &str) -> Option<&'static str> {
    let words = normalize(words);
    let first = words.split(' ').next().unwrap_or("");
    match first {
        "close" | "closes" | "closed" | "fix" | "fixes" | "fixed" | "resolve" | "resolves"
        | "resolved" => Some("closes"),
        "require" | "requires" | "required" | "needs" => Some("requires"),
        "depends" | "depend" | "after" | "blocked" => Some("depends_on"),
        "block" | "blocks" | "blocking" => Some("blocks"),
        _ => None,
    }
}

/// ` (data structure definitions)` -> `data structure definitions`; ` - frontend` -> `frontend`.
fn link_note(rest: &str) -> String {
    let note = rest.trim().trim_start_matches(['-', ':', '–', '—']).trim();
    let unwrapped = note
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .filter(|inner| !inner.contains(')'));
    unwrapped.unwrap_or(note).trim().to_string()
}

/// The fallback test for a contract block: some line, trimmed, starts with an upper-case HTTP
/// method, blanks and a `/` (`POST /api/users`).
fn looks_like_contract(content: &str) -> bool {
    const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    content
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("//"))
        .any(|line| {
            line.split_once(char::is_whitespace)
                .is_some_and(|(word, rest)| {
                    METHODS.contains(&word) && rest.trim_start().starts_with('/')
                })
        })
}

/// Whether a block under an endpoint heading describes it without a `METHOD /path` line of its
/// own: it has no endpoint line, and some line starts with a contract keyword (`Request:`).
fn describes_an_endpoint(content: &str) -> bool {
    const KEYWORDS: [&str; 7] = [
        "request", "body", "response", "returns", "query", "headers", "errors",
    ];
    !looks_like_contract(content)
        && content.lines().any(|line| {
            let word: String = line
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            KEYWORDS.contains(&word.to_lowercase().as_str())
                && line.trim_start()[word.len()..]
                    .trim_start()
                    .starts_with([':', '(', '1', '2', '3'])
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn corpus(name: &str) -> Arc<Source> {
        Source::read(contract_corpus::root().join(name)).expect("corpus file")
    }

    fn read_ok(source: &Arc<Source>) -> Issue {
        read(source).unwrap_or_else(|d| panic!("{} should read:\n{d}", source.path().display()))
    }

    fn read_err(source: &Arc<Source>) -> Diagnostics {
        match read(source) {
            Ok(_) => panic!("{} should be refused", source.path().display()),
            Err(diagnostics) => diagnostics,
        }
    }

    fn line(issue_or_source: &Source, span: Span) -> usize {
        issue_or_source.line_col(span.start).line
    }

    fn paths(issue: &Issue) -> Vec<&str> {
        issue
            .code_to_create
            .iter()
            .map(|p| p.value.as_str())
            .collect()
    }

    fn links(links: &[IssueLink]) -> Vec<(&str, Option<u64>, &str)> {
        links
            .iter()
            .map(|l| (l.relation, l.number, l.note.as_str()))
            .collect()
    }

    /// A short issue in the seed's shape, for the variants below.
    const SMALL: &str = "\
---
title: Small
---

## Objective
Do a small thing.

## Implementation Requirements
**API Contract:**
```javascript
GET /api/things
Response: { ok: boolean }
```
";

    #[test]
    fn every_valid_file_reads() {
        let files = contract_corpus::files(contract_corpus::Kind::Valid);
        for path in &files {
            let issue = read_ok(&Source::read(path).expect("read"));
            assert!(!issue.contract_blocks.is_empty(), "{}", path.display());
            assert!(issue.front_matter.title.is_some(), "{}", path.display());
        }
        assert!(files.len() >= 8, "found only {} valid files", files.len());
    }

    #[test]
    fn reads_add_book() {
        let source = corpus("valid/01-add-book.md");
        let issue = read_ok(&source);
        let fm = &issue.front_matter;
        assert_eq!(
            fm.title.as_deref(),
            Some("[Backend] Add a book to the catalogue")
        );
        assert_eq!(fm.labels, ["backend", "task", "catalogue"]);
        assert!(fm.assignees.is_empty());
        assert_eq!(
            fm.extra["name"],
            Value::String("Backend Feature Task".into())
        );
        assert!(fm.extra.contains_key("about"));
        assert_eq!(fm.extra.len(), 2);

        assert_eq!(
            issue.objective.as_deref(),
            Some(
                "Let a librarian add a new title to the catalogue by its ISBN and title, \
                 with an optional edition number."
            )
        );

        assert_eq!(
            paths(&issue),
            [
                "backend/src/routes/books.js",
                "backend/src/services/bookService.js"
            ]
        );
        let first = &issue.code_to_create[0];
        assert_eq!(source.slice(first.span), "backend/src/routes/books.js");
        assert_eq!(source.line_col(first.span.start).line, 23);
        assert_eq!(source.line_col(first.span.start).column, 4);
        assert_eq!(line(&source, issue.code_to_create[1].span), 24);

        assert_eq!(issue.business_logic.len(), 4);
        assert!(issue.business_logic.iter().all(|t| !t.done));
        let rule = &issue.business_logic[0];
        assert_eq!(
            rule.text,
            "The ISBN is accepted with or without hyphens and stored as 13 digits"
        );
        assert_eq!(source.slice(rule.span), rule.text);
        assert_eq!(line(&source, rule.span), 36);

        assert_eq!(
            links(&issue.depends_on),
            [
                ("closes", Some(7), "catalogue storage layout"),
                ("requires", Some(8), "ISBN validation helper"),
            ]
        );
        assert_eq!(line(&source, issue.depends_on[0].span), 14);
        assert_eq!(
            links(&issue.blocks),
            [
                ("blocks", Some(21), "cataloguing screen"),
                ("blocks", Some(22), "catalogue API tests"),
            ]
        );

        assert_eq!(issue.contract_blocks.len(), 1);
        let contract = &issue.contract_blocks[0];
        assert_eq!(contract.lang, "javascript");
        let content = source.slice(contract.content);
        assert!(content.starts_with("// Add one title to the catalogue\nPOST /api/books\n"));
        assert!(content.ends_with("409: \"ISBN already in the catalogue\" }\n"));
        assert_eq!(line(&source, contract.content), 28);
        assert_eq!(issue.code_blocks.len(), 1);
    }

    #[test]
    fn reads_the_seed_template() {
        let source = corpus("valid/00-seed-template.md");
        let issue = read_ok(&source);
        let fm = &issue.front_matter;
        assert_eq!(
            fm.title.as_deref(),
            Some("[Backend] Short summary of the feature")
        );
        assert_eq!(fm.labels, ["backend", "task", "implementation"]);
        assert!(fm.assignees.is_empty());
        assert_eq!(
            fm.extra["name"],
            Value::String("Backend Feature Task".into())
        );
        assert_eq!(
            links(&issue.depends_on),
            [
                ("closes", None, "design decision this settles"),
                ("requires", None, "schema or types it relies on"),
            ]
        );
        assert_eq!(
            links(&issue.blocks),
            [
                ("blocks", None, "client work that calls it"),
                ("blocks", None, "end-to-end checks"),
            ]
        );
        // Only the three Business Logic items, not the Definition of Done checklist.
        let rules: Vec<_> = issue
            .business_logic
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(
            rules,
            [
                "Input check to perform",
                "Work the service does",
                "What the answer carries"
            ]
        );
        assert_eq!(
            paths(&issue),
            [
                "backend/src/routes/[endpoint].js",
                "backend/src/services/[service].js"
            ]
        );
        // The contract, and the Existing Patterns block that is not one.
        assert_eq!(issue.code_blocks.len(), 2);
        assert_eq!(issue.contract_blocks.len(), 1);
        assert!(
            source
                .slice(issue.contract_blocks[0].content)
                .contains("POST /api/endpoint")
        );
    }

    #[test]
    fn inline_code_in_a_rule_keeps_its_backticks() {
        let issue = read_ok(&corpus("valid/03-list-loans.md"));
        assert_eq!(
            issue.business_logic[0].text,
            "`perPage` is 25 unless given, and never more than 100"
        );
    }

    #[test]
    fn reads_a_quoted_assignee_and_bare_links() {
        let issue = read_ok(&corpus("valid/02-get-book.md"));
        assert_eq!(issue.front_matter.assignees, ["lib-dev"]);
        assert_eq!(
            links(&issue.depends_on),
            [("requires", Some(9), "add a book")]
        );
        assert_eq!(
            links(&issue.blocks),
            [("blocks", Some(23), "book detail page")]
        );
    }

    #[test]
    fn reads_yaml_list_labels_and_assignees() {
        let issue = read_ok(&corpus("valid/11-branch-hours.md"));
        let fm = &issue.front_matter;
        assert_eq!(fm.title.as_deref(), Some("[Backend] Branch opening hours"));
        assert_eq!(fm.labels, ["backend", "branches"]);
        assert_eq!(fm.assignees, ["lib-dev", "night-shift"]);
    }

    #[test]
    fn reads_the_contract_under_a_heading_and_not_the_block_after_it() {
        let source = corpus("valid/15-preferences.md");
        let issue = read_ok(&source);
        // The three `ts` blocks under `## 🔌 API Contract`; the `js` block under `### Notes` is
        // not contract.
        assert_eq!(issue.code_blocks.len(), 4);
        assert_eq!(issue.contract_blocks.len(), 3);
        assert!(
            issue
                .contract_blocks
                .iter()
                .all(|b| b.lang == "ts" && !source.slice(b.content).contains("DEFAULT_"))
        );
    }

    #[test]
    fn refuses_bad_front_matter_within_it() {
        let source = corpus("invalid/bad-front-matter.md");
        let diagnostics = read_err(&source);
        assert_eq!(diagnostics.len(), 1, "{diagnostics}");
        let d = &diagnostics.0[0];
        assert!(d.message.contains("front matter"), "{d}");
        assert!((1..=4).contains(&d.line_col().line), "{d}");
        assert!(d.notes.iter().any(|n| n.contains("lines 1-4")), "{d}");
        assert!(!d.primary.message.is_empty(), "{d}");
        let rendered = d.render(false);
        assert!(rendered.contains("bad-front-matter.md:2:8"), "{rendered}");
    }

    #[test]
    fn refuses_a_file_without_a_contract() {
        let source = corpus("invalid/no-contract.md");
        let diagnostics = read_err(&source);
        assert_eq!(diagnostics.len(), 1);
        let d = &diagnostics.0[0];
        assert_eq!(d.message, "no API Contract block found in this file");
        assert_eq!(d.location(), format!("{}:1:1", source.path().display()));
        let help = d.help.as_deref().unwrap_or_default();
        assert!(
            help.contains("**API Contract:**") && help.contains("heading"),
            "{d}"
        );
        assert!(d.notes.iter().any(|n| n.contains("HTTP method")), "{d}");
    }

    #[test]
    fn refuses_front_matter_of_the_wrong_shape_in_the_corpus() {
        let source = corpus("invalid/front-matter-wrong-shape.md");
        let diagnostics = read_err(&source);
        assert_eq!(diagnostics.len(), 1, "{diagnostics}");
        let d = &diagnostics.0[0];
        assert_eq!(d.message, "front matter `labels` should be a list");
        assert_eq!(d.line_col().line, 3, "{d}");
    }

    #[test]
    fn the_other_invalid_files_read() {
        // Their faults are in the contract grammar or between endpoints, which is the parser's
        // and the checker's business.
        let by_the_reader = [
            "bad-front-matter.md",
            "front-matter-wrong-shape.md",
            "no-contract.md",
        ];
        let names = contract_corpus::names(contract_corpus::Kind::Invalid);
        let mut count = 0;
        for name in names
            .iter()
            .filter(|n| !by_the_reader.contains(&n.as_str()))
        {
            let issue = read_ok(&corpus(&format!("invalid/{name}")));
            assert_eq!(issue.contract_blocks.len(), 1, "{name}");
            count += 1;
        }
        assert_eq!(count, names.len() - by_the_reader.len());
        assert!(count >= 6, "{names:?}");
    }

    #[test]
    fn accepts_headings_without_emoji_and_heading_form_subsections() {
        let text = "\
# OBJECTIVE!
Let people *rename* things.
More detail.

## dependencies
- Depends on #7
- #8 - storage

### Blocks
- Blocking #9

## Implementation requirements
### Code to Create
- `src/rename.rs` (the handler)
- src/plain.rs

### API Contract
```ts
PUT /api/things/:id
```

### Business Logic
- [x] Names are trimmed
- Names are unique
";
        let source = Source::new("h.md", text);
        let issue = read_ok(&source);
        assert_eq!(
            issue.objective.as_deref(),
            Some("Let people rename things. More detail.")
        );
        assert_eq!(
            links(&issue.depends_on),
            [
                ("depends_on", Some(7), ""),
                ("depends_on", Some(8), "storage")
            ]
        );
        assert_eq!(links(&issue.blocks), [("blocks", Some(9), "")]);
        assert_eq!(paths(&issue), ["src/rename.rs", "src/plain.rs"]);
        assert_eq!(source.slice(issue.code_to_create[1].span), "src/plain.rs");
        assert_eq!(issue.contract_blocks.len(), 1);
        assert_eq!(issue.contract_blocks[0].lang, "ts");
        let rules: Vec<_> = issue
            .business_logic
            .iter()
            .map(|t| (t.text.as_str(), t.done))
            .collect();
        assert_eq!(
            rules,
            [("Names are trimmed", true), ("Names are unique", false)]
        );
    }

    #[test]
    fn labels_with_the_colon_outside_or_missing() {
        let text = "\
**Code to Create**
- `a.rs`

**API Contract**:
```
POST /a
```

**Depends on:** #3, Requires #4 (types)
";
        let issue = read_ok(&Source::new("l.md", text));
        assert_eq!(paths(&issue), ["a.rs"]);
        assert_eq!(issue.contract_blocks.len(), 1);
        assert_eq!(issue.contract_blocks[0].lang, "");
        assert_eq!(
            links(&issue.depends_on),
            [("depends_on", Some(3), ""), ("requires", Some(4), "types")]
        );
    }

    #[test]
    fn context_dependencies_are_not_issue_links() {
        let text = format!(
            "{SMALL}\n## Context & Resources\n**Dependencies:**\n- External libraries needed\n- See #5\n"
        );
        let issue = read_ok(&Source::new("c.md", text));
        assert!(issue.depends_on.is_empty(), "{:?}", issue.depends_on);
    }

    #[test]
    fn crlf_reads_like_lf() {
        let lf = corpus("valid/01-add-book.md");
        let crlf = Source::new("crlf.md", lf.text().replace('\n', "\r\n"));
        let (a, b) = (read_ok(&lf), read_ok(&crlf));
        assert_eq!(b.front_matter.title, a.front_matter.title);
        assert_eq!(b.front_matter.labels, a.front_matter.labels);
        assert_eq!(b.objective, a.objective);
        assert_eq!(paths(&b), paths(&a));
        assert_eq!(links(&b.depends_on), links(&a.depends_on));
        assert_eq!(links(&b.blocks), links(&a.blocks));
        assert_eq!(b.business_logic.len(), 4);
        let content = crlf.slice(b.contract_blocks[0].content);
        assert!(content.starts_with("// Add one title to the catalogue\r\nPOST /api/books\r\n"));
        assert_eq!(line(&crlf, b.contract_blocks[0].content), 28);
        assert_eq!(line(&crlf, b.code_to_create[0].span), 23);
    }

    #[test]
    fn falls_back_to_a_block_that_starts_with_a_method() {
        let text = "\
## Notes
```json
{ \"not\": \"a contract\" }
```

```
// the endpoint
  DELETE /api/things/:id
```
";
        let source = Source::new("f.md", text);
        let issue = read_ok(&source);
        assert_eq!(issue.code_blocks.len(), 2);
        assert_eq!(issue.contract_blocks.len(), 1);
        assert!(
            source
                .slice(issue.contract_blocks[0].content)
                .contains("DELETE")
        );
    }

    #[test]
    fn fallback_wants_an_upper_case_method_and_a_path() {
        for block in ["get /x", "GET x", "GETTER /x", "// GET /x"] {
            let text = format!("```\n{block}\n```\n");
            let diagnostics = read_err(&Source::new("n.md", text));
            assert_eq!(diagnostics.len(), 1, "{block}");
        }
    }

    #[test]
    fn no_front_matter_is_fine() {
        let text = SMALL.split_once("---\n\n").map(|(_, rest)| rest).unwrap();
        let issue = read_ok(&Source::new("n.md", text));
        assert!(issue.front_matter.title.is_none());
        assert!(issue.front_matter.labels.is_empty());
        assert_eq!(issue.objective.as_deref(), Some("Do a small thing."));
    }

    #[test]
    fn front_matter_lists_and_fences() {
        let text = "\u{feff}--- \r\ntitle: 42\r\nlabels:\r\n  - ' a '\r\n  - b\r\nassignees: ''\r\nmilestone: [1, x]\r\n...\r\n".to_string()
            + &SMALL.replace("---\ntitle: Small\n---\n", "");
        let issue = read_ok(&Source::new("y.md", text));
        let fm = &issue.front_matter;
        assert_eq!(fm.title.as_deref(), Some("42"));
        assert_eq!(fm.labels, ["a", "b"]);
        assert!(fm.assignees.is_empty());
        assert_eq!(
            fm.extra["milestone"],
            Value::List(vec![Value::Int(1), Value::String("x".into())])
        );
        assert_eq!(issue.objective.as_deref(), Some("Do a small thing."));
    }

    #[test]
    fn front_matter_of_the_wrong_shape_is_refused() {
        let wrong_type = SMALL.replace("title: Small", "title: Small\nlabels: {a: 1}");
        let d = read_err(&Source::new("t.md", wrong_type));
        assert_eq!(d.0[0].line_col().line, 3, "{d}");
        assert!(d.0[0].message.contains("`labels`"), "{d}");

        let not_a_map = SMALL.replace("title: Small", "just words");
        let d = read_err(&Source::new("m.md", not_a_map));
        assert_eq!(d.0[0].line_col().line, 2, "{d}");
    }

    #[test]
    fn bad_front_matter_and_no_contract_are_reported_together() {
        let d = read_err(&Source::new("b.md", "---\na: [\n---\nNo contract here.\n"));
        assert_eq!(d.len(), 2, "{d}");
    }

    #[test]
    fn empty_and_unclosed_blocks_have_sensible_spans() {
        let text = "**API Contract:**\n```js\n```\n\n## Notes\n```\nPOST /x\n";
        let source = Source::new("e.md", text);
        let issue = read_ok(&source);
        assert_eq!(issue.code_blocks.len(), 2);
        let empty = issue.code_blocks[0].content;
        assert_eq!((empty.start, empty.end), (24, 24));
        assert_eq!(source.slice(issue.code_blocks[1].content), "POST /x\n");
        // The labelled block wins, even though it is empty; the heading ended the label.
        assert_eq!(issue.contract_blocks.len(), 1);
        assert_eq!(issue.contract_blocks[0].content, empty);
    }

    #[test]
    fn a_thematic_break_ends_the_section() {
        let text = format!("{SMALL}\n**Business Logic:**\n- [ ] kept\n\n---\n- [ ] not a rule\n");
        let issue = read_ok(&Source::new("r.md", text));
        assert_eq!(issue.business_logic.len(), 1);
    }

    #[test]
    fn parses_link_forms() {
        let at = Span::default();
        let link =
            |text| parse_link(text, "depends_on", at).map(|l| (l.relation, l.number, l.note));
        assert_eq!(
            link("Fixes #10: crash"),
            Some(("closes", Some(10), "crash".into()))
        );
        assert_eq!(link("#XXX"), Some(("depends_on", None, String::new())));
        assert_eq!(link("see https://x.io/a#b"), None);
        assert_eq!(link("External libraries needed"), None);
        assert_eq!(link("# "), None);
        assert_eq!(
            link("#1 (a) and (b)"),
            Some(("depends_on", Some(1), "(a) and (b)".into()))
        );
    }

    /// Every span the reader hands out must be sliceable and every diagnostic renderable.
    fn check_spans(source: &Arc<Source>) {
        match read(source) {
            Ok(issue) => {
                let spans = issue
                    .code_to_create
                    .iter()
                    .map(|p| p.span)
                    .chain(issue.business_logic.iter().map(|t| t.span))
                    .chain(issue.depends_on.iter().chain(&issue.blocks).map(|l| l.span))
                    .chain(
                        issue
                            .code_blocks
                            .iter()
                            .chain(&issue.contract_blocks)
                            .map(|b| b.content),
                    );
                for span in spans {
                    let _ = source.slice(span);
                    let _ = source.line_col(span.end);
                }
            }
            Err(diagnostics) => {
                let _ = diagnostics.render(false);
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(text in "\\PC*") {
            check_spans(&Source::new("p.md", text));
        }

        #[test]
        fn never_panics_on_markdownish_text(
            text in "(---|```|~~~|\\*\\*|- \\[[ x]\\] |#+ |> |  |\r\n|\n|#[0-9X]+|`|:|[A-Za-z ]{1,8}|POST /|\u{feff}|🎯|'|\\[|\\{)*"
        ) {
            check_spans(&Source::new("p.md", text));
        }

        #[test]
        fn never_panics_after_a_valid_issue(tail in "\\PC*") {
            let base = corpus("valid/01-add-book.md");
            check_spans(&Source::new("p.md", format!("{}{tail}", base.text())));
        }

        #[test]
        fn never_panics_on_a_cut_issue(cut in 0usize..2000, tail in "\\PC{0,40}") {
            let base = corpus("valid/00-seed-template.md");
            let text = base.text();
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            check_spans(&Source::new("p.md", format!("{}{tail}", &text[..cut])));
        }
    }
}
