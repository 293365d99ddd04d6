//! Serves the built console: files from dist/, and index.html for app routes so that every
//! deep link loads. A missing top-level asset (`/nope.wasm`) is a 404, never index.html.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::PathBuf;
use tower::ServiceExt;
use tower_http::services::ServeDir;

pub async fn serve(dist: PathBuf, request: Request<Body>) -> Response {
    let path = request.uri().path().to_string();
    let response = match ServeDir::new(&dist).oneshot(request).await {
        Ok(response) => response.into_response(),
        Err(infallible) => match infallible {},
    };
    if response.status() != StatusCode::NOT_FOUND || is_asset_path(&path) {
        return response;
    }
    match tokio::fs::read(dist.join("index.html")).await {
        Ok(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], html).into_response(),
        Err(_) => (
            StatusCode::NOT_FOUND,
            format!("The console is not built: {} has no index.html. Build it with `trunk build --release --offline`.\n", dist.display()),
        )
            .into_response(),
    }
}

/// Trunk writes every asset at the top level (`/mesh-console-1a2b.wasm`); app routes are
/// either top-level words (`/meshes`) or deeper paths, whose last part may hold dots
/// (`/meshes/m/virtual-services/svc.local`).
fn is_asset_path(path: &str) -> bool {
    let trimmed = path.trim_start_matches('/');
    !trimmed.contains('/') && trimmed.contains('.')
}

#[cfg(test)]
mod tests {
    use super::is_asset_path;

    #[test]
    fn top_level_files_are_assets_and_deep_links_are_not() {
        assert!(is_asset_path("/nope.wasm"));
        assert!(is_asset_path("/style-abc.css"));
        assert!(!is_asset_path("/"));
        assert!(!is_asset_path("/meshes"));
        assert!(!is_asset_path("/meshes/m1/virtual-services/svc.local"));
    }
}
