//! The file plan: checked contracts -> every file of the crate, with its contents and owner.

use std::collections::BTreeMap;
use std::path::PathBuf;

use proc_macro2::TokenStream;

use super::crate_files::{self, ContractDependency};
use super::layout::{self, Operation};
use super::route_module::{self, ExpandedOperation};
use super::{format, models, router, service, test_files};
use crate::codegen::{Paths, docs};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Contract, NamedType};
use crate::naming::{self, TypeNames};
use crate::source::Span;

/// Who a planned file belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ownership {
    /// Rewritten from the issues on every run; never edited by hand.
    Generated,
    /// Written once if missing, then the user's: only `--force` overwrites it.
    UserOwned,
    /// The user's, but scaffold appends the tests it lacks (found by name; see
    /// [`append_missing`](super::test_append::append_missing)); only `--force` overwrites it.
    AppendOnly,
}

/// A file the crate should have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedFile {
    /// Relative to the crate's root, `/`-separated (`src/routes/users.rs`).
    pub path: String,
    /// The whole text of the file.
    pub contents: String,
    /// Who owns the file: whether a run may overwrite it or append to it.
    pub ownership: Ownership,
}

/// What the crate around the generated files looks like.
#[derive(Clone, Debug, Default)]
pub struct PlanOptions {
    /// `Some(package name)` when the target holds no crate yet: plan `Cargo.toml`, `src/lib.rs`,
    /// `src/main.rs` and `.gitignore` too.
    pub new_crate: Option<String>,
    /// How the handlers are written.
    pub handlers: HandlerStyle,
    /// The path `#[contract]` reaches each issue by, relative to the crate's `Cargo.toml`, keyed by
    /// [`Contract::file`]; the issue's file name when it has none.
    pub issue_paths: BTreeMap<PathBuf, String>,
    /// Where a new crate's `Cargo.toml` takes the `contract` crate from.
    pub contract_dependency: ContractDependency,
    /// The library the tests reach the app through (the package name; `-` reads as `_`), to plan
    /// the tests in `tests/` too ([`test_files::plan_tests`]); `None` plans none.
    pub tests: Option<String>,
}

/// How `src/routes/<module>.rs` writes its handlers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HandlerStyle {
    /// `#[contract("issue.md")]` on each handler: the issue stays the source of truth inside the
    /// build, and editing it rebuilds the crate.
    #[default]
    Attribute,
    /// What the attribute expands to, written out as plain Rust (`scaffold --expand`): no proc
    /// macro, the same code.
    Expanded,
}

/// Every file the contracts give, sorted by path. Fails on Code to Create paths that leave the
/// crate, each reported at its line and column.
pub fn plan(
    contracts: &[Contract],
    options: &PlanOptions,
) -> Result<Vec<PlannedFile>, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let layout = layout::layout(contracts, &mut diagnostics);
    let operations = layout.operations(contracts);
    let by_route = group(&operations, |op| op.route_module);
    let route_names: Vec<&str> = by_route.keys().copied().collect();
    let routes_mod = router::routes_module(&operations, &route_names);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut planner = Planner::new(contracts);
    let paths = Paths::attribute();
    let style = route_module::Style {
        handlers: options.handlers,
        issue_paths: &options.issue_paths,
    };
    planner.generated("src/routes/mod.rs", &all_files(contracts), routes_mod);
    for (module, ops) in &by_route {
        let expanded: Vec<ExpandedOperation<'_>> = ops
            .iter()
            .map(|op| route_module::expand_operation(op, &mut TypeNames::default(), &paths))
            .collect();
        let sources = files_of(ops.iter().copied());
        let tokens = route_module::route_module(&expanded, &style);
        planner.generated(&format!("src/routes/{module}.rs"), &sources, tokens);
        for op in &expanded {
            planner.service_stub(op);
        }
    }
    planner.services(&operations);
    planner.models(contracts);
    planner.user_owned("src/state.rs", crate_files::state_rs());
    if let Some(package) = &options.new_crate {
        let macros = options.handlers == HandlerStyle::Attribute;
        planner.user_owned(
            "Cargo.toml",
            crate_files::cargo_toml(package, &options.contract_dependency, macros),
        );
        planner.user_owned(".gitignore", crate_files::gitignore());
        planner.user_owned("src/lib.rs", crate_files::lib_rs(package));
        planner.user_owned("src/main.rs", crate_files::main_rs(package));
    }
    if let Some(library) = &options.tests {
        match test_files::plan_tests(contracts, library) {
            Ok(files) => planner.files.extend(files),
            Err(diagnostics) => planner.diagnostics.extend(diagnostics),
        }
    }
    planner.finish()
}

/// Collects planned files; a file whose tokens do not parse (a bug here, never the user's) is
/// reported instead of written.
struct Planner<'a> {
    contracts: &'a [Contract],
    files: Vec<PlannedFile>,
    diagnostics: Diagnostics,
}

impl<'a> Planner<'a> {
    fn new(contracts: &'a [Contract]) -> Self {
        Planner {
            contracts,
            files: Vec::new(),
            diagnostics: Diagnostics::default(),
        }
    }

    fn generated(&mut self, path: &str, sources: &[String], tokens: TokenStream) {
        let header = generated_header(sources);
        self.rust(path, &header, tokens, Ownership::Generated);
    }

    fn user_owned(&mut self, path: &str, contents: String) {
        self.files.push(PlannedFile {
            path: path.to_string(),
            contents,
            ownership: Ownership::UserOwned,
        });
    }

    fn rust(&mut self, path: &str, header: &str, tokens: TokenStream, ownership: Ownership) {
        match format::format_file(header, tokens) {
            Ok(contents) => self.files.push(PlannedFile {
                path: path.to_string(),
                contents,
                ownership,
            }),
            Err(error) => self.internal_error(path, &error),
        }
    }

    fn internal_error(&mut self, path: &str, error: &dyn std::fmt::Display) {
        let Some(first) = self.contracts.first() else {
            return;
        };
        self.diagnostics.push(
            Diagnostic::error(
                &first.source,
                Span::default(),
                format!("internal error: the code planned for `{path}` does not parse: {error}"),
            )
            .note(
                "this is a bug in contract-core's expansion; please report it with the issue files",
            ),
        );
    }

    fn service_stub(&mut self, op: &ExpandedOperation<'_>) {
        let operation = op.operation;
        let path = format!(
            "src/services/{}/{}.rs",
            operation.service_module,
            naming::module(&operation.endpoint.name)
        );
        let tokens = service::service_stub(operation, &op.types, &op.error);
        match format::format_file("", tokens) {
            Ok(text) => self.user_owned(&path, explain_placeholder(&text)),
            Err(error) => self.internal_error(&path, &error),
        }
    }

    fn services(&mut self, operations: &[Operation<'_>]) {
        let by_service = group(operations, |op| op.service_module);
        let modules: Vec<&str> = by_service.keys().copied().collect();
        let all = files_of(operations.iter());
        self.generated(
            "src/services/mod.rs",
            &all,
            service::services_module(&modules),
        );
        for (module, ops) in &by_service {
            let sources = files_of(ops.iter().copied());
            let tokens = service::service_group_module(module, ops);
            self.generated(&format!("src/services/{module}/mod.rs"), &sources, tokens);
        }
    }

    fn models(&mut self, contracts: &[Contract]) {
        let named = named_types(contracts);
        let list: Vec<&NamedType> = named.iter().map(|(t, _)| *t).collect();
        self.generated(
            "src/models/mod.rs",
            &all_files(contracts),
            models::models_module(&list),
        );
        for (named, issues) in named.iter().filter(|(t, _)| t.definition.is_none()) {
            let path = format!("src/models/{}.rs", models::stub_module(&named.name));
            match format::format_file("", models::model_stub(named, issues)) {
                Ok(text) => self.user_owned(&path, text),
                Err(error) => self.internal_error(&path, &error),
            }
        }
    }

    fn finish(mut self) -> Result<Vec<PlannedFile>, Diagnostics> {
        if !self.diagnostics.is_empty() {
            return Err(self.diagnostics);
        }
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(self.files)
    }
}

/// Every named type across the contracts, once (the first definition wins), with the issues that
/// name it. Defined types sort before external ones only by name; the order is stable.
fn named_types(contracts: &[Contract]) -> Vec<(&NamedType, Vec<String>)> {
    let mut by_name: BTreeMap<&str, (&NamedType, Vec<String>)> = BTreeMap::new();
    for contract in contracts {
        for named in &contract.types {
            let entry = by_name.entry(&named.name).or_insert((named, Vec::new()));
            if entry.0.definition.is_none() && named.definition.is_some() {
                entry.0 = named;
            }
            let file = format!("`{}`", file_name(contract));
            if !entry.1.contains(&file) {
                entry.1.push(file);
            }
        }
    }
    by_name.into_values().collect()
}

/// Puts a comment above the stub's line that silences its unused inputs.
fn explain_placeholder(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 80);
    for line in text.lines() {
        if line.trim_start().starts_with(service::PLACEHOLDER_LINE) {
            let indent = &line[..line.len() - line.trim_start().len()];
            out.push_str(indent);
            out.push_str("// Remove these two lines once the function does its work.\n");
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Groups operations by a module name, keeping their order inside each group.
fn group<'o, 'a>(
    operations: &'o [Operation<'a>],
    key: impl Fn(&Operation<'a>) -> &'a str,
) -> BTreeMap<&'a str, Vec<&'o Operation<'a>>> {
    let mut groups: BTreeMap<&str, Vec<&Operation<'_>>> = BTreeMap::new();
    for op in operations {
        groups.entry(key(op)).or_default().push(op);
    }
    groups
}

/// The issue file names operations come from, each once, in order.
fn files_of<'o, 'a: 'o>(operations: impl Iterator<Item = &'o Operation<'a>>) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for op in operations {
        let name = file_name(op.contract);
        if !files.contains(&name) {
            files.push(name);
        }
    }
    files
}

fn all_files(contracts: &[Contract]) -> Vec<String> {
    let mut files: Vec<String> = contracts.iter().map(file_name).collect();
    files.sort();
    files.dedup();
    files
}

/// The issue's file name, without the directory it was given with: generated files must not
/// change with the directory scaffold runs from.
pub fn file_name(contract: &Contract) -> String {
    contract.file.file_name().map_or_else(
        || contract.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// How every generated file starts, and nothing else does: the CLI recognises stale generated
/// files by it.
pub const GENERATED_MARKER: &str = "// Generated by `cargo xtask scaffold`";

/// The `//` header of a generated file: where it came from, and not to edit it.
pub(crate) fn generated_header(sources: &[String]) -> String {
    let from = if sources.is_empty() {
        String::from("Generated by `cargo xtask scaffold`, the same in every crate.")
    } else {
        format!(
            "Generated by `cargo xtask scaffold` from {}.",
            sources.join(", ")
        )
    };
    let text = format!(
        "{from} Do not edit: every run rewrites this file. Change the issues and run scaffold \
         again; your code goes in the files scaffold leaves alone."
    );
    docs::wrap_comment(&text, 100)
}
