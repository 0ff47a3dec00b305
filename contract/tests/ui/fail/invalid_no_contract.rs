// `no-contract.md` from the corpus: the contract's own diagnostics, and nothing else.
use axum::Json;
use contract::contract;

#[contract("issues/invalid/no-contract.md")]
pub async fn reindex_catalogue(
    Json(request): Json<ReindexCatalogueRequest>,
) -> Result<Json<ReindexCatalogueResponse>, ReindexCatalogueError> {
    let _ = request;
    Err(ReindexCatalogueError::BadRequest)
}

fn main() {}
