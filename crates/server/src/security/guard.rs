//! What every request passes before any handler or file: a Host this server answers to, no
//! other web page's Origin, a JSON Content-Type (the sign-in form aside), and, on a server with
//! `--credentials`, a console session before a console page (else the sign-in page).

use super::host::AllowedHosts;
use super::{Access, SIGN_IN, content_type, origin};
use crate::api::response::error_response;
use axum::extract::{Request, State};
use axum::http::header::{ACCEPT, HOST, LOCATION};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use mesh_engine::ApiError;
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Clone)]
pub struct Guard {
    hosts: Arc<AllowedHosts>,
    access: Arc<Access>,
}

impl Guard {
    pub fn new(listen: SocketAddr, allowed_hosts: &[String], access: Arc<Access>) -> Self {
        Self { hosts: Arc::new(AllowedHosts::new(listen, allowed_hosts)), access }
    }
}

pub async fn guard(State(guard): State<Guard>, request: Request, next: Next) -> Response {
    let host = request.headers().get(HOST).and_then(|value| value.to_str().ok()).or_else(|| request.uri().authority().map(|a| a.as_str()));
    let Some(host) = host.filter(|host| guard.hosts.allows(host)) else {
        let named = host.map_or_else(|| "no Host header".to_owned(), |host| format!("the host '{host}'"));
        let error = ApiError::forbidden(format!(
            "This server does not answer to {named}: it answers to {}. Start it with --allowed-host NAME to add a name.",
            guard.hosts.describe()
        ));
        return error_response(StatusCode::FORBIDDEN, &error);
    };
    let path = request.uri().path();
    if let Err(error) = origin::check(request.headers(), request.method(), path, host) {
        return error_response(StatusCode::FORBIDDEN, &error);
    }
    let is_form = path == SIGN_IN || path == super::sign_in::SIGN_OUT;
    if !is_form && let Err(error) = content_type::check(request.headers()) {
        return error_response(StatusCode::UNSUPPORTED_MEDIA_TYPE, &error);
    }
    if guard.access.checks_credentials()
        && is_console_page(request.method(), path)
        && accepts_html(&request)
        && guard.access.session_account(request.headers()).is_none()
    {
        return to_sign_in(request.uri().path_and_query().map_or("/", |path| path.as_str()));
    }
    next.run(request).await
}

/// A page of the console (index.html under any app route), not the API, a file, or sign-in.
fn is_console_page(method: &Method, path: &str) -> bool {
    let not_the_console =
        ["/v20190125", "/console-api/", "/createresourceshare", "/deleteresourceshare", SIGN_IN, super::sign_in::SIGN_OUT];
    (method == Method::GET || method == Method::HEAD)
        && !not_the_console.iter().any(|prefix| path.starts_with(prefix))
        && (path == "/index.html" || !crate::console::is_asset_path(path))
}

fn accepts_html(request: &Request) -> bool {
    request.headers().get_all(ACCEPT).iter().filter_map(|value| value.to_str().ok()).any(|accept| accept.contains("text/html"))
}

/// 303 to the sign-in page, which comes back to `next` once signed in.
fn to_sign_in(next: &str) -> Response {
    // Percent-encoded, so always a valid header value.
    let location = format!("{SIGN_IN}?next={}", form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>());
    (StatusCode::SEE_OTHER, [(LOCATION, HeaderValue::from_str(&location).unwrap_or(HeaderValue::from_static(SIGN_IN)))]).into_response()
}
