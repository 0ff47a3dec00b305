//! The OpenAPI export: the document for the corpus, and the properties tools rely on.

mod common;

use common::{corpus_files, corpus_source, fixture, load};
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
fn create_book_operation() {
    let doc = corpus_document();
    let op = &doc["paths"]["/api/books"]["post"];
    assert_eq!(op["operationId"], "create_book");
    assert_eq!(op["summary"], "[Backend] Add a book to the catalogue");
    assert_eq!(
        op["requestBody"]["content"]["application/json"]["schema"],
        json!({ "$ref": "#/components/schemas/CreateBookRequest" })
    );
    let request = &doc["components"]["schemas"]["CreateBookRequest"];
    assert_eq!(request["required"], json!(["isbn", "title"]));
    assert_eq!(
        request["properties"]["edition"],
        json!({ "type": "number", "format": "double" })
    );
    assert_eq!(request["additionalProperties"], json!(false));
    assert_eq!(
        op["responses"]["409"]["description"],
        "ISBN already in the catalogue"
    );
    assert_eq!(
        op["responses"]["409"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ErrorBody"
    );
    // Nested objects are components named like the Rust types.
    assert_eq!(
        doc["components"]["schemas"]["CreateBookResponse"]["properties"]["data"]["$ref"],
        "#/components/schemas/CreateBookResponseData"
    );
    // No bearer token, no security requirement.
    assert!(op.get("security").is_none());
}

#[test]
fn statuses_types_and_security() {
    let doc = corpus_document();
    let delete = &doc["paths"]["/api/reviews/{id}"]["delete"];
    assert_eq!(delete["operationId"], "delete_review");
    assert_eq!(delete["security"], json!([{ "bearerAuth": [] }]));
    assert!(delete["responses"]["204"].get("content").is_none());
    // No router matches an empty segment, so no path parameter may be `""`.
    assert_eq!(
        delete["parameters"][0]["schema"],
        json!({ "type": "string", "minLength": 1 })
    );
    // 16 names the parameter `reviewId` where 05 says `id`: one place of one path, named as the
    // router serves it (the first route in order names it).
    let flag = &doc["paths"]["/api/reviews/{id}/flags"]["post"];
    assert_eq!(flag["operationId"], "create_review_flag");
    assert_eq!(flag["parameters"][0]["name"], "id");
    assert!(doc["paths"].get("/api/reviews/{reviewId}/flags").is_none());
    // 02 `:id`, 10 `{book_id}` and 16 `:bookId` at one place: `bookId` comes first.
    assert_eq!(
        doc["paths"]["/api/books/{bookId}"]["get"]["operationId"],
        "get_book"
    );
    assert_eq!(
        doc["paths"]["/api/books/{bookId}/holds"]["post"]["operationId"],
        "create_book_hold"
    );
    assert!(doc["paths"].get("/api/books/{id}").is_none());
    let list = &doc["paths"]["/api/loans"]["get"];
    assert_eq!(
        list["parameters"][0],
        json!({ "name": "state", "in": "query", "required": false,
                "schema": { "type": "string", "enum": ["active", "returned"] } })
    );
    let import = &doc["components"]["schemas"]["CreateImportRequest"]["properties"];
    assert_eq!(import["batchLabel"]["type"], json!(["string", "null"]));
    assert_eq!(
        doc["paths"]["/api/catalogue/imports"]["post"]["responses"]["202"]["description"],
        "Accepted"
    );
    // The handler answers 400 for an unreadable path even where the contract lists no 400.
    let get_import = &doc["paths"]["/api/catalogue/imports/{batchId}"]["get"]["responses"];
    assert_eq!(get_import["400"]["description"], "Bad request");
    assert!(get_import.get("501").is_none());
    // A status without a reason phrase keeps the contract's message.
    let payment = &doc["paths"]["/api/fines/{fineId}/payments"]["post"]["responses"];
    assert_eq!(
        payment["460"]["description"],
        "Payment method not accepted at this branch"
    );
}

/// Every `$ref` names a component the document has, and no component is only a reference to
/// itself: `interface Review {...}` and `type ReviewDraft = {...}` are object schemas.
#[test]
fn every_reference_resolves_to_a_real_schema() {
    let doc = corpus_document();
    assert_references_resolve(&doc);
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in ["Review", "ReviewDraft"] {
        let schema = &schemas[name];
        assert_eq!(schema["type"], "object", "{name}: {schema}");
        assert!(schema["properties"].is_object(), "{name}: {schema}");
    }
    assert_eq!(
        schemas["Review"]["required"],
        json!(["id", "rating", "headline", "author", "postedAt"])
    );
    assert_eq!(
        schemas["Review"]["properties"]["author"],
        json!({ "$ref": "#/components/schemas/ReviewAuthor" })
    );
    assert_eq!(
        schemas["ReviewDraft"]["required"],
        json!(["rating", "headline"])
    );
    // The type the issue names but never defines is the service's own.
    assert!(schemas["ReviewAuthor"].get("type").is_none());
    assert!(schemas["ReviewAuthor"]["description"].is_string());
}

/// The same with the fixture's `interface Card`, which a response names inside an object.
#[test]
fn the_fixtures_interface_is_an_object_schema_too() {
    let mut sources: Vec<_> = corpus_files("valid")
        .iter()
        .map(|name| corpus_source("valid", name))
        .collect();
    sources.push(fixture("expand/boards.md"));
    let doc = document(&load(&sources), &Info::default());
    assert_references_resolve(&doc);
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["Card"]["type"], "object", "{}", schemas["Card"]);
    assert_eq!(
        schemas["Card"]["required"],
        json!(["id", "title", "state", "owner"])
    );
    assert_eq!(
        schemas["CreateBoardCardResponse"]["properties"]["data"],
        json!({ "$ref": "#/components/schemas/Card" })
    );
    assert!(schemas["Member"]["description"].is_string());
}

/// Every `$ref` of `doc` names a component it has; no component is a reference to itself or
/// left empty.
fn assert_references_resolve(doc: &Value) {
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let mut refs = Vec::new();
    collect_refs(doc, &mut refs);
    assert!(refs.len() > 20, "{refs:?}");
    for reference in &refs {
        let name = reference
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("not a component reference: {reference}"));
        assert!(schemas.contains_key(name), "no component {name}");
    }
    for (name, schema) in schemas {
        let own = format!("#/components/schemas/{name}");
        assert_ne!(
            schema["$ref"],
            json!(own),
            "{name} is only a reference to itself"
        );
        assert!(!schema.is_null(), "{name} was reserved and never filled");
    }
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("$ref", Value::String(reference)) => out.push(reference.clone()),
                    _ => collect_refs(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_refs(item, out)),
        _ => {}
    }
}

#[test]
fn formats_and_bounds_become_json_schema_keywords() {
    let source = contract_core::Source::new(
        "bounds.md",
        "**API Contract:**\n```javascript\nPOST /api/todos?limit=20\n\
         Query: { limit?: integer(1..=100) }\n\
         Request: { title: string(1..=200, /\\S/), tags: string(1..=30)[](..=10), ratio: number(0..=1), owner: email }\n\
         Response: 204\n```\n"
            .to_owned(),
    );
    let doc = document(&load(&[source]), &Info::default());
    let schema = &doc["components"]["schemas"]["CreateTodoRequest"]["properties"];
    assert_eq!(
        schema["title"],
        json!({ "type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S" })
    );
    assert_eq!(
        schema["tags"],
        json!({
            "type": "array",
            "items": { "type": "string", "minLength": 1, "maxLength": 30 },
            "maxItems": 10
        })
    );
    assert_eq!(
        schema["ratio"],
        json!({ "type": "number", "format": "double", "minimum": 0.0, "maximum": 1.0 })
    );
    assert_eq!(
        schema["owner"],
        json!({ "type": "string", "format": "email" })
    );
    let limit = &doc["paths"]["/api/todos"]["post"]["parameters"][0];
    assert_eq!(
        limit["schema"],
        json!({ "type": "integer", "format": "int64", "minimum": 1, "maximum": 100 }),
        "{limit}"
    );
}
