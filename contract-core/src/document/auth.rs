//! What a block says of auth: a label's verdict (`**Auth:** required`, `Headers: None`), a bearer
//! header, a statement that a token is needed or that an endpoint is public. In an endpoint's
//! part a label decides, else a public mark wins over a mention of tokens; outside every part, a
//! statement in an auth section, before the first endpoint or speaking of every endpoint holds
//! for every endpoint that says nothing itself.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::Auth;
use super::blocks::{Block, contains_ignore_case, starts_with_ignore_case};
use super::fields::field_columns;
use crate::source::{Source, Span};

/// Reads each block for what it says of auth, knowing whether the table being read lists fields
/// (a `required` cell there is no auth).
#[derive(Default)]
pub(super) struct AuthReader {
    field_table: bool,
    /// Reused for each block's text in lower case.
    lowered: String,
}

impl AuthReader {
    /// A table's header row.
    pub(super) fn header(&mut self, cells: &[String]) {
        self.field_table = field_columns(cells).is_some();
    }

    /// What `block` says of auth.
    pub(super) fn block(
        &mut self,
        source: &Source,
        block: &Block,
        range: Range<usize>,
    ) -> AuthWords {
        auth_in(source, block, range, self.field_table, &mut self.lowered)
    }
}

/// What a block decides about auth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Verdict {
    Required,
    Public,
}

impl Verdict {
    /// The verdict, said at `span`.
    pub(super) fn at(self, span: Span) -> Auth {
        match self {
            Verdict::Required => Auth::Required(span),
            Verdict::Public => Auth::Public(span),
        }
    }
}

impl AuthWords {
    /// Whether the block says anything of auth.
    pub(super) fn says_something(self) -> bool {
        self.label.is_some() || self.bearer || self.public
    }

    /// The verdict in an endpoint's part: a label decides, else a public mark wins over a
    /// mention of tokens.
    pub(super) fn in_part(self) -> Option<Verdict> {
        let required = self.label.or(if self.public {
            Some(false)
        } else {
            self.bearer.then_some(true)
        })?;
        Some(if required {
            Verdict::Required
        } else {
            Verdict::Public
        })
    }

    /// The verdict of a statement for the whole document: a requirement wins.
    pub(super) fn for_document(self) -> Option<Verdict> {
        // `Routes marked (token) need a token; the others are public.`
        if self.others_public {
            return Some(Verdict::Public);
        }
        if self.label == Some(true) || self.bearer {
            Some(Verdict::Required)
        } else if self.label == Some(false) || self.public {
            Some(Verdict::Public)
        } else {
            None
        }
    }
}

/// What a block says of auth: a label's verdict (`**Auth:** required`, `Headers: None`), and
/// whether it speaks of a bearer token or of being public.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct AuthWords {
    label: Option<bool>,
    bearer: bool,
    public: bool,
    /// The endpoints not marked otherwise are public (`the others are public`).
    others_public: bool,
    /// Reading is public, writing needs a token (`Reads are public; writes need a token`).
    pub reads_public: bool,
}

fn auth_in(
    source: &Source,
    block: &Block,
    range: Range<usize>,
    field_table: bool,
    buffer: &mut String,
) -> AuthWords {
    let raw = match block {
        Block::Heading { text, .. } | Block::Paragraph { text } | Block::Item { text, .. } => {
            text.as_str()
        }
        Block::Code { .. } => source.text().get(range).unwrap_or(""),
        Block::Row { header: true, .. } => return AuthWords::default(),
        Block::Row { cells, .. } => return row_auth(cells, field_table),
    };
    buffer.clear();
    buffer.push_str(raw);
    buffer.make_ascii_lowercase();
    let text = buffer.as_str();
    // Most blocks speak of none of it. In code, only a bearer header speaks of auth
    // (`"public": true` in an example does not).
    let speaks = match block {
        Block::Code { .. } => finds(text, &CORES[1]),
        _ => CORES.iter().any(|core| finds(text, core)),
    };
    if !speaks {
        return AuthWords::default();
    }
    AuthWords {
        // The last label decides.
        label: text.lines().rev().find_map(label_verdict),
        bearer: says(
            text,
            &[
                "authorization: bearer",
                "bearer token",
                "requires authentication",
                "(authenticated)",
                "(token)",
                "auth required",
            ],
        )
            // `Index [token required]: '/products' [GET]`, and not `no token required`.
            || (text.contains("token required") && !text.contains("no token required")),
        others_public: says(
            text,
            &[
                "the others are public",
                "other routes are public",
                "the rest are public",
            ],
        ),
        reads_public: says(
            text,
            &[
                "reads are public",
                "read endpoints are public",
                "reading is public",
            ],
        ),
        public: says(
            text,
            &[
                "no authentication",
                "(public",
                "public endpoint",
                "is public",
                "does not require auth",
                "no login",
                "no token required",
            ],
        ),
    }
}

/// Whether lower-cased `text` holds any of `phrases`.
fn says(text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|phrase| text.contains(phrase))
}

/// A row of a table: a header parameter (`| Authorization | string | Bearer <token> |`), or, in
/// a route table, an auth cell (`public`, `bearer`) or a public mark in a description.
fn row_auth(cells: &[String], field_table: bool) -> AuthWords {
    let cells = || cells.iter().map(|cell| cell.trim());
    let bearer = cells().any(|c| starts_with_ignore_case(c, "authorization"))
        && cells().any(|c| contains_ignore_case(c, "bearer"));
    // `| **Authentication** | Required (Bearer token) |`: a table of an endpoint's attributes
    // (whose `| Attribute | Value |` header may read as a field table's).
    let label = match cells().collect::<Vec<_>>()[..] {
        [label, value] => label_verdict(&format!("{label}: {value}").to_ascii_lowercase()),
        _ => None,
    };
    if field_table {
        return AuthWords {
            bearer,
            label,
            ..AuthWords::default()
        };
    }
    let cell_is = |words: &[&str]| cells().any(|c| words.iter().any(|w| c.eq_ignore_ascii_case(w)));
    AuthWords {
        label,
        others_public: false,
        reads_public: false,
        bearer: bearer || cell_is(&["bearer", "bearer token", "required"]),
        public: cell_is(&["public", "none"])
            || cells().any(|c| contains_ignore_case(c, "(public)")),
    }
}

/// What an auth label says on a line in lower case (`auth: required`, `headers: none`):
/// required, public, or nothing.
fn label_verdict(line: &str) -> Option<bool> {
    const LABELS: [&str; 6] = [
        "auth",
        "authentication",
        "authorization",
        "requires authentication",
        "auth required",
        "headers",
    ];
    const PUBLIC: [&str; 8] = [
        "public",
        "no auth",
        "not required",
        "none",
        "no authentication",
        "unauthenticated",
        "anonymous",
        "no login",
    ];
    let line = line.trim().trim_start_matches(['-', '*', ' ']);
    let (label, value) = line.split_once(':')?;
    let label = label.trim().trim_matches(['*', '_', '`']).trim();
    let value = value.trim().trim_matches(['*', '_', '`', '.']).trim();
    if !LABELS.contains(&label) {
        return None;
    }
    if value.starts_with("authorization") || value.starts_with("bearer") {
        Some(true)
    } else if PUBLIC.iter().any(|p| value.starts_with(p)) || value == "no" {
        Some(false)
    } else if label != "headers" && (value.starts_with("required") || value.starts_with("yes")) {
        Some(true)
    } else {
        None
    }
}

/// A word every auth statement holds one of: `Auth: none`, `Headers: None`, `bearer token`,
/// `public endpoint`, `no login`, a `(token)` mark.
static CORES: LazyLock<[Finder<'static>; 7]> = LazyLock::new(|| {
    [
        "auth",
        "bearer",
        "public",
        "login",
        "header",
        "(token)",
        "token required",
    ]
    .map(|core| Finder::new(core).into_owned())
});

/// Whether `text` holds what `finder` looks for.
fn finds(text: &str, finder: &Finder) -> bool {
    finder.find(text.as_bytes()).is_some()
}

/// Whether a statement outside any part speaks of every endpoint (`All endpoints require ...`).
pub(super) fn says_every(source: &Source, range: Range<usize>) -> bool {
    let text = source.text().get(range).unwrap_or("");
    [
        "all endpoints",
        "every endpoint",
        "all routes",
        "every route",
        "every request",
        "all requests",
        "every call",
        "all calls",
        "each request",
    ]
    .iter()
    .any(|w| contains_ignore_case(text, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(text: &str) -> (Option<Verdict>, Option<Verdict>) {
        let source = Source::new("doc.md", text);
        let block = Block::Paragraph {
            text: text.to_owned(),
        };
        let words = AuthReader::default().block(&source, &block, 0..text.len());
        (words.in_part(), words.for_document())
    }

    #[test]
    fn labels_decide_in_a_part_and_requirements_win_for_the_document() {
        use Verdict::{Public, Required};
        assert_eq!(
            verdict("**Auth:** required"),
            (Some(Required), Some(Required))
        );
        assert_eq!(verdict("**Auth:** none"), (Some(Public), Some(Public)));
        assert_eq!(
            verdict("Headers: Authorization: Bearer <token>"),
            (Some(Required), Some(Required))
        );
        assert_eq!(verdict("A public endpoint."), (Some(Public), Some(Public)));
        assert_eq!(
            verdict("Needs a bearer token, unless marked (public)."),
            (Some(Public), Some(Required))
        );
        assert_eq!(verdict("Lists the slots of a day."), (None, None));
        assert_eq!(
            verdict("Show [token required]: '/users/:id' [GET]"),
            (Some(Required), Some(Required))
        );
        assert_eq!(
            verdict("Index (no token required): '/products' [GET]"),
            (Some(Public), Some(Public))
        );
    }

    #[test]
    fn rows_of_header_and_route_tables() {
        let cells = |c: &[&str]| c.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let header = row_auth(&cells(&["Authorization", "string", "Bearer <token>"]), true);
        assert_eq!(header.in_part(), Some(Verdict::Required));
        // A `required` cell of a field table says nothing of auth.
        assert_eq!(
            row_auth(&cells(&["title", "string", "required"]), true).in_part(),
            None
        );
        assert_eq!(
            row_auth(&cells(&["GET", "/slots", "public"]), false).in_part(),
            Some(Verdict::Public)
        );
        // Under `| Attribute | Value |`, which reads as a field table's header too.
        for field_table in [false, true] {
            let row = row_auth(
                &cells(&["**Authentication**", "Required (Bearer token)"]),
                field_table,
            );
            assert_eq!(row.in_part(), Some(Verdict::Required));
        }
    }
}
