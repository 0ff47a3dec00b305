use axum::{Json, extract::Path};
use contract::contract;

#[contract("issues/valid/02-get-book.md")]
pub async fn get_book(
    Path(id): Path<String>,
    Json(body): Json<serde_json::Value>,
) -> Result<Json<GetBookResponse>, GetBookError> {
    let _ = (id, body);
    Err(GetBookError::NotFound)
}

fn main() {}
