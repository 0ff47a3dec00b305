//! The Rust both `#[contract]` ([`crate::attribute`]) and scaffold's file plan
//! ([`crate::expand`], with the `cli` feature) generate from an endpoint: its serde types
//! ([`types`]), its error enum ([`errors`]), its success wrapper ([`success`]), the names of all
//! three ([`endpoint`]), doc comments ([`docs`]), identifiers ([`tokens`]), and where the types find
//! the runtime and the models ([`Paths`]). It uses neither of its two callers; the naming rules are
//! [`crate::naming`]'s.

pub mod checks;
pub mod docs;
pub mod endpoint;
pub mod errors;
pub mod success;
pub mod tokens;
pub mod types;

use proc_macro2::TokenStream;
use quote::quote;

pub use docs::{doc_attrs, inner_doc_attrs};

/// Where generated types find the runtime, serde and the named models: [`Paths::attribute`] for
/// what `#[contract]` defines beside a handler, [`Paths::scaffold`] for `src/models`.
///
/// The items expect `StatusCode`, `IntoResponse`, `Response`, `error_response`, `write_error`,
/// `Serialize`, `Deserialize` and the rejections in scope, as the module `#[contract]` puts them
/// in imports them.
#[derive(Clone, Debug)]
pub struct Paths {
    /// The models module; `None` inside it, where models are named bare.
    models: Option<TokenStream>,
    /// `#[serde(crate = "...")]` when serde and serde_json are reached through `contract` (the
    /// host crate may not depend on them): made once, as every struct and enum carries it.
    serde_crate: Option<TokenStream>,
}

impl Paths {
    /// The models module `scaffold` writes, in a crate that depends on serde.
    #[cfg(feature = "cli")]
    pub fn scaffold() -> Paths {
        Paths {
            models: Some(quote!(crate::models)),
            serde_crate: None,
        }
    }

    /// What `#[contract]` expands to: the runtime and serde through the `contract` crate, so the
    /// user's crate needs neither serde nor serde_json; named models through `super`, the module
    /// the handler is in (the types go in a module of their own inside it).
    pub fn attribute() -> Paths {
        Paths {
            models: Some(quote!(super)),
            serde_crate: Some(quote!(#[serde(crate = "::contract::__private::serde")])),
        }
    }

    #[cfg(feature = "cli")]
    pub(crate) fn in_models() -> Paths {
        Paths {
            models: None,
            ..Paths::scaffold()
        }
    }

    /// The path of a named model.
    pub fn model(&self, name: &str) -> TokenStream {
        let name = tokens::ident(name);
        match &self.models {
            Some(models) => quote!(#models::#name),
            None => quote!(#name),
        }
    }

    /// The runtime's path for intra-doc links.
    pub fn runtime_doc(&self) -> &'static str {
        "contract::runtime"
    }

    /// The type of an `any` or `object` value.
    pub fn json_value(&self) -> TokenStream {
        if self.serde_crate.is_some() {
            quote!(::contract::__private::serde_json::Value)
        } else {
            quote!(serde_json::Value)
        }
    }

    /// `#[serde(crate = "...")]` for a derive, when serde is reached through another crate.
    pub fn serde_crate_attr(&self) -> Option<&TokenStream> {
        self.serde_crate.as_ref()
    }
}
