//! What [`routes!`](crate::routes) builds on: each `#[contract]` handler's method and path, and a
//! router that mounts handlers by them.
//!
//! `#[contract]` puts, next to the handler `add_comment`, a hidden braced struct of the same name
//! that implements [`Route`]. A braced struct lives only in the type namespace and a function only
//! in the value namespace, so the one path `add_comment` names both: `routes!` reads the route
//! from `<add_comment as Route>` and mounts the function `add_comment` (the trick Rocket's
//! `routes!` uses). The handler stays a plain function, usable with `post(add_comment)`.

use axum::Router;
use axum::handler::Handler;
use axum::routing::{MethodFilter, on};

use crate::runtime::{method_not_allowed, not_found};

/// A handler's place in the router, from its contract. Implemented by `#[contract]`.
pub trait Route {
    /// The contract's method.
    const METHOD: MethodFilter;
    /// The contract's path in axum 0.8 form (`/api/posts/{postId}/comments`).
    const PATH: &'static str;
}

/// Collects handlers into a [`Router`]; what [`routes!`](crate::routes) expands to.
pub struct Routes<S> {
    router: Router<S>,
    names: ParamNames,
}

impl<S: Clone + Send + Sync + 'static> Default for Routes<S> {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: Clone + Send + Sync + 'static> Routes<S> {
    /// No routes yet.
    pub fn new() -> Self {
        Routes {
            router: Router::new(),
            names: ParamNames::default(),
        }
    }

    /// Mounts `handler` at `method` and `path`. Handlers at one path with different methods share
    /// it; the same method twice panics when the router is built, as axum does.
    pub fn add<H, T>(mut self, method: MethodFilter, path: &str, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        let path = self.names.canonical(path);
        self.router = self.router.route(&path, on(method, handler));
        self
    }

    /// The router, with 404 and 405 answering in the JSON error body like every other error.
    pub fn finish(self) -> Router<S> {
        self.router
            .fallback(not_found)
            .method_not_allowed_fallback(method_not_allowed)
    }
}

use contract_route_names::ParamNames;
