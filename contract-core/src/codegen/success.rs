//! How a handler answers success: one return form per contract status, each setting that status.
//!
//! | contract | the handler returns | answers |
//! | --- | --- | --- |
//! | `Response: {...}` (200) | `Json<R>` | 200, `R` as JSON |
//! | no body, 200 | `()` | 200, empty |
//! | `Response (201): {...}` | `Created<R>` | 201, `R` as JSON |
//! | `Response 202: {...}` | `Accepted<R>` | 202, `R` as JSON |
//! | `Response: 204` | `NoContent` | 204 |
//! | any other status `N` | `WithStatus<N, Json<R>>`, or `WithStatus<N, ()>` without a body | `N` |
//!
//! `Created`, `Accepted`, `NoContent` and `WithStatus` are in `contract::runtime` (re-exported at
//! the crate root). The form is part of the handler's type, so `#[contract]` checks it against the
//! contract and a plain `post(handler)` answers the same status as `routes!`.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::model::Endpoint;

/// The success form of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Success {
    /// 200 with a body: `Json<R>`.
    Json,
    /// 200 without a body: `()`.
    Unit,
    /// 201 with a body: `Created<R>`.
    Created,
    /// 202 with a body: `Accepted<R>`.
    Accepted,
    /// 204: `NoContent`.
    NoContent,
    /// Any other status, with or without a body: `WithStatus<N, Json<R>>` / `WithStatus<N, ()>`.
    WithStatus {
        /// The status `N`.
        status: u16,
        /// Whether the response has a JSON body.
        body: bool,
    },
}

impl Success {
    /// The form the contract's response takes.
    pub fn of(endpoint: &Endpoint) -> Success {
        let body = endpoint.response.body.is_some();
        match (endpoint.response.status, body) {
            (200, true) => Success::Json,
            (200, false) => Success::Unit,
            (201, true) => Success::Created,
            (202, true) => Success::Accepted,
            (204, _) => Success::NoContent,
            (status, body) => Success::WithStatus { status, body },
        }
    }

    /// The type, with its names bare (`Created<CreateUserResponse>`); `response` is the body's type.
    pub fn ty(self, response: Option<&Ident>) -> TokenStream {
        let body = match response {
            Some(r) => quote!(#r),
            None => quote!(()),
        };
        match self {
            Success::Json => quote!(Json<#body>),
            Success::Unit => quote!(()),
            Success::Created => quote!(Created<#body>),
            Success::Accepted => quote!(Accepted<#body>),
            Success::NoContent => quote!(NoContent),
            Success::WithStatus { status, body: true } => {
                let status = Literal::u16_unsuffixed(status);
                quote!(WithStatus<#status, Json<#body>>)
            }
            Success::WithStatus {
                status,
                body: false,
            } => {
                let status = Literal::u16_unsuffixed(status);
                quote!(WithStatus<#status, ()>)
            }
        }
    }

    /// The expression answering with `value`, the body (ignored by the forms without one).
    pub fn wrap(self, value: TokenStream) -> TokenStream {
        match self {
            Success::Json => quote!(Json(#value)),
            Success::Unit => quote!(()),
            Success::Created => quote!(Created(#value)),
            Success::Accepted => quote!(Accepted(#value)),
            Success::NoContent => quote!(NoContent),
            Success::WithStatus { body: true, .. } => quote!(WithStatus(Json(#value))),
            Success::WithStatus { body: false, .. } => quote!(WithStatus(())),
        }
    }

    /// The names the type uses from `axum` (`Json`) and from `contract` (`Created`, ...).
    pub fn names(self) -> (Option<&'static str>, Option<&'static str>) {
        match self {
            Success::Json => (Some("Json"), None),
            Success::Unit => (None, None),
            Success::Created => (None, Some("Created")),
            Success::Accepted => (None, Some("Accepted")),
            Success::NoContent => (None, Some("NoContent")),
            Success::WithStatus { body, .. } => (body.then_some("Json"), Some("WithStatus")),
        }
    }

    /// How the answer reads in a message: ``201 with a JSON `CreateUserResponse` ``.
    pub fn describe(status: u16, response: Option<&Ident>) -> String {
        match response {
            Some(r) => format!("{status} with a JSON `{r}`"),
            None => format!("{status} without a body"),
        }
    }
}
