use axum::{Json, extract::Path};
use contract::contract;

#[contract("issues/valid/02-get-user.md")]
pub async fn get_user(
    Path(id): Path<String>,
    Json(body): Json<serde_json::Value>,
) -> Result<Json<GetUserResponse>, GetUserError> {
    let _ = (id, body);
    Err(GetUserError::NotFound)
}

fn main() {}
