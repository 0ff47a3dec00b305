//! Stage 2: where the document names endpoints. Every structural position that holds a method and
//! a path ([`super::method_path`]) gives a candidate, with the block it stands in; so does a
//! statement of the base path the document's routes are relative to. Whether two candidates are
//! one endpoint, or one an example of another, is [`super::resolve`]'s to decide.
//!
//! The positions, with what may follow the pair on its line:
//!
//! - a heading (`### POST /api/auth/signup`, ``## 3. `DELETE /x/{id}` ``), or a method heading
//!   under a path heading (`## /api/tools`, then `### GET`): anything;
//! - a label's value (``**Endpoint:** `PUT /x` ``), or a method label and a path label in one part
//!   (`**Method:** POST`, `**Path:** /api/x`, also on one line), or a label alone with its value
//!   on the next line or in the code block after it: anything;
//! - a list item, a line of a paragraph and a line of a code block (`POST /x HTTP/1.1`): a
//!   description after a separator (a dash, a colon, a run of spaces, the end of a code span);
//!   prose straight after the path is a sentence;
//! - a row of a table (markdown or HTML): a method column and a path column, an endpoint column
//!   (whose cell may list several, `` `POST /in`, `/out` ``), a path column beside a column per
//!   method, or a method cell and a path cell that start the row; a method-only table completes
//!   a path label of its part;
//! - GitBook's `{% swagger method="post" path="/x" %}` and `{% api-method %}` tags, and API
//!   Blueprint headings (`## Notes [/notes]`, then `### List [GET]`).
//!
//! A checkbox task, a sentence, a test description and a `curl` command name none.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;

use super::blocks::{Block, contains_ignore_case, label_words, line_offsets};
use super::method_path::{
    LabelKind, METHODS, MethodPath, alternative, half_label, is_version, label_alone, label_holds,
    label_kind, liquid_tag, lone_method, lone_methods, lone_path, marked_method_item, method_path,
    rooted, split_label, strip_numbering, titled,
};
use crate::source::{Source, Span, Spanned};

/// The structure an endpoint was named in, for telling a person what was inferred from where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A heading, or a method heading under a path heading.
    Heading,
    /// A paragraph, or one line of it.
    Paragraph,
    /// A label such as `**Endpoint:**`, or a method label and a path label.
    Label,
    /// A list item.
    ListItem,
    /// A line of a code block.
    CodeLine,
    /// A row of a table with a method and a path column.
    TableRow,
    /// A GitBook `swagger` or `api-method` tag.
    Tag,
}

impl Form {
    /// The structure in words, for saying where an endpoint came from.
    pub fn describe(self) -> &'static str {
        match self {
            Form::Heading => "a heading",
            Form::Paragraph => "a line of its own",
            Form::Label => "a label",
            Form::ListItem => "a list item",
            Form::CodeLine => "a line of a code block",
            Form::TableRow => "a row of a route table",
            Form::Tag => "a GitBook tag",
        }
    }
}

/// A method and a path named at one place of the document.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub method: Spanned<String>,
    pub path: Spanned<String>,
    pub form: Form,
    /// The block it stands in.
    pub block: usize,
    /// It stands where documents show examples: under an example heading, after an example
    /// label (`**Example**:`), or as one's value.
    pub example: bool,
}

/// A statement of the path the routes after it are relative to: the document's (`Base URL:
/// https://api.example.com/v2`), or a section's (`### Users (`/users`)` over a route table).
#[derive(Clone, Debug)]
pub(super) struct BasePath {
    pub path: Spanned<String>,
    /// The block that states it.
    pub block: usize,
    /// The block its section ends before: the end of the document for the document's.
    pub end: usize,
}

/// What the document names, in document order.
#[derive(Debug, Default)]
pub(super) struct Candidates {
    pub endpoints: Vec<Candidate>,
    pub bases: Vec<BasePath>,
}

/// Every candidate and base path statement of `blocks`.
pub(super) fn candidates(source: &Source, blocks: &[(Block, Range<usize>)]) -> Candidates {
    let mut finder = Finder {
        source,
        found: Candidates::default(),
        at: 0,
        path_heading: None,
        example_heading: None,
        release_heading: None,
        method_label: None,
        heading_methods: None,
        path_label: None,
        label_pending: None,
        table: None,
        in_example: false,
        task_item: false,
        section_base: None,
        section_heading: None,
        listed_path: None,
        method_alone: None,
        part_named: false,
        base_stated: false,
    };
    for (at, (block, range)) in blocks.iter().enumerate() {
        finder.at = at;
        finder.block(block, range.clone());
    }
    finder.end_section_part();
    finder.found
}

struct Finder<'a> {
    source: &'a Source,
    found: Candidates,
    /// The block being read.
    at: usize,
    /// A heading that is only a path (`## /api/tools`) and its level: method headings under it
    /// name endpoints.
    path_heading: Option<(usize, Spanned<String>)>,
    /// The level of an example heading (`### Example request`) the block is under.
    example_heading: Option<usize>,
    /// The level of a release heading (`## v3.4.0`) the block is under: a changelog's entries
    /// tell what changed, in sentences, and name no endpoint.
    release_heading: Option<usize>,
    /// `**Method:** POST` seen in this part of the document, waiting for its path label.
    method_label: Option<Spanned<Vec<&'static str>>>,
    /// `### GET Request details`: the methods a heading of this part named with its title, for
    /// code blocks under it that each hold only a path.
    heading_methods: Option<Spanned<Vec<&'static str>>>,
    /// `**Path:** /api/x` seen in this part, waiting for its method label.
    path_label: Option<Spanned<String>>,
    /// The block before was a label alone (`**Endpoint**`, `## Method`, `## Base URL`): this one
    /// may be its value on a line of its own.
    label_pending: Option<Pending>,
    /// Where the table being read names its endpoints.
    table: Option<Columns>,
    /// The block being read follows an example label.
    in_example: bool,
    /// The item being read is a checkbox task: only an item that is an endpoint line names one
    /// (`- [x] GET /api/orders`), not a task that ends with one (`- [ ] Create task (POST /x)`).
    task_item: bool,
    /// The base path a heading states for its section (`### Users (`/users`)`): the heading's
    /// level and the index of the base.
    section_base: Option<(usize, usize)>,
    /// That heading's block and path, until the next heading: a method label under it with no
    /// path label names the path.
    section_heading: Option<(usize, Spanned<String>)>,
    /// The last line of this part that is only a path: lines under it that start with a method
    /// and say what it does there name endpoints on it.
    listed_path: Option<Spanned<String>>,
    /// The block before was a paragraph that is only a method: this one may be its path.
    method_alone: Option<Spanned<Vec<&'static str>>>,
    /// An endpoint has been named in this part of the document (since its heading): an HTTP
    /// block in it is an example.
    part_named: bool,
    /// The document has stated its base URL, even one with no path or several that differ: a
    /// mount path in a later line is then no base.
    base_stated: bool,
}

/// A label alone on its line, waiting for its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pending {
    Label(LabelKind),
    Base,
    /// `**Example**:`: the next block shows an example.
    Example,
}

impl Finder<'_> {
    fn block(&mut self, block: &Block, range: Range<usize>) {
        let pending = std::mem::take(&mut self.label_pending);
        let label = pending.and_then(|p| match p {
            Pending::Label(kind) => Some(kind),
            Pending::Base | Pending::Example => None,
        });
        self.in_example = pending == Some(Pending::Example);
        let method_alone = self.method_alone.take();
        match block {
            Block::Heading { level, text } => self.heading(*level, text, range),
            Block::Paragraph { text }
                if label.is_none() && self.badged(method_alone, text, range.clone()) => {}
            Block::Paragraph { text } => {
                if pending == Some(Pending::Base) {
                    self.base(text, range.clone());
                }
                for line in text.lines() {
                    // A row of a table the markdown did not take as one (a stray `|` line ended
                    // it): its cells.
                    let trimmed = line.trim();
                    if trimmed.len() > 2 && trimmed.starts_with('|') && trimmed.ends_with('|') {
                        let cells: Vec<String> = trimmed[1..trimmed.len() - 1]
                            .split('|')
                            .map(|cell| cell.trim().to_owned())
                            .collect();
                        self.row(&cells, false, range.clone());
                        continue;
                    }
                    self.line(line, range.clone(), label, Form::Paragraph);
                }
                if text.lines().count() == 1 {
                    self.label_pending = pending_label(text);
                }
            }
            // A checked or unchecked item is read as any other: `- [x] GET :: /api/orders` marks
            // an endpoint done, `- [ ] T012 Implement POST /api/orders` is a task and names none.
            // Items nested in a checkbox task are the task's (`- [x] T033 Add the routes`, then
            // `  - POST /api/v1/auth/login`).
            Block::Item { in_task: true, .. } => {}
            Block::Item { text, task, .. } => {
                self.task_item = *task;
                let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
                let first = lines.next().unwrap_or_default();
                // `* **URL**` with the path on the item's next line.
                let first_label = first.trim_end_matches(':');
                match lines.next() {
                    Some(next) if label_kind(first_label) != LabelKind::Other => {
                        let line = format!("{first_label}: {next}");
                        self.line(&line, range, None, Form::ListItem);
                    }
                    next => {
                        self.line(first, range.clone(), label, Form::ListItem);
                        // The item's later lines are its description; only a method or a path
                        // label among them names something (`1) List the products`, then
                        // `METHOD: GET ------ ENDPOINT: /products`).
                        for line in next.into_iter().chain(lines) {
                            if let (Some(label), _) = split_label(line)
                                && label_kind(label) != LabelKind::Other
                            {
                                self.line(line, range.clone(), None, Form::ListItem);
                            }
                        }
                    }
                }
                self.task_item = false;
            }
            Block::Code { http } => self.code(range, pending, *http),
            Block::Row { cells, header } => self.row(cells, *header, range),
        }
    }

    fn heading(&mut self, level: usize, text: &str, range: Range<usize>) {
        // A new part of the document, unless the heading is itself a label
        // (`## Resource URL`, then `## Method`).
        let pending = pending_label(text);
        let half = half_label(text);
        self.close_sections(level, text, pending.is_none() && half.is_none());
        if let Some((label, value)) = half {
            self.labelled(label, value, text, range);
            return;
        }
        let text = strip_numbering(text);
        // API Blueprint: `## Notes [/notes]` heads a resource, `### Create a note [POST]` an
        // action on it, `### Archive [POST /notes/{id}/archive]` both.
        let text = blueprint_brackets(text).unwrap_or(text);
        if let Some(named) = method_path(text) {
            self.add(&named.methods, named.path, range, Form::Heading);
            return;
        }
        if let Some((method, path)) = rooted(text) {
            self.add(&[method], path, range, Form::Heading);
            return;
        }
        if let Some(named) = titled(text, true).filter(|_| !is_example(text)) {
            self.add(&named.methods, named.path, range, Form::Heading);
            return;
        }
        if let Some(path) = section_path(text) {
            let span = self.locate(&path, range.clone(), 0);
            self.open_section(level, Spanned::new(path, span));
            return;
        }
        if is_example(text) {
            self.example_heading = Some(level);
        }
        if let Some(path) = heading_path(text) {
            let span = self.locate(&path, range.clone(), 0);
            let path = Spanned::new(path, span);
            // Named by a method heading under it, or a method label in its part.
            self.path_heading = Some((level, path.clone()));
            self.path_label = Some(path);
            return;
        }
        // `## POST Incident`: a method and a title; a path label in its part completes it.
        if let Some(methods) = leading_methods(text) {
            let span = self.locate(methods[0], range.clone(), 0);
            self.method_label = Some(Spanned::new(methods.clone(), span));
            self.heading_methods = Some(Spanned::new(methods, span));
        }
        match &self.path_heading {
            Some((path_level, path)) if *path_level < level => {
                if let Some(methods) = lone_methods(text) {
                    let path = path.clone();
                    let span = self.locate(methods[0], range, 0);
                    self.push(&methods, span, path, Form::Heading);
                }
            }
            _ => self.path_heading = None,
        }
        self.label_pending = pending;
    }

    /// A paragraph that is only a method (a generated page's badge, `<small class="badge">GET</small>`,
    /// its tags left out) waits for the next; a paragraph that is only a path, right after one,
    /// names the endpoint with it (`api/user`, its leading slash left out as such pages write it).
    /// Whether `text` was either.
    fn badged(
        &mut self,
        method_alone: Option<Spanned<Vec<&'static str>>>,
        text: &str,
        range: Range<usize>,
    ) -> bool {
        if let Some(methods) = lone_methods(text) {
            let span = self.locate(methods[0], range, 0);
            self.method_alone = Some(Spanned::new(methods, span));
            return true;
        }
        let Some(methods) = method_alone else {
            return false;
        };
        let Some(path) = table_path(text.trim().trim_matches(['*', '`'])) else {
            return false;
        };
        let span = self.locate(&path, range, 0);
        self.push(
            &methods.value,
            methods.span,
            Spanned::new(path, span),
            Form::Paragraph,
        );
        true
    }

    /// What a heading at `level` ends: the part above (unless the heading is a label), and the
    /// example, release and section-base headings at its level or below; and whether it opens a
    /// release section.
    fn close_sections(&mut self, level: usize, text: &str, new_part: bool) {
        if new_part {
            self.part_named = false;
            self.listed_path = None;
            self.end_section_part();
            self.method_label = None;
            self.heading_methods = None;
            self.path_label = None;
        }
        if self.example_heading.is_some_and(|above| level <= above) {
            self.example_heading = None;
        }
        if self.release_heading.is_some_and(|above| level <= above) {
            self.release_heading = None;
        }
        if is_release(text) {
            self.release_heading = Some(level);
        }
        if let Some((above, base)) = self.section_base
            && level <= above
        {
            self.found.bases[base].end = self.at;
            self.section_base = None;
        }
    }

    /// A heading at `level` that states `path` for its section (`### Riders (`/riders`)`): the
    /// base of the routes under it, and the path a method label in its own part completes.
    fn open_section(&mut self, level: usize, path: Spanned<String>) {
        self.section_heading = Some((self.at, path.clone()));
        self.section_base = Some((level, self.found.bases.len()));
        self.found.bases.push(BasePath {
            path,
            block: self.at,
            end: usize::MAX,
        });
    }

    /// One line of a paragraph or a list item: an endpoint line, a label with one, a liquid tag,
    /// or a method or path label.
    fn line(&mut self, line: &str, range: Range<usize>, after: Option<LabelKind>, form: Form) {
        let line = line.trim();
        // A path has a slash, a label a colon; a line with neither names nothing, unless it is
        // the value of a label alone above it or a method under a line that is only a path.
        if after.is_none()
            && self.listed_path.is_none()
            && !line.bytes().any(|b| b == b'/' || b == b':')
            && !line.contains('：')
        {
            return;
        }
        // The value of a label that stood alone on the line before.
        if self.label_value(line, range.clone(), after) {
            return;
        }
        if let Some((method, path)) = liquid_tag(line) {
            self.add(&[method], path, range, Form::Tag);
            return;
        }
        if form == Form::ListItem
            && !self.task_item
            && let Some((method, path)) = marked_method_item(line)
        {
            self.add(&[method], path, range, form);
            return;
        }
        let (label, rest) = split_label(line);
        if let Some(label) = label
            && is_base_label(label)
        {
            self.base(rest, range);
            return;
        }
        // `All URIs are relative to https://api.example.com/v4`.
        if let Some(at) = RELATIVE_TO.find(line.as_bytes()) {
            self.base(&line[at..], range.clone());
        } else if self.found.endpoints.is_empty() && !label.is_some_and(names_a_tool) {
            self.mount_base(line, range.clone());
        }
        if let Some(label) = label {
            self.labelled(label, rest, line, range);
            return;
        }
        // A list item may describe its endpoint in prose after a code span; a paragraph's line
        // needs a separator, as it may be the middle of a sentence.
        let stands_apart = |named: &MethodPath| match form {
            Form::ListItem => named.closed(),
            _ => named.separated,
        };
        if form == Form::ListItem
            && let Some(listed) = endpoint_list(line)
        {
            for (methods, path) in listed {
                self.add(&methods, path, range.clone(), form);
            }
            return;
        }
        if let Some(named) = method_path(line).filter(stands_apart) {
            let form = if after.is_some() { Form::Label } else { form };
            self.add(&named.methods, named.path, range, form);
        } else if let Some(named) =
            titled(line, false).filter(|_| !is_example(line) && !self.task_item)
        {
            self.add(&named.methods, named.path, range, form);
        } else if let Some(path) = lone_path(strip_numbering(line).trim_matches(['`', '*'])) {
            // A line that is only a path (`1.	/auth/signin`) starts an endpoint's description:
            // a method label after it completes it, as it does a path heading's (one left over
            // from the endpoint before does not).
            let span = self.locate(&path, range, 0);
            self.method_label = None;
            self.path_label = Some(Spanned::new(path.clone(), span));
            self.listed_path = Some(Spanned::new(path, span));
        } else if let Some(methods) = leading_methods(line)
            && let Some(path) = self.listed_path.clone()
        {
            // `GET: all the students` under a line that is only its path: one endpoint per such
            // line, so the path stays for the next method.
            self.path_label = None;
            let span = self.locate(methods[0], range, 0);
            self.push(&methods, span, path, form);
        }
    }

    /// A line that is the value of a label alone on the line before: whether it was one.
    fn label_value(&mut self, line: &str, range: Range<usize>, after: Option<LabelKind>) -> bool {
        match after {
            Some(LabelKind::Endpoint) if method_path(line).is_none() => {
                if let Some(path) = lone_path(line) {
                    let span = self.locate(&path, range, 0);
                    self.path_label = Some(Spanned::new(path, span));
                    self.pair_labels();
                    return true;
                }
            }
            Some(LabelKind::Method) => {
                if let Some(methods) = lone_methods(line) {
                    let span = self.locate(methods[0], range, 0);
                    self.method_label = Some(Spanned::new(methods, span));
                    self.pair_labels();
                    return true;
                }
            }
            _ => {}
        }
        false
    }

    /// A line `label: rest`: an endpoint, a method or a path label's value.
    fn labelled(&mut self, label: &str, rest: &str, line: &str, range: Range<usize>) {
        // `METHOD: GET ------ ENDPOINT: /x`: a method and a path label on one line.
        if let Some((value, (next, next_value))) = next_label(label, rest) {
            self.labelled(label, value, line, range.clone());
            self.labelled(next, next_value, line, range);
            return;
        }
        match label_kind(label) {
            LabelKind::Endpoint => {
                if let Some(named) = method_path(rest) {
                    let mut next = alternative(named.rest);
                    self.add(&named.methods, named.path, range.clone(), Form::Label);
                    while let Some(named) = next {
                        next = alternative(named.rest);
                        self.add(&named.methods, named.path, range.clone(), Form::Label);
                    }
                } else if let Some(path) = lone_path(rest.split_whitespace().next().unwrap_or("")) {
                    self.path_label = Some(Spanned::new(path, Span::new(range.start, range.end)));
                    self.pair_labels();
                }
            }
            LabelKind::Method => {
                if let Some(methods) = lone_methods(rest) {
                    let span = self.locate(methods[0], range, 0);
                    self.method_label = Some(Spanned::new(methods, span));
                    self.pair_labels();
                }
            }
            // Whatever its words, a label whose value is only a method is a method label
            // (`请求方式：GET`).
            LabelKind::Other if lone_methods(rest).is_some() => {
                let methods = lone_methods(rest).unwrap_or_default();
                let span = self.locate(methods[0], range, 0);
                self.method_label = Some(Spanned::new(methods, span));
                self.pair_labels();
            }
            // Any other label's value names an endpoint when it is one and nothing else
            // (`**端點**: `GET /workouts``, `Create: POST /notes`).
            LabelKind::Other => {
                if let Some(named) = method_path(rest).filter(|named| named.separated) {
                    let example = std::mem::replace(&mut self.in_example, is_example(line));
                    self.add(&named.methods, named.path, range, Form::Label);
                    self.in_example = example;
                }
            }
        }
    }

    /// The lines of a code block that start with a method and a path.
    fn code(&mut self, range: Range<usize>, pending: Option<Pending>, http: bool) {
        let text = &self.source.text()[range.clone()];
        if pending == Some(Pending::Base) {
            self.base(text, range.clone());
        }
        // `URL:` alone, then a block that holds only the path.
        if let Some(Pending::Label(kind)) = pending
            && let Some(value) = fenced_value(text)
            && self.label_value(value, range.clone(), Some(kind))
        {
            return;
        }
        // Under `### GET Request details`, a block that is only a path names an endpoint with
        // the heading's method, each such block one.
        if let Some(methods) = self.heading_methods.clone()
            && let Some(path) =
                fenced_value(text).and_then(|value| lone_path(value.trim_matches('`')))
        {
            self.method_label = None;
            let span = self.locate(&path, range, 0);
            self.push(
                &methods.value,
                methods.span,
                Spanned::new(path, span),
                Form::CodeLine,
            );
            return;
        }
        // An HTTP message in a part that has named its endpoint shows a request with its
        // values: an example position. In a part that has not, it is the part's own request
        // line (`### Search by USDOT` over `GET /customers/search_by_usdot/?usdot=12`).
        let example = self.in_example;
        self.in_example |= self.part_named && (http || text.contains(" HTTP/1.1"));
        for (offset, line) in line_offsets(text) {
            let line = line.trim_start_matches(['$', '>', ' ']);
            // A list written in an indented block (`    - [GET] /api/products -> the list`).
            let line = line
                .strip_prefix("- ")
                .or_else(|| line.strip_prefix("* "))
                .unwrap_or(line);
            // A method starts with a capital (after emphasis): most code lines do not.
            let may_name = line
                .bytes()
                .find(|b| !matches!(b, b'*' | b'`' | b'_' | b'\t' | b'['))
                .is_some_and(|b| b.is_ascii_uppercase());
            let at = range.start + offset;
            if may_name && let Some(named) = method_path(line).filter(|named| named.separated) {
                self.add(
                    &named.methods,
                    named.path,
                    at..at + line.len() + 1,
                    Form::CodeLine,
                );
            } else {
                self.code_label(line, at..at + line.len() + 1);
            }
        }
        self.in_example = example;
    }

    /// A line of a code block that is a method or an endpoint label (`Path:    POST /v1/orders`,
    /// `method: POST` and `url: /v1/orders`): no other label of code names anything.
    fn code_label(&mut self, line: &str, range: Range<usize>) {
        // A label starts with a letter: most lines of code (`"key": 1`, `}`) do not.
        if !line
            .trim_start_matches([' ', '\t', '-', '*'])
            .starts_with(|c: char| c.is_alphabetic())
        {
            return;
        }
        let (Some(label), value) = split_label(line) else {
            return;
        };
        match label_kind(label) {
            LabelKind::Endpoint => {
                if let Some(named) = method_path(value).filter(|named| named.separated) {
                    self.add(&named.methods, named.path, range, Form::CodeLine);
                } else if let Some(path) = lone_path(value.trim_matches(['"', '\''])) {
                    let span = self.locate(&path, range, 0);
                    self.path_label = Some(Spanned::new(path, span));
                    self.pair_labels();
                }
            }
            LabelKind::Method => {
                if let Some(methods) = lone_methods(value.trim_matches(['"', '\''])) {
                    let span = self.locate(methods[0], range, 0);
                    self.method_label = Some(Spanned::new(methods, span));
                    self.pair_labels();
                }
            }
            LabelKind::Other => {}
        }
    }

    fn row(&mut self, cells: &[String], header: bool, range: Range<usize>) {
        if header {
            self.table = table_columns(cells);
            // A header row may itself hold an endpoint, in a table with no header of its own.
            if self.table.is_some() {
                return;
            }
        }
        // `| **Method** | POST |`, then `| **Path** | /api/v1/tasks |`: a table of an endpoint's
        // attributes holds its labels.
        if let [label, value] = cells {
            let (label, value) = (
                label.trim().trim_matches(['*', '_', '`']).trim(),
                value.trim(),
            );
            if label_holds(label, value) {
                self.labelled(label, value, value, range);
                return;
            }
        }
        let cell = |i: usize| cells.get(i).map(|c| c.trim());
        // Whatever the header says (`| Méthode | Route |`): a method cell beside a path cell;
        // one written from the root before one whose slash is a guess (`| /users | GET | N/A |`),
        // and only the first under a header that names no path column.
        let beside = |guess: bool| {
            (0..cells.len()).find_map(|at| {
                let methods = cell(at).and_then(cell_methods)?;
                let after = cell(at + 1);
                let before = at.checked_sub(1).and_then(cell);
                let written = |cell: Option<&str>| lone_path(cell?.trim_matches('`'));
                let path = written(after)
                    .or_else(|| written(before))
                    .or_else(|| after.filter(|_| guess).and_then(table_path))
                    .or_else(|| before.filter(|_| guess).and_then(table_path))?;
                Some((methods, path))
            })
        };
        let named =
            match &self.table {
                // The path cell may hold the method too (`| Method | HTTP request |` over
                // `| [getBuild](#x) | **GET** /builds/{id} |`).
                Some(Columns::MethodAndPath(method_column, path_column)) => cell(*method_column)
                    .and_then(cell_methods)
                    .zip(cell(*path_column).and_then(|path| {
                        table_path(path.trim_matches('`').split_whitespace().next()?)
                    }))
                    .or_else(|| endpoint_cell(cell(*path_column)?))
                    .or_else(|| titled_endpoint(cell(*path_column)?)),
                Some(Columns::Matrix(path_column, methods)) => {
                    let Some(path) = cell(*path_column).and_then(table_path) else {
                        return;
                    };
                    let methods: Vec<&'static str> = methods
                        .iter()
                        .filter(|(column, _)| cell(*column).is_some_and(offered))
                        .map(|(_, method)| *method)
                        .collect();
                    self.add(&methods, path, range, Form::TableRow);
                    return;
                }
                // A path cell under a header the reader does not know (`| API | Method |`)
                // names the endpoint with the method cell; with none, the method is a label.
                Some(Columns::MethodOnly(_)) if beside(false).is_some() => None,
                Some(Columns::MethodOnly(method_column)) => {
                    if let Some(methods) = cell(*method_column).and_then(lone_methods) {
                        let span = self.locate(methods[0], range, 0);
                        self.method_label = Some(Spanned::new(methods, span));
                        self.pair_labels();
                    }
                    return;
                }
                Some(Columns::Endpoint(column)) => {
                    // A cell listing several: `` `POST /login`, `/logout`; `GET /me` ``.
                    if let Some(listed) = cell(*column).and_then(endpoint_list) {
                        for (methods, path) in listed {
                            self.add(&methods, path, range.clone(), Form::TableRow);
                        }
                        return;
                    }
                    cell(*column).and_then(endpoint_cell)
                }
                None => None,
            };
        // Or a first cell that is both.
        let found = named.or_else(|| {
            beside(!matches!(self.table, Some(Columns::MethodOnly(_))))
                .or_else(|| cell(0).and_then(endpoint_cell))
                .or_else(|| spread_endpoint(cells))
        });
        if let Some((methods, path)) = found {
            self.add(&methods, path, range, Form::TableRow);
        }
    }

    /// A base path statement's value: the path of the first URL or path in `text`.
    fn base(&mut self, text: &str, range: Range<usize>) {
        let mut paths = text
            .split_whitespace()
            .filter_map(|word| lone_path(word.trim_matches(['`', '<', '>', '(', ')'])));
        let Some(path) = paths.next() else {
            // `Base URL: http://localhost:5000`: a host, and routes from its root.
            self.base_stated |= text.contains("://");
            return;
        };
        self.base_stated = true;
        // Bases that differ (`Production: https://host/v1`, `Local: http://localhost/api/v1`):
        // which one the routes are under is not said, so none is joined.
        if paths.any(|other| other.trim_end_matches('/') != path.trim_end_matches('/')) {
            return;
        }
        let span = self.locate(&path, range, 0);
        let path = path.trim_end_matches('/').to_owned();
        if path.is_empty() {
            return;
        }
        self.found.bases.push(BasePath {
            path: Spanned::new(path, span),
            block: self.at,
            end: usize::MAX,
        });
    }

    /// Before the first endpoint, a line that names a mount path and nothing more of a route
    /// states the base, in any language: `Base `/api/v1`.`, `Tutti gli endpoint sono sotto
    /// `/api/v1/`.`, `All routes are under /api`.
    fn mount_base(&mut self, line: &str, range: Range<usize>) {
        let mut paths = line.split_whitespace().filter_map(|word| {
            let word = word.trim_matches(['`', '*', '(', ')', '.', ',', ';', '"', '\'']);
            lone_path(word).filter(|path| path.len() > 1)
        });
        let (Some(path), None) = (paths.next(), paths.next()) else {
            return;
        };
        let mount = path.trim_matches('/').split('/').all(is_mount_segment);
        if mount && self.found.bases.is_empty() && !self.base_stated {
            self.base(&path, range);
        }
    }

    /// The end of the part under a heading that states a path after its title
    /// (`### 1. Register `/api/public/register``): a method label in it that no path label
    /// completed names that path.
    fn end_section_part(&mut self) {
        let Some((block, path)) = self.section_heading.take() else {
            return;
        };
        if self.path_label.is_none()
            && let Some(methods) = self.method_label.take()
        {
            let at = std::mem::replace(&mut self.at, block);
            self.push(&methods.value, methods.span, path, Form::Label);
            self.at = at;
        }
    }

    /// A method label and a path label seen in one part name an endpoint together.
    fn pair_labels(&mut self) {
        if let (Some(methods), Some(path)) = (&self.method_label, &self.path_label) {
            let (methods, path) = (methods.clone(), path.clone());
            self.method_label = None;
            self.path_label = None;
            self.push(&methods.value, methods.span, path, Form::Label);
        }
    }

    fn add(&mut self, methods: &[&'static str], path: String, range: Range<usize>, form: Form) {
        let Some(first) = methods.first() else {
            return;
        };
        let method_span = self.locate(first, range.clone(), 0);
        let path_span = self.locate(&path, range, method_span.end);
        // `/load[/<model>]`: a last segment in brackets is optional, so the line names two routes.
        if let Some(at) = path.find("[/").filter(|_| path.ends_with(']')) {
            let without = if at == 0 { "/" } else { &path[..at] };
            self.push(
                methods,
                method_span,
                Spanned::new(without.to_owned(), path_span),
                form,
            );
            let with = format!("{}{}", &path[..at], &path[at + 1..path.len() - 1]);
            self.push(methods, method_span, Spanned::new(with, path_span), form);
            return;
        }
        self.push(methods, method_span, Spanned::new(path, path_span), form);
    }

    /// One candidate per method (`GET, HEAD /x` names two endpoints), all at `method_span`.
    fn push(&mut self, methods: &[&str], method_span: Span, path: Spanned<String>, form: Form) {
        if self.release_heading.is_some() {
            return;
        }
        let example = self.example_heading.is_some() || self.in_example;
        self.part_named |= !example && !methods.is_empty();
        for method in methods {
            self.found.endpoints.push(Candidate {
                method: Spanned::new((*method).to_owned(), method_span),
                path: path.clone(),
                form,
                block: self.at,
                example,
            });
        }
    }

    /// Where `needle` is within `range` of the source, from `from` on; the whole range when it is
    /// not written there as is (a path rebuilt from a full URL, say).
    fn locate(&self, needle: &str, range: Range<usize>, from: usize) -> Span {
        let start = range.start.max(from).min(range.end);
        let text = self.source.text().get(start..range.end).unwrap_or("");
        match text.find(needle) {
            Some(at) => Span::new(start + at, start + at + needle.len()),
            None => Span::new(range.start, range.end),
        }
    }
}

/// A row with one cell that is only methods and one that is only a path, apart
/// (`| 101 | Login | `/api/v1/auth/login` | auth | `POST` |`, under a header in any language).
fn spread_endpoint(cells: &[String]) -> Option<(Vec<&'static str>, String)> {
    let mut methods = cells.iter().filter_map(|cell| lone_methods(cell));
    let mut paths = cells
        .iter()
        .filter_map(|cell| lone_path(cell.trim().trim_matches('`')));
    let found = (methods.next()?, paths.next()?);
    (methods.next().is_none() && paths.next().is_none()).then_some(found)
}

/// A cell that is a method and a path, with at most a description after them.
fn endpoint_cell(cell: &str) -> Option<(Vec<&'static str>, String)> {
    method_path(cell)
        .filter(MethodPath::closed)
        .map(|named| (named.methods, named.path))
}

/// Whether a label names a tool that lives at a URL of its own (`Swagger UI:`, `Docs:`,
/// `Health check:`): the URL it gives is where the tool is, not the base of the routes.
fn names_a_tool(label: &str) -> bool {
    const TOOLS: [&str; 12] = [
        "swagger",
        "openapi",
        "docs",
        "documentation",
        "ui",
        "playground",
        "console",
        "dashboard",
        "frontend",
        "website",
        "health",
        "graphql",
    ];
    label
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| TOOLS.iter().any(|tool| word.eq_ignore_ascii_case(tool)))
}

/// The one line a fenced block holds, when it holds one and nothing else.
fn fenced_value(block: &str) -> Option<&str> {
    let mut lines = block
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("```") && !line.starts_with("~~~"));
    let value = lines.next()?;
    lines.next().is_none().then_some(value)
}

/// The method, path or both in brackets that end an API Blueprint heading (`Note [/notes/{id}]`,
/// `Get a note [GET]`), when they hold nothing else.
fn blueprint_brackets(heading: &str) -> Option<&str> {
    let inner = heading.trim_end().strip_suffix(']')?;
    let inner = &inner[inner.rfind('[')? + 1..];
    let named = lone_methods(inner).is_some()
        || lone_path(inner).is_some_and(|_| !inner.contains(' '))
        || method_path(inner).is_some_and(|named| named.rest.is_empty());
    named.then_some(inner)
}

/// A route table's `**Get** /v1/carts` (as generated client docs write it): in that column a
/// method in any case is a method.
fn titled_endpoint(cell: &str) -> Option<(Vec<&'static str>, String)> {
    let mut words = cell.split_whitespace();
    let first = words.next()?.trim_matches(['*', '`', '_']);
    let method = METHODS.iter().find(|m| m.eq_ignore_ascii_case(first))?;
    let path = lone_path(words.next()?.trim_matches(['*', '`']))?;
    Some((vec![*method], path))
}

/// Whether a method column's cell offers the method on the row's path: it says something, and
/// nothing that crosses it out (`❌`, `-`, `N/A`, `no`).
fn offered(cell: &str) -> bool {
    let cell = cell.trim().trim_matches(['*', '_', '`']).trim();
    const CROSSED: [&str; 8] = ["❌", "✗", "✘", "✖", "⛔", "🚫", "(x)", "not allowed"];
    let lower = cell.to_lowercase();
    !cell.is_empty()
        && !cell.chars().all(|c| "-–—/.".contains(c))
        && !["n/a", "na", "no", "none", "x"].contains(&lower.as_str())
        && !CROSSED.iter().any(|mark| lower.contains(mark))
}

/// The endpoints a cell or a list item lists in code spans and nothing else:
/// `` `POST /auth/register`, `/auth/login`; `GET, POST /members` ``. A span that is only a path
/// takes the methods of the span before it, as the writer wrote the method once; separators
/// (`,`, `;`, `/`, `|`, `&`, `and`) stand between the spans, and a note in parentheses or after a
/// dash may close the list. At least two endpoints: one is [`endpoint_cell`]'s.
fn endpoint_list(text: &str) -> Option<Vec<(Vec<&'static str>, String)>> {
    let pieces: Vec<&str> = text.split('`').collect();
    if pieces.len() < 5 || pieces.len().is_multiple_of(2) {
        return None;
    }
    let separator = |piece: &str| {
        piece
            .split_whitespace()
            .all(|word| word.chars().all(|c| ",;/|&".contains(c)) || word == "and")
    };
    let last = pieces.len() - 1;
    let mut listed = Vec::new();
    let mut methods: Option<Vec<&'static str>> = None;
    for (at, piece) in pieces.iter().enumerate() {
        if at.is_multiple_of(2) {
            let between = piece.trim();
            let fits = match at {
                0 => between
                    .trim_start_matches(['-', '*', '+'])
                    .trim()
                    .is_empty(),
                _ if at == last => {
                    separator(between) || between.starts_with(['(', '-', '–', '—', ':'])
                }
                _ => separator(between),
            };
            if !fits {
                return None;
            }
            continue;
        }
        if let Some(named) = method_path(piece).filter(|named| named.rest.is_empty()) {
            methods = Some(named.methods.clone());
            listed.push((named.methods, named.path));
        } else {
            let path = lone_path(piece).filter(|_| !piece.trim().contains(' '))?;
            listed.push((methods.clone()?, path));
        }
    }
    (listed.len() >= 2).then_some(listed)
}

/// `GET ------ ENDPOINT: /x` after a `METHOD:` label: the label's value, and the label that
/// follows it on the line with its value, when both labels name a method or a path (a run of
/// dashes, a bar or a comma may stand between them).
fn next_label<'t>(label: &str, rest: &'t str) -> Option<(&'t str, (&'t str, &'t str))> {
    if label_kind(label) == LabelKind::Other {
        return None;
    }
    let (value, after) = rest.trim().split_once(char::is_whitespace)?;
    let after = after.trim_start_matches(|c: char| c.is_whitespace() || "-–—|,;".contains(c));
    let (Some(next), next_value) = split_label(after) else {
        return None;
    };
    let kinds = [label_kind(label), label_kind(next)];
    (kinds.contains(&LabelKind::Method) && kinds.contains(&LabelKind::Endpoint))
        .then_some((value, (next, next_value)))
}

/// The path a heading names alone, or before a title after a colon, a dash or in parentheses
/// (`## /api/user: UserRootAPI`, `### /api/v1/issues/{id} (Delete)`).
fn heading_path(text: &str) -> Option<String> {
    let text = text.trim();
    let first = text.split_whitespace().next()?;
    let rest = text[first.len()..].trim();
    let titled =
        rest.is_empty() || first.ends_with(':') || rest.starts_with(['-', '–', '—', ':', '(']);
    titled.then(|| lone_path(first.trim_matches('`'))).flatten()
}

/// The methods a route table's cell starts with: only methods (`GET, HEAD`), or a method with
/// a word on what it does (`**DELETE** all`).
fn cell_methods(cell: &str) -> Option<Vec<&'static str>> {
    lone_methods(cell).or_else(|| {
        let named = method_path(cell);
        let first = cell
            .trim()
            .trim_matches(['*', '`'])
            .split_whitespace()
            .next()?;
        (named.is_none()).then(|| lone_methods(first)).flatten()
    })
}

/// A path in a route table's cell, with its leading slash or without (`api/activities`, as
/// some tables write routes beside a method cell).
fn table_path(cell: &str) -> Option<String> {
    let cell = cell.trim().trim_matches('`').trim();
    lone_path(cell).or_else(|| {
        let rooted = cell.contains('/')
            && cell.starts_with(|c: char| c.is_ascii_alphanumeric())
            && !cell.contains(' ')
            && !cell.contains("://");
        rooted.then(|| lone_path(&format!("/{cell}"))).flatten()
    })
}

/// The methods a heading or a line starts with, before a title that is no path
/// (`POST Incident`, `GET: List hives`, `POST - add one`).
fn leading_methods(text: &str) -> Option<Vec<&'static str>> {
    let (first, rest) = text.trim().split_once(' ')?;
    let methods = lone_methods(first.trim_end_matches(':'))?;
    let rest = rest
        .trim()
        .trim_start_matches(['-', '–', '—', ':'])
        .trim()
        .trim_start_matches(['*', '_']);
    let titled = rest.starts_with(|c: char| c.is_alphabetic()) && lone_path(rest).is_none();
    titled.then_some(methods)
}

/// The path a heading states for its section after its title: `Users (`/users`)`,
/// `Rooms — /rooms`, `Auth: /auth`.
fn section_path(heading: &str) -> Option<String> {
    let heading = heading.trim().trim_end_matches([')', '`', ' ']);
    let at = heading.rfind(['(', ' ', '`'])?;
    let (title, path) = heading.split_at(at);
    let path = path.trim_start_matches(['(', ' ', '`']);
    let title = title
        .trim()
        .trim_end_matches(['(', '`', '-', '–', '—', ':'])
        .trim();
    let last_word = title.rsplit(' ').next().unwrap_or(title);
    if title.is_empty() || lone_methods(last_word).is_some() || !path.starts_with('/') {
        return None;
    }
    lone_path(path).filter(|path| path.len() > 1)
}

/// The words before a base URL in a sentence (searched in every line: set up once).
static RELATIVE_TO: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("relative to "));

/// A segment routes are mounted under: `api`, `rest`, a version (`v2`, `api-v1`).
pub(super) fn is_mount_segment(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    lower == "api"
        || lower == "rest"
        || is_version(&lower)
        || lower.strip_prefix("api-").is_some_and(is_version)
}

/// What a heading or a one-line paragraph that is only a label waits for on the next block.
fn pending_label(text: &str) -> Option<Pending> {
    // No label that waits for its value is longer.
    if text.len() > 48 {
        return None;
    }
    let label = text
        .trim()
        .trim_matches(['*', '_'])
        .trim()
        .trim_end_matches(':');
    if is_base_label(label) {
        return Some(Pending::Base);
    }
    if is_example(label) && label.split_whitespace().count() <= 4 {
        return Some(Pending::Example);
    }
    label_alone(text).map(Pending::Label)
}

/// `Base URL`, `Base path`, `API base URL`, `Root endpoint`: a label whose value the routes
/// after it are relative to.
fn is_base_label(label: &str) -> bool {
    let Some((words, count)) = label_words::<3>(label) else {
        return false;
    };
    let words = &words[..count];
    let has = |wanted: &[&str]| {
        words
            .iter()
            .any(|w| wanted.iter().any(|x| w.eq_ignore_ascii_case(x)))
    };
    has(&["base", "root"]) && has(&["url", "path", "uri", "endpoint"])
}

/// Whether a heading names a release of a changelog: `v3.4.0`, `[1.2.0] - 2026-03-01`,
/// `Version 2.1`, `Unreleased`.
fn is_release(heading: &str) -> bool {
    let text = heading.trim();
    if text
        .trim_matches(['[', ']'])
        .eq_ignore_ascii_case("unreleased")
    {
        return true;
    }
    let text = text.trim_start_matches('[');
    let prefixed = ["version ", "release ", "v"].iter().find_map(|prefix| {
        text.get(..prefix.len())
            .filter(|head| head.eq_ignore_ascii_case(prefix))
            .map(|_| &text[prefix.len()..])
    });
    let text = prefixed.unwrap_or(text);
    let (version, rest) = text.split_once(' ').unwrap_or((text, ""));
    let version = version.trim_end_matches(']');
    let parts: Vec<&str> = version.split('.').collect();
    let numbers = parts.len() >= 2
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
    // `1.2.0`, `v1.2`; a numbered section (`2.1 Plots`) has words after its number.
    let rest = rest.trim();
    numbers
        && (prefixed.is_some() || parts.len() >= 3)
        && (rest.is_empty()
            || rest.starts_with(['-', '–', '—', '(', '['])
            || rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a heading heads examples (`### Example request`, `#### Sample`).
fn is_example(heading: &str) -> bool {
    contains_ignore_case(heading, "example") || contains_ignore_case(heading, "sample")
}

/// The columns of a table that name endpoints.
#[derive(Clone, Debug)]
enum Columns {
    /// `| Method | Path |`, `| Route | HTTP |`: a method cell and a path cell.
    MethodAndPath(usize, usize),
    /// `| Endpoint | ... |` with no method column: cells that are `METHOD /path`.
    Endpoint(usize),
    /// `| URL | GET | POST | DELETE |`: a path cell, and a column per method whose cell says
    /// what the method does on that path, or is empty or crossed out where it has none.
    Matrix(usize, Vec<(usize, &'static str)>),
    /// `| Method | Auth required |` with no path column: the method cell is a method label, for
    /// the path a label of the same part states (`URL:` over a code block).
    MethodOnly(usize),
}

/// Where a table names endpoints, from its header.
fn table_columns(cells: &[String]) -> Option<Columns> {
    let names: Vec<String> = cells
        .iter()
        .map(|c| c.trim().trim_matches(['*', '`']).to_ascii_lowercase())
        .collect();
    let method = names
        .iter()
        .position(|n| ["method", "http", "verb", "http method"].contains(&n.as_str()));
    let method_columns: Vec<(usize, &'static str)> = cells
        .iter()
        .enumerate()
        .filter_map(|(at, cell)| Some((at, lone_method(cell)?)))
        .collect();
    let path = names.iter().position(|n| {
        [
            "path",
            "paths",
            "route",
            "routes",
            "endpoint",
            "endpoints",
            "url",
            "uri",
            "resource",
            "http request",
        ]
        .contains(&n.as_str())
    });
    Some(match (method, path) {
        (Some(method), Some(path)) => Columns::MethodAndPath(method, path),
        (None, Some(path)) if method_columns.len() >= 2 => Columns::Matrix(path, method_columns),
        (None, Some(path)) => Columns::Endpoint(path),
        (Some(method), None) => Columns::MethodOnly(method),
        (None, None) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::blocks::blocks;

    fn found(text: &str) -> Vec<(String, String, Form)> {
        let source = Source::new("doc.md", text);
        candidates(&source, &blocks(text))
            .endpoints
            .into_iter()
            .map(|e| (e.method.value, e.path.value, e.form))
            .collect()
    }

    /// What a text names, as `METHOD /path`.
    fn pairs(text: &str) -> Vec<String> {
        found(text)
            .into_iter()
            .map(|(method, path, _)| format!("{method} {path}"))
            .collect()
    }

    /// Each text names exactly the one endpoint given, in the form given.
    fn each_names_one(cases: &[(&str, &str, &str, Form)]) {
        for &(text, method, path, form) in cases {
            assert_eq!(
                found(text),
                [(method.to_owned(), path.to_owned(), form)],
                "{text}"
            );
        }
    }

    #[test]
    fn headings_name_endpoints() {
        each_names_one(&[
            (
                "### POST /api/auth/signup\n",
                "POST",
                "/api/auth/signup",
                Form::Heading,
            ),
            (
                "## 3. `DELETE /api/v1/shelves/{id}`\n",
                "DELETE",
                "/api/v1/shelves/{id}",
                Form::Heading,
            ),
            (
                "## /api/tools\n\nTools.\n\n### GET\n\nList them.\n",
                "GET",
                "/api/tools",
                Form::Heading,
            ),
        ]);
    }

    #[test]
    fn paragraphs_labels_and_items_name_endpoints() {
        each_names_one(&[
            (
                "Intro.\n\n`PUT /api/notes/{id}`\n",
                "PUT",
                "/api/notes/{id}",
                Form::Paragraph,
            ),
            (
                "**Endpoint:** `PUT /api/notes/{id}`\n",
                "PUT",
                "/api/notes/{id}",
                Form::Label,
            ),
            (
                "**Endpoint**\n\nPOST /payments\n",
                "POST",
                "/payments",
                Form::Label,
            ),
            (
                "- **Method:** POST\n- **Path:** `/api/x`\n",
                "POST",
                "/api/x",
                Form::Label,
            ),
            (
                "- PATCH /api/teams/:id {name, logoUrl}\n",
                "PATCH",
                "/api/teams/:id",
                Form::ListItem,
            ),
            (
                "- `/api/teams` POST: create a team\n",
                "POST",
                "/api/teams",
                Form::ListItem,
            ),
        ]);
    }

    #[test]
    fn code_lines_tables_and_tags_name_endpoints() {
        each_names_one(&[
            (
                "```http\nPOST https://api.example.com/v1/orders?x=1 HTTP/1.1\nAuthorization: Bearer t\n\n{\"a\": 1}\n```\n",
                "POST",
                "/v1/orders",
                Form::CodeLine,
            ),
            (
                "| Method | Path | What |\n| --- | --- | --- |\n| GET | /events | list |\n",
                "GET",
                "/events",
                Form::TableRow,
            ),
            (
                "{% swagger method=\"post\" path=\"/alerts\" baseUrl=\"https://x\" %}\n",
                "POST",
                "/alerts",
                Form::Tag,
            ),
        ]);
    }

    #[test]
    fn general_forms_name_endpoints() {
        // A checked item that starts with an endpoint marks it done.
        assert_eq!(
            pairs("- [x] GET     :: /api/orders/{id}  => the order\n"),
            ["GET /api/orders/{id}"]
        );
        // Items nested in a task are the task's.
        assert_eq!(
            pairs("- [x] T033 Add the routes\n  - POST /api/login\n"),
            Vec::<String>::new()
        );
        // A table row the markdown did not take as one.
        assert_eq!(
            pairs("| Método | Ruta |\n|---|---|\n| GET | `/a` |\n|\n| POST | `/a` |\n"),
            ["GET /a", "POST /a"]
        );
        // A generated page's method badge, then its path without the leading slash.
        assert_eq!(
            pairs(
                "<p>\n<small class=\"badge badge-green\">GET</small>\n <b><code>api/user</code></b>\n</p>\n"
            ),
            ["GET /api/user"]
        );
        // A list item that is only a path, and items under it that start with a method.
        assert_eq!(
            pairs(
                "* `http://h:8000/api/x`\n  * GET: the student x\n  * DELETE: remove x\n\n* `/api/y`\n  * POST - add one\n"
            ),
            ["GET /api/x", "DELETE /api/x", "POST /api/y"]
        );
        // Lines that are only a path, each completed by the method label after it.
        assert_eq!(
            pairs("1.\t/auth/signin\ni)\tMethod: POST\n2.\t/driver/\ni)\tMethod: GET\n"),
            ["POST /auth/signin", "GET /driver/"]
        );
        // ... and not by one left over from an item whose path it could not read.
        assert_eq!(
            pairs("1.\tdriver/pause\ni)\tMethod: POST\n2.\t/driver/resume\ni)\tMethod: PUT\n"),
            ["PUT /driver/resume"]
        );
        // A path heading with a parenthetical title, and a method label in its part.
        assert_eq!(
            pairs("### /api/pots/{id} (Delete)\n- **Method:** DELETE\n- **Auth:** Yes\n"),
            ["DELETE /api/pots/{id}"]
        );
        // A pair in marks, and nothing but a symbol after it.
        assert_eq!(pairs("**`GET /pots`** 🔒\n"), ["GET /pots"]);
        assert_eq!(
            pairs("**`POST /pots`** 🔒 — a name is enough\n"),
            ["POST /pots"]
        );
        // A path heading with a title, and a method heading under it.
        assert_eq!(
            pairs("## /api/user: Users\n\n### GET\n\nAll users.\n"),
            ["GET /api/user"]
        );
        // A method cell with a word on what it does, a route without its leading slash.
        assert_eq!(
            pairs(
                "| Code | Route | Method |\n|---|---|---|\n| 501 | `api/apps` | **DELETE** all |\n"
            ),
            ["DELETE /api/apps"]
        );
        // Brackets around the method, non-breaking spaces after it.
        assert_eq!(
            pairs("- **[ POST ]** \u{a0}\u{a0} /ums/project/\n"),
            ["POST /ums/project/"]
        );
        // A label in any language whose value is a method, beside an endpoint label.
        assert_eq!(
            pairs("接口URL：http://h:800/group/users\n\n请求方式：GET\n"),
            ["GET /group/users"]
        );
        // A method cell and a path cell apart, under a header in another language.
        assert_eq!(
            pairs(
                "| No | 名前 | エンドポイント | 操作 | メソッド |\n|---|---|---|---|---|\n| 1 | ログイン | `/api/login` | login | `POST` |\n"
            ),
            ["POST /api/login"]
        );
        // A method and a path that end a title, after a parenthesis, a dash or a pipe.
        assert_eq!(
            pairs(
                "### Add a pot (`POST /pots`)\n\n### One pot — GET /pots/{id}\n\n### Gone | DELETE /pots/{id}\n\nRefill - PUT - http://h:1/pots/{id}/water\n\n- Soil - GET `/soil`\n"
            ),
            [
                "POST /pots",
                "GET /pots/{id}",
                "DELETE /pots/{id}",
                "PUT /pots/{id}/water",
                "GET /soil"
            ]
        );
        // A heading that states a path after its title, and a method label in its part.
        assert_eq!(
            pairs(
                "### 1. Sign up `/api/signup`\n- method: `POST`\n\n### Log in `/api/login`\n- method: `POST`\n"
            ),
            ["POST /api/signup", "POST /api/login"]
        );
        // ... unless a path label of the part completes the method label.
        assert_eq!(
            pairs("### Pots (`/pots`)\n\n**Method:** GET\n\n**Path:** /pots/{id}\n"),
            ["GET /pots/{id}"]
        );
    }

    #[test]
    fn tables_lists_and_labels_that_name_several() {
        // A column per method: cells crossed out, empty or a dash offer none.
        assert_eq!(
            pairs(
                "| URL | GET | POST | DELETE |\n|---|---|---|---|\n| /a | all | ❌ | - |\n| /a/:id | one |  | drop it |\n"
            ),
            ["GET /a", "GET /a/:id", "DELETE /a/:id"]
        );
        // An endpoints cell listing spans; a bare path takes the methods before it.
        assert_eq!(
            pairs(
                "| Area | Endpoints |\n|---|---|\n| Auth | `POST /in`, `/out`; `GET, HEAD /me` (any) |\n"
            ),
            ["POST /in", "POST /out", "GET /me", "HEAD /me"]
        );
        // A span that is prose ends the list: only the one endpoint.
        assert_eq!(pairs("- `GET /a`, `see below`\n"), ["GET /a"]);
        // A method and an endpoint label on one line; a method table under a URL block.
        assert_eq!(
            pairs("METHOD: PUT ------ ENDPOINT: http://h/x/1\n"),
            ["PUT /x/1"]
        );
        assert_eq!(
            pairs("URL:\n```\n/y\n```\n\n| Method | Auth |\n|---|---|\n| GET | No |\n"),
            ["GET /y"]
        );
        // API Blueprint, and an HTML table.
        assert_eq!(
            pairs("## Notes [/notes]\n\n### List [GET]\n\n### Pin [POST /notes/{id}/pin]\n"),
            ["GET /notes", "POST /notes/{id}/pin"]
        );
        assert_eq!(
            pairs(
                "<table>\n<tr><th>Route</th><th>Method</th></tr>\n<tr><td>/z</td><td>DELETE</td></tr>\n</table>\n"
            ),
            ["DELETE /z"]
        );
    }

    #[test]
    fn sentences_tasks_tests_and_curl_name_none() {
        for text in [
            "Clients then call GET /api/orders to refresh the list.\n",
            "- [ ] T012 Implement POST /api/orders\n",
            "- [x] Implemented POST /api/teams\n",
            "- [ ] Create task (POST /api/tasks)\n",
            "- [ ] Index '/products' [GET]\n",
            "```js\nit('returns 404 for GET /api/x/unknown', async () => {});\n```\n",
            "```sh\ncurl -X POST https://api.example.com/api/x -d '{}'\n```\n",
            "GET /api/orders returns every order of the user.\n",
            "- POST /login with a wrong password answers 401\n",
            "| Case | Request | Expected |\n| --- | --- | --- |\n| TC1 | GET /stock | 200 |\n",
            "### get /lowercase is prose\n",
            "To refresh, the client then calls `GET /api/orders`\n",
            "The client calls it - GET /api/orders - and waits.\n",
            "Note, first: - GET /api/orders\n",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }
}
