//! Stage 1 of `#[contract]`, beside [`args`](super::args): the item under the attribute, a function
//! whose body is kept as tokens.
//!
//! `syn::ItemFn` would parse the body into statements and print them back, in every build of the
//! user's crate, for nothing: only the signature is checked, and the body is emitted as written.

use proc_macro2::{Delimiter, Group, TokenStream};
use quote::{ToTokens, TokenStreamExt};
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Signature, Visibility};

/// A function: its outer attributes, visibility and signature, parsed; its body, as written.
pub struct HandlerFn {
    /// Outer attributes (`///` docs, `#[allow]`, `#[tracing::instrument]`, ...).
    pub attrs: Vec<Attribute>,
    /// `pub`, `pub(crate)`, or nothing.
    pub vis: Visibility,
    /// `async fn name(params) -> Output where ...`.
    pub sig: Signature,
    /// The braced body, tokens untouched.
    pub block: Group,
}

impl Parse for HandlerFn {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        let sig = input.parse()?;
        let block = match input.parse::<Group>() {
            Ok(group) if group.delimiter() == Delimiter::Brace => group,
            _ => return Err(input.error("expected the function's body")),
        };
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the function"));
        }
        Ok(HandlerFn {
            attrs,
            vis,
            sig,
            block,
        })
    }
}

impl ToTokens for HandlerFn {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.append_all(&self.attrs);
        self.vis.to_tokens(tokens);
        self.sig.to_tokens(tokens);
        self.block.to_tokens(tokens);
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    #[test]
    fn the_body_is_kept_as_written() {
        let item = quote! {
            /// Docs.
            #[allow(unused)]
            pub(crate) async fn f<T>(x: T) -> u8 where T: Clone {
                #![allow(unreachable_code)]
                let y = { 1 }; y
            }
        };
        let f: HandlerFn = syn::parse2(item.clone()).unwrap();
        assert_eq!(f.attrs.len(), 2);
        assert_eq!(f.sig.ident, "f");
        assert_eq!(
            f.block.stream().to_string(),
            quote!(#![allow(unreachable_code)] let y = { 1 }; y).to_string()
        );
        assert_eq!(quote!(#f).to_string(), item.to_string());
    }

    #[test]
    fn other_items_are_refused() {
        for item in [
            quote!(
                struct S;
            ),
            quote!(
                fn f();
            ),
            quote!(
                fn f() {}
                fn g() {}
            ),
            quote!(fn f() (x)),
        ] {
            assert!(syn::parse2::<HandlerFn>(item.clone()).is_err(), "{item}");
        }
    }
}
