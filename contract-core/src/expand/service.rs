//! Services: where the business logic goes.
//!
//! Layout: one directory per service module and one file per operation in it,
//! `src/services/user_service/create_user.rs`. The operation files are the user's, created once and
//! never overwritten; the `mod.rs` files that declare them are generated. So an endpoint added to
//! an issue later gets a new stub file of its own and is declared by the regenerated `mod.rs`: no
//! file a person edited ever needs a function added to it, and the crate keeps compiling.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::file_name;
use super::layout::Operation;
use crate::codegen::errors::{self, Origin};
use crate::codegen::tokens::ident;
use crate::codegen::types::EndpointTypes;
use crate::codegen::{doc_attrs, inner_doc_attrs};
use crate::naming;

/// `src/services/mod.rs`: a `pub mod` per service module.
pub fn services_module(modules: &[&str]) -> TokenStream {
    let docs = inner_doc_attrs(
        "The services behind the routes: a module per service, a file per operation. The \
         operation files are yours to write; the `mod.rs` files are regenerated.",
    );
    let decls = modules.iter().map(|m| {
        let m = ident(m);
        quote!(pub mod #m;)
    });
    quote! {
        #docs
        #(#decls)*
    }
}

/// `src/services/<module>/mod.rs`: declares each operation's file and re-exports its function.
pub fn service_group_module(module: &str, operations: &[&Operation<'_>]) -> TokenStream {
    // Sorted as rustfmt sorts `mod` and `use` lines.
    let mut operations = operations.to_vec();
    operations.sort_by_key(|op| naming::module(&op.endpoint.name));
    let list: Vec<String> = operations
        .iter()
        .map(|op| format!("[`{}`]", op.endpoint.name))
        .collect();
    let docs = inner_doc_attrs(&format!(
        "The `{module}` service: {}. Each operation lives in its own file, which is yours.",
        list.join(", ")
    ));
    let mods = operations.iter().map(|op| {
        let m = ident(&naming::module(&op.endpoint.name));
        quote!(mod #m;)
    });
    let uses = operations.iter().map(|op| {
        let m = ident(&naming::module(&op.endpoint.name));
        let f = ident(&op.endpoint.name);
        quote!(pub use #m::#f;)
    });
    quote! {
        #docs
        #(#mods)*
        #(#uses)*
    }
}

/// A service stub: the function the handler calls, returning `NotImplemented` until written, with
/// the Business Logic as a checklist in its doc comment.
pub fn service_stub(
    operation: &Operation<'_>,
    types: &EndpointTypes,
    error: &Ident,
) -> TokenStream {
    let endpoint = operation.endpoint;
    let module_docs = inner_doc_attrs(&format!(
        "`{} {}`, from `{}`.\n\nYours to write: `cargo xtask scaffold` created this file once and \
         never overwrites it.",
        endpoint.method,
        endpoint.path,
        file_name(operation.contract)
    ));
    let route_module = ident(operation.route_module);
    let mut imported: Vec<&Ident> = vec![error];
    imported.extend(&types.path_types);
    imported.extend(types.query.iter());
    imported.extend(types.request.iter());
    imported.extend(types.response.iter());
    imported.sort_by_key(|i| i.to_string());
    let types_import = quote!(use crate::routes::#route_module::{#(#imported),*};);
    let token_import = endpoint.auth.then(|| {
        quote!(
            use contract::BearerToken;
        )
    });
    let imports = quote!(#token_import #types_import);
    let mut params = vec![quote!(state: &AppState)];
    let mut args = vec![quote!(state)];
    for (name, ty) in &types.path_params {
        params.push(quote!(#name: #ty));
        args.push(quote!(#name));
    }
    if let Some(query) = &types.query {
        params.push(quote!(query: #query));
        args.push(quote!(query));
    }
    if endpoint.auth {
        params.push(quote!(token: BearerToken));
        args.push(quote!(token));
    }
    if let Some(request) = &types.request {
        params.push(quote!(request: #request));
        args.push(quote!(request));
    }
    let output = match &types.response {
        Some(response) => quote!(#response),
        None => quote!(()),
    };
    // Beyond seven parameters clippy objects; the signature is the contract's, so allow it.
    let allow = (params.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let function = ident(&endpoint.name);
    let not_implemented = ident(&errors::not_implemented(endpoint).variant);
    let docs = doc_attrs(&stub_doc(operation, error));
    let unused = match args.as_slice() {
        [one] => quote!(let _ = #one;),
        all => quote!(let _ = (#(#all),*);),
    };
    quote! {
        #module_docs
        #imports
        use crate::state::AppState;

        #docs
        #allow
        pub async fn #function(#(#params),*) -> Result<#output, #error> {
            #unused
            Err(#error::#not_implemented)
        }
    }
}

/// The start of the line that silences unused inputs; the formatted stub gets a comment above it.
pub const PLACEHOLDER_LINE: &str = "let _ = ";

fn stub_doc(operation: &Operation<'_>, error: &Ident) -> String {
    let contract = operation.contract;
    let endpoint = operation.endpoint;
    let mut doc = match &contract.objective {
        Some(objective) => one_paragraph(objective),
        None => format!("Serves `{} {}`.", endpoint.method, endpoint.path),
    };
    if !contract.business_logic.is_empty() {
        doc.push_str("\n\n# Business logic\n");
        for task in &contract.business_logic {
            let mark = if task.done { 'x' } else { ' ' };
            doc.push_str(&format!("\n- [{mark}] {}", one_paragraph(&task.text)));
        }
    }
    doc.push_str(&format!("\n\n# Errors\n\nAnswer with a [`{error}`]:\n"));
    for variant in errors::error_variants(endpoint) {
        let note = match variant.origin {
            Origin::Contract => "",
            Origin::Unreadable | Origin::NoToken => " (answered by the handler)",
            Origin::Stub => " (until this function is written)",
        };
        doc.push_str(&format!(
            "\n- `{}` ({}): \"{}\"{note}",
            variant.variant, variant.status, variant.message
        ));
    }
    doc
}

/// Text on one line, so a list item or paragraph in a doc comment stays well-formed.
fn one_paragraph(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
