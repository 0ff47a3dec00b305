//! What [`routes!`](crate::routes) builds on: each `#[contract]` handler's method and path, and a
//! router that mounts handlers by them.
//!
//! `#[contract]` puts, next to the handler `add_comment`, a hidden braced struct of the same name
//! that implements [`Route`]. A braced struct lives only in the type namespace and a function only
//! in the value namespace, so the one path `add_comment` names both: `routes!` reads the route
//! from `<add_comment as Route>` and mounts the function `add_comment` (the trick Rocket's
//! `routes!` uses). The handler stays a plain function, usable with `post(add_comment)`.

use std::collections::BTreeMap;

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

/// axum refuses two routes that name the parameter at one place differently
/// (`/api/todos/{todoId}`, `/api/todos/{id}`). Handlers extract path parameters by position, so
/// the router renames such a parameter to the first name used at that place.
#[derive(Default)]
struct ParamNames {
    /// The name chosen for each place, keyed by the route up to it.
    chosen: BTreeMap<String, String>,
}

impl ParamNames {
    fn canonical(&mut self, route: &str) -> String {
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
            out.push('{');
            out.push_str(star);
            out.push_str(&chosen);
            out.push('}');
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
