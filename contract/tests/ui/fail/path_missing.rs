use axum::Json;
use contract::contract;

#[contract("issues/valid/02-get-book.md")]
pub async fn get_book() -> Result<Json<GetBookResponse>, GetBookError> {
    Err(GetBookError::NotFound)
}

fn main() {}
