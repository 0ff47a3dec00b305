//! Where a document names its endpoints (see the module above for the positions that count).

use std::collections::HashMap;
use std::ops::Range;

use super::blocks::{Block, blocks, label_words, line_offsets, starts_with_ignore_case};
use crate::source::{Source, Span, Spanned};

/// The HTTP methods an endpoint may have, as documents write them.
const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// An endpoint a document names, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedEndpoint {
    /// The method, upper case.
    pub method: Spanned<String>,
    /// The path from the root, without host or query string, its parameters as written.
    pub path: Spanned<String>,
    /// Which structure named it.
    pub form: Form,
}

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

/// Every endpoint `source` names, in document order, each once (by method and path).
pub fn named_endpoints(source: &Source) -> Vec<NamedEndpoint> {
    find(source).endpoints
}

/// What the finder leaves for the readers of each endpoint's part: the blocks, the endpoints,
/// and each block that names an endpoint (a second naming, in a detail section after an index
/// table, counts too: the part under it is that endpoint's).
pub(super) struct Found {
    pub blocks: Vec<(Block, Range<usize>)>,
    pub endpoints: Vec<NamedEndpoint>,
    /// `(block, endpoint)`, in document order.
    pub anchors: Vec<(usize, usize)>,
}

pub(super) fn find(source: &Source) -> Found {
    let blocks = blocks(source.text());
    let mut finder = Finder {
        source,
        found: Vec::new(),
        seen: HashMap::new(),
        anchors: Vec::new(),
        at: 0,
        path_heading: None,
        method_label: None,
        path_label: None,
        label_pending: None,
        table: None,
    };
    for (at, (block, range)) in blocks.iter().enumerate() {
        finder.at = at;
        finder.block(block, range.clone());
    }
    Found {
        endpoints: finder.found,
        anchors: finder.anchors,
        blocks,
    }
}

struct Finder<'a> {
    source: &'a Source,
    found: Vec<NamedEndpoint>,
    /// The method and route of each endpoint found, to find each once.
    seen: HashMap<(String, String), usize>,
    /// Each block that named an endpoint: `(block, endpoint)`.
    anchors: Vec<(usize, usize)>,
    /// The block being read.
    at: usize,
    /// A heading that is only a path (`## /api/tools`) and its level: method headings under it
    /// name endpoints.
    path_heading: Option<(usize, Spanned<String>)>,
    /// `**Method:** POST` seen in this part of the document, waiting for its path label.
    method_label: Option<Spanned<String>>,
    /// `**Path:** /api/x` seen in this part, waiting for its method label.
    path_label: Option<Spanned<String>>,
    /// The block before was a label alone (`**Endpoint**`, `## Method`): this one may be its
    /// value on a line of its own.
    label_pending: Option<LabelKind>,
    /// Where the table being read names its endpoints.
    table: Option<Columns>,
}

impl Finder<'_> {
    fn block(&mut self, block: &Block, range: Range<usize>) {
        let pending = std::mem::take(&mut self.label_pending);
        match block {
            Block::Heading { level, text } => {
                // A new part of the document, unless the heading is itself a label
                // (`## Resource URL`, then `## Method`).
                if label_alone(text).is_none() {
                    self.method_label = None;
                    self.path_label = None;
                }
                let text = strip_numbering(text);
                if let Some((method, path)) = method_and_path(text).or_else(|| rooted(text)) {
                    self.add(method, path, range, Form::Heading);
                    return;
                }
                if let Some(path) = lone_path(text) {
                    let span = self.locate(&path, range.clone(), 0);
                    let path = Spanned::new(path, span);
                    // Named by a method heading under it, or a method label in its part.
                    self.path_heading = Some((*level, path.clone()));
                    self.path_label = Some(path);
                    return;
                }
                match &self.path_heading {
                    Some((path_level, path)) if path_level < level => {
                        if let Some(method) = lone_method(text) {
                            let path = path.clone();
                            let span = self.locate(method, range, 0);
                            self.push(Spanned::new(method.to_owned(), span), path, Form::Heading);
                        }
                    }
                    _ => self.path_heading = None,
                }
                self.label_pending = label_alone(text);
            }
            Block::Paragraph { text } => {
                for line in text.lines() {
                    self.line(line, range.clone(), pending, Form::Paragraph);
                }
                self.label_pending = label_alone(text).filter(|_| text.lines().count() == 1);
            }
            Block::Item { text, task } => {
                if !task {
                    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
                    let first = lines.next().unwrap_or_default();
                    // `* **URL**` with the path on the item's next line.
                    let label = first.trim_end_matches(':');
                    match lines.next() {
                        Some(next) if label_kind(label) != LabelKind::Other => {
                            self.line(&format!("{label}: {next}"), range, pending, Form::ListItem);
                        }
                        _ => self.line(first, range, pending, Form::ListItem),
                    }
                }
            }
            Block::Code => {
                let text = &self.source.text()[range.clone()];
                for (offset, line) in line_offsets(text) {
                    let line = line.trim_start_matches(['$', '>', ' ']);
                    // A method starts with a capital (after emphasis): most code lines do not.
                    let may_name = line
                        .bytes()
                        .find(|b| !matches!(b, b'*' | b'`' | b'_' | b'\t'))
                        .is_some_and(|b| b.is_ascii_uppercase());
                    if may_name && let Some((method, path)) = method_and_path(line) {
                        let at = range.start + offset;
                        self.add(method, path, at..at + line.len() + 1, Form::CodeLine);
                    }
                }
            }
            Block::Row { cells, header } => {
                if *header {
                    self.table = table_columns(cells);
                    return;
                }
                let cell = |i: usize| cells.get(i).map(|c| c.trim().trim_matches('`').trim());
                match self.table {
                    Some(Columns::MethodAndPath(method_column, path_column)) => {
                        if let (Some(method), Some(path)) = (cell(method_column), cell(path_column))
                            && let Some(method) = lone_method(method)
                            && let Some(path) = lone_path(path)
                        {
                            self.add(method, path, range, Form::TableRow);
                        }
                    }
                    Some(Columns::Endpoint(column)) => {
                        if let Some(endpoint) = cell(column)
                            && let Some((method, path)) = method_and_path(endpoint)
                            && endpoint.split_whitespace().count() == 2
                        {
                            self.add(method, path, range, Form::TableRow);
                        }
                    }
                    None => {}
                }
            }
        }
    }

    /// One line of a paragraph or a list item: an endpoint line, a label with one, a liquid tag,
    /// or a method or path label.
    fn line(&mut self, line: &str, range: Range<usize>, after: Option<LabelKind>, form: Form) {
        let line = line.trim();
        // A path has a slash, a label a colon; a line with neither names nothing, unless it is
        // the value of a label alone above it.
        if after.is_none() && !line.bytes().any(|b| b == b'/' || b == b':') {
            return;
        }
        // The value of a label that stood alone on the line before.
        match after {
            Some(LabelKind::Endpoint) if endpoint_line(line).is_none() => {
                if let Some(path) = lone_path(line) {
                    let span = self.locate(&path, range, 0);
                    self.path_label = Some(Spanned::new(path, span));
                    self.pair_labels();
                }
                return;
            }
            Some(LabelKind::Method) => {
                if let Some(method) = lone_method(line) {
                    let span = self.locate(method, range, 0);
                    self.method_label = Some(Spanned::new(method.to_owned(), span));
                    self.pair_labels();
                }
                return;
            }
            _ => {}
        }
        let after_label = after.is_some();
        if let Some((method, path)) = liquid_tag(line) {
            self.add(&method, path, range, Form::Tag);
            return;
        }
        let (label, rest) = split_label(line);
        match label.map(label_kind) {
            Some(LabelKind::Endpoint) => {
                if let Some((method, path)) = endpoint_line(rest) {
                    self.add(method, path, range, Form::Label);
                } else if let Some(path) = lone_path(rest) {
                    self.path_label = Some(Spanned::new(path, Span::new(range.start, range.end)));
                    self.pair_labels();
                }
                return;
            }
            Some(LabelKind::Method) => {
                if let Some(method) = lone_method(rest.trim_matches(['`', '*']).trim()) {
                    let span = self.locate(method, range, 0);
                    self.method_label = Some(Spanned::new(method.to_owned(), span));
                    self.pair_labels();
                }
                return;
            }
            Some(LabelKind::Other) => return,
            None => {}
        }
        if let Some((method, path)) = endpoint_line(line) {
            let form = if after_label { Form::Label } else { form };
            self.add(method, path, range, form);
        }
    }

    /// A method label and a path label seen in one part name an endpoint together.
    fn pair_labels(&mut self) {
        if let (Some(method), Some(path)) = (&self.method_label, &self.path_label) {
            let (method, path) = (method.clone(), path.clone());
            self.method_label = None;
            self.path_label = None;
            self.push(method, path, Form::Label);
        }
    }

    fn add(&mut self, method: &str, path: String, range: Range<usize>, form: Form) {
        let method_span = self.locate(method, range.clone(), 0);
        let path_span = self.locate(&path, range, method_span.end);
        self.push(
            Spanned::new(method.to_owned(), method_span),
            Spanned::new(path, path_span),
            form,
        );
    }

    fn push(&mut self, method: Spanned<String>, path: Spanned<String>, form: Form) {
        let key = (method.value.clone(), route_key(&path.value));
        let index = *self.seen.entry(key).or_insert_with(|| {
            self.found.push(NamedEndpoint { method, path, form });
            self.found.len() - 1
        });
        if self.anchors.last() != Some(&(self.at, index)) {
            self.anchors.push((self.at, index));
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

/// A route as endpoints are compared: parameters of any spelling (`:id`, `{id}`, `<id>`, `[id]`)
/// alike, no trailing slash.
pub fn route_key(path: &str) -> String {
    let segments: Vec<&str> = path
        .trim_end_matches('/')
        .split('/')
        .map(|segment| {
            let parameter = segment.starts_with(':')
                || (segment.starts_with('{') && segment.ends_with('}'))
                || (segment.starts_with('<') && segment.ends_with('>'))
                || (segment.starts_with('[') && segment.ends_with(']'));
            if parameter { "{}" } else { segment }
        })
        .collect();
    let key = segments.join("/");
    if key.is_empty() { "/".to_owned() } else { key }
}

/// `METHOD /path`, alone on the line but for an `HTTP/1.1` version, a title after a dash or a
/// colon, or an inline body (`{name, logoUrl}`); or `/path METHOD` in that order.
fn endpoint_line(line: &str) -> Option<(&'static str, String)> {
    let line = line.trim().trim_matches('*').trim();
    if let Some(found) = method_and_path(line) {
        return Some(found);
    }
    // `/api/teams POST`, `` `/api/teams/:id` PATCH: ``
    let mut words = line.split_whitespace();
    let path = lone_path(words.next()?.trim_matches(['`', '*']))?;
    let method_word = words.next()?.trim_matches(['`', '*']);
    let titled = method_word.ends_with(':');
    let method = lone_method(method_word.trim_end_matches(':'))?;
    let rest = words.collect::<Vec<_>>().join(" ");
    (titled || rest_is_a_title(&rest)).then_some((method, path))
}

/// `METHOD /path` at the start of `text` (backticks, bold and a host allowed), with nothing but
/// a title, an inline body or an HTTP version after it.
fn method_and_path(text: &str) -> Option<(&'static str, String)> {
    let text = text.trim().trim_start_matches(['*', '`', '_']).trim_start();
    let method_word = text.split(|c: char| !c.is_ascii_alphabetic()).next()?;
    let method = lone_method(method_word)?;
    let rest = text[method_word.len()..].trim_start_matches(['*', '`', '_', ' ', '\t']);
    let path_word = rest
        .split(|c: char| c.is_whitespace() || c == '`' || c == '*')
        .next()?;
    let path = lone_path(path_word)?;
    let after = rest[path_word.len()..]
        .trim_start_matches(['*', '`', '_'])
        .trim();
    let after = ["HTTP/1.1", "HTTP/1.0", "HTTP/2"]
        .iter()
        .find_map(|version| after.strip_prefix(version))
        .unwrap_or(after);
    rest_is_a_title(after).then_some((method, path))
}

/// A heading's `POST api/v1/comments`: a method and a route written without its leading slash
/// (as generated documentation writes it); at least two segments, so `GET started` is no route.
fn rooted(text: &str) -> Option<(&'static str, String)> {
    let mut words = text.split_whitespace();
    let method = lone_method(words.next()?)?;
    let route = words.next()?.trim_matches('`');
    if words.next().is_some() || !route.contains('/') || route.starts_with('/') {
        return None;
    }
    lone_path(&format!("/{route}")).map(|path| (method, path))
}

/// What may follow an endpoint on its line without making it a sentence: nothing, a title after
/// a dash or a colon, a parenthetical, or an inline body.
fn rest_is_a_title(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty()
        || rest.starts_with(['-', '–', '—', ':', '(', '{', '[', '|', '→'])
        || rest.starts_with("->")
        || rest.starts_with("=>")
}

/// `text` if it is one of [`METHODS`], as written (upper case only: `get` is a word).
fn lone_method(text: &str) -> Option<&'static str> {
    let text = text.trim().trim_matches(['`', '*', '<', '>']);
    METHODS.iter().copied().find(|m| *m == text)
}

/// A path from the root, from a word such as `/api/x`, `{BASE_URL}/api/x` or
/// `https://host/api/x?y=1`: without host and query, or `None` when the word is no path.
fn lone_path(word: &str) -> Option<String> {
    if !word.as_bytes().contains(&b'/') {
        return None;
    }
    let word = word
        .trim()
        .trim_matches(['`', '*', '"', '\'', ','])
        .trim_end_matches([':', '.']);
    let path = if let Some(rest) = word.split_once("://").map(|(_, rest)| rest) {
        &rest[rest.find('/')?..]
    } else if word.starts_with('{') && !word.starts_with("{/") {
        // `{BASE_URL}/api/x`: a placeholder host.
        &word[word.find("}/")? + 1..]
    } else {
        word
    };
    let path = path.split(['?', '#']).next()?;
    let valid = path.starts_with('/')
        && path.len() > 1
        && !path.starts_with("//")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_.~:{}<>[]$@%+=".contains(c));
    valid.then(|| path.to_owned())
}

/// `3. `, `4.2 `, `Endpoint 2: ` and emphasis before a heading's endpoint.
fn strip_numbering(text: &str) -> &str {
    let text = text.trim().trim_start_matches(['*', '_']);
    let text = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    let text = text.trim_start();
    if starts_with_ignore_case(text, "endpoint")
        && let Some((_, rest)) = text.split_once(':')
    {
        return rest.trim();
    }
    text
}

/// What a label says the text after it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LabelKind {
    Endpoint,
    Method,
    Other,
}

fn label_kind(label: &str) -> LabelKind {
    // No label of ours is longer: a sentence before a colon is none.
    if label.len() > 24 {
        return LabelKind::Other;
    }
    let is = |word: &str, wanted: &str| word.eq_ignore_ascii_case(wanted);
    match label_words::<2>(label) {
        Some(([word, _], 1))
            if ["endpoint", "route", "url", "path", "uri", "request"]
                .iter()
                .any(|w| is(word, w)) =>
        {
            LabelKind::Endpoint
        }
        Some(([first, second], 2)) if is(first, "resource") && is(second, "url") => {
            LabelKind::Endpoint
        }
        Some(([word, _], 1)) if is(word, "method") || is(word, "verb") => LabelKind::Method,
        Some(([first, second], 2)) if is(first, "http") && is(second, "method") => {
            LabelKind::Method
        }
        _ => LabelKind::Other,
    }
}

/// The kind of label a heading or a paragraph is when it is only that (`**Endpoint**`, `## URL`,
/// `## Method`), so that the next block may be its value.
fn label_alone(text: &str) -> Option<LabelKind> {
    let text = text
        .trim()
        .trim_matches(['*', '_'])
        .trim()
        .trim_end_matches(':');
    Some(label_kind(text)).filter(|kind| *kind != LabelKind::Other)
}

/// `**Label:** rest`, `**Label**: rest`, `Label: rest` for a short label: the label and the rest.
fn split_label(line: &str) -> (Option<&str>, &str) {
    let trimmed = line.trim_start_matches(['-', '*', ' ']);
    let Some((label, rest)) = trimmed.split_once(':') else {
        return (None, line);
    };
    let label = label.trim().trim_matches(['*', '_']).trim();
    let short = !label.is_empty()
        && label.split_whitespace().count() <= 3
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || " -_".contains(c));
    // `POST /x: title` is an endpoint line, not a label named after a method.
    if !short || lone_method(label.split_whitespace().next().unwrap_or("")).is_some() {
        return (None, line);
    }
    (Some(label), rest.trim_start_matches(['*', '_']).trim())
}

/// GitBook's `{% swagger method="post" path="/x" %}` and `{% api-method method="get" ... %}`.
fn liquid_tag(line: &str) -> Option<(String, String)> {
    let tag = line.strip_prefix("{%")?.trim_start();
    if !(tag.starts_with("swagger ") || tag.starts_with("api-method ")) {
        return None;
    }
    let attribute = |name: &str| {
        let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
        tag[at..].split('"').next().map(str::to_owned)
    };
    let method = attribute("method")?.to_ascii_uppercase();
    METHODS.contains(&method.as_str()).then_some(())?;
    let path = lone_path(&attribute("path")?)?;
    Some((method, path))
}

/// The columns of a table that name endpoints.
#[derive(Clone, Copy, Debug)]
enum Columns {
    /// `| Method | Path |`, `| Route | HTTP |`: a method cell and a path cell.
    MethodAndPath(usize, usize),
    /// `| Endpoint | ... |` with no method column: cells that are `METHOD /path`.
    Endpoint(usize),
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
    let path = names.iter().position(|n| {
        ["path", "route", "endpoint", "url", "uri", "resource"].contains(&n.as_str())
    })?;
    Some(match method {
        Some(method) => Columns::MethodAndPath(method, path),
        None => Columns::Endpoint(path),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, Form)> {
        let source = Source::new("doc.md", text);
        named_endpoints(&source)
            .into_iter()
            .map(|e| (e.method.value, e.path.value, e.form))
            .collect()
    }

    fn one(method: &str, path: &str, form: Form) -> Vec<(String, String, Form)> {
        vec![(method.to_owned(), path.to_owned(), form)]
    }

    #[test]
    fn headings_name_endpoints() {
        assert_eq!(
            found("### POST /api/auth/signup\n"),
            one("POST", "/api/auth/signup", Form::Heading)
        );
        assert_eq!(
            found("## 3. `DELETE /api/v1/shelves/{id}`\n"),
            one("DELETE", "/api/v1/shelves/{id}", Form::Heading)
        );
        assert_eq!(
            found("## /api/tools\n\nTools.\n\n### GET\n\nList them.\n"),
            one("GET", "/api/tools", Form::Heading)
        );
    }

    #[test]
    fn paragraphs_labels_and_items_name_endpoints() {
        assert_eq!(
            found("Intro.\n\n`PUT /api/notes/{id}`\n"),
            one("PUT", "/api/notes/{id}", Form::Paragraph)
        );
        assert_eq!(
            found("**Endpoint:** `PUT /api/notes/{id}`\n"),
            one("PUT", "/api/notes/{id}", Form::Label)
        );
        assert_eq!(
            found("**Endpoint**\n\nPOST /payments\n"),
            one("POST", "/payments", Form::Label)
        );
        assert_eq!(
            found("- **Method:** POST\n- **Path:** `/api/x`\n"),
            one("POST", "/api/x", Form::Label)
        );
        assert_eq!(
            found("- PATCH /api/teams/:id {name, logoUrl}\n"),
            one("PATCH", "/api/teams/:id", Form::ListItem)
        );
        assert_eq!(
            found("- `/api/teams` POST: create a team\n"),
            one("POST", "/api/teams", Form::ListItem)
        );
    }

    #[test]
    fn code_lines_tables_and_tags_name_endpoints() {
        assert_eq!(
            found(
                "```http\nPOST https://api.example.com/v1/orders?x=1 HTTP/1.1\nAuthorization: Bearer t\n\n{\"a\": 1}\n```\n"
            ),
            one("POST", "/v1/orders", Form::CodeLine)
        );
        assert_eq!(
            found("| Method | Path | What |\n| --- | --- | --- |\n| GET | /events | list |\n"),
            one("GET", "/events", Form::TableRow)
        );
        assert_eq!(
            found("{% swagger method=\"post\" path=\"/alerts\" baseUrl=\"https://x\" %}\n"),
            one("POST", "/alerts", Form::Tag)
        );
    }

    #[test]
    fn sentences_tasks_tests_and_curl_name_none() {
        for text in [
            "Clients then call GET /api/orders to refresh the list.\n",
            "- [ ] T012 Implement POST /api/orders\n",
            "- [x] POST /api/teams\n",
            "```js\nit('returns 404 for GET /api/x/unknown', async () => {});\n```\n",
            "```sh\ncurl -X POST https://api.example.com/api/x -d '{}'\n```\n",
            "GET /api/orders returns every order of the user.\n",
            "| Case | Request | Expected |\n| --- | --- | --- |\n| TC1 | GET /stock | 200 |\n",
            "### get /lowercase is prose\n",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }

    #[test]
    fn an_endpoint_named_twice_is_found_once() {
        let text =
            "| Method | Path |\n| --- | --- |\n| GET | /tickets/:id |\n\n## GET /tickets/{id}\n";
        assert_eq!(found(text), one("GET", "/tickets/:id", Form::TableRow));
    }

    proptest::proptest! {
        /// No text, however strange, stops the reader; whatever it finds is a method and a path.
        #[test]
        fn any_text_is_read_without_a_panic(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("### ".to_owned()),
                    proptest::strategy::Just("POST /api/x".to_owned()),
                    proptest::strategy::Just("`GET` `/a/{id}`".to_owned()),
                    proptest::strategy::Just("**Method:** PUT\n- **Path:** /p".to_owned()),
                    proptest::strategy::Just("| Method | Path |\n| - | - |\n| GET | /t |".to_owned()),
                    proptest::strategy::Just("```http\nDELETE https://h/x HTTP/1.1\n".to_owned()),
                    proptest::strategy::Just("{% swagger method=\"get\" path=\"".to_owned()),
                    proptest::strategy::Just("- [ ] ".to_owned()),
                    proptest::strategy::Just("- 409 when".to_owned()),
                    proptest::strategy::Just("**Response (201é)**: ".to_owned()),
                    proptest::strategy::Just("HTTP/1.1 20".to_owned()),
                    proptest::strategy::Just("## Errors".to_owned()),
                    "\\PC{0,12}",
                ],
                0..40,
            ),
            separators in proptest::collection::vec(proptest::prop_oneof!["\n", "\n\n", " ", ""], 40),
        ) {
            let text: String = parts
                .iter()
                .zip(&separators)
                .map(|(part, separator)| format!("{part}{separator}"))
                .collect();
            let source = Source::new("doc.md", text);
            for endpoint in super::super::read_document(&source).endpoints {
                proptest::prop_assert!(endpoint.statuses.iter().all(|s| (100..600).contains(&s.value)));
            }
            for endpoint in named_endpoints(&source) {
                proptest::prop_assert!(METHODS.contains(&endpoint.method.value.as_str()));
                proptest::prop_assert!(endpoint.path.value.starts_with('/'));
                proptest::prop_assert!(endpoint.path.span.end <= source.text().len());
            }
        }
    }

    #[test]
    fn routes_compare_with_parameters_of_any_spelling() {
        assert_eq!(route_key("/a/:id/b/"), route_key("/a/{x}/b"));
        assert_eq!(route_key("/a/<id>"), route_key("/a/[id]"));
        assert_ne!(route_key("/a/b"), route_key("/a/{b}"));
    }
}
