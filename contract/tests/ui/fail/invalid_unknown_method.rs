// `unknown-method.md` from the shared corpus: the contract's own diagnostics, and nothing else.
use axum::Json;
use contract::contract;

#[contract("issues/invalid/unknown-method.md")]
pub async fn create_tag(
    Json(request): Json<CreateTagRequest>,
) -> Result<Json<CreateTagResponse>, CreateTagError> {
    let _ = request;
    Err(CreateTagError::BadRequest)
}

fn main() {}
