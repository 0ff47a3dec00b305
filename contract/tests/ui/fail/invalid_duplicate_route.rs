// `duplicate-route.md` from the corpus: the contract's own diagnostics, and nothing else.
use axum::Json;
use axum::extract::Path;
use contract::contract;

#[contract("issues/invalid/duplicate-route.md", endpoint = "GET /api/shelves/:shelfId")]
pub async fn get_shelf(Path(shelf_id): Path<String>) -> Result<Json<GetShelfResponse>, GetShelfError> {
    let _ = shelf_id;
    Err(GetShelfError::NotFound)
}

fn main() {}
