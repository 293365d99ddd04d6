//! Sharing a mesh through AWS RAM's API (as `aws ram create-resource-share` sends it), then
//! working in it with the App Mesh SDK as another account.

mod common;

use aws_sdk_appmesh::types::*;
use common::{DEFAULT_ACCOUNT, TestServer, failure};

const CONSUMER: &str = "444455556666";

fn signed_as(account: &str) -> String {
    format!("AWS4-HMAC-SHA256 Credential={account}/20261126/us-east-1/ram/aws4_request, SignedHeaders=host, Signature=0")
}

#[tokio::test]
async fn a_mesh_shared_through_ram_is_seen_and_used_by_the_other_account() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let owner = server.client();
    owner.create_mesh().mesh_name("shared").send().await.unwrap();
    owner.create_mesh().mesh_name("private").send().await.unwrap();
    owner
        .create_virtual_node()
        .mesh_name("shared")
        .virtual_node_name("owners-node")
        .spec(VirtualNodeSpec::builder().build())
        .send()
        .await
        .unwrap();

    let http = reqwest::Client::new();
    let created: serde_json::Value = http
        .post(format!("{}/createresourceshare", server.url))
        .json(&serde_json::json!({
            "name": "mesh-share",
            "resourceArns": [format!("arn:aws:appmesh:us-east-1:{DEFAULT_ACCOUNT}:mesh/shared")],
            "principals": [CONSUMER],
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let share_arn = created["resourceShare"]["resourceShareArn"].as_str().unwrap().to_string();
    assert_eq!(created["resourceShare"]["owningAccountId"], DEFAULT_ACCOUNT);
    assert_eq!(created["resourceShare"]["status"], "ACTIVE");

    let consumer = server.client_as(CONSUMER);
    let meshes = consumer.list_meshes().send().await.unwrap();
    let seen: Vec<_> = meshes.meshes().iter().map(|mesh| (mesh.mesh_name(), mesh.mesh_owner())).collect();
    assert_eq!(seen, [("shared", DEFAULT_ACCOUNT)]);

    let service = consumer
        .create_virtual_service()
        .mesh_name("shared")
        .mesh_owner(DEFAULT_ACCOUNT)
        .virtual_service_name("consumer.local")
        .spec(VirtualServiceSpec::builder().build())
        .send()
        .await
        .unwrap();
    let metadata = service.virtual_service().unwrap().metadata().unwrap();
    assert_eq!((metadata.mesh_owner(), metadata.resource_owner()), (DEFAULT_ACCOUNT, CONSUMER));

    let (code, status, _) = failure(
        consumer.delete_virtual_node().mesh_name("shared").mesh_owner(DEFAULT_ACCOUNT).virtual_node_name("owners-node").send().await,
    );
    assert_eq!((code.as_str(), status), ("ForbiddenException", 403));
    let (code, status, _) = failure(consumer.describe_mesh().mesh_name("private").mesh_owner(DEFAULT_ACCOUNT).send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));

    let stolen = http
        .post(format!("{}/createresourceshare", server.url))
        .header("authorization", signed_as(CONSUMER))
        .json(&serde_json::json!({"name": "x", "resourceArns": [format!("arn:aws:appmesh:us-east-1:{DEFAULT_ACCOUNT}:mesh/private")], "principals": [CONSUMER]}))
        .send()
        .await
        .unwrap();
    assert_eq!(stolen.status(), 400);
    assert_eq!(stolen.headers()["x-amzn-ErrorType"], "UnknownResourceException");

    let deleted =
        http.delete(format!("{}/deleteresourceshare", server.url)).query(&[("resourceShareArn", &share_arn)]).send().await.unwrap();
    assert_eq!(deleted.status(), 200);
    assert!(consumer.list_meshes().send().await.unwrap().meshes().is_empty());
    server.stop().await;
}

#[tokio::test]
async fn the_console_learns_its_account() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let identity: serde_json::Value = reqwest::get(format!("{}/console-api/identity", server.url)).await.unwrap().json().await.unwrap();
    assert_eq!(identity, serde_json::json!({"account": DEFAULT_ACCOUNT, "region": "us-east-1"}));
    server.stop().await;
}
