//! Stage 5 of `#[contract]`: the tokens that replace the handler.
//!
//! For `add_comment`:
//!
//! - the contract's types and error enum, in a hidden module `__contract_add_comment` with the
//!   imports they need, re-exported beside the handler with its visibility (the module keeps the
//!   generated code from depending on, or clashing with, the names in the user's module);
//! - a hidden braced struct `add_comment` implementing `Route` with the contract's method and
//!   path, which `routes!` reads (see `contract::routing`);
//! - the handler itself: the user's function, unchanged, nested in a function of the same name
//!   that takes each extractor as `Result<_, Rejection>` and answers a rejection with the
//!   contract's error, so `post(add_comment)` and `routes!` both answer unreadable requests with
//!   the contract's status and JSON error body instead of axum's plain text.

use std::collections::BTreeSet;

use proc_macro2::{Delimiter, Group, Ident, Literal, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::FnArg;
use syn::ext::IdentExt;

use super::item::HandlerFn;
use super::signature::{Kind, Param};
use crate::codegen::checks::InputChecks;
use crate::codegen::errors::{Rejections, auth_error, input_error};
use crate::codegen::tokens::str_literal;
use crate::codegen::types::EndpointTypes;
use crate::model::{Endpoint, Method};

/// The hidden module holding the contract's types and error enum, and their re-export.
pub fn types_module(
    function: &HandlerFn,
    endpoint: &Endpoint,
    types: EndpointTypes,
    checks: InputChecks,
    error: &Ident,
    error_enum: TokenStream,
) -> TokenStream {
    let module = module_name(&function.sig.ident);
    let vis = &function.vis;
    let mut names: Vec<&Ident> = types.defined.iter().collect();
    names.push(error);
    // In rustfmt's order, so formatting the expanded form is not a change of code.
    names.sort_by_cached_key(|name| name.to_string());
    let imports = imports(endpoint, &types, &checks);
    // A private handler's types are re-exported privately, and may go unused.
    let allow = matches!(vis, syn::Visibility::Inherited).then(|| quote!(#[allow(unused_imports)]));
    // Moved in rather than interpolated: `quote!` copies every token of a stream it interpolates.
    let mut body = imports;
    body.extend(types.items);
    body.extend([error_enum, checks.items]);
    let body = Group::new(Delimiter::Brace, body);
    quote! {
        #[doc(hidden)]
        #[allow(dead_code)]
        mod #module #body
        #allow
        #vis use self::#module::{#(#names),*};
    }
}

/// `__contract_add_comment`.
fn module_name(function: &Ident) -> Ident {
    format_ident!("__contract_{}", function.unraw())
}

/// What the types and the error enum name, from the `contract` crate, each only if used (an
/// unused import would warn in the user's crate).
fn imports(endpoint: &Endpoint, types: &EndpointTypes, checks: &InputChecks) -> TokenStream {
    let mut names: Vec<&str> = Vec::with_capacity(18);
    names.extend(&checks.imports);
    names.extend(&types.runtime);
    let rejections = Rejections::of(endpoint);
    if rejections.bearer && auth_error(endpoint).is_some() {
        names.push("BearerRejection");
    }
    if !types.items.is_empty() {
        names.push("Deserialize");
    }
    names.push("IntoResponse");
    if input_error(endpoint).is_some() {
        if rejections.json {
            names.push("JsonRejection");
        }
        if rejections.path {
            names.push("PathRejection");
        }
        if rejections.query {
            names.push("QueryRejection");
        }
    }
    names.push("Response");
    if !types.items.is_empty() {
        names.push("Serialize");
    }
    names.push("StatusCode");
    names.push("error_response");
    names.push("write_error");
    // In rustfmt's order (these names sort the same by bytes).
    names.sort_unstable();
    let names = names
        .into_iter()
        .map(|name| Ident::new(name, Span::call_site()));
    quote!(use ::contract::__private::{#(#names),*};)
}

/// The hidden struct named like the handler that tells `routes!` its method and path.
pub fn route(function: &HandlerFn, method: Method, route: &str) -> TokenStream {
    let ident = &function.sig.ident;
    let vis = &function.vis;
    let method = format_ident!("{}", method.as_str());
    let docs = str_literal(&format!(
        " The method and path of [`{}`], for `routes!`.",
        ident.unraw()
    ));
    let route = str_literal(route);
    quote! {
        #[doc = #docs]
        #[doc(hidden)]
        #[allow(non_camel_case_types, dead_code)]
        #vis struct #ident {}

        impl ::contract::__private::Route for #ident {
            const METHOD: ::contract::__private::MethodFilter =
                ::contract::__private::MethodFilter::#method;
            const PATH: &'static str = #route;
        }
    }
}

/// The handler: the user's function nested in one that maps extractor rejections to the
/// contract's error. The bearer token is checked first: a caller without one learns nothing about
/// what else is wrong with the request.
pub fn handler(function: &HandlerFn, params: &[Param], checks: &InputChecks) -> TokenStream {
    let sig = &function.sig;
    let ident = &sig.ident;
    let vis = &function.vis;
    // Attributes about the item (docs, cfg, deprecation) stay outside; the rest (lints,
    // `#[tracing::instrument]`, ...) go with the body they are about.
    let (outer, inner): (Vec<_>, Vec<_>) = function.attrs.iter().partition(|attr| {
        let path = attr.path();
        ["doc", "cfg", "deprecated", "must_use"]
            .iter()
            .any(|name| path.is_ident(name))
    });
    let mut inputs = Vec::new();
    let mut first = Vec::new();
    let mut reads = Vec::new();
    let mut args = Vec::new();
    let mut validated = Vec::new();
    let module = module_name(ident);
    let typed = sig.inputs.iter().filter_map(|input| match input {
        FnArg::Typed(arg) => Some(arg),
        FnArg::Receiver(_) => None,
    });
    for (index, (arg, param)) in typed.zip(params).enumerate() {
        let name = format_ident!("__arg{index}");
        let ty = &arg.ty;
        let rejection = match param.kind {
            _ if param.handles_rejection => None,
            Kind::Path => Some(quote!(::contract::__private::PathRejection)),
            Kind::Query => Some(quote!(::contract::__private::QueryRejection)),
            Kind::Json => Some(quote!(::contract::__private::JsonRejection)),
            Kind::Bearer => Some(quote!(::contract::__private::BearerRejection)),
            Kind::State | Kind::Other => None,
        };
        match rejection {
            Some(rejection) => {
                inputs.push(quote!(#name: ::core::result::Result<#ty, #rejection>));
                let read = quote!(let #name = #name?;);
                if param.kind == Kind::Bearer {
                    first.push(read);
                } else {
                    reads.push(read);
                }
                let check = match param.kind {
                    Kind::Json if checks.parts.body => Some(quote!(check_body)),
                    Kind::Query if checks.parts.query => Some(quote!(check_query)),
                    Kind::Path if checks.parts.path => Some(quote!(check_path)),
                    _ => None,
                };
                if let Some(check) = check {
                    validated.push(quote!(#module::#check(&#name.0, &mut violations);));
                }
            }
            None => inputs.push(quote!(#name: #ty)),
        }
        args.push(name);
    }
    // Every rule the body and query break, answered together.
    let validate = (!validated.is_empty()).then(|| {
        quote! {
            let mut violations = ::contract::__private::Violations::new();
            #(#validated)*
            violations.into_result()?;
        }
    });
    let generics = &sig.generics;
    let where_clause = &sig.generics.where_clause;
    let output = &sig.output;
    let asyncness = &sig.asyncness;
    let block = &function.block;
    quote! {
        #(#outer)*
        #vis #asyncness fn #ident #generics(#(#inputs),*) #output #where_clause {
            #(#inner)*
            #sig #block

            #(#first)*
            #(#reads)*
            #validate
            #ident(#(#args),*).await
        }
    }
}

/// The user's function as written, for when the contract cannot be used: it keeps its signature
/// (so what refers to it still resolves) but not its body, whose references to the contract's
/// types would each be one more error caused by the first.
pub fn stand_in(function: &HandlerFn) -> TokenStream {
    let attrs = &function.attrs;
    let vis = &function.vis;
    let sig = &function.sig;
    quote! {
        #(#attrs)*
        #[allow(unused_variables)]
        #vis #sig {
            ::core::unreachable!("the contract of this handler did not load")
        }
    }
}

/// Stand-ins for the types the signature names from the contract (`AddCommentRequest`, ...) and
/// for the route, when the contract cannot be used: each exists, so the one real error is not
/// followed by "cannot find type" errors.
pub fn placeholders(function: &HandlerFn, base: &str) -> TokenStream {
    let sig = &function.sig;
    let mut names = BTreeSet::new();
    collect_idents(quote!(#sig).into_iter(), base, &mut names);
    let vis = &function.vis;
    let items = names.iter().map(|name| {
        let ident = format_ident!("{name}");
        if name.ends_with("Error") {
            quote! {
                #[doc(hidden)]
                #[derive(Debug)]
                #vis enum #ident {}

                impl ::contract::__private::IntoResponse for #ident {
                    fn into_response(self) -> ::contract::__private::Response {
                        match self {}
                    }
                }
            }
        } else {
            quote! {
                #[doc(hidden)]
                #[derive(Clone, Debug, Default, ::contract::__private::Serialize, ::contract::__private::Deserialize)]
                #[serde(crate = "::contract::__private::serde")]
                #vis struct #ident {}
            }
        }
    });
    let route = route(function, Method::Get, "/");
    quote! {
        #(#items)*
        #route
    }
}

/// Identifiers in `tokens` that start with `base` and are longer (`AddCommentRequest` for
/// `AddComment`).
fn collect_idents(tokens: impl Iterator<Item = TokenTree>, base: &str, out: &mut BTreeSet<String>) {
    for token in tokens {
        match token {
            TokenTree::Ident(ident) => {
                let text = ident.to_string();
                if text.len() > base.len() && text.starts_with(base) {
                    out.insert(text);
                }
            }
            TokenTree::Group(group) => collect_idents(group.stream().into_iter(), base, out),
            _ => {}
        }
    }
}

/// `const _: &[u8] = include_bytes!("<path>");`: makes the issue file an input of the crate, so
/// cargo rebuilds it when the file changes (`proc_macro::tracked_path` is unstable).
pub fn track(file: &std::path::Path) -> TokenStream {
    let path = Literal::string(&file.to_string_lossy());
    quote!(
        const _: &[u8] = include_bytes!(#path);
    )
}
