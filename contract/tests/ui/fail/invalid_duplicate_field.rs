// `duplicate-field.md` from the corpus: the contract's own diagnostics, and nothing else.
use axum::Json;
use contract::contract;

#[contract("issues/invalid/duplicate-field.md")]
pub async fn create_shelf(
    Json(request): Json<CreateShelfRequest>,
) -> Result<Json<CreateShelfResponse>, CreateShelfError> {
    let _ = request;
    Err(CreateShelfError::BadRequest)
}

fn main() {}
