//! The names of an endpoint's generated items, given in one place for `#[contract]` and scaffold
//! alike: the service stubs scaffold writes import exactly the names the attribute defines.

use proc_macro2::Ident;

use super::Paths;
use super::tokens::ident;
use super::types::{EndpointTypes, endpoint_types};
use crate::model::Endpoint;
use crate::naming::{TypeNames, pascal};

/// An endpoint's error enum and serde types, named and defined.
pub struct EndpointItems {
    /// The error enum (`CreateUserError`).
    pub error: Ident,
    /// The request, query, response and path types.
    pub types: EndpointTypes,
}

/// The PascalCase base of a handler's item names (`create_user` -> `CreateUser`).
pub fn base_name(function: &str) -> String {
    pascal(function)
}

/// Names and defines `endpoint`'s items for a handler called `function` (the operation name
/// scaffold writes, or whatever a person named it): the error enum `{Base}Error` first, then the
/// types, each claimed in `names`, the names the module has taken so far.
pub fn endpoint_items(
    endpoint: &Endpoint,
    function: &str,
    names: &mut TypeNames,
    paths: &Paths,
) -> EndpointItems {
    let base = base_name(function);
    let error = ident(&names.claim(&format!("{base}Error")));
    let types = endpoint_types(endpoint, &base, names, paths);
    EndpointItems { error, types }
}
