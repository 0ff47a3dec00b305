//! The checked model as an OpenAPI 3.1 document, for the tools that read contracts that way
//! (Swagger UI, client generators, gateways, contract testers).
//!
//! It describes what the generated server answers, not only what the issue lists: besides the
//! contract's errors, the 400 (or 422) a handler gives for input it cannot read and the 401 for a
//! missing token, each with the one JSON error body. Output is deterministic: the same contracts
//! give the same document, byte for byte.

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::codegen::errors::{Origin, error_variants};
use crate::model::{Bounds, Contract, Endpoint, Field, StringFormat, Type};
use crate::naming;
use contract_route_names::ParamNames;

/// What the document says about itself.
#[derive(Clone, Debug)]
pub struct Info {
    /// `info.title`: the API's name (`API` by default).
    pub title: String,
    /// `info.version`: the version of the API described, not of OpenAPI (`0.1.0` by default).
    pub version: String,
}

impl Default for Info {
    fn default() -> Self {
        Info {
            title: "API".to_owned(),
            version: "0.1.0".to_owned(),
        }
    }
}

/// One OpenAPI 3.1 document for every endpoint of `contracts`.
pub fn document(contracts: &[Contract], info: &Info) -> Value {
    let mut schemas = Schemas::default();
    schemas.insert("ErrorBody".to_owned(), error_body_schema());
    let mut paths = Map::new();
    let mut uses_bearer = false;
    for contract in contracts {
        for named in &contract.types {
            let schema = match &named.definition {
                Some(definition) => {
                    let name = naming::pascal(&named.name);
                    let schema = schemas.schema(definition, &name, false);
                    // An object is its own component already, under that name: a reference to
                    // itself in its place would leave the document with no schema for it.
                    if named.name == name
                        && schema["$ref"] == format!("#/components/schemas/{name}")
                    {
                        continue;
                    }
                    schema
                }
                None => {
                    json!({ "description": format!("`{}`: a model the service defines.", named.name) })
                }
            };
            schemas.insert(named.name.clone(), schema);
        }
    }
    // Served routes name a parameter one way at each place (`/api/todos/{todoId}` and
    // `/api/todos/{id}` are one path), as the generated router does; the order is the router's.
    let mut endpoints: Vec<(&Contract, &Endpoint)> = contracts
        .iter()
        .flat_map(|c| c.endpoints.iter().map(move |e| (c, e)))
        .collect();
    endpoints.sort_by(|a, b| (&a.1.route, a.1.method).cmp(&(&b.1.route, b.1.method)));
    let mut param_names = ParamNames::default();
    for (contract, endpoint) in endpoints {
        uses_bearer |= endpoint.auth;
        let route = param_names.canonical(&endpoint.route);
        let operation = operation(contract, endpoint, &route, &mut schemas);
        let item = paths
            .entry(route)
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(item) = item {
            item.insert(endpoint.method.as_str().to_lowercase(), operation);
        }
    }
    let mut components = Map::new();
    components.insert("schemas".to_owned(), Value::Object(schemas.all));
    if uses_bearer {
        components.insert(
            "securitySchemes".to_owned(),
            json!({ "bearerAuth": { "type": "http", "scheme": "bearer" } }),
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": { "title": info.title, "version": info.version },
        "paths": paths,
        "components": components,
    })
}

/// `route` is the path as served, whose parameters are the endpoint's path parameters in order.
fn operation(
    contract: &Contract,
    endpoint: &Endpoint,
    route: &str,
    schemas: &mut Schemas,
) -> Value {
    let base = naming::pascal(&endpoint.name);
    let mut op = Map::new();
    op.insert("operationId".to_owned(), json!(endpoint.name));
    if let Some(title) = &contract.title {
        op.insert("summary".to_owned(), json!(title));
    }
    if let Some(objective) = &contract.objective {
        op.insert("description".to_owned(), json!(objective));
    }
    let served_names = route
        .split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')));
    let mut parameters: Vec<Value> = endpoint
        .path_params
        .iter()
        .zip(served_names)
        .map(|(p, name)| {
            let mut schema = schemas.schema(
                &p.ty,
                &format!("{base}Path{}", naming::pascal(&p.name)),
                false,
            );
            // No router matches an empty segment: a path parameter is never `""`.
            let min = schema.get("minLength").and_then(Value::as_u64);
            if schema["type"] == "string" && min.is_none_or(|min| min < 1) {
                schema["minLength"] = json!(1);
            }
            json!({ "name": name, "in": "path", "required": true, "schema": schema })
        })
        .collect();
    parameters.extend(endpoint.query.iter().map(|field| {
        let name = format!("{base}Query{}", naming::pascal(&field.name));
        json!({ "name": field.name, "in": "query", "required": !field.optional,
                "schema": schemas.schema(&field.ty, &name, false) })
    }));
    if !parameters.is_empty() {
        op.insert("parameters".to_owned(), Value::Array(parameters));
    }
    if let Some(request) = &endpoint.request {
        let schema = schemas.schema(request, &format!("{base}Request"), true);
        op.insert(
            "requestBody".to_owned(),
            json!({ "required": true, "content": { "application/json": { "schema": schema } } }),
        );
    }
    op.insert("responses".to_owned(), responses(endpoint, &base, schemas));
    if endpoint.auth {
        op.insert("security".to_owned(), json!([{ "bearerAuth": [] }]));
    }
    Value::Object(op)
}

fn responses(endpoint: &Endpoint, base: &str, schemas: &mut Schemas) -> Value {
    let mut responses = Map::new();
    let status = endpoint.response.status;
    let mut success = Map::new();
    success.insert("description".to_owned(), json!(reason(status)));
    if let Some(body) = &endpoint.response.body {
        let schema = schemas.schema(body, &format!("{base}Response"), false);
        success.insert(
            "content".to_owned(),
            json!({ "application/json": { "schema": schema } }),
        );
    }
    responses.insert(status.to_string(), Value::Object(success));
    for error in error_variants(endpoint) {
        if error.origin == Origin::Stub {
            continue;
        }
        responses.insert(
            error.status.to_string(),
            json!({
                "description": error.message,
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } },
            }),
        );
    }
    Value::Object(responses)
}

fn reason(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Success")
}

/// `{"success": false, "error": {"status", "message", "detail"?}}`, the body of every error.
fn error_body_schema() -> Value {
    json!({
        "type": "object",
        "description": "The body of every error answer.",
        "required": ["success", "error"],
        "properties": {
            "success": { "type": "boolean", "const": false },
            "error": {
                "type": "object",
                "required": ["status", "message"],
                "properties": {
                    "status": { "type": "integer", "description": "The HTTP status, again." },
                    "message": { "type": "string", "description": "The contract's message for this status." },
                    "detail": { "type": "string", "description": "What exactly was wrong, when known." },
                },
            },
        },
    })
}

/// The named schemas of the document; nested objects become components named like the Rust
/// types the expansion generates (`CreateUserResponseData`).
#[derive(Default)]
struct Schemas {
    all: Map<String, Value>,
}

impl Schemas {
    fn insert(&mut self, name: String, schema: Value) {
        self.all.insert(name, schema);
    }

    /// The schema of `ty`; an object becomes the component `name` (or `name2`, ... when taken) and
    /// the schema is a reference to it. `strict` objects (request bodies) refuse unknown fields.
    fn schema(&mut self, ty: &Type, name: &str, strict: bool) -> Value {
        match ty {
            Type::String {
                format,
                length,
                pattern,
            } => {
                let mut schema = json!({ "type": "string" });
                if let Some(format) = format {
                    schema["format"] = json!(format_name(*format));
                }
                bounds(&mut schema, "minLength", "maxLength", length);
                if let Some(pattern) = pattern {
                    schema["pattern"] = json!(pattern);
                }
                schema
            }
            // The Rust types' widths: a client or a tester then sends no integer that `i64`
            // cannot hold.
            Type::Number { range } => {
                let mut schema = json!({ "type": "number", "format": "double" });
                bounds(&mut schema, "minimum", "maximum", range);
                schema
            }
            Type::Integer { range } => {
                let mut schema = json!({ "type": "integer", "format": "int64" });
                bounds(&mut schema, "minimum", "maximum", range);
                schema
            }
            Type::Boolean => json!({ "type": "boolean" }),
            Type::Any { json_object: true } => json!({ "type": "object" }),
            Type::Any { json_object: false } => json!({}),
            Type::Array { items, length } => {
                // `...DataItems` holds `...DataItem`s, as the Rust types are named.
                let item_name = naming::singular_of(name).unwrap_or_else(|| format!("{name}Item"));
                let mut schema =
                    json!({ "type": "array", "items": self.schema(items, &item_name, strict) });
                bounds(&mut schema, "minItems", "maxItems", length);
                schema
            }
            Type::Nullable { inner } => {
                let inner = self.schema(inner, name, strict);
                match inner.get("type").and_then(Value::as_str) {
                    Some(simple) if inner.get("$ref").is_none() => {
                        let mut nullable = inner.clone();
                        nullable["type"] = json!([simple, "null"]);
                        if let Some(values) = nullable.get_mut("enum").and_then(Value::as_array_mut)
                        {
                            values.push(Value::Null);
                        }
                        nullable
                    }
                    _ => json!({ "anyOf": [inner, { "type": "null" }] }),
                }
            }
            Type::Enum { values } => json!({ "type": "string", "enum": values }),
            Type::Ref { name } => json!({ "$ref": format!("#/components/schemas/{name}") }),
            Type::Object { fields } => {
                let name = self.claim(name);
                let schema = self.object(fields, &name, strict);
                self.all.insert(name.clone(), schema);
                json!({ "$ref": format!("#/components/schemas/{name}") })
            }
        }
    }

    fn object(&mut self, fields: &[Field], name: &str, strict: bool) -> Value {
        // Reserve the name first so nested types cannot take it.
        self.all.insert(name.to_owned(), Value::Null);
        let mut properties = Map::new();
        let mut required = Vec::new();
        for field in fields {
            let nested = format!("{name}{}", naming::pascal(&field.name));
            properties.insert(field.name.clone(), self.schema(&field.ty, &nested, strict));
            if !field.optional {
                required.push(json!(field.name));
            }
        }
        let mut schema = Map::new();
        schema.insert("type".to_owned(), json!("object"));
        if !required.is_empty() {
            schema.insert("required".to_owned(), Value::Array(required));
        }
        schema.insert("properties".to_owned(), Value::Object(properties));
        if strict {
            schema.insert("additionalProperties".to_owned(), json!(false));
        }
        Value::Object(schema)
    }

    fn claim(&self, wanted: &str) -> String {
        let mut name = wanted.to_owned();
        let mut n = 2;
        while self.all.contains_key(&name) {
            name = format!("{wanted}{n}");
            n += 1;
        }
        name
    }
}

fn format_name(format: StringFormat) -> &'static str {
    match format {
        StringFormat::DateTime => "date-time",
        StringFormat::Uuid => "uuid",
        StringFormat::Email => "email",
        StringFormat::Uri => "uri",
    }
}

/// Writes a type's bounds as the two JSON Schema keywords for them (`minLength`/`maxLength`, ...).
fn bounds<T: Serialize + Copy>(schema: &mut Value, min: &str, max: &str, bounds: &Bounds<T>) {
    if let Some(value) = bounds.min {
        schema[min] = json!(value);
    }
    if let Some(value) = bounds.max {
        schema[max] = json!(value);
    }
}
