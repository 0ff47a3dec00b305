// `path-param-mismatch.md` from the corpus: the contract's own diagnostics, and nothing else.
use axum::Json;
use axum::extract::Path;
use contract::contract;

#[contract("issues/invalid/path-param-mismatch.md")]
pub async fn update_shelf_book(
    Path((shelf_id, book_id)): Path<(String, String)>,
    Json(request): Json<UpdateShelfBookRequest>,
) -> Result<Json<UpdateShelfBookResponse>, UpdateShelfBookError> {
    let _ = (shelf_id, book_id, request);
    Err(UpdateShelfBookError::NotFound)
}

fn main() {}
