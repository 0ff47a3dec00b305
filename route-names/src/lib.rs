//! Parameter names along a route tree, shared by the `contract` runtime's `routes!` (which mounts
//! routes) and `contract_core::openapi` (which documents them), so the two always agree. A crate
//! of its own, on nothing but `std`, because every generated crate builds the runtime.

use std::collections::BTreeMap;

/// axum refuses two routes that name the parameter at one place differently
/// (`/api/todos/{todoId}`, `/api/todos/{id}`). Handlers extract path parameters by position, so
/// the router renames such a parameter to the first name used at that place.
#[derive(Default)]
pub struct ParamNames {
    /// The name chosen for each place, keyed by the route up to it.
    chosen: BTreeMap<String, String>,
}

impl ParamNames {
    /// `route` with each parameter renamed to the first name used at its place. Give routes in
    /// the order they are mounted: the first one seen names the place.
    pub fn canonical(&mut self, route: &str) -> String {
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
