use axum::{Json, extract::Path};
use contract::contract;

#[contract("issues/add-comment.md")]
pub fn add_comment(
    Path(post_id): Path<String>,
    Json(req): Json<AddCommentRequest>,
) -> Result<Json<AddCommentResponse>, AddCommentError> {
    let _ = (post_id, req);
    Err(AddCommentError::NotFound)
}

fn main() {}
