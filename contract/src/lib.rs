//! Ties axum handlers to the API contracts of "Backend Feature Task" issues.
//!
//! ```ignore
//! use axum::{extract::Path, Json};
//! use contract::{contract, routes};
//!
//! #[contract("issues/add-comment.md")]
//! pub async fn add_comment(
//!     Path(post_id): Path<String>,
//!     Json(req): Json<AddCommentRequest>,
//! ) -> Result<Json<AddCommentResponse>, AddCommentError> {
//!     Err(AddCommentError::NotFound)
//! }
//!
//! pub fn app() -> axum::Router {
//!     routes![add_comment]
//! }
//! ```
//!
//! [`contract`] reads the issue at compile time: it defines the contract's request, response,
//! query and error types next to the handler, refuses a handler whose signature contradicts the
//! contract, and gives [`routes!`] the contract's method and path. `docs/macro.md` in the
//! repository is the full guide.
//!
//! The [`runtime`] module is what the generated code calls: the JSON error body, the bearer-token
//! extractor, the 404/405 fallbacks and the status-setting return types ([`Created`],
//! [`Accepted`], [`NoContent`], [`WithStatus`]).

#![warn(missing_docs)]

pub mod routing;
pub mod runtime;

/// The rules a contract states on values beyond their shape: string formats, lengths, ranges,
/// item counts and patterns. The handlers `#[contract]` generates check them with
/// [`Violations`](validation::Violations), which a handler may use for rules of its own.
pub mod validation {
    pub use contract_validation::{At, Format, Pattern, Violations};
}

#[cfg(feature = "macros")]
pub use contract_macros::contract;
pub use runtime::{Accepted, BearerToken, Created, NoContent, WithStatus};

/// An axum [`Router<S>`](axum::Router) with each `#[contract]` handler at its contract's method and
/// path, and 404/405 answering in the JSON error body.
///
/// ```ignore
/// let app: axum::Router<AppState> = routes![users::create_user, users::get_user];
/// ```
///
/// Each entry is the path of a function `#[contract]` was put on (plain or with a module path,
/// re-exports included). The state type `S` is whatever the handlers and the caller agree on:
/// `routes![...].with_state(state)` or a function returning `Router<AppState>`.
#[macro_export]
macro_rules! routes {
    ($($handler:path),* $(,)?) => {
        $crate::routing::Routes::new()
            $(.add(
                <$handler as $crate::routing::Route>::METHOD,
                <$handler as $crate::routing::Route>::PATH,
                $handler,
            ))*
            .finish()
    };
}

/// What generated code names, so a crate using `#[contract]` needs no direct dependency on serde or
/// serde_json, and the generated code cannot be confused by the names in the user's module. Not
/// part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::routing::Route;
    pub use crate::runtime::{
        BearerRejection, BearerToken, ObjectOnly, error_response, present, write_error,
    };
    pub use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
    pub use axum::http::StatusCode;
    pub use axum::response::{IntoResponse, Response};
    pub use axum::routing::MethodFilter;
    pub use contract_validation::{At, Format, Pattern, Violations};
    pub use serde::{self, Deserialize, Deserializer, Serialize, Serializer};
    pub use serde_json;
}
