//! `src/routes/contract_runtime.rs`: the little the generated route modules share, the JSON error
//! body and the bearer-token extractor.
//!
//! Every error any endpoint answers with has one body shape:
//!
//! ```json
//! {"success": false, "error": {"status": 409, "message": "Email already registered", "detail": "..."}}
//! ```
//!
//! `success` mirrors the flag of the contracts' success bodies, `status` repeats the HTTP status,
//! `message` is the contract's message for it, and `detail` (left out when empty) says more: what
//! was wrong with a request axum could not read, or what a service attached with `with_detail`.

use proc_macro2::TokenStream;
use quote::quote;

use super::inner_doc_attrs;

/// The runtime module's items.
pub fn runtime_module() -> TokenStream {
    let docs = inner_doc_attrs(
        "What the generated route modules share: the JSON error body every error answers with, \
         and the bearer-token extractor.\n\n\
         The error body, for every status and every endpoint:\n\n\
         ```json\n\
         {\"success\": false, \"error\": {\"status\": 409, \"message\": \"Email already registered\", \"detail\": \"...\"}}\n\
         ```\n\n\
         `message` is the contract's message for the status; `detail` is present only when there \
         is more to say, such as why a request body could not be read.",
    );
    let body = error_body();
    let bearer = bearer();
    quote! {
        #docs

        use axum::Json;
        use axum::extract::FromRequestParts;
        use axum::http::request::Parts;
        use axum::http::{StatusCode, header};
        use axum::response::{IntoResponse, Response};
        use serde::{Deserialize, Serialize};

        #body
        #bearer
    }
}

fn error_body() -> TokenStream {
    quote! {
        /// The JSON body of every error answer.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub struct ErrorBody {
            /// Always `false`.
            pub success: bool,
            /// What went wrong.
            pub error: ErrorInfo,
        }

        /// What went wrong: the status, the contract's message, and an optional detail.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub struct ErrorInfo {
            /// The HTTP status, repeated for clients that only keep the body.
            pub status: u16,
            /// The contract's message for the status.
            pub message: String,
            /// More about this occurrence; left out when there is nothing to add.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub detail: Option<String>,
        }

        /// Answers a path no route serves: 404 with the error body, like every other error.
        pub async fn not_found() -> Response {
            error_response(StatusCode::NOT_FOUND, "Not found", None)
        }

        /// Answers a method the path does not serve: 405 with the error body (axum adds `Allow`).
        pub async fn method_not_allowed() -> Response {
            error_response(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed", None)
        }

        /// Answers with `status` and the [`ErrorBody`] for `message` and `detail`.
        pub fn error_response(status: StatusCode, message: &str, detail: Option<&str>) -> Response {
            let body = ErrorBody {
                success: false,
                error: ErrorInfo {
                    status: status.as_u16(),
                    message: message.to_owned(),
                    detail: detail.map(str::to_owned),
                },
            };
            (status, Json(body)).into_response()
        }
    }
}

fn bearer() -> TokenStream {
    quote! {
        /// The token of an `Authorization: Bearer <token>` header. Whether it is valid is for the
        /// service to decide.
        #[derive(Clone, PartialEq, Eq)]
        pub struct BearerToken(pub String);

        /// Leaves the token out: tokens are secrets, and debug output ends up in logs.
        impl std::fmt::Debug for BearerToken {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("BearerToken(..)")
            }
        }

        /// Why a request has no usable bearer token.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum BearerRejection {
            /// No `Authorization` header.
            Missing,
            /// An `Authorization` header that is not `Bearer <token>`.
            Malformed,
        }

        impl BearerRejection {
            /// What was wrong, for the error body's `detail`.
            pub fn body_text(&self) -> String {
                match self {
                    Self::Missing => "Missing `Authorization: Bearer <token>` header".to_owned(),
                    Self::Malformed => "Malformed `Authorization` header: expected `Bearer <token>`".to_owned(),
                }
            }
        }

        impl IntoResponse for BearerRejection {
            fn into_response(self) -> Response {
                error_response(StatusCode::UNAUTHORIZED, "Unauthorized", Some(&self.body_text()))
            }
        }

        impl<S: Send + Sync> FromRequestParts<S> for BearerToken {
            type Rejection = BearerRejection;

            async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
                let value = parts
                    .headers
                    .get(header::AUTHORIZATION)
                    .ok_or(BearerRejection::Missing)?;
                let value = value.to_str().map_err(|_| BearerRejection::Malformed)?;
                let (scheme, token) = value.split_once(' ').ok_or(BearerRejection::Malformed)?;
                let token = token.trim();
                if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() {
                    return Err(BearerRejection::Malformed);
                }
                Ok(Self(token.to_owned()))
            }
        }
    }
}
