//! Virtual gateways (under `/meshes/{mesh}/virtualGateways`), driven by the official AWS SDK
//! against the real server: their whole life, errors, tokens, pages, tags and the quota.

mod common;

use aws_sdk_appmesh::types::*;
use common::specs::{gateway, no_provider};
use common::{DEFAULT_ACCOUNT, TestServer, assert_metadata, assert_tagging, failure, gateway_route_to, tag};

/// A gateway with every part a user sets: an HTTP listener with a health check, and access logs.
fn ingress() -> VirtualGatewaySpec {
    let health_check = VirtualGatewayHealthCheckPolicy::builder()
        .healthy_threshold(2)
        .unhealthy_threshold(3)
        .interval_millis(5000)
        .timeout_millis(2000)
        .protocol(VirtualGatewayPortProtocol::Http)
        .path("/ping")
        .build()
        .unwrap();
    let port_mapping = VirtualGatewayPortMapping::builder().port(8080).protocol(VirtualGatewayPortProtocol::Http).build().unwrap();
    let access_log = VirtualGatewayAccessLog::File(VirtualGatewayFileAccessLog::builder().path("/dev/stdout").build().unwrap());
    VirtualGatewaySpec::builder()
        .listeners(VirtualGatewayListener::builder().port_mapping(port_mapping).health_check(health_check).build())
        .logging(VirtualGatewayLogging::builder().access_log(access_log).build())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_virtual_gateway_through_its_whole_life() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    let arn = format!("arn:aws:appmesh:us-east-1:{DEFAULT_ACCOUNT}:mesh/m1/virtualGateway/ingress");

    let created = client.create_virtual_gateway().mesh_name("m1").virtual_gateway_name("ingress").spec(ingress()).send().await.unwrap();
    let created = created.virtual_gateway().unwrap();
    assert_eq!((created.mesh_name(), created.virtual_gateway_name()), ("m1", "ingress"));
    assert_eq!(created.spec(), Some(&ingress()), "the spec comes back exactly as sent");
    assert_metadata(created.metadata().unwrap(), &arn, 1);
    assert_eq!(created.status().unwrap().status(), &VirtualGatewayStatusCode::Active);

    let described = client.describe_virtual_gateway().mesh_name("m1").virtual_gateway_name("ingress").send().await.unwrap();
    assert_eq!(described.virtual_gateway(), Some(created));

    let http2 = gateway(8443, VirtualGatewayPortProtocol::Http2);
    let updated = client.update_virtual_gateway().mesh_name("m1").virtual_gateway_name("ingress").spec(http2.clone()).send().await.unwrap();
    let updated = updated.virtual_gateway().unwrap();
    assert_eq!(updated.spec(), Some(&http2));
    assert_metadata(updated.metadata().unwrap(), &arn, 2);
    assert_eq!(updated.metadata().unwrap().uid(), created.metadata().unwrap().uid());

    let listed = client.list_virtual_gateways().mesh_name("m1").send().await.unwrap();
    let reference = &listed.virtual_gateways()[0];
    assert_eq!(listed.virtual_gateways().len(), 1);
    assert_eq!(
        (reference.mesh_name(), reference.virtual_gateway_name(), reference.arn(), reference.version()),
        ("m1", "ingress", arn.as_str(), 2)
    );
    assert_eq!((reference.mesh_owner(), reference.resource_owner()), (DEFAULT_ACCOUNT, DEFAULT_ACCOUNT));

    let deleted = client.delete_virtual_gateway().mesh_name("m1").virtual_gateway_name("ingress").send().await.unwrap();
    assert_eq!(deleted.virtual_gateway().unwrap().status().unwrap().status(), &VirtualGatewayStatusCode::Deleted);
    let (code, status, _) = failure(client.describe_virtual_gateway().mesh_name("m1").virtual_gateway_name("ingress").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    client.delete_mesh().mesh_name("m1").send().await.expect("a mesh whose gateway is gone is deleted");
    server.stop().await;
}

#[tokio::test]
async fn gateway_errors_name_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    let create = |mesh: &str, name: &str, spec: VirtualGatewaySpec| {
        client.create_virtual_gateway().mesh_name(mesh).virtual_gateway_name(name).spec(spec).send()
    };

    let (code, status, message) = failure(create("no-mesh", "ingress", ingress()).await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    assert!(message.contains("no-mesh"), "{message}");
    let (code, status, message) = failure(create("m1", "ingress", gateway(8080, VirtualGatewayPortProtocol::from("tcp"))).await);
    assert_eq!((code.as_str(), status), ("BadRequestException", 400), "a gateway listens on http, http2 or grpc only");
    assert!(message.contains("spec.listeners[0].portMapping.protocol"), "{message}");

    create("m1", "ingress", ingress()).await.unwrap();
    let (code, status, _) = failure(create("m1", "ingress", ingress()).await);
    assert_eq!((code.as_str(), status), ("ConflictException", 409));

    let (code, status, message) = failure(client.delete_mesh().mesh_name("m1").send().await);
    assert_eq!((code.as_str(), status), ("ResourceInUseException", 409), "a mesh holding a gateway cannot be deleted");
    assert!(message.contains("ingress"), "{message}");

    client.create_virtual_service().mesh_name("m1").virtual_service_name("shop.local").spec(no_provider()).send().await.unwrap();
    for name in ["storefront", "basket"] {
        gateway_route_to(&client, "ingress", name, "shop.local").send().await.unwrap();
    }
    let (code, status, message) = failure(client.delete_virtual_gateway().mesh_name("m1").virtual_gateway_name("ingress").send().await);
    assert_eq!((code.as_str(), status), ("ResourceInUseException", 409));
    assert!(message.contains("storefront") && message.contains("basket"), "{message}");

    let (code, status, _) = failure(client.describe_virtual_gateway().mesh_name("m1").virtual_gateway_name("none").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    let (code, status, _) =
        failure(client.update_virtual_gateway().mesh_name("m1").virtual_gateway_name("none").spec(ingress()).send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    let (code, status, _) = failure(client.delete_virtual_gateway().mesh_name("m1").virtual_gateway_name("none").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    server.stop().await;
}

#[tokio::test]
async fn client_tokens_make_gateway_creates_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    let create =
        |name: &str| client.create_virtual_gateway().mesh_name("m1").virtual_gateway_name(name).spec(ingress()).client_token("t-1");
    let first = create("ingress").send().await.unwrap();
    let again = create("ingress").send().await.unwrap();
    assert_eq!(first.virtual_gateway(), again.virtual_gateway());
    assert_eq!(client.list_virtual_gateways().mesh_name("m1").send().await.unwrap().virtual_gateways().len(), 1, "created once");
    let (code, status, _) = failure(create("other").send().await);
    assert_eq!((code.as_str(), status), ("ConflictException", 409));
    server.stop().await;
}

/// App Mesh's default quota: 3 virtual gateways per mesh. The SDK's paginator walks them too.
#[tokio::test]
async fn the_fourth_gateway_of_a_mesh_is_over_the_quota() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    let create = |name: &str| client.create_virtual_gateway().mesh_name("m1").virtual_gateway_name(name).spec(ingress()).send();
    for name in ["g1", "g2", "g3"] {
        create(name).await.unwrap();
    }
    let (code, status, _) = failure(create("g4").await);
    assert_eq!((code.as_str(), status), ("LimitExceededException", 400));

    let first = client.list_virtual_gateways().mesh_name("m1").limit(2).send().await.unwrap();
    assert_eq!(first.virtual_gateways().len(), 2);
    assert!(first.next_token().is_some());
    let all: Vec<VirtualGatewayRef> = client
        .list_virtual_gateways()
        .mesh_name("m1")
        .into_paginator()
        .page_size(2)
        .items()
        .send()
        .collect::<Result<_, _>>()
        .await
        .unwrap();
    assert_eq!(all.iter().map(VirtualGatewayRef::virtual_gateway_name).collect::<Vec<_>>(), ["g1", "g2", "g3"]);
    server.stop().await;
}

#[tokio::test]
async fn gateways_are_tagged_listed_and_untagged() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    let created = client
        .create_virtual_gateway()
        .mesh_name("m1")
        .virtual_gateway_name("ingress")
        .spec(ingress())
        .tags(tag("team", "edge"))
        .send()
        .await
        .unwrap();
    assert_tagging(&client, created.virtual_gateway().unwrap().metadata().unwrap().arn(), "edge").await;
    server.stop().await;
}
