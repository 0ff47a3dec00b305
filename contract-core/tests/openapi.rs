//! The OpenAPI export: the document for the shared corpus, and the properties tools rely on.

mod common;

use common::{corpus_files, corpus_source, load};
use contract_core::openapi::{Info, document};
use serde_json::{Value, json};

fn corpus_document() -> Value {
    let sources: Vec<_> = corpus_files("valid")
        .iter()
        .map(|name| corpus_source("valid", name))
        .collect();
    document(&load(&sources), &Info::default())
}

#[test]
fn the_corpus_document_is_the_reviewed_one() {
    insta::assert_json_snapshot!("openapi-corpus", corpus_document());
}

#[test]
fn same_contracts_same_bytes() {
    let a = serde_json::to_string(&corpus_document()).unwrap();
    let b = serde_json::to_string(&corpus_document()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn create_user_operation() {
    let doc = corpus_document();
    let op = &doc["paths"]["/api/users"]["post"];
    assert_eq!(op["operationId"], "create_user");
    assert_eq!(op["summary"], "[Backend] Create user account");
    assert_eq!(
        op["requestBody"]["content"]["application/json"]["schema"],
        json!({ "$ref": "#/components/schemas/CreateUserRequest" })
    );
    let request = &doc["components"]["schemas"]["CreateUserRequest"];
    assert_eq!(request["required"], json!(["email", "name"]));
    assert_eq!(request["additionalProperties"], json!(false));
    assert_eq!(
        op["responses"]["409"]["description"],
        "Email already registered"
    );
    assert_eq!(
        op["responses"]["409"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ErrorBody"
    );
    // Nested objects are components named like the Rust types.
    assert_eq!(
        doc["components"]["schemas"]["CreateUserResponse"]["properties"]["data"]["$ref"],
        "#/components/schemas/CreateUserResponseData"
    );
    // No bearer token, no security requirement.
    assert!(op.get("security").is_none());
}

#[test]
fn statuses_types_and_security() {
    let doc = corpus_document();
    let delete = &doc["paths"]["/api/todos/{id}"]["delete"];
    assert_eq!(delete["security"], json!([{ "bearerAuth": [] }]));
    assert!(delete["responses"]["204"].get("content").is_none());
    // 04 names the parameter `todoId` where 05 says `id`: one path, as the router serves it.
    let patch = &doc["paths"]["/api/todos/{id}"]["patch"];
    assert_eq!(patch["operationId"], "update_todo");
    assert_eq!(patch["parameters"][0]["name"], "id");
    assert!(doc["paths"].get("/api/todos/{todoId}").is_none());
    let list = &doc["paths"]["/api/todos"]["get"];
    assert_eq!(
        list["parameters"][0],
        json!({ "name": "status", "in": "query", "required": false,
                "schema": { "type": "string", "enum": ["open", "done"] } })
    );
    let import = &doc["components"]["schemas"]["CreateImportRequest"]["properties"];
    assert_eq!(import["ref"]["type"], json!(["string", "null"]));
    assert_eq!(
        doc["paths"]["/api/imports"]["post"]["responses"]["202"]["description"],
        "Accepted"
    );
    // The handler answers 400 for an unreadable path even where the contract lists no 400.
    let get_import = &doc["paths"]["/api/imports/{importId}"]["get"]["responses"];
    assert_eq!(get_import["400"]["description"], "Bad request");
    assert!(get_import.get("501").is_none());
}
