//! `src/routes/<module>.rs`: for each endpoint of the module its handler, tied to its issue by
//! `#[contract]`, with the `use` lines exactly those items need (an unused import would be a
//! warning). In [`HandlerStyle::Expanded`] the attribute is replaced by what it expands to, the
//! same tokens the proc macro gives.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::handler::{HandlerParts, attribute_args, handler};
use super::layout::Operation;
use super::{HandlerStyle, file_name};
use crate::codegen::endpoint::{EndpointItems, endpoint_items};
use crate::codegen::success::Success;
use crate::codegen::tokens::ident;
use crate::codegen::types::EndpointTypes;
use crate::codegen::{Paths, inner_doc_attrs};
use crate::model::{Endpoint, Type};
use crate::naming::TypeNames;

/// One endpoint expanded: the names its items got, shared with its service stub.
pub struct ExpandedOperation<'a> {
    /// The endpoint and its modules.
    pub operation: &'a Operation<'a>,
    /// The handler's and the service function's name, the operation name (`create_user`).
    pub function: Ident,
    /// The endpoint's error enum (`CreateUserError`).
    pub error: Ident,
    /// The endpoint's request, query, response and path types, named and defined.
    pub types: EndpointTypes,
}

/// Names and expands the types of `operation` as `#[contract]` does for a handler named after the
/// operation: each handler's names are its own (`names` starts empty), so the service stubs
/// scaffold writes import exactly the names the attribute defines.
pub fn expand_operation<'a>(
    operation: &'a Operation<'a>,
    names: &mut TypeNames,
    paths: &Paths,
) -> ExpandedOperation<'a> {
    let EndpointItems { error, types } =
        endpoint_items(operation.endpoint, &operation.endpoint.name, names, paths);
    ExpandedOperation {
        operation,
        function: ident(&operation.endpoint.name),
        error,
        types,
    }
}

/// How route modules name their issues and write their handlers.
pub struct Style<'a> {
    /// Whether handlers carry `#[contract]` or are written out expanded.
    pub handlers: HandlerStyle,
    /// The path `#[contract]` reaches each issue by (keyed by `Contract::file`); the issue's file
    /// name when it has none.
    pub issue_paths: &'a BTreeMap<PathBuf, String>,
}

/// The route module holding `operations`.
pub fn route_module(operations: &[ExpandedOperation<'_>], style: &Style<'_>) -> TokenStream {
    let paths = Paths::attribute();
    let docs = inner_doc_attrs(&module_doc(operations));
    let imports = imports(operations, style.handlers);
    let items = operations.iter().map(|op| {
        let contract = op.operation.contract;
        let endpoint = op.operation.endpoint;
        let service_module = ident(op.operation.service_module);
        let function = &op.function;
        let parts = HandlerParts {
            function,
            error: &op.error,
            service: quote!(#service_module::#function),
            service_doc: format!("{}::{}", op.operation.service_module, endpoint.name),
        };
        let issue_path = style
            .issue_paths
            .get(&contract.file)
            .cloned()
            .unwrap_or_else(|| file_name(contract));
        let args = attribute_args(contract, endpoint, &issue_path);
        match style.handlers {
            HandlerStyle::Attribute => handler(
                endpoint,
                &op.types,
                &parts,
                &paths,
                quote!(#[contract(#args)]),
            ),
            HandlerStyle::Expanded => {
                let function = handler(endpoint, &op.types, &parts, &paths, TokenStream::new());
                expanded(args, function, contract)
            }
        }
    });
    quote! {
        #docs
        #imports
        #(#items)*
    }
}

/// What `#[contract(args)]` on `function` expands to: the proc macro's own expansion, given the
/// contract scaffold already loaded.
fn expanded(args: TokenStream, function: TokenStream, contract: &crate::Contract) -> TokenStream {
    let parsed = crate::attribute::args::parse(args)
        .and_then(|args| Ok((args, crate::attribute::item::HandlerFn::parse(function)?)));
    match parsed {
        Ok((args, function)) => crate::attribute::expand_contract(&args, &function, contract),
        // Tokens made just above: a failure is a bug here, reported in the file it would be in.
        Err(error) => error.into_compile_error(),
    }
}

fn module_doc(operations: &[ExpandedOperation<'_>]) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    for op in operations {
        let contract = op.operation.contract;
        if !seen.insert(contract.file.clone()) {
            continue;
        }
        let endpoints: Vec<String> = operations
            .iter()
            .filter(|o| o.operation.contract.file == contract.file)
            .map(|o| {
                let e = o.operation.endpoint;
                format!("`{} {}`", e.method, e.path)
            })
            .collect();
        let mut paragraph = format!("{} from `{}`", endpoints.join(", "), file_name(contract));
        match &contract.objective {
            Some(objective) => {
                let objective = objective.split_whitespace().collect::<Vec<_>>().join(" ");
                paragraph.push_str(&format!(": {objective}"));
            }
            None => paragraph.push('.'),
        }
        paragraphs.push(paragraph);
    }
    paragraphs.join("\n\n")
}

/// The `use` lines of the handlers: axum's extractors, `contract`'s return forms and token (and
/// the attribute), then the crate's own modules, as rustfmt groups and sorts them.
fn imports(operations: &[ExpandedOperation<'_>], handlers: HandlerStyle) -> TokenStream {
    let endpoints = || operations.iter().map(|op| op.operation.endpoint);
    let any_path = endpoints().any(|e| !e.path_params.is_empty());
    let any_query = operations.iter().any(|op| op.types.query.is_some());
    let mut axum_json = operations.iter().any(|op| op.types.request.is_some());
    let mut from_contract: BTreeSet<&str> = BTreeSet::new();
    for endpoint in endpoints() {
        let (json, name) = Success::of(endpoint).names();
        axum_json |= json.is_some();
        from_contract.extend(name);
        if endpoint.auth {
            from_contract.insert("BearerToken");
        }
    }
    let mut extract = Vec::new();
    if any_path {
        extract.push(quote!(Path));
    }
    if any_query {
        extract.push(quote!(Query));
    }
    extract.push(quote!(State));
    let json = axum_json.then(|| {
        quote!(
            use axum::Json;
        )
    });
    let extract = if extract.len() == 1 {
        quote!(use axum::extract::#(#extract)*;)
    } else {
        quote!(use axum::extract::{#(#extract),*};)
    };
    // rustfmt's order: capitalised names first, then the `contract` attribute.
    let mut contract_names: Vec<Ident> = from_contract.iter().map(|n| ident(n)).collect();
    if handlers == HandlerStyle::Attribute {
        contract_names.push(ident("contract"));
    }
    let contract_use = match contract_names.len() {
        0 => None,
        1 => Some(quote!(use contract::#(#contract_names)*;)),
        _ => Some(quote!(use contract::{#(#contract_names),*};)),
    };
    let models: BTreeSet<String> = endpoints().flat_map(named_models).collect();
    let models: Vec<Ident> = models.iter().map(|m| ident(m)).collect();
    let models = match models.len() {
        0 => None,
        1 => Some(quote!(use crate::models::#(#models)*;)),
        _ => Some(quote!(use crate::models::{#(#models),*};)),
    };
    let services: BTreeSet<&str> = operations
        .iter()
        .map(|op| op.operation.service_module)
        .collect();
    let services = services.into_iter().map(|s| {
        let s = ident(s);
        quote!(use crate::services::#s;)
    });
    quote! {
        #json
        #extract
        #contract_use

        #models
        #(#services)*
        use crate::state::AppState;
    }
}

/// The named models (`Card`) an endpoint's types refer to: `#[contract]` expects them in scope.
fn named_models(endpoint: &Endpoint) -> Vec<String> {
    fn walk(ty: &Type, out: &mut Vec<String>) {
        match ty {
            Type::Ref { name } => out.push(name.clone()),
            Type::Array { items, .. } => walk(items, out),
            Type::Nullable { inner } => walk(inner, out),
            Type::Object { fields } => fields.iter().for_each(|f| walk(&f.ty, out)),
            Type::String { .. }
            | Type::Number { .. }
            | Type::Integer { .. }
            | Type::Boolean
            | Type::Any { .. }
            | Type::Enum { .. } => {}
        }
    }
    let mut out = Vec::new();
    let types = endpoint
        .request
        .iter()
        .chain(&endpoint.response.body)
        .chain(endpoint.query.iter().map(|f| &f.ty))
        .chain(endpoint.path_params.iter().map(|p| &p.ty));
    for ty in types {
        walk(ty, &mut out);
    }
    out
}
