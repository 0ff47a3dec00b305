//! `#[contract("issue.md")]`, as a library: what the proc macro in `contract-macros` calls, and
//! what `cargo xtask scaffold --expand` writes out.
//!
//! One stage per module, as the rest of the pipeline:
//!
//! ```text
//! item --item--> HandlerFn; attribute args --args--> Args --load--> Contract --select--> Endpoint
//!     --signature--> checked parameters --emit--> tokens
//! ```
//!
//! Nothing here panics on bad input: a panicking proc macro shows the user a backtrace instead of
//! their mistake. Every problem becomes a compile error at the tokens it is about, and the output
//! always keeps the user's function and defines the names the contract would, so one mistake is
//! one error, not dozens of "cannot find type" ones.

pub mod args;
pub mod emit;
pub mod item;
pub mod load;
pub mod select;
pub mod signature;

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use crate::codegen::Paths;
use crate::codegen::checks::input_checks;
use crate::codegen::endpoint::{EndpointItems, base_name, endpoint_items};
use crate::codegen::errors::{Rejections, error_enum};
use crate::codegen::success::Success;
use crate::model::Contract;
use crate::naming::TypeNames;
use args::Args;
use item::HandlerFn;
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
    let function = match HandlerFn::parse(item.clone()) {
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
pub fn expand_contract(args: &Args, function: &HandlerFn, contract: &Contract) -> TokenStream {
    let endpoint = match select::select(contract, &args.path, args.endpoint.as_ref()) {
        Ok(endpoint) => endpoint,
        Err(error) => return failed(function, error, None).tokens,
    };
    let paths = Paths::attribute();
    let function_name = function.sig.ident.unraw().to_string();
    let EndpointItems { error, types } =
        endpoint_items(endpoint, &function_name, &mut TypeNames::default(), &paths);
    let errors = error_enum(endpoint, &error, Rejections::of(endpoint), &paths);
    let expected = Expected {
        endpoint,
        at: format!("{}:{}", args.path.value(), endpoint.at.line),
        types: &types,
        error: &error,
        success: Success::of(endpoint),
    };
    let checks = input_checks(endpoint, types.request.as_ref(), types.query.as_ref());
    let handler = match signature::check(&function.sig, &expected) {
        Ok(params) => emit::handler(function, &params, &checks),
        // The contract is fine, so its types are there: the user's function can stay whole.
        Err(error) => {
            let error = error.into_compile_error();
            quote!(#error #function)
        }
    };
    let types_module = emit::types_module(function, endpoint, types, checks, &error, errors);
    let route = emit::route(function, endpoint.method, &endpoint.route);
    let mut tokens = handler;
    tokens.extend([types_module, route]);
    tokens
}

/// The output when the contract cannot be used: the errors, the user's function (signature only)
/// and stand-ins for what the contract would define.
fn failed(function: &HandlerFn, error: syn::Error, tracked: Option<PathBuf>) -> Expansion {
    let base = base_name(&function.sig.ident.unraw().to_string());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> PathBuf {
        contract_corpus::root()
    }

    fn expand_text(args: TokenStream, item: TokenStream) -> String {
        expand(args, item, &corpus()).into_tokens().to_string()
    }

    #[test]
    fn a_valid_handler_gets_types_route_wrapper_and_tracking() {
        let out = expand_text(
            quote!("valid/01-add-book.md"),
            quote! {
                pub async fn create_book(Json(r): Json<CreateBookRequest>)
                    -> Result<Json<CreateBookResponse>, CreateBookError> { todo!() }
            },
        );
        assert!(!out.contains("compile_error"), "{out}");
        assert!(out.contains("pub struct CreateBookRequest"), "{out}");
        assert!(out.contains("pub enum CreateBookError"), "{out}");
        assert!(out.contains("pub struct create_book { }"), "{out}");
        assert!(out.contains("\"/api/books\""), "{out}");
        assert!(
            out.contains(":: contract :: __private :: JsonRejection"),
            "{out}"
        );
        assert!(out.contains("include_bytes !"), "{out}");
    }

    #[test]
    fn a_signature_error_keeps_the_function_and_the_types() {
        let out = expand_text(
            quote!("valid/01-add-book.md"),
            quote! {
                pub fn create_book() -> Result<Json<CreateBookResponse>, CreateBookError> {
                    Err(CreateBookError::Conflict)
                }
            },
        );
        assert_eq!(out.matches("compile_error").count(), 2, "{out}");
        assert!(
            out.contains("Err (CreateBookError :: Conflict)"),
            "the body was dropped: {out}"
        );
        assert!(out.contains("pub enum CreateBookError"), "{out}");
        assert!(out.contains("include_bytes !"), "{out}");
    }

    #[test]
    fn an_invalid_contract_gives_stand_ins_and_is_still_tracked() {
        let out = expand_text(
            quote!("invalid/bad-status.md"),
            quote! {
                pub async fn create_loan_renewal(Json(r): Json<CreateLoanRenewalRequest>)
                    -> Result<Json<CreateLoanRenewalResponse>, CreateLoanRenewalError> {
                    Err(CreateLoanRenewalError::Conflict)
                }
            },
        );
        assert_eq!(
            out.matches("compile_error").count(),
            2,
            "both statuses: {out}"
        );
        assert!(out.contains("bad-status.md:10:31"), "{out}");
        for name in ["CreateLoanRenewalRequest", "CreateLoanRenewalResponse"] {
            assert!(
                out.contains(&format!("pub struct {name} {{ }}")),
                "{name}: {out}"
            );
        }
        assert!(out.contains("pub enum CreateLoanRenewalError { }"), "{out}");
        assert!(!out.contains("CreateLoanRenewalError :: Conflict"), "{out}");
        assert!(
            out.contains("include_bytes !"),
            "fixing the issue must rebuild: {out}"
        );
    }

    #[test]
    fn odd_input_is_an_error_never_a_panic() {
        let cases = [
            (
                quote!("valid/01-add-book.md"),
                quote!(
                    struct X;
                ),
            ),
            (
                quote!(),
                quote!(
                    async fn f() {}
                ),
            ),
            (
                quote!("valid/01-add-book.md"),
                quote!(
                    async fn f(self) {}
                ),
            ),
            (
                quote!("valid/02-get-book.md"),
                quote!(
                    async fn r#type<T: Clone>(Path(x): Path<T>) -> ()
                    where
                        T: Send,
                    {
                    }
                ),
            ),
            (
                quote!("missing.md", endpoint = "GET /"),
                quote!(
                    async fn f() {}
                ),
            ),
            (
                quote!("valid/07-catalogue-imports.md", endpoint = "nonsense"),
                quote!(
                    async fn f() {}
                ),
            ),
        ];
        for (args, item) in cases {
            let out = expand_text(args, item);
            assert!(out.contains("compile_error"), "{out}");
        }
    }
}
