//! App Mesh's errors as the SDK sees them: codes, statuses, and messages that say what is wrong.

mod common;

use aws_sdk_appmesh::types::*;
use common::specs::{no_provider, node_provider};
use common::{TestServer, failure};

#[tokio::test]
async fn conflicts_not_found_and_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();

    let (code, status, _) = failure(client.create_mesh().mesh_name("m1").send().await);
    assert_eq!((code.as_str(), status), ("ConflictException", 409));

    let (code, status, message) =
        failure(client.create_virtual_service().mesh_name("nope").virtual_service_name("a").spec(no_provider()).send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    assert!(message.contains("nope"), "{message}");

    let (code, status, message) =
        failure(client.create_virtual_service().mesh_name("m1").virtual_service_name("a").spec(node_provider("ghost")).send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    assert!(message.contains("VirtualNode with name ghost"), "{message}");
    assert!(
        client.list_virtual_services().mesh_name("m1").send().await.unwrap().virtual_services().is_empty(),
        "a refused create leaves no trace"
    );

    client.create_virtual_node().mesh_name("m1").virtual_node_name("n1").spec(VirtualNodeSpec::builder().build()).send().await.unwrap();
    client.create_virtual_service().mesh_name("m1").virtual_service_name("a").spec(node_provider("n1")).send().await.unwrap();
    let (code, status, _) =
        failure(client.create_virtual_service().mesh_name("m1").virtual_service_name("a").spec(no_provider()).send().await);
    assert_eq!((code.as_str(), status), ("ConflictException", 409));

    let (code, status, message) = failure(client.delete_virtual_node().mesh_name("m1").virtual_node_name("n1").send().await);
    assert_eq!((code.as_str(), status), ("ResourceInUseException", 409));
    assert_eq!(message, "VirtualNode with name n1 cannot be deleted because it is a VirtualService provider for: a");

    let (code, status, message) = failure(client.delete_mesh().mesh_name("m1").send().await);
    assert_eq!((code.as_str(), status), ("ResourceInUseException", 409));
    assert!(message.contains("VirtualService a") && message.contains("VirtualNode n1"), "{message}");

    let (code, status, _) = failure(client.describe_virtual_router().mesh_name("m1").virtual_router_name("r").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    server.stop().await;
}

#[tokio::test]
async fn the_server_checks_every_maximum_the_sdk_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();

    let (code, status, message) = failure(client.create_mesh().mesh_name("x".repeat(256)).send().await);
    assert_eq!((code.as_str(), status), ("BadRequestException", 400));
    assert_eq!(message, "meshName: must be 1 to 255 characters long, got 256");

    let (code, _, message) = failure(client.list_virtual_services().mesh_name("m1").limit(101).send().await);
    assert_eq!(code, "BadRequestException");
    assert_eq!(message, "limit: must be between 1 and 100, got 101");

    let (code, _, message) = failure(client.list_virtual_services().mesh_name("m1").next_token("not-ours").send().await);
    assert_eq!(code, "BadRequestException");
    assert!(message.starts_with("nextToken"), "{message}");

    let long_key = TagRef::builder().key("k".repeat(129)).value("v").build().unwrap();
    let (code, _, message) = failure(
        client
            .create_virtual_node()
            .mesh_name("m1")
            .virtual_node_name("n")
            .spec(VirtualNodeSpec::builder().build())
            .tags(long_key)
            .send()
            .await,
    );
    assert_eq!(code, "BadRequestException");
    assert_eq!(message, "tags[0].key: must be 1 to 128 characters long, got 129");

    let port = PortMapping::builder().port(70000).protocol(PortProtocol::Tcp).build().unwrap();
    let spec = VirtualRouterSpec::builder().listeners(VirtualRouterListener::builder().port_mapping(port).build()).build();
    let (code, _, message) = failure(client.create_virtual_router().mesh_name("m1").virtual_router_name("r").spec(spec).send().await);
    assert_eq!(code, "BadRequestException");
    assert_eq!(message, "spec.listeners[0].portMapping.port: must be between 1 and 65535, got 70000");

    let (code, _, message) = failure(client.describe_mesh().mesh_name("m1").mesh_owner("12345").send().await);
    assert_eq!(code, "BadRequestException");
    assert!(message.starts_with("meshOwner"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn quotas_are_limit_exceeded() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    for i in 0..15 {
        client.create_mesh().mesh_name(format!("m{i}")).send().await.unwrap();
    }
    let (code, status, _) = failure(client.create_mesh().mesh_name("m15").send().await);
    assert_eq!((code.as_str(), status), ("LimitExceededException", 400));
    for i in 0..200 {
        client.create_virtual_service().mesh_name("m0").virtual_service_name(format!("s{i}")).spec(no_provider()).send().await.unwrap();
    }
    let (code, status, _) =
        failure(client.create_virtual_service().mesh_name("m0").virtual_service_name("s200").spec(no_provider()).send().await);
    assert_eq!((code.as_str(), status), ("LimitExceededException", 400));
    server.stop().await;
}

#[tokio::test]
async fn client_tokens_make_creates_and_updates_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    let create = || client.create_virtual_service().mesh_name("m1").virtual_service_name("svc").spec(no_provider()).client_token("token-1");
    let first = create().send().await.unwrap();
    let again = create().send().await.unwrap();
    assert_eq!(first.virtual_service(), again.virtual_service(), "the same token and request answer the first result");

    let (code, status, _) = failure(
        client
            .create_virtual_service()
            .mesh_name("m1")
            .virtual_service_name("other")
            .spec(no_provider())
            .client_token("token-1")
            .send()
            .await,
    );
    assert_eq!((code.as_str(), status), ("ConflictException", 409));

    let update = || client.update_virtual_service().mesh_name("m1").virtual_service_name("svc").spec(no_provider()).client_token("token-2");
    assert_eq!(update().send().await.unwrap().virtual_service().unwrap().metadata().unwrap().version(), 2);
    assert_eq!(update().send().await.unwrap().virtual_service().unwrap().metadata().unwrap().version(), 2);
    let described = client.describe_virtual_service().mesh_name("m1").virtual_service_name("svc").send().await.unwrap();
    assert_eq!(described.virtual_service().unwrap().metadata().unwrap().version(), 2, "a retried update makes no new version");
    server.stop().await;
}
