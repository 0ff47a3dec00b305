use axum::Json;
use contract::contract;

#[contract("issues/valid/02-get-user.md")]
pub async fn get_user() -> Result<Json<GetUserResponse>, GetUserError> {
    Err(GetUserError::NotFound)
}

fn main() {}
