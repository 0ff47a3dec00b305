//! Reading an API document that is not in the template (`contract_core::document`): where it
//! names its endpoints, and all of it (statuses, auth, bodies, types). Targets: 10,000 bytes
//! under 200 µs, and linear growth: 1 MB under 50 ms.
//!
//! `cargo bench -p contract-benches --bench document`

use contract_core::document::{named_endpoints, read_document};
use contract_core::source::Source;
use contract_corpus::documents::documents;

// The reader runs inside `#[contract]`, in rustc, which allocates with jemalloc (see the
// `attribute` bench); so does this bench.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    divan::main();
}

/// The corpus's documents, largest first, joined and cut at the last line that ends within
/// `size` bytes: real shapes, in the proportions the corpus has them.
fn document_of(size: usize) -> String {
    let mut docs: Vec<String> = documents().into_iter().map(|d| d.text).collect();
    docs.sort_by_key(|text| std::cmp::Reverse(text.len()));
    let mut text = String::new();
    while text.len() < size {
        for doc in &docs {
            text.push_str(doc);
            text.push_str("\n\n");
            if text.len() >= size {
                break;
            }
        }
    }
    let end = text[..size].rfind('\n').map_or(size, |at| at + 1);
    text.truncate(end);
    text
}

#[divan::bench(args = [10_000, 100_000, 1_000_000])]
fn named_endpoints_of(bencher: divan::Bencher, size: usize) {
    let source = Source::new("doc.md", document_of(size));
    bencher
        .counter(divan::counter::BytesCount::new(source.text().len()))
        .bench(|| named_endpoints(divan::black_box(&source)));
}

#[divan::bench(args = [10_000, 100_000, 1_000_000])]
fn read_document_of(bencher: divan::Bencher, size: usize) {
    let source = Source::new("doc.md", document_of(size));
    bencher
        .counter(divan::counter::BytesCount::new(source.text().len()))
        .bench(|| read_document(divan::black_box(&source)));
}
