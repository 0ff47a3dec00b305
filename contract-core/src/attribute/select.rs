//! Stage 3 of `#[contract]`: which endpoint of the contract the handler serves. One endpoint is
//! taken as it is; of several, `endpoint = "METHOD /path"` picks one, and without it the error
//! lists the choices ready to paste.

use syn::LitStr;

use crate::model::{Contract, Endpoint};

/// The endpoint the attribute selects, or an error listing the endpoints there are.
pub fn select<'c>(
    contract: &'c Contract,
    path: &LitStr,
    wanted: Option<&LitStr>,
) -> syn::Result<&'c Endpoint> {
    let file = path.value();
    let choices = || {
        contract
            .endpoints
            .iter()
            .map(|e| format!("`endpoint = \"{} {}\"`", e.method, e.path))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (wanted, contract.endpoints.as_slice()) {
        (None, [one]) => Ok(one),
        (None, endpoints) => Err(syn::Error::new(
            path.span(),
            format!(
                "`{file}` has {} endpoints: choose the one this handler serves with {}",
                endpoints.len(),
                choices()
            ),
        )),
        (Some(wanted), endpoints) => {
            let text = wanted.value();
            endpoints.iter().find(|e| matches(e, &text)).ok_or_else(|| {
                syn::Error::new(
                    wanted.span(),
                    format!(
                        "`{file}` has no endpoint `{}`; it has {}",
                        text.trim(),
                        choices()
                    ),
                )
            })
        }
    }
}

/// Whether `text` (`GET /api/x/:id`) names `endpoint`: the method in any case, the path with
/// `:id` or `{id}` parameters, named as in the contract or not at all alike (the place counts).
fn matches(endpoint: &Endpoint, text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(method), Some(path), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let path = path.split('?').next().unwrap_or(path);
    method.eq_ignore_ascii_case(endpoint.method.as_str()) && shape(path) == shape(&endpoint.path)
}

/// A path with every parameter replaced by `{}` and no trailing slash.
fn shape(path: &str) -> String {
    let segments: Vec<&str> = path
        .trim_end_matches('/')
        .split('/')
        .map(|s| {
            if s.starts_with(':') || (s.starts_with('{') && s.ends_with('}')) {
                "{}"
            } else {
                s
            }
        })
        .collect();
    segments.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("/api/x/:id"), "/api/x/{}");
        assert_eq!(shape("/api/x/{todoId}/"), "/api/x/{}");
        assert_eq!(shape("/api/x"), "/api/x");
    }
}
