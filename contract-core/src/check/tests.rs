//! The checker's tests: the grammar, spelling by spelling, each input block checked into the model
//! whose canonical rendering is given, and each refusal at its line and column. Expected texts are written by hand from the grammar notes, not copied from
//! output.

use crate::parse::tests::check_block;
use crate::render;

#[track_caller]
fn assert_renders(input: &str, expected: &str) {
    let contract = match check_block(input) {
        Ok(contract) => contract,
        Err(diagnostics) => panic!("input was refused:\n{input}\n{diagnostics}"),
    };
    assert_eq!(
        render::contract_block(&contract),
        expected,
        "input:\n{input}"
    );
}

#[track_caller]
fn assert_refused(input: &str, message: &str, line_col: (usize, usize)) {
    let diagnostics = match check_block(input) {
        Ok(contract) => panic!(
            "accepted:\n{input}\nas\n{}",
            render::contract_block(&contract)
        ),
        Err(diagnostics) => diagnostics,
    };
    let found = diagnostics
        .iter()
        .find(|d| d.message.contains(message))
        .unwrap_or_else(|| panic!("no diagnostic containing {message:?}:\n{diagnostics}"));
    let at = found.line_col();
    assert_eq!((at.line, at.column), line_col, "{diagnostics}");
}

#[test]
fn the_seed_spelling() {
    assert_renders(
        "// Exact endpoint specification\nPOST /api/users\nRequest: { email: string, name: string, age?: number }\nResponse: { success: boolean, data: { id: string } }\nErrors: { 400: \"Bad request\", 409: \"Email already registered\" }\n",
        "POST /api/users\nRequest: { email: string, name: string, age?: number }\nResponse: { success: boolean, data: { id: string } }\nErrors: { 400: \"Bad request\", 409: \"Email already registered\" }\n",
    );
}

#[test]
fn response_status_spellings() {
    let body = "{ id: string }";
    for line in [
        format!("Response (201): {body}"),
        format!("Response 201: {body}"),
        format!("Response: 201 {body}"),
        format!("Response: 201 Created {body}"),
        format!("Response (201 CREATED): {body}"),
        format!("Response: 201 Created\n{body}"),
        format!("201 -> {body}"),
        format!("Response → 201 {body}"),
    ] {
        assert_renders(
            &format!("POST /api/things\n{line}\n"),
            "POST /api/things\nResponse (201): { id: string }\n",
        );
    }
}

#[test]
fn responses_without_a_body() {
    for line in [
        "Response: 204",
        "Response: 204 No Content",
        "Response (204): none",
    ] {
        assert_renders(
            &format!("DELETE /api/todos/:id\n{line}\n"),
            "DELETE /api/todos/:id\nResponse: 204\n",
        );
    }
    // No Response line at all: 200 without a body.
    assert_renders("POST /api/ping\n", "POST /api/ping\nResponse: 200\n");
}

#[test]
fn a_body_on_the_lines_after_200_ok() {
    assert_renders(
        "GET /api/me\nResponse: 200 OK\n{\n  id: string,\n  name: string\n}\n",
        "GET /api/me\nResponse: { id: string, name: string }\n",
    );
}

#[test]
fn top_level_array_responses() {
    for body in [
        "{ id: string }[]",
        "Array<{ id: string }>",
        "[ { id: string } ]",
        "[{ id: string }]",
    ] {
        assert_renders(
            &format!("GET /api/tags\nResponse: {body}\n"),
            "GET /api/tags\nResponse: { id: string }[]\n",
        );
    }
}

#[test]
fn path_parameters_and_query() {
    assert_renders(
        "GET /api/todos?status=open|done&page=1&limit=20\nQuery: { status?: \"open\" | \"done\", page?: integer, limit?: integer }\nResponse: { total: integer }\n",
        "GET /api/todos\nQuery: { status?: \"open\" | \"done\", page?: integer, limit?: integer }\nResponse: { total: integer }\n",
    );
    // From the path line alone, the example values give the types.
    assert_renders(
        "GET /api/todos?status=open|done&page=1&q=\nResponse: { total: integer }\n",
        "GET /api/todos\nQuery: { status?: \"open\" | \"done\", page?: integer, q?: string }\nResponse: { total: integer }\n",
    );
    // A `|` with fewer than two values around it is no enum.
    assert_renders(
        "GET /api/todos?a=|&b=|1&c=open|&d=x|x\nResponse: { total: integer }\n",
        "GET /api/todos\nQuery: { a?: string, b?: integer, c?: string, d?: string }\nResponse: { total: integer }\n",
    );
    let contract = check_block("GET /api/users/{user_id}/posts/:postId\nResponse: 200\n").unwrap();
    let endpoint = &contract.endpoints[0];
    assert_eq!(endpoint.route, "/api/users/{user_id}/posts/{postId}");
    let names: Vec<_> = endpoint
        .path_params
        .iter()
        .map(|p| p.rust_name.as_str())
        .collect();
    assert_eq!(names, ["user_id", "post_id"]);
}

#[test]
fn bearer_headers() {
    for line in [
        "Headers: { Authorization: \"Bearer <token>\" }",
        "Headers: { \"authorization\": 'Bearer <jwt>' }",
        "Headers: Authorization: Bearer <token>",
        "Authorization: Bearer <token>",
    ] {
        let contract =
            check_block(&format!("DELETE /api/todos/:id\n{line}\nResponse: 204\n")).unwrap();
        assert!(contract.endpoints[0].auth, "{line}");
    }
    let contract = check_block("GET /x\nHeaders: { \"x-trace-id\": string }\n").unwrap();
    assert!(!contract.endpoints[0].auth);
}

#[test]
fn field_spellings() {
    assert_renders(
        "POST /api/x\nRequest: {\n  \"quoted\": string;   // a comment\n  'single'?: number;\n  \"x-trace-id\"?: string,\n  createdAt: date,\n  n: int, b: bool, i: integer,\n}\n",
        "POST /api/x\nRequest: { quoted: string, single?: number, \"x-trace-id\"?: string, createdAt: date, n: integer, b: boolean, i: integer }\nResponse: 200\n",
    );
}

#[test]
fn type_spellings() {
    assert_renders(
        "POST /api/x\nRequest: { a: string[], b: Array<number>, c: string | null, d: \"x\" | \"y\", e: object, f: any, g: GameState, h: { deep: boolean }[], i: (string | null)[], j: string[][] }\n",
        "POST /api/x\nRequest: { a: string[], b: number[], c: string | null, d: \"x\" | \"y\", e: object, f: any, g: GameState, h: { deep: boolean }[], i: Array<string | null>, j: string[][] }\nResponse: 200\n",
    );
}

#[test]
fn json_example_bodies_give_types_by_value() {
    assert_renders(
        "POST /api/login\nBody: { \"email\": \"user@example.com\", \"password\": \"string\", \"age\": 30, \"score\": 1.5, \"admin\": false, \"tags\": [\"a\"], \"extra\": null }\nResponse: { user, token }\n",
        "POST /api/login\nRequest: { email: string, password: string, age: integer, score: number, admin: boolean, tags: string[], extra: any | null }\nResponse: { user: any, token: any }\n",
    );
}

#[test]
fn request_and_response_on_the_method_line() {
    assert_renders(
        "POST /api/auth/login { email: string, password: string } -> { token: string }\n",
        "POST /api/auth/login\nRequest: { email: string, password: string }\nResponse: { token: string }\n",
    );
}

#[test]
fn error_spellings() {
    let expected = "GET /api/x\nResponse: 200\nErrors: { 404: \"Not found\", 409: \"Taken\" }\n";
    for errors in [
        "Errors: { 404: \"Not found\", 409: \"Taken\" }",
        "Errors: { 404: 'Not found'; 409: 'Taken'; }",
        "Errors: {\n  404: \"Not found\",\n  409: \"Taken\",\n}",
        "Errors: { \"404\": \"Not found\", \"409\": \"Taken\" }",
        "Errors:\n- 404: Not found\n- 409: Taken",
        "404: \"Not found\"\n409 -> Taken",
    ] {
        assert_renders(&format!("GET /api/x\n{errors}\n"), expected);
    }
    // Statuses alone take their reason phrase.
    assert_renders(
        "GET /api/x\nErrors: 401, 404\n",
        "GET /api/x\nResponse: 200\nErrors: { 401: \"Unauthorized\", 404: \"Not Found\" }\n",
    );
}

#[test]
fn several_endpoints_with_comments_between() {
    let contract = check_block(
        "// start\nPOST /api/imports\nRequest: { n: integer }\nResponse 202: { id: string }\n\n// poll\nGET /api/imports/:importId\nResponse: { status: \"queued\" | \"done\" }\nErrors: { 404: \"Import not found\" }\n",
    )
    .unwrap();
    let names: Vec<_> = contract.endpoints.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["create_import", "get_import"]);
    assert_eq!(contract.endpoints[0].response.status, 202);
}

#[test]
fn crlf_line_endings() {
    assert_renders(
        "POST /api/users\r\nRequest: {\r\n  email: string,\r\n}\r\nErrors: { 400: \"Bad\" }\r\n",
        "POST /api/users\nRequest: { email: string }\nResponse: 200\nErrors: { 400: \"Bad\" }\n",
    );
}

#[test]
fn type_definitions_in_the_block_resolve_references() {
    let contract = check_block(
        "interface GameState { board: string[], turn: \"x\" | \"o\" }\nPOST /api/games\nResponse: { state: GameState, other: Elsewhere }\n",
    )
    .unwrap();
    assert_eq!(contract.types.len(), 2);
    assert_eq!(contract.types[0].name, "GameState");
    assert!(contract.types[0].definition.is_some());
    assert_eq!(contract.types[1].name, "Elsewhere");
    assert!(contract.types[1].definition.is_none());
}

#[test]
fn rust_names() {
    let contract =
        check_block("POST /api/x\nRequest: { type: string, self: string, createdAt: date }\n")
            .unwrap();
    let Some(crate::model::Type::Object { fields }) = &contract.endpoints[0].request else {
        panic!("object expected");
    };
    let names: Vec<_> = fields.iter().map(|f| f.rust_name.as_str()).collect();
    assert_eq!(names, ["r#type", "self_", "created_at"]);
}

#[test]
fn refusals() {
    assert_refused("FETCH /api/x\n", "unknown HTTP method `FETCH`", (1, 1));
    assert_refused("GTE /api/x\n", "unknown HTTP method", (1, 1));
    assert_refused(
        "POST /api/x\nRequest: { name: strng }\n",
        "unknown type `strng`",
        (2, 18),
    );
    assert_refused(
        "POST /api/x\nRequest: { name: string, name: number }\n",
        "field `name` appears twice",
        (2, 26),
    );
    assert_refused(
        "POST /api/x\nRequest: { userId: string, user_id: number }\n",
        "both become `user_id`",
        (2, 28),
    );
    assert_refused("PUT /api/x/:id/:id\n", "appears twice in one path", (1, 16));
    assert_refused("GET\n", "endpoint has no path", (1, 4));
    assert_refused(
        "GET /x\nErrors: { 4O9: \"x\" }\n",
        "`4O9` is not a number",
        (2, 11),
    );
    assert_refused(
        "GET /x\nErrors: { 700: \"x\" }\n",
        "700 is not an HTTP status",
        (2, 11),
    );
    assert_refused(
        "GET /x\nErrors: { 200: \"x\" }\n",
        "200 is not an error status",
        (2, 11),
    );
    assert_refused(
        "GET /x\nErrors: { 404: \"a\", 404: \"b\" }\n",
        "listed twice",
        (2, 21),
    );
    assert_refused(
        "POST /x\nRequest: { a: string\nResponse: 204\n",
        "unclosed `{`",
        (2, 10),
    );
    assert_refused(
        "POST /x\nRequest: { a: \"open }\n",
        "unterminated string",
        (2, 15),
    );
    assert_refused(
        "POST /x\nthis is prose\n",
        "expected an endpoint line",
        (2, 1),
    );
    assert_refused(
        "Request: { a: string }\n",
        "before any endpoint line",
        (1, 1),
    );
    assert_refused(
        "GET /x\nResponse (404): { a: string }\n",
        "is an error status",
        (2, 11),
    );
    assert_refused("GET /x\nGET /x\n", "defined twice", (2, 1));
    assert_refused("GET /x\nRequest: Foo<string>\n", "unknown generic", (2, 10));
}

#[test]
fn every_problem_is_reported_at_once() {
    let diagnostics = check_block(
        "FETCH /a\nPOST /b\nRequest: { a: strng, b: nmber }\nErrors: { 4O9: \"x\", 700: \"y\" }\n",
    )
    .unwrap_err();
    assert_eq!(diagnostics.len(), 5, "{diagnostics}");
}

#[test]
fn a_union_that_is_any_value_uses_no_named_type() {
    let contract = check_block("POST /x\nRequest: { a: Tag | string, b?: Label | null }\n")
        .unwrap_or_else(|d| panic!("{d}"));
    // `Tag | string` is any JSON value: `Tag` is not used. `Label | null` keeps `Label`.
    let names: Vec<&str> = contract.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Label"]);
}

/// `Operation:` names an endpoint where the rule's names would clash (a versioned API); a name
/// in camel case is put in snake case, and the rendering keeps the line only where it differs.
#[test]
fn operations_named_in_the_contract() {
    let input = "GET /api/v1/users\nResponse: { id: string }[]\n\n\
                 GET /api/v2/users\nOperation: listUsersV2\nResponse: { id: string }[]\n\n\
                 GET /api/v2/users/:id\nOperationId: get_user\nResponse: { id: string }\n";
    let contract = check_block(input).unwrap_or_else(|d| panic!("{d}"));
    let names: Vec<&str> = contract.endpoints.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["list_users", "list_users_v2", "get_user"]);
    assert_renders(
        input,
        "GET /api/v1/users\nResponse: { id: string }[]\n\n\
         GET /api/v2/users\nOperation: list_users_v2\nResponse: { id: string }[]\n\n\
         GET /api/v2/users/:id\nResponse: { id: string }\n",
    );
    assert_refused(
        "GET /api/x\nOperation: type\nResponse: 204\n",
        "`type` cannot name an operation",
        (2, 12),
    );
    assert_refused(
        "GET /api/x\nOperation: 2fast\nResponse: 204\n",
        "`2fast` cannot name an operation",
        (2, 12),
    );
    assert_refused(
        "GET /api/x\nOperation: a\nOperation: b\nResponse: 204\n",
        "a second operation name",
        (3, 12),
    );
    assert_refused(
        "GET /api/x\nOperation:\nResponse: 204\n",
        "expected an operation name",
        (2, 11),
    );
}

/// Two endpoints the rule names alike: the message suggests the `Operation:` line that parts
/// them, with the path segment that tells them apart.
#[test]
fn a_name_clash_suggests_an_operation_line() {
    let diagnostics = check_block(
        "GET /api/v1/users\nResponse: { id: string }[]\n\nGET /api/v2/users\nResponse: 204\n",
    )
    .expect_err("refused");
    let clash = diagnostics
        .iter()
        .find(|d| {
            d.message
                .contains("both get the operation name `list_users`")
        })
        .unwrap_or_else(|| panic!("{diagnostics}"));
    assert_eq!(
        clash.help.as_deref(),
        Some("name one of them: `Operation: list_users_v2` on the line after `GET /api/v2/users`")
    );
}

#[test]
fn bounds_after_types() {
    assert_renders(
        "POST /api/todos?limit=20\nQuery: { limit?: integer(1..=100), page?: integer(1..) }\nRequest: { title: string(1..=200, /\\S/), tags: string( 1..=30 )[] (..=10), rating?: number(-0.5..=5.5) | null, owner: email(..=254), ids: Array<uuid>(1..) }\nResponse: 204\n",
        "POST /api/todos\nQuery: { limit?: integer(1..=100), page?: integer(1..) }\nRequest: { title: string(1..=200, /\\S/), tags: string(1..=30)[](..=10), rating?: number(-0.5..=5.5) | null, owner: email(..=254), ids: uuid[](1..) }\nResponse: 204\n",
    );
    // A `/` inside a pattern is written `\/`, and needs none inside a class; the canonical form
    // escapes every one.
    assert_renders(
        "POST /a\nRequest: { path: string(/^\\/[a-z/]+$/) }\nResponse: 204\n",
        "POST /a\nRequest: { path: string(/^\\/[a-z\\/]+$/) }\nResponse: 204\n",
    );
}

#[test]
fn malformed_bounds_are_refused_where_written() {
    let at = |ty: &str| format!("POST /a\nRequest: {{ a: {ty} }}\nResponse: 204\n");
    // Each at the column of the part at fault; the type starts at column 15.
    for (ty, message, column) in [
        ("string(1..200)", "a range that leaves out its end", 22),
        ("boolean(1..=2)", "a range on `boolean`", 23),
        ("string(5..=1)", "an empty range", 22),
        ("integer(0.5..)", "`0.5` is not an integer", 23),
        ("string(-1..)", "`-1` is not a length", 22),
        ("number(inf..)", "`inf` is not a number", 22),
        ("string(/(/)", "invalid pattern", 22),
        ("number(/x/)", "a pattern on `number`", 22),
        ("string(..)", "a range with no ends", 22),
        ("string(1..=2)(3..)", "a second range", 29),
        ("string(/a/, /b/)", "a second pattern", 27),
        ("string(/a/i)", "pattern flags (`i`)", 25),
        ("string()", "empty bounds", 21),
        ("string(/abc)", "unterminated pattern", 22),
        ("string(1 2)", "expected a range", 23),
        ("string(1..=2", "expected `,` or `)`", 28),
        ("Thing(1..)", "a range on `Thing`", 21),
        (
            "(string | null)(1..)",
            "bounds after a type that cannot take them",
            30,
        ),
        (
            "(string[] | null)(..=2)",
            "bounds after a type that cannot take them",
            32,
        ),
    ] {
        assert_refused(&at(ty), message, (2, column));
    }
}

#[test]
fn path_types_name_the_paths_own_parameters_as_text() {
    assert_renders(
        "GET /api/users/:userId/notes/{slug}\nPath: { userId: uuid, slug: string(1..=40) }\nResponse: 204\n",
        "GET /api/users/:userId/notes/{slug}\nPath: { userId: uuid, slug: string(1..=40) }\nResponse: 204\n",
    );
    let at = |path: &str| format!("GET /api/users/:id\nPath: {path}\nResponse: 204\n");
    for (path, message, column) in [
        (
            "{ other: uuid }",
            "`other` is not a parameter of `/api/users/:id`",
            9,
        ),
        ("{ id?: uuid }", "an optional path parameter", 9),
        ("{ id: integer }", "a path parameter of type `integer`", 13),
        ("uuid", "`Path:` takes an object", 7),
    ] {
        assert_refused(&at(path), message, (2, column));
    }
}

#[test]
fn one_route_and_one_name_belong_to_one_endpoint() {
    use super::{Clash, ClashKind, clashes};
    use crate::model::Method::{Delete, Get};
    let found = clashes([
        (Get, "/todos/{id}", "get_todo"),
        // The same route shape under another parameter name: a route clash, not compared by name.
        (Get, "/todos/{todoId}", "get_todo"),
        (Delete, "/todos/{id}", "delete_todo"),
        (Delete, "/admin/todos/{id}", "delete_todo"),
        (Get, "/todos", "list_todos"),
    ]);
    assert_eq!(
        found,
        [
            Clash {
                first: 0,
                second: 1,
                kind: ClashKind::Route
            },
            Clash {
                first: 2,
                second: 3,
                kind: ClashKind::Name
            },
        ]
    );
}
