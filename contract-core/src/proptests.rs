//! Property tests of the grammar: no input panics the parser, and whatever it accepts renders to
//! canonical text that parses back to the same model.

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
