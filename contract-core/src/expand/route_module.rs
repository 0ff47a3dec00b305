//! `src/routes/<module>.rs`: for each endpoint of the module its handler, serde types and error
//! enum, with the `use` lines exactly those items need (an unused import would be a warning).

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::errors::{Rejections, error_enum};
use super::handler::{HandlerParts, handler};
use super::layout::Operation;
use super::names::{TypeNames, ident, pascal};
use super::types::{EndpointTypes, endpoint_types};
use super::{Paths, file_name, inner_doc_attrs};

/// One endpoint expanded: the names its items got, shared with its service stub.
pub struct ExpandedOperation<'a> {
    pub operation: &'a Operation<'a>,
    pub function: Ident,
    pub error: Ident,
    pub types: EndpointTypes,
}

/// Names and expands the types of `operation`; `names` are the type names of its route module.
pub fn expand_operation<'a>(
    operation: &'a Operation<'a>,
    names: &mut TypeNames,
    paths: &Paths,
) -> ExpandedOperation<'a> {
    let base = pascal(&operation.endpoint.name);
    let error = ident(&names.claim(&format!("{base}Error")));
    let types = endpoint_types(operation.endpoint, &base, names, paths);
    ExpandedOperation {
        operation,
        function: ident(&operation.endpoint.name),
        error,
        types,
    }
}

/// The route module holding `operations`.
pub fn route_module(operations: &[ExpandedOperation<'_>], paths: &Paths) -> TokenStream {
    let docs = inner_doc_attrs(&module_doc(operations));
    let imports = imports(operations, paths);
    let items = operations.iter().map(|op| {
        let endpoint = op.operation.endpoint;
        let service_module = ident(op.operation.service_module);
        let function = &op.function;
        let parts = HandlerParts {
            function,
            error: &op.error,
            service: quote!(#service_module::#function),
            service_doc: format!("{}::{}", op.operation.service_module, endpoint.name),
        };
        let handler = handler(endpoint, &op.types, &parts, paths);
        let types = &op.types.items;
        let error = error_enum(endpoint, &op.error, Rejections::of(endpoint), paths);
        quote! {
            #handler
            #(#types)*
            #error
        }
    });
    quote! {
        #docs
        #imports
        #(#items)*
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

/// The `use` lines: axum and serde names first, then the crate's own, as rustfmt groups them.
fn imports(operations: &[ExpandedOperation<'_>], paths: &Paths) -> TokenStream {
    let endpoints = || operations.iter().map(|op| op.operation.endpoint);
    let any_path = endpoints().any(|e| !e.path_params.is_empty());
    let any_query = operations.iter().any(|op| op.types.query.is_some());
    let any_request = operations.iter().any(|op| op.types.request.is_some());
    let any_body = any_request || operations.iter().any(|op| op.types.response.is_some());
    let any_auth = endpoints().any(|e| e.auth);
    let any_types = operations.iter().any(|op| !op.types.items.is_empty());

    let mut extract = Vec::new();
    if any_path {
        extract.push(quote!(Path));
    }
    if any_query {
        extract.push(quote!(Query));
    }
    extract.push(quote!(State));
    let mut rejections = Vec::new();
    if any_request {
        rejections.push(quote!(JsonRejection));
    }
    if any_path {
        rejections.push(quote!(PathRejection));
    }
    if any_query {
        rejections.push(quote!(QueryRejection));
    }
    let json = any_body.then(|| {
        quote!(
            use axum::Json;
        )
    });
    let rejections =
        (!rejections.is_empty()).then(|| quote!(use axum::extract::rejection::{#(#rejections),*};));
    let serde = any_types.then(|| {
        quote!(
            use serde::{Deserialize, Serialize};
        )
    });
    let runtime = &paths.runtime;
    let runtime_items = if any_auth {
        quote!({BearerRejection, BearerToken, error_response})
    } else {
        quote!(error_response)
    };
    let services: BTreeSet<&str> = operations
        .iter()
        .map(|op| op.operation.service_module)
        .collect();
    let services = services.into_iter().map(|s| {
        let s = ident(s);
        quote!(use crate::services::#s;)
    });
    // rustfmt's order (so `cargo fmt` leaves the tokens alone): a single name sorts before the
    // lower-case `rejection` module, a braced list after it.
    let (single, list) = if extract.len() == 1 {
        (Some(quote!(use axum::extract::#(#extract)*;)), None)
    } else {
        (None, Some(quote!(use axum::extract::{#(#extract),*};)))
    };
    quote! {
        #json
        #single
        #rejections
        #list
        use axum::http::StatusCode;
        use axum::response::{IntoResponse, Response};
        #serde

        use #runtime::#runtime_items;
        #(#services)*
        use crate::state::AppState;
    }
}
