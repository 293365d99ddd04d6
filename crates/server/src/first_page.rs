//! A visit's first page drawn here, so that its rows show while the console's code is still
//! on its way: the reads the page starts with go through this server's own API as the caller
//! (same headers, same access), and the console's views draw their answers
//! (`mesh_console::prerender`). The console then takes the page over.

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Method, Request, Uri};
use mesh_console::prerender::{self, IDENTITY_URL, Reply};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use tower::ServiceExt;

/// No answer the first page reads comes near this: a described list of App Mesh's quota of
/// 200 resources is a few hundred KB.
const READ_LIMIT: usize = 16 << 20;

/// index.html with the page at `uri` drawn into its body, or None when that page is not one
/// drawn first (only lists are), the caller may not read it, or its views asked more than
/// their first reads.
pub async fn drawn(api: &Router, dist: &Path, uri: &Uri, headers: &HeaderMap) -> Option<String> {
    let reads = prerender::reads(uri.path())?;
    let mut answers = Vec::with_capacity(reads.len());
    let mut preloads = String::new();
    for url in reads {
        let reply = read(api, &url, headers).await?;
        // A caller who may not use the API gets no page (identity is read first).
        if url == IDENTITY_URL && reply.status != 200 {
            return None;
        }
        // The console asks the same as it starts: the browser asks it now, beside its code.
        preloads.push_str(&format!("<link rel=preload as=fetch crossorigin href=\"{}\">", url.replace('&', "&amp;")));
        answers.push((url, reply));
    }
    let index = tokio::fs::read_to_string(dist.join("index.html")).await.ok()?;
    let path_and_query = uri.path_and_query().map_or(uri.path(), |whole| whole.as_str());
    // A view that fails to draw costs the early rows, never the page. (Leptos' thread-locals
    // may then name an owner that is gone: weakly, so the next render on this thread, which
    // makes its own, reads nothing of it.)
    let page = catch_unwind(AssertUnwindSafe(|| prerender::render(path_and_query, answers))).ok()??;
    let (head, rest) = index.split_once("</head>")?;
    let (between, body) = rest.split_once("<body>")?;
    // Inert until the console takes its place: seen at once, but nothing can be typed into
    // or clicked on a page that is not live yet.
    Some(format!("{head}{preloads}</head>{between}<body><div id=prerendered inert>{page}</div>{body}"))
}

/// A GET of `url` through the API, with the visit's headers.
async fn read(api: &Router, url: &str, headers: &HeaderMap) -> Option<Reply> {
    let mut request = Request::new(Body::empty());
    *request.method_mut() = Method::GET;
    *request.uri_mut() = url.parse().ok()?;
    *request.headers_mut() = headers.clone();
    let response = match api.clone().oneshot(request).await {
        Ok(response) => response,
        Err(infallible) => match infallible {},
    };
    let status = response.status().as_u16();
    let error_type = response.headers().get("x-amzn-ErrorType").and_then(|value| value.to_str().ok()).map(str::to_owned);
    let body = to_bytes(response.into_body(), READ_LIMIT).await.ok()?;
    Some(Reply { status, error_type, body: String::from_utf8(body.to_vec()).ok()? })
}
