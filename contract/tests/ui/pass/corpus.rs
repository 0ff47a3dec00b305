//! Every valid issue of the shared corpus, and the fixture beyond it, under `#[contract]`: the
//! types, the return form of each status, state, the bearer token, and `routes!` mounting them all
//! (two contracts name the parameter of `/api/todos/...` differently; the router reconciles them).

use axum::Json;
use axum::extract::{Path, Query, State};
use contract::{Accepted, BearerToken, Created, NoContent, contract, routes};

#[derive(Clone, Default)]
pub struct AppState {
    pub greeting: &'static str,
}

#[contract("issues/valid/00-seed-template.md")]
pub async fn endpoint(
    Json(request): Json<EndpointRequest>,
) -> Result<Json<EndpointResponse>, EndpointError> {
    let _: (String, f64) = (request.param1, request.param2);
    Ok(Json(EndpointResponse {
        success: true,
        data: serde_json::json!({}),
    }))
}

#[contract("issues/valid/01-create-user.md")]
pub async fn create_user(
    Json(request): Json<CreateUserRequest>,
) -> Result<Json<CreateUserResponse>, CreateUserError> {
    if request.email.is_empty() {
        return Err(CreateUserError::BadRequest.with_detail("email is empty"));
    }
    Err(CreateUserError::Conflict)
}

#[contract("issues/valid/02-get-user.md")]
pub async fn get_user(Path(id): Path<String>) -> Result<Json<GetUserResponse>, GetUserError> {
    Ok(Json(GetUserResponse {
        success: true,
        data: GetUserResponseData {
            id,
            email: "ada@example.com".into(),
            name: "Ada".into(),
            age: None,
        },
    }))
}

#[contract("issues/valid/03-list-todos.md")]
pub async fn list_todos(
    Query(query): Query<ListTodosQuery>,
) -> Result<Json<ListTodosResponse>, ListTodosError> {
    let _: Option<ListTodosQueryStatus> = query.status;
    Err(ListTodosError::Unauthorized)
}

#[contract("issues/valid/04-update-todo.md")]
pub async fn update_todo(
    Path(todo_id): Path<String>,
    token: BearerToken,
    Json(patch): Json<UpdateTodoRequest>,
) -> Result<Json<UpdateTodoResponse>, UpdateTodoError> {
    let _ = (todo_id, token, patch.title);
    Err(UpdateTodoError::Forbidden)
}

#[contract("issues/valid/05-delete-todo.md")]
pub async fn delete_todo(
    Path(id): Path<String>,
    token: BearerToken,
) -> Result<NoContent, DeleteTodoError> {
    let _ = (id, token);
    Ok(NoContent)
}

#[contract("issues/valid/06-login.md")]
pub async fn login(Json(credentials): Json<LoginRequest>) -> Result<Json<LoginResponse>, LoginError> {
    let _ = credentials.remember;
    Err(LoginError::TooManyRequests)
}

#[contract("issues/valid/07-imports.md", endpoint = "POST /api/imports")]
pub async fn create_import(
    State(state): State<AppState>,
    Json(request): Json<CreateImportRequest>,
) -> Result<Accepted<CreateImportResponse>, CreateImportError> {
    let _ = (state.greeting, request.items.len());
    Ok(Accepted(CreateImportResponse {
        success: true,
        data: CreateImportResponseData {
            import_id: "i1".into(),
            accepted: 0,
        },
    }))
}

#[contract("issues/valid/07-imports.md", endpoint = "GET /api/imports/{id}")]
pub async fn get_import(Path(import_id): Path<String>) -> Result<Json<GetImportResponse>, GetImportError> {
    let _ = import_id;
    Err(GetImportError::NotFound)
}

/// The models `boards.md` names; `#[contract]` expects them in scope.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Member {}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Card {
    pub id: String,
}

#[contract("issues/boards.md", endpoint = "POST /api/boards/:boardId/cards")]
pub async fn add_card(
    Path(board_id): Path<String>,
    Query(query): Query<AddCardQuery>,
    token: BearerToken,
    Json(card): Json<AddCardRequest>,
) -> Result<Created<AddCardResponse>, AddCardError> {
    let _ = (board_id, query.dry_run, token, card.owner, card.self_);
    Err(AddCardError::Status499)
}

#[contract("issues/boards.md", endpoint = "GET /api/boards/:boardId/cards")]
pub async fn list_cards(Path(board_id): Path<String>) -> Result<Json<ListCardsResponse>, ListCardsError> {
    let _ = board_id;
    Ok(Json(vec![ListCardsResponseItem {
        id: "c1".into(),
        title: "t".into(),
        tags: vec![],
    }]))
}

#[contract("issues/boards.md", endpoint = "DELETE /api/boards/:boardId/cards/:cardId")]
pub async fn delete_card(
    Path((board_id, card_id)): Path<(String, String)>,
    token: BearerToken,
) -> Result<NoContent, DeleteCardError> {
    let _ = (board_id, card_id, token);
    Err(DeleteCardError::NotFound)
}

fn main() {
    // Building the router is where axum refuses conflicting routes: it must not panic.
    let app: axum::Router = routes![
        endpoint,
        create_user,
        get_user,
        list_todos,
        update_todo,
        delete_todo,
        login,
        create_import,
        get_import,
        add_card,
        list_cards,
        delete_card,
    ]
    .with_state(AppState::default());
    drop(app);
    // And each handler is a plain axum handler.
    let _: axum::routing::MethodRouter = axum::routing::post(create_user);
}
