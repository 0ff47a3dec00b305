//! The tests of every endpoint, as one test binary (`cargo test --test endpoints`): it builds
//! and links once, however many endpoints the issues give.
//!
//! Yours: `cargo xtask scaffold` created this file, and later runs only append the `mod` lines it
//! lacks. Declare your own test modules here too: each file directly in `tests/` would be a test
//! binary of its own, built and linked again on every change.

/// Builds the app the tests send their requests to. Yours, in `tests/common/` where any test
/// binary can share it.
#[path = "../common/mod.rs"]
mod common;
/// The tests the contracts alone decide, generated.
mod contract;
/// The request builder and checks the tests share, generated.
mod support;

mod create_todo;
mod delete_todo;
mod get_todo;
mod list_todos;
mod update_todo;
