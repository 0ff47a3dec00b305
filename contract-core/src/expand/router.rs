//! `src/routes/mod.rs`: the route modules and `router()`, which mounts every endpoint at its
//! method and path with `contract::routes!`.
//!
//! Each handler carries its contract's method and path (`#[contract]` records them), so the router
//! repeats no path literal; `routes!` also reconciles two contracts that name the parameter at one
//! place of a path differently (`/api/todos/{todoId}`, `/api/todos/{id}`), which axum refuses.

use proc_macro2::TokenStream;
use quote::quote;

use super::layout::Operation;
use crate::codegen::tokens::ident;
use crate::codegen::{doc_attrs, inner_doc_attrs};

/// The `routes` module: declarations of `modules` and `router()`. Every method and path is served
/// once: [`crate::check`] refuses two endpoints with one method and route shape.
pub fn routes_module(operations: &[Operation<'_>], modules: &[&str]) -> TokenStream {
    // By route, then method: the order routes! mounts them in, and so which parameter name wins
    // where contracts differ.
    let mut order: Vec<&Operation<'_>> = operations.iter().collect();
    order.sort_by(|a, b| {
        (&a.endpoint.route, a.endpoint.method).cmp(&(&b.endpoint.route, b.endpoint.method))
    });
    let handlers = order.iter().map(|op| {
        let module = ident(op.route_module);
        let handler = ident(&op.endpoint.name);
        quote!(#module::#handler)
    });
    let module_decls = modules.iter().map(|m| {
        let m = ident(m);
        quote!(pub mod #m;)
    });
    let inner = inner_doc_attrs(
        "The API's routes: a module per group of endpoints, and [`router`], which mounts them all.",
    );
    let router_doc = doc_attrs(
        "Every endpoint of the contracts, at the method and path its issue gives. Unknown paths \
         and methods answer 404 and 405 with the JSON error body too (merging this router into \
         one with a fallback of its own needs `reset_fallback` on one of them).",
    );
    quote! {
        #inner
        #(#module_decls)*

        use axum::Router;

        use crate::state::AppState;

        #router_doc
        pub fn router() -> Router<AppState> {
            contract::routes![#(#handlers),*]
        }
    }
}
