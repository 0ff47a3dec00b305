// A block with several endpoints: the attribute must say which; a wrong choice lists them.
use axum::extract::Path;
use axum::Json;
use contract::contract;

#[contract("issues/valid/07-catalogue-imports.md")]
pub async fn get_import(
    Path(id): Path<String>,
) -> Result<Json<GetImportResponse>, GetImportError> {
    let _ = id;
    Err(GetImportError::NotFound)
}

#[contract("issues/valid/07-catalogue-imports.md", endpoint = "PUT /api/catalogue/imports/:batchId")]
pub async fn put_import(
    Path(id): Path<String>,
) -> Result<Json<PutImportResponse>, PutImportError> {
    let _ = id;
    Err(PutImportError::NotFound)
}

fn main() {}
