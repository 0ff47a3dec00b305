//! `#[contract("issue.md")]`, as a library: what the proc macro in `contract-macros` calls, and
//! what `cargo xtask scaffold --expand` writes out.
//!
//! One stage per module, as the rest of the pipeline:
//!
//! ```text
//! attribute args --args--> Args --load--> Contract --select--> Endpoint
//!     --signature--> checked parameters --emit--> tokens
//! ```
//!
//! Nothing here panics on bad input: a panicking proc macro shows the user a backtrace instead of
//! their mistake. Every problem becomes a compile error at the tokens it is about, and the output
//! always keeps the user's function and defines the names the contract would, so one mistake is
//! one error, not dozens of "cannot find type" ones.

pub mod args;
pub mod emit;
pub mod load;
pub mod select;
pub mod signature;

use std::path::{Path, PathBuf};

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use syn::ItemFn;
use syn::ext::IdentExt;

use crate::expand::Paths;
use crate::expand::errors::{Rejections, error_enum};
use crate::expand::names::{TypeNames, ident, pascal};
use crate::expand::success::Success;
use crate::expand::types::endpoint_types;
use crate::model::Contract;
use args::Args;
use signature::Expected;

/// What the attribute expands to.
#[derive(Debug)]
pub struct Expansion {
    /// The handler, its types and its route; or, on error, the user's function, stand-ins and the
    /// errors.
    pub tokens: TokenStream,
    /// The issue file, when it exists: the macro makes it an input of the crate (see
    /// [`Expansion::into_tokens`]).
    pub tracked: Option<PathBuf>,
}

impl Expansion {
    /// The tokens with the issue file made an input of the crate, so editing the issue rebuilds
    /// it: what the proc macro returns.
    pub fn into_tokens(self) -> TokenStream {
        let mut tokens = self.tokens;
        if let Some(file) = &self.tracked {
            tokens.extend(emit::track(file));
        }
        tokens
    }
}

/// Expands `#[contract(args)]` on `item`, reading the issue relative to `manifest_dir` (the
/// crate's `CARGO_MANIFEST_DIR`).
pub fn expand(args: TokenStream, item: TokenStream, manifest_dir: &Path) -> Expansion {
    let function: ItemFn = match syn::parse2(item.clone()) {
        Ok(function) => function,
        Err(_) => {
            let error =
                syn::Error::new_spanned(&item, "`#[contract]` goes on an `async fn` handler")
                    .into_compile_error();
            return Expansion {
                tokens: quote!(#error #item),
                tracked: None,
            };
        }
    };
    let args = match args::parse(args) {
        Ok(args) => args,
        Err(error) => return failed(&function, error, None),
    };
    match load::load(&args.path, manifest_dir) {
        Ok(loaded) => Expansion {
            tokens: expand_contract(&args, &function, &loaded.contract),
            tracked: Some(loaded.file),
        },
        Err(failure) => failed(&function, failure.error, failure.file),
    }
}

/// The expansion with the contract already loaded: the proc macro after reading the issue, and
/// `scaffold --expand` for the handlers it writes, so both give the same tokens.
pub fn expand_contract(args: &Args, function: &ItemFn, contract: &Contract) -> TokenStream {
    let endpoint = match select::select(contract, &args.path, args.endpoint.as_ref()) {
        Ok(endpoint) => endpoint,
        Err(error) => return failed(function, error, None).tokens,
    };
    let base = pascal(&function.sig.ident.unraw().to_string());
    let paths = Paths::attribute();
    // Named in the order scaffold names them, so both agree on every name.
    let mut names = TypeNames::default();
    let error = ident(&names.claim(&format!("{base}Error")));
    let types = endpoint_types(endpoint, &base, &mut names, &paths);
    let errors = error_enum(endpoint, &error, Rejections::of(endpoint), &paths);
    let types_module = emit::types_module(function, endpoint, &types, &error, errors);
    let route = emit::route(function, endpoint.method, &endpoint.route);
    let expected = Expected {
        endpoint,
        at: format!("{}:{}", args.path.value(), endpoint.at.line),
        types: &types,
        error: &error,
        success: Success::of(endpoint),
    };
    let handler = match signature::check(&function.sig, &expected) {
        Ok(params) => emit::handler(function, &params),
        // The contract is fine, so its types are there: the user's function can stay whole.
        Err(error) => {
            let error = error.into_compile_error();
            quote!(#error #function)
        }
    };
    quote! {
        #handler
        #types_module
        #route
    }
}

/// The output when the contract cannot be used: the errors, the user's function (signature only)
/// and stand-ins for what the contract would define.
fn failed(function: &ItemFn, error: syn::Error, tracked: Option<PathBuf>) -> Expansion {
    let base = pascal(&function.sig.ident.unraw().to_string());
    let error = error.into_compile_error();
    let stand_in = emit::stand_in(function);
    let placeholders = emit::placeholders(function, &base);
    Expansion {
        tokens: quote! {
            #error
            #stand_in
            #placeholders
        },
        tracked,
    }
}

/// The name the error enum of a handler called `function` gets (`AddCommentError`).
pub fn error_name(function: &Ident) -> String {
    format!("{}Error", pascal(&function.unraw().to_string()))
}
