//! Bodies are read as JSON only when they say they are. A page on another site can send a
//! "simple" request (text/plain, a form) without asking the server first; no such request
//! reaches a handler. The AWS SDKs and CLI send `application/json` (or an
//! `application/x-amz-json-*` type) with a body, and nothing on a bodiless call.

use axum::http::HeaderMap;
use axum::http::header::CONTENT_TYPE;
use mesh_engine::ApiError;

const JSON_TYPES: [&str; 3] = ["application/json", "application/x-amz-json-1.0", "application/x-amz-json-1.1"];

/// A request with no Content-Type passes (there is nothing to mistake); one with another type
/// than JSON is refused.
pub fn check(headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(value) = headers.get(CONTENT_TYPE) else { return Ok(()) };
    let value = value.to_str().unwrap_or_default();
    let media_type = value.split(';').next().unwrap_or_default().trim();
    if JSON_TYPES.iter().any(|json| media_type.eq_ignore_ascii_case(json)) {
        return Ok(());
    }
    Err(ApiError::bad_request(format!(
        "The Content-Type '{value}' is not accepted: send JSON bodies as application/json (as the AWS CLI and SDKs do)."
    )))
}

#[cfg(test)]
mod tests {
    use super::check;
    use axum::http::HeaderMap;

    #[test]
    fn json_types_pass_and_simple_request_types_do_not() {
        let of = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert("content-type", value.parse().unwrap());
            check(&headers)
        };
        assert!(check(&HeaderMap::new()).is_ok());
        for json in ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/x-amz-json-1.1"] {
            assert!(of(json).is_ok(), "{json}");
        }
        for simple in [
            "text/plain",
            "text/plain;charset=UTF-8",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "",
            "application/jsonp",
        ] {
            assert!(of(simple).is_err(), "{simple}");
        }
    }
}
