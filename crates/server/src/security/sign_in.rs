//! The console's sign-in on a server with `--credentials`: a plain HTML form (no console bundle)
//! that checks an access key of the credentials file and sets a session cookie (HttpOnly,
//! SameSite=Strict, Path=/), and a sign-out that ends the session. The secret is checked and
//! forgotten: it is never stored, echoed or logged.

use super::sessions::{COOKIE, SESSION_LIFETIME};
use super::{Access, SIGN_IN, sessions};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use mesh_engine::markup::escape;
use std::sync::Arc;

pub const SIGN_OUT: &str = "/sign-out";

pub fn routes() -> Router<Arc<Access>> {
    Router::new().route(SIGN_IN, get(page).post(sign_in)).route(SIGN_OUT, post(sign_out))
}

/// The form; or, already signed in, `next` (or a page that says who is signed in).
async fn page(State(access): State<Arc<Access>>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    let next = field(query.as_deref().unwrap_or_default().as_bytes(), "next");
    if let Some(account) = access.session_account(&headers) {
        return match next {
            Some(next) => see_other(safe_next(&next), None),
            None => html(StatusCode::OK, &signed_in_page(account.as_str())),
        };
    }
    // A link from another site arrives without the SameSite=Strict cookie: loading the page
    // again from here sends it, so a signed-in user goes straight on.
    let site = headers.get("sec-fetch-site").and_then(|value| value.to_str().ok()).unwrap_or_default();
    let reload = site == "cross-site" || site == "same-site";
    html(StatusCode::OK, &form_page(safe_next(next.as_deref().unwrap_or("/")), None, reload))
}

async fn sign_in(State(access): State<Arc<Access>>, body: Bytes) -> Response {
    let next = field(&body, "next");
    let next = safe_next(next.as_deref().unwrap_or("/"));
    let (key_id, secret) = (field(&body, "access_key_id").unwrap_or_default(), field(&body, "secret_access_key").unwrap_or_default());
    let key = access.credentials.as_ref().and_then(|credentials| credentials.key(key_id.trim()));
    let Some(key) = key.filter(|key| key.secret.matches(secret.trim())) else {
        let message = "That access key ID and secret access key do not match a key of this server's credentials file.";
        return html(StatusCode::FORBIDDEN, &form_page(next, Some(message), false));
    };
    match access.sessions.start(key.account.clone()) {
        Ok(token) => {
            let cookie = format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}", SESSION_LIFETIME.as_secs());
            see_other(next, Some(cookie))
        }
        Err(error) => html(StatusCode::INTERNAL_SERVER_ERROR, &form_page(next, Some(&error), false)),
    }
}

async fn sign_out(State(access): State<Arc<Access>>, headers: HeaderMap) -> Response {
    if let Some(token) = sessions::token(&headers) {
        access.sessions.end(token);
    }
    see_other(SIGN_IN, Some(format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0")))
}

/// A form field or query parameter.
fn field(form: &[u8], name: &str) -> Option<String> {
    form_urlencoded::parse(form).find(|(key, _)| key == name).map(|(_, value)| value.into_owned())
}

/// Where to go once signed in: a path on this server, never another site (`//evil.example`,
/// `/\evil.example` and absolute URLs all are) — else the console's home.
fn safe_next(next: &str) -> &str {
    let on_this_server = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control)
        && HeaderValue::from_str(next).is_ok();
    if on_this_server { next } else { "/" }
}

fn see_other(location: &str, cookie: Option<String>) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    headers.insert(LOCATION, HeaderValue::from_str(location).unwrap_or(HeaderValue::from_static("/")));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(cookie) = cookie.and_then(|cookie| HeaderValue::from_str(&cookie).ok()) {
        headers.insert(SET_COOKIE, cookie);
    }
    response
}

/// A page of its own: not cached, not framed, no scripts, forms only to this server.
fn html(status: StatusCode, body: &str) -> Response {
    let headers = [
        (CONTENT_TYPE, "text/html; charset=utf-8"),
        (CACHE_CONTROL, "no-store"),
        (
            HeaderName::from_static("content-security-policy"),
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
        (HeaderName::from_static("x-frame-options"), "DENY"),
        (HeaderName::from_static("x-content-type-options"), "nosniff"),
        // Not `no-referrer`: with it, Chromium sends the form's own POST with `Origin: null`.
        (HeaderName::from_static("referrer-policy"), "same-origin"),
    ];
    (status, headers, body.to_owned()).into_response()
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem;color:#1b1f24}\
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}\
button{margin-top:1.5rem;padding:.5rem 1.25rem;font:inherit}p[role=alert]{color:#a40e26;font-weight:600}";

fn document(title: &str, head_extra: &str, main: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Mesh Console</title><link rel=\"icon\" href=\"data:,\">{head_extra}<style>{STYLE}</style></head><body><main><h1>{title}</h1>{main}</main></body></html>"
    )
}

fn form_page(next: &str, error: Option<&str>, reload: bool) -> String {
    let error = error.map(|error| format!("<p role=\"alert\">{}</p>", escape(error))).unwrap_or_default();
    let reload = if reload { "<meta http-equiv=\"refresh\" content=\"0\">" } else { "" };
    let main = format!(
        "<p>This Mesh Console server checks who calls. Sign in with an access key of its credentials file; \
         the console then acts as that key's account.</p>{error}\
         <form method=\"post\" action=\"{SIGN_IN}\"><input type=\"hidden\" name=\"next\" value=\"{}\">\
         <label for=\"access_key_id\">Access key ID</label>\
         <input id=\"access_key_id\" name=\"access_key_id\" autocomplete=\"username\" required autofocus spellcheck=\"false\">\
         <label for=\"secret_access_key\">Secret access key</label>\
         <input id=\"secret_access_key\" name=\"secret_access_key\" type=\"password\" autocomplete=\"current-password\" required>\
         <button type=\"submit\">Sign in</button></form>",
        escape(next)
    );
    document("Sign in", reload, &main)
}

fn signed_in_page(account: &str) -> String {
    let main = format!(
        "<p>You are signed in as account {}.</p><p><a href=\"/\">Open the console</a></p>\
         <form method=\"post\" action=\"{SIGN_OUT}\"><button type=\"submit\">Sign out</button></form>",
        escape(account)
    );
    document("Signed in", "", &main)
}

#[cfg(test)]
mod tests {
    use super::{escape, safe_next};

    #[test]
    fn only_paths_on_this_server_are_followed_after_sign_in() {
        for kept in ["/", "/meshes", "/meshes/m1/virtual-services/a.local?tab=x", "/settings#top"] {
            assert_eq!(safe_next(kept), kept);
        }
        for refused in ["//evil.example", "/\\evil.example", "https://evil.example/", "evil.example", "javascript:alert(1)", "/a\nb", ""] {
            assert_eq!(safe_next(refused), "/", "{refused:?}");
        }
    }

    #[test]
    fn text_in_a_page_cannot_become_markup() {
        assert_eq!(escape(r#"/"><script>'&"#), "/&quot;&gt;&lt;script&gt;&#39;&amp;");
    }
}
