//! `POST /api/todos`, from `create-todo.md`.
//!
//! Yours to write: `cargo xtask scaffold` created this file once and never overwrites it.

use crate::routes::todos::{CreateTodoError, CreateTodoRequest, CreateTodoResponse};
use crate::state::AppState;
use crate::store::{self, TitleError, Todo};

/// Let a client add a todo with a title and optional tags.
///
/// # Business logic
///
/// - [x] The title is trimmed and must be 1 to 200 characters, otherwise 400
/// - [x] Titles are unique, ignoring case: a second todo with the same title gives 409
/// - [x] A new todo is not done, and gets a fresh UUID and the creation time
///
/// # Errors
///
/// Answer with a [`CreateTodoError`]:
///
/// - `BadRequest` (400): "Invalid todo"
/// - `Conflict` (409): "A todo with this title already exists"
pub async fn create_todo(
    state: &AppState,
    request: CreateTodoRequest,
) -> Result<CreateTodoResponse, CreateTodoError> {
    // One write lock for the check and the insert, so two requests cannot both take a title.
    let mut store = state.write();
    let title = store
        .check_title(&request.title, None)
        .map_err(|error| match error {
            TitleError::Invalid(detail) => CreateTodoError::BadRequest.with_detail(detail),
            TitleError::Taken(detail) => CreateTodoError::Conflict.with_detail(detail),
        })?;
    let todo = Todo {
        id: store::new_id(),
        title,
        done: false,
        tags: request.tags.unwrap_or_default(),
        created_at: store::now(),
    };
    let data = (&todo).into();
    store.insert(todo);
    Ok(CreateTodoResponse {
        success: true,
        data,
    })
}
