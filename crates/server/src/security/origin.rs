//! Requests from other web pages. A browser names the page that sends a request in `Origin`
//! (and, on newer browsers, how it relates to the server in `Sec-Fetch-Site`); the AWS CLI and
//! SDKs send neither. A request naming another origin is refused whatever it asks, so that no
//! page on the web (or on another port of this machine) can change anything here.

use axum::http::{HeaderMap, Method};
use mesh_engine::ApiError;

/// Refuses a request whose `Origin` is not this server's (`host` is the request's checked Host;
/// either scheme, as a TLS proxy in front makes it https), and a state-changing request or a
/// read of the whole store that a browser marks as coming from another site.
pub fn check(headers: &HeaderMap, method: &Method, path: &str, host: &str) -> Result<(), ApiError> {
    if let Some(origin) = headers.get("origin") {
        let origin = origin.to_str().unwrap_or_default();
        let authority = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"));
        if !authority.is_some_and(|authority| authority.eq_ignore_ascii_case(host)) {
            return Err(ApiError::forbidden(format!(
                "Requests from other web pages are refused: the Origin '{origin}' is not this server's own (http://{host})."
            )));
        }
    }
    let reads_only = (method == Method::GET || method == Method::HEAD) && path != "/console-api/store";
    let site = headers.get("sec-fetch-site").and_then(|value| value.to_str().ok()).unwrap_or("none");
    if !reads_only && (site == "cross-site" || site == "same-site") {
        return Err(ApiError::forbidden(format!("Requests from other web pages are refused: this one comes from a {site} page.")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check;
    use axum::http::{HeaderMap, Method};

    fn with(name: &'static str, value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(name, value.parse().unwrap());
        headers
    }

    #[test]
    fn only_this_servers_own_origin_passes_and_none_at_all_does() {
        let host = "localhost:8080";
        assert!(check(&HeaderMap::new(), &Method::PUT, "/v20190125/meshes", host).is_ok());
        assert!(check(&with("origin", "http://localhost:8080"), &Method::PUT, "/v20190125/meshes", host).is_ok());
        assert!(check(&with("origin", "https://LOCALHOST:8080"), &Method::DELETE, "/v20190125/meshes/m", host).is_ok());
        for foreign in
            ["http://localhost:3000", "http://evil.example", "null", "http://localhost:8080.evil.example", "ftp://localhost:8080"]
        {
            let refused = check(&with("origin", foreign), &Method::POST, "/v20190125/tag", host).unwrap_err();
            assert!(refused.message.contains("not this server's own"), "{foreign}: {refused}");
        }
    }

    #[test]
    fn a_browser_marked_cross_site_request_may_only_read() {
        let host = "localhost:8080";
        let cross = with("sec-fetch-site", "cross-site");
        assert!(check(&cross, &Method::GET, "/meshes", host).is_ok(), "a link from another site opens the console");
        assert!(check(&cross, &Method::POST, "/v20190125/tag", host).is_err());
        assert!(check(&with("sec-fetch-site", "same-site"), &Method::GET, "/console-api/store", host).is_err());
        assert!(check(&with("sec-fetch-site", "same-origin"), &Method::PUT, "/console-api/store", host).is_ok());
    }
}
