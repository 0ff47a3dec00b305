use axum::Json;
use contract::contract;

#[contract("issues/no-such-issue.md")]
pub async fn create_thing(
    Json(request): Json<CreateThingRequest>,
) -> Result<Json<CreateThingResponse>, CreateThingError> {
    let _ = request;
    Err(CreateThingError::Conflict)
}

fn main() {}
