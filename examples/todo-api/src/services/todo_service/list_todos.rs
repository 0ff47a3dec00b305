//! `GET /api/todos`, from `list-todos.md`.
//!
//! Yours to write: `cargo xtask scaffold` created this file once and never overwrites it.

use crate::routes::todos::{
    ListTodosError, ListTodosQuery, ListTodosResponse, ListTodosResponseData,
};
use crate::state::AppState;

/// The page size when the query gives none.
pub const DEFAULT_LIMIT: i64 = 20;
/// The largest page size a query may ask for.
pub const MAX_LIMIT: i64 = 100;

/// List todos, oldest first, filtered by completion and tag, a page at a time.
///
/// # Business logic
///
/// - [x] `page` starts at 1 and `limit` defaults to 20; `limit` above 100 or below 1, or `page`
///   below 1, gives 400
/// - [x] `total` counts every todo that matches the filters, not only the page
///
/// # Errors
///
/// Answer with a [`ListTodosError`]:
///
/// - `BadRequest` (400): "Invalid query"
pub async fn list_todos(
    state: &AppState,
    query: ListTodosQuery,
) -> Result<ListTodosResponse, ListTodosError> {
    let page = query.page.unwrap_or(1);
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if page < 1 {
        return Err(
            ListTodosError::BadRequest.with_detail(format!("page is {page}; pages start at 1"))
        );
    }
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ListTodosError::BadRequest
            .with_detail(format!("limit is {limit}; it must be 1 to {MAX_LIMIT}")));
    }

    let store = state.read();
    let matches: Vec<_> = store
        .todos()
        .iter()
        .filter(|todo| query.done.is_none_or(|done| todo.done == done))
        .filter(|todo| query.tag.as_ref().is_none_or(|tag| todo.tags.contains(tag)))
        .collect();
    // Both are at least 1, so `skip` only saturates for pages far past the end, which are empty.
    let skip = usize::try_from((page - 1).saturating_mul(limit)).unwrap_or(usize::MAX);
    let take = usize::try_from(limit).unwrap_or(usize::MAX);
    let items = matches
        .iter()
        .skip(skip)
        .take(take)
        .map(|&todo| todo.into())
        .collect();
    Ok(ListTodosResponse {
        success: true,
        data: ListTodosResponseData {
            items,
            page,
            limit,
            total: i64::try_from(matches.len()).unwrap_or(i64::MAX),
        },
    })
}
