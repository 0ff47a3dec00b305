//! Stage 5: the named types a document defines, and every type of its reading in the grammar's
//! words. A type is defined by a TypeScript block (`interface Order {...}`) or by a heading over a
//! field table or a JSON object (`### Order`, see [`super::places`]); only the types some body
//! uses are kept, each once, the first definition winning.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::Reading;
use super::blocks::Block;
use super::fields::{FieldColumns, Request, code_request, field_columns, table_field};
use super::places::Place;
use super::types::{resolve, resolve_fields};
use crate::ast::{TypeDef, TypeExpr, TypeExprKind};
use crate::check::NameSet;
use crate::parse::type_defs_at;
use crate::source::{Source, Span};

/// The types `blocks` define, in document order.
pub(super) fn defined_types(
    source: &Arc<Source>,
    blocks: &[(Block, Range<usize>)],
    places: &[Place],
) -> Vec<TypeDef> {
    let mut types: Vec<TypeDef> = Vec::new();
    // The type whose definition is being read, and its table's columns.
    let mut current: Option<(usize, Option<FieldColumns>)> = None;
    for ((block, range), place) in blocks.iter().zip(places) {
        if let Block::Code { .. } = block {
            types.extend(typescript_types(source, range.clone()));
        }
        if let Some(name) = &place.type_heading {
            current = Some((types.len(), None));
            types.push(TypeDef {
                name: name.clone(),
                ty: TypeExpr {
                    kind: TypeExprKind::Object(Vec::new()),
                    span: name.span,
                },
            });
            continue;
        }
        if !place.in_type {
            current = None;
        }
        if let Some((index, columns)) = &mut current {
            type_block(source, block, range.clone(), &mut types[*index], columns);
        }
    }
    types
}

/// Puts every type of `reading` in the grammar's words (see [`resolve`]), and keeps only the
/// named types some body uses, each once.
pub(super) fn resolve_reading(reading: &mut Reading) {
    // Each name once, the first definition kept; looked up, not scanned, as a document may
    // define many.
    let mut types: Vec<TypeDef> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for def in std::mem::take(&mut reading.types) {
        if !index.contains_key(&def.name.value) {
            index.insert(def.name.value.clone(), types.len());
            types.push(def);
        }
    }
    let defined = |name: &str| index.contains_key(name);
    let mut used = NameSet::default();
    for endpoint in &mut reading.endpoints {
        if let Request::Fields(fields) = &mut endpoint.request {
            resolve_fields(fields, &defined, &mut endpoint.notes);
            for field in fields.iter() {
                if let Some(ty) = &field.ty {
                    add_names(ty, &mut used);
                }
            }
        }
        if let Some(response) = &mut endpoint.response {
            resolve(response, &defined, &mut endpoint.notes);
            add_names(response, &mut used);
        }
    }
    // The types the bodies use, and the types those use.
    let mut kept = 0;
    while kept < used.order.len() {
        if let Some(&at) = index.get(&used.order[kept]) {
            add_names(&types[at].ty, &mut used);
        }
        kept += 1;
    }
    types.retain(|t| used.contains(&t.name.value));
    for def in &mut types {
        resolve(&mut def.ty, &defined, &mut reading.notes);
    }
    reading.types = types;
}

/// Adds to `used` the names `ty` refers to.
fn add_names(ty: &TypeExpr, used: &mut NameSet) {
    match &ty.kind {
        TypeExprKind::Name(name) => used.add(name),
        TypeExprKind::Generic(_, items)
        | TypeExprKind::ArrayLiteral(items)
        | TypeExprKind::Union(items) => {
            for item in items {
                add_names(item, used);
            }
        }
        TypeExprKind::ArrayOf(item) | TypeExprKind::Bounded(item, _) => add_names(item, used),
        TypeExprKind::Object(fields) => {
            for field in fields {
                if let Some(ty) = &field.ty {
                    add_names(ty, used);
                }
            }
        }
        TypeExprKind::Str(_)
        | TypeExprKind::Number(_)
        | TypeExprKind::Bool(_)
        | TypeExprKind::Null => {}
    }
}

/// The TypeScript definitions a code block holds (`interface Order {...}`): named types a body
/// may use.
fn typescript_types(source: &Arc<Source>, range: Range<usize>) -> Vec<TypeDef> {
    let text = source.text().get(range.clone()).unwrap_or("");
    let first = text.trim_start();
    if ["interface ", "export ", "type "]
        .iter()
        .any(|keyword| first.starts_with(keyword))
    {
        type_defs_at(source, Span::new(range.start, range.end))
    } else {
        Vec::new()
    }
}

/// A block of a section that defines a named type: a field table's rows, or a JSON object.
fn type_block(
    source: &Arc<Source>,
    block: &Block,
    range: Range<usize>,
    def: &mut TypeDef,
    columns: &mut Option<FieldColumns>,
) {
    let TypeExprKind::Object(fields) = &mut def.ty.kind else {
        return;
    };
    match block {
        Block::Row {
            cells,
            header: true,
        } => *columns = field_columns(cells),
        Block::Row { cells, .. } => {
            if let Some(columns) = columns
                && let Some(field) = table_field(source, cells, *columns, range)
            {
                fields.push(field);
            }
        }
        Block::Code { .. } if fields.is_empty() => {
            if let Some(Request::Fields(found)) = code_request(source, range) {
                *fields = found;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::document::read_document;
    use crate::source::Source;

    /// Only the types a body uses are kept, each once, in the grammar's words.
    #[test]
    fn the_types_bodies_use() {
        let text = "## GET /orders/{id}\n\n**Response**: `Order`\n\n\
                    ### Order\n\n| Field | Type |\n| --- | --- |\n| id | UUID |\n| lines | Line[] |\n\n\
                    ```ts\ninterface Line { sku: string; qty: int64 }\n```\n\n\
                    ```ts\ninterface Unused { x: string }\n```\n";
        let reading = read_document(&Source::new("doc.md", text));
        let names: Vec<&str> = reading
            .types
            .iter()
            .map(|t| t.name.value.as_str())
            .collect();
        assert_eq!(names, ["Order", "Line"]);
        let rendered = format!("{:?}", reading.types[1].ty.kind);
        assert!(rendered.contains("\"integer\""), "{rendered}");
    }
}
