//! `GET /api/todos/:id`, from `get-todo.md`.
//!
//! Yours to write: `cargo xtask scaffold` created this file once and never overwrites it.

use crate::routes::todos::{GetTodoError, GetTodoResponse};
use crate::state::AppState;

/// Return one todo by its id.
///
/// # Business logic
///
/// - [x] An id that is not a known todo (or not a UUID at all) gives 404
///
/// # Errors
///
/// Answer with a [`GetTodoError`]:
///
/// - `BadRequest` (400): "Bad request" (answered by the handler)
/// - `NotFound` (404): "Todo not found"
pub async fn get_todo(state: &AppState, id: String) -> Result<GetTodoResponse, GetTodoError> {
    let store = state.read();
    let todo = store
        .get(&id)
        .ok_or_else(|| GetTodoError::NotFound.with_detail(format!("no todo has the id {id:?}")))?;
    Ok(GetTodoResponse {
        success: true,
        data: todo.into(),
    })
}
