//! Request parts as App Mesh clients send them, with App Mesh errors for anything malformed
//! (axum's own rejections are plain text, which no SDK understands).

use super::response::{ErrorResponse, error_response};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use mesh_engine::names::{AccountId, InvalidValue, PageLimit, TagsPageLimit};
use mesh_engine::{ApiError, MeshAddress};
use std::collections::HashMap;

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

/// The URI labels (axum has percent-decoded them).
pub struct Labels(HashMap<String, String>);

impl Labels {
    pub fn get(&self, name: &str) -> &str {
        self.0.get(name).map_or("", String::as_str)
    }

    pub fn parse<T>(&self, name: &str, parse: impl FnOnce(String) -> Result<T, InvalidValue>) -> Result<T, ApiError> {
        mesh_engine::input::parse_param(name, self.get(name), parse)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Labels {
    type Rejection = ErrorResponse;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|rejection| ApiError::bad_request(format!("Invalid path: {rejection}")))?;
        Ok(Labels(raw.iter().map(|(name, value)| (name.to_string(), value.to_string())).collect()))
    }
}

/// The query string.
pub struct QueryParams(HashMap<String, String>);

impl QueryParams {
    pub fn optional<T>(&self, name: &str, parse: impl FnOnce(String) -> Result<T, InvalidValue>) -> Result<Option<T>, ApiError> {
        self.0.get(name).map(|value| mesh_engine::input::parse_param(name, value, parse)).transpose()
    }

    pub fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.0.get(name).map(String::as_str).ok_or_else(|| ApiError::bad_request(format!("{name}: is required")))
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    pub fn limit(&self) -> Result<Option<PageLimit>, ApiError> {
        self.optional("limit", mesh_engine::input::page_limit)
    }

    pub fn tags_limit(&self) -> Result<Option<TagsPageLimit>, ApiError> {
        self.optional("limit", mesh_engine::input::tags_page_limit)
    }

    /// The mesh of a mesh-scoped call: its label, and `meshOwner` when given.
    pub fn mesh(&self, labels: &Labels) -> Result<MeshAddress, ApiError> {
        let name = labels.parse("meshName", mesh_engine::names::ResourceName::parse)?;
        let owner = self.optional("meshOwner", AccountId::parse)?;
        Ok(MeshAddress::new(name, owner))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryParams {
    type Rejection = ErrorResponse;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        Ok(QueryParams(form_urlencoded::parse(query.as_bytes()).into_owned().collect()))
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
