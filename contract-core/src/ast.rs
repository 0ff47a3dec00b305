//! The contract as written: endpoints and type expressions, every node with its span. Nothing here
//! is validated yet; [`crate::check`] turns it into the model.

use crate::read::Issue;
use crate::source::{Span, Spanned};

/// An issue with its contract blocks parsed.
#[derive(Clone, Debug)]
pub struct ParsedIssue {
    pub issue: Issue,
    pub endpoints: Vec<Endpoint>,
    /// `interface X {...}` and `type X = ...` definitions found in any code block of the issue.
    pub type_defs: Vec<TypeDef>,
}

#[derive(Clone, Debug)]
pub struct Endpoint {
    /// The method word as written (checked later, so `FETCH` is reported with its place).
    pub method: Spanned<String>,
    /// The path without its query string.
    pub path: Spanned<String>,
    /// `?a=1&b=x|y` on the path line: names with their example values.
    pub path_query: Vec<QueryPair>,
    pub query: Option<TypeExpr>,
    /// `Headers: {...}` entries, and `Authorization:` / `Auth:` lines.
    pub headers: Vec<HeaderSpec>,
    /// `Request:` or `Body:`; `None` when absent or written as `none`.
    pub request: Option<TypeExpr>,
    pub response: Option<ResponseSpec>,
    pub errors: Vec<ErrorSpec>,
    /// From the method to the end of the endpoint's last line.
    pub span: Span,
}

/// A `name=value` pair of a query string on the path line; the value is optional.
pub type QueryPair = (Spanned<String>, Option<Spanned<String>>);

#[derive(Clone, Debug)]
pub struct ResponseSpec {
    /// The status as written (`201`), if any.
    pub status: Option<Spanned<String>>,
    pub body: Option<TypeExpr>,
    /// The `Response` keyword, for messages about the response as a whole.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct HeaderSpec {
    pub name: Spanned<String>,
    pub value: Option<Spanned<String>>,
}

#[derive(Clone, Debug)]
pub struct ErrorSpec {
    /// The status as written: usually digits, but `4O9` must reach the checker to be reported.
    pub status: Spanned<String>,
    /// `None` when only the status was written (`Errors: 400, 404`): the reason phrase is used.
    pub message: Option<Spanned<String>>,
}

#[derive(Clone, Debug)]
pub struct TypeDef {
    pub name: Spanned<String>,
    pub ty: TypeExpr,
}

#[derive(Clone, Debug)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum TypeExprKind {
    /// A bare word: `string`, `int`, `GameState`, `strng`.
    Name(String),
    /// A generic: `Array<T>`, `Record<string, T>`.
    Generic(String, Vec<TypeExpr>),
    /// A string literal: an enum member in a union, or an example value / type name in JSON style.
    Str(String),
    /// A number literal (an example value).
    Number(String),
    /// `true` / `false` as an example value.
    Bool,
    Null,
    Object(Vec<FieldExpr>),
    /// `T[]`.
    ArrayOf(Box<TypeExpr>),
    /// `[a, b]`: a JSON example array, or `[ {...} ]` for "an array of these".
    ArrayLiteral(Vec<TypeExpr>),
    /// `A | B | ...`, two or more members.
    Union(Vec<TypeExpr>),
}

#[derive(Clone, Debug)]
pub struct FieldExpr {
    pub name: Spanned<String>,
    pub optional: bool,
    /// `None` for a shorthand key without a type (`{ user, token }`): any JSON value.
    pub ty: Option<TypeExpr>,
}
