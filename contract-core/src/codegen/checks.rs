//! The rules of an endpoint's input beyond its shape (string formats, lengths, ranges, item
//! counts, patterns), as functions of the hidden module `#[contract]` defines: `check_path`,
//! `check_query` and `check_body` add every rule the value breaks to a `Violations`, which the
//! handler turns into the contract's 400 listing each one. The rules themselves are
//! `contract-validation`'s.
//!
//! Named types are not looked into: their Rust definitions may be the user's own.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::{ident, str_literal};
use crate::model::{Bounds, Endpoint, Field, RulesIn, StringFormat, Type};

/// The check functions of an endpoint, and what they need imported.
#[derive(Debug, Default)]
pub struct InputChecks {
    /// Which of `check_path`, `check_query` and `check_body` there are.
    pub parts: RulesIn,
    /// The functions.
    pub items: TokenStream,
    /// The names they use from the runtime (`At`, `Format`, `Pattern`, `Violations`).
    pub imports: Vec<&'static str>,
}

/// The checks of `endpoint`'s body (`request`, its Rust type) and query (`query`).
pub fn input_checks(
    endpoint: &Endpoint,
    request: Option<&proc_macro2::Ident>,
    query: Option<&proc_macro2::Ident>,
) -> InputChecks {
    let mut out = InputChecks {
        parts: endpoint.rules_in(),
        ..InputChecks::default()
    };
    let mut writer = Writer::default();
    if let (Some(ty), Some(name), true) = (&endpoint.request, request, out.parts.body) {
        let body = writer.value(ty, &quote!(value), 0);
        out.items.extend(quote! {
            /// Adds to `out` every rule of the contract the body breaks beyond its shape.
            pub(super) fn check_body(value: &#name, out: &mut Violations) {
                let at = At::Body;
                #body
            }
        });
    }
    if let (Some(name), true) = (query, out.parts.query) {
        let fields = writer.fields(&endpoint.query, &quote!(value), 0);
        out.items.extend(quote! {
            /// Adds to `out` every rule of the contract the query breaks beyond its shape.
            pub(super) fn check_query(value: &#name, out: &mut Violations) {
                let at = At::Query;
                #fields
            }
        });
    }
    if out.parts.path {
        // One parameter is read as a `String`, several as a tuple of them, in path order.
        let (param, checks) = match &endpoint.path_params[..] {
            [one] => {
                let checks = writer.value(&one.ty, &quote!(value), 0);
                let name = str_literal(&one.name);
                let checks = quote! {
                    let at = at.field(#name);
                    #checks
                };
                (quote!(value: &str), checks)
            }
            params => {
                let mut checks = TokenStream::new();
                for (index, param) in params.iter().enumerate() {
                    if !param.ty.has_rules() {
                        continue;
                    }
                    let index = proc_macro2::Literal::usize_unsuffixed(index);
                    let name = str_literal(&param.name);
                    let inner = writer.value(&param.ty, &quote!(value), 0);
                    checks.extend(quote! {
                        {
                            let at = at.field(#name);
                            let value = &value.#index;
                            #inner
                        }
                    });
                }
                let strings = params.iter().map(|_| quote!(String));
                (quote!(value: &(#(#strings),*)), checks)
            }
        };
        out.items.extend(quote! {
            /// Adds to `out` every rule of the contract the path parameters break.
            pub(super) fn check_path(#param, out: &mut Violations) {
                let at = At::Path;
                #checks
            }
        });
    }
    if out.parts.any() {
        out.imports = vec!["At", "Violations"];
        if writer.format {
            out.imports.push("Format");
        }
        if writer.pattern {
            out.imports.push("Pattern");
        }
    }
    out
}

/// Writes the checks of one value, which the generated code holds as `value` (a reference) at
/// the place `at`.
#[derive(Default)]
struct Writer {
    format: bool,
    pattern: bool,
}

impl Writer {
    fn value(&mut self, ty: &Type, value: &TokenStream, depth: usize) -> TokenStream {
        // The grammar bounds nesting; this only keeps a hand-built model from recursing forever.
        if depth > crate::parse::MAX_NESTING || !ty.has_rules() {
            return TokenStream::new();
        }
        match ty {
            Type::String {
                format,
                length,
                pattern,
            } => {
                let mut out = TokenStream::new();
                if let Some(format) = format {
                    self.format = true;
                    let variant = ident(match format {
                        StringFormat::DateTime => "DateTime",
                        StringFormat::Uuid => "Uuid",
                        StringFormat::Email => "Email",
                        StringFormat::Uri => "Uri",
                    });
                    out.extend(quote!(out.format(&at, #value, Format::#variant);));
                }
                if !length.is_open() {
                    let (min, max) = ends(length, Literal::u64_unsuffixed);
                    out.extend(quote!(out.length(&at, #value, #min, #max);));
                }
                if let Some(pattern) = pattern {
                    self.pattern = true;
                    let source = str_literal(pattern);
                    // In a block of its own: a `static` per pattern, each named `PATTERN`.
                    out.extend(quote! {
                        {
                            static PATTERN: Pattern = Pattern::new(#source);
                            out.pattern(&at, #value, &PATTERN);
                        }
                    });
                }
                out
            }
            Type::Integer { range } => {
                let (min, max) = ends(range, Literal::i64_unsuffixed);
                quote!(out.integer(&at, *#value, #min, #max);)
            }
            Type::Number { range } => {
                let (min, max) = ends(range, Literal::f64_unsuffixed);
                quote!(out.number(&at, *#value, #min, #max);)
            }
            Type::Array { items, length } => {
                let mut out = TokenStream::new();
                if !length.is_open() {
                    let (min, max) = ends(length, Literal::u64_unsuffixed);
                    out.extend(quote!(out.items(&at, #value.len(), #min, #max);));
                }
                if items.has_rules() {
                    let item = self.value(items, &quote!(value), depth + 1);
                    out.extend(quote! {
                        for (index, value) in #value.iter().enumerate() {
                            let at = at.index(index);
                            #item
                        }
                    });
                }
                out
            }
            Type::Nullable { inner } => {
                let inner = self.value(inner, &quote!(value), depth + 1);
                quote! {
                    if let Some(value) = #value {
                        #inner
                    }
                }
            }
            Type::Object { fields } => self.fields(fields, value, depth),
            Type::Boolean | Type::Any { .. } | Type::Enum { .. } | Type::Ref { .. } => {
                TokenStream::new()
            }
        }
    }

    /// The checks of each field of the struct `value` that has rules, each in a block of its own
    /// with `at` and `value` moved to the field.
    fn fields(&mut self, fields: &[Field], value: &TokenStream, depth: usize) -> TokenStream {
        let mut out = TokenStream::new();
        for field in fields.iter().filter(|f| f.ty.has_rules()) {
            let name = str_literal(&field.name);
            let member = ident(&field.rust_name);
            // An optional field is one `Option`, `T | null` or not (as `types` defines it).
            let (optional, ty) = match (&field.ty, field.optional) {
                (Type::Nullable { inner }, true) => (true, &**inner),
                (ty, optional) => (optional, ty),
            };
            let checks = self.value(ty, &quote!(value), depth + 1);
            let checks = if optional {
                quote! {
                    if let Some(value) = &#value.#member {
                        #checks
                    }
                }
            } else {
                quote! {
                    let value = &#value.#member;
                    #checks
                }
            };
            out.extend(quote! {
                {
                    let at = at.field(#name);
                    #checks
                }
            });
        }
        out
    }
}

/// `Some(1), Some(200)` or `None` for an open end.
fn ends<T: Copy>(bounds: &Bounds<T>, literal: fn(T) -> Literal) -> (TokenStream, TokenStream) {
    let end = |end: Option<T>| match end {
        Some(value) => {
            let value = literal(value);
            quote!(Some(#value))
        }
        None => quote!(None),
    };
    (end(bounds.min), end(bounds.max))
}
