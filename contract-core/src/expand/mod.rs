//! Stage 4, expand: checked [`Contract`](crate::model::Contract)s -> the Rust files of a crate
//! that serves them.
//!
//! Pure: [`plan`](fn@plan) returns every file with its contents and who owns it; writing them
//! (and never overwriting what a person owns) is the CLI's job. The file plan, and the modules only
//! it uses, need the `cli` feature; `#[contract]` uses [`types`], [`errors`], [`success`],
//! [`names`], [`docs`] and [`Paths`]. Each artifact has its own module, each turning
//! the model into tokens, formatted by [`format`](mod@format):
//!
//! | file | module | owner |
//! | --- | --- | --- |
//! | `src/routes/<module>.rs`: `#[contract]` handlers (or, [`HandlerStyle::Expanded`], what the attribute expands to: serde types, error enums) | [`route_module`], [`handler`], [`types`], [`errors`], [`success`] | generated |
//! | `src/routes/mod.rs`: `router()` | [`router`] | generated |
//! | `src/services/mod.rs`, `src/services/<module>/mod.rs` | [`service`] | generated |
//! | `src/services/<module>/<operation>.rs`: the business logic | [`service`] | user |
//! | `src/models/mod.rs`, `src/models/<model>.rs` | [`models`] | generated, user |
//! | `src/state.rs`; for a new crate `Cargo.toml`, `src/lib.rs`, `src/main.rs` | [`crate_files`] | user |
//! | `tests/`: tests from the contract, by [`test_files::plan_tests`] | [`test_files`], [`test_cases`], [`test_skeletons`], [`test_support`], [`test_append`], [`samples`] | generated, user |
//!
//! Module names come from the issues' Code to Create ([`layout`]); [`names`] makes identifiers,
//! [`docs`] doc comments. The runtime the handlers share (error body, bearer token, fallbacks) is
//! the `contract` crate's `runtime` module, which every generated crate depends on: one copy of it,
//! not one per crate.

// What `#[contract]` expands with, as well as the file plan.
pub mod docs;
pub mod errors;
pub mod names;
pub mod success;
pub mod types;

// The file plan and what only it uses.
#[cfg(feature = "cli")]
pub mod crate_files;
#[cfg(feature = "cli")]
pub mod format;
#[cfg(feature = "cli")]
pub mod handler;
#[cfg(feature = "cli")]
pub mod layout;
#[cfg(feature = "cli")]
pub mod models;
#[cfg(feature = "cli")]
pub mod plan;
#[cfg(feature = "cli")]
pub mod route_module;
#[cfg(feature = "cli")]
pub mod router;
#[cfg(feature = "cli")]
pub mod samples;
#[cfg(feature = "cli")]
pub mod service;
#[cfg(feature = "cli")]
pub mod test_append;
#[cfg(feature = "cli")]
pub mod test_cases;
#[cfg(feature = "cli")]
pub mod test_files;
#[cfg(feature = "cli")]
pub mod test_skeletons;
#[cfg(feature = "cli")]
pub mod test_support;

use proc_macro2::TokenStream;
use quote::quote;

pub use docs::{doc_attrs, inner_doc_attrs};
#[cfg(feature = "cli")]
pub use format::same_code;
#[cfg(feature = "cli")]
pub(crate) use plan::generated_header;
#[cfg(feature = "cli")]
pub use plan::{
    GENERATED_MARKER, HandlerStyle, Ownership, PlanOptions, PlannedFile, file_name, plan,
};

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
    fn in_models() -> Paths {
        Paths {
            models: None,
            ..Paths::scaffold()
        }
    }

    /// The path of a named model.
    pub fn model(&self, name: &str) -> TokenStream {
        let name = names::ident(name);
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
