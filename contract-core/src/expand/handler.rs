//! The axum 0.8 handler of an endpoint: extract, call the service, answer.
//!
//! Every extractor is taken as `Result<_, Rejection>` and turned into the endpoint's error enum
//! with `?`, so a malformed body or a missing token answers with the contract's status and JSON
//! error body instead of axum's plain-text default. The token is checked first: a caller without
//! one learns nothing about what else is wrong with the request.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::errors::status_code;
use super::types::EndpointTypes;
use super::{Paths, doc_attrs};
use crate::model::Endpoint;

/// What the handler calls and returns, chosen by the caller of [`handler`].
pub struct HandlerParts<'a> {
    pub function: &'a Ident,
    pub error: &'a Ident,
    /// The service function to call, such as `user_service::create_user`.
    pub service: TokenStream,
    /// The service function as an intra-doc link target.
    pub service_doc: String,
}

/// The handler function for `endpoint`.
pub fn handler(
    endpoint: &Endpoint,
    types: &EndpointTypes,
    parts: &HandlerParts<'_>,
    paths: &Paths,
) -> TokenStream {
    let docs = doc_attrs(&handler_doc(endpoint, types, parts, paths));
    let function = parts.function;
    let error = parts.error;
    let mut params = vec![quote!(State(state): State<AppState>)];
    let mut reads = Vec::new();
    let mut args = vec![quote!(&state)];
    if endpoint.auth {
        // Declared in request order; read first (see the module docs).
        reads.push(quote!(let token = token?;));
    }
    if !types.path_params.is_empty() {
        let names: Vec<&Ident> = types.path_params.iter().map(|(name, _)| name).collect();
        let tys: Vec<&TokenStream> = types.path_params.iter().map(|(_, ty)| ty).collect();
        // Path parameters are extracted by position, so the route may name them differently.
        let (ty, pattern) = if names.len() == 1 {
            (quote!(#(#tys)*), quote!(#(#names)*))
        } else {
            (quote!((#(#tys),*)), quote!((#(#names),*)))
        };
        params.push(quote!(path: Result<Path<#ty>, PathRejection>));
        reads.push(quote!(let Path(#pattern) = path?;));
        args.extend(names.iter().map(|name| quote!(#name)));
    }
    if let Some(query) = &types.query {
        params.push(quote!(query: Result<Query<#query>, QueryRejection>));
        reads.push(quote!(let Query(query) = query?;));
        args.push(quote!(query));
    }
    if endpoint.auth {
        params.push(quote!(token: Result<BearerToken, BearerRejection>));
        args.push(quote!(token));
    }
    if let Some(request) = &types.request {
        // The body comes last: axum lets only the last extractor consume it.
        params.push(quote!(body: Result<Json<#request>, JsonRejection>));
        reads.push(quote!(let Json(request) = body?;));
        args.push(quote!(request));
    }
    let service = &parts.service;
    let call = quote!(#service(#(#args),*).await?);
    let (output, answer) = answer(endpoint, types, call);
    quote! {
        #docs
        pub async fn #function(#(#params),*) -> Result<#output, #error> {
            #(#reads)*
            #answer
        }
    }
}

/// The success type and the statements that produce it: the status is set only when it is not
/// the 200 axum answers by default, and a response without a body has none.
fn answer(
    endpoint: &Endpoint,
    types: &EndpointTypes,
    call: TokenStream,
) -> (TokenStream, TokenStream) {
    let status = endpoint.response.status;
    match &types.response {
        Some(response) if status == 200 => (
            quote!(Json<#response>),
            quote! {
                let response = #call;
                Ok(Json(response))
            },
        ),
        Some(response) => {
            let code = status_code(status);
            (
                quote!((StatusCode, Json<#response>)),
                quote! {
                    let response = #call;
                    Ok((#code, Json(response)))
                },
            )
        }
        None => {
            let code = status_code(status);
            (
                quote!(StatusCode),
                quote! {
                    #call;
                    Ok(#code)
                },
            )
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
