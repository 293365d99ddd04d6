//! Who may call, and from where: the Host allow-list, the Origin and Content-Type checks every
//! request passes first (`guard`), and the caller's account (`Access`): with `--credentials`,
//! from a checked SigV4 signature or a console session; without, as the request names it.

mod content_type;
pub mod credentials;
mod guard;
mod host;
mod origin;
pub mod sessions;
mod sign_in;
pub mod sigv4;

pub use guard::{Guard, guard};
pub use sign_in::routes as sign_in_routes;

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use credentials::Credentials;
use mesh_engine::names::{AccountId, Region};
use mesh_engine::{ApiError, ErrorKind};
use sessions::Sessions;
use std::time::SystemTime;

/// Where the console signs in.
pub const SIGN_IN: &str = "/sign-in";

pub struct Access {
    default_account: AccountId,
    region: Region,
    credentials: Option<Credentials>,
    sessions: Sessions,
}

impl Access {
    pub fn new(default_account: AccountId, region: Region, credentials: Option<Credentials>) -> Self {
        Self { default_account, region, credentials, sessions: Sessions::default() }
    }

    pub fn checks_credentials(&self) -> bool {
        self.credentials.is_some()
    }

    /// The account a request acts as, or why it may not act at all.
    pub fn caller(&self, request: &Parts, body: &[u8]) -> Result<AccountId, ApiError> {
        let Some(credentials) = &self.credentials else { return Ok(self.named_caller(&request.headers)) };
        if request.headers.contains_key(AUTHORIZATION) {
            let service = if matches!(request.uri.path(), "/createresourceshare" | "/deleteresourceshare") { "ram" } else { "appmesh" };
            return sigv4::verify(credentials, request, body, &self.region, service, SystemTime::now());
        }
        if let Some(token) = sessions::token(&request.headers) {
            return self.sessions.account(token).ok_or_else(|| {
                ApiError::new(
                    ErrorKind::UnrecognizedClientException,
                    format!("Your console session has ended: sign in again at {SIGN_IN}."),
                )
            });
        }
        if from_browser(&request.headers) {
            return Err(ApiError::new(
                ErrorKind::UnrecognizedClientException,
                format!("This server checks who calls: sign in at {SIGN_IN} with an access key of its credentials file."),
            ));
        }
        Err(ApiError::new(
            ErrorKind::MissingAuthenticationTokenException,
            "Missing Authentication Token: this server checks signatures. Sign requests (SigV4) with a key of its credentials file, as the AWS CLI and SDKs do when that key is configured.",
        ))
    }

    /// Without `--credentials`: a SigV4 header whose access key id is 12 digits names the
    /// account (as LocalStack does); anything else is the default account. Nothing is checked.
    fn named_caller(&self, headers: &HeaderMap) -> AccountId {
        headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split("Credential=").nth(1))
            .and_then(|credential| credential.split('/').next())
            .and_then(|access_key| AccountId::parse(access_key).ok())
            .unwrap_or_else(|| self.default_account.clone())
    }

    /// The account of the console session a request carries, if it has one that has not ended.
    fn session_account(&self, headers: &HeaderMap) -> Option<AccountId> {
        sessions::token(headers).and_then(|token| self.sessions.account(token))
    }

    /// Export and Import of the whole store show and replace every account's data: on a shared
    /// server, where accounts are kept apart, neither is offered.
    pub fn may_move_whole_store(&self) -> Result<(), ApiError> {
        if self.checks_credentials() {
            return Err(ApiError::forbidden(
                "Export and Import of the whole store are off on a server with --credentials: they would show and replace every account's data.",
            ));
        }
        Ok(())
    }
}

/// Browsers mark every request they send with `Sec-Fetch-Mode`; the CLI and SDKs do not.
fn from_browser(headers: &HeaderMap) -> bool {
    headers.contains_key("sec-fetch-mode") || headers.contains_key(axum::http::header::COOKIE)
}
