//! The checked model: what every later stage (expansion, the CLI, the macro) reads.
//!
//! Built only by [`crate::check`], so every value here has passed validation: names are valid Rust,
//! statuses are real, nothing collides. With the `cli` feature, serialises to the JSON that
//! `cargo xtask inspect --json` prints (documented in `docs/inspect-json.md`); fields marked `skip`
//! are for the pipeline only.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

#[cfg(feature = "cli")]
use serde::Serialize;

use crate::source::{LineCol, Source, Span};

/// One issue file's contract and the task around it.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct Contract {
    /// The file as it was named on the command line (or to the macro).
    pub file: PathBuf,
    /// The front-matter `title`, if any.
    pub title: Option<String>,
    /// The front-matter `labels`, from a comma-separated string or a YAML list.
    pub labels: Vec<String>,
    /// The front-matter `assignees`, from a comma-separated string or a YAML list.
    pub assignees: Vec<String>,
    /// Front-matter keys other than `title`, `labels` and `assignees`, with their values.
    pub extra: BTreeMap<String, crate::yaml::Value>,
    /// The text of the Objective section, if any.
    pub objective: Option<String>,
    /// The files listed under Code to Create.
    pub code_to_create: Vec<CodeFile>,
    /// The checkbox items under Business Logic.
    pub business_logic: Vec<Task>,
    /// `Depends on`, `Requires` and `Closes` entries.
    pub depends_on: Vec<IssueRef>,
    /// `Blocks` entries: issues that wait on this one.
    pub blocks: Vec<IssueRef>,
    /// The operations of the contract, in the order written.
    pub endpoints: Vec<Endpoint>,
    /// Named types the endpoints refer to (`{"kind": "ref"}`), in order of first use.
    pub types: Vec<NamedType>,
    /// Read as an API document with no contract block: the endpoints come from its headings,
    /// labels, lists, tables and code lines ([`crate::document`]), not from the grammar.
    #[cfg_attr(feature = "cli", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub read_as_document: bool,
    /// Read as an API document: type words in its named types read as any JSON value.
    #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Vec::is_empty"))]
    pub notes: Vec<Inference>,
    /// The issue's text, for diagnostics that point into it.
    #[cfg_attr(feature = "cli", serde(skip))]
    pub source: Arc<Source>,
}

/// A file named under Code to Create.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct CodeFile {
    /// The path as written in the issue (`backend/src/routes/users.js`).
    pub path: String,
    /// Where the path was written.
    #[cfg_attr(feature = "cli", serde(flatten))]
    pub at: LineCol,
}

/// A checkbox item (`- [ ] text`).
#[derive(Clone, Debug)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct Task {
    /// The item's text after the checkbox.
    pub text: String,
    /// Whether the box is ticked (`- [x]`).
    pub done: bool,
    /// Where the item was written.
    #[cfg_attr(feature = "cli", serde(flatten))]
    pub at: LineCol,
}

/// A link to another issue (`- Requires #4 (data structure definitions)`).
#[derive(Clone, Debug)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct IssueRef {
    /// `depends_on`, `requires`, `closes` or `blocks`.
    pub relation: String,
    /// The issue number; `None` for template placeholders such as `#XXX`.
    pub number: Option<u64>,
    /// The rest of the line, such as `(data structure definitions)` without the parentheses.
    pub note: String,
    /// Where the link was written.
    #[cfg_attr(feature = "cli", serde(flatten))]
    pub at: LineCol,
}

/// One HTTP operation of the contract.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct Endpoint {
    /// The operation name in snake case (`create_user`); see [`crate::naming::operation_name`].
    pub name: String,
    /// The HTTP method.
    pub method: Method,
    /// The path as written, without its query string (`/api/users/:id`).
    pub path: String,
    /// The path in axum 0.8 form (`/api/users/{id}`).
    pub route: String,
    /// The path's parameters, in the order they appear in it.
    pub path_params: Vec<PathParam>,
    /// Query parameters, from `?a=&b=` on the path line and/or a `Query:` object.
    pub query: Vec<Field>,
    /// Whether the endpoint needs `Authorization: Bearer <token>`.
    pub auth: bool,
    /// Headers named under `Headers:` (Authorization included).
    pub headers: Vec<Header>,
    /// The request body's type; `None` when the endpoint takes no body.
    pub request: Option<Type>,
    /// The success response.
    pub response: Response,
    /// Error statuses in the order written; never empty of meaning: each is 400..=599 and unique.
    pub errors: Vec<ErrorCase>,
    /// Where the endpoint line starts.
    #[cfg_attr(feature = "cli", serde(flatten))]
    pub at: LineCol,
    /// Read from an API document: where each part came from, and (`part` is `note`) what was
    /// read otherwise than written.
    #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Vec::is_empty"))]
    pub inferred: Vec<Inference>,
    /// From the method to the end of the endpoint's last line, for diagnostics.
    #[cfg_attr(feature = "cli", serde(skip))]
    pub span: Span,
}

impl Endpoint {
    /// The error the contract lists for `status`.
    pub fn error(&self, status: u16) -> Option<&ErrorCase> {
        self.errors.iter().find(|e| e.status == status)
    }

    /// Which parts of a request carry rules beyond their shape (a format, a bound, a pattern):
    /// what the handler checks after reading them, and whether its error enum takes the
    /// violations.
    pub fn rules_in(&self) -> RulesIn {
        RulesIn {
            path: self.path_params.iter().any(|p| p.ty.has_rules()),
            query: self.query.iter().any(|f| f.ty.has_rules()),
            body: self.request.as_ref().is_some_and(Type::has_rules),
        }
    }
}

/// The parts of a request with rules beyond their shape; see [`Endpoint::rules_in`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RulesIn {
    /// A path parameter has rules.
    pub path: bool,
    /// A query parameter has rules.
    pub query: bool,
    /// The body has rules.
    pub body: bool,
}

impl RulesIn {
    /// Whether any part has rules.
    pub fn any(self) -> bool {
        self.path || self.query || self.body
    }
}

/// For a contract read from an API document: where one part came from (`request`, from `a field
/// table`), or, with `part` `note`, what was read otherwise than written.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct Inference {
    /// `endpoint`, `request`, `response`, `status 201`, `auth` or `note`.
    pub part: String,
    /// The structure it came from, or the note.
    pub how: String,
    /// Where.
    #[cfg_attr(feature = "cli", serde(flatten))]
    pub at: LineCol,
}

/// An HTTP method a contract may use; serialises upper case (`GET`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "cli", derive(Serialize))]
#[cfg_attr(feature = "cli", serde(rename_all = "UPPERCASE"))]
pub enum Method {
    /// `GET`: read a resource.
    Get,
    /// `POST`: create, or act.
    Post,
    /// `PUT`: replace a resource.
    Put,
    /// `PATCH`: change part of a resource.
    Patch,
    /// `DELETE`: remove a resource.
    Delete,
    /// `HEAD`: `GET` without the body.
    Head,
    /// `OPTIONS`: ask what the resource allows.
    Options,
}

impl Method {
    /// Every method, in the order they are listed in messages.
    pub const ALL: [Method; 7] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
        Method::Head,
        Method::Options,
    ];

    /// `GET`, `POST`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
        }
    }

    /// Parses an upper-case method name.
    pub fn parse(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.as_str() == name)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `:id` / `{id}` segment of the path. Path parameters are strings.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct PathParam {
    /// The name as written in the path (`id` for `:id`).
    pub name: String,
    /// A valid Rust identifier for it (`id`, `r#type`).
    pub rust_name: String,
    /// Always a string type.
    #[cfg_attr(feature = "cli", serde(rename = "type"))]
    pub ty: Type,
}

/// A request header the contract names.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct Header {
    /// The header name as written (`Authorization`, `X-Trace-Id`).
    pub name: String,
    /// The example value, such as `Bearer <token>`, if one was written.
    pub value: Option<String>,
}

/// The success response of an endpoint.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct Response {
    /// 200 unless the contract gives another 1xx-3xx status.
    pub status: u16,
    /// `None` for a response without a body (`Response: 204`).
    pub body: Option<Type>,
    /// The body as the contract writes it when it writes a JSON example, every value an example
    /// rather than a type name (`{ "id": "b-1", "done": false }`), as JSON text: what `mock`
    /// answers with. Not part of `inspect --json`'s model.
    #[cfg_attr(feature = "cli", serde(skip))]
    pub example: Option<String>,
}

/// An error response the contract lists under `Errors:`.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct ErrorCase {
    /// The HTTP status, 400..=599.
    pub status: u16,
    /// The message as written, or the status's reason phrase when none was.
    pub message: String,
    /// The Rust variant name: the status's reason phrase in PascalCase (409 -> `Conflict`).
    pub variant: String,
    /// Where the status was written.
    #[cfg_attr(feature = "cli", serde(flatten))]
    pub at: LineCol,
}

/// A field of an object type, or a query parameter.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct Field {
    /// The name in JSON (or in the query string), exactly as written.
    pub name: String,
    /// A valid Rust identifier (`created_at`, `r#type`, `self_`).
    pub rust_name: String,
    /// Written with `?`: may be absent.
    pub optional: bool,
    /// The value's type.
    #[cfg_attr(feature = "cli", serde(rename = "type"))]
    pub ty: Type,
    /// Where the name was written.
    #[cfg_attr(feature = "cli", serde(flatten))]
    pub at: LineCol,
}

impl Field {
    /// Whether `null` is a value of the field: `T | null`, or any JSON value. An optional field
    /// that takes none may be left out but not sent as `null`.
    pub fn takes_null(&self) -> bool {
        matches!(self.ty, Type::Nullable { .. } | Type::Any { .. })
    }
}

/// A value type in the contract.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "cli", derive(Serialize))]
#[cfg_attr(feature = "cli", serde(tag = "kind", rename_all = "snake_case"))]
pub enum Type {
    /// `string`, or a formatted string such as `date` or `uuid`.
    String {
        /// `date-time` for `date`, `uuid`, `email`, `uri`; absent for a plain string.
        #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Option::is_none"))]
        format: Option<StringFormat>,
        /// How many characters (Unicode scalar values) it may have: `string(1..=200)`.
        #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Bounds::is_open"))]
        length: Bounds<u64>,
        /// A regular expression it must match somewhere, as JSON Schema's `pattern`:
        /// `string(/^[a-z0-9-]+$/)`. Checked by [`crate::check`] to compile.
        #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Option::is_none"))]
        pattern: Option<String>,
    },
    /// `number`, `float`: an `f64`.
    Number {
        /// The smallest and largest value allowed: `number(0..=1)`.
        #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Bounds::is_open"))]
        range: Bounds<f64>,
    },
    /// `integer`, `int`: an `i64`.
    Integer {
        /// The smallest and largest value allowed: `integer(1..=100)`.
        #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Bounds::is_open"))]
        range: Bounds<i64>,
    },
    /// `boolean`, `bool`.
    Boolean,
    /// Any JSON value (`any`, `unknown`, a key without a type); `object` sets `json_object`.
    Any {
        /// Written as `object`: any JSON object (OpenAPI `type: object`).
        #[cfg_attr(feature = "cli", serde(skip_serializing_if = "std::ops::Not::not"))]
        json_object: bool,
    },
    /// `T[]`, `Array<T>`, `[T]`.
    Array {
        /// The element type.
        items: Box<Type>,
        /// How many items it may have: `string[](..=10)`.
        #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Bounds::is_open"))]
        length: Bounds<u64>,
    },
    /// `T | null`.
    Nullable {
        /// The type when not `null`; never itself nullable.
        inner: Box<Type>,
    },
    /// A union of string literals (`"open" | "done"`).
    Enum {
        /// The literals, in the order written.
        values: Vec<String>,
    },
    /// A PascalCase name: a type defined in `types`, or one the user owns.
    Ref {
        /// The type name as written.
        name: String,
    },
    /// An inline object type: `{ name: T, other?: U }`.
    Object {
        /// The fields, in the order written.
        fields: Vec<Field>,
    },
}

impl Type {
    /// `string`, with no format and no bounds.
    pub const STRING: Type = Type::String {
        format: None,
        length: Bounds::OPEN,
        pattern: None,
    };
    /// `number`, unbounded.
    pub const NUMBER: Type = Type::Number {
        range: Bounds::OPEN,
    };
    /// `integer`, unbounded.
    pub const INTEGER: Type = Type::Integer {
        range: Bounds::OPEN,
    };

    /// A string in `format`, with no bounds.
    pub fn formatted(format: StringFormat) -> Type {
        Type::String {
            format: Some(format),
            length: Bounds::OPEN,
            pattern: None,
        }
    }

    /// An array of `items`, of any length.
    pub fn array(items: Type) -> Type {
        Type::Array {
            items: Box::new(items),
            length: Bounds::OPEN,
        }
    }

    /// Whether a value of this type can break a rule beyond its shape: a format, a bound or a
    /// pattern here, or in a field or item inside it. Named types are not looked into.
    pub fn has_rules(&self) -> bool {
        match self {
            Type::String {
                format,
                length,
                pattern,
            } => format.is_some() || !length.is_open() || pattern.is_some(),
            Type::Number { range } => !range.is_open(),
            Type::Integer { range } => !range.is_open(),
            Type::Array { items, length } => !length.is_open() || items.has_rules(),
            Type::Nullable { inner } => inner.has_rules(),
            Type::Object { fields } => fields.iter().any(|f| f.ty.has_rules()),
            Type::Boolean | Type::Any { .. } | Type::Enum { .. } | Type::Ref { .. } => false,
        }
    }
}

/// The inclusive bounds a contract writes after a type (`1..=200`, `..=10`, `0..`): a length, a
/// count of items or a value's range. Either end may be open.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct Bounds<T> {
    /// The smallest allowed, if any.
    #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Option::is_none"))]
    pub min: Option<T>,
    /// The largest allowed, if any.
    #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Option::is_none"))]
    pub max: Option<T>,
}

impl<T> Bounds<T> {
    /// No bound at either end.
    pub const OPEN: Bounds<T> = Bounds {
        min: None,
        max: None,
    };

    /// Whether neither end is bounded.
    pub fn is_open(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
}

/// What a string holds, when the contract says (serialised kebab case, as OpenAPI `format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(Serialize))]
#[cfg_attr(feature = "cli", serde(rename_all = "kebab-case"))]
pub enum StringFormat {
    /// `date`, `datetime`, `timestamp`: an RFC 3339 date-time.
    DateTime,
    /// `uuid`.
    Uuid,
    /// `email`: an email address.
    Email,
    /// `url`, `uri`.
    Uri,
}

/// A type the contract refers to by name.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "cli", derive(Serialize))]
pub struct NamedType {
    /// The PascalCase name, as [`Type::Ref`] carries it.
    pub name: String,
    /// The definition, when an `interface`/`type` in the issues read together gives one; otherwise
    /// `None`: an external type the user owns (scaffold writes a stub, the macro expects it in scope).
    pub definition: Option<Type>,
    /// Where the definition was written, as `path:line:column`.
    #[cfg_attr(feature = "cli", serde(skip_serializing_if = "Option::is_none"))]
    pub defined_at: Option<String>,
}

impl NamedType {
    /// The definition of the type called `name` among `types` (the named types of issues read
    /// together): the first one that defines it; `None` for a type the user owns.
    pub fn definition_of<'a>(types: &'a [NamedType], name: &str) -> Option<&'a Type> {
        types
            .iter()
            .filter(|t| t.name == name)
            .find_map(|t| t.definition.as_ref())
    }
}
