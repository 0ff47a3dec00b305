//! Reading API documents that are not in the issue template (spec-kit contracts, `docs/api`
//! pages, task specs, plain notes). [`crate::read`] turns to it when a file has no contract block
//! (and [`crate::parse`] when the only blocks are HTTP examples the grammar refuses, or bare
//! endpoint lines); each endpoint found becomes what its contract block would have said.
//! `blocks` splits the markdown, `endpoints` finds where endpoints are named, `parts` reads
//! each endpoint's statuses and auth, `bodies` its request and success bodies.
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
mod endpoints;
mod parts;

pub use bodies::Request;
pub use endpoints::{Form, NamedEndpoint, named_endpoints, route_key};
pub use parts::read_endpoints;

use crate::ast::FieldExpr;
use crate::source::{Span, Spanned};

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
    /// The top-level fields of its success body, when an example or a type gives them.
    pub response: Option<Vec<FieldExpr>>,
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
