//! Stage 1 of `#[contract]`, beside [`args`](super::args): the item under the attribute, a function
//! whose body is kept as tokens.
//!
//! `syn::ItemFn` would parse the body into statements and print them back, in every build of the
//! user's crate, for nothing: only the signature is checked, and the body is emitted as written.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::{ToTokens, TokenStreamExt};
use syn::parse::{ParseStream, Parser};
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

impl HandlerFn {
    /// Parses a function item. The body, its last token, is split off before syn sees the rest:
    /// syn copies every token it parses into a buffer first, and a handler's body is most of them.
    pub fn parse(item: TokenStream) -> syn::Result<HandlerFn> {
        let mut head: Vec<TokenTree> = item.into_iter().collect();
        let block = match head.pop() {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => group,
            last => {
                let at = last.map_or_else(Span::call_site, |token| token.span());
                return Err(syn::Error::new(at, "expected the function's body"));
            }
        };
        let parser = |input: ParseStream<'_>| {
            let attrs = input.call(Attribute::parse_outer)?;
            let vis: Visibility = input.parse()?;
            let sig: Signature = input.parse()?;
            Ok((attrs, vis, sig))
        };
        // `parse2` also refuses tokens left over, such as a second function.
        let (attrs, vis, sig) = parser.parse2(head.into_iter().collect())?;
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
        let f = HandlerFn::parse(item.clone()).unwrap();
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
            assert!(HandlerFn::parse(item.clone()).is_err(), "{item}");
        }
    }
}
