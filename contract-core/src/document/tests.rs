//! The reader as a whole: what `read_document` makes of small documents, and that no text stops
//! it. Each stage's own tests are beside it.

use super::*;

fn statuses(text: &str) -> Vec<Vec<u16>> {
    let source = Source::new("doc.md", text);
    read_document(&source)
        .endpoints
        .into_iter()
        .map(|e| e.statuses.into_iter().map(|s| s.value).collect())
        .collect()
}

#[test]
fn statuses_in_their_positions() {
    let text = "## POST /api/x\n\n\
                Titles are at most 200 characters.\n\n\
                **Response (201)**: the new x\n\n\
                - 409 when it exists\n\
                - `422`: Unprocessable\n\
                - 401/403 without the right token\n\n\
                **Conflict (410)**: gone for good\n";
    assert_eq!(statuses(text), [vec![201, 401, 403, 409, 410, 422]]);
}

#[test]
fn document_error_sections_apply_to_every_endpoint_but_not_their_2xx_rows() {
    let text = "## Errors\n\n| Status | Meaning |\n| --- | --- |\n| 200 | fine |\n| 401 | no token |\n\n\
                ## Endpoints\n\n### GET /a\n\n**Status:** 200\n\n### DELETE /a/:id\n\n- 204 No Content\n";
    assert_eq!(statuses(text), [vec![200, 401], vec![204, 401]]);
}

fn requests(text: &str) -> Vec<Vec<String>> {
    let source = Source::new("doc.md", text);
    read_document(&source)
        .endpoints
        .into_iter()
        .map(|e| match e.request {
            Request::Fields(fields) => fields
                .iter()
                .map(|f| format!("{}{}", f.name.value, if f.optional { "?" } else { "" }))
                .collect(),
            Request::Empty(_) => vec!["(none)".to_owned()],
            Request::Unsaid => vec![],
        })
        .collect()
}

#[test]
fn request_bodies_from_examples_tables_lists_and_lines() {
    let text = "### POST /a\n\n**Request Body:**\n\n\
                ```json\n{ \"title\": \"x\", \"notes\": \"string (optional)\" }\n```\n\n\
                ### PUT /b/{id}\n\n#### Path parameters\n\n\
                | Name | Type |\n| --- | --- |\n| id | string |\n\n\
                #### Request\n\n| Field | Type | Required |\n| --- | --- | --- |\n\
                | `name` | string | Yes |\n| `tags` | string[] | No |\n\n\
                ### GET /c/{id}\n\nNo request body.\n\n\
                - PATCH /d/:id {name, logoUrl?}\n\n\
                ### POST /e\n\n\
                * request body: `volunteerId` (String), `role` (String, optional)\n";
    assert_eq!(
        requests(text),
        [
            vec!["title".to_owned(), "notes?".to_owned()],
            vec!["name".to_owned(), "tags?".to_owned()],
            vec!["(none)".to_owned()],
            vec!["name".to_owned(), "logoUrl?".to_owned()],
            vec!["volunteerId".to_owned(), "role?".to_owned()],
        ]
    );
}

#[test]
fn the_success_body_not_an_error_body() {
    let text = "### GET /a\n\n**Response (404 Not Found)**:\n\n```json\n{ \"error\": \"x\" }\n```\n\n\
                **Response (200 OK)**:\n\n```json\n{ \"id\": 1, \"name\": \"x\" }\n```\n\n\
                ### GET /b\n\n```http\nHTTP/1.1 201 Created\nContent-Type: application/json\n\n{ \"ok\": true }\n```\n";
    let source = Source::new("doc.md", text);
    let reading = read_document(&source);
    let response: Vec<Vec<String>> = reading
        .endpoints
        .iter()
        .map(|e| {
            e.response
                .iter()
                .flat_map(|body| reading.body_fields(body))
                .map(|f| f.name.value.clone())
                .collect()
        })
        .collect();
    assert_eq!(response, [vec!["id", "name"], vec!["ok"]]);
}

#[test]
fn auth_from_labels_headers_and_document_statements() {
    let text = "All endpoints require a bearer token.\n\n\
                ### GET /a\n\n**Auth:** none\n\n\
                ### GET /b\n\n```http\nGET /b HTTP/1.1\nAuthorization: Bearer x\n```\n\n\
                ### GET /c\n\nLists c.\n";
    let source = Source::new("doc.md", text);
    let auth: Vec<bool> = read_document(&source)
        .endpoints
        .iter()
        .map(|e| matches!(e.auth, Auth::Required(_)))
        .collect();
    assert_eq!(auth, [false, true, true]);
}

proptest::proptest! {
    /// No text, however strange, stops the reader; whatever it finds is a method and a path.
    #[test]
    fn any_text_is_read_without_a_panic(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("### ".to_owned()),
                proptest::strategy::Just("POST /api/x".to_owned()),
                proptest::strategy::Just("`GET` `/a/{id}`".to_owned()),
                proptest::strategy::Just("GET, HEAD /a/7: ".to_owned()),
                proptest::strategy::Just("Base URL: https://h/v1".to_owned()),
                proptest::strategy::Just("**Method:** PUT\n- **Path:** /p".to_owned()),
                proptest::strategy::Just("| Method | Path |\n| - | - |\n| GET | /t |".to_owned()),
                proptest::strategy::Just("```http\nDELETE https://h/x HTTP/1.1\n".to_owned()),
                proptest::strategy::Just("{% swagger method=\"get\" path=\"".to_owned()),
                proptest::strategy::Just("- [ ] ".to_owned()),
                proptest::strategy::Just("- 409 when".to_owned()),
                proptest::strategy::Just("**Response (201é)**: ".to_owned()),
                proptest::strategy::Just("HTTP/1.1 20".to_owned()),
                proptest::strategy::Just("## Errors".to_owned()),
                "\\PC{0,12}",
            ],
            0..40,
        ),
        separators in proptest::collection::vec(proptest::prop_oneof!["\n", "\n\n", " ", ""], 40),
    ) {
        let text: String = parts
            .iter()
            .zip(&separators)
            .map(|(part, separator)| format!("{part}{separator}"))
            .collect();
        let source = Source::new("doc.md", text);
        for endpoint in read_document(&source).endpoints {
            proptest::prop_assert!(endpoint.statuses.iter().all(|s| (100..600).contains(&s.value)));
        }
        for endpoint in named_endpoints(&source) {
            proptest::prop_assert!(method_path::METHODS.contains(&endpoint.method.value.as_str()));
            proptest::prop_assert!(endpoint.path.value.starts_with('/'));
            proptest::prop_assert!(endpoint.path.span.end <= source.text().len());
        }
    }
}

/// Each endpoint `text` names, as `METHOD /path`.
fn endpoints(text: &str) -> Vec<String> {
    named_endpoints(&Source::new("doc.md", text))
        .into_iter()
        .map(|e| format!("{} {}", e.method.value, e.path.value))
        .collect()
}

#[test]
fn an_http_block_is_an_example_only_in_a_part_that_named_its_endpoint() {
    let text = "### GET /cars/{id}\n\n```http\nGET /cars/c-17\n```\n\n\
                ### Search by plate\n\n```http\nGET /cars/search_by_plate?plate=AB\n```\n";
    assert_eq!(
        endpoints(text),
        ["GET /cars/{id}", "GET /cars/search_by_plate"]
    );
}
