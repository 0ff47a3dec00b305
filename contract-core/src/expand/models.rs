//! Named models (`gameState: GameState`): `src/models/mod.rs` holds the ones the issues define
//! (`interface GameState {...}`), generated; each one they only name is the user's, a stub in
//! `src/models/<snake>.rs` created once.

use proc_macro2::TokenStream;
use quote::quote;

use crate::codegen::tokens::ident;
use crate::codegen::{Paths, inner_doc_attrs, types};
use crate::model::NamedType;
use crate::naming::{self, TypeNames};

/// `src/models/mod.rs`: the defined types, and a module plus re-export per external one.
pub fn models_module(named: &[&NamedType]) -> TokenStream {
    let docs = inner_doc_attrs(
        "Models the contracts refer to by name. Those an issue defines are generated here; \
         each one they only name lives in a file of its own, which is yours.",
    );
    let external: Vec<&NamedType> = named
        .iter()
        .copied()
        .filter(|t| t.definition.is_none())
        .collect();
    let mods = external.iter().map(|t| {
        let m = ident(&stub_module(&t.name));
        quote!(mod #m;)
    });
    let uses = external.iter().map(|t| {
        let m = ident(&stub_module(&t.name));
        let name = ident(&t.name);
        quote!(pub use #m::#name;)
    });
    let mut type_names = TypeNames::default();
    let items = types::named_types(named, &mut type_names, &Paths::in_models());
    let serde = (!items.is_empty()).then(|| {
        quote!(
            use serde::{Deserialize, Serialize};
        )
    });
    quote! {
        #docs
        #serde
        #(#mods)*
        #(#uses)*
        #(#items)*
    }
}

/// The module (and file stem) of an external model's stub.
pub fn stub_module(name: &str) -> String {
    naming::module(name)
}

/// A user-owned stub for a model the contracts name but do not define: an empty struct that
/// serializes as `{}` and accepts any object, until the user gives it fields.
pub fn model_stub(named: &NamedType, issues: &[String]) -> TokenStream {
    let docs = inner_doc_attrs(&format!(
        "The `{}` model, named in {} but defined in none of them.\n\nYours to write: \
         `cargo xtask scaffold` created this file once and never overwrites it.",
        named.name,
        issues.join(", ")
    ));
    let name = ident(&named.name);
    quote! {
        #docs
        use serde::{Deserialize, Serialize};

        /// Add the fields the contracts expect; until then it is an empty JSON object.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        pub struct #name {}
    }
}
