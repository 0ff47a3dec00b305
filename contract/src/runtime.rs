//! What the code `#[contract]` generates shares: the JSON error body every error answers with, the
//! bearer-token extractor, the 404/405 fallbacks, and the return types that set a success status
//! other than 200.
//!
//! The error body, for every status and every endpoint:
//!
//! ```json
//! {"success": false, "error": {"status": 409, "message": "Email already registered", "detail": "..."}}
//! ```
//!
//! `message` is the contract's message for the status; `detail` is present only when there is more
//! to say, such as why a request body could not be read.
//!
//! This module is the one copy of this code: crates that use the attribute and crates written from
//! `cargo xtask scaffold --expand` output both call it here (the latter with the `contract` crate's
//! `macros` feature off).

use axum::Json;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::Visitor;
use serde::{Deserialize, Deserializer, Serialize};

/// The JSON body of every error answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// Always `false`.
    pub success: bool,
    /// What went wrong.
    pub error: ErrorInfo,
}

/// What went wrong: the status, the contract's message, and an optional detail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// The HTTP status, repeated for clients that only keep the body.
    pub status: u16,
    /// The contract's message for the status.
    pub message: String,
    /// More about this occurrence; left out when there is nothing to add.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Answers a path no route serves: 404 with the error body, like every other error.
pub async fn not_found() -> Response {
    error_response(StatusCode::NOT_FOUND, "Not found", None)
}

/// Answers a method the path does not serve: 405 with the error body (axum adds `Allow`).
pub async fn method_not_allowed() -> Response {
    error_response(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed", None)
}

/// Answers with `status` and the [`ErrorBody`] for `message` and `detail`.
pub fn error_response(status: StatusCode, message: &str, detail: Option<&str>) -> Response {
    let body = ErrorBody {
        success: false,
        error: ErrorInfo {
            status: status.as_u16(),
            message: message.to_owned(),
            detail: detail.map(str::to_owned),
        },
    };
    (status, Json(body)).into_response()
}

/// Writes an error as every error enum `#[contract]` defines displays itself: the message, then
/// `: detail` when there is one.
pub fn write_error(
    f: &mut std::fmt::Formatter<'_>,
    message: &str,
    detail: Option<&str>,
) -> std::fmt::Result {
    f.write_str(message)?;
    match detail {
        Some(detail) => write!(f, ": {detail}"),
        None => Ok(()),
    }
}

/// The token of an `Authorization: Bearer <token>` header. Whether it is valid is for the handler
/// to decide.
#[derive(Clone, PartialEq, Eq)]
pub struct BearerToken(pub String);

/// Leaves the token out: tokens are secrets, and debug output ends up in logs.
impl std::fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BearerToken(..)")
    }
}

/// Why a request has no usable bearer token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BearerRejection {
    /// No `Authorization` header.
    Missing,
    /// An `Authorization` header that is not `Bearer <token>`.
    Malformed,
}

impl BearerRejection {
    /// What was wrong, for the error body's `detail`.
    pub fn body_text(&self) -> String {
        match self {
            Self::Missing => "Missing `Authorization: Bearer <token>` header".to_owned(),
            Self::Malformed => {
                "Malformed `Authorization` header: expected `Bearer <token>`".to_owned()
            }
        }
    }
}

impl IntoResponse for BearerRejection {
    fn into_response(self) -> Response {
        error_response(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            Some(&self.body_text()),
        )
    }
}

impl<S: Send + Sync> FromRequestParts<S> for BearerToken {
    type Rejection = BearerRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .ok_or(BearerRejection::Missing)?;
        let value = value.to_str().map_err(|_| BearerRejection::Malformed)?;
        let (scheme, token) = value.split_once(' ').ok_or(BearerRejection::Malformed)?;
        let token = token.trim();
        if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() {
            return Err(BearerRejection::Malformed);
        }
        Ok(Self(token.to_owned()))
    }
}

/// Reads a struct only from a JSON object. serde's derived structs also read an array of their
/// fields in order (`[null, null]`), which is not what a contract's object is; the request types
/// `#[contract]` defines read themselves through this (`#[serde(remote = "Self")]` on the derive, and a `Deserialize` that calls it through
/// `ObjectOnly`).
pub struct ObjectOnly<D>(pub D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// Reads an optional field the contract does not let be `null` (`name?: string`): with
/// `#[serde(default)]`, an absent field is `None`, and `null` is refused as the wrong type, as
/// the OpenAPI document says.
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// A `201 Created` answer with a JSON body: what a handler returns when its contract says
/// `Response (201): {...}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Created<T>(pub T);

impl<T: Serialize> IntoResponse for Created<T> {
    fn into_response(self) -> Response {
        (StatusCode::CREATED, Json(self.0)).into_response()
    }
}

/// A `202 Accepted` answer with a JSON body: what a handler returns when its contract says
/// `Response 202: {...}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Accepted<T>(pub T);

impl<T: Serialize> IntoResponse for Accepted<T> {
    fn into_response(self) -> Response {
        (StatusCode::ACCEPTED, Json(self.0)).into_response()
    }
}

/// A `204 No Content` answer: what a handler returns when its contract says `Response: 204`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoContent;

impl IntoResponse for NoContent {
    fn into_response(self) -> Response {
        StatusCode::NO_CONTENT.into_response()
    }
}

/// Any other success status: `WithStatus<203, Json<T>>` answers 203 with `T` as JSON,
/// `WithStatus<201, ()>` 201 without a body. 200, 201, 202 and 204 have the shorter forms
/// `Json<T>` (or `()`), [`Created`], [`Accepted`] and [`NoContent`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WithStatus<const STATUS: u16, T>(pub T);

impl<const STATUS: u16, T: IntoResponse> IntoResponse for WithStatus<STATUS, T> {
    fn into_response(self) -> Response {
        // `#[contract]` only lets a status the contract checked (1xx to 3xx) reach here.
        let status = StatusCode::from_u16(STATUS).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, self.0).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn token(header: Option<&str>) -> Result<BearerToken, BearerRejection> {
        let mut request = axum::http::Request::builder();
        if let Some(value) = header {
            request = request.header(header::AUTHORIZATION, value);
        }
        let (mut parts, ()) = request.body(()).unwrap().into_parts();
        BearerToken::from_request_parts(&mut parts, &()).await
    }

    #[tokio::test]
    async fn bearer_tokens() {
        assert_eq!(
            token(Some("Bearer abc")).await,
            Ok(BearerToken("abc".into()))
        );
        assert_eq!(
            token(Some("bearer  abc ")).await,
            Ok(BearerToken("abc".into()))
        );
        assert_eq!(token(None).await, Err(BearerRejection::Missing));
        assert_eq!(
            token(Some("Basic abc")).await,
            Err(BearerRejection::Malformed)
        );
        assert_eq!(
            token(Some("Bearer ")).await,
            Err(BearerRejection::Malformed)
        );
        assert_eq!(
            format!("{:?}", BearerToken("secret".into())),
            "BearerToken(..)"
        );
    }

    #[test]
    fn statuses() {
        assert_eq!(Created(1).into_response().status(), StatusCode::CREATED);
        assert_eq!(Accepted(1).into_response().status(), StatusCode::ACCEPTED);
        assert_eq!(NoContent.into_response().status(), StatusCode::NO_CONTENT);
        let response = WithStatus::<203, _>(Json(1)).into_response();
        assert_eq!(response.status().as_u16(), 203);
        let response = error_response(StatusCode::CONFLICT, "Taken", Some("ada"));
        assert_eq!(response.status(), StatusCode::CONFLICT);
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(remote = "Self")]
    struct Patch {
        #[serde(default, deserialize_with = "present")]
        title: Option<String>,
        #[serde(default)]
        note: Option<String>,
    }

    impl<'de> Deserialize<'de> for Patch {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Patch::deserialize(ObjectOnly(deserializer))
        }
    }

    #[test]
    fn objects_only_from_objects_and_no_null_where_none_is_allowed() {
        let read = |json: &str| serde_json::from_str::<Patch>(json).map_err(|e| e.to_string());
        let patch = |title: Option<&str>| Patch {
            title: title.map(str::to_owned),
            note: None,
        };
        assert_eq!(read("{}"), Ok(patch(None)));
        assert_eq!(
            read(r#"{"title": "x", "note": null}"#),
            Ok(patch(Some("x")))
        );
        let array = read("[null, null]").unwrap_err();
        assert!(array.contains("invalid type: sequence"), "{array}");
        let null = read(r#"{"title": null}"#).unwrap_err();
        assert!(null.contains("invalid type: null"), "{null}");
    }

    #[test]
    fn error_text() {
        struct Shown(Option<&'static str>);
        impl std::fmt::Display for Shown {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write_error(f, "Email already registered", self.0)
            }
        }
        assert_eq!(Shown(None).to_string(), "Email already registered");
        assert_eq!(
            Shown(Some("ada@example.com")).to_string(),
            "Email already registered: ada@example.com"
        );
    }
}
