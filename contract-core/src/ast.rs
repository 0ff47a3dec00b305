//! The contract as written: endpoints and type expressions, every node with its span. Nothing here
//! is validated yet; [`crate::check`] turns it into the model.

use crate::document::{Inferred, Note};
use crate::read::Issue;
use crate::source::{Span, Spanned};

/// An issue with its contract blocks parsed.
#[derive(Clone, Debug)]
pub struct ParsedIssue {
    /// The issue the blocks were read from.
    pub issue: Issue,
    /// Every endpoint of the issue's contract blocks, in the order written.
    pub endpoints: Vec<Endpoint>,
    /// `interface X {...}` and `type X = ...` definitions found in any code block of the issue.
    pub type_defs: Vec<TypeDef>,
}

/// One endpoint as written: the `METHOD /path` line and the keyword lines under it.
#[derive(Clone, Debug)]
pub struct Endpoint {
    /// The method word as written (checked later, so `FETCH` is reported with its place).
    pub method: Spanned<String>,
    /// The path without its query string.
    pub path: Spanned<String>,
    /// `?a=1&b=x|y` on the path line: names with their example values.
    pub path_query: Vec<QueryPair>,
    /// `Query:`; `None` when absent or written as `none`.
    pub query: Option<TypeExpr>,
    /// `Path: { id: uuid }`: the path parameters' types; `None` when absent (all plain strings).
    pub path_types: Option<TypeExpr>,
    /// `Headers: {...}` entries, and `Authorization:` / `Auth:` lines.
    pub headers: Vec<HeaderSpec>,
    /// `Request:` or `Body:`; `None` when absent or written as `none`.
    pub request: Option<TypeExpr>,
    /// `Response:` or `-> ...` on the endpoint line; `None` when absent.
    pub response: Option<ResponseSpec>,
    /// `Errors:` entries, in the order written.
    pub errors: Vec<ErrorSpec>,
    /// `Operation: list_users_v2`: the name given in place of the rule's.
    pub operation: Option<Spanned<String>>,
    /// From the method to the end of the endpoint's last line.
    pub span: Span,
    /// For an endpoint read from an API document: where each part came from.
    pub inferred: Vec<Inferred>,
    /// For an endpoint read from an API document: type words read as any JSON value.
    pub notes: Vec<Note>,
}

/// A `name=value` pair of a query string on the path line; the value is optional.
pub type QueryPair = (Spanned<String>, Option<Spanned<String>>);

/// The success response as written: `Response (201): {...}` or `-> {...}`.
#[derive(Clone, Debug)]
pub struct ResponseSpec {
    /// The status as written (`201`), if any.
    pub status: Option<Spanned<String>>,
    /// The body type; `None` when absent or written as `none`.
    pub body: Option<TypeExpr>,
    /// The `Response` keyword, for messages about the response as a whole.
    pub span: Span,
}

/// A request header as written: `Authorization: Bearer <token>` or an entry of `Headers: {...}`.
#[derive(Clone, Debug)]
pub struct HeaderSpec {
    /// The header name as written (`Auth:` lines become `Authorization`).
    pub name: Spanned<String>,
    /// The value or type after the colon; `None` when only the name was written.
    pub value: Option<Spanned<String>>,
}

/// One `Errors:` entry: a status and, optionally, its message.
#[derive(Clone, Debug)]
pub struct ErrorSpec {
    /// The status as written: usually digits, but `4O9` must reach the checker to be reported.
    pub status: Spanned<String>,
    /// `None` when only the status was written (`Errors: 400, 404`): the reason phrase is used.
    pub message: Option<Spanned<String>>,
}

/// A named type: `interface Name {...}` or `type Name = ...`.
#[derive(Clone, Debug)]
pub struct TypeDef {
    /// The name being defined.
    pub name: Spanned<String>,
    /// The definition: the interface body, or the type after `=`.
    pub ty: TypeExpr,
}

/// A type expression (TypeScript-like or JSON-example style) with its place in the source.
#[derive(Clone, Debug)]
pub struct TypeExpr {
    /// What was written.
    pub kind: TypeExprKind,
    /// Where it was written.
    pub span: Span,
}

/// The forms a [`TypeExpr`] can take; unresolved names and example values alike.
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
    Bool(bool),
    /// `null` or `undefined`.
    Null,
    /// `{ name: T, other?: U }`: an object type or a JSON example object.
    Object(Vec<FieldExpr>),
    /// `T[]`.
    ArrayOf(Box<TypeExpr>),
    /// `[a, b]`: a JSON example array, or `[ {...} ]` for "an array of these".
    ArrayLiteral(Vec<TypeExpr>),
    /// `A | B | ...`, two or more members.
    Union(Vec<TypeExpr>),
    /// A type with bounds after it: `string(1..=200)`, `string(/^[a-z]+$/)`, `T[](..=10)`.
    Bounded(Box<TypeExpr>, Vec<Bound>),
}

/// One item between the parentheses after a type.
#[derive(Clone, Debug)]
pub enum Bound {
    /// `1..=200`, `1..`, `..=200`: each end's text, `None` when open. `exclusive` for `1..200`,
    /// which the checker refuses with a suggestion (bounds include both ends).
    Range {
        /// The lower end as written.
        min: Option<Spanned<String>>,
        /// The upper end as written.
        max: Option<Spanned<String>>,
        /// Written `..` before an upper end rather than `..=`.
        exclusive: bool,
        /// The whole range.
        span: Span,
    },
    /// `/^[a-z]+$/`: the pattern between the slashes, `\/` read as `/`; the span covers the
    /// slashes.
    Pattern(Spanned<String>),
}

/// One field of an object type expression.
#[derive(Clone, Debug)]
pub struct FieldExpr {
    /// The key as written, quotes removed.
    pub name: Spanned<String>,
    /// Written with `?` after the name (`name?: T`).
    pub optional: bool,
    /// `None` for a shorthand key without a type (`{ user, token }`): any JSON value.
    pub ty: Option<TypeExpr>,
}
