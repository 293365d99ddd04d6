//! What the SDK would never send, sent raw: every one is a 4xx App Mesh error, none a 5xx,
//! and none leaves a trace in storage.

mod common;

use common::TestServer;

/// A raw request, and the App Mesh error it must get: status, error type, and the start of
/// the message.
type Case<'a> = (&'a str, String, Vec<u8>, u16, &'a str, &'a str);

struct Answer {
    status: u16,
    error_type: String,
    body: serde_json::Value,
}

async fn send(method: &str, url: &str, body: impl Into<reqwest::Body>) -> Answer {
    let response = reqwest::Client::new()
        .request(method.parse().unwrap(), url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let error_type = response.headers().get("x-amzn-ErrorType").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    assert!(response.headers().contains_key("x-amzn-RequestId"));
    let body = response.json().await.unwrap_or(serde_json::Value::Null);
    Answer { status, error_type, body }
}

fn assert_error(answer: &Answer, status: u16, error_type: &str, message_start: &str) {
    assert_eq!(answer.status, status, "{:?}", answer.body);
    assert_eq!(answer.error_type, error_type);
    assert_eq!(answer.body["__type"], error_type);
    let message = answer.body["message"].as_str().unwrap();
    assert!(message.starts_with(message_start), "{message:?} should start with {message_start:?}");
}

#[tokio::test]
async fn malformed_requests_get_app_mesh_errors_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let base = format!("{}/v20190125", server.url);
    let services = format!("{base}/meshes/m1/virtualServices");
    assert_eq!(send("PUT", &format!("{base}/meshes"), r#"{"meshName":"m1"}"#).await.status, 200);

    let cases: Vec<Case> = vec![
        (
            "PUT",
            services.clone(),
            b"{\"virtualServiceName\":".to_vec(),
            400,
            "BadRequestException",
            "virtualServiceName: EOF while parsing",
        ),
        (
            "PUT",
            services.clone(),
            br#"{"virtualServiceName":["a"],"spec":{}}"#.to_vec(),
            400,
            "BadRequestException",
            "virtualServiceName: invalid type",
        ),
        (
            "PUT",
            services.clone(),
            br#"{"virtualServiceName":"a"}"#.to_vec(),
            400,
            "BadRequestException",
            "Invalid request body: missing field `spec`",
        ),
        (
            "PUT",
            services.clone(),
            br#"{"virtualServiceName":"a","spec":{"provider":{"virtualGateway":{}}}}"#.to_vec(),
            400,
            "BadRequestException",
            "spec.provider: unknown variant `virtualGateway`",
        ),
        (
            "PUT",
            services.clone(),
            format!(r#"{{"virtualServiceName":"{}","spec":{{}}}}"#, "a".repeat(300)).into_bytes(),
            400,
            "BadRequestException",
            "virtualServiceName: must be 1 to 255",
        ),
        (
            "PUT",
            services.clone(),
            b"{\"virtualServiceName\":\"\xff\xfe\",\"spec\":{}}".to_vec(),
            400,
            "BadRequestException",
            "virtualServiceName: invalid unicode code point",
        ),
        (
            "PUT",
            services.clone(),
            format!(r#"{{"virtualServiceName":"a","spec":{{}},"x":{}{}}}"#, "[".repeat(5000), "]".repeat(5000)).into_bytes(),
            400,
            "BadRequestException",
            "Invalid request body: nested deeper",
        ),
        ("PUT", services.clone(), Vec::new(), 400, "BadRequestException", "The request body is empty"),
        (
            "PUT",
            services.clone(),
            vec![b' '; 2 << 20],
            413,
            "BadRequestException",
            "The request body is too large: App Mesh calls take at most 1 MiB, an import of the store at most 64 MiB",
        ),
        (
            "PUT",
            format!("{base}/meshes/m1/virtualServices?meshOwner=abc"),
            br#"{"virtualServiceName":"a","spec":{}}"#.to_vec(),
            400,
            "BadRequestException",
            "meshOwner: must be 12 digits",
        ),
        (
            "PUT",
            format!("{base}/meshes/%FF/virtualServices"),
            br#"{"virtualServiceName":"a","spec":{}}"#.to_vec(),
            400,
            "BadRequestException",
            "Invalid path: \"%FF\" is not UTF-8 once decoded",
        ),
        (
            "GET",
            format!("{base}/meshes/m1/virtualServices/100%25.local"),
            Vec::new(),
            404,
            "NotFoundException",
            "VirtualService with name 100%.local is not present",
        ),
        (
            "GET",
            format!("{base}/meshes/m1/virtualServices?limit=ten"),
            Vec::new(),
            400,
            "BadRequestException",
            "limit: must be a whole number",
        ),
        ("GET", format!("{base}/tags"), Vec::new(), 400, "BadRequestException", "resourceArn: is required"),
        ("PUT", format!("{base}/tag?resourceArn=nonsense"), br#"{"tags":[]}"#.to_vec(), 400, "BadRequestException", "resourceArn"),
        (
            "GET",
            format!("{base}/gatewayRoutes"),
            Vec::new(),
            400,
            "UnknownOperationException",
            "No App Mesh operation at GET /v20190125/gatewayRoutes",
        ),
        (
            "POST",
            services.clone(),
            Vec::new(),
            400,
            "UnknownOperationException",
            "No operation is POST /v20190125/meshes/m1/virtualServices: that path takes GET, PUT",
        ),
        ("PATCH", format!("{base}/meshes/m1"), Vec::new(), 400, "UnknownOperationException", "No operation is PATCH /v20190125/meshes/m1"),
    ];
    for (method, url, body, status, error_type, message) in cases {
        let answer = send(method, &url, body).await;
        assert_error(&answer, status, error_type, message);
    }
    let listed = send("GET", &services, Vec::new()).await;
    assert_eq!(listed.status, 200);
    assert_eq!(listed.body, serde_json::json!({"virtualServices": []}), "nothing was written");
    server.stop().await;
}

#[tokio::test]
async fn success_bodies_are_bare_data_objects_with_epoch_second_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let base = format!("{}/v20190125", server.url);
    let created = send("PUT", &format!("{base}/meshes"), r#"{"meshName":"m1"}"#).await;
    assert_eq!(created.body["meshName"], "m1", "the body is MeshData itself, not wrapped");
    assert!(created.body["metadata"]["createdAt"].is_f64() || created.body["metadata"]["createdAt"].is_u64());
    assert_eq!(created.body["spec"], serde_json::json!({}));
    let listed = send("GET", &format!("{base}/meshes"), Vec::new()).await;
    assert!(listed.body.get("nextToken").is_none());
    assert!(listed.body["meshes"][0].get("uid").is_none(), "a MeshRef has no uid");
    server.stop().await;
}

#[tokio::test]
async fn the_console_is_served_with_deep_links_and_real_404s() {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>Mesh Console</title>").unwrap();
    std::fs::write(dist.join("app-123.js"), "console.log(1)").unwrap();
    let server = TestServer::start_with(dir.path().join("mesh.sqlite3"), dist).await;
    let get = |path: &str| reqwest::get(format!("{}{path}", server.url));
    for path in ["/", "/meshes", "/meshes/m1/virtual-services/svc.local", "/meshes/m1/virtual-services/create?step=provider"] {
        let response = get(path).await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert!(response.text().await.unwrap().contains("<title>Mesh Console</title>"), "{path}");
    }
    let script = get("/app-123.js").await.unwrap();
    assert_eq!(script.status(), 200);
    assert!(script.headers()["content-type"].to_str().unwrap().contains("javascript"));
    assert_eq!(get("/nope.wasm").await.unwrap().status(), 404);
    server.stop().await;
}
