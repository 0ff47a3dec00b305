//! One answer of `mock` to the example's issues, with state and without: the work behind each
//! request the server takes, so that keeping state stays cheap.
//!
//! `cargo bench -p contract-benches --bench mock`

use std::path::Path;

use contract_core::mock::{Mock, Request, State};

fn main() {
    divan::main();
}

fn mock(stateful: bool) -> Mock {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/todo-api/issues");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the example's issues")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    files.sort();
    let contracts = contract_core::load_files(&files).expect("the example's issues load");
    Mock::new(&contracts).with_state(stateful.then(|| State::new(Some(1))))
}

fn post(body: &[u8]) -> Request<'_> {
    Request {
        method: "POST",
        path: "/api/todos",
        content_type: Some("application/json"),
        body,
        ..Request::default()
    }
}

#[divan::bench(args = [false, true])]
fn create(bencher: divan::Bencher, stateful: bool) {
    let mut mock = mock(stateful);
    let body = br#"{"title": "Buy milk", "tags": ["home"]}"#;
    bencher.bench_local(|| mock.answer(divan::black_box(&post(body))));
}

#[divan::bench(args = [false, true])]
fn read_one(bencher: divan::Bencher, stateful: bool) {
    let mut mock = mock(stateful);
    let made = mock.answer(&post(br#"{"title": "Buy milk"}"#));
    let id = made
        .body
        .as_ref()
        .and_then(|b| b["data"]["id"].as_str())
        .unwrap_or("x")
        .to_string();
    let path = format!("/api/todos/{id}");
    bencher.bench_local(|| {
        mock.answer(divan::black_box(&Request {
            method: "GET",
            path: &path,
            ..Request::default()
        }))
    });
}

#[divan::bench(args = [false, true])]
fn list_twenty(bencher: divan::Bencher, stateful: bool) {
    let mut mock = mock(stateful);
    for n in 0..100 {
        mock.answer(&post(format!(r#"{{"title": "todo {n}"}}"#).as_bytes()));
    }
    bencher.bench_local(|| {
        mock.answer(divan::black_box(&Request {
            method: "GET",
            path: "/api/todos",
            query: Some("limit=20"),
            ..Request::default()
        }))
    });
}
