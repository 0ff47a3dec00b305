// The issue's own example with the `Json` parameter dropped.
use axum::{Json, extract::Path};
use contract::contract;

#[contract("issues/add-comment.md")]
pub async fn add_comment(
    Path(post_id): Path<String>,
) -> Result<Json<AddCommentResponse>, AddCommentError> {
    let _ = post_id;
    Err(AddCommentError::NotFound)
}

fn main() {}
