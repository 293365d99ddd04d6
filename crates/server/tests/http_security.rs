//! What every server refuses, with or without --credentials: a Host it does not answer to,
//! another web page's Origin, bodies that are not JSON, and (without credentials) an address
//! other machines can reach unless told it may.

mod common;

use common::{TestServer, config};
use mesh_console_server::Server;
use serde_json::Value;

async fn answer(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn meshes(server: &TestServer) -> Vec<Value> {
    let listed: Value = reqwest::get(format!("{}/v20190125/meshes", server.url)).await.unwrap().json().await.unwrap();
    listed["meshes"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_host_the_server_does_not_answer_to_gets_neither_the_api_nor_the_console() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let http = reqwest::Client::new();
    for path in ["/v20190125/meshes", "/", "/meshes", "/console-api/store"] {
        let (status, body) =
            answer(http.get(format!("{}{path}", server.url)).header("host", "rebound.evil.example").send().await.unwrap()).await;
        assert_eq!(status, 403, "{path}");
        assert_eq!(body["__type"], "ForbiddenException");
        let message = body["message"].as_str().unwrap();
        assert!(message.contains("'rebound.evil.example'") && message.contains("--allowed-host NAME"), "{message}");
    }
    let port = server.url.rsplit(':').next().unwrap().to_owned();
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}"), format!("[::1]:{port}")] {
        let response = http.get(format!("{}/v20190125/meshes", server.url)).header("host", &host).send().await.unwrap();
        assert_eq!(response.status(), 200, "{host}");
    }
    server.stop().await;
}

#[tokio::test]
async fn an_allowed_host_is_answered() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = config(dir.path().join("mesh.sqlite3"), dir.path().join("dist"));
    config.allowed_hosts = vec!["mesh.internal".into()];
    let server = TestServer::start_config(config).await;
    let response =
        reqwest::Client::new().get(format!("{}/v20190125/meshes", server.url)).header("host", "mesh.internal:8080").send().await.unwrap();
    assert_eq!(response.status(), 200);
    server.stop().await;
}

#[tokio::test]
async fn another_pages_origin_may_neither_write_nor_read_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let http = reqwest::Client::new();
    let create = |origin: &'static str| {
        http.put(format!("{}/v20190125/meshes", server.url))
            .header("origin", origin)
            .header("content-type", "application/json")
            .body(r#"{"meshName":"m1"}"#)
    };
    let (status, body) = answer(create("http://evil.example").send().await.unwrap()).await;
    assert_eq!((status, body["__type"].as_str()), (403, Some("ForbiddenException")));
    assert!(body["message"].as_str().unwrap().contains("the Origin 'http://evil.example' is not this server's own"), "{body}");
    assert_eq!(answer(create("null").send().await.unwrap()).await.0, 403);
    assert!(meshes(&server).await.is_empty(), "nothing was created");

    let read_store = |origin: &str| http.get(format!("{}/console-api/store", server.url)).header("origin", origin);
    assert_eq!(answer(read_store("http://localhost:3000").send().await.unwrap()).await.0, 403, "another port is another origin");
    let cross_site = http.get(format!("{}/console-api/store", server.url)).header("sec-fetch-site", "cross-site");
    assert_eq!(answer(cross_site.send().await.unwrap()).await.0, 403, "a browser-marked cross-site read of the store");

    let own = server.url.clone();
    let response = http.get(format!("{own}/console-api/store")).header("origin", &own).send().await.unwrap();
    assert_eq!(response.status(), 200, "the console's own origin reads the store");
    let created = http
        .put(format!("{own}/v20190125/meshes"))
        .header("origin", &own)
        .header("content-type", "application/json")
        .body(r#"{"meshName":"m1"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 200, "the console's own origin writes");
    server.stop().await;
}

#[tokio::test]
async fn bodies_that_are_not_json_reach_no_handler() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let http = reqwest::Client::new();
    for content_type in ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b"] {
        for (method, path) in [("PUT", "/v20190125/meshes"), ("POST", "/createresourceshare"), ("PUT", "/console-api/store")] {
            let request = http.request(method.parse().unwrap(), format!("{}{path}", server.url));
            let response = request.header("content-type", content_type).body(r#"{"meshName":"m1"}"#).send().await.unwrap();
            let (status, body) = answer(response).await;
            assert_eq!(status, 415, "{content_type} {method} {path}");
            assert_eq!(body["__type"], "BadRequestException");
            assert!(body["message"].as_str().unwrap().contains("send JSON bodies as application/json"), "{body}");
        }
    }
    assert!(meshes(&server).await.is_empty(), "nothing was created");
    let json = http
        .put(format!("{}/v20190125/meshes", server.url))
        .header("content-type", "application/x-amz-json-1.1")
        .body(r#"{"meshName":"m1"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), 200);
    server.stop().await;
}

#[tokio::test]
async fn a_non_loopback_address_without_credentials_is_refused_unless_insecure_no_auth() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = config(dir.path().join("mesh.sqlite3"), dir.path().join("dist"));
    config.listen = "0.0.0.0:0".parse().unwrap();
    let refused = Server::bind(&config).await.err().expect("refused");
    assert!(refused.starts_with("refusing to listen on 0.0.0.0:0 without --credentials"), "{refused}");
    assert!(refused.contains("--insecure-no-auth"), "{refused}");
    assert!(!dir.path().join("mesh.sqlite3").exists(), "nothing was opened");
    config.insecure_no_auth = true;
    assert!(Server::bind(&config).await.is_ok());

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_mesh-console-server"))
        .args(["--listen", "0.0.0.0:0", "--data"])
        .arg(dir.path().join("binary.sqlite3"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("refusing to listen on 0.0.0.0:0 without --credentials"), "{stderr}");
}
