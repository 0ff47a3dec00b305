//! Stage 4, expand: checked [`Contract`](crate::model::Contract)s -> the Rust files of a crate
//! that serves them.
//!
//! Pure: [`plan`](fn@plan) returns every file with its contents and who owns it; writing them
//! (and never overwriting what a person owns) is the CLI's job. The whole module needs the `cli`
//! feature. What it shares with `#[contract]` (an endpoint's types, error enum, success wrapper
//! and their names) is [`crate::codegen`]'s; for [`HandlerStyle::Expanded`] it writes out what
//! [`crate::attribute`] expands to, which uses nothing of this module. Each artifact has its own
//! module, each turning the model into tokens, formatted by [`format`](mod@format):
//!
//! | file | module | owner |
//! | --- | --- | --- |
//! | `src/routes/<module>.rs`: `#[contract]` handlers (or, [`HandlerStyle::Expanded`], what the attribute expands to: serde types, error enums) | [`route_module`], [`handler`] | generated |
//! | `src/routes/mod.rs`: `router()` | [`router`] | generated |
//! | `src/services/mod.rs`, `src/services/<module>/mod.rs` | [`service`] | generated |
//! | `src/services/<module>/<operation>.rs`: the business logic | [`service`] | user |
//! | `src/models/mod.rs`, `src/models/<model>.rs` | [`models`] | generated, user |
//! | `src/state.rs`; for a new crate `Cargo.toml`, `src/lib.rs`, `src/main.rs` | [`crate_files`] | user |
//! | `tests/`: tests from the contract, by [`test_files::plan_tests`] | [`test_files`], [`test_cases`], [`test_skeletons`], [`test_support`], [`test_append`], [`samples`] | generated, user |
//!
//! Module names come from the issues' Code to Create ([`layout`]), or [`crate::naming`]'s rules. The runtime the handlers share (error body, bearer token, fallbacks) is
//! the `contract` crate's `runtime` module, which every generated crate depends on: one copy of it,
//! not one per crate.

pub mod crate_files;
pub mod format;
pub mod handler;
pub mod layout;
pub mod models;
pub mod pattern_sample;
pub mod plan;
pub mod route_module;
pub mod router;
pub mod samples;
pub mod service;
pub mod test_append;
pub mod test_cases;
pub mod test_contract;
pub mod test_files;
pub mod test_skeletons;
pub mod test_support;

pub use format::same_code;
pub(crate) use plan::generated_header;
pub use plan::{
    GENERATED_MARKER, HandlerStyle, Ownership, PlanOptions, PlannedFile, file_name, plan,
};
