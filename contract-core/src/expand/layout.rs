//! Where each endpoint goes: its route module and its service module, taken from the issue's
//! Code to Create (`backend/src/routes/users.js` -> route module `users`,
//! `backend/src/services/userService.js` -> service module `user_service`).
//!
//! A missing entry or a template placeholder (`[endpoint].js`) falls back to the operation name for
//! the route module and to `<operation>_service` for the service module. Paths that leave the
//! crate (`..`, absolute) are refused here, with the line and column.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{CodeFile, Contract, Endpoint};
use crate::naming;
use crate::source::{Source, Span};

/// Module names the generated `routes` module uses for itself.
const RESERVED_ROUTE_MODULES: [&str; 1] = ["contract_runtime"];

/// One endpoint with the modules it goes to.
#[derive(Clone, Copy, Debug)]
pub struct Operation<'a> {
    /// The issue the endpoint is in.
    pub contract: &'a Contract,
    /// The endpoint.
    pub endpoint: &'a Endpoint,
    /// The module under `src/routes/` its handler goes to (`users`).
    pub route_module: &'a str,
    /// The module under `src/services/` its service function goes to (`user_service`).
    pub service_module: &'a str,
}

/// The module names chosen for every endpoint, in a stable order: by issue file name, then as
/// written. The order of files on the command line does not matter.
#[derive(Debug, Default)]
pub struct Layout {
    entries: Vec<Entry>,
}

/// An endpoint by index (contract, endpoint) and its modules.
#[derive(Debug)]
struct Entry {
    contract: usize,
    endpoint: usize,
    route: String,
    service: String,
}

impl Layout {
    /// The operations, with `contracts` the slice the layout was made from.
    pub fn operations<'a>(&'a self, contracts: &'a [Contract]) -> Vec<Operation<'a>> {
        self.entries
            .iter()
            .map(|entry| Operation {
                contract: &contracts[entry.contract],
                endpoint: &contracts[entry.contract].endpoints[entry.endpoint],
                route_module: &entry.route,
                service_module: &entry.service,
            })
            .collect()
    }
}

/// Chooses modules for every endpoint, reporting Code to Create paths that leave the crate.
/// Operation names are unique already: [`crate::check`] refuses two endpoints with one name.
pub fn layout(contracts: &[Contract], diagnostics: &mut Diagnostics) -> Layout {
    let mut order: Vec<usize> = (0..contracts.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |c: &Contract| (c.file.file_name().map(|n| n.to_owned()), c.file.clone());
        key(&contracts[a]).cmp(&key(&contracts[b]))
    });
    let mut entries = Vec::new();
    for index in order {
        let contract = &contracts[index];
        for file in &contract.code_to_create {
            if leaves_crate(&file.path) {
                diagnostics.push(escape_diagnostic(contract, file));
            }
        }
        let route = module_for(contract, Role::Route);
        let service = module_for(contract, Role::Service);
        for (e, endpoint) in contract.endpoints.iter().enumerate() {
            let route = route
                .clone()
                .unwrap_or_else(|| naming::module(&endpoint.name));
            let route = if RESERVED_ROUTE_MODULES.contains(&route.as_str()) {
                format!("{route}_routes")
            } else {
                route
            };
            let service = service
                .clone()
                .unwrap_or_else(|| naming::module(&endpoint.name));
            entries.push(Entry {
                contract: index,
                endpoint: e,
                route,
                service,
            });
        }
    }
    avoid_module_inception(&mut entries, contracts);
    Layout { entries }
}

/// A service module holds one file per operation, named after it; a module named like one of its
/// operations would contain a module of its own name, which clippy rightly flags. Such a module
/// gets a `_service` suffix, the convention the issues themselves follow (`userService.js`).
fn avoid_module_inception(entries: &mut [Entry], contracts: &[Contract]) {
    let clashing: Vec<String> = entries
        .iter()
        .filter(|entry| operation_module(contracts, entry) == entry.service)
        .map(|entry| entry.service.clone())
        .collect();
    for entry in entries.iter_mut() {
        if clashing.contains(&entry.service) {
            entry.service.push_str("_service");
        }
    }
}

/// The name of an operation's own file in its service module.
fn operation_module(contracts: &[Contract], entry: &Entry) -> String {
    naming::module(&contracts[entry.contract].endpoints[entry.endpoint].name)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Route,
    Service,
}

/// The module named by the first Code to Create entry playing `role`, unless it is a placeholder.
fn module_for(contract: &Contract, role: Role) -> Option<String> {
    let file = contract
        .code_to_create
        .iter()
        .find(|f| !leaves_crate(&f.path) && role_of(&f.path) == Some(role))?;
    let name = file.path.rsplit(['/', '\\']).next()?;
    let stem = name.split('.').next()?;
    let placeholder = stem.is_empty()
        || stem.contains(['[', ']', '<', '>', '{', '}', '*'])
        || stem.chars().all(|c| c == 'X' || c == 'x');
    (!placeholder).then(|| naming::module(stem))
}

/// Whether a Code to Create path is a route file, a service file, or neither (models, tests).
fn role_of(path: &str) -> Option<Role> {
    let parts: Vec<String> = path
        .split(['/', '\\'])
        .filter(|p| !p.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let (file, dirs) = parts.split_last()?;
    let stem = file.split('.').next().unwrap_or_default();
    let is = |dir_names: &[&str], suffixes: &[&str]| {
        dirs.iter().any(|d| dir_names.contains(&d.as_str()))
            || suffixes
                .iter()
                .any(|s| stem.ends_with(s) || file.contains(&format!(".{s}.")))
    };
    if is(&["services", "service"], &["service"]) {
        Some(Role::Service)
    } else if is(
        &[
            "routes",
            "route",
            "routers",
            "router",
            "controllers",
            "controller",
            "handlers",
            "handler",
        ],
        &["routes", "route", "router", "controller", "handler"],
    ) {
        Some(Role::Route)
    } else {
        None
    }
}

/// An absolute path, a home-relative path, or one with a `..` component.
pub fn leaves_crate(path: &str) -> bool {
    let path = path.trim();
    let drive =
        path.len() >= 2 && path.as_bytes()[1] == b':' && path.as_bytes()[0].is_ascii_alphabetic();
    path.starts_with(['/', '\\', '~']) || drive || path.split(['/', '\\']).any(|part| part == "..")
}

fn escape_diagnostic(contract: &Contract, file: &CodeFile) -> Diagnostic {
    let span = code_file_span(&contract.source, file);
    Diagnostic::error(
        &contract.source,
        span,
        format!("`{}` leaves the crate", file.path),
    )
    .label("Code to Create paths must stay inside the project")
    .help("scaffold writes only inside `--crate DIR`; name a relative path such as `backend/src/routes/users.js`")
}

/// The span of a Code to Create path: found on its line at or after its column, or the column alone.
fn code_file_span(source: &Source, file: &CodeFile) -> Span {
    let line_start = source.line_start(file.at.line);
    let line_end = source.text()[line_start..]
        .find('\n')
        .map_or(source.text().len(), |i| line_start + i);
    let line = &source.text()[line_start..line_end];
    let column = line
        .char_indices()
        .nth(file.at.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let found = line[column..]
        .find(&file.path)
        .map(|i| column + i)
        .or_else(|| line.find(&file.path));
    match found {
        Some(i) => Span::new(line_start + i, line_start + i + file.path.len()),
        None => Span::new(line_start + column, line_start + column),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_paths() {
        for path in [
            "../x.js",
            "a/../../x.js",
            "/etc/passwd",
            "\\\\server\\x",
            "C:\\x.js",
            "~/x.js",
        ] {
            assert!(leaves_crate(path), "{path}");
        }
        for path in ["backend/src/routes/users.js", "src/..x/y.js", "./a.js"] {
            assert!(!leaves_crate(path), "{path}");
        }
    }

    #[test]
    fn roles() {
        assert!(role_of("backend/src/routes/users.js") == Some(Role::Route));
        assert!(role_of("backend/src/services/userService.js") == Some(Role::Service));
        assert!(role_of("src/users.controller.ts") == Some(Role::Route));
        assert!(role_of("src/user.service.ts") == Some(Role::Service));
        assert!(role_of("backend/src/models/user.js").is_none());
    }
}
