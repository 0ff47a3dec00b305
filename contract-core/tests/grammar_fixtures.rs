//! Whole issues in spellings other than the seed's, written the way other teams write them: each
//! must check into the model whose canonical rendering is given here, written by hand.

mod common;

use common::fixture;
use contract_core::{Source, load_sources, render};

#[test]
fn heading_style_json_example_with_a_bulleted_error_list() {
    let contracts = load_sources(&[fixture("heading-style.md")]).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(
        render::contract_block(&contracts[0]),
        "POST /api/v1/sessions\n\
         Request: { email: string, password: string, remember: boolean }\n\
         Response (201): { token: string, expiresIn: integer, user: { id: string, roles: string[] } }\n\
         Errors: { 400: \"Bad request\", 401: \"Invalid credentials\" }\n"
    );
    assert_eq!(contracts[0].endpoints[0].name, "create_session");
}

#[test]
fn typescript_definitions_in_another_block_resolve_references() {
    let contracts =
        load_sources(&[fixture("typed-references.md")]).unwrap_or_else(|d| panic!("{d}"));
    let contract = &contracts[0];
    assert_eq!(
        render::contract_block(contract),
        "POST /api/games\n\
         Headers: { Authorization: \"Bearer <token>\" }\n\
         Response (201): { id: string, state: GameState }\n\
         Errors: { 401: \"Unauthorized\" }\n\
         \n\
         POST /api/games/{gameId}/moves\n\
         Headers: { Authorization: \"Bearer <token>\" }\n\
         Request: Move\n\
         Response: { state: GameState, history: Move[], player: Player }\n\
         Errors: { 401: \"Unauthorized\", 404: \"Game not found\", 409: \"Not your turn\" }\n\
         \n\
         GET /api/games\n\
         Query: { finished?: boolean, page?: integer }\n\
         Response: { id: string, state: GameState }[]\n\
         \n\
         type GameState = { board: string[], turn: \"x\" | \"o\", winner?: \"x\" | \"o\" | null }\n\
         \n\
         type Move = { row: integer, col: integer }\n"
    );
    let names: Vec<_> = contract.endpoints.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["create_game", "create_game_move", "list_games"]);
    let external: Vec<_> = contract
        .types
        .iter()
        .filter(|t| t.definition.is_none())
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(external, ["Player"]);
}

#[test]
fn crlf_issue_reads_like_lf() {
    let lf = fixture("heading-style.md");
    let crlf = Source::new("crlf.md", lf.text().replace('\n', "\r\n"));
    let lf = load_sources(&[lf]).unwrap();
    let crlf = load_sources(&[crlf]).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(
        render::contract_block(&crlf[0]),
        render::contract_block(&lf[0])
    );
}

#[test]
fn a_type_defined_in_one_issue_resolves_a_reference_in_another() {
    let user = Source::new(
        "user.md",
        "**API Contract:**\n```\nGET /api/me\nResponse: User\n```\n",
    );
    let model = Source::new(
        "model.md",
        "```ts\ninterface User { id: string }\n```\n\n**API Contract:**\n```\nGET /api/users\nResponse: User[]\n```\n",
    );
    let contracts = load_sources(&[user, model]).unwrap_or_else(|d| panic!("{d}"));
    let user_type = &contracts[0].types[0];
    assert_eq!(user_type.name, "User");
    assert_eq!(user_type.defined_at.as_deref(), Some("model.md:2:11"));
}

#[test]
fn endpoints_named_by_headings_with_their_blocks_below() {
    let contracts =
        load_sources(&[fixture("method-headings.md")]).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(
        render::contract_block(&contracts[0]),
        "POST /api/auth/login\n\
         Request: { email: string, password: string }\n\
         Response: { token: string, expiresIn: integer }\n\
         Errors: { 401: \"Invalid credentials\" }\n\
         \n\
         DELETE /api/auth/session\n\
         Headers: { Authorization: \"Bearer <token>\" }\n\
         Response: 204\n"
    );
    assert_eq!(contracts[0].endpoints[0].at.line, 5);
}
