//! Rust names for contract names: fields, operations, types, modules, enum and error variants,
//! and the names generated code invents (nested types, `CreateUserError2`).
//!
//! The rules live here, in one place, because the checker, the macro, scaffold, OpenAPI and the
//! docs must agree on them byte for byte. Pure string rules: [`crate::codegen::tokens`] makes
//! identifiers of them.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

use crate::model::Method;

/// Words Rust reserves in edition 2024. `r#` makes most of them usable as identifiers.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore instead.
pub(crate) const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Whether `word` is a strict or reserved keyword of edition 2024, the edition generated code uses.
pub(crate) fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// The Rust field name for a JSON key: snake case (`createdAt` -> `created_at`,
/// `x-trace-id` -> `x_trace_id`), keywords as raw identifiers (`type` -> `r#type`) except those
/// that cannot be raw (`self` -> `self_`), and a leading `_` where the name would start with a digit.
pub fn field_name(json_name: &str) -> String {
    // One lower-case word (`email`, `id`) is its own snake case; most fields are one.
    if !json_name.is_empty() && json_name.bytes().all(|b| b.is_ascii_lowercase()) {
        return escape_keyword(json_name.to_owned());
    }
    let snake = identifier_chars(json_name).to_snake_case();
    let snake = if snake.is_empty() {
        "field".to_owned()
    } else if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{snake}")
    } else {
        snake
    };
    escape_keyword(snake)
}

/// The enum variant for an error status: its standard reason phrase in PascalCase
/// (409 -> `Conflict`, 413 -> `PayloadTooLarge`, 429 -> `TooManyRequests`), or `Status499` for a
/// status without one.
pub fn variant_name(status: u16) -> String {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason())
        // `I'm a teapot` reads as `ImATeapot`, not `IMATeapot`.
        .map(|reason| pascal(&reason.replace('\'', "")))
        .unwrap_or_else(|| format!("Status{status}"))
}

/// `r#type` for keywords that can be raw, `self_` for those that cannot, the name itself otherwise.
fn escape_keyword(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if is_keyword(&name) {
        format!("r#{name}")
    } else {
        name
    }
}

/// Replaces every character that cannot be part of an identifier with a word break; apostrophes
/// vanish so `I'm a teapot` reads as `ImATeapot`.
fn identifier_chars(name: &str) -> String {
    name.chars()
        .filter(|&c| c != '\'')
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect()
}

/// `name`, or the first of `name_2`, `name_3`, ... that is not `taken`: how every generated
/// name (test, operation, path parameter) is told apart from one already given.
pub fn numbered(name: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_string();
    }
    (2..)
        .map(|n| format!("{name}_{n}"))
        .find(|candidate| !taken(candidate))
        .expect("some number is free: `taken` holds finitely many names")
}

/// The operation name for an endpoint, by one rule:
///
/// 1. Split the path into segments; drop `api`, version segments (`v1`, `v2`, ...) and the query.
/// 2. The *resource* is the last literal segment; the endpoint is an *item* endpoint when a
///    parameter follows it (`/users/:id`), a *collection* endpoint otherwise.
/// 3. A literal segment right after a parameter is nested under that parameter's resource, whose
///    singular becomes a prefix: `GET /posts/:postId/comments` -> `list_post_comments`.
/// 4. Verbs: `GET` collection -> `list_<resources>`, item -> `get_<resource>`; `POST` to a plural
///    collection -> `create_<resource>`; `PUT`/`PATCH` item -> `update_<resource>`
///    (`replace_`/`update_` + the plural on a collection); `DELETE` item -> `delete_<resource>`,
///    collection -> `delete_<resources>`; `HEAD`/`OPTIONS` -> `head_`/`options_` + the rest.
///    A `POST` (or `GET`) to a singular literal is an action named by that word:
///    `POST /auth/login` -> `login`, `POST /users/:id/activate` -> `activate_user`,
///    `GET /me` -> `get_me`.
/// 5. A path with no literal segment is the root resource: `GET /` -> `get_root`.
pub fn operation_name(method: Method, path: &str) -> String {
    let segments: Vec<Segment> = path
        .split('?')
        .next()
        .unwrap_or("")
        .split('/')
        .filter(|s| !s.is_empty())
        .filter_map(Segment::parse)
        .collect();
    let is_item = matches!(segments.last(), Some(Segment::Param));
    let Some(resource_index) = segments
        .iter()
        .rposition(|s| matches!(s, Segment::Literal(_)))
    else {
        return format!("{}_root", method.as_str().to_lowercase());
    };
    let Segment::Literal(resource) = &segments[resource_index] else {
        unreachable!("rposition found a literal")
    };
    // The resource of the parameter this one is nested under, as in /posts/:postId/comments.
    let parent = resource_index
        .checked_sub(2)
        .filter(|_| matches!(segments[resource_index - 1], Segment::Param))
        .and_then(|i| match &segments[i] {
            Segment::Literal(parent) => Some(singular(parent)),
            Segment::Param => None,
        });
    let plural = is_plural(resource);
    let noun = |word: String| match &parent {
        Some(parent) => format!("{parent}_{word}"),
        None => word,
    };
    let name = match (method, is_item) {
        (Method::Get, true) => format!("get_{}", noun(singular(resource))),
        (Method::Get, false) if plural => format!("list_{}", noun(resource.clone())),
        (Method::Get, false) => format!("get_{}", noun(resource.clone())),
        (Method::Post, false) if plural => format!("create_{}", noun(singular(resource))),
        (Method::Post, false) => match &parent {
            Some(parent) => format!("{resource}_{parent}"),
            None => resource.clone(),
        },
        (Method::Post, true) => format!("create_{}", noun(singular(resource))),
        (Method::Put | Method::Patch, true) => format!("update_{}", noun(singular(resource))),
        (Method::Put, false) => format!("replace_{}", noun(resource.clone())),
        (Method::Patch, false) => format!("update_{}", noun(resource.clone())),
        (Method::Delete, true) => format!("delete_{}", noun(singular(resource))),
        (Method::Delete, false) => format!("delete_{}", noun(resource.clone())),
        (Method::Head | Method::Options, _) => {
            format!(
                "{}_{}",
                method.as_str().to_lowercase(),
                noun(resource.clone())
            )
        }
    };
    field_name(&name)
}

/// Names for endpoints that [`operation_name`] names alike (`name`), one per path, by one rule:
/// each gets the fewest literal segments of its path, in path order, that tell it apart from the
/// others: after the name's verb, or as a suffix for a version. `POST /session/login/password`
/// and `POST /session/register/password` give `login_password` and `register_password`;
/// `DELETE /teams/{id}` beside `DELETE /admin/teams/{id}` keeps `delete_team` and gives
/// `delete_admin_team`; `/v1/users` beside `/v2/users` gives `list_users_v1`, `list_users_v2`.
/// An endpoint no segment tells apart keeps the name, or gets its method as a suffix when another
/// kept it (`PUT` and `PATCH /teams/{id}`: `update_team`, `update_team_patch`), or `_2`, `_3`.
pub fn distinct_operation_names(name: &str, endpoints: &[(Method, &str)]) -> Vec<String> {
    let words: Vec<Vec<String>> = endpoints
        .iter()
        .map(|(_, path)| literal_words(path))
        .collect();
    let mut names: Vec<String> = Vec::with_capacity(endpoints.len());
    for (index, own) in words.iter().enumerate() {
        let others: Vec<&Vec<String>> = words
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != index)
            .map(|(_, words)| words)
            .collect();
        // The words some other endpoint lacks, in path order, until every other one lacks one.
        let mut chosen: Vec<&str> = Vec::new();
        for word in own {
            let told_apart = |chosen: &[&str]| {
                others
                    .iter()
                    .all(|other| chosen.iter().any(|w| !other.iter().any(|o| o == w)))
            };
            if told_apart(&chosen) {
                break;
            }
            if others.iter().any(|other| !other.contains(word)) {
                chosen.push(word);
            }
        }
        let mut qualified = qualify(name, &chosen);
        let taken = |candidate: &str| names.iter().any(|n| n == candidate);
        if taken(&qualified) {
            let method = endpoints[index].0.as_str().to_ascii_lowercase();
            qualified = format!("{qualified}_{method}");
        }
        names.push(numbered(&qualified, taken));
    }
    names
}

/// The literal segments of a path in snake case (`api` left out, versions kept), each once.
fn literal_words(path: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for segment in path.split('?').next().unwrap_or("").split('/') {
        if segment.is_empty() || matches!(Segment::parse(segment), Some(Segment::Param)) {
            continue;
        }
        let word = identifier_chars(segment).to_snake_case();
        if !word.is_empty() && word != "api" && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// `name` with `words` after its verb (`delete_team` + `admin`: `delete_admin_team`), before it
/// when it has none (`password` + `login`: `login_password`), and versions as a suffix
/// (`list_users` + `v2`: `list_users_v2`).
fn qualify(name: &str, words: &[&str]) -> String {
    const VERBS: [&str; 8] = [
        "get", "list", "create", "update", "replace", "delete", "head", "options",
    ];
    let (versions, words): (Vec<&str>, Vec<&str>) = words.iter().partition(|w| is_version(w));
    let mut qualified = match name.split_once('_') {
        _ if words.is_empty() => name.to_owned(),
        Some((verb, rest)) if VERBS.contains(&verb) => {
            format!("{verb}_{}_{rest}", words.join("_"))
        }
        _ => format!("{}_{name}", words.join("_")),
    };
    for version in versions {
        qualified.push('_');
        qualified.push_str(version);
    }
    field_name(&qualified)
}

/// `v1`, `v2`: a version segment.
fn is_version(word: &str) -> bool {
    word.len() > 1 && word.starts_with('v') && word[1..].chars().all(|c| c.is_ascii_digit())
}

enum Segment {
    Literal(String),
    Param,
}

impl Segment {
    /// `None` for segments that say nothing about the operation (`api`, `v1`).
    fn parse(segment: &str) -> Option<Segment> {
        if segment.starts_with(':') || (segment.starts_with('{') && segment.ends_with('}')) {
            return Some(Segment::Param);
        }
        let word = segment.to_snake_case();
        if word.is_empty() || word == "api" || is_version(&word) {
            None
        } else {
            Some(Segment::Literal(word))
        }
    }
}

fn is_plural(word: &str) -> bool {
    let last = word.rsplit('_').next().unwrap_or(word).to_ascii_lowercase();
    last.len() > 2
        && last.ends_with('s')
        && !["ss", "us", "is"].iter().any(|end| last.ends_with(end))
}

/// English singular for the common plural endings (`todos` -> `todo`, `categories` -> `category`,
/// `addresses` -> `address`); words that are not plural come back unchanged. Only the last word of
/// a snake-case name changes (`line_items` -> `line_item`).
pub fn singular(word: &str) -> String {
    singular_of(word).unwrap_or_else(|| word.to_owned())
}

/// A name given in words of any case, in snake case: `listUsersV2` -> `list_users_v2`.
pub fn snake_case(name: &str) -> String {
    name.to_snake_case()
}

/// [`singular`], or `None` when the word does not look plural (`Status`, `Data`). Works on any
/// case (`Categories` -> `Category`). A short English rule set: a wrong guess only makes a name odd.
pub fn singular_of(word: &str) -> Option<String> {
    if !is_plural(word) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    Some(if lower.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if ["sses", "shes", "ches", "xes", "zes"]
        .iter()
        .any(|end| lower.ends_with(end))
    {
        word[..word.len() - 2].to_owned()
    } else {
        word[..word.len() - 1].to_owned()
    })
}

/// A PascalCase type name (`create_user` -> `CreateUser`), valid as an identifier.
pub fn pascal(name: &str) -> String {
    let pascal = name.trim_start_matches("r#").to_upper_camel_case();
    let pascal = sanitize(&pascal);
    if is_keyword(&pascal) || NOT_RAW.contains(&pascal.as_str()) {
        format!("{pascal}_")
    } else {
        pascal
    }
}

/// A snake_case module name that is a plain identifier (no raw form: it is also a file name).
pub fn module(name: &str) -> String {
    let snake = sanitize(&name.to_snake_case());
    if is_keyword(&snake) || NOT_RAW.contains(&snake.as_str()) {
        format!("{snake}_")
    } else {
        snake
    }
}

/// Replaces what cannot appear in an identifier with `_` and keeps it from starting with a digit.
pub(crate) fn sanitize(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c == '_' || unicode_ident::is_xid_continue(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    match out.chars().next() {
        None => out.push('_'),
        Some(c) if !(c == '_' || unicode_ident::is_xid_start(c)) => out.insert(0, '_'),
        Some(_) => {}
    }
    // `_` alone is no identifier, and leading underscores would silence unused-item lints.
    if out.chars().all(|c| c == '_') {
        out.insert(0, 'x');
    }
    out
}

/// The JSON name serde derives for a Rust field name: the identifier without its `r#`.
pub fn serde_name(rust_name: &str) -> &str {
    rust_name.strip_prefix("r#").unwrap_or(rust_name)
}

/// Type names already taken in one generated module, so invented names never collide.
#[derive(Debug, Default)]
pub struct TypeNames {
    taken: BTreeSet<String>,
}

impl TypeNames {
    /// Claims `wanted`, or the first free of `wanted2`, `wanted3`, ...
    pub fn claim(&mut self, wanted: &str) -> String {
        let mut name = wanted.to_string();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{wanted}{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        name
    }

    /// Marks a name as taken without renaming it (a name the contract itself gives).
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_string());
    }
}

/// Variant names for a string-literal union: PascalCase of each value, unique within the enum.
pub fn enum_variants(values: &[String]) -> Vec<String> {
    let mut names = TypeNames::default();
    values
        .iter()
        .map(|value| {
            let wanted = if value.trim().is_empty() {
                "Empty".to_string()
            } else {
                pascal(value)
            };
            // A value like `1` gives `_1`; `V1` reads better as a variant.
            let wanted = match wanted.strip_prefix('_') {
                Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("V{rest}"),
                _ => wanted,
            };
            names.claim(&wanted)
        })
        .collect()
}

/// Whether clippy's `enum_variant_names` would fire: three or more variants that all share their
/// first or their last camel-case word (`InProgress`, `InReview`, `InTest`). Such names come
/// straight from the contract's values, so the generated enum allows the lint instead.
pub fn variants_share_affix(variants: &[String]) -> bool {
    if variants.len() < 3 {
        return false;
    }
    let words: Vec<Vec<String>> = variants.iter().map(|v| camel_words(v)).collect();
    let shared = |pick: fn(&Vec<String>) -> Option<&String>| {
        let first = pick(&words[0]);
        first.is_some() && words.iter().all(|w| pick(w) == first && w.len() > 1)
    };
    shared(|w| w.first()) || shared(|w| w.last())
}

fn camel_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in name.chars() {
        if (c.is_uppercase() || c == '_') && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        if c != '_' {
            current.push(c);
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names() {
        assert_eq!(field_name("createdAt"), "created_at");
        assert_eq!(field_name("x-trace-id"), "x_trace_id");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("Self"), "self_");
        assert_eq!(field_name("crate"), "crate_");
        assert_eq!(field_name("2fa"), "_2fa");
        assert_eq!(field_name("$"), "field");
        assert_eq!(field_name("userID"), "user_id");
        assert_eq!(field_name("already_snake"), "already_snake");
    }

    #[test]
    fn variants_follow_reason_phrases() {
        assert_eq!(variant_name(400), "BadRequest");
        assert_eq!(variant_name(409), "Conflict");
        assert_eq!(variant_name(413), "PayloadTooLarge");
        assert_eq!(variant_name(418), "ImATeapot");
        assert_eq!(variant_name(422), "UnprocessableEntity");
        assert_eq!(variant_name(423), "Locked");
        assert_eq!(variant_name(429), "TooManyRequests");
        assert_eq!(variant_name(499), "Status499");
    }

    #[test]
    fn operation_names() {
        let cases = [
            (Method::Post, "/api/users", "create_user"),
            (Method::Get, "/api/users/:id", "get_user"),
            (Method::Get, "/api/users", "list_users"),
            (Method::Get, "/api/todos?status=open", "list_todos"),
            (Method::Patch, "/api/todos/{todoId}", "update_todo"),
            (Method::Put, "/api/todos/{todoId}", "update_todo"),
            (Method::Delete, "/api/todos/:id", "delete_todo"),
            (Method::Post, "/api/auth/login", "login"),
            (Method::Post, "/api/imports", "create_import"),
            (Method::Get, "/api/imports/:importId", "get_import"),
            (Method::Post, "/api/endpoint", "endpoint"),
            (
                Method::Get,
                "/api/v1/posts/:postId/comments",
                "list_post_comments",
            ),
            (
                Method::Post,
                "/posts/:postId/comments",
                "create_post_comment",
            ),
            (Method::Post, "/users/:id/activate", "activate_user"),
            (Method::Get, "/me", "get_me"),
            (Method::Get, "/", "get_root"),
            (Method::Delete, "/api/sessions", "delete_sessions"),
            (Method::Get, "/api/categories/:id", "get_category"),
            (Method::Get, "/api/line-items", "list_line_items"),
            (Method::Head, "/api/health", "head_health"),
        ];
        for (method, path, expected) in cases {
            assert_eq!(operation_name(method, path), expected, "{method} {path}");
        }
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("todos"), "todo");
        assert_eq!(singular("categories"), "category");
        assert_eq!(singular("addresses"), "address");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("status"), "status");
        assert_eq!(singular("line_items"), "line_item");
    }

    #[test]
    fn pascal_and_module_names() {
        assert_eq!(pascal("create_user"), "CreateUser");
        assert_eq!(pascal("x-trace-id"), "XTraceId");
        assert_eq!(pascal("self"), "Self_");
        assert_eq!(module("userService"), "user_service");
        assert_eq!(module("mod"), "mod_");
        assert_eq!(module("[endpoint]"), "endpoint");
    }

    #[test]
    fn singulars_of_type_names() {
        assert_eq!(singular_of("Items").as_deref(), Some("Item"));
        assert_eq!(singular_of("Errors").as_deref(), Some("Error"));
        assert_eq!(singular_of("Categories").as_deref(), Some("Category"));
        assert_eq!(singular_of("Addresses").as_deref(), Some("Address"));
        assert_eq!(singular_of("Status"), None);
        assert_eq!(singular_of("Data"), None);
        assert_eq!(singular_of("Address"), None);
    }

    #[test]
    fn variants_are_unique_and_readable() {
        let values = ["open", "in-progress", "in progress", "1", ""].map(String::from);
        assert_eq!(
            enum_variants(&values),
            ["Open", "InProgress", "InProgress2", "V1", "Empty"]
        );
    }

    #[test]
    fn shared_affixes_are_detected() {
        let v = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(variants_share_affix(&v(&[
            "InProgress",
            "InReview",
            "InTest"
        ])));
        assert!(variants_share_affix(&v(&[
            "CsvFile", "JsonFile", "XmlFile"
        ])));
        assert!(!variants_share_affix(&v(&["Queued", "Running", "Done"])));
        assert!(!variants_share_affix(&v(&["InProgress", "Done", "InTest"])));
    }
}
