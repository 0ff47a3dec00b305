use axum::{Json, extract::Path};
use contract::contract;

#[contract("issues/valid/01-create-user.md")]
pub async fn create_user(
    Path(id): Path<String>,
    Json(request): Json<CreateUserRequest>,
) -> Result<Json<CreateUserResponse>, CreateUserError> {
    let _ = (id, request);
    Err(CreateUserError::Conflict)
}

fn main() {}
