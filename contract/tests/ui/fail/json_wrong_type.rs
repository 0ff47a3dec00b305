use axum::{Json, extract::Path};
use contract::contract;

pub struct Comment {}

#[contract("issues/add-comment.md")]
pub async fn add_comment(
    Path(post_id): Path<String>,
    Json(req): Json<Comment>,
) -> Result<Json<AddCommentResponse>, AddCommentError> {
    let _ = (post_id, req);
    Err(AddCommentError::NotFound)
}

fn main() {}
