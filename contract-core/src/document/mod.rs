//! Reading API documents that are not in the issue template (spec-kit contracts, `docs/api`
//! pages, task specs, plain notes). [`crate::read`] turns to it when a file has no contract block
//! (and [`crate::parse`] when the only blocks are HTTP examples the grammar refuses, or bare
//! endpoint lines); each endpoint found becomes what its contract block would have said.
//! `blocks` splits the markdown, `endpoints` finds where endpoints are named, `parts` reads
//! each endpoint's statuses and auth and says where each part came from, `bodies` its request
//! and success bodies, `types` the document's type words and the named types it defines.
//!
//! Precision comes before recall: an endpoint is named only in a structural position, never in a
//! sentence. The positions are
//!
//! - a heading holding a method and a path (`### POST /api/auth/signup`,
//!   ``## 3. `DELETE /api/v1/shelves/{id}` ``), or a method heading under a path heading
//!   (`## /api/tools`, then `### GET`);
//! - a paragraph, a line of a paragraph or a list item that is a method and a path and nothing
//!   else but a title after a dash (`` `PUT /api/notes/{id}` ``, `POST /payments`,
//!   `- GET /api/teams/:id {name}`), or a path and a method (`` - `/api/teams` POST: ``);
//! - a label followed by them (``**Endpoint:** `PUT /api/notes/{id}` ``), or a method label and a
//!   path label in one part of the document (`**Method:** POST`, `**Path:** /api/x`);
//! - a line of a code block that starts with them (`POST /api/x HTTP/1.1`);
//! - a row of a table with a method column and a path column;
//! - GitBook's `{% swagger method="post" path="/x" %}` and `{% api-method %}` tags.
//!
//! A checkbox task (`- [ ] T012 Implement POST /api/orders`), a sentence that mentions an
//! endpoint, a test description and a `curl` command name none.

mod blocks;
mod bodies;
mod bounds;
mod endpoints;
mod parts;
mod types;

pub use bodies::Request;
pub use endpoints::{Form, NamedEndpoint, named_endpoints, route_key};
pub use parts::read_document;
pub use types::Note;

use std::borrow::Cow;

use crate::ast::{FieldExpr, TypeDef, TypeExpr, TypeExprKind};
use crate::source::{Span, Spanned};

/// What a document says: its endpoints, the named types their bodies use (`### Order` over a
/// field table), and what was read otherwise than written.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    /// The endpoints, in document order.
    pub endpoints: Vec<DocumentEndpoint>,
    /// The types defined by a heading over a table or a JSON example that some body uses.
    pub types: Vec<TypeDef>,
    /// Type words read as any JSON value in those types.
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

/// An endpoint a document names, with what its part of the document says of it.
#[derive(Clone, Debug)]
pub struct DocumentEndpoint {
    /// Its method and path, and where they are.
    pub named: NamedEndpoint,
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
