//! Request parts as App Mesh clients send them, with App Mesh errors for anything malformed
//! (axum's own rejections are plain text, which no SDK understands).

use super::response::{ErrorResponse, error_response};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use mesh_engine::ApiError;
use mesh_engine::names::AccountId;

/// The account that calls. A SigV4 `Authorization` header whose access key id is 12 digits
/// names the account (as LocalStack does); anything else is the server's default account.
/// Signatures are not checked.
pub struct Caller(pub AccountId);

impl FromRequestParts<super::ApiState> for Caller {
    type Rejection = ErrorResponse;

    async fn from_request_parts(parts: &mut Parts, state: &super::ApiState) -> Result<Self, Self::Rejection> {
        let from_signature = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split("Credential=").nth(1))
            .and_then(|credential| credential.split('/').next())
            .and_then(|access_key| AccountId::parse(access_key).ok());
        Ok(Caller(from_signature.unwrap_or_else(|| state.default_account.clone())))
    }
}

/// The request body, at most 1 MiB (set by the router's body limit).
pub struct Body(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Bytes::from_request(request, state).await.map(Body).map_err(|rejection| {
            let status = rejection.status();
            let error = if status == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::bad_request(
                    "The request body is too large: App Mesh calls take at most 1 MiB, an import of the store at most 64 MiB",
                )
            } else {
                ApiError::bad_request(format!("The request body could not be read: {rejection}"))
            };
            if status == StatusCode::PAYLOAD_TOO_LARGE { error_response(status, &error) } else { ErrorResponse(error).into_response() }
        })
    }
}
