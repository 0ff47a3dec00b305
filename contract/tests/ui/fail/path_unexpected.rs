use axum::{Json, extract::Path};
use contract::contract;

#[contract("issues/valid/01-add-book.md")]
pub async fn create_book(
    Path(id): Path<String>,
    Json(request): Json<CreateBookRequest>,
) -> Result<Json<CreateBookResponse>, CreateBookError> {
    let _ = (id, request);
    Err(CreateBookError::Conflict)
}

fn main() {}
