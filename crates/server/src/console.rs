//! Serves the built console as built: files from dist/, each as the brotli or gzip copy the
//! build wrote beside it when the request accepts one (`Vary: Accept-Encoding`), and
//! index.html for app routes so that every deep link loads. A missing top-level asset
//! (`/nope.wasm`) is a 404, never index.html. Files whose name holds trunk's content hash never
//! change, so browsers keep them for a year; anything else (index.html, the browser engine's
//! fixed names) is checked again on every use. A list page comes with its first rows drawn
//! (`first_page`).

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use tower::{ServiceExt, service_fn};
use tower_http::compression::Compression;
use tower_http::services::ServeDir;

const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const NO_CACHE: HeaderValue = HeaderValue::from_static("no-cache");
const PRIVATE_NO_CACHE: HeaderValue = HeaderValue::from_static("private, no-cache");

/// The console's files in `dist`, with their precompressed copies.
#[derive(Clone)]
pub struct Console {
    dist: PathBuf,
    files: ServeDir,
    /// The App Mesh API, which a drawn page reads through.
    api: Router,
}

impl Console {
    pub fn new(dist: PathBuf, api: Router) -> Self {
        let files = ServeDir::new(&dist).precompressed_br().precompressed_gzip();
        Self { dist, files, api }
    }

    pub async fn serve(self, request: Request<Body>) -> Response {
        let (uri, method, headers) = (request.uri().clone(), request.method().clone(), request.headers().clone());
        let path = uri.path();
        let response = self.file(request).await;
        if response.status() != StatusCode::NOT_FOUND || is_asset_path(path) {
            return with_caching(response, is_hashed(path));
        }
        if method == Method::GET
            && let Some(page) = crate::first_page::drawn(&self.api, &self.dist, &uri, &headers).await
        {
            // Made for this caller: kept by no shared cache, and checked again on every use.
            let mut response = with_caching(gzipped_html(page, headers).await, false);
            response.headers_mut().insert(header::CACHE_CONTROL, PRIVATE_NO_CACHE);
            return response;
        }
        // An app route: index.html, as negotiated as any file.
        let mut index = Request::new(Body::empty());
        *index.method_mut() = if method == Method::HEAD { Method::HEAD } else { Method::GET };
        *index.uri_mut() = "/index.html".parse().expect("a valid URI");
        *index.headers_mut() = headers;
        let response = self.file(index).await;
        if response.status() == StatusCode::NOT_FOUND {
            return not_built(&self.dist);
        }
        with_caching(response, false)
    }

    async fn file(&self, request: Request<Body>) -> Response {
        match self.files.clone().oneshot(request).await {
            Ok(response) => response.into_response(),
            Err(infallible) => match infallible {},
        }
    }
}

/// A page made for this request, gzipped when the request accepts it: the files beside it were
/// compressed when built, this one is compressed as it is sent.
async fn gzipped_html(page: String, headers: HeaderMap) -> Response {
    let page = bytes::Bytes::from(page);
    let html = move |_: Request<Body>| {
        let page = page.clone();
        async move {
            let content_type = HeaderValue::from_static("text/html; charset=utf-8");
            Ok::<_, Infallible>(([(header::CONTENT_TYPE, content_type)], page).into_response())
        }
    };
    let mut request = Request::new(Body::empty());
    *request.headers_mut() = headers;
    match Compression::new(service_fn(html)).oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(infallible) => match infallible {},
    }
}

fn with_caching(mut response: Response, hashed: bool) -> Response {
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        let headers = response.headers_mut();
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        headers.insert(header::CACHE_CONTROL, if hashed { IMMUTABLE } else { NO_CACHE });
    }
    response
}

fn not_built(dist: &Path) -> Response {
    let message =
        format!("The console is not built: {} has no index.html. Build it with `trunk build --release --offline`.\n", dist.display());
    (StatusCode::NOT_FOUND, message).into_response()
}

/// Trunk writes every asset at the top level (`/mesh-console-1a2b.wasm`); app routes are
/// either top-level words (`/meshes`) or deeper paths, whose last part may hold dots
/// (`/meshes/m/virtual-services/svc.local`).
pub(crate) fn is_asset_path(path: &str) -> bool {
    let trimmed = path.trim_start_matches('/');
    !trimmed.contains('/') && trimmed.contains('.')
}

/// Trunk names a file by its content: `mesh-console-0123456789abcdef_bg.wasm`,
/// `main-0123456789abcdef.css` (the hash is hexadecimal, at least 8 digits).
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() >= 8 && hash.bytes().all(|byte| byte.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::{is_asset_path, is_hashed};

    #[test]
    fn top_level_files_are_assets_and_deep_links_are_not() {
        assert!(is_asset_path("/nope.wasm"));
        assert!(is_asset_path("/style-abc.css"));
        assert!(!is_asset_path("/"));
        assert!(!is_asset_path("/meshes"));
        assert!(!is_asset_path("/meshes/m1/virtual-services/svc.local"));
    }

    #[test]
    fn files_named_by_their_content_are_hashed_and_others_are_not() {
        assert!(is_hashed("/mesh-console-8f2c1d0e9b7a6354_bg.wasm"));
        assert!(is_hashed("/mesh-console-8f2c1d0e9b7a6354.js"));
        assert!(is_hashed("/main-00ff00ff00ff00ff.css"));
        assert!(!is_hashed("/"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/engine/mesh_browser_engine_bg.wasm"));
        assert!(!is_hashed("/mesh-console.js"));
        assert!(!is_hashed("/static-list.html"));
    }
}
