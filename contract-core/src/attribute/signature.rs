//! Stage 4 of `#[contract]`: does the handler's signature say what its contract says?
//!
//! Extractors are recognised by the last segment of their type's path: `Path<..>`, `Query<..>`,
//! `Json<..>`, `BearerToken`, `State<..>`, each also inside `Result<_, _>` (a handler that takes
//! the rejection itself). The handler must read everything its contract sends (every path
//! parameter, the query, the bearer token, the JSON body) into the types `#[contract]` defines,
//! and nothing the contract does not send; it must return the contract's success form and error
//! enum. Every mismatch is reported, each at the tokens it is about.

use proc_macro2::{Ident, Span};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{FnArg, GenericArgument, PathArguments, ReturnType, Signature, Type};

use crate::codegen::success::Success;
use crate::codegen::types::EndpointTypes;
use crate::model::Endpoint;

/// What the contract expects of the handler.
pub struct Expected<'a> {
    /// The endpoint the handler serves.
    pub endpoint: &'a Endpoint,
    /// `issues/x.md:29`, where the endpoint is written.
    pub at: String,
    /// The names `#[contract]` gives the endpoint's request, query and response types.
    pub types: &'a EndpointTypes,
    /// The endpoint's error enum (`CreateUserError`).
    pub error: &'a Ident,
    /// The return form the contract's response takes.
    pub success: Success,
}

/// What a parameter extracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `Path<..>`: the path parameters.
    Path,
    /// `Query<..>`: the query string.
    Query,
    /// `Json<..>`: the request body.
    Json,
    /// `BearerToken`: the `Authorization: Bearer` token.
    Bearer,
    /// `State<..>`: the application's state, which the contract says nothing about.
    State,
    /// Anything else (`HeaderMap`, `Extension<..>`): passed through untouched.
    Other,
}

/// One parameter of the handler, classified.
#[derive(Clone, Copy, Debug)]
pub struct Param {
    /// What the parameter extracts.
    pub kind: Kind,
    /// The handler takes `Result<X, Rejection>` and handles the rejection itself; otherwise the
    /// generated wrapper turns the rejection into the contract's error.
    pub handles_rejection: bool,
}

/// Checks `sig` against the contract: the classified parameters, or every mismatch at once.
pub fn check(sig: &Signature, expected: &Expected<'_>) -> Result<Vec<Param>, syn::Error> {
    let mut errors = Errors::default();
    if sig.asyncness.is_none() {
        errors.push(syn::Error::new(
            sig.fn_token.span,
            "a `#[contract]` handler is an `async fn`, as axum handlers are: add `async` before `fn`",
        ));
    }
    let mut params = Vec::new();
    let mut seen: Vec<Kind> = Vec::new();
    for input in &sig.inputs {
        let arg = match input {
            FnArg::Receiver(receiver) => {
                errors.push(syn::Error::new_spanned(
                    receiver,
                    "a `#[contract]` handler is a free function: it takes no `self`",
                ));
                continue;
            }
            FnArg::Typed(arg) => arg,
        };
        let (kind, inner, handles_rejection) = classify(&arg.ty);
        params.push(Param {
            kind,
            handles_rejection,
        });
        if kind != Kind::Other && kind != Kind::State && seen.contains(&kind) {
            errors.push(syn::Error::new_spanned(
                arg,
                format!(
                    "a second {} extractor: take each part of the request once",
                    name(kind)
                ),
            ));
            continue;
        }
        seen.push(kind);
        check_param(kind, arg, inner, expected, &mut errors);
    }
    let inputs = sig.paren_token.span.join();
    check_missing(&seen, inputs, expected, &mut errors);
    check_output(sig, expected, &mut errors);
    errors.finish(params)
}

/// Collects errors to report together.
#[derive(Default)]
struct Errors(Option<syn::Error>);

impl Errors {
    fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    fn finish<T>(self, value: T) -> Result<T, syn::Error> {
        match self.0 {
            Some(error) => Err(error),
            None => Ok(value),
        }
    }
}

fn name(kind: Kind) -> &'static str {
    match kind {
        Kind::Path => "`Path`",
        Kind::Query => "`Query`",
        Kind::Json => "`Json` body",
        Kind::Bearer => "`BearerToken`",
        Kind::State => "`State`",
        Kind::Other => "",
    }
}

/// The kind of an extractor type, the type inside it, and whether it is wrapped in `Result`.
fn classify(ty: &Type) -> (Kind, Option<&Type>, bool) {
    let Some(segment) = last_segment(ty) else {
        return (Kind::Other, None, false);
    };
    let first = first_type_arg(&segment.arguments);
    let kind = match segment.ident.to_string().as_str() {
        "Result" => {
            return match first.map(classify) {
                Some((kind, inner, false)) if kind != Kind::Other => (kind, inner, true),
                _ => (Kind::Other, None, false),
            };
        }
        "Path" => Kind::Path,
        "Query" => Kind::Query,
        "Json" => Kind::Json,
        "BearerToken" => Kind::Bearer,
        "State" => Kind::State,
        _ => Kind::Other,
    };
    (kind, first, false)
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last(),
        Type::Paren(inner) => last_segment(&inner.elem),
        Type::Group(inner) => last_segment(&inner.elem),
        _ => None,
    }
}

fn first_type_arg(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

fn last_ident(ty: &Type) -> Option<&Ident> {
    last_segment(ty).map(|s| &s.ident)
}

fn endpoint_name(expected: &Expected<'_>) -> String {
    let e = expected.endpoint;
    format!("`{} {}` ({})", e.method, e.path, expected.at)
}

/// A parameter the contract has no part for, or of the wrong type.
fn check_param(
    kind: Kind,
    arg: &syn::PatType,
    inner: Option<&Type>,
    expected: &Expected<'_>,
    errors: &mut Errors,
) {
    let endpoint = expected.endpoint;
    let types = expected.types;
    let what = endpoint_name(expected);
    match kind {
        Kind::Json => match &types.request {
            None => errors.push(syn::Error::new_spanned(
                arg,
                format!("{what} takes no JSON body (its contract has no `Request:`): remove this parameter"),
            )),
            Some(request) => {
                let what = format!("the JSON body of {what} is the type `#[contract]` defines from its `Request:`");
                check_inner(inner, arg, request, &what, errors);
            }
        },
        Kind::Query => match &types.query {
            None => errors.push(syn::Error::new_spanned(
                arg,
                format!("{what} has no query parameters: remove this parameter"),
            )),
            Some(query) => {
                let what = format!("the query of {what} is the type `#[contract]` defines from it");
                check_inner(inner, arg, query, &what, errors);
            }
        },
        Kind::Bearer if !endpoint.auth => errors.push(syn::Error::new_spanned(
            arg,
            format!(
                "{what} takes no bearer token (its contract names no `Authorization` header): \
                 remove this parameter, or add `Headers: {{ Authorization: \"Bearer <token>\" }}` \
                 to the contract"
            ),
        )),
        Kind::Path if endpoint.path_params.is_empty() => errors.push(syn::Error::new_spanned(
            arg,
            format!("{what} has no path parameters: remove this parameter"),
        )),
        Kind::Path => {
            let count = match inner {
                Some(Type::Tuple(tuple)) => tuple.elems.len(),
                _ => 1,
            };
            let wanted = endpoint.path_params.len();
            if count != wanted {
                let span = inner.map_or_else(|| arg.ty.span(), Spanned::span);
                errors.push(syn::Error::new(
                    span,
                    format!(
                        "{what} has {} ({}), but this extracts {count}: use `{}`",
                        plural(wanted, "path parameter"),
                        param_names(endpoint),
                        path_param_suggestion(types),
                    ),
                ));
            }
        }
        Kind::Bearer | Kind::State | Kind::Other => {}
    }
}

/// The type inside `Json<..>` or `Query<..>` must be the one `#[contract]` defines.
fn check_inner(
    inner: Option<&Type>,
    arg: &syn::PatType,
    wanted: &Ident,
    what: &str,
    errors: &mut Errors,
) {
    if inner.and_then(last_ident) == Some(wanted) {
        return;
    }
    let span = inner.map_or_else(|| arg.ty.span(), Spanned::span);
    errors.push(syn::Error::new(
        span,
        format!("expected `{wanted}`: {what}"),
    ));
}

/// A part of the request the contract sends but the handler does not read.
fn check_missing(seen: &[Kind], inputs: Span, expected: &Expected<'_>, errors: &mut Errors) {
    let endpoint = expected.endpoint;
    let types = expected.types;
    let what = endpoint_name(expected);
    if !endpoint.path_params.is_empty() && !seen.contains(&Kind::Path) {
        errors.push(syn::Error::new(
            inputs,
            format!(
                "{what} has the {} {}: add the parameter `{}`",
                if endpoint.path_params.len() == 1 {
                    "path parameter"
                } else {
                    "path parameters"
                },
                param_names(endpoint),
                path_param_suggestion(types),
            ),
        ));
    }
    if let Some(query) = &types.query
        && !seen.contains(&Kind::Query)
    {
        errors.push(syn::Error::new(
            inputs,
            format!("{what} has a query string: add the parameter `Query(query): Query<{query}>`"),
        ));
    }
    if endpoint.auth && !seen.contains(&Kind::Bearer) {
        errors.push(syn::Error::new(
            inputs,
            format!(
                "{what} requires a bearer token (`Authorization` header): add the parameter \
                 `token: BearerToken` (`contract::BearerToken`)"
            ),
        ));
    }
    if let Some(request) = &types.request
        && !seen.contains(&Kind::Json)
    {
        errors.push(syn::Error::new(
            inputs,
            format!(
                "{what} takes a JSON body, `{request}`: add the parameter \
                 `Json(request): Json<{request}>` (as the last one: axum reads the body last)"
            ),
        ));
    }
}

/// `Result<Success, Error>` with the contract's success form and error enum.
fn check_output(sig: &Signature, expected: &Expected<'_>, errors: &mut Errors) {
    let response = expected.types.response.as_ref();
    let success = expected.success.ty(response);
    let error = expected.error;
    let whole = format!("Result<{}, {error}>", tidy(&success.to_string()));
    let answers = Success::describe(expected.endpoint.response.status, response);
    let what = endpoint_name(expected);
    let ty = match &sig.output {
        ReturnType::Default => {
            errors.push(syn::Error::new(
                sig.paren_token.span.close(),
                format!("{what} answers {answers}: the handler returns `{whole}`"),
            ));
            return;
        }
        ReturnType::Type(_, ty) => ty,
    };
    let args = last_segment(ty)
        .filter(|s| s.ident == "Result")
        .and_then(|s| match &s.arguments {
            PathArguments::AngleBracketed(args) => Some(args),
            _ => None,
        })
        .map(|args| {
            args.args
                .iter()
                .filter_map(|a| match a {
                    GenericArgument::Type(ty) => Some(ty),
                    _ => None,
                })
                .collect::<Vec<_>>()
        });
    let Some([ok, err]) = args.as_deref() else {
        errors.push(syn::Error::new_spanned(
            ty,
            format!("{what} answers {answers} or fails with `{error}`: return `{whole}`"),
        ));
        return;
    };
    let wanted_ok: Type = match syn::parse2(success) {
        Ok(ty) => ty,
        Err(_) => return,
    };
    if shape(ok) != shape(&wanted_ok) {
        errors.push(syn::Error::new_spanned(
            ok,
            format!(
                "{what} answers {answers}: return `{}` (see `contract::runtime` for the form \
                 of each status)",
                shape(&wanted_ok)
            ),
        ));
    }
    if last_ident(err) != Some(error) {
        errors.push(syn::Error::new_spanned(
            err,
            format!(
                "expected `{error}`: the errors of {what} are the enum `#[contract]` defines from \
                 its `Errors:`"
            ),
        ));
    }
}

/// A type with each path cut to its last segment (`axum::Json<A>` is `Json<A>`), for comparing
/// what the user wrote with what the contract wants however the names were imported.
fn shape(ty: &Type) -> String {
    match ty {
        Type::Path(path) if path.qself.is_none() => {
            let Some(segment) = path.path.segments.last() else {
                return String::new();
            };
            let mut out = segment.ident.to_string();
            if let PathArguments::AngleBracketed(args) = &segment.arguments {
                let args: Vec<String> = args
                    .args
                    .iter()
                    .map(|arg| match arg {
                        GenericArgument::Type(ty) => shape(ty),
                        other => tidy(&other.to_token_stream().to_string()),
                    })
                    .collect();
                out.push('<');
                out.push_str(&args.join(", "));
                out.push('>');
            }
            out
        }
        Type::Tuple(tuple) => {
            let elems: Vec<String> = tuple.elems.iter().map(shape).collect();
            format!("({})", elems.join(", "))
        }
        Type::Paren(inner) => shape(&inner.elem),
        Type::Group(inner) => shape(&inner.elem),
        other => tidy(&other.to_token_stream().to_string()),
    }
}

/// Token text as a person writes it: `Json < A >` is `Json<A>`.
fn tidy(text: &str) -> String {
    text.replace(" < ", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace("( )", "()")
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn param_names(endpoint: &Endpoint) -> String {
    let names: Vec<String> = endpoint
        .path_params
        .iter()
        .map(|p| format!("`{}`", p.name))
        .collect();
    names.join(", ")
}

/// `Path(id): Path<String>` or `Path((a, b)): Path<(String, String)>`.
fn path_param_suggestion(types: &EndpointTypes) -> String {
    let names: Vec<String> = types
        .path_params
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    let tys: Vec<String> = types
        .path_params
        .iter()
        .map(|(_, t)| tidy(&t.to_string()))
        .collect();
    if names.len() == 1 {
        format!("Path({}): Path<{}>", names[0], tys[0])
    } else {
        format!("Path(({})): Path<({})>", names.join(", "), tys.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(text: &str) -> Type {
        syn::parse_str(text).unwrap()
    }

    #[test]
    fn shapes_ignore_module_paths() {
        assert_eq!(shape(&ty("axum::Json<crate::a::B>")), "Json<B>");
        assert_eq!(
            shape(&ty("WithStatus<203, Json<B>>")),
            "WithStatus<203, Json<B>>"
        );
        assert_eq!(shape(&ty("()")), "()");
        assert_eq!(shape(&ty("contract::NoContent")), "NoContent");
    }

    #[test]
    fn extractors_are_known_by_name() {
        assert_eq!(classify(&ty("axum::Json<A>")).0, Kind::Json);
        assert_eq!(classify(&ty("Path<(String, String)>")).0, Kind::Path);
        let wrapped = ty("Result<Query<Q>, QueryRejection>");
        let (kind, inner, handled) = classify(&wrapped);
        assert_eq!((kind, handled), (Kind::Query, true));
        assert_eq!(shape(inner.unwrap()), "Q");
        assert_eq!(classify(&ty("State<AppState>")).0, Kind::State);
        assert_eq!(classify(&ty("HeaderMap")).0, Kind::Other);
        assert_eq!(classify(&ty("Result<HeaderMap, E>")).0, Kind::Other);
    }
}
