//! The mock's memory: what a `POST` to a collection created, for later `GET`s, `PUT`s, `PATCH`es
//! and `DELETE`s, so a front end can be built against it for a week.
//!
//! Collections come from the routes: a route shape that also has an item route under it
//! (`/api/todos` and `/api/todos/{id}`; `/api/posts/{postId}/comments` and
//! `/api/posts/{postId}/comments/{id}`) is a collection, and each concrete path of it
//! (`/api/posts/7/comments`) holds its own items. An item is a JSON object with every field any
//! of its endpoints names; each answer shows it through the endpoint's own response type (a
//! field whose stored value does not fit the type keeps the contract's sample), so every answer
//! still is of the contract's type.
//!
//! Generated values (identifiers, timestamps, numbers within bounds) come from one random
//! generator: seeded, the same requests give the same answers byte for byte.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, SystemTime};

use serde_json::{Map, Value};

use contract_validation::Pattern;

use super::{object_fields, resolve, text_of};
use crate::conform::{Checker, Rules};
use crate::model::{Field, NamedType, StringFormat, Type};

/// What an endpoint does to its collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// `POST` to the collection.
    Create,
    /// `GET` on the collection.
    List,
    /// `GET` on an item.
    Read,
    /// `PUT` on an item.
    Replace,
    /// `PATCH` on an item.
    Merge,
    /// `DELETE` on an item.
    Remove,
}

impl Role {
    /// The role of an endpoint of `method` whose route is the collection (`on_item` false) or an
    /// item of it.
    pub(super) fn of(method: &str, on_item: bool) -> Option<Role> {
        Some(match (method, on_item) {
            ("POST", false) => Role::Create,
            ("GET", false) => Role::List,
            ("GET", true) => Role::Read,
            ("PUT", true) => Role::Replace,
            ("PATCH", true) => Role::Merge,
            ("DELETE", true) => Role::Remove,
            _ => return None,
        })
    }

    fn on_item(self) -> bool {
        matches!(
            self,
            Role::Read | Role::Replace | Role::Merge | Role::Remove
        )
    }
}

/// An endpoint of a collection: its role, and the names its items' identifier may have (the item
/// route's parameter, then `id`).
#[derive(Clone, Debug)]
pub(super) struct Member {
    pub role: Role,
    pub id_names: Vec<String>,
}

/// What a stateful answer needs of its endpoint.
pub(super) struct Call<'a> {
    pub member: &'a Member,
    /// The request's path, the item's identifier (its last path parameter, decoded), and its
    /// query and JSON body once they have been checked.
    pub path: &'a str,
    pub id: Option<&'a str>,
    pub query: &'a BTreeMap<String, String>,
    pub body: Option<&'a Value>,
    /// The endpoint's request and response types.
    pub request_type: Option<&'a Type>,
    pub response_type: Option<&'a Type>,
    /// The query parameters the contract names.
    pub query_fields: &'a [Field],
    pub types: &'a [NamedType],
    /// The patterns of the endpoint's types, compiled.
    pub patterns: &'a BTreeMap<String, Pattern>,
}

impl Call<'_> {
    /// Whether the contract names the query parameter `name`.
    fn names_query(&self, name: &str) -> bool {
        self.query_fields.iter().any(|f| f.name == name)
    }
}

/// What the collections hold.
pub struct State {
    /// Each collection's concrete path (`/api/posts/7/comments`) with its items.
    items: BTreeMap<String, Collection>,
    rng: fastrand::Rng,
    /// With a seed, timestamps count from a fixed day instead of now.
    seeded: bool,
    /// How many items were made, for integer identifiers and seeded timestamps.
    made: u64,
}

/// What a stateful answer is: the success body to send, or the contract's "not found".
pub(super) enum Outcome {
    Body(Option<Value>),
    NotFound,
}

/// The most items a `POST` keeps in a collection; past it, the oldest goes. A person building a
/// screen never gets near it; a load test would otherwise grow the mock without end.
const MAX_ITEMS: usize = 1_000;

/// One collection's items, in the order they came, found by identifier in constant time.
#[derive(Default)]
struct Collection {
    items: BTreeMap<u64, Map<String, Value>>,
    /// Each item's identifier, as a path writes it, to its key in `items`.
    by_id: HashMap<String, u64>,
    next: u64,
}

impl Collection {
    /// Adds `item`, identified by the first of `ids` it has; an item with the identifier of one
    /// already there replaces it.
    fn push(&mut self, item: Map<String, Value>, ids: &[String]) {
        let key = self.next;
        self.next += 1;
        if let Some(id) = identifier(&item, ids)
            && let Some(old) = self.by_id.insert(id, key)
        {
            self.items.remove(&old);
        }
        self.items.insert(key, item);
    }

    /// Drops the oldest items past `most`.
    fn trim(&mut self, most: usize, ids: &[String]) {
        while self.items.len() > most {
            let Some((_, old)) = self.items.pop_first() else {
                break;
            };
            if let Some(id) = identifier(&old, ids) {
                self.by_id.remove(&id);
            }
        }
    }

    /// The key of the item whose identifier is `id`.
    fn find(&self, id: &str) -> Option<u64> {
        self.by_id.get(id).copied()
    }

    fn remove(&mut self, key: u64, ids: &[String]) {
        if let Some(item) = self.items.remove(&key)
            && let Some(id) = identifier(&item, ids)
        {
            self.by_id.remove(&id);
        }
    }

    /// After a change to the item at `key`: its identifier, `was` before, indexed anew.
    fn reindex(&mut self, key: u64, was: Option<String>, ids: &[String]) {
        let now = self.items.get(&key).and_then(|item| identifier(item, ids));
        if now != was {
            if let Some(was) = was {
                self.by_id.remove(&was);
            }
            if let Some(now) = now
                && let Some(other) = self.by_id.insert(now, key)
            {
                self.items.remove(&other);
            }
        }
    }
}

/// The day seeded timestamps count from: 2026-01-01T00:00:00Z.
const SEEDED_EPOCH: u64 = 1_767_225_600;

impl State {
    /// Empty collections; `seed` makes every generated value repeatable.
    pub fn new(seed: Option<u64>) -> State {
        State {
            items: BTreeMap::new(),
            rng: seed.map_or_else(fastrand::Rng::new, fastrand::Rng::with_seed),
            seeded: seed.is_some(),
            made: 0,
        }
    }

    /// Adds `items` to the collection at `path` (from `--data`); an item without an identifier
    /// gets one.
    pub(super) fn preload(&mut self, path: &str, items: Vec<Map<String, Value>>, ids: &[String]) {
        let key = path.trim_end_matches('/').to_string();
        for mut item in items {
            if !ids.iter().any(|name| item.contains_key(name)) {
                let id = self.fresh_id(None);
                item.insert(ids.first().cloned().unwrap_or_else(|| "id".into()), id);
            }
            self.items.entry(key.clone()).or_default().push(item, ids);
        }
    }

    /// The answer of a stateful endpoint to a request that passed every check, given `sample`,
    /// the body the contract alone gives.
    pub(super) fn answer(&mut self, call: &Call<'_>, sample: Option<Value>) -> Outcome {
        let role = call.member.role;
        let path = call.path.trim_end_matches('/');
        let collection = match role.on_item() {
            true => match path.rsplit_once('/') {
                Some((collection, _)) => collection,
                None => return Outcome::Body(sample),
            },
            false => path,
        };
        match role {
            Role::Create => Outcome::Body(self.create(call, collection, sample)),
            Role::List => Outcome::Body(self.list(call, collection, sample)),
            _ => {
                let id = call.id.unwrap_or_default().to_string();
                let ids = &call.member.id_names;
                let Some(items) = self.items.get_mut(collection) else {
                    return Outcome::NotFound;
                };
                let Some(key) = items.find(&id) else {
                    return Outcome::NotFound;
                };
                if role == Role::Remove {
                    items.remove(key, ids);
                    // What was nested under it goes with it.
                    let under = format!("{path}/");
                    self.items.retain(|key, _| !key.starts_with(&under));
                    return Outcome::Body(sample);
                }
                let item = items.items.get_mut(&key).expect("indexed");
                match (role, call.body.and_then(Value::as_object)) {
                    (Role::Replace, Some(body)) => {
                        replace(item, body, call.request_type, call.types)
                    }
                    (Role::Merge, Some(body)) => {
                        item.extend(body.iter().map(|(k, v)| (k.clone(), v.clone())));
                    }
                    _ => {}
                }
                let item = item.clone();
                items.reindex(key, Some(id), ids);
                Outcome::Body(show_item(call, sample, &item))
            }
        }
    }

    /// A `POST`: an item from the request's fields where the names match, a fresh identifier and
    /// fresh generated values, and the sample for the rest; stored, and shown as the endpoint
    /// answers. One pass builds both, so each value is checked against the answer's type once.
    fn create(
        &mut self,
        call: &Call<'_>,
        collection: &str,
        sample: Option<Value>,
    ) -> Option<Value> {
        let given = call.body.and_then(Value::as_object);
        let mut item = Map::new();
        if let Some(body) = given {
            replace(&mut item, body, call.request_type, call.types);
        }
        let slot = call
            .response_type
            .and_then(|ty| item_slot(ty, call.types, &call.member.id_names, 0));
        let mut body = sample;
        if let Some(slot) = slot {
            self.made += 1;
            let sampled = body
                .as_ref()
                .and_then(|b| at(b, &slot.pointer))
                .and_then(Value::as_object);
            let mut shown_fields = Map::new();
            for field in slot.fields {
                let sampled = sampled.and_then(|s| s.get(&field.name));
                let fresh = match given.is_some_and(|b| b.contains_key(&field.name)) {
                    true => None,
                    false => self
                        .fresh(call, field)
                        .filter(|v| fits(&field.ty, v, call.types, call.patterns)),
                };
                // A fresh value was checked as it was made.
                let checked = fresh.is_some();
                if let Some(fresh) = fresh {
                    item.insert(field.name.clone(), fresh);
                } else if let Some(sampled) = sampled
                    && !item.contains_key(&field.name)
                {
                    item.insert(field.name.clone(), sampled.clone());
                }
                if let Some(value) = shown(field, item.get(&field.name), checked, sampled, call) {
                    shown_fields.insert(field.name.clone(), value);
                }
            }
            if let Some(place) = body.as_mut().and_then(|b| at_mut(b, &slot.pointer)) {
                *place = Value::Object(shown_fields);
            }
        }
        let items = self.items.entry(collection.to_string()).or_default();
        items.push(item, &call.member.id_names);
        items.trim(MAX_ITEMS, &call.member.id_names);
        body
    }

    /// A generated value for `field` of a new item: its identifier, or a value
    /// [`State::fresh_value`] makes.
    fn fresh(&mut self, call: &Call<'_>, field: &Field) -> Option<Value> {
        let ty = resolve(&field.ty, call.types);
        match call.member.id_names.contains(&field.name) {
            true => Some(self.fresh_id(ty)),
            false => self.fresh_value(&field.name, ty),
        }
    }

    /// A `GET` on the collection: its items, filtered by the query parameters that name an item
    /// field, paged by those the contract names for paging, in the endpoint's shape.
    fn list(&self, call: &Call<'_>, collection: &str, sample: Option<Value>) -> Option<Value> {
        let mut body = sample?;
        let Some(slot) = call
            .response_type
            .and_then(|ty| list_slot(ty, call.types, 0))
        else {
            return Some(body);
        };
        let paging = Paging::read(call);
        let matching: Vec<&Map<String, Value>> = self
            .items
            .get(collection)
            .into_iter()
            .flat_map(|c| c.items.values())
            .filter(|item| {
                call.query.iter().all(|(name, wanted)| {
                    !call.names_query(name)
                        || paging.is_paging(name)
                        || item.get(name).is_none_or(|v| text_of(v) == *wanted)
                })
            })
            .collect();
        let total = matching.len();
        let shown: Vec<Value> = matching
            .into_iter()
            .skip(paging.offset)
            .take(paging.limit.unwrap_or(usize::MAX))
            .map(|item| project(item, slot.fields, None, call))
            .collect();
        let Some(list) = at_mut(&mut body, &slot.pointer) else {
            return Some(body);
        };
        // Each item fits its type already; the list must have as many as the type allows.
        let count = u64::try_from(shown.len()).unwrap_or(u64::MAX);
        let allowed = match resolve(slot.ty, call.types) {
            Some(Type::Array { length, .. }) => {
                length.min.is_none_or(|min| count >= min)
                    && length.max.is_none_or(|max| count <= max)
            }
            _ => true,
        };
        if allowed {
            *list = Value::Array(shown);
        }
        // The envelope's counters, where it has them.
        if let Some(parent) = slot
            .pointer
            .split_last()
            .and_then(|(_, up)| at_mut(&mut body, up))
            && let Some(parent) = parent.as_object_mut()
        {
            let counts = [
                (
                    &["total", "count", "totalCount", "total_count", "totalItems"][..],
                    Some(total),
                ),
                (&["page"][..], paging.page),
                (LIMIT_NAMES, paging.limit),
            ];
            for (names, value) in counts {
                let Some(value) = value else { continue };
                for name in names {
                    if let Some(field) = slot.parent_fields.iter().find(|f| f.name == *name) {
                        let value = Value::from(value);
                        if fits(&field.ty, &value, call.types, call.patterns) {
                            parent.insert(field.name.clone(), value);
                        }
                    }
                }
            }
        }
        Some(body)
    }

    /// A fresh identifier of `ty`: a UUID, the next number, or the next number as a string.
    fn fresh_id(&mut self, ty: Option<&Type>) -> Value {
        match ty {
            Some(Type::Integer { range }) => {
                let start = range.min.unwrap_or(1).max(1);
                Value::from(start.saturating_add(i64::try_from(self.made).unwrap_or(0)))
            }
            Some(Type::String {
                format: Some(StringFormat::Uuid),
                ..
            }) => Value::String(self.uuid()),
            Some(Type::String { .. }) => Value::String(self.made.to_string()),
            _ => Value::String(self.uuid()),
        }
    }

    /// A version 4 UUID from the generator.
    fn uuid(&mut self) -> String {
        let mut bytes = self.rng.u128(..).to_be_bytes();
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut text = String::with_capacity(36);
        for (index, byte) in bytes.iter().enumerate() {
            if matches!(index, 4 | 6 | 8 | 10) {
                text.push('-');
            }
            text.push(char::from(HEX[usize::from(byte >> 4)]));
            text.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
        text
    }

    /// A generated value for a field `name` no request gave: a timestamp for a date-time, a
    /// number within its bounds, a flag as a new item has it (`done`, `archived` false; `active`,
    /// `enabled` true); `None` keeps the sample (names and choices read as written).
    fn fresh_value(&mut self, name: &str, ty: Option<&Type>) -> Option<Value> {
        match ty? {
            Type::Boolean => {
                let name = name.to_ascii_lowercase();
                let on = ["active", "enabled", "visible", "available", "public"];
                Some(Value::Bool(on.iter().any(|word| name.contains(word))))
            }
            Type::String {
                format: Some(StringFormat::DateTime),
                ..
            } => {
                let now = if self.seeded {
                    let seconds = SEEDED_EPOCH + self.made * 3600 + self.rng.u64(..3600);
                    SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)
                } else {
                    SystemTime::now()
                };
                Some(Value::String(
                    humantime::format_rfc3339_seconds(now).to_string(),
                ))
            }
            Type::Integer { range } => match (range.min, range.max) {
                (Some(min), Some(max)) if min <= max => Some(Value::from(self.rng.i64(min..=max))),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Where the collection's items sit in a list answer, and what an item there has.
struct ListSlot<'a> {
    pointer: Vec<&'a str>,
    /// The list's own type, to check the list made against it.
    ty: &'a Type,
    fields: &'a [Field],
    /// The fields beside the list (`total`, `page`): empty for a bare array.
    parent_fields: &'a [Field],
}

/// Where an item sits in an item answer (`data` of `{ success, data: {...} }`), and its fields.
struct ItemSlot<'a> {
    pointer: Vec<&'a str>,
    fields: &'a [Field],
}

/// The item object of a response type: the object with an identifier field, at the top or in a
/// field of an envelope.
fn item_slot<'a>(
    ty: &'a Type,
    types: &'a [NamedType],
    ids: &[String],
    depth: usize,
) -> Option<ItemSlot<'a>> {
    let fields = object_fields(ty, types)?;
    if fields.iter().any(|f| ids.contains(&f.name)) {
        return Some(ItemSlot {
            pointer: Vec::new(),
            fields,
        });
    }
    if depth >= 3 {
        return None;
    }
    fields.iter().find_map(|field| {
        let mut slot = item_slot(&field.ty, types, ids, depth + 1)?;
        slot.pointer.insert(0, &field.name);
        Some(slot)
    })
}

/// The list of a collection answer: a bare array of objects, or one in a field of an envelope.
fn list_slot<'a>(ty: &'a Type, types: &'a [NamedType], depth: usize) -> Option<ListSlot<'a>> {
    match resolve(ty, types)? {
        Type::Array { items, .. } => Some(ListSlot {
            pointer: Vec::new(),
            ty,
            fields: object_fields(items, types)?,
            parent_fields: &[],
        }),
        _ if depth < 3 => {
            let fields = object_fields(ty, types)?;
            fields.iter().find_map(|field| {
                let mut slot = list_slot(&field.ty, types, depth + 1)?;
                if slot.pointer.is_empty() {
                    slot.parent_fields = fields;
                }
                slot.pointer.insert(0, &field.name);
                Some(slot)
            })
        }
        _ => None,
    }
}

/// The body with its item slot showing `item` through the endpoint's response type.
fn show_item(call: &Call<'_>, sample: Option<Value>, item: &Map<String, Value>) -> Option<Value> {
    let mut body = sample?;
    let Some(slot) = call
        .response_type
        .and_then(|ty| item_slot(ty, call.types, &call.member.id_names, 0))
    else {
        return Some(body);
    };
    if let Some(place) = at_mut(&mut body, &slot.pointer) {
        let shown = project(item, slot.fields, place.as_object(), call);
        *place = shown;
    }
    Some(body)
}

/// `item` through `fields`: each field's stored value where it fits the field's type, else the
/// sample's; an optional field with neither is left out.
fn project(
    item: &Map<String, Value>,
    fields: &[Field],
    sample: Option<&Map<String, Value>>,
    call: &Call<'_>,
) -> Value {
    let mut out = Map::new();
    for field in fields {
        let sampled = sample.and_then(|s| s.get(&field.name));
        if let Some(value) = shown(field, item.get(&field.name), false, sampled, call) {
            out.insert(field.name.clone(), value);
        }
    }
    Value::Object(out)
}

/// What an answer shows for `field`: the stored value when it fits the answer's type (the
/// sample's own value, or one `checked` as it was made, needs no check), else the sample's,
/// else, for a required field, the contract's sample of its type.
fn shown(
    field: &Field,
    stored: Option<&Value>,
    checked: bool,
    sampled: Option<&Value>,
    call: &Call<'_>,
) -> Option<Value> {
    let stored = stored.filter(|v| {
        checked || Some(*v) == sampled || fits(&field.ty, v, call.types, call.patterns)
    });
    stored
        .or(sampled)
        .cloned()
        .or_else(|| required_sample(field, call))
}

/// A value for a required field that has none: the contract's sample of its type. An optional
/// field gets none, and is left out.
fn required_sample(field: &Field, call: &Call<'_>) -> Option<Value> {
    (!field.optional).then(|| {
        let made = crate::expand::samples::Samples::new(call.types).value(&field.ty, &field.name);
        crate::expand::samples::to_value(&made)
    })
}

/// Writes a request's fields into `item`: each one given, and, for the fields the request type
/// names but the request leaves out, nothing (an optional field dropped, an array emptied).
fn replace(
    item: &mut Map<String, Value>,
    body: &Map<String, Value>,
    request_type: Option<&Type>,
    types: &[NamedType],
) {
    if let Some(fields) = request_type.and_then(|ty| object_fields(ty, types)) {
        for field in fields.iter().filter(|f| !body.contains_key(&f.name)) {
            match resolve(&field.ty, types) {
                Some(Type::Array { .. }) => {
                    item.insert(field.name.clone(), Value::Array(Vec::new()));
                }
                _ => {
                    item.remove(&field.name);
                }
            }
        }
    }
    item.extend(body.iter().map(|(k, v)| (k.clone(), v.clone())));
}

/// The names a page's size goes by, as a query parameter and as an envelope's field.
const LIMIT_NAMES: &[&str] = &[
    "limit",
    "pageSize",
    "page_size",
    "perPage",
    "per_page",
    "size",
];

/// The paging a list request asks for, by the parameters its contract names.
struct Paging {
    page: Option<usize>,
    limit: Option<usize>,
    offset: usize,
    names: Vec<String>,
}

impl Paging {
    fn read(call: &Call<'_>) -> Paging {
        let number = |names: &[&str]| {
            names.iter().find_map(|name| {
                call.names_query(name)
                    .then(|| call.query.get(*name))
                    .flatten()
                    .and_then(|v| v.parse::<usize>().ok())
                    .map(|v| (name.to_string(), v))
            })
        };
        let limit = number(LIMIT_NAMES);
        let page = number(&["page"]).filter(|(_, p)| *p >= 1);
        let offset = number(&["offset", "skip"]);
        let mut names = Vec::new();
        names.extend(
            limit
                .iter()
                .chain(&page)
                .chain(&offset)
                .map(|(n, _)| n.clone()),
        );
        let limit = limit.map(|(_, l)| l);
        let page = page.map(|(_, p)| p);
        let offset = match (offset, page, limit) {
            (Some((_, offset)), _, _) => offset,
            (None, Some(page), Some(limit)) => (page - 1).saturating_mul(limit),
            _ => 0,
        };
        Paging {
            page,
            limit,
            offset,
            names,
        }
    }

    /// Whether `name` is a paging parameter of this request, not a filter.
    fn is_paging(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }
}

/// Whether `value` is of `ty` as the handlers read it, its formats, bounds and patterns kept.
fn fits(
    ty: &Type,
    value: &Value,
    types: &[NamedType],
    patterns: &BTreeMap<String, Pattern>,
) -> bool {
    if (Checker { types }).check(ty, value).is_err() {
        return false;
    }
    let mut rules = Rules {
        patterns,
        out: contract_validation::Violations::new(),
    };
    rules.value(ty, value, &contract_validation::At::Body, 0);
    rules.out.into_result().is_ok()
}

/// The item's identifier as text, by the first of `ids` it has.
fn identifier(item: &Map<String, Value>, ids: &[String]) -> Option<String> {
    ids.iter().find_map(|name| item.get(name)).map(text_of)
}

fn at<'a>(value: &'a Value, pointer: &[&str]) -> Option<&'a Value> {
    pointer.iter().try_fold(value, |v, key| v.get(key))
}

fn at_mut<'a>(value: &'a mut Value, pointer: &[&str]) -> Option<&'a mut Value> {
    pointer.iter().try_fold(value, |v, key| v.get_mut(key))
}
