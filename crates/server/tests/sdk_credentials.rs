//! A shared server (--credentials): every App Mesh and RAM call carries a SigV4 signature the
//! server recomputes, and acts as the account of the key that signed it.

mod common;

use common::keys::{ALICE, BOB};
use common::{TestServer, failure, signed_request};
use serde_json::Value;
use std::time::{Duration, SystemTime};

#[tokio::test]
async fn each_key_acts_as_its_own_account_and_sees_only_its_meshes() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    let (alice, bob) = (server.client_with(ALICE), server.client_with(BOB));
    // A name the SDK must percent-encode in the path, which the signature covers twice encoded.
    let created = alice.create_mesh().mesh_name("shop \"$1\"").send().await.unwrap().mesh.unwrap();
    assert_eq!(created.metadata().unwrap().mesh_owner(), ALICE.2);
    assert_eq!(created.metadata().unwrap().arn(), format!("arn:aws:appmesh:us-east-1:{}:mesh/shop \"$1\"", ALICE.2));
    bob.create_mesh().mesh_name("bobs").send().await.unwrap();

    let names = |client: aws_sdk_appmesh::Client| async move {
        let listed = client.list_meshes().send().await.unwrap();
        listed.meshes().iter().map(|mesh| mesh.mesh_name().to_owned()).collect::<Vec<_>>()
    };
    assert_eq!(names(alice.clone()).await, ["shop \"$1\""]);
    assert_eq!(names(bob.clone()).await, ["bobs"]);
    let (code, status, _) = failure(bob.describe_mesh().mesh_name("shop \"$1\"").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    // Query strings are signed too: a page size, and an ARN full of characters to encode.
    assert_eq!(alice.list_meshes().limit(1).send().await.unwrap().meshes().len(), 1);
    let arn = created.metadata().unwrap().arn();
    alice.tag_resource().resource_arn(arn).tags(common::tag("team", "a b/c")).send().await.unwrap();
    assert_eq!(alice.list_tags_for_resource().resource_arn(arn).send().await.unwrap().tags(), [common::tag("team", "a b/c")]);
    alice.delete_mesh().mesh_name("shop \"$1\"").send().await.unwrap();
    server.stop().await;
}

#[tokio::test]
async fn an_unknown_key_a_wrong_secret_and_no_signature_are_refused_as_aws_refuses_them() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    let (code, status, message) = failure(server.client_with(("AKIAUNKNOWN000000000", ALICE.1, "")).list_meshes().send().await);
    assert_eq!(
        (code.as_str(), status, message.as_str()),
        ("UnrecognizedClientException", 403, "The security token included in the request is invalid.")
    );
    let (code, status, message) = failure(server.client_with((ALICE.0, BOB.1, "")).create_mesh().mesh_name("m").send().await);
    assert_eq!((code.as_str(), status), ("InvalidSignatureException", 403));
    assert!(message.starts_with("The request signature we calculated does not match"), "{message}");

    let unsigned = reqwest::get(format!("{}/v20190125/meshes", server.url)).await.unwrap();
    assert_eq!(unsigned.status(), 403);
    assert_eq!(unsigned.headers()["x-amzn-ErrorType"], "MissingAuthenticationTokenException");
    let body: Value = unsigned.json().await.unwrap();
    assert!(body["message"].as_str().unwrap().starts_with("Missing Authentication Token"), "{body}");
    let unsigned_write = reqwest::Client::new()
        .put(format!("{}/v20190125/meshes", server.url))
        .header("content-type", "application/json")
        .body(r#"{"meshName":"m"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned_write.status(), 403);
    // The old way of naming an account (a 12-digit key id, no real signature) is no way in.
    let named = reqwest::Client::new()
        .get(format!("{}/v20190125/meshes", server.url))
        .header(
            "authorization",
            format!("AWS4-HMAC-SHA256 Credential={}/20261126/us-east-1/appmesh/aws4_request, SignedHeaders=host, Signature=0", ALICE.2),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(named.headers()["x-amzn-ErrorType"], "UnrecognizedClientException");
    assert!(server.client_with(ALICE).list_meshes().send().await.unwrap().meshes().is_empty(), "nothing was created");
    server.stop().await;
}

#[tokio::test]
async fn a_signature_too_old_or_too_new_or_over_another_body_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    let url = format!("{}/v20190125/meshes", server.url);
    let body = r#"{"meshName":"m1"}"#;
    let at = |offset: i64| {
        let now = SystemTime::now();
        if offset < 0 { now - Duration::from_secs(offset.unsigned_abs()) } else { now + Duration::from_secs(offset as u64) }
    };
    for (offset, starts) in [(-20 * 60, "Signature expired: "), (20 * 60, "Signature not yet current: ")] {
        let response = signed_request("PUT", &url, body, ALICE, "appmesh", at(offset)).send().await.unwrap();
        assert_eq!(response.status(), 403);
        assert_eq!(response.headers()["x-amzn-ErrorType"], "InvalidSignatureException");
        let answer: Value = response.json().await.unwrap();
        assert!(answer["message"].as_str().unwrap().starts_with(starts), "{answer}");
    }
    let other_body = signed_request("PUT", &url, r#"{"meshName":"m2"}"#, ALICE, "appmesh", SystemTime::now()).body(body);
    assert_eq!(other_body.send().await.unwrap().headers()["x-amzn-ErrorType"], "InvalidSignatureException");
    let other_service = signed_request("PUT", &url, body, ALICE, "ram", SystemTime::now()).send().await.unwrap();
    assert_eq!(other_service.headers()["x-amzn-ErrorType"], "InvalidSignatureException");
    // Ten minutes of clock skew are within AWS's fifteen.
    let skewed = signed_request("PUT", &url, body, ALICE, "appmesh", at(-10 * 60)).send().await.unwrap();
    assert_eq!(skewed.status(), 200);
    server.stop().await;
}

#[tokio::test]
async fn a_signed_ram_share_lets_the_other_account_see_the_mesh() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    server.client_with(ALICE).create_mesh().mesh_name("shared").send().await.unwrap();
    let share = serde_json::json!({
        "name": "shared-share",
        "resourceArns": [format!("arn:aws:appmesh:us-east-1:{}:mesh/shared", ALICE.2)],
        "principals": [BOB.2],
    })
    .to_string();
    let url = format!("{}/createresourceshare", server.url);
    let unsigned = reqwest::Client::new().post(&url).header("content-type", "application/json").body(share.clone()).send().await.unwrap();
    assert_eq!(unsigned.headers()["x-amzn-ErrorType"], "MissingAuthenticationTokenException");
    let as_bob = signed_request("POST", &url, &share, BOB, "ram", SystemTime::now()).send().await.unwrap();
    assert_ne!(as_bob.status(), 200, "bob cannot share alice's mesh");
    let as_alice = signed_request("POST", &url, &share, ALICE, "ram", SystemTime::now()).send().await.unwrap();
    assert_eq!(as_alice.status(), 200);
    let seen = server.client_with(BOB).describe_mesh().mesh_name("shared").mesh_owner(ALICE.2).send().await.unwrap();
    assert_eq!(seen.mesh.unwrap().metadata().unwrap().mesh_owner(), ALICE.2);
    server.stop().await;
}

#[tokio::test]
async fn the_whole_store_is_neither_exported_nor_imported_on_a_shared_server() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start_with_credentials(dir.path()).await;
    let url = format!("{}/console-api/store", server.url);
    let export = signed_request("GET", &url, "", ALICE, "appmesh", SystemTime::now()).send().await.unwrap();
    assert_eq!(export.status(), 403);
    let body: Value = export.json().await.unwrap();
    assert!(body["message"].as_str().unwrap().contains("they would show and replace every account's data"), "{body}");
    let import = signed_request("PUT", &url, "{}", ALICE, "appmesh", SystemTime::now()).send().await.unwrap();
    assert_eq!(import.status(), 403);
    server.stop().await;
}
