//! The proc macros of the `contract` crate; depend on `contract`, which re-exports them.
//!
//! A thin shell: the work is `contract_core::attribute`, where plain tests reach it.

#![warn(missing_docs)]

use std::path::PathBuf;

use proc_macro::TokenStream;

/// Ties an axum handler to the API contract of an issue file. See the `contract` crate.
///
/// `#[contract("issues/x.md")]`, or `#[contract("issues/x.md", endpoint = "GET /api/x/:id")]`
/// for one endpoint of several. The path is relative to the crate's directory.
#[proc_macro_attribute]
pub fn contract(args: TokenStream, item: TokenStream) -> TokenStream {
    // Cargo sets it for every crate it builds; outside cargo, the current directory.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    contract_core::attribute::expand(args.into(), item.into(), &manifest_dir)
        .into_tokens()
        .into()
}
