//! `DELETE /api/todos/:id`, from `delete-todo.md`.
//!
//! Yours to write: `cargo xtask scaffold` created this file once and never overwrites it.

use contract::BearerToken;

use crate::routes::todos::DeleteTodoError;
use crate::state::AppState;

/// Delete a todo; only a caller with the service's admin token may.
///
/// # Business logic
///
/// - [x] The token must equal the service's admin token (`TODO_API_TOKEN`, default
///   `dev-token`), otherwise 403
/// - [x] Deleting a todo that does not exist gives 404
///
/// # Errors
///
/// Answer with a [`DeleteTodoError`]:
///
/// - `BadRequest` (400): "Bad request" (answered by the handler)
/// - `Unauthorized` (401): "Missing or malformed token" (answered by the handler)
/// - `Forbidden` (403): "This token may not delete todos"
/// - `NotFound` (404): "Todo not found"
pub async fn delete_todo(
    state: &AppState,
    id: String,
    token: BearerToken,
) -> Result<(), DeleteTodoError> {
    // The token first: a caller who may not delete learns nothing about which ids exist.
    if !constant_time_eq(token.0.as_bytes(), state.admin_token().as_bytes()) {
        return Err(DeleteTodoError::Forbidden);
    }
    state
        .write()
        .remove(&id)
        .map(drop)
        .ok_or_else(|| DeleteTodoError::NotFound.with_detail(format!("no todo has the id {id:?}")))
}

/// Compares without stopping at the first difference, so the time taken does not tell how much
/// of a guessed token was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0, |acc, (x, y)| acc | (x ^ y)) == 0
}
