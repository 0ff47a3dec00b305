use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::{Source, load_sources};

fn contracts(block: &str) -> Vec<Contract> {
    // Line 5 of the issue is the block's first line.
    let text = format!("# Issue\n\n**API Contract:**\n```\n{block}\n```\n");
    load_sources(&[Source::new("a.md", text)]).unwrap_or_else(|d| panic!("{d}"))
}

const TODOS: &str = "POST /api/todos
Headers: { Authorization: \"Bearer <token>\" }
Request: { title: string(1..=20), tags?: string[](..=3) }
Response (201): { success: boolean, data: { id: uuid, title: string(1..=20) } }
Errors: { 400: \"Invalid todo\", 401: \"Sign in\", 409: \"Taken\" }

GET /api/todos/:id
Response: { success: boolean, data: { id: uuid, title: string(1..=20), createdAt: date } }
Errors: { 404: \"Todo not found\" }";

fn plan_of(block: &str) -> Plan {
    plan(&contracts(block), "t0ken")
}

fn case<'a>(plan: &'a Plan, name: &str) -> &'a Case {
    plan.endpoints
        .iter()
        .flat_map(|e| &e.cases)
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"))
}

#[test]
fn the_derived_cases_are_the_generated_tests() {
    let contracts = contracts(TODOS);
    let plan = plan(&contracts, "t0ken");
    for (endpoint, planned) in contracts[0].endpoints.iter().zip(&plan.endpoints) {
        let served = BTreeSet::from([endpoint.method]);
        let tests = endpoint_tests(&contracts[0], endpoint, &served);
        let derived: Vec<&str> = planned
            .cases
            .iter()
            .filter(|c| c.kind == Kind::Derived)
            .map(|c| c.name.as_str())
            .collect();
        let generated: Vec<&str> = tests.derived.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(derived, generated);
    }
}

#[test]
fn each_case_changes_one_thing_and_names_the_line_of_its_rule() {
    let plan = plan_of(TODOS);
    let valid = case(&plan, "create_todo_valid");
    assert_eq!(valid.kind, Kind::Valid);
    assert_eq!(valid.request.authorization.as_deref(), Some("Bearer t0ken"));
    assert_eq!(valid.rule.at.line, 5, "the endpoint line");

    let missing = case(&plan, "create_todo_400_missing_title");
    assert_eq!(
        missing.request.body().as_deref(),
        Some(r#"{"tags":["work"]}"#)
    );
    assert_eq!(
        (missing.rule.what.as_str(), missing.rule.at.line),
        ("the field `title`", 7)
    );
    assert_eq!(
        missing.expect,
        Expect::Refused {
            status: 400,
            message: "Invalid todo".into(),
            place: None
        }
    );

    let no_token = case(&plan, "create_todo_401_missing_token");
    assert_eq!(no_token.request.authorization, None);
    assert_eq!(
        (no_token.rule.what.as_str(), no_token.rule.at.line),
        ("error 401", 9)
    );

    let long = case(&plan, "create_todo_400_title_too_long");
    assert!(matches!(&long.expect, Expect::Refused { place: Some(p), .. } if p == "title"));

    let skipped = case(&plan, "create_todo_409_taken");
    assert!(matches!(&skipped.kind, Kind::NotExercised(why) if why.starts_with("needs state")));
    assert_eq!(skipped.rule.at.line, 9);
}

fn error(status: u16, message: &str, detail: &str) -> Vec<u8> {
    serde_json::json!({"success": false, "error": {"status": status, "message": message, "detail": detail}})
        .to_string()
        .into_bytes()
}

#[test]
fn a_refusal_must_have_the_status_the_message_and_name_the_place() {
    let plan = plan_of(TODOS);
    let judge = |name: &str, status: u16, body: &[u8]| {
        judge(
            case(&plan, name),
            status,
            body,
            &plan.types,
            Stand::default(),
        )
    };
    let missing = "create_todo_400_missing_title";
    assert_eq!(
        judge(missing, 400, &error(400, "Invalid todo", "")),
        Verdict::Pass(None)
    );
    assert!(
        matches!(judge(missing, 201, b"{}"), Verdict::Fail(f) if f.why == "expected 400, got 201")
    );
    assert!(matches!(
        judge(missing, 400, &error(400, "Bad", "")),
        Verdict::Fail(f) if f.why.contains("\"Invalid todo\"")
    ));
    // Another error shape: only the status is checked, and the report says so.
    assert!(matches!(
        judge(missing, 400, b"bad request"),
        Verdict::Pass(Some(_))
    ));

    let long = "create_todo_400_title_too_long";
    let named = error(
        400,
        "Invalid todo",
        "title: expected 1 to 20 characters, got 21",
    );
    assert_eq!(judge(long, 400, &named), Verdict::Pass(None));
    let elsewhere = error(400, "Invalid todo", "tags: expected an array");
    assert!(matches!(judge(long, 400, &elsewhere), Verdict::Fail(f) if f.why.contains("`title`")));

    // At the edge, anything but a refusal naming the field holds.
    let edge = "create_todo_accepts_title_of_20_characters";
    assert_eq!(judge(edge, 201, b""), Verdict::Pass(None));
    assert_eq!(judge(edge, 400, &elsewhere), Verdict::Pass(None));
    assert!(matches!(judge(edge, 400, &named), Verdict::Fail(_)));
}

#[test]
fn a_success_body_is_checked_field_by_field_at_the_fields_line() {
    let plan = plan_of(TODOS);
    let get = case(&plan, "get_todo_valid");
    let judge = |body: serde_json::Value| {
        judge(
            get,
            200,
            body.to_string().as_bytes(),
            &plan.types,
            Stand::default(),
        )
    };
    let id = "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05";
    let good = serde_json::json!({"success": true, "data": {"id": id, "title": "t", "createdAt": "2024-05-01T12:00:00Z"}});
    assert_eq!(judge(good), Verdict::Pass(None));

    let missing = serde_json::json!({"success": true, "data": {"id": id, "title": "t"}});
    let Verdict::Fail(fault) = judge(missing) else {
        panic!("passes without createdAt")
    };
    assert!(
        fault.why.contains("missing field `data.createdAt`"),
        "{}",
        fault.why
    );
    let rule = fault.rule.expect("the field's rule");
    assert_eq!(
        (rule.what.as_str(), rule.at.line),
        ("the field `createdAt`", 12)
    );

    let bad_format = serde_json::json!({"success": true, "data": {"id": "x", "title": "t", "createdAt": "2024-05-01T12:00:00Z"}});
    let Verdict::Fail(fault) = judge(bad_format) else {
        panic!("passes with a bad uuid")
    };
    assert!(fault.why.contains("data.id"), "{}", fault.why);
    assert_eq!(
        fault.rule.map(|r| r.what),
        Some("the field `id`".to_string())
    );

    let Verdict::Fail(fault) = judge(serde_json::json!([])) else {
        panic!("an array passes")
    };
    assert_eq!(fault.rule, None, "the whole body: the case's own rule");
}

#[test]
fn a_stand_in_is_blamed_for_the_answers_it_explains() {
    let plan = plan_of(TODOS);
    let get = case(&plan, "get_todo_valid");
    let create = case(&plan, "create_todo_valid");
    let samples = Stand {
        ids: true,
        token: true,
    };
    let not_found = error(404, "Todo not found", "");
    assert!(matches!(
        judge(get, 404, &not_found, &plan.types, samples),
        Verdict::NotExercised(why) if why.starts_with("needs an existing item")
    ));
    // With an id the service gave, a 404 is a failure.
    assert!(matches!(
        judge(get, 404, &not_found, &plan.types, Stand::default()),
        Verdict::Fail(_)
    ));
    assert!(matches!(
        judge(create, 401, b"", &plan.types, samples),
        Verdict::NotExercised(why) if why.contains("--token")
    ));
    assert!(matches!(
        judge(create, 401, b"", &plan.types, Stand::default()),
        Verdict::Fail(_)
    ));
}

#[test]
fn identifiers_come_from_the_answer_and_go_into_the_items_paths() {
    assert_eq!(
        identifier(br#"{"id": "a-1"}"#, "/api/todos"),
        Some("a-1".into())
    );
    assert_eq!(
        identifier(br#"{"data": {"todoId": 7}}"#, "/api/todos"),
        Some("7".into())
    );
    assert_eq!(
        identifier(br#"{"data": {"todo_id": "x"}}"#, "/api/todos"),
        Some("x".into())
    );
    assert_eq!(identifier(br#"{"data": {"id": ""}}"#, "/api/todos"), None);
    assert_eq!(identifier(b"not json", "/api/todos"), None);

    let plan = plan_of(TODOS);
    let create = case(&plan, "create_todo_valid");
    assert_eq!(collection_of(&create.request), Some("/api/todos"));
    let get = case(&plan, "get_todo_valid");
    assert_eq!(collection_of(&get.request), None);
    let (path, sample) = get.request.path_with(&BTreeMap::new());
    assert!(sample && path.starts_with("/api/todos/"), "{path}");
    let ids = BTreeMap::from([("/api/todos".to_string(), "a b/1".to_string())]);
    assert_eq!(
        get.request.path_with(&ids),
        ("/api/todos/a%20b%2F1".to_string(), false)
    );
}
