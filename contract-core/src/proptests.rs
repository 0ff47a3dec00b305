//! Property tests of the grammar: no input panics the parser, and whatever it accepts renders to
//! canonical text that parses back to the same model. And of the document reader: an API document
//! written in the shapes it reads gives back the endpoints it was written from, and what
//! `inspect --template` prints for it reads back to the same model.

use proptest::prelude::*;

use crate::parse::tests::check_block;
use crate::render;

/// The model as JSON without source positions, which legitimately differ between spellings.
fn positionless(contract: &crate::model::Contract) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.remove("line");
                map.remove("column");
                map.remove("defined_at");
                // Where a document's parts came from: its template block says none of it.
                map.remove("inferred");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::json!({ "endpoints": contract.endpoints, "types": contract.types });
    strip(&mut value);
    value
}

/// Accepted text must survive render -> parse -> render unchanged.
fn assert_round_trip(text: &str) -> Result<(), TestCaseError> {
    let Ok(first) = check_block(text) else {
        return Ok(());
    };
    let rendered = render::contract_block(&first);
    let second = check_block(&rendered).map_err(|d| {
        TestCaseError::fail(format!(
            "rendering of\n{text}\nwas refused:\n{rendered}\n{d}"
        ))
    })?;
    prop_assert_eq!(&render::contract_block(&second), &rendered);
    prop_assert_eq!(
        positionless(&first),
        positionless(&second),
        "text:\n{}",
        text
    );
    Ok(())
}

fn ident() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-zA-Z0-9]{0,8}",
        Just("type".to_owned()),
        Just("self".to_owned()),
        Just("createdAt".to_owned()),
        Just("x-trace-id".to_owned()),
    ]
}

fn type_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("string".to_owned()),
        Just("number".to_owned()),
        Just("integer".to_owned()),
        Just("int".to_owned()),
        Just("boolean".to_owned()),
        Just("object".to_owned()),
        Just("any".to_owned()),
        Just("date".to_owned()),
        Just("uuid".to_owned()),
        Just("GameState".to_owned()),
        Just("\"a\" | \"b\"".to_owned()),
        Just("'x' | 'y' | 'z'".to_owned()),
        Just("\"example@x.io\"".to_owned()),
        Just("42".to_owned()),
        Just("true".to_owned()),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|t| format!("({t})[]")),
            inner.clone().prop_map(|t| format!("Array<{t}>")),
            inner.clone().prop_map(|t| format!("({t}) | null")),
            inner.clone().prop_map(|t| format!("[{t}]")),
            prop::collection::vec((ident(), any::<bool>(), inner), 0..4).prop_map(|fields| {
                let mut seen = std::collections::HashSet::new();
                let body: Vec<String> = fields
                    .into_iter()
                    .filter(|(name, _, _)| seen.insert(crate::naming::field_name(name)))
                    .map(|(name, optional, ty)| {
                        format!("\"{name}\"{}: {ty}", if optional { "?" } else { "" })
                    })
                    .collect();
                format!("{{ {} }}", body.join(", "))
            }),
        ]
    })
}

fn endpoint_text() -> impl Strategy<Value = String> {
    let method = prop::sample::select(vec!["GET", "POST", "PUT", "PATCH", "DELETE"]);
    let path = prop::collection::vec(prop_oneof!["[a-z]{1,6}", Just(":id".to_owned())], 1..4)
        .prop_map(|segments| {
            // One `:id` at most, so the path stays valid.
            let mut seen = false;
            let segments: Vec<String> = segments
                .into_iter()
                .filter(|s| s != ":id" || !std::mem::replace(&mut seen, true))
                .collect();
            format!("/{}", segments.join("/"))
        });
    let response = prop_oneof![
        type_text().prop_map(|t| format!("Response: {t}")),
        type_text().prop_map(|t| format!("Response (201): {t}")),
        Just("Response: 204".to_owned()),
    ];
    let errors = prop::collection::btree_map(400u16..600, "[A-Za-z ]{1,12}", 0..4).prop_map(|m| {
        let entries: Vec<String> = m.iter().map(|(s, msg)| format!("{s}: \"{msg}\"")).collect();
        format!("Errors: {{ {} }}", entries.join(", "))
    });
    (
        method,
        path,
        prop::option::of(type_text()),
        response,
        errors,
        any::<bool>(),
    )
        .prop_map(|(method, path, request, response, errors, auth)| {
            let mut text = format!("{method} {path}\n");
            if auth {
                text.push_str("Headers: { Authorization: \"Bearer <token>\" }\n");
            }
            if let Some(request) = request {
                text.push_str(&format!("Request: {request}\n"));
            }
            format!("{text}{response}\n{errors}\n")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = check_block(&text);
    }

    #[test]
    fn grammar_soup_never_panics_and_round_trips(
        pieces in prop::collection::vec(
            prop_oneof![
                Just("GET /a/:id".to_owned()), Just("POST /b".to_owned()), Just("Request:".to_owned()),
                Just("Response".to_owned()), Just("(201)".to_owned()), Just(":".to_owned()),
                Just("{".to_owned()), Just("}".to_owned()), Just("[".to_owned()), Just("]".to_owned()),
                Just("\n".to_owned()), Just(",".to_owned()), Just("|".to_owned()), Just("\"".to_owned()),
                Just("Errors:".to_owned()), Just("404".to_owned()), Just("x?".to_owned()),
                Just("string".to_owned()), Just("// c".to_owned()), Just("->".to_owned()),
                Just("<".to_owned()), Just(">".to_owned()), Just("Array".to_owned()), Just("→".to_owned()),
                Just("interface T".to_owned()), Just("=".to_owned()), Just("'".to_owned()),
            ],
            0..40,
        )
    ) {
        assert_round_trip(&pieces.join(" "))?;
    }

    #[test]
    fn generated_contracts_are_accepted_and_round_trip(
        endpoints in prop::collection::vec(endpoint_text(), 1..3)
    ) {
        // Distinct routes per block: drop repeats of a method and path.
        let mut seen = std::collections::HashSet::new();
        let endpoints: Vec<&String> =
            endpoints.iter().filter(|e| seen.insert(e.lines().next().map(str::to_owned))).collect();
        let text = endpoints.iter().map(|e| e.as_str()).collect::<Vec<_>>().join("\n");
        let contract = check_block(&text);
        // Operation names may clash between random paths; anything else must be accepted.
        if let Err(diagnostics) = &contract {
            prop_assert!(
                diagnostics.iter().all(|d| d.message.contains("operation name") || d.message.contains("defined twice")),
                "refused:\n{}\n{}", text, diagnostics
            );
        }
        assert_round_trip(&text)?;
    }

    #[test]
    fn mutated_contracts_never_panic(
        cut in 0usize..400, insert in "\\PC{0,3}"
    ) {
        let base = "POST /api/users/{id}?a=1\nHeaders: { Authorization: \"Bearer <t>\" }\nRequest: {\n  email: string, // c\n  tags?: Array<\"a\" | 'b'>,\n}\nResponse (201): { data: { id: string }[] }\nErrors: { 400: \"Bad\", 409: 'Dup' }\n";
        let mut text = base.to_owned();
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        text.insert_str(at, &insert);
        assert_round_trip(&text)?;
    }
}

/// One endpoint of a generated API document, as its writer meant it.
#[derive(Clone, Debug)]
struct DocEndpoint {
    method: &'static str,
    path: String,
    /// `(name, optional, type)`, with the type one of [`DOC_TYPES`].
    request: Vec<(String, bool, usize)>,
    success: u16,
    errors: Vec<u16>,
    auth: bool,
    /// The shape it is written in.
    shape: usize,
}

/// Field types as a table writes them, as a JSON example shows them, and as the model has them.
const DOC_TYPES: [(&str, &str, &str); 6] = [
    ("string", "\"some text\"", "string"),
    ("integer", "42", "integer"),
    ("boolean", "true", "boolean"),
    ("UUID", "\"6f1c2b9e-3d4a-4e1b-9c55-0a7d2e8f4b13\"", "uuid"),
    ("string (ISO 8601)", "\"2025-03-02T09:14:00Z\"", "date"),
    ("string[]", "[\"a\", \"b\"]", "string[]"),
];

fn doc_endpoint(resource: String) -> impl Strategy<Value = DocEndpoint> {
    let method = prop::sample::select(vec!["GET", "POST", "PUT", "PATCH", "DELETE"]);
    let fields = prop::collection::btree_map(
        "[a-z][a-zA-Z]{2,8}",
        (any::<bool>(), 0..DOC_TYPES.len()),
        1..5,
    );
    (
        method,
        any::<bool>(),
        fields,
        prop::sample::select(vec![200u16, 201, 202, 204]),
        prop::collection::btree_set(
            prop::sample::select(vec![400u16, 401, 403, 404, 409, 422, 429, 500]),
            0..4,
        ),
        any::<bool>(),
        0..4usize,
    )
        .prop_map(
            move |(method, with_id, fields, success, errors, auth, shape)| {
                let path = if with_id {
                    format!("/api/{resource}/{{id}}")
                } else {
                    format!("/api/{resource}")
                };
                let takes_body = matches!(method, "POST" | "PUT" | "PATCH");
                let request = if takes_body {
                    fields
                        .into_iter()
                        .map(|(name, (optional, ty))| (name, optional, ty))
                        .collect()
                } else {
                    Vec::new()
                };
                DocEndpoint {
                    method,
                    path,
                    request,
                    success,
                    errors: errors.into_iter().collect(),
                    auth,
                    shape,
                }
            },
        )
}

/// The reason phrase documents write after a status.
fn reason(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error")
}

/// The endpoint in one of four shapes documents use: a heading with labelled pieces and a JSON
/// example, a bold endpoint label with a field table and a status table, plain-text notes, and a
/// spec-kit section with a TypeScript body and error bullets.
fn write_endpoint(e: &DocEndpoint) -> String {
    let json = |fields: &[(String, bool, usize)]| {
        let entries: Vec<String> = fields
            .iter()
            .map(|(n, _, t)| format!("  \"{n}\": {}", DOC_TYPES[*t].1))
            .collect();
        format!("{{\n{}\n}}", entries.join(",\n"))
    };
    let optional_note: Vec<String> = e
        .request
        .iter()
        .filter(|(_, o, _)| *o)
        .map(|(n, ..)| format!("`{n}` is optional."))
        .collect();
    let mut out = String::new();
    match e.shape {
        0 => {
            out.push_str(&format!(
                "### {} {}\n\nDoes the work.\n\n",
                e.method, e.path
            ));
            if e.auth {
                out.push_str("**Auth:** required\n\n");
            }
            if !e.request.is_empty() {
                out.push_str(&format!(
                    "**Request Body:**\n\n```json\n{}\n```\n\n",
                    json(&e.request)
                ));
                if !optional_note.is_empty() {
                    out.push_str(&format!("{}\n\n", optional_note.join(" ")));
                }
            }
            // A body, named by the type the document defines at its end.
            let body = if names_record(e) {
                ": returns the created Record"
            } else {
                ""
            };
            out.push_str(&format!(
                "**Response ({} {})**{body}\n\n",
                e.success,
                reason(e.success)
            ));
            if !e.errors.is_empty() {
                out.push_str("**Errors:**\n\n");
                for status in &e.errors {
                    out.push_str(&format!("- {status} when it goes wrong\n"));
                }
                out.push('\n');
            }
        }
        1 => {
            out.push_str(&format!(
                "## The {} call\n\n**Endpoint:** `{} {}`\n\n",
                e.path, e.method, e.path
            ));
            if e.auth {
                out.push_str("Requires authentication.\n\n");
            }
            if !e.request.is_empty() {
                out.push_str("#### Request\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n");
                for (name, optional, ty) in &e.request {
                    let required = if *optional { "No" } else { "Yes" };
                    out.push_str(&format!(
                        "| `{name}` | {} | {required} | a field |\n",
                        DOC_TYPES[*ty].0
                    ));
                }
                out.push('\n');
            }
            out.push_str("#### Responses\n\n| Status | Meaning |\n| --- | --- |\n");
            out.push_str(&format!("| {} {} | done |\n", e.success, reason(e.success)));
            for status in &e.errors {
                out.push_str(&format!("| {status} {} | refused |\n", reason(*status)));
            }
            out.push('\n');
        }
        2 => {
            out.push_str(&format!(
                "Endpoint\n{} {}\nDoes the work.\n\n",
                e.method, e.path
            ));
            if e.auth {
                out.push_str("Headers: Authorization: Bearer <token>\n\n");
            }
            if !e.request.is_empty() {
                out.push_str(&format!("Request:\n{}\n", json(&e.request)));
                if !optional_note.is_empty() {
                    out.push_str(&optional_note.join(" "));
                    out.push('\n');
                }
                out.push('\n');
            }
            out.push_str(&format!(
                "Response: {} {}\n\n",
                e.success,
                reason(e.success)
            ));
            if !e.errors.is_empty() {
                out.push_str("Errors:\n");
                for status in &e.errors {
                    out.push_str(&format!("{status} {} - refused\n", reason(*status)));
                }
                out.push('\n');
            }
        }
        _ => {
            out.push_str(&format!("### {} {}\n\n", e.method, e.path));
            if e.auth {
                out.push_str("- **Auth**: Bearer token\n");
            }
            if !e.request.is_empty() {
                let fields: Vec<String> = e
                    .request
                    .iter()
                    .map(|(n, o, t)| {
                        let ty = DOC_TYPES[*t].2.replace("date", "string");
                        format!("  {n}{}: {ty};", if *o { "?" } else { "" })
                    })
                    .collect();
                out.push_str(&format!(
                    "\n**Request**:\n\n```ts\n{{\n{}\n}}\n```\n\n",
                    fields.join("\n")
                ));
            }
            out.push_str(&format!("- **{}**: done\n", e.success));
            for status in &e.errors {
                out.push_str(&format!("- **{status}** if refused\n"));
            }
            out.push('\n');
        }
    }
    out
}

/// Whether `e`'s success body is the document's `Record` type.
fn names_record(e: &DocEndpoint) -> bool {
    e.shape == 0 && e.success != 204
}

/// The type a document defines under its own heading, in a table with words for types.
const RECORD: &str = "## Record representation\n\n\
    | Field | Type | Description |\n| --- | --- | --- |\n\
    | id | UUID | its id |\n\
    | createdAt | string (ISO 8601) | when it was made |\n\
    | tags | string[] | its labels |\n";

fn document() -> impl Strategy<Value = Vec<DocEndpoint>> {
    let resources = vec![
        "books", "members", "loans", "authors", "branches", "fines", "events", "holds",
    ];
    prop::sample::subsequence(resources, 1..5).prop_flat_map(|resources| {
        resources
            .into_iter()
            .map(|r| doc_endpoint(r.to_owned()))
            .collect::<Vec<_>>()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_documents_read_back_and_their_template_round_trips(endpoints in document()) {
        use crate::source::Source;

        let record = if endpoints.iter().any(names_record) { RECORD } else { "" };
        let text = format!(
            "# Lending API\n\nWhat the branches call.\n\n{}\n{record}",
            endpoints.iter().map(write_endpoint).collect::<Vec<_>>().join("\n")
        );
        let loaded = crate::load_sources(&[Source::new("doc.md", text.clone())])
            .map_err(|d| TestCaseError::fail(format!("refused:\n{text}\n{d}")))?;
        let contract = &loaded[0];
        prop_assert!(contract.read_as_document);
        prop_assert_eq!(contract.endpoints.len(), endpoints.len(), "{}", text);
        for (read, written) in contract.endpoints.iter().zip(&endpoints) {
            prop_assert_eq!(read.method.as_str(), written.method, "{}", text);
            prop_assert_eq!(&read.path, &written.path, "{}", text);
            prop_assert_eq!(read.auth, written.auth, "{}", text);
            prop_assert_eq!(read.response.status, written.success, "{}", text);
            let body = read.response.body.as_ref().map(render::ty);
            let expected_body = names_record(written).then(|| "Record".to_owned());
            prop_assert_eq!(body, expected_body, "{}", text);
            let errors: Vec<u16> = read.errors.iter().map(|e| e.status).collect();
            prop_assert_eq!(&errors, &written.errors, "{}", text);
            let fields: Vec<(String, bool, String)> = match &read.request {
                Some(crate::model::Type::Object { fields }) => fields
                    .iter()
                    .map(|f| (f.name.clone(), f.optional, render::ty(&f.ty)))
                    .collect(),
                _ => Vec::new(),
            };
            let expected: Vec<(String, bool, String)> = written
                .request
                .iter()
                .map(|(n, o, t)| {
                    // A TypeScript body says no format: `uuid` there is the word, dates are strings.
                    let ty = if written.shape == 3 { DOC_TYPES[*t].2.replace("date", "string") } else { DOC_TYPES[*t].2.to_owned() };
                    (n.clone(), *o, ty)
                })
                .collect();
            prop_assert_eq!(fields, expected, "{}", text);
        }
        let types: Vec<(String, Option<String>)> = contract
            .types
            .iter()
            .map(|t| (t.name.clone(), t.definition.as_ref().map(render::ty)))
            .collect();
        let expected_types = if record.is_empty() {
            Vec::new()
        } else {
            vec![("Record".to_owned(), Some("{ id: uuid, createdAt: date, tags: string[] }".to_owned()))]
        };
        prop_assert_eq!(types, expected_types, "{}", text);
        let block = render::contract_block(contract);
        let issue = format!("**API Contract:**\n```\n{block}```\n");
        let again = crate::load_sources(&[Source::new("issue.md", issue)])
            .map_err(|d| TestCaseError::fail(format!("the template block of\n{text}\nwas refused:\n{block}\n{d}")))?;
        prop_assert!(!again[0].read_as_document);
        prop_assert_eq!(render::contract_block(&again[0]), block.clone());
        prop_assert_eq!(positionless(contract), positionless(&again[0]), "{}", block);
    }
}
