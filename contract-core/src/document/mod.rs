//! Reading API documents that are not in the issue template (spec-kit contracts, `docs/api`
//! pages, task specs, plain notes). [`crate::read`] turns to it when a file has no contract block
//! (and [`crate::parse`] when the only blocks are HTTP examples or unlabelled blocks the grammar
//! refuses); each endpoint found becomes what its contract block would have said.
//!
//! The reader is a pipeline of stages, each a module, each tested alone:
//!
//! 1. [`blocks`]: the markdown as headings, paragraphs, list items, code blocks and table rows;
//! 2. [`candidates`]: every structural position that names a method and a path
//!    ([`method_path`] is the one rule for those words), and every base path statement;
//! 3. [`resolve`]: the endpoints: routes joined to their base path, a route named twice merged,
//!    examples folded into the templated route they show, names the rule gives twice told apart;
//! 4. [`places`], then [`parts`]: which endpoint's part each block is in, and what it says of its
//!    statuses ([`statuses`]), auth ([`auth`]) and bodies ([`bodies`], over [`fields`]);
//! 5. [`definitions`]: the named types the bodies use, every type in the grammar's words
//!    ([`types`], [`bounds`]).
//!
//! Precision comes before recall: an endpoint is named only in a structural position, never in a
//! sentence, a checkbox task, a test description or a `curl` command. And a document is never
//! refused for one part it does not understand: what cannot be read becomes a note.

mod auth;
mod blocks;
mod bodies;
mod bounds;
mod candidates;
mod definitions;
mod fields;
mod method_path;
mod parts;
mod places;
mod resolve;
mod statuses;
#[cfg(test)]
mod tests;
mod types;

pub use candidates::Form;
pub use fields::Request;
pub use resolve::{NamedEndpoint, route_key};
pub(crate) use resolve::{is_instance, template_path};
pub use types::Note;

use std::borrow::Cow;
use std::sync::Arc;

use crate::ast::{FieldExpr, TypeDef, TypeExpr, TypeExprKind};
use crate::source::{Source, Span, Spanned};

/// What a document says: its endpoints, the named types their bodies use (`### Order` over a
/// field table), and what was read otherwise than written.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    /// The endpoints, in document order.
    pub endpoints: Vec<DocumentEndpoint>,
    /// The types defined by a heading over a table or a JSON example that some body uses.
    pub types: Vec<TypeDef>,
    /// What was read otherwise than written, for the whole document: type words read as any
    /// JSON value, parts that could not be read.
    pub notes: Vec<Note>,
}

impl Reading {
    /// The top-level fields of a body: an object's, or those of the named type it is.
    pub fn body_fields<'a>(&'a self, body: &'a TypeExpr) -> &'a [FieldExpr] {
        let mut body = body;
        // One step per type at most: `type A = B; type B = A` names no fields.
        for _ in 0..=self.types.len() {
            match &body.kind {
                TypeExprKind::Object(fields) => return fields,
                TypeExprKind::Name(name) => {
                    match self.types.iter().find(|t| &t.name.value == name) {
                        Some(def) => body = &def.ty,
                        None => return &[],
                    }
                }
                _ => return &[],
            }
        }
        &[]
    }
}

/// Every endpoint `source` names, in document order, each once.
pub fn named_endpoints(source: &Source) -> Vec<NamedEndpoint> {
    let blocks = blocks::blocks(source.text());
    let found = candidates::candidates(source, &blocks);
    resolve::resolve(found)
        .endpoints
        .into_iter()
        .map(|endpoint| endpoint.named)
        .collect()
}

/// Every endpoint `source` names, with the statuses, auth and bodies its part and the document
/// give, and the named types those bodies use.
pub fn read_document(source: &Arc<Source>) -> Reading {
    let blocks = blocks::blocks(source.text());
    let found = candidates::candidates(source, &blocks);
    let resolved = resolve::resolve(found);
    let places = places::places(source, &blocks, &resolved.anchors);
    let types = definitions::defined_types(source, &blocks, &places);
    let endpoints = parts::read_parts(source, &blocks, &places, resolved.endpoints, &types);
    let mut reading = Reading {
        endpoints,
        types,
        notes: Vec::new(),
    };
    definitions::resolve_reading(&mut reading);
    reading
}

/// An endpoint a document names, with what its part of the document says of it.
#[derive(Clone, Debug)]
pub struct DocumentEndpoint {
    /// Its method and path, and where they are.
    pub named: NamedEndpoint,
    /// The operation name it gets when the rule's would name another endpoint too.
    pub operation: Option<Spanned<String>>,
    /// The statuses it answers with, success and errors, sorted; a document-level error
    /// section's included.
    pub statuses: Vec<Spanned<u16>>,
    /// What the document says of its auth.
    pub auth: Auth,
    /// What the document says of its request body.
    pub request: Request,
    /// Its success body, when an example, a table or a named type gives it.
    pub response: Option<TypeExpr>,
    /// Where its request, response, statuses and auth came from, for `inspect`.
    pub inferred: Vec<Inferred>,
    /// Type words in its bodies read as any JSON value.
    pub notes: Vec<Note>,
}

/// A part of an endpoint read from a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Its method and path.
    Endpoint,
    /// Its request body, or that it has none.
    Request,
    /// Its success body.
    Response,
    /// One of its statuses.
    Status(u16),
    /// Its auth.
    Auth,
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Part::Endpoint => f.write_str("endpoint"),
            Part::Request => f.write_str("request"),
            Part::Response => f.write_str("response"),
            Part::Status(status) => write!(f, "status {status}"),
            Part::Auth => f.write_str("auth"),
        }
    }
}

/// Where one part of an endpoint read from a document came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inferred {
    /// The part.
    pub part: Part,
    /// The structure it came from: `a field table`, `the document's error section`.
    pub how: Cow<'static, str>,
    /// Where.
    pub span: Span,
}

/// What a document says of an endpoint's auth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    /// Nothing.
    Unsaid,
    /// A bearer token is required (an `Authorization` header, an auth label, a statement).
    Required(Span),
    /// The endpoint is public.
    Public(Span),
}
