//! The axum 0.8 handler of an endpoint, as `scaffold` writes it: a `#[contract]` function that
//! extracts what the contract sends, calls the service, and answers in the contract's success
//! form.
//!
//! The attribute does the rest: it defines the types named in the signature, checks the signature
//! against the contract, and answers every extractor rejection with the contract's status and
//! JSON error body instead of axum's plain-text default (the bearer token first: a caller without
//! one learns nothing about what else is wrong with the request). `scaffold --expand` writes the
//! attribute's output in place of the attribute.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::codegen::success::Success;
use crate::codegen::types::EndpointTypes;
use crate::codegen::{Paths, doc_attrs};
use crate::model::{Contract, Endpoint};

/// What the handler calls and returns, chosen by the caller of [`handler`].
pub struct HandlerParts<'a> {
    /// The handler's name, the operation name (`create_user`).
    pub function: &'a Ident,
    /// The endpoint's error enum (`CreateUserError`).
    pub error: &'a Ident,
    /// The service function to call, such as `user_service::create_user`.
    pub service: TokenStream,
    /// The service function as an intra-doc link target.
    pub service_doc: String,
}

/// The `#[contract(...)]` arguments for `endpoint` of `contract`, whose issue the generated crate
/// reaches at `issue_path` (relative to its `Cargo.toml`): the endpoint is named only when the
/// issue has several.
pub fn attribute_args(contract: &Contract, endpoint: &Endpoint, issue_path: &str) -> TokenStream {
    let path = Literal::string(issue_path);
    if contract.endpoints.len() > 1 {
        let selector = Literal::string(&format!("{} {}", endpoint.method, endpoint.path));
        quote!(#path, endpoint = #selector)
    } else {
        quote!(#path)
    }
}

/// The handler function for `endpoint`, with `attribute` (`#[contract(...)]`) after its doc
/// comment.
pub fn handler(
    endpoint: &Endpoint,
    types: &EndpointTypes,
    parts: &HandlerParts<'_>,
    paths: &Paths,
    attribute: TokenStream,
) -> TokenStream {
    let docs = doc_attrs(&handler_doc(endpoint, types, parts, paths));
    let function = parts.function;
    let error = parts.error;
    let mut params = vec![quote!(State(state): State<AppState>)];
    let mut args = vec![quote!(&state)];
    if !types.path_params.is_empty() {
        let names: Vec<&Ident> = types.path_params.iter().map(|(name, _)| name).collect();
        let tys: Vec<&TokenStream> = types.path_params.iter().map(|(_, ty)| ty).collect();
        // Path parameters are extracted by position, so the route may name them differently.
        let (ty, pattern) = if names.len() == 1 {
            (quote!(#(#tys)*), quote!(#(#names)*))
        } else {
            (quote!((#(#tys),*)), quote!((#(#names),*)))
        };
        params.push(quote!(Path(#pattern): Path<#ty>));
        args.extend(names.iter().map(|name| quote!(#name)));
    }
    if let Some(query) = &types.query {
        params.push(quote!(Query(query): Query<#query>));
        args.push(quote!(query));
    }
    if endpoint.auth {
        params.push(quote!(token: BearerToken));
        args.push(quote!(token));
    }
    if let Some(request) = &types.request {
        // The body comes last: axum lets only the last extractor consume it.
        params.push(quote!(Json(request): Json<#request>));
        args.push(quote!(request));
    }
    let service = &parts.service;
    let call = quote!(#service(#(#args),*).await?);
    let success = Success::of(endpoint);
    let output = success.ty(types.response.as_ref());
    let answer = match &types.response {
        Some(_) => {
            let wrapped = success.wrap(quote!(response));
            quote! {
                let response = #call;
                Ok(#wrapped)
            }
        }
        None => {
            let wrapped = success.wrap(TokenStream::new());
            quote! {
                #call;
                Ok(#wrapped)
            }
        }
    };
    quote! {
        #docs
        #attribute
        pub async fn #function(#(#params),*) -> Result<#output, #error> {
            #answer
        }
    }
}

fn handler_doc(
    endpoint: &Endpoint,
    types: &EndpointTypes,
    parts: &HandlerParts<'_>,
    paths: &Paths,
) -> String {
    let mut reads = Vec::new();
    if endpoint.auth {
        reads.push("a bearer token".to_string());
    }
    if !endpoint.path_params.is_empty() {
        let names: Vec<String> = endpoint
            .path_params
            .iter()
            .map(|p| format!("`{}`", p.name))
            .collect();
        reads.push(format!("{} from the path", names.join(", ")));
    }
    if let Some(query) = &types.query {
        reads.push(format!("the query as [`{query}`]"));
    }
    if let Some(request) = &types.request {
        reads.push(format!("a JSON [`{request}`]"));
    }
    let status = endpoint.response.status;
    let answers = match &types.response {
        Some(response) => format!("answers {status} with a JSON [`{response}`]"),
        None => format!("answers {status} with no body"),
    };
    let what = if reads.is_empty() {
        format!("{}.", capitalize(&answers))
    } else {
        format!("Reads {}; {answers}.", join_and(&reads))
    };
    format!(
        "`{} {}`\n\n{what}\n\nThe work is done by [`{}`]; every failure answers with a [`{}`] \
         in the JSON [error body]({}::ErrorBody).",
        endpoint.method,
        endpoint.path,
        parts.service_doc,
        parts.error,
        paths.runtime_doc(),
    )
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
