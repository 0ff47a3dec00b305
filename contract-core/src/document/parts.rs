//! Stage 4: what each endpoint's part of the document says of it. Each block, at its place
//! ([`super::places`]), is read for statuses ([`super::statuses`]), auth ([`super::auth`]) and
//! bodies ([`super::bodies`]); what a document-level section says (an error table, "all
//! endpoints require a token") reaches every endpoint at the end. Every part read says where it
//! came from.

use std::ops::Range;
use std::sync::Arc;

use super::auth::{AuthReader, AuthWords};
use super::blocks::Block;
use super::bodies::BodyReader;
use super::places::{Place, Section};
use super::resolve::Resolved;
use super::statuses::StatusReader;
use super::{Auth, DocumentEndpoint, Inferred, Part};
use crate::ast::{TypeDef, TypeExpr, TypeExprKind};
use crate::source::{Source, Span, Spanned};

/// The endpoints `resolved`, with what their parts and the document say of them; `types` are the
/// named types the document defines, which a body may be named by.
pub(super) fn read_parts(
    source: &Arc<Source>,
    blocks: &[(Block, Range<usize>)],
    places: &[Place],
    resolved: Vec<Resolved>,
    types: &[TypeDef],
) -> Vec<DocumentEndpoint> {
    let mut endpoints: Vec<DocumentEndpoint> =
        resolved.into_iter().map(DocumentEndpoint::new).collect();
    let mut reader = PartReader {
        bodies: BodyReader::new(),
        statuses: StatusReader::default(),
        auth: AuthReader::default(),
        document_errors: Vec::new(),
        document_auth: None,
        reads_public: None,
    };
    for ((block, range), place) in blocks.iter().zip(places) {
        reader.block(source, block, range.clone(), place, &mut endpoints);
    }
    reader.finish(&mut endpoints, types);
    endpoints
}

impl DocumentEndpoint {
    fn new(resolved: Resolved) -> DocumentEndpoint {
        DocumentEndpoint {
            named: resolved.named,
            operation: resolved.operation,
            statuses: Vec::new(),
            auth: Auth::Unsaid,
            request: super::Request::Unsaid,
            response: None,
            inferred: resolved.inferred,
            notes: resolved.notes,
        }
    }
}

/// What is carried from block to block: each reader's state, and what the document says for
/// every endpoint.
struct PartReader {
    bodies: BodyReader,
    statuses: StatusReader,
    auth: AuthReader,
    /// The 4xx and 5xx of a document-level error section.
    document_errors: Vec<Spanned<u16>>,
    /// A statement on auth for the whole document.
    document_auth: Option<Auth>,
    /// A statement that reading is public for the whole document: `GET` and `HEAD` are.
    reads_public: Option<Span>,
}

impl PartReader {
    fn block(
        &mut self,
        source: &Arc<Source>,
        block: &Block,
        range: Range<usize>,
        place: &Place,
        endpoints: &mut [DocumentEndpoint],
    ) {
        // A type's heading is the type's name, nothing else.
        if place.type_heading.is_some() {
            return;
        }
        for &index in &place.names {
            let endpoint = &mut endpoints[index];
            self.bodies
                .start(source, block, range.clone(), index, endpoint);
        }
        match block {
            Block::Heading { text, .. } => self.bodies.heading(text),
            Block::Row {
                cells,
                header: true,
            } => {
                self.statuses.header(cells);
                self.auth.header(cells);
                let owner = place.owner.map(|index| &endpoints[index]);
                self.bodies.table_header(cells, owner);
            }
            _ => {}
        }
        // Statuses count in a part and in a document-level error section only.
        let statuses = if place.owner.is_some() || place.section == Some(Section::Errors) {
            self.statuses.block(source, block, range.clone())
        } else {
            Vec::new()
        };
        let auth = self.auth.block(source, block, range.clone());
        match place.owner {
            Some(index) => {
                let endpoint = &mut endpoints[index];
                // A type's table or example is no endpoint's body; its statuses and auth count.
                if !place.in_type {
                    self.bodies.block(source, block, range.clone(), endpoint);
                }
                in_part(endpoint, statuses, auth, range);
            }
            None => self.outside_parts(source, place, statuses, auth, range),
        }
    }

    /// A block in no endpoint's part: an error section's statuses, a statement on auth for the
    /// whole document (in an auth section, before the first endpoint, or speaking of every
    /// endpoint; tokens required "unless marked public" is a requirement).
    fn outside_parts(
        &mut self,
        source: &Source,
        place: &Place,
        statuses: Vec<Spanned<u16>>,
        auth: AuthWords,
        range: Range<usize>,
    ) {
        if place.section == Some(Section::Errors) {
            self.document_errors
                .extend(statuses.into_iter().filter(|s| s.value >= 400));
        }
        let for_all = auth.says_something()
            && (place.section == Some(Section::Auth)
                || place.before_endpoints
                || super::auth::says_every(source, range.clone()));
        if for_all && let Some(verdict) = auth.for_document() {
            self.document_auth = Some(verdict.at(Span::new(range.start, range.end)));
        }
        if for_all && auth.reads_public {
            self.reads_public = Some(Span::new(range.start, range.end));
        }
    }

    /// What the document said for every endpoint, and the bodies named by a type it defines.
    fn finish(self, endpoints: &mut [DocumentEndpoint], types: &[TypeDef]) {
        for (index, name, array, span) in self.bodies.named {
            let endpoint = &mut endpoints[index];
            if endpoint.response.is_some() || !types.iter().any(|t| t.name.value == name) {
                continue;
            }
            let how = format!("`{name}`, a type the document defines");
            let named = TypeExpr {
                kind: TypeExprKind::Name(name),
                span,
            };
            endpoint.response = Some(if array {
                TypeExpr {
                    kind: TypeExprKind::ArrayOf(Box::new(named)),
                    span,
                }
            } else {
                named
            });
            endpoint.inferred.push(Inferred {
                part: Part::Response,
                how: how.into(),
                span,
            });
        }
        for endpoint in endpoints {
            for status in &self.document_errors {
                add_status(endpoint, status.clone(), "the document's error section");
            }
            endpoint.statuses.sort_by_key(|s| s.value);
            let reads = matches!(endpoint.named.method.value.as_str(), "GET" | "HEAD");
            let how = match (endpoint.auth, self.document_auth, self.reads_public) {
                (Auth::Unsaid, _, Some(span)) if reads => {
                    endpoint.auth = Auth::Public(span);
                    "a statement for the whole document that reading is public"
                }
                (Auth::Unsaid, Some(auth), _) => {
                    endpoint.auth = auth;
                    "a statement for the whole document"
                }
                _ => "the endpoint's part",
            };
            if let Auth::Required(span) | Auth::Public(span) = endpoint.auth {
                endpoint.inferred.push(Inferred {
                    part: Part::Auth,
                    how: how.into(),
                    span,
                });
            }
        }
    }
}

/// A block in `endpoint`'s part: its statuses, and its verdict on auth.
fn in_part(
    endpoint: &mut DocumentEndpoint,
    statuses: Vec<Spanned<u16>>,
    auth: AuthWords,
    range: Range<usize>,
) {
    for status in statuses {
        add_status(endpoint, status, "the endpoint's part");
    }
    if let Some(verdict) = auth.in_part() {
        endpoint.auth = verdict.at(Span::new(range.start, range.end));
    }
}

/// Adds `status` to `endpoint` unless it has it, saying where it came from.
fn add_status(endpoint: &mut DocumentEndpoint, status: Spanned<u16>, how: &'static str) {
    if !endpoint.statuses.iter().any(|s| s.value == status.value) {
        endpoint.inferred.push(Inferred {
            part: Part::Status(status.value),
            how: how.into(),
            span: status.span,
        });
        endpoint.statuses.push(status);
    }
}

/// Where a part came from: `how`, in the block at `range`.
pub(super) fn inferred(part: Part, how: &'static str, range: Range<usize>) -> Inferred {
    Inferred {
        part,
        how: how.into(),
        span: Span::new(range.start, range.end),
    }
}

/// Where `needle` is in `range`; the whole range when it is not written there as is.
pub(super) fn locate(source: &Source, needle: &str, range: Range<usize>) -> Span {
    let text = source.text().get(range.clone()).unwrap_or("");
    match text.find(needle) {
        Some(at) => Span::new(range.start + at, range.start + at + needle.len()),
        None => Span::new(range.start, range.end),
    }
}
