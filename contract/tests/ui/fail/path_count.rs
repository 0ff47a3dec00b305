use axum::extract::Path;
use contract::{BearerToken, NoContent, contract};

pub struct Member {}
pub struct Card {}

#[contract("issues/boards.md", endpoint = "DELETE /api/boards/:boardId/cards/:cardId")]
pub async fn delete_card(
    Path(card_id): Path<String>,
    token: BearerToken,
) -> Result<NoContent, DeleteCardError> {
    let _ = (card_id, token);
    Err(DeleteCardError::NotFound)
}

fn main() {}
