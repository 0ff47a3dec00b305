// The handler must read everything its contract sends: here the query and the bearer token.
use axum::extract::Path;
use axum::Json;
use contract::contract;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Member {}
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Card {}

#[contract("issues/boards.md", endpoint = "POST /api/boards/:boardId/cards")]
pub async fn add_card(
    Path(board_id): Path<String>,
    Json(card): Json<AddCardRequest>,
) -> Result<contract::Created<AddCardResponse>, AddCardError> {
    let _ = (board_id, card);
    Err(AddCardError::UnprocessableEntity)
}

fn main() {}
