//! The rules a contract can state on a value beyond its JSON shape, each checked by one rule
//! wherever a request is read: the handlers `#[contract]` generates (through the `contract`
//! runtime), `mock`, and the tests scaffold derives.
//!
//! - string formats ([`Format`]): `uuid`, `email`, `url`, `date`;
//! - bounds: a string's length in characters, a number's range, an array's count of items;
//! - a pattern a string must match ([`Pattern`]).
//!
//! [`Violations`] collects every rule a request breaks, each with the place of the value
//! ([`At`]), so the answer names every bad field at once rather than the first.
//!
//! Checked strings rather than typed fields (`uuid::Uuid`, a date-time type): the value stays the
//! text the client sent, a generated crate builds no date or UUID library, and a bad value is
//! reported with the field's name rather than as a deserializer's message. The libraries would
//! cost every cold build: `uuid` and `jiff` with their `serde` features took a crate of `serde`
//! and `serde_json` alone from 12 crates and 4.99 s to 36 crates and 7.35 s, and a scaffolded
//! crate 3 s more (`docs/validation.md` has the figures). Std and `regex-lite` only, so the
//! `contract` runtime and `contract-core` can both depend on it.

mod format;
mod violations;

pub use format::{Format, is_date_time, is_email, is_uri, is_uuid};
pub use violations::{At, Pattern, Violations};
