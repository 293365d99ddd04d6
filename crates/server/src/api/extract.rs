//! Request parts as App Mesh clients send them, with App Mesh errors for anything malformed
//! (axum's own rejections are plain text, which no SDK understands).

use super::response::{ErrorResponse, error_response};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use mesh_engine::ApiError;
use mesh_engine::names::AccountId;

/// The account that calls a bodiless request (see `security::Access::caller`).
pub struct Caller(pub AccountId);

impl FromRequestParts<super::ApiState> for Caller {
    type Rejection = ErrorResponse;

    async fn from_request_parts(parts: &mut Parts, state: &super::ApiState) -> Result<Self, Self::Rejection> {
        Ok(Caller(state.access.caller(parts, &[])?))
    }
}

/// The account that calls, and the body it sent (a signature covers the body too).
pub struct SignedBody {
    pub caller: AccountId,
    pub body: Bytes,
}

impl FromRequest<super::ApiState> for SignedBody {
    type Rejection = Response;

    async fn from_request(request: Request, state: &super::ApiState) -> Result<Self, Self::Rejection> {
        let (parts, body) = request.into_parts();
        let Body(body) = Body::from_request(Request::from_parts(parts.clone(), body), state).await?;
        let caller = state.access.caller(&parts, &body).map_err(|error| ErrorResponse(error).into_response())?;
        Ok(SignedBody { caller, body })
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
