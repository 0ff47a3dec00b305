//! The checked model: what every later stage (expansion, the CLI, the macro) reads.
//!
//! Built only by [`crate::check`], so every value here has passed validation: names are valid Rust,
//! statuses are real, nothing collides. Serialises to the JSON that `cargo xtask inspect --json`
//! prints (documented in `docs/inspect-json.md`); fields marked `skip` are for the pipeline only.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::source::{LineCol, Source, Span};

/// One issue file's contract and the task around it.
#[derive(Clone, Debug, Serialize)]
pub struct Contract {
    /// The file as it was named on the command line (or to the macro).
    pub file: PathBuf,
    pub title: Option<String>,
    pub labels: Vec<String>,
    pub assignees: Vec<String>,
    /// Front-matter keys other than `title`, `labels` and `assignees`, as JSON values.
    pub extra: BTreeMap<String, serde_json::Value>,
    /// The text of the Objective section, if any.
    pub objective: Option<String>,
    pub code_to_create: Vec<CodeFile>,
    pub business_logic: Vec<Task>,
    /// `Depends on`, `Requires` and `Closes` entries.
    pub depends_on: Vec<IssueRef>,
    pub blocks: Vec<IssueRef>,
    pub endpoints: Vec<Endpoint>,
    /// Named types the endpoints refer to (`{"kind": "ref"}`), in order of first use.
    pub types: Vec<NamedType>,
    #[serde(skip)]
    pub source: Arc<Source>,
}

/// A file named under Code to Create.
#[derive(Clone, Debug, Serialize)]
pub struct CodeFile {
    pub path: String,
    #[serde(flatten)]
    pub at: LineCol,
}

/// A checkbox item (`- [ ] text`).
#[derive(Clone, Debug, Serialize)]
pub struct Task {
    pub text: String,
    pub done: bool,
    #[serde(flatten)]
    pub at: LineCol,
}

/// A link to another issue (`- Requires #4 (data structure definitions)`).
#[derive(Clone, Debug, Serialize)]
pub struct IssueRef {
    /// `depends_on`, `requires`, `closes` or `blocks`.
    pub relation: String,
    /// The issue number; `None` for template placeholders such as `#XXX`.
    pub number: Option<u64>,
    /// The rest of the line, such as `(data structure definitions)` without the parentheses.
    pub note: String,
    #[serde(flatten)]
    pub at: LineCol,
}

/// One HTTP operation of the contract.
#[derive(Clone, Debug, Serialize)]
pub struct Endpoint {
    /// The operation name in snake case (`create_user`); see [`crate::naming::operation_name`].
    pub name: String,
    pub method: Method,
    /// The path as written, without its query string (`/api/users/:id`).
    pub path: String,
    /// The path in axum 0.8 form (`/api/users/{id}`).
    pub route: String,
    pub path_params: Vec<PathParam>,
    /// Query parameters, from `?a=&b=` on the path line and/or a `Query:` object.
    pub query: Vec<Field>,
    /// Whether the endpoint needs `Authorization: Bearer <token>`.
    pub auth: bool,
    /// Headers named under `Headers:` (Authorization included).
    pub headers: Vec<Header>,
    pub request: Option<Type>,
    pub response: Response,
    /// Error statuses in the order written; never empty of meaning: each is 400..=599 and unique.
    pub errors: Vec<ErrorCase>,
    #[serde(flatten)]
    pub at: LineCol,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
    Options,
}

impl Method {
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
#[derive(Clone, Debug, Serialize)]
pub struct PathParam {
    pub name: String,
    pub rust_name: String,
    #[serde(rename = "type")]
    pub ty: Type,
}

#[derive(Clone, Debug, Serialize)]
pub struct Header {
    pub name: String,
    /// The example value, such as `Bearer <token>`, if one was written.
    pub value: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Response {
    /// 200 unless the contract gives another 1xx-3xx status.
    pub status: u16,
    /// `None` for a response without a body (`Response: 204`).
    pub body: Option<Type>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ErrorCase {
    pub status: u16,
    pub message: String,
    /// The Rust variant name: the status's reason phrase in PascalCase (409 -> `Conflict`).
    pub variant: String,
    #[serde(flatten)]
    pub at: LineCol,
}

/// A field of an object type, or a query parameter.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field {
    /// The name in JSON (or in the query string), exactly as written.
    pub name: String,
    /// A valid Rust identifier (`created_at`, `r#type`, `self_`).
    pub rust_name: String,
    /// Written with `?`: may be absent.
    pub optional: bool,
    #[serde(rename = "type")]
    pub ty: Type,
    #[serde(flatten)]
    pub at: LineCol,
}

/// A value type in the contract.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Type {
    String {
        /// `date-time` for `date`, `uuid`, `email`, `uri`; absent for a plain string.
        #[serde(skip_serializing_if = "Option::is_none")]
        format: Option<StringFormat>,
    },
    Number,
    Integer,
    Boolean,
    /// Any JSON value (`any`, `unknown`, a key without a type); `object` sets `json_object`.
    Any {
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        json_object: bool,
    },
    Array {
        items: Box<Type>,
    },
    /// `T | null`.
    Nullable {
        inner: Box<Type>,
    },
    /// A union of string literals (`"open" | "done"`).
    Enum {
        values: Vec<String>,
    },
    /// A PascalCase name: a type defined in `types`, or one the user owns.
    Ref {
        name: String,
    },
    Object {
        fields: Vec<Field>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StringFormat {
    DateTime,
    Uuid,
    Email,
    Uri,
}

/// A type the contract refers to by name.
#[derive(Clone, Debug, Serialize)]
pub struct NamedType {
    pub name: String,
    /// The definition, when an `interface`/`type` in the issues read together gives one; otherwise
    /// `None`: an external type the user owns (scaffold writes a stub, the macro expects it in scope).
    pub definition: Option<Type>,
    /// Where the definition was written, as `path:line:column`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub defined_at: Option<String>,
}
