//! The state every handler receives and hands to its service: the in-memory store of todos and
//! the admin token that may delete them.
//!
//! Yours to edit: `cargo xtask scaffold` created this file once and never overwrites it.

use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::store::Store;

/// The admin token when `TODO_API_TOKEN` is not set.
pub const DEFAULT_ADMIN_TOKEN: &str = "dev-token";

/// Shared by all requests and cloned for each: the store sits behind an `Arc`, so every clone
/// sees the same todos.
#[derive(Clone)]
pub struct AppState {
    store: Arc<RwLock<Store>>,
    admin_token: Arc<str>,
}

impl AppState {
    /// An empty store, with `admin_token` as the only token that may delete todos.
    pub fn new(admin_token: impl Into<Arc<str>>) -> Self {
        Self {
            store: Arc::default(),
            admin_token: admin_token.into(),
        }
    }

    /// An empty store, with the admin token from `TODO_API_TOKEN` (default `dev-token`).
    pub fn from_env() -> Self {
        let token = std::env::var("TODO_API_TOKEN")
            .ok()
            .filter(|token| !token.is_empty())
            .unwrap_or_else(|| DEFAULT_ADMIN_TOKEN.to_owned());
        Self::new(token)
    }

    /// The token that may delete todos.
    pub fn admin_token(&self) -> &str {
        &self.admin_token
    }

    /// The store, for reading. A lock poisoned by a panicking request is taken over: every
    /// change to the store is complete before anything that could panic.
    pub fn read(&self) -> RwLockReadGuard<'_, Store> {
        self.store
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The store, for changing.
    pub fn write(&self) -> RwLockWriteGuard<'_, Store> {
        self.store
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
