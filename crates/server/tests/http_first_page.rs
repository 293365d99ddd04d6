//! A list page as the server sends it: its first rows drawn by the console's own views from
//! what the caller may read, the page's table state (filter, page) followed; any other page
//! as built.

mod common;

use aws_sdk_appmesh::types::VirtualNodeSpec;
use common::TestServer;
use common::specs::{no_provider, node_provider};
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE};

/// A built console's index.html, as trunk writes it: an empty body the console mounts into.
const INDEX: &str = "<!doctype html><html lang=en><title>Mesh Console</title></head><body></body></html>";

async fn start(dir: &std::path::Path) -> TestServer {
    std::fs::create_dir_all(dir.join("dist")).unwrap();
    std::fs::write(dir.join("dist/index.html"), INDEX).unwrap();
    TestServer::start(dir).await
}

/// The HTML of a navigation to `path`, with its cache-control and content type.
async fn page(server: &TestServer, path: &str) -> (String, String, String) {
    page_as(server, path, None).await
}

/// [`page`] as `account` (an unchecked SigV4 header naming it), or as the default account.
async fn page_as(server: &TestServer, path: &str, account: Option<&str>) -> (String, String, String) {
    let mut request = reqwest::Client::new().get(format!("{}{path}", server.url)).header("accept", "text/html");
    if let Some(account) = account {
        let credential =
            format!("AWS4-HMAC-SHA256 Credential={account}/20261208/us-east-1/appmesh/aws4_request, SignedHeaders=host, Signature=0");
        request = request.header("authorization", credential);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    let header = |name| response.headers()[name].to_str().unwrap().to_owned();
    let (cache, content_type) = (header(CACHE_CONTROL), header(CONTENT_TYPE));
    (response.text().await.unwrap(), cache, content_type)
}

/// The links to virtual services in `html`, in order.
fn service_links(html: &str) -> Vec<&str> {
    html.split("href=\"/meshes/m1/virtual-services/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|name| *name != "create")
        .collect()
}

#[tokio::test]
async fn a_list_page_comes_with_its_first_rows_and_follows_its_filter_and_page() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    client.create_virtual_node().mesh_name("m1").virtual_node_name("n1").spec(VirtualNodeSpec::builder().build()).send().await.unwrap();
    for i in 1..=12 {
        let service = client.create_virtual_service().mesh_name("m1").virtual_service_name(format!("svc-{i:02}.local"));
        service.spec(node_provider("n1")).send().await.unwrap();
    }

    let (html, cache, content_type) = page(&server, "/meshes/m1/virtual-services").await;
    assert!(html.starts_with("<!doctype html>") && html.contains("<body><div id=prerendered inert>"), "{html}");
    assert_eq!((cache.as_str(), content_type.as_str()), ("private, no-cache", "text/html; charset=utf-8"));
    let first_page: Vec<String> = (1..=10).map(|i| format!("svc-{i:02}.local")).collect();
    assert_eq!(service_links(&html), first_page, "the first 10 rows, by name");
    assert!(html.contains("12 virtual services"), "the count");
    assert!(html.contains(r#"Virtual node <a href="/meshes/m1/virtual-nodes/n1">n1</a>"#), "each row's provider");
    assert!(html.contains(r#"<option value="m1" selected>m1</option>"#), "the mesh picker knows the mesh");
    let head = html.split("</head>").next().unwrap();
    for url in ["/console-api/identity", "/v20190125/meshes?limit=100", "/console-api/meshes/m1/virtualServices"] {
        let preload = format!(r#"<link rel=preload as=fetch crossorigin href="{url}">"#);
        assert!(head.contains(&preload), "the browser asks what the console will, with the page: {url}");
    }

    let (html, ..) = page(&server, "/meshes/m1/virtual-services?page=2").await;
    assert_eq!(service_links(&html), ["svc-11.local", "svc-12.local"]);
    let (html, ..) = page(&server, "/meshes/m1/virtual-services?filter=svc-03").await;
    assert_eq!(service_links(&html), ["svc-03.local"]);
    assert!(html.contains("1 of 12 virtual services match"));

    let (html, ..) = page(&server, "/meshes/m1/virtual-nodes").await;
    assert!(html.contains(r#"<a href="/meshes/m1/virtual-nodes/n1">n1</a>"#), "{html}");
    for list in ["virtual-routers", "virtual-gateways"] {
        let (html, ..) = page(&server, &format!("/meshes/m1/{list}")).await;
        assert!(html.contains("<div id=prerendered inert>"), "{list}: {html}");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_drawn_page_is_gzipped_for_a_browser_that_accepts_it() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path()).await;
    server.client().create_mesh().mesh_name("m1").send().await.unwrap();
    let url = format!("{}/meshes/m1/virtual-services", server.url);
    let response = reqwest::Client::new().get(&url).header(ACCEPT_ENCODING, "gzip, deflate, br").send().await.unwrap();
    assert_eq!(response.headers()[CONTENT_ENCODING], "gzip");
    assert_eq!(response.bytes().await.unwrap()[..2], [0x1f, 0x8b], "gzip's magic number");
    let (plain, ..) = page(&server, "/meshes/m1/virtual-services").await;
    assert!(plain.contains("<div id=prerendered inert>"), "without accept-encoding, as it is");
    server.stop().await;
}

#[tokio::test]
async fn other_pages_come_as_built() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path()).await;
    server.client().create_mesh().mesh_name("m1").send().await.unwrap();
    for path in ["/meshes", "/meshes/m1", "/meshes/m1/virtual-services/svc.local", "/meshes/m1/virtual-services/create", "/settings"] {
        let (html, cache, _) = page(&server, path).await;
        assert_eq!((html.as_str(), cache.as_str()), (INDEX, "no-cache"), "{path}");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_page_holds_only_what_its_caller_may_read() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path()).await;
    let theirs = server.client_as(OTHER);
    theirs.create_mesh().mesh_name("m1").send().await.unwrap();
    theirs.create_virtual_service().mesh_name("m1").virtual_service_name("theirs.local").spec(no_provider()).send().await.unwrap();
    server.client().create_mesh().mesh_name("ours").send().await.unwrap();

    let (html, ..) = page(&server, "/meshes/m1/virtual-services").await;
    assert!(html.contains(r#"<option value="ours">ours</option>"#), "the caller's own meshes: {html}");
    assert!(!html.contains("theirs.local"), "another account's mesh of that name is not drawn: {html}");

    let (html, ..) = page_as(&server, "/meshes/m1/virtual-services", Some(OTHER)).await;
    assert_eq!(service_links(&html), ["theirs.local"], "the same page for its owner");
    assert!(!html.contains("ours"), "{html}");
    server.stop().await;
}

const OTHER: &str = "210987654321";

#[tokio::test]
async fn a_page_whose_views_ask_more_than_their_first_reads_comes_as_built() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    for i in 0..101 {
        client
            .create_virtual_node()
            .mesh_name("m1")
            .virtual_node_name(format!("n{i:03}"))
            .spec(VirtualNodeSpec::builder().build())
            .send()
            .await
            .unwrap();
    }
    let (html, cache, _) = page(&server, "/meshes/m1/virtual-nodes").await;
    assert_eq!((html.as_str(), cache.as_str()), (INDEX, "no-cache"), "101 nodes: App Mesh's List has a second page");

    common::share_mesh(&server, "m1", OTHER).await;
    let (html, ..) = page_as(&server, "/meshes/m1/virtual-services", Some(OTHER)).await;
    assert_eq!(html, INDEX, "a mesh shared with the caller is asked for by its owner");
    server.stop().await;
}

#[tokio::test]
async fn a_caller_who_may_not_read_gets_the_page_as_built() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    std::fs::write(dir.path().join("dist/index.html"), INDEX).unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    server.client_with(common::keys::ALICE).create_mesh().mesh_name("m1").send().await.unwrap();
    // Not a navigation (those are sent to sign in first), and no session.
    let response = reqwest::Client::new().get(format!("{}/meshes/m1/virtual-services", server.url)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), INDEX);
    server.stop().await;
}
