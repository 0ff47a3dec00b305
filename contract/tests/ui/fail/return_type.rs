// The contract's success form (202 is `Accepted`) and its error enum.
use axum::Json;
use contract::contract;

#[contract("issues/valid/07-catalogue-imports.md", endpoint = "POST /api/catalogue/imports")]
pub async fn create_import(
    Json(request): Json<CreateImportRequest>,
) -> Result<Json<CreateImportResponse>, String> {
    let _ = request;
    Err(String::new())
}

#[contract("issues/valid/05-delete-review.md")]
pub async fn delete_review(
    axum::extract::Path(id): axum::extract::Path<String>,
    token: contract::BearerToken,
) -> axum::http::StatusCode {
    let _ = (id, token);
    axum::http::StatusCode::NO_CONTENT
}

fn main() {}
