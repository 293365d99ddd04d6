//! Export and Import of the whole store: what moves data between a browser and a server.

mod common;

use aws_sdk_appmesh::types::VirtualNodeSpec;
use common::specs::node_provider;
use common::{TestServer, failure};

async fn export(server: &TestServer) -> String {
    let response = reqwest::get(format!("{}/console-api/store", server.url)).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    response.text().await.unwrap()
}

async fn import(server: &TestServer, document: String) -> (u16, serde_json::Value) {
    let response = reqwest::Client::new().put(format!("{}/console-api/store", server.url)).body(document).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn an_export_imported_elsewhere_holds_the_same_resources() {
    let dir = tempfile::tempdir().unwrap();
    let source = TestServer::start(&dir.path().join("a")).await;
    let client = source.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    client.create_virtual_node().mesh_name("m1").virtual_node_name("n1").spec(VirtualNodeSpec::builder().build()).send().await.unwrap();
    let created =
        client.create_virtual_service().mesh_name("m1").virtual_service_name("a.local").spec(node_provider("n1")).send().await.unwrap();
    let document = export(&source).await;
    assert!(
        document.starts_with(r#"{"format":"mesh-console-store","schemaVersion":1,"account":"123456789012","region":"us-east-1""#),
        "{document}"
    );

    let target = TestServer::start(&dir.path().join("b")).await;
    target.client().create_mesh().mesh_name("replaced").send().await.unwrap();
    assert_eq!(import(&target, document).await.0, 200);
    let client = target.client();
    let meshes = client.list_meshes().send().await.unwrap();
    assert_eq!(meshes.meshes().iter().map(|mesh| mesh.mesh_name()).collect::<Vec<_>>(), ["m1"]);
    let service =
        client.describe_virtual_service().mesh_name("m1").virtual_service_name("a.local").send().await.unwrap().virtual_service.unwrap();
    assert_eq!(service.metadata().unwrap().uid(), created.virtual_service.unwrap().metadata().unwrap().uid());
    // The engine's rules hold over imported data.
    let in_use = failure(client.delete_virtual_node().mesh_name("m1").virtual_node_name("n1").send().await);
    assert_eq!(in_use.0, "ResourceInUseException");
}

#[tokio::test]
async fn an_import_that_does_not_read_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    server.client().create_mesh().mesh_name("kept").send().await.unwrap();
    let good = export(&server).await;
    let cases = [
        ("{not json".to_owned(), "The file cannot be imported: It is not a JSON object"),
        (
            good.replace(r#""schemaVersion":1"#, r#""schemaVersion":2"#),
            "The file cannot be imported: It was written by a newer Mesh Console (schema version 2)",
        ),
        (
            good.replace(r#""meshName""#, r#""meshNom""#).replace(":mesh/kept", ":mesh/other"),
            "The file cannot be imported: collections[\"meshes\"]",
        ),
    ];
    for (document, message) in cases {
        let (status, body) = import(&server, document).await;
        assert_eq!(status, 400);
        assert_eq!(body["__type"], "BadRequestException");
        let text = body["message"].as_str().unwrap();
        assert!(text.starts_with(message) && text.ends_with("Nothing was changed."), "{text}");
        assert_eq!(export(&server).await, good);
    }
}
