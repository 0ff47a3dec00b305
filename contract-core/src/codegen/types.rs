//! Serde types for an endpoint: request body, query, response body, and every struct and enum
//! nested in them.
//!
//! Names come from the operation and the path to the value: the `data` object of
//! `create_user`'s response is `CreateUserResponseData`, the items of its `items` array
//! `...DataItem`, a string-literal union in `status` `...Status`.

use proc_macro2::{Delimiter, Group, Ident, TokenStream};
use quote::quote;

use super::tokens::{ident, str_literal};
use super::{Paths, doc_attrs};
use crate::model::{Endpoint, Field, NamedType, Type};
use crate::naming::{self, TypeNames};

/// The types one endpoint needs, and the definitions behind them.
#[derive(Debug, Default)]
pub struct EndpointTypes {
    /// `CreateUserRequest`, when the contract has a request body.
    pub request: Option<Ident>,
    /// `ListTodosQuery`, when the endpoint has query parameters.
    pub query: Option<Ident>,
    /// `CreateUserResponse`, when the success response has a body.
    pub response: Option<Ident>,
    /// Path parameters in order: their Rust names and types.
    pub path_params: Vec<(Ident, TokenStream)>,
    /// Types defined for path parameters (an enum for `:kind`, say), which callers may import.
    pub path_types: Vec<Ident>,
    /// Struct, enum and alias definitions, parents before the types nested in them.
    pub items: Vec<TokenStream>,
    /// The runtime's names the items use beyond serde's derives (`ObjectOnly`, `present`, ...),
    /// for the module's imports.
    pub runtime: Vec<&'static str>,
    /// The names of `items`, in the same order.
    pub defined: Vec<Ident>,
}

/// Expands the types of `endpoint`, named from `base` (`CreateUser`). `names` holds the type names
/// already taken in the module the items go to.
pub fn endpoint_types(
    endpoint: &Endpoint,
    base: &str,
    names: &mut TypeNames,
    paths: &Paths,
) -> EndpointTypes {
    let signature = format!("`{} {}`", endpoint.method, endpoint.path);
    let mut out = EndpointTypes::default();
    if let Some(request) = &endpoint.request {
        let doc = format!("The JSON body of a {signature} request.");
        let mut defs = Defs::new(names, paths, true);
        out.request = Some(defs.top_level(request, &format!("{base}Request"), &doc));
        defs.drain_into(&mut out);
    }
    if !endpoint.query.is_empty() {
        let doc = format!("The query string of {signature}.");
        let mut defs = Defs::new(names, paths, false);
        let name = defs.names.claim(&format!("{base}Query"));
        out.query = Some(defs.object(&name, &endpoint.query, &doc));
        defs.drain_into(&mut out);
    }
    for param in &endpoint.path_params {
        let mut defs = Defs::new(names, paths, false);
        let parent = format!("{base}Path");
        let ty = defs.ty(&param.ty, &Hint::field(&parent, &param.name));
        out.path_params.push((ident(&param.rust_name), ty));
        out.path_types.extend(defs.defined.iter().cloned());
        defs.drain_into(&mut out);
    }
    if let Some(body) = &endpoint.response.body {
        let doc = format!(
            "The JSON body of a successful ({}) answer to {signature}.",
            endpoint.response.status
        );
        let mut defs = Defs::new(names, paths, false);
        out.response = Some(defs.top_level(body, &format!("{base}Response"), &doc));
        defs.drain_into(&mut out);
    }
    out
}

/// Expands the named types the contracts define (`interface GameState {...}`) for the models module.
/// Types without a definition are the user's and are not expanded here.
pub fn named_types(types: &[&NamedType], names: &mut TypeNames, paths: &Paths) -> Vec<TokenStream> {
    let mut items = Vec::new();
    for named in types {
        names.reserve(&named.name);
    }
    for named in types {
        let Some(definition) = &named.definition else {
            continue;
        };
        // Where it is defined, without line and column: prose edits above the definition must
        // not change generated code.
        let doc = match named
            .defined_at
            .as_deref()
            .and_then(|at| at.split(':').next())
        {
            Some(file) => {
                let file = std::path::Path::new(file)
                    .file_name()
                    .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned());
                format!("`{}`, as `{file}` defines it.", named.name)
            }
            None => format!("`{}`, as the contracts define it.", named.name),
        };
        let mut defs = Defs::new(names, paths, false);
        defs.define(definition, &named.name, &doc);
        items.append(&mut defs.items);
    }
    items
}

/// What a nested type would be called: its parent's name and the field it sits in. Names are
/// made only when a nested type is defined: most fields are scalars and never need one.
struct Hint<'h> {
    /// The type the value sits in, for names and doc comments.
    parent: &'h str,
    /// The field's JSON name, if the value sits in a field.
    json_field: Option<&'h str>,
    /// The value is an item of the array at this place.
    item: bool,
    /// The name, when it is not the parent's name and the field's (an alias, an array's items).
    name: Option<String>,
}

impl<'h> Hint<'h> {
    fn field(parent: &'h str, json_name: &'h str) -> Hint<'h> {
        Hint {
            parent,
            json_field: Some(json_name),
            item: false,
            name: None,
        }
    }

    /// The name a struct or enum defined for this place gets (before collisions are resolved).
    fn name(&self) -> String {
        match (&self.name, self.field_name()) {
            (Some(name), _) => name.clone(),
            (None, Some(field)) => format!("{}{field}", self.parent),
            (None, None) => self.parent.to_string(),
        }
    }

    /// The field's PascalCase name, used to name array items by the singular (`items` ->
    /// `Item`); `None` for an item of an array.
    fn field_name(&self) -> Option<String> {
        self.json_field
            .filter(|_| !self.item)
            .map(crate::naming::pascal)
    }

    /// The hint for the items of an array named by this hint.
    fn items(&self) -> Hint<'h> {
        let name = match self.field_name().as_deref().and_then(naming::singular_of) {
            Some(singular) => format!("{}{singular}", self.parent),
            None => format!("{}Item", self.name()),
        };
        Hint {
            parent: self.parent,
            json_field: self.json_field,
            item: true,
            name: Some(name),
        }
    }

    /// The doc comment of a struct (`enumeration` false) or enum defined for this place.
    fn doc(&self, enumeration: bool) -> String {
        let parent = self.parent;
        match (self.json_field, self.item, enumeration) {
            (Some(field), false, false) => format!("The `{field}` object of [`{parent}`]."),
            (Some(field), true, false) => {
                format!("An item of the `{field}` array of [`{parent}`].")
            }
            (Some(field), false, true) => format!("The values of `{field}` in [`{parent}`]."),
            (Some(field), true, true) => {
                format!("The values of the items of `{field}` in [`{parent}`].")
            }
            (None, _, false) => format!("An item of [`{parent}`]."),
            (None, _, true) => format!("The values of the items of [`{parent}`]."),
        }
    }
}

/// Collects definitions while a type is expanded.
struct Defs<'a> {
    names: &'a mut TypeNames,
    paths: &'a Paths,
    /// Request types refuse fields the contract does not name.
    deny_unknown_fields: bool,
    items: Vec<TokenStream>,
    /// The names of `items`, in the same order.
    defined: Vec<Ident>,
    /// The runtime's names the items use.
    runtime: Vec<&'static str>,
}

impl<'a> Defs<'a> {
    /// Moves the definitions made so far into `out`.
    fn drain_into(&mut self, out: &mut EndpointTypes) {
        out.items.append(&mut self.items);
        out.defined.append(&mut self.defined);
        for name in self.runtime.drain(..) {
            if !out.runtime.contains(&name) {
                out.runtime.push(name);
            }
        }
    }

    fn uses(&mut self, name: &'static str) {
        if !self.runtime.contains(&name) {
            self.runtime.push(name);
        }
    }

    fn new(names: &'a mut TypeNames, paths: &'a Paths, deny_unknown_fields: bool) -> Self {
        Defs {
            names,
            paths,
            deny_unknown_fields,
            items: Vec::new(),
            defined: Vec::new(),
            runtime: Vec::new(),
        }
    }

    /// A request or response body: always a named type, so signatures read `CreateUserRequest`
    /// whatever its shape. Objects become structs; anything else gets a type alias.
    fn top_level(&mut self, ty: &Type, wanted: &str, doc: &str) -> Ident {
        let name = self.names.claim(wanted);
        self.define(ty, &name, doc)
    }

    /// Defines `ty` under `name` (already claimed or reserved).
    fn define(&mut self, ty: &Type, name: &str, doc: &str) -> Ident {
        match ty {
            Type::Object { fields } => self.object(name, fields, doc),
            Type::Enum { values } => self.enumeration(name, values, doc),
            other => {
                // The alias first, then what its target defines.
                let slot = self.items.len();
                self.items.push(TokenStream::new());
                self.defined.push(ident(name));
                let hint = Hint {
                    parent: name,
                    json_field: None,
                    item: false,
                    name: None,
                };
                let target = self.ty(other, &hint);
                let id = ident(name);
                let docs = doc_attrs(doc);
                self.items[slot] = quote! {
                    #docs
                    pub type #id = #target;
                };
                id
            }
        }
    }

    /// The Rust type for a contract type, defining structs and enums as needed.
    fn ty(&mut self, ty: &Type, hint: &Hint) -> TokenStream {
        match ty {
            Type::String { .. } => quote!(String),
            Type::Number { .. } => quote!(f64),
            Type::Integer { .. } => quote!(i64),
            Type::Boolean => quote!(bool),
            Type::Any { .. } => self.paths.json_value(),
            Type::Array { items, .. } => {
                let item = self.ty(items, &hint.items());
                quote!(Vec<#item>)
            }
            Type::Nullable { inner } => {
                let inner = self.ty(inner, hint);
                quote!(Option<#inner>)
            }
            Type::Ref { name } => self.paths.model(name),
            Type::Object { fields } => {
                let name = self.names.claim(&hint.name());
                let id = self.object(&name, fields, &hint.doc(false));
                quote!(#id)
            }
            Type::Enum { values } => {
                let name = self.names.claim(&hint.name());
                let id = self.enumeration(&name, values, &hint.doc(true));
                quote!(#id)
            }
        }
    }

    fn object(&mut self, name: &str, fields: &[Field], doc: &str) -> Ident {
        // Reserve the parent's place first: nested types are pushed while its fields expand,
        // and a reader meets the parent before them.
        let slot = self.items.len();
        self.items.push(TokenStream::new());
        self.defined.push(ident(name));
        // One stream extended by value: interpolating a stream in `quote!` copies its tokens.
        let mut body = TokenStream::new();
        for field in fields {
            body.extend(self.field(name, field));
        }
        let body = Group::new(Delimiter::Brace, body);
        let id = ident(name);
        let docs = doc_attrs(doc);
        let serde_crate = self.paths.serde_crate_attr();
        self.items[slot] = if self.deny_unknown_fields {
            // A request reads only the fields the contract names, and only from a JSON object:
            // the derive goes to inherent functions (`remote = "Self"`), and the trait impls
            // call them, deserializing through `ObjectOnly`.
            for name in ["Deserializer", "ObjectOnly", "Serializer"] {
                self.uses(name);
            }
            quote! {
                #docs
                #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
                #serde_crate
                #[serde(remote = "Self", deny_unknown_fields)]
                pub struct #id #body

                impl Serialize for #id {
                    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                        #id::serialize(self, serializer)
                    }
                }

                impl<'de> Deserialize<'de> for #id {
                    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        #id::deserialize(ObjectOnly(deserializer))
                    }
                }
            }
        } else {
            quote! {
                #docs
                #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
                #serde_crate
                pub struct #id #body
            }
        };
        id
    }

    fn field(&mut self, parent: &str, field: &Field) -> TokenStream {
        let hint = Hint::field(parent, &field.name);
        let id = ident(&field.rust_name);
        let rename = (naming::serde_name(&id.to_string()) != field.name).then(|| {
            let json = str_literal(&field.name);
            quote!(#[serde(rename = #json)])
        });
        if field.optional {
            // `name?: T | null` is as absent as `name?: T` once in Rust: one `Option`.
            let inner = match &field.ty {
                Type::Nullable { inner } => inner,
                ty => ty,
            };
            let ty = self.ty(inner, &hint);
            let rename = rename.is_some().then(|| {
                let json = str_literal(&field.name);
                quote!(rename = #json,)
            });
            // A request's `name?: T` may be absent but not `null`; `name?: T | null` may be both.
            let present = (self.deny_unknown_fields && !field.takes_null()).then(|| {
                self.uses("present");
                quote!(deserialize_with = "present",)
            });
            quote! {
                #[serde(#rename default, #present skip_serializing_if = "Option::is_none")]
                pub #id: Option<#ty>,
            }
        } else {
            // A required `T | null` stays `Option<T>` that serializes `null`: the contract
            // promises the key is always there.
            let ty = self.ty(&field.ty, &hint);
            quote! {
                #rename
                pub #id: #ty,
            }
        }
    }

    fn enumeration(&mut self, name: &str, values: &[String], doc: &str) -> Ident {
        let variants = naming::enum_variants(values);
        let allow = naming::variants_share_affix(&variants)
            .then(|| quote!(#[allow(clippy::enum_variant_names)]));
        let arms = values.iter().zip(&variants).map(|(value, variant)| {
            let id = ident(variant);
            let rename = (variant != value).then(|| {
                let value = str_literal(value);
                quote!(#[serde(rename = #value)])
            });
            quote! { #rename #id, }
        });
        let id = ident(name);
        let docs = doc_attrs(doc);
        let serde_crate = self.paths.serde_crate_attr();
        self.items.push(quote! {
            #docs
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
            #serde_crate
            #allow
            pub enum #id {
                #(#arms)*
            }
        });
        self.defined.push(id.clone());
        id
    }
}
