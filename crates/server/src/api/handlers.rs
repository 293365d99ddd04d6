//! The handlers: one for every call the engine answers (App Mesh's operations and the
//! console's own, parsed and run by their tables), and the console's identity and store. No App Mesh rule lives here.

use super::ApiState;
use super::extract::{Caller, SignedBody};
use super::response::{ErrorResponse, error_response};
use axum::Json;
use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use mesh_console_api::Call;
use mesh_engine::ApiError;
use mesh_engine::engine::snapshot::Snapshot;
use mesh_engine::operation;

/// Every App Mesh (and RAM) call, and the console's own but identity and store (described
/// lists, checks, topology, export, import): the engine's operation table or the console-api
/// table parses it; reads run right here and writes in the writer's group commit.
pub async fn engine_call(
    State(state): State<ApiState>,
    method: Method,
    uri: Uri,
    SignedBody { caller, body }: SignedBody,
) -> Result<Response, ErrorResponse> {
    let segments = operation::path_segments(uri.path())?;
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let query = operation::query_pairs(uri.query().unwrap_or_default())?;
    let call = Call::parse(method.as_str(), &segments, &query, &body)?;
    let answer = if call.writes() {
        state.write(caller, move |engine| call.run(engine)).await?
    } else {
        state.read(caller, |engine| call.run(engine))?
    };
    Ok(([(CONTENT_TYPE, "application/json")], answer).into_response())
}

/// An import answers `{}`.
#[derive(serde::Serialize)]
pub struct Empty {}

/// The account and region the caller acts as.
#[derive(serde::Serialize)]
pub struct Identity {
    account: mesh_engine::names::AccountId,
    region: mesh_engine::names::Region,
}

pub async fn identity(State(state): State<ApiState>, Caller(caller): Caller) -> Json<Identity> {
    Json(Identity { account: caller, region: state.region.clone() })
}

/// The whole store as one document (the browser-only console's format), to move to a
/// browser or keep.
pub async fn export_store(State(state): State<ApiState>, Caller(caller): Caller) -> Result<Response, ErrorResponse> {
    state.access.may_move_whole_store()?;
    let database = state.database.clone();
    let store = tokio::task::spawn_blocking(move || database.export()).await.map_err(|error| ApiError::internal(error.to_string()))??;
    let document = Snapshot::new(caller, state.region.clone(), store).to_json();
    Ok(([(axum::http::header::CONTENT_TYPE, "application/json")], document).into_response())
}

/// Replaces everything stored with a document that reads whole, or changes nothing.
pub async fn import_store(State(state): State<ApiState>, SignedBody { body, .. }: SignedBody) -> Result<Json<Empty>, ErrorResponse> {
    state.access.may_move_whole_store()?;
    let text = std::str::from_utf8(&body)
        .map_err(|_| ApiError::bad_request("The file cannot be imported: it is not UTF-8 text. Nothing was changed."))?;
    let snapshot = Snapshot::parse_import(text)?;
    state.database.replace_all(snapshot.store).await?;
    Ok(Json(Empty {}))
}

pub async fn method_not_allowed(request: Request) -> Response {
    let error = ApiError::bad_request(format!("{} is not an operation on {}", request.method(), request.uri().path()));
    error_response(StatusCode::METHOD_NOT_ALLOWED, &error)
}
