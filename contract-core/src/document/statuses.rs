//! Which statuses a block gives, in status positions only: at the start of a heading, a line or
//! a list item (`- 409 when ...`, `` - `422`: ``, `401/403`), after a status label (`**Status
//! Code:** 201`, `Errors: 404, 409`), in parentheses after a response label or in a label
//! (`Response (201)`, `**Conflict (409)**:`), in a status column of a table, on an `HTTP/1.1 201`
//! line, or in a GitBook tab or response tag. Numbers elsewhere (`max 200 characters`) are not
//! statuses.

use std::ops::Range;

use super::blocks::{Block, line_offsets, starts_with_ignore_case};
use super::parts::locate;
use crate::source::{Source, Spanned};

/// Reads each block for statuses, knowing the status column of the table being read.
#[derive(Default)]
pub(super) struct StatusReader {
    column: Option<usize>,
}

impl StatusReader {
    /// A table's header row.
    pub(super) fn header(&mut self, cells: &[String]) {
        self.column = status_column(cells);
    }

    /// The statuses `block` gives.
    pub(super) fn block(
        &self,
        source: &Source,
        block: &Block,
        range: Range<usize>,
    ) -> Vec<Spanned<u16>> {
        statuses_in(source, block, range, self.column)
    }
}

/// The column of a table header that holds statuses: a status column before a bare `Code` one,
/// which often holds error names (`unauthorized`).
fn status_column(cells: &[String]) -> Option<usize> {
    let names: Vec<String> = cells
        .iter()
        .map(|cell| {
            cell.trim()
                .trim_matches(['*', '`'])
                .to_lowercase()
                .replace('-', " ")
        })
        .collect();
    let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
    find(&[
        "status",
        "statuses",
        "status code",
        "status codes",
        "http status",
        "http code",
        "response code",
        "response codes",
        "success code",
        "http",
    ])
    .or_else(|| find(&["code", "codes"]))
}

/// The statuses `block` gives in status positions.
fn statuses_in(
    source: &Source,
    block: &Block,
    range: Range<usize>,
    table: Option<usize>,
) -> Vec<Spanned<u16>> {
    let mut found = Vec::new();
    let mut add = |number: &str| {
        if let Some(status) = status(number) {
            let span = locate(source, number, range.clone());
            found.push(Spanned::new(status, span));
        }
    };
    match block {
        // A status is three digits: most prose has none.
        Block::Heading { text, .. } | Block::Paragraph { text } | Block::Item { text, .. }
            if !text.bytes().any(|b| b.is_ascii_digit()) => {}
        Block::Heading { text, .. } | Block::Paragraph { text } => {
            for line in text.lines() {
                line_statuses(line, &mut add);
            }
        }
        Block::Item {
            text,
            task: false,
            in_task: false,
        } => {
            // The item's first line, and a nested `- `422`: ...` line under a label.
            for line in text.lines() {
                line_statuses(line, &mut add);
            }
        }
        Block::Item { .. } => {}
        Block::Row { cells, header } => {
            if !header
                && let Some(column) = table
                && let Some(cell) = cells.get(column)
            {
                // `201`, `200, 404`, `404 Not Found; 409 Conflict`.
                for piece in cell.split([',', ';']) {
                    leading_statuses(piece, &mut add);
                }
            }
        }
        Block::Code { .. } => {
            let text = source.text().get(range.clone()).unwrap_or("");
            // Past its first line, a code block gives statuses on `HTTP` lines and after status
            // and error labels (`Returns: 204 No Content`, `Errors:  404, 409` in a YAML block).
            for (index, (_, line)) in line_offsets(text).enumerate() {
                let line = line.trim();
                if let Some(rest) = ["HTTP/1.1 ", "HTTP/1.0 ", "HTTP/2 ", "HTTP "]
                    .iter()
                    .find_map(|v| line.strip_prefix(v))
                {
                    leading_statuses(rest, &mut add);
                } else if index == 0 && line.len() <= 40 && line.ends_with(':') {
                    // A response block that starts `201:`.
                    leading_statuses(line, &mut add);
                } else if let Some((label, _)) = line.split_once(':')
                    && label.len() <= 16
                    && STATUS_LABELS
                        .iter()
                        .chain(&ERROR_LABELS)
                        .any(|known| label.eq_ignore_ascii_case(known))
                {
                    label_statuses(line, &mut add, true);
                }
            }
        }
    }
    found
}

/// Statuses in one line of prose, a heading or an item: see the module's positions.
pub(super) fn line_statuses(line: &str, add: &mut impl FnMut(&str)) {
    let line = line
        .trim()
        .trim_start_matches(['-', '*', '+', '>', ' ', '_']);
    // GitBook: `{% tab title="201: Created" %}`, `{% swagger-response status="409" %}`.
    if line.starts_with("{%") {
        for key in ["title=\"", "status=\"", "httpCode="] {
            if let Some(at) = line.find(key) {
                leading_statuses(&line[at + key.len()..], add);
            }
        }
        return;
    }
    // `` `200 OK`, `404 Not Found` ``: a list of statuses, each with its reason.
    if listed_statuses(line, add) {
        return;
    }
    // `204` on success, `404` for an unknown booking, `409` once boarded.
    if starts_with_status(line) {
        for piece in line.split([',', ';', '；']) {
            if starts_with_status(piece.trim()) {
                leading_statuses(piece, add);
            }
        }
        return;
    }
    if after_keyword(line, add) {
        return;
    }
    label_statuses(line, add, false);
}

/// A line that is a list of statuses, each with its reason (`200 OK, 404 Not Found`).
fn listed_statuses(line: &str, add: &mut impl FnMut(&str)) -> bool {
    let pieces = || line.split([',', ';']).map(str::trim);
    let listed = pieces().nth(1).is_some() && pieces().all(starts_with_status);
    if listed {
        for piece in pieces() {
            leading_statuses(piece, add);
        }
    }
    listed
}

/// Whether a line starts with a word that introduces a status, then the status (`Returns 202
/// with ...`, `Responds `201``).
pub(super) fn introduces_status(line: &str) -> bool {
    ["returns ", "responds ", "response "]
        .iter()
        .any(|keyword| {
            starts_with_ignore_case(line, keyword)
                && starts_with_status(line[keyword.len()..].trim_start_matches(['*', '`', ' ']))
        })
}

/// A status after a word that introduces one at the start of a line: `Returns 202 with ...`,
/// `HTTP/1.1 201 Created`, `**Response (400 Bad Request)** - Validation errors:`.
fn after_keyword(line: &str, add: &mut impl FnMut(&str)) -> bool {
    let keyword = ["response", "success", "returns", "status"]
        .iter()
        .any(|keyword| starts_with_ignore_case(line, keyword));
    if keyword
        && let Some(open) = line.find('(')
        && line[..open].split_whitespace().count() <= 2
    {
        parenthesized(&line[open..], add);
        return true;
    }
    for keyword in ["http/1.1 ", "http ", "returns ", "responds ", "response "] {
        if starts_with_ignore_case(line, keyword) {
            let rest = line[keyword.len()..].trim_start_matches(['*', '`', ' ']);
            if keyword.starts_with("http") {
                leading_statuses(rest, add);
                return true;
            }
            // `Returns `200` with the list; `404` for an unknown crossing.`
            if starts_with_status(rest) {
                for piece in rest.split([',', ';', '；']) {
                    if starts_with_status(piece.trim()) {
                        leading_statuses(piece, add);
                    }
                }
                return true;
            }
        }
    }
    false
}

/// The statuses a short label gives (`**Status Code:** 201`, `Errors: 404, 409`, `**Conflict
/// (409)**:`, `**Error 404**:`), or its value when that is a list of statuses or, once, a label of
/// its own (``Headers: `Status: 201 Created` ``).
fn label_statuses(line: &str, add: &mut impl FnMut(&str), nested: bool) {
    let Some((label, value)) = line.split_once([':', '：']) else {
        parenthesized(line, add);
        return;
    };
    let label = label.trim().trim_matches(['*', '_', '`']).trim();
    // `**Conflict (409)**:`, `Response (201)`, `Success Response (201 Created)`.
    parenthesized(label, add);
    // What the label says before a parenthetical, without its marks: `**错误 404**（...）`.
    let bare = label
        .split(['(', '（'])
        .next()
        .unwrap_or("")
        .trim_end_matches(['*', '_', '`', ' ']);
    let label_lower = bare.to_lowercase().replace('-', " ");
    if label_lower.split_whitespace().count() > 4 {
        return;
    }
    // `**Error 404**:`, `错误 404`: a status among the label's words.
    for (at, word) in bare.match_indices(|c: char| c.is_ascii_digit()) {
        let whole = bare[at..]
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or("");
        let starts_word = !bare[..at].ends_with(|c: char| c.is_alphanumeric());
        if word.len() == 1
            && starts_word
            && whole.len() == 3
            && status(whole).is_some_and(|s| s >= 200)
        {
            add(whole);
        }
    }
    let value = value.trim().trim_start_matches(['*', '_', ' ']);
    if STATUS_LABELS.contains(&label_lower.as_str()) {
        // `status: 201 Created; 404 unknown shift; 409 the shift is full`.
        for piece in value.split([';', ',']) {
            leading_statuses(piece, add);
        }
    } else if ERROR_LABELS.contains(&label_lower.as_str()) || starts_with_status(value) {
        // `Errors: 404 if it is gone; 401, 429, 500.`, `**エラー**: 401, 403`: every error
        // status in the value.
        for word in value.split(|c: char| !c.is_ascii_digit()) {
            if word.len() == 3 && status(word).is_some_and(|s| s >= 400) {
                add(word);
            }
        }
    } else if !nested {
        let value = value.trim_matches(['`', '*', '_']);
        if value.contains(':') {
            label_statuses(value, add, true);
        }
    }
}

/// Labels whose value is a status, or statuses with what each means.
const STATUS_LABELS: [&str; 9] = [
    "status",
    "status code",
    "code",
    "http status",
    "response",
    "response code",
    "success",
    "returns",
    "success response",
];

/// Labels whose value lists error statuses.
const ERROR_LABELS: [&str; 5] = [
    "errors",
    "error",
    "error codes",
    "error responses",
    "failures",
];

/// `(201)`, `(201 Created)`, `(409)` in `text`.
fn parenthesized(text: &str, add: &mut impl FnMut(&str)) {
    let mut rest = text;
    // Full-width parentheses too: `响应（201）`.
    while let Some(at) = rest.find(['(', '（']) {
        rest = &rest[at..];
        rest = rest.trim_start_matches(['(', '（']);
        let inner = rest.split([')', '）']).next().unwrap_or("");
        if starts_with_status(inner) {
            leading_statuses(inner, add);
        }
    }
}

/// Whether `text` starts with a status followed by nothing, a separator or a reason phrase.
pub(super) fn starts_with_status(text: &str) -> bool {
    let text = text.trim_start_matches(['`', '*', '_']);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 3 || status(&text[..3]).is_none() {
        return false;
    }
    let after = text[3..].trim_start_matches(['`', '*', '_']);
    after.is_empty()
        || after.starts_with([' ', ':', '-', '–', '—', ')', ',', '/', '.', '(', '→', '='])
}

/// The statuses at the start of `text`: `409`, `401/403`, `` `422` ``, `201 Created`.
fn leading_statuses(text: &str, add: &mut impl FnMut(&str)) {
    let text = text.trim().trim_start_matches(['`', '*', '_', '"']);
    for (index, part) in text.split('/').enumerate() {
        let part = part.trim_start_matches(['`', '*', '_', ' ']);
        let (Some(digits), Some(after)) = (part.get(..3), part.get(3..)) else {
            break;
        };
        if !digits.bytes().all(|b| b.is_ascii_digit())
            || after.starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        add(digits);
        // Only `401/403`-style groups continue past the first.
        if index == 0 && !after.trim_start_matches(['`', '*']).is_empty() {
            break;
        }
    }
}

fn status(digits: &str) -> Option<u16> {
    let status: u16 = digits.trim().parse().ok()?;
    (100..600).contains(&status).then_some(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statuses(line: &str) -> Vec<String> {
        let mut found = Vec::new();
        line_statuses(line, &mut |s: &str| found.push(s.to_owned()));
        found
    }

    #[test]
    fn statuses_in_status_positions() {
        assert_eq!(statuses("- 409 when the slot is taken"), ["409"]);
        assert_eq!(statuses("`200 OK`, `404 Not Found`"), ["200", "404"]);
        assert_eq!(statuses("401/403 without the right role"), ["401", "403"]);
        assert_eq!(statuses("**Response (201 Created)**:"), ["201"]);
        assert_eq!(
            statuses("Returns 202 with `{ \"jobId\": \"...\" }`"),
            ["202"]
        );
        assert_eq!(statuses("HTTP/1.1 204 No Content"), ["204"]);
        assert_eq!(
            statuses("Errors: 404 if it is gone; 401, 429."),
            ["404", "401", "429"]
        );
        assert_eq!(statuses("**Error 404** (no such job):"), ["404"]);
        assert_eq!(
            statuses("**エラー**: 401, 403, 404 (存在しない)"),
            ["401", "403", "404"]
        );
        assert_eq!(statuses("Headers: `Status: 201 Created`"), ["201"]);
        assert_eq!(statuses("{% tab title=\"409: Conflict\" %}"), ["409"]);
    }

    #[test]
    fn numbers_elsewhere_are_no_statuses() {
        for line in [
            "Titles are at most 200 characters.",
            "The batch holds 500 rows",
            "Room 101: the big one",
            "Step 2: POST the form",
        ] {
            assert_eq!(statuses(line), Vec::<String>::new(), "{line}");
        }
    }

    #[test]
    fn a_status_column_before_a_code_column() {
        let cells = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(
            status_column(&cells(&["Code", "HTTP Status", "Meaning"])),
            Some(1)
        );
        assert_eq!(status_column(&cells(&["Code", "Meaning"])), Some(0));
        assert_eq!(status_column(&cells(&["Field", "Type"])), None);
    }
}
