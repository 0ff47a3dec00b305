//! One `#[contract]` expansion, as the proc macro runs it in every build of a user's crate: read
//! the issue, check it, check the handler's signature, expand. Target: under 200 µs for
//! `01-add-book.md`. Single-threaded: token streams are not `Sync`.
//!
//! The macro allocates through rustc's allocator: rustc on Linux links jemalloc in place of the
//! C library's `malloc` (`nm -D "$(rustc --print sysroot)/bin/rustc"` lists `malloc`), and a proc
//! macro's `System` allocator calls `malloc`. So this bench allocates with jemalloc too; with
//! glibc's allocator, whose bookkeeping an expansion's many small allocations keep busy, it reads
//! about a fifth more.
//!
//! `cargo bench -p contract-benches --bench attribute`

use proc_macro2::TokenStream;
use quote::quote;

#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    divan::main();
}

/// Times `#[contract(args)]` on `item`, the issue read from the corpus each time.
fn expand(bencher: divan::Bencher, args: TokenStream, item: TokenStream) {
    let corpus = contract_corpus::dir(contract_corpus::Kind::Valid);
    bencher.bench_local(|| {
        contract_core::attribute::expand(args.clone(), divan::black_box(item.clone()), &corpus)
            .into_tokens()
    });
}

/// Everything the macro does, file read included.
#[divan::bench]
fn create_book(bencher: divan::Bencher) {
    let item = quote! {
        pub async fn create_book(
            Json(request): Json<CreateBookRequest>,
        ) -> Result<Json<CreateBookResponse>, CreateBookError> {
            Err(CreateBookError::Conflict)
        }
    };
    expand(bencher, quote!("01-add-book.md"), item);
}

/// A larger request (enums, an array of objects, a nullable field), one endpoint of two.
#[divan::bench]
fn create_import(bencher: divan::Bencher) {
    let item = quote! {
        pub async fn create_import(
            Json(request): Json<CreateImportRequest>,
        ) -> Result<Accepted<CreateImportResponse>, CreateImportError> {
            Err(CreateImportError::BadRequest)
        }
    };
    let args = quote!(
        "07-catalogue-imports.md",
        endpoint = "POST /api/catalogue/imports"
    );
    expand(bencher, args, item);
}
