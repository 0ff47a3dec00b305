//! `PATCH /api/todos/:id`, from `update-todo.md`.
//!
//! Yours to write: `cargo xtask scaffold` created this file once and never overwrites it.

use crate::routes::todos::{UpdateTodoError, UpdateTodoRequest, UpdateTodoResponse};
use crate::state::AppState;
use crate::store::TitleError;

/// Change a todo's title, completion or tags; fields left out keep their values.
///
/// # Business logic
///
/// - [x] A request without any field changes nothing and answers the todo as it is
/// - [x] A new title follows the rules of creation: 1 to 200 characters after trimming, unique
///   ignoring case
///
/// # Errors
///
/// Answer with a [`UpdateTodoError`]:
///
/// - `BadRequest` (400): "Invalid update"
/// - `NotFound` (404): "Todo not found"
/// - `Conflict` (409): "A todo with this title already exists"
pub async fn update_todo(
    state: &AppState,
    id: String,
    request: UpdateTodoRequest,
) -> Result<UpdateTodoResponse, UpdateTodoError> {
    // A request without any field is a change of nothing, as in a JSON merge patch: it answers
    // the todo as it is.
    let UpdateTodoRequest { title, done, tags } = request;
    // One write lock for the checks and the change, so a title checked as free stays free.
    let mut store = state.write();
    if store.get(&id).is_none() {
        return Err(UpdateTodoError::NotFound.with_detail(format!("no todo has the id {id:?}")));
    }
    // Checked before anything changes, so a refused update changes nothing.
    let title =
        match title {
            Some(title) => Some(store.check_title(&title, Some(&id)).map_err(
                |error| match error {
                    TitleError::Invalid(detail) => UpdateTodoError::BadRequest.with_detail(detail),
                    TitleError::Taken(detail) => UpdateTodoError::Conflict.with_detail(detail),
                },
            )?),
            None => None,
        };
    let todo = store
        .get_mut(&id)
        .expect("the todo was found under this lock");
    if let Some(title) = title {
        todo.title = title;
    }
    if let Some(done) = done {
        todo.done = done;
    }
    if let Some(tags) = tags {
        todo.tags = tags;
    }
    Ok(UpdateTodoResponse {
        success: true,
        data: (&*todo).into(),
    })
}
