//! Every endpoint of every valid issue of the corpus (`tests/contracts/valid/`), and the fixture
//! beyond it, under `#[contract]`: the types, the return form of each status, state, the bearer
//! token, the query, named models, and `routes!` mounting them all (three contracts name the
//! parameter of `/api/books/...` differently, two that of `/api/reviews/...`; the router
//! reconciles them).

use axum::Json;
use axum::extract::{Path, Query, State};
use contract::{Accepted, BearerToken, Created, NoContent, WithStatus, contract, routes};

#[derive(Clone, Default)]
pub struct AppState {
    pub greeting: &'static str,
}

// 00-seed-template.md

#[contract("issues/valid/00-seed-template.md")]
pub async fn endpoint(
    Json(request): Json<EndpointRequest>,
) -> Result<Json<EndpointResponse>, EndpointError> {
    let _: (String, f64) = (request.field1, request.field2);
    Ok(Json(EndpointResponse {
        success: true,
        data: serde_json::json!({}),
    }))
}

// 01-add-book.md

#[contract("issues/valid/01-add-book.md")]
pub async fn create_book(
    Json(request): Json<CreateBookRequest>,
) -> Result<Json<CreateBookResponse>, CreateBookError> {
    if request.isbn.is_empty() {
        return Err(CreateBookError::BadRequest.with_detail("isbn is empty"));
    }
    let _: (String, Option<f64>) = (request.title, request.edition);
    Err(CreateBookError::Conflict)
}

// 02-get-book.md

#[contract("issues/valid/02-get-book.md")]
pub async fn get_book(Path(id): Path<String>) -> Result<Json<GetBookResponse>, GetBookError> {
    Ok(Json(GetBookResponse {
        success: true,
        data: GetBookResponseData {
            id,
            isbn: "9780140449136".into(),
            title: "The Odyssey".into(),
            edition: None,
        },
    }))
}

// 03-list-loans.md

#[contract("issues/valid/03-list-loans.md")]
pub async fn list_loans(
    Query(query): Query<ListLoansQuery>,
) -> Result<Json<ListLoansResponse>, ListLoansError> {
    let _: (Option<ListLoansQueryState>, Option<i64>, Option<i64>) =
        (query.state, query.page, query.per_page);
    Ok(Json(ListLoansResponse {
        success: true,
        data: ListLoansResponseData {
            loans: vec![ListLoansResponseDataLoan {
                id: "l1".into(),
                book_title: "The Odyssey".into(),
                overdue: false,
                renewals: vec![],
            }],
            page: 1,
            total: 1,
        },
    }))
}

// 04-update-member.md

#[contract("issues/valid/04-update-member.md")]
pub async fn update_member(
    Path(member_id): Path<String>,
    token: BearerToken,
    Json(patch): Json<UpdateMemberRequest>,
) -> Result<Json<UpdateMemberResponse>, UpdateMemberError> {
    let _: (Option<String>, Option<String>, Option<Vec<String>>) =
        (patch.display_name, patch.phone, patch.interests);
    let _ = (member_id, token);
    Err(UpdateMemberError::Forbidden)
}

// 05-delete-review.md

#[contract("issues/valid/05-delete-review.md")]
pub async fn delete_review(
    Path(id): Path<String>,
    token: BearerToken,
) -> Result<NoContent, DeleteReviewError> {
    let _ = (id, token);
    Ok(NoContent)
}

// 06-login.md

#[contract("issues/valid/06-login.md")]
pub async fn login(Json(credentials): Json<LoginRequest>) -> Result<Json<LoginResponse>, LoginError> {
    if credentials.stay_signed_in == Some(true) {
        return Err(LoginError::TooManyRequests);
    }
    Ok(Json(LoginResponse {
        success: true,
        data: LoginResponseData {
            token: credentials.card_number,
            expires_in: 3600,
            role: LoginResponseDataRole::Patron,
        },
    }))
}

// 07-catalogue-imports.md: two endpoints, picked by method and path.

#[contract("issues/valid/07-catalogue-imports.md", endpoint = "POST /api/catalogue/imports")]
pub async fn create_import(
    State(state): State<AppState>,
    Json(request): Json<CreateImportRequest>,
) -> Result<Accepted<CreateImportResponse>, CreateImportError> {
    let _: (CreateImportRequestFormat, String, Option<String>) =
        (request.format, request.r#type, request.batch_label);
    let extra: Option<&serde_json::Value> = request.records.first().and_then(|r| r.extra.as_ref());
    let _ = (state.greeting, extra);
    Ok(Accepted(CreateImportResponse {
        success: true,
        data: CreateImportResponseData {
            batch_id: "b1".into(),
            queued: request.records.len() as i64,
        },
    }))
}

// Any parameter name picks the endpoint (`:batchId` in the issue).
#[contract("issues/valid/07-catalogue-imports.md", endpoint = "GET /api/catalogue/imports/{id}")]
pub async fn get_import(Path(batch_id): Path<String>) -> Result<Json<GetImportResponse>, GetImportError> {
    Ok(Json(GetImportResponse {
        success: true,
        data: GetImportResponseData {
            batch_id,
            state: GetImportResponseDataState::Aborted,
            problems: vec![GetImportResponseDataProblem {
                record: 3,
                reason: "no title".into(),
            }],
        },
    }))
}

// 10-place-hold.md

#[contract("issues/valid/10-place-hold.md", endpoint = "POST /api/books/{book_id}/holds")]
pub async fn create_book_hold(
    Path(book_id): Path<String>,
    token: BearerToken,
    Json(request): Json<CreateBookHoldRequest>,
) -> Result<Created<CreateBookHoldResponse>, CreateBookHoldError> {
    let _: (CreateBookHoldRequestNotifyBy, Option<i64>, Option<String>) =
        (request.notify_by, request.party_size, request.note);
    let _ = (book_id, token);
    Ok(Created(CreateBookHoldResponse {
        hold_id: "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05".into(),
        position: 1,
        ready_by: None,
    }))
}

#[contract("issues/valid/10-place-hold.md", endpoint = "DELETE /api/holds/:holdId")]
pub async fn delete_hold(
    Path(hold_id): Path<String>,
    token: BearerToken,
) -> Result<NoContent, DeleteHoldError> {
    let _ = (hold_id, token);
    Err(DeleteHoldError::NotFound)
}

// 11-branch-hours.md: GET, then HEAD (200 without a body) and OPTIONS (204).

#[contract("issues/valid/11-branch-hours.md", endpoint = "GET /api/branches/{branch_id}/hours")]
pub async fn list_branch_hours(
    Path(branch_id): Path<String>,
) -> Result<Json<ListBranchHoursResponse>, ListBranchHoursError> {
    Ok(Json(ListBranchHoursResponse {
        branch_id,
        timezone: "Europe/Dublin".into(),
        days: vec![ListBranchHoursResponseDay {
            weekday: ListBranchHoursResponseDayWeekday::Mon,
            opens: "09:00".into(),
            closes: "17:00".into(),
        }],
        closed_on: vec!["2024-12-25".into()],
        updated_at: "2024-05-01T12:00:00Z".into(),
    }))
}

#[contract("issues/valid/11-branch-hours.md", endpoint = "HEAD /api/branches/{branch_id}")]
pub async fn head_branches(Path(branch_id): Path<String>) -> Result<(), HeadBranchesError> {
    let _ = branch_id;
    Ok(())
}

#[contract("issues/valid/11-branch-hours.md", endpoint = "OPTIONS /api/branches")]
pub async fn options_branches() -> Result<NoContent, OptionsBranchesError> {
    Ok(NoContent)
}

// 12-shelves.md: top-level arrays, and a query typed by its examples.

#[contract("issues/valid/12-shelves.md", endpoint = "GET /api/branches/{branch_id}/shelves")]
pub async fn list_branch_shelves(
    Path(branch_id): Path<String>,
    Query(query): Query<ListBranchShelvesQuery>,
) -> Result<Json<ListBranchShelvesResponse>, ListBranchShelvesError> {
    let _: (String, Option<i64>) = (branch_id, query.floor);
    Err(ListBranchShelvesError::ServiceUnavailable)
}

#[contract("issues/valid/12-shelves.md", endpoint = "GET /api/shelves/{shelfId}/books")]
pub async fn list_shelve_books(
    Path(shelf_id): Path<String>,
    Query(query): Query<ListShelveBooksQuery>,
) -> Result<Json<ListShelveBooksResponse>, ListShelveBooksError> {
    let _: (Option<String>, Option<ListShelveBooksQuerySort>, Option<i64>) =
        (query.since, query.sort, query.limit);
    let _: (Option<bool>, Option<String>) = (query.available, query.q);
    let _ = shelf_id;
    Ok(Json(vec![ListShelveBooksResponseItem {
        isbn: "9780140449136".into(),
        title: "The Odyssey".into(),
        position: 4,
    }]))
}

// 13-return-loan.md: two blocks under one label.

#[contract("issues/valid/13-return-loan.md", endpoint = "POST /api/loans/:loanId/return")]
pub async fn return_loan(
    Path(loan_id): Path<String>,
    token: BearerToken,
    Json(request): Json<ReturnLoanRequest>,
) -> Result<Created<ReturnLoanResponse>, ReturnLoanError> {
    let _: (ReturnLoanRequestCondition, Option<String>) = (request.condition, request.notes);
    let _ = (loan_id, token);
    Ok(Created(ReturnLoanResponse {
        receipt_id: "r1".into(),
        late_days: 0,
        fine_cents: 0,
    }))
}

#[contract("issues/valid/13-return-loan.md", endpoint = "GET /api/loans/:loanId/receipt")]
pub async fn get_loan_receipt(
    Path(loan_id): Path<String>,
    token: BearerToken,
) -> Result<Json<GetLoanReceiptResponse>, GetLoanReceiptError> {
    let _ = (loan_id, token);
    Ok(Json(GetLoanReceiptResponse {
        receipt_id: "r1".into(),
        returned_at: "2024-05-01T12:00:00Z".into(),
        lines: vec![GetLoanReceiptResponseLine {
            label: "Late fine".into(),
            amount_cents: 40,
        }],
    }))
}

// 14-fines.md: 201 from a PUT, 402 and a status without a reason phrase.

#[contract("issues/valid/14-fines.md", endpoint = "PUT /api/fines/{fineId}")]
pub async fn update_fine(
    Path(fine_id): Path<String>,
    token: BearerToken,
    Json(request): Json<UpdateFineRequest>,
) -> Result<Created<UpdateFineResponse>, UpdateFineError> {
    let _: (UpdateFineRequestCurrency, String) = (request.currency, request.reason);
    let _ = token;
    Ok(Created(UpdateFineResponse {
        fine_id,
        amount: request.amount,
        settled: request.waived,
    }))
}

#[contract("issues/valid/14-fines.md", endpoint = "POST /api/fines/{fineId}/payments")]
pub async fn create_fine_payment(
    Path(fine_id): Path<String>,
    token: BearerToken,
    Json(request): Json<CreateFinePaymentRequest>,
) -> Result<Created<CreateFinePaymentResponse>, CreateFinePaymentError> {
    let _ = (fine_id, token, request.amount);
    match request.method {
        CreateFinePaymentRequestMethod::Cash => Err(CreateFinePaymentError::Status460),
        CreateFinePaymentRequestMethod::Card => Err(CreateFinePaymentError::PaymentRequired),
    }
}

// 15-preferences.md: endpoints named by headings.

#[contract("issues/valid/15-preferences.md", endpoint = "GET /api/members/{memberId}/preferences")]
pub async fn list_member_preferences(
    Path(member_id): Path<String>,
    token: BearerToken,
) -> Result<Json<ListMemberPreferencesResponse>, ListMemberPreferencesError> {
    let _ = (member_id, token);
    Ok(Json(ListMemberPreferencesResponse {
        language: "en".into(),
        newsletter: false,
        pickup_branch: None,
    }))
}

#[contract("issues/valid/15-preferences.md", endpoint = "PUT /api/members/{memberId}/preferences")]
pub async fn replace_member_preferences(
    Path(member_id): Path<String>,
    token: BearerToken,
    Json(preferences): Json<ReplaceMemberPreferencesRequest>,
) -> Result<NoContent, ReplaceMemberPreferencesError> {
    let _: (String, bool, Option<String>) = (
        preferences.language,
        preferences.newsletter,
        preferences.pickup_branch,
    );
    let _ = (member_id, token);
    Ok(NoContent)
}

// 16-reviews.md: the models it defines (and the one it only names) are the crate's, in scope.

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReviewAuthor {}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Review {
    pub id: String,
    pub rating: i64,
    pub headline: String,
    pub body: Option<String>,
    pub author: ReviewAuthor,
    #[serde(rename = "postedAt")]
    pub posted_at: String,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReviewDraft {
    pub rating: i64,
    pub headline: String,
    pub body: Option<String>,
}

#[contract("issues/valid/16-reviews.md", endpoint = "POST /api/books/:bookId/reviews")]
pub async fn create_book_review(
    Path(book_id): Path<String>,
    token: BearerToken,
    Json(draft): Json<CreateBookReviewRequest>,
) -> Result<Created<CreateBookReviewResponse>, CreateBookReviewError> {
    let _: ReviewDraft = draft.clone();
    if !(1..=5).contains(&draft.rating) {
        return Err(CreateBookReviewError::UnprocessableEntity);
    }
    let _ = (book_id, token);
    Ok(Created(CreateBookReviewResponse {
        review: Review {
            id: "3f2c7a9e-5b1d-4c8e-9a6f-2d4b8c1e7f05".into(),
            rating: draft.rating,
            headline: draft.headline,
            body: draft.body,
            author: ReviewAuthor {},
            posted_at: "2024-05-01T12:00:00Z".into(),
        },
    }))
}

#[contract("issues/valid/16-reviews.md", endpoint = "GET /api/books/:bookId/reviews")]
pub async fn list_book_reviews(
    Path(book_id): Path<String>,
    Query(query): Query<ListBookReviewsQuery>,
) -> Result<Json<ListBookReviewsResponse>, ListBookReviewsError> {
    let _: (String, Option<i64>) = (book_id, query.page);
    Ok(Json(ListBookReviewsResponse {
        reviews: Vec::<Review>::new(),
        average: None,
    }))
}

#[contract("issues/valid/16-reviews.md", endpoint = "POST /api/reviews/:reviewId/flags")]
pub async fn create_review_flag(
    Path(review_id): Path<String>,
    Json(flag): Json<CreateReviewFlagRequest>,
) -> Result<Created<CreateReviewFlagResponse>, CreateReviewFlagError> {
    let _: (String, String, i64, bool, Vec<String>) = (
        flag.reason,
        flag.details,
        flag.severity,
        flag.anonymous,
        flag.quoted,
    );
    let _ = review_id;
    Ok(Created(CreateReviewFlagResponse {
        flag: serde_json::json!({ "id": "f1" }),
        moderator: serde_json::Value::Null,
    }))
}

// 17-library-cards.md: request and response on the endpoint line.

#[contract("issues/valid/17-library-cards.md", endpoint = "POST /api/members/{memberId}/cards")]
pub async fn create_member_card(
    Path(member_id): Path<String>,
    Json(request): Json<CreateMemberCardRequest>,
) -> Result<Json<CreateMemberCardResponse>, CreateMemberCardError> {
    let _ = member_id;
    match request.reason {
        CreateMemberCardRequestReason::Worn => Ok(Json(CreateMemberCardResponse {
            card_number: "2900012345".into(),
            issued_on: "2024-05-01".into(),
        })),
        CreateMemberCardRequestReason::Lost | CreateMemberCardRequestReason::Stolen => {
            Err(CreateMemberCardError::NotFound)
        }
    }
}

#[contract("issues/valid/17-library-cards.md", endpoint = "GET /api/members/{memberId}/cards")]
pub async fn list_member_cards(
    Path(member_id): Path<String>,
) -> Result<Json<ListMemberCardsResponse>, ListMemberCardsError> {
    let _ = member_id;
    Ok(Json(vec![ListMemberCardsResponseItem {
        card_number: "2900012345".into(),
        label: None,
        frozen: false,
    }]))
}

#[contract(
    "issues/valid/17-library-cards.md",
    endpoint = "PATCH /api/members/{memberId}/cards/{cardId}"
)]
pub async fn update_member_card(
    Path((member_id, card_id)): Path<(String, String)>,
    Json(request): Json<UpdateMemberCardRequest>,
) -> Result<Json<UpdateMemberCardResponse>, UpdateMemberCardError> {
    let _ = (member_id, card_id, request.label);
    Err(UpdateMemberCardError::Conflict)
}

#[contract(
    "issues/valid/17-library-cards.md",
    endpoint = "POST /api/members/{memberId}/cards/{cardId}/freeze"
)]
pub async fn freeze_card(
    Path((member_id, card_id)): Path<(String, String)>,
    Json(request): Json<FreezeCardRequest>,
) -> Result<Accepted<FreezeCardResponse>, FreezeCardError> {
    let _ = (member_id, card_id);
    Ok(Accepted(FreezeCardResponse {
        frozen_until: request.until,
    }))
}

#[contract(
    "issues/valid/17-library-cards.md",
    endpoint = "POST /api/members/{memberId}/guest-passes"
)]
pub async fn create_member_guest_pass(
    Path(member_id): Path<String>,
    Json(request): Json<CreateMemberGuestPassRequest>,
) -> Result<Created<CreateMemberGuestPassResponse>, CreateMemberGuestPassError> {
    let _ = (member_id, request.guest_name, request.valid_on);
    Err(CreateMemberGuestPassError::TooManyRequests)
}

// 18-checkout-events.md: 202 without a body, and every type spelling.

#[contract("issues/valid/18-checkout-events.md")]
pub async fn create_checkout(
    Json(event): Json<CreateCheckoutRequest>,
) -> Result<WithStatus<202, ()>, CreateCheckoutError> {
    let _: (Option<String>, CreateCheckoutRequestType, bool) =
        (event.x_kiosk_id, event.r#type, event.self_);
    let _: (f64, f64, f64, i64, i64) = (
        event.fee_charged,
        event.weight_kg,
        event.deposit,
        event.copies,
        event.total_pages,
    );
    let _: (Option<serde_json::Value>, serde_json::Value, serde_json::Value) =
        (event.raw, event.context, event.tags_by_shelf);
    let _: (Vec<CreateCheckoutRequestFormat>, Option<String>, Option<String>) =
        (event.formats, event.note, event.due_back);
    let _: (CreateCheckoutRequestMember, CreateCheckoutRequestLocation) =
        (event.member, event.location);
    Ok(WithStatus(()))
}

/// The models `boards.md` names; `#[contract]` expects them in scope.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Member {}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Card {
    pub id: String,
}

#[contract("issues/boards.md", endpoint = "POST /api/boards/:boardId/cards")]
pub async fn add_card(
    Path(board_id): Path<String>,
    Query(query): Query<AddCardQuery>,
    token: BearerToken,
    Json(card): Json<AddCardRequest>,
) -> Result<Created<AddCardResponse>, AddCardError> {
    let _ = (board_id, query.dry_run, token, card.owner, card.self_);
    Err(AddCardError::Status499)
}

#[contract("issues/boards.md", endpoint = "GET /api/boards/:boardId/cards")]
pub async fn list_cards(Path(board_id): Path<String>) -> Result<Json<ListCardsResponse>, ListCardsError> {
    let _ = board_id;
    Ok(Json(vec![ListCardsResponseItem {
        id: "c1".into(),
        title: "t".into(),
        tags: vec![],
    }]))
}

#[contract("issues/boards.md", endpoint = "DELETE /api/boards/:boardId/cards/:cardId")]
pub async fn delete_card(
    Path((board_id, card_id)): Path<(String, String)>,
    token: BearerToken,
) -> Result<NoContent, DeleteCardError> {
    let _ = (board_id, card_id, token);
    Err(DeleteCardError::NotFound)
}

// 37-task-spec-notes-endpoint.md, an API document with no contract block: read the same way.

#[contract(
    "issues/documents/37-task-spec-notes-endpoint.md",
    endpoint = "PUT /api/notes/{id}"
)]
pub async fn update_note(
    Path(id): Path<String>,
    token: BearerToken,
    Json(request): Json<UpdateNoteRequest>,
) -> Result<Json<UpdateNoteResponse>, UpdateNoteError> {
    // The field table's type column makes `title` a string.
    let _: (String, String, String) = (id, token.0, request.title);
    Err(UpdateNoteError::Conflict)
}

#[contract(
    "issues/documents/37-task-spec-notes-endpoint.md",
    endpoint = "POST /api/notes/{id}/shares"
)]
pub async fn create_note_share(
    Path(id): Path<String>,
    _token: BearerToken,
    Json(_request): Json<CreateNoteShareRequest>,
) -> Result<Created<CreateNoteShareResponse>, CreateNoteShareError> {
    Ok(Created(CreateNoteShareResponse {
        share_id: id,
        email: "ada@example.com".into(),
        permission: "read".into(),
        expires_at: None,
    }))
}

fn main() {
    // Building the router is where axum refuses conflicting routes: it must not panic.
    let app: axum::Router = routes![
        endpoint,
        create_book,
        get_book,
        list_loans,
        update_member,
        delete_review,
        login,
        create_import,
        get_import,
        create_book_hold,
        delete_hold,
        list_branch_hours,
        head_branches,
        options_branches,
        list_branch_shelves,
        list_shelve_books,
        return_loan,
        get_loan_receipt,
        update_fine,
        create_fine_payment,
        list_member_preferences,
        replace_member_preferences,
        create_book_review,
        list_book_reviews,
        create_review_flag,
        create_member_card,
        list_member_cards,
        update_member_card,
        freeze_card,
        create_member_guest_pass,
        create_checkout,
        add_card,
        list_cards,
        delete_card,
        update_note,
        create_note_share,
    ]
    .with_state(AppState::default());
    drop(app);
    // And each handler is a plain axum handler.
    let _: axum::routing::MethodRouter = axum::routing::post(create_book);
    let _: axum::routing::MethodRouter = axum::routing::head(head_branches);
}
