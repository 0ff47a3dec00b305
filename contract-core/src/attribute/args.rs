//! Stage 1 of `#[contract]`: the attribute's arguments, `("issues/x.md")` or
//! `("issues/x.md", endpoint = "GET /api/x/:id")`.

use proc_macro2::TokenStream;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token};

/// What the attribute says.
pub struct Args {
    /// The issue file, relative to the crate's `CARGO_MANIFEST_DIR` unless absolute. Errors about
    /// the file or its contract are spanned on this literal.
    pub path: LitStr,
    /// `endpoint = "METHOD /path"`: which endpoint of a block with several.
    pub endpoint: Option<LitStr>,
}

/// Parses the arguments; a wrong shape is one error that shows the right one.
pub fn parse(tokens: TokenStream) -> syn::Result<Args> {
    syn::parse2(tokens)
}

const USAGE: &str = "expected `#[contract(\"path/to/issue.md\")]` or \
                     `#[contract(\"path/to/issue.md\", endpoint = \"GET /api/items/:id\")]`";

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(input.error(USAGE));
        }
        let path: LitStr = input
            .parse()
            .map_err(|e| syn::Error::new(e.span(), USAGE))?;
        let mut endpoint = None;
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: syn::Ident = input.parse()?;
            if key != "endpoint" {
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown argument `{key}`: the only one is `endpoint = \"METHOD /path\"`"
                    ),
                ));
            }
            if endpoint.is_some() {
                return Err(syn::Error::new(key.span(), "`endpoint` is given twice"));
            }
            input.parse::<Token![=]>()?;
            endpoint = Some(input.parse::<LitStr>()?);
        }
        Ok(Args { path, endpoint })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn forms() {
        let args = parse(quote!("a.md")).unwrap();
        assert_eq!(args.path.value(), "a.md");
        assert!(args.endpoint.is_none());
        let args = parse(quote!("a.md", endpoint = "GET /x",)).unwrap();
        assert_eq!(args.endpoint.unwrap().value(), "GET /x");
        assert!(parse(quote!()).is_err());
        assert!(parse(quote!(a.md)).is_err());
        assert!(parse(quote!("a.md", method = "GET")).is_err());
        assert!(parse(quote!("a.md", endpoint = "GET /x", endpoint = "GET /y")).is_err());
    }
}
