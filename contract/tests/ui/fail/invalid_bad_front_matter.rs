// `bad-front-matter.md` from the corpus: the contract's own diagnostics, and nothing else.
use axum::Json;
use axum::extract::Path;
use contract::contract;

#[contract("issues/invalid/bad-front-matter.md")]
pub async fn create_loan_renewal(
    Path(loan_id): Path<String>,
    Json(request): Json<CreateLoanRenewalRequest>,
) -> Result<Json<CreateLoanRenewalResponse>, CreateLoanRenewalError> {
    let _ = (loan_id, request);
    Err(CreateLoanRenewalError::Conflict)
}

fn main() {}
