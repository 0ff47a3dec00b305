//! One `#[contract]` expansion, as the proc macro runs it in every build of a user's crate: read
//! the issue, check it, check the handler's signature, expand. Target: under 200 µs for
//! `01-create-user.md`. Single-threaded: token streams are not `Sync`.
//!
//! `cargo bench -p contract-core --bench attribute`

use std::path::Path;

use quote::quote;

fn main() {
    divan::main();
}

fn corpus() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/contracts/valid"
    ))
}

/// Everything the macro does, file read included.
#[divan::bench]
fn create_user(bencher: divan::Bencher) {
    let item = quote! {
        pub async fn create_user(
            Json(request): Json<CreateUserRequest>,
        ) -> Result<Json<CreateUserResponse>, CreateUserError> {
            Err(CreateUserError::Conflict)
        }
    };
    bencher.bench_local(|| {
        contract_core::attribute::expand(
            quote!("01-create-user.md"),
            divan::black_box(item.clone()),
            corpus(),
        )
        .into_tokens()
    });
}

/// The largest issue of the corpus, one endpoint of two.
#[divan::bench]
fn create_import(bencher: divan::Bencher) {
    let item = quote! {
        pub async fn create_import(
            Json(request): Json<CreateImportRequest>,
        ) -> Result<Accepted<CreateImportResponse>, CreateImportError> {
            Err(CreateImportError::BadRequest)
        }
    };
    bencher.bench_local(|| {
        contract_core::attribute::expand(
            quote!("07-imports.md", endpoint = "POST /api/imports"),
            divan::black_box(item.clone()),
            corpus(),
        )
        .into_tokens()
    });
}
