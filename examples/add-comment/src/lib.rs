//! The usage of issue 5 exactly as written: a handler tied to `issues/add-comment.md` by
//! `#[contract]`, mounted by `routes!`. There are no posts yet, so every comment is refused with
//! the contract's 404.

use axum::{Json, extract::Path};
use contract::{contract, routes};

/// Adds a comment to a post.
#[contract("issues/add-comment.md")]
pub async fn add_comment(
    Path(post_id): Path<String>,
    Json(req): Json<AddCommentRequest>,
) -> Result<Json<AddCommentResponse>, AddCommentError> {
    let _ = (post_id, req);
    Err(AddCommentError::NotFound)
}

/// The API: `POST /api/posts/{postId}/comments`, from the contract.
pub fn app() -> axum::Router {
    routes![add_comment]
}
