//! Where each block of the document stands: in an endpoint's part, in a document-level section
//! (errors, auth), in the definition of a named type, or in none.
//!
//! An endpoint's part runs from the block that names it to the next block that names another, or
//! to a heading at or above the level of the section it was named in. Blocks in no part are the
//! document's own: an error section there (`## Errors`, `## Status codes`) gives its 4xx and 5xx
//! to every endpoint, and an auth section's statement holds for every endpoint. A heading that
//! names a type (`### Order`) over a field table or a JSON object defines that type, up to the
//! next heading at its level; its statuses and auth still count for the part it is in.

use std::iter::Peekable;
use std::ops::Range;
use std::vec::IntoIter;

use super::blocks::{Block, contains_ignore_case, has_any, label_words};
use super::fields::field_columns;
use super::method_path::half_label;
use super::types::type_heading;
use crate::source::{Source, Spanned};

/// Where one block stands.
#[derive(Clone, Debug, Default)]
pub(super) struct Place {
    /// The endpoints this block names: their parts start here.
    pub names: Vec<usize>,
    /// The endpoint whose part the block is in.
    pub owner: Option<usize>,
    /// The document-level section it is in, outside every part.
    pub section: Option<Section>,
    /// The named type it defines (`### Order`), as a heading; its blocks follow with `in_type`.
    pub type_heading: Option<Spanned<String>>,
    /// It is part of a named type's definition.
    pub in_type: bool,
    /// It comes before the block that names the first endpoint.
    pub before_endpoints: bool,
}

/// A document-level section that applies to every endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Section {
    Errors,
    Auth,
}

/// Where each of `blocks` stands, given each block that names an endpoint (`(block, endpoint)`,
/// in document order).
pub(super) fn places(
    source: &Source,
    blocks: &[(Block, Range<usize>)],
    anchors: &[(usize, usize)],
) -> Vec<Place> {
    let mut places = Places::new(anchors.to_vec());
    (0..blocks.len())
        .map(|at| places.place(source, blocks, at))
        .collect()
}

/// The places of a document's blocks, one block at a time.
struct Places {
    anchors: Peekable<IntoIter<(usize, usize)>>,
    first_anchor: usize,
    /// The endpoint whose part this is, and the level of the section it was named in.
    owner: Option<(usize, usize)>,
    /// The headings above the block: their levels, and whether each heads a piece of an
    /// endpoint's part (`### Request`, `#### Errors`) rather than a section of its own.
    headings: Vec<(usize, bool)>,
    /// A document-level section on errors or auth, and its level.
    section: Option<(Section, usize)>,
    /// The level of a type's definition being read.
    type_level: Option<usize>,
}

impl Places {
    /// `anchors`: each block that names an endpoint, `(block, endpoint)` in document order.
    fn new(anchors: Vec<(usize, usize)>) -> Places {
        Places {
            first_anchor: anchors.first().map_or(usize::MAX, |(block, _)| *block),
            anchors: anchors.into_iter().peekable(),
            owner: None,
            headings: Vec::new(),
            section: None,
            type_level: None,
        }
    }

    /// Where block `at` of `blocks` stands; called for each block in order.
    fn place(&mut self, source: &Source, blocks: &[(Block, Range<usize>)], at: usize) -> Place {
        let (block, range) = &blocks[at];
        let anchor = self.anchors.peek().is_some_and(|(block, _)| *block == at);
        // A heading that is only a method or a path label (`### url : /x`).
        let half = matches!(block, Block::Heading { text, .. } if half_label(text).is_some());
        let mut place = Place {
            before_endpoints: at < self.first_anchor,
            ..Place::default()
        };
        if let Block::Heading { level, text } = block {
            self.close_above(*level, text, half);
            if !anchor && let Some(name) = defined_type(source, text, &blocks[at + 1..]) {
                self.type_level = Some(*level);
                let span = super::parts::locate(source, name, range.clone());
                place.type_heading = Some(Spanned::new(name.to_owned(), span));
                place.owner = self.owner.map(|(endpoint, _)| endpoint);
                return place;
            }
            if self.owner.is_none() && !anchor {
                self.section = Section::of(text).map(|kind| (kind, *level));
            }
        }
        if anchor {
            self.type_level = None;
        }
        place.in_type = self.type_level.is_some();
        while let Some((_, endpoint)) = self.anchors.next_if(|(block, _)| *block == at) {
            // A heading names its own section; elsewhere, and for a heading that is only a
            // method or a path label (`### url : /x`), the part is the section around the
            // block, above the headings of its pieces.
            let level = match block {
                Block::Heading { level, .. } if !half => *level,
                _ => self
                    .headings
                    .iter()
                    .rev()
                    .find(|(_, piece)| !piece)
                    .map_or(0, |(level, _)| *level),
            };
            self.owner = Some((endpoint, level));
            place.names.push(endpoint);
        }
        place.owner = self.owner.map(|(endpoint, _)| endpoint);
        place.section = self.section.map(|(section, _)| section);
        place
    }

    /// A heading at `level` ends the part, the section and the type above it at that level.
    fn close_above(&mut self, level: usize, text: &str, half_label: bool) {
        if self
            .owner
            .is_some_and(|(_, part_level)| level <= part_level)
        {
            self.owner = None;
        }
        if self
            .section
            .is_some_and(|(_, section_level)| level <= section_level)
        {
            self.section = None;
        }
        if self
            .type_level
            .is_some_and(|type_level| level <= type_level)
        {
            self.type_level = None;
        }
        while self
            .headings
            .last()
            .is_some_and(|(above, _)| *above >= level)
        {
            self.headings.pop();
        }
        // A method or path label written as a heading is a piece of the part it names.
        self.headings.push((level, is_piece(text) || half_label));
    }
}

/// The type a heading defines: a type name over a field table or a JSON object.
fn defined_type<'t>(
    source: &Source,
    text: &'t str,
    after: &[(Block, Range<usize>)],
) -> Option<&'t str> {
    let name = type_heading(text)?;
    (!is_piece(name) && Section::of(name).is_none() && defines_type(source, after)).then_some(name)
}

/// Whether the blocks after a type heading define it: a field table or a JSON object before any
/// other heading, with at most a paragraph of description between.
fn defines_type(source: &Source, after: &[(Block, Range<usize>)]) -> bool {
    for (block, range) in after.iter().take(3) {
        match block {
            Block::Paragraph { .. } => {}
            Block::Row {
                cells,
                header: true,
            } => {
                return field_columns(cells).is_some_and(|columns| columns.has_type());
            }
            Block::Code { .. } => {
                let text = source.text().get(range.clone()).unwrap_or("");
                return text.trim_start().starts_with('{');
            }
            _ => return false,
        }
    }
    false
}

impl Section {
    /// The section a heading outside every part starts, if it is one.
    pub(super) fn of(heading: &str) -> Option<Section> {
        let has = |words: &[&str]| words.iter().any(|w| contains_ignore_case(heading, w));
        if has(&[
            "error",
            "failure",
            "status code",
            "response code",
            "http status",
        ]) {
            Some(Section::Errors)
        } else if has(&["auth", "security"]) {
            Some(Section::Auth)
        } else {
            None
        }
    }
}

/// Whether a heading heads a piece of an endpoint's part (`### Request`, `#### Failure
/// responses`) rather than a section of its own.
pub(super) fn is_piece(heading: &str) -> bool {
    let Some((words, count)) = label_words::<4>(heading) else {
        return false;
    };
    has_any(
        &words[..count],
        &[
            "request",
            "response",
            "responses",
            "body",
            "payload",
            "parameters",
            "params",
            "example",
            "examples",
            "errors",
            "error",
            "failure",
            "failures",
            "success",
            "returns",
            "headers",
            "query",
            "validation",
            "status",
            "codes",
            "notes",
            "authentication",
            "auth",
            "input",
            "output",
            "description",
            "fields",
            "url",
            "uri",
            "endpoint",
            "method",
            "resource",
            "route",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::blocks::blocks;

    #[test]
    fn parts_sections_and_types() {
        let text = "## Errors\n\n- 401 no token\n\n## GET /a\n\n### Response\n\nThe a.\n\n\
                    ### Order\n\n| Field | Type |\n| --- | --- |\n| id | string |\n\n\
                    ## GET /b\n\nThe b.\n\n# Appendix\n\nNothing.\n";
        let source = Source::new("doc.md", text);
        let blocks = blocks(text);
        // `## GET /a` is block 2 and `## GET /b` block 8.
        let places = places(&source, &blocks, &[(2, 0), (8, 1)]);
        let summary: Vec<String> = places
            .iter()
            .map(|p| {
                format!(
                    "{:?} {:?} {} {}",
                    p.owner,
                    p.section,
                    p.type_heading.as_ref().map_or("", |t| t.value.as_str()),
                    p.in_type
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                "None Some(Errors)  false",
                "None Some(Errors)  false",
                "Some(0) None  false",
                "Some(0) None  false",
                "Some(0) None  false",
                "Some(0) None Order false",
                "Some(0) None  true",
                "Some(0) None  true",
                "Some(1) None  false",
                "Some(1) None  false",
                "None None  false",
                "None None  false",
            ]
        );
        assert!(places[0].before_endpoints && !places[2].before_endpoints);
        assert_eq!(places[8].names, [1]);
    }
}
