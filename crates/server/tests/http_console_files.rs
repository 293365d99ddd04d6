//! The console's files as the server sends them, over raw HTTP: the precompressed copy the
//! request accepts, `Vary: Accept-Encoding`, and how long a browser may keep each file.

mod common;

use common::TestServer;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, VARY};
use std::path::Path;

const WASM: &str = "mesh-console-0123456789abcdef_bg.wasm";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A built console: each file beside its brotli and gzip copies, whose bytes say which they are.
fn write_dist(dist: &Path) {
    let files = [("index.html", "<!DOCTYPE html><title>Mesh Console</title>"), (WASM, "wasm"), ("engine/mesh_browser_engine.js", "engine")];
    for (name, content) in files {
        let path = dist.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        std::fs::write(format!("{}.br", path.display()), format!("br of {name}")).unwrap();
        std::fs::write(format!("{}.gz", path.display()), format!("gzip of {name}")).unwrap();
    }
}

async fn start() -> (TestServer, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    write_dist(&dir.path().join("dist"));
    (TestServer::start(dir.path()).await, dir)
}

/// Status, the headers that matter here, and the body, for a GET of `path` sending `accept`.
async fn get(server: &TestServer, path: &str, accept: Option<&str>) -> (StatusCode, [Option<String>; 4], String) {
    let mut request = reqwest::Client::new().get(format!("{}{path}", server.url));
    if let Some(accept) = accept {
        request = request.header(ACCEPT_ENCODING, accept);
    }
    let response = request.send().await.unwrap();
    let header = |name| response.headers().get(name).map(|value: &reqwest::header::HeaderValue| value.to_str().unwrap().to_string());
    let headers = [header(CONTENT_ENCODING), header(VARY), header(CACHE_CONTROL), header(CONTENT_TYPE)];
    (response.status(), headers, response.text().await.unwrap())
}

#[tokio::test]
async fn a_hashed_asset_is_sent_as_the_copy_the_browser_accepts_and_kept_for_a_year() {
    let (server, _dir) = start().await;
    let path = format!("/{WASM}");
    let (status, [encoding, vary, cache, content_type], body) = get(&server, &path, Some("br, gzip")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((encoding.as_deref(), body.as_str()), (Some("br"), format!("br of {WASM}").as_str()));
    assert_eq!(vary.as_deref(), Some("accept-encoding"));
    assert_eq!(cache.as_deref(), Some(IMMUTABLE));
    assert_eq!(content_type.as_deref(), Some("application/wasm"), "the type of the file, not of its copy");

    let (_, [encoding, ..], body) = get(&server, &path, Some("gzip, deflate")).await;
    assert_eq!((encoding.as_deref(), body.as_str()), (Some("gzip"), format!("gzip of {WASM}").as_str()));

    for accept in [None, Some("identity"), Some("zstd")] {
        let (status, [encoding, vary, cache, _], body) = get(&server, &path, accept).await;
        assert_eq!((status, encoding, body.as_str()), (StatusCode::OK, None, "wasm"), "{accept:?} gets the file as it is");
        assert_eq!((vary.as_deref(), cache.as_deref()), (Some("accept-encoding"), Some(IMMUTABLE)));
    }
    server.stop().await;
}

#[tokio::test]
async fn index_html_and_deep_links_are_compressed_but_checked_again_on_every_use() {
    let (server, _dir) = start().await;
    for path in ["/", "/index.html", "/meshes", "/meshes/m1/virtual-services/svc.local?filter=a"] {
        let (status, [encoding, vary, cache, content_type], body) = get(&server, path, Some("gzip, deflate, br")).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!((encoding.as_deref(), body.as_str()), (Some("br"), "br of index.html"), "{path}");
        assert_eq!((vary.as_deref(), cache.as_deref()), (Some("accept-encoding"), Some("no-cache")), "{path}");
        assert!(content_type.unwrap().starts_with("text/html"), "{path}");
    }
    let (status, [encoding, _, cache, _], body) = get(&server, "/meshes", None).await;
    assert_eq!((status, encoding, cache.as_deref()), (StatusCode::OK, None, Some("no-cache")));
    assert!(body.starts_with("<!DOCTYPE html>"));
    server.stop().await;
}

#[tokio::test]
async fn the_browser_engine_keeps_its_fixed_names_so_it_is_checked_again() {
    let (server, _dir) = start().await;
    let (status, [encoding, _, cache, _], body) = get(&server, "/engine/mesh_browser_engine.js", Some("br")).await;
    assert_eq!((status, encoding.as_deref(), cache.as_deref()), (StatusCode::OK, Some("br"), Some("no-cache")));
    assert_eq!(body, "br of engine/mesh_browser_engine.js");
    server.stop().await;
}

#[tokio::test]
async fn a_missing_asset_is_404_whatever_it_accepts() {
    let (server, _dir) = start().await;
    for accept in [None, Some("br, gzip")] {
        let (status, [encoding, _, cache, _], _) = get(&server, "/nope-0123456789abcdef.wasm", accept).await;
        assert_eq!((status, encoding, cache), (StatusCode::NOT_FOUND, None, None), "{accept:?}");
    }
    server.stop().await;
}
