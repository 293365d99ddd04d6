//! App Mesh's error envelope: the status of the error shape, `x-amzn-ErrorType`, and
//! `{"__type", "message"}`.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use mesh_engine::ApiError;

pub struct ErrorResponse(pub ApiError);

impl From<ApiError> for ErrorResponse {
    fn from(error: ApiError) -> Self {
        Self(error)
    }
}

impl IntoResponse for ErrorResponse {
    fn into_response(self) -> Response {
        error_response(StatusCode::from_u16(self.0.kind.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), &self.0)
    }
}

/// An App Mesh error with a status of our choosing (413 and 405 have no shape of their own).
pub fn error_response(status: StatusCode, error: &ApiError) -> Response {
    let mut response = (status, axum::Json(error.body())).into_response();
    response.headers_mut().insert("x-amzn-ErrorType", HeaderValue::from_static(error.kind.code()));
    response
}
