//! `src/routes/mod.rs`: the route modules and `router()`, which mounts every endpoint at its
//! method and path.
//!
//! axum's router refuses two routes that name the same path segment's parameter differently
//! (`/api/todos/{todoId}` and `/api/todos/{id}`). Handlers extract path parameters by position, so
//! the router renames such parameters to the first name used at that place; nothing else changes.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::layout::Operation;
use super::names::ident;
use super::{doc_attrs, inner_doc_attrs};
use crate::model::Method;

/// One endpoint's place in the router.
struct Mount<'a> {
    route: String,
    method: Method,
    operation: &'a Operation<'a>,
}

/// The `routes` module: declarations of `modules` and `router()`. Every method and path is served
/// once: [`crate::check`] refuses two endpoints with one method and route shape.
pub fn routes_module(operations: &[Operation<'_>], modules: &[&str]) -> TokenStream {
    let (mounts, renamed) = mounts(operations);
    let mut by_route: BTreeMap<&str, Vec<&Mount<'_>>> = BTreeMap::new();
    for mount in &mounts {
        by_route.entry(&mount.route).or_default().push(mount);
    }
    // Only the first method of each route is a function call (`get(a).post(b)`): the
    // functions imported are exactly those.
    let mut first_methods: Vec<String> = Vec::new();
    let routes: Vec<TokenStream> = by_route
        .iter()
        .map(|(route, mounts)| {
            let mut mounts = mounts.clone();
            mounts.sort_by_key(|m| m.method);
            first_methods.push(method_name(mounts[0].method));
            let chain = mounts.iter().map(|m| {
                let method = ident(&method_name(m.method));
                let module = ident(m.operation.route_module);
                let handler = ident(&m.operation.endpoint.name);
                quote!(#method(#module::#handler))
            });
            quote!(.route(#route, #(#chain).*))
        })
        .collect();
    first_methods.sort();
    first_methods.dedup();
    let method_fns = first_methods.iter().map(|m| ident(m));
    let routing = match first_methods.len() {
        0 => None,
        1 => Some(quote!(use axum::routing::#(#method_fns)*;)),
        _ => Some(quote!(use axum::routing::{#(#method_fns),*};)),
    };
    // Sorted with the runtime among them, as rustfmt sorts `mod` lines.
    let mut all_modules: Vec<&str> = modules.to_vec();
    all_modules.push("contract_runtime");
    all_modules.sort_unstable();
    let module_decls = all_modules.iter().map(|m| {
        let m = ident(m);
        quote!(pub mod #m;)
    });
    let inner = inner_doc_attrs(
        "The API's routes: a module per group of endpoints, the runtime they share, and \
         [`router`], which mounts them all.",
    );
    let mut router_doc = String::from(
        "Every endpoint of the contracts, at its method and path. Unknown paths and methods \
         answer 404 and 405 with the JSON error body too (merging this router into one with a \
         fallback of its own needs `reset_fallback` on one of them).",
    );
    if renamed {
        router_doc.push_str(
            "\n\nPath parameters are extracted by position; where contracts name the same \
             segment differently, the route uses the first name.",
        );
    }
    let router_doc = doc_attrs(&router_doc);
    quote! {
        #inner
        #(#module_decls)*

        use axum::Router;
        #routing

        use crate::state::AppState;

        #router_doc
        pub fn router() -> Router<AppState> {
            Router::new()
                #(#routes)*
                .fallback(contract_runtime::not_found)
                .method_not_allowed_fallback(contract_runtime::method_not_allowed)
        }
    }
}

/// The `axum::routing` function (and `MethodRouter` method) for a method: `get`, `post`, ...
fn method_name(method: Method) -> String {
    method.as_str().to_ascii_lowercase()
}

/// Every endpoint's mount, with parameter names made consistent; `true` when one was renamed.
fn mounts<'a>(operations: &'a [Operation<'a>]) -> (Vec<Mount<'a>>, bool) {
    let mut order: Vec<&Operation<'_>> = operations.iter().collect();
    order.sort_by(|a, b| {
        (&a.endpoint.route, a.endpoint.method).cmp(&(&b.endpoint.route, b.endpoint.method))
    });
    let mut names = ParamNames::default();
    let mut renamed = false;
    let mounts = order
        .into_iter()
        .map(|operation| {
            let route = names.canonical(&operation.endpoint.route);
            renamed |= route != operation.endpoint.route;
            Mount {
                route,
                method: operation.endpoint.method,
                operation,
            }
        })
        .collect();
    (mounts, renamed)
}

/// The parameter name chosen for each place in the route tree, keyed by the route up to it.
/// Routes must be given in order of `(route, method)` for every user to choose the same names.
#[derive(Default)]
pub(crate) struct ParamNames {
    chosen: BTreeMap<String, String>,
}

impl ParamNames {
    pub(crate) fn canonical(&mut self, route: &str) -> String {
        let mut out = String::new();
        let mut used: Vec<String> = Vec::new();
        for segment in route.split('/').skip(1) {
            out.push('/');
            let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
                out.push_str(segment);
                continue;
            };
            let (star, bare) = match name.strip_prefix('*') {
                Some(bare) => ("*", bare),
                None => ("", name),
            };
            let key = format!("{out}{star}");
            let chosen = self
                .chosen
                .entry(key)
                .or_insert_with(|| unique(bare, &used))
                .clone();
            used.push(chosen.clone());
            out.push_str(&format!("{{{star}{chosen}}}"));
        }
        if out.is_empty() {
            out.push('/');
        }
        out
    }
}

/// `name`, or `name2`, `name3`, ... when the route already uses it.
fn unique(name: &str, used: &[String]) -> String {
    let mut candidate = name.to_string();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{name}{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_at_one_place_share_a_name() {
        let mut names = ParamNames::default();
        assert_eq!(
            names.canonical("/api/todos/{todoId}"),
            "/api/todos/{todoId}"
        );
        assert_eq!(names.canonical("/api/todos/{id}"), "/api/todos/{todoId}");
        assert_eq!(
            names.canonical("/api/todos/{id}/tags/{id2}"),
            "/api/todos/{todoId}/tags/{id2}"
        );
        assert_eq!(names.canonical("/api/users/{id}"), "/api/users/{id}");
        assert_eq!(names.canonical("/a/{x}/b/{x}"), "/a/{x}/b/{x2}");
        assert_eq!(names.canonical("/"), "/");
        assert_eq!(names.canonical("/files/{*path}"), "/files/{*path}");
    }
}
