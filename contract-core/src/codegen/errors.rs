//! The error enum of an endpoint: one unit variant per status the endpoint can answer with, each
//! carrying the contract's message, turned into the one JSON error body by `IntoResponse`.
//!
//! Besides the contract's own statuses the enum holds the ones the handler answers by itself: the
//! status for a request it cannot read (400, or the contract's 422), 401 for a missing bearer token,
//! and 501 for a service not written yet. A status the contract does not list gets a generic
//! message and says so in its doc comment, so the enum describes every answer honestly.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::tokens::{ident, str_literal};
use super::{Paths, doc_attrs};
use crate::model::Endpoint;

/// One variant of an endpoint's error enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorVariant {
    /// The HTTP status, 400..=599.
    pub status: u16,
    /// The message the error body carries: the contract's, or a generic one.
    pub message: String,
    /// The variant's name (`Conflict`).
    pub variant: String,
    /// Why the variant exists.
    pub origin: Origin,
}

/// Why a variant exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Listed under the contract's `Errors:`.
    Contract,
    /// Not listed, but the handler answers it when the path, query or body cannot be read.
    Unreadable,
    /// Not listed, but the handler answers it when the bearer token is missing or malformed.
    NoToken,
    /// The 501 of a service stub (unless the contract lists 501 itself).
    Stub,
}

/// The error the handler answers when the path, query or body cannot be read: the contract's 400,
/// else its 422, else a 400 of its own. `None` for an endpoint that reads none of them.
pub fn input_error(endpoint: &Endpoint) -> Option<ErrorVariant> {
    let reads_input = endpoint.request.is_some()
        || !endpoint.query.is_empty()
        || !endpoint.path_params.is_empty();
    if !reads_input {
        return None;
    }
    Some(
        contract_error(endpoint, 400)
            .or_else(|| contract_error(endpoint, 422))
            .unwrap_or_else(|| implied(400, "Bad request", Origin::Unreadable)),
    )
}

/// The error for a missing or malformed bearer token: the contract's 401, or a 401 of its own.
/// `None` for an endpoint without `auth`.
pub fn auth_error(endpoint: &Endpoint) -> Option<ErrorVariant> {
    endpoint.auth.then(|| {
        contract_error(endpoint, 401)
            .unwrap_or_else(|| implied(401, "Unauthorized", Origin::NoToken))
    })
}

/// The 501 a service stub returns.
pub fn not_implemented(endpoint: &Endpoint) -> ErrorVariant {
    contract_error(endpoint, 501).unwrap_or_else(|| implied(501, "Not implemented", Origin::Stub))
}

/// Every variant of the endpoint's error enum, by status.
pub fn error_variants(endpoint: &Endpoint) -> Vec<ErrorVariant> {
    let mut variants: Vec<ErrorVariant> = endpoint
        .errors
        .iter()
        .map(|e| ErrorVariant {
            status: e.status,
            message: e.message.clone(),
            variant: e.variant.clone(),
            origin: Origin::Contract,
        })
        .collect();
    let extra = [
        input_error(endpoint),
        auth_error(endpoint),
        Some(not_implemented(endpoint)),
    ];
    for variant in extra.into_iter().flatten() {
        if !variants.iter().any(|v| v.status == variant.status) {
            variants.push(variant);
        }
    }
    variants.sort_by_key(|v| v.status);
    variants
}

fn contract_error(endpoint: &Endpoint, status: u16) -> Option<ErrorVariant> {
    endpoint.error(status).map(|e| ErrorVariant {
        status,
        message: e.message.clone(),
        variant: e.variant.clone(),
        origin: Origin::Contract,
    })
}

/// A variant the contract does not list, named as [`crate::check`] names the listed ones.
fn implied(status: u16, message: &str, origin: Origin) -> ErrorVariant {
    ErrorVariant {
        status,
        message: message.to_string(),
        variant: crate::naming::variant_name(status),
        origin,
    }
}

/// Which extractor rejections the handler turns into this error with `?`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Rejections {
    /// `Violations`: the path, query or body breaks a rule beyond its shape (a format, a bound,
    /// a pattern).
    pub violations: bool,
    /// `PathRejection`, for an endpoint with path parameters.
    pub path: bool,
    /// `QueryRejection`, for an endpoint with query parameters.
    pub query: bool,
    /// `JsonRejection`, for an endpoint with a request body.
    pub json: bool,
    /// `BearerRejection`, for an endpoint that needs a bearer token.
    pub bearer: bool,
}

impl Rejections {
    /// Every rejection the extractors of `endpoint` can give.
    pub fn of(endpoint: &Endpoint) -> Rejections {
        Rejections {
            violations: endpoint.rules_in().any(),
            path: !endpoint.path_params.is_empty(),
            query: !endpoint.query.is_empty(),
            json: endpoint.request.is_some(),
            bearer: endpoint.auth,
        }
    }
}

/// The `StatusCode` expression for a status in a handler: its named constant where `http` has one;
/// otherwise made from its number, falling back to 500 rather than panicking (it never does: the
/// checker allows only valid statuses).
pub fn status_code(status: u16) -> TokenStream {
    match status_constant(status) {
        Some(constant) => quote!(StatusCode::#constant),
        None => {
            let status = proc_macro2::Literal::u16_unsuffixed(status);
            quote!(StatusCode::from_u16(#status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        }
    }
}

/// The same in a test, where `unwrap` reads better and a panic is a failure like any other.
#[cfg(feature = "cli")]
pub fn status_code_in_test(status: u16) -> TokenStream {
    match status_constant(status) {
        Some(constant) => quote!(StatusCode::#constant),
        None => {
            let status = proc_macro2::Literal::u16_unsuffixed(status);
            quote!(StatusCode::from_u16(#status).unwrap())
        }
    }
}

/// `http`'s constant for a status (`CONFLICT`): its reason phrase in upper snake case. A status
/// without a reason phrase (499) has none.
fn status_constant(status: u16) -> Option<proc_macro2::Ident> {
    let reason = http::StatusCode::from_u16(status)
        .ok()?
        .canonical_reason()?;
    let constant: String = reason
        .chars()
        .filter(|c| *c != '\'')
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_uppercase(),
        })
        .collect();
    Some(ident(&constant))
}

/// The error enum `name` of `endpoint` with its inherent methods, `Display`, `Error`,
/// `IntoResponse`, and a `From` for each rejection in `rejections`.
pub fn error_enum(
    endpoint: &Endpoint,
    name: &Ident,
    rejections: Rejections,
    paths: &Paths,
) -> TokenStream {
    let variants = error_variants(endpoint);
    let docs = doc_attrs(&format!(
        "What `{} {}` answers when it fails: each variant has its status and message, \
         and answers with the JSON [error body]({}::ErrorBody).",
        endpoint.method,
        endpoint.path,
        paths.runtime_doc()
    ));
    let ids: Vec<Ident> = variants.iter().map(|v| ident(&v.variant)).collect();
    let variant_defs = variants.iter().zip(&ids).map(|(v, id)| variant_def(v, id));
    let with_detail = doc_attrs(&format!(
        "One of the errors above with a detail for the client; made by [`{name}::with_detail`]."
    ));
    let methods = methods(name, &variants, &ids);
    let impls = trait_impls(name);
    let from = from_rejections(endpoint, name, rejections);
    let mut tokens = quote! {
        #docs
        #[derive(Debug)]
        pub enum #name {
            #(#variant_defs)*
            #with_detail
            WithDetail {
                /// The error; never itself a `WithDetail`.
                error: Box<#name>,
                /// Sent as the body's `error.detail`.
                detail: String,
            },
        }
    };
    tokens.extend([methods, impls, from]);
    tokens
}

fn variant_def(v: &ErrorVariant, id: &Ident) -> TokenStream {
    let reason = http::StatusCode::from_u16(v.status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default();
    let why = match v.origin {
        Origin::Contract => String::new(),
        Origin::Unreadable => {
            " Not in the contract: answered when the path, query or body cannot be read."
                .to_string()
        }
        Origin::NoToken => {
            " Not in the contract: answered when the bearer token is missing or malformed."
                .to_string()
        }
        Origin::Stub => " Returned by a service that is not written yet.".to_string(),
    };
    let docs = doc_attrs(&format!("{}{reason}: \"{}\".{why}", v.status, v.message));
    quote! { #docs #id, }
}

fn methods(name: &Ident, variants: &[ErrorVariant], ids: &[Ident]) -> TokenStream {
    let statuses = variants.iter().map(|v| status_code(v.status));
    let messages = variants.iter().map(|v| str_literal(&v.message));
    quote! {
        impl #name {
            /// The HTTP status of this error.
            pub fn status(&self) -> StatusCode {
                match self {
                    #(Self::#ids => #statuses,)*
                    Self::WithDetail { error, .. } => error.status(),
                }
            }

            /// The contract's message for this error.
            pub fn message(&self) -> &'static str {
                match self {
                    #(Self::#ids => #messages,)*
                    Self::WithDetail { error, .. } => error.message(),
                }
            }

            /// The detail attached with [`Self::with_detail`], if any.
            pub fn detail(&self) -> Option<&str> {
                match self {
                    Self::WithDetail { detail, .. } => Some(detail),
                    _ => None,
                }
            }

            /// Attaches a detail for the client (replacing an earlier one); status and message stay.
            pub fn with_detail(self, detail: impl Into<String>) -> Self {
                let error = match self {
                    Self::WithDetail { error, .. } => error,
                    error => Box::new(error),
                };
                Self::WithDetail {
                    error,
                    detail: detail.into(),
                }
            }
        }
    }
}

fn trait_impls(name: &Ident) -> TokenStream {
    quote! {
        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write_error(f, self.message(), self.detail())
            }
        }

        impl std::error::Error for #name {}

        impl IntoResponse for #name {
            fn into_response(self) -> Response {
                error_response(self.status(), self.message(), self.detail())
            }
        }
    }
}

/// `From` each rejection the handler meets, so it can use `?` on its extractors. A rejection's own
/// text becomes the detail: it says what was wrong with the request.
fn from_rejections(endpoint: &Endpoint, name: &Ident, rejections: Rejections) -> TokenStream {
    let mut impls = TokenStream::new();
    if let Some(input) = input_error(endpoint) {
        let variant = ident(&input.variant);
        let types = [
            (rejections.path, quote!(PathRejection)),
            (rejections.query, quote!(QueryRejection)),
            (rejections.json, quote!(JsonRejection)),
        ];
        for (_, ty) in types.iter().filter(|(used, _)| *used) {
            impls.extend(from_impl(name, ty, &variant));
        }
        if rejections.violations {
            impls.extend(quote! {
                impl From<Violations> for #name {
                    fn from(violations: Violations) -> Self {
                        Self::#variant.with_detail(violations.to_string())
                    }
                }
            });
        }
    }
    if let (true, Some(auth)) = (rejections.bearer, auth_error(endpoint)) {
        let variant = ident(&auth.variant);
        impls.extend(from_impl(name, &quote!(BearerRejection), &variant));
    }
    impls
}

fn from_impl(name: &Ident, rejection: &TokenStream, variant: &Ident) -> TokenStream {
    quote! {
        impl From<#rejection> for #name {
            fn from(rejection: #rejection) -> Self {
                Self::#variant.with_detail(rejection.body_text())
            }
        }
    }
}
