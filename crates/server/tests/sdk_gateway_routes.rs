//! Gateway routes (under `/meshes/{mesh}/virtualGateway/{gateway}/gatewayRoutes`), driven by the
//! official AWS SDK against the real server: their whole life, every route type, errors,
//! tokens, pages, tags and the quota.

mod common;

use aws_sdk_appmesh::Client;
use aws_sdk_appmesh::types::*;
use common::specs::{gateway, gateway_target, http_gateway_route, no_provider};
use common::{DEFAULT_ACCOUNT, TestServer, assert_metadata, assert_tagging, failure, gateway_route_to, tag};

/// Mesh `m1` with the virtual service `shop.local` and an HTTP virtual gateway `ingress`.
async fn mesh_with_gateway(client: &Client) {
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    client.create_virtual_service().mesh_name("m1").virtual_service_name("shop.local").spec(no_provider()).send().await.unwrap();
    client
        .create_virtual_gateway()
        .mesh_name("m1")
        .virtual_gateway_name("ingress")
        .spec(gateway(8080, VirtualGatewayPortProtocol::Http))
        .send()
        .await
        .unwrap();
}

fn hostname_suffix(suffix: &str) -> GatewayRouteHostnameMatch {
    GatewayRouteHostnameMatch::builder().suffix(suffix).build()
}

fn keep_hostname() -> GatewayRouteHostnameRewrite {
    GatewayRouteHostnameRewrite::builder().default_target_hostname(DefaultGatewayRouteRewrite::Disabled).build()
}

/// An HTTP-shaped gateway route (HTTP or HTTP/2) matching a hostname and a prefix, rewriting both.
fn rewriting_route() -> HttpGatewayRoute {
    HttpGatewayRoute::builder()
        .r#match(HttpGatewayRouteMatch::builder().prefix("/shop/").hostname(hostname_suffix(".example.com")).build())
        .action(
            HttpGatewayRouteAction::builder()
                .target(gateway_target("shop.local"))
                .rewrite(
                    HttpGatewayRouteRewrite::builder()
                        .prefix(HttpGatewayRoutePrefixRewrite::builder().value("/").build())
                        .hostname(keep_hostname())
                        .build(),
                )
                .build(),
        )
        .build()
}

#[tokio::test]
async fn a_gateway_route_through_its_whole_life() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_gateway(&client).await;
    let arn = format!("arn:aws:appmesh:us-east-1:{DEFAULT_ACCOUNT}:mesh/m1/virtualGateway/ingress/gatewayRoute/shop");
    let spec = GatewayRouteSpec::builder().priority(5).http_route(rewriting_route()).build();

    let created = client
        .create_gateway_route()
        .mesh_name("m1")
        .virtual_gateway_name("ingress")
        .gateway_route_name("shop")
        .spec(spec.clone())
        .send()
        .await
        .unwrap();
    let created = created.gateway_route().unwrap();
    assert_eq!((created.mesh_name(), created.virtual_gateway_name(), created.gateway_route_name()), ("m1", "ingress", "shop"));
    assert_eq!(created.spec(), Some(&spec), "the spec comes back exactly as sent");
    assert_metadata(created.metadata().unwrap(), &arn, 1);
    assert_eq!(created.status().unwrap().status(), &GatewayRouteStatusCode::Active);

    let described =
        client.describe_gateway_route().mesh_name("m1").virtual_gateway_name("ingress").gateway_route_name("shop").send().await.unwrap();
    assert_eq!(described.gateway_route(), Some(created));

    let plain = http_gateway_route("/", "shop.local");
    let updated = client
        .update_gateway_route()
        .mesh_name("m1")
        .virtual_gateway_name("ingress")
        .gateway_route_name("shop")
        .spec(plain.clone())
        .send()
        .await
        .unwrap();
    let updated = updated.gateway_route().unwrap();
    assert_eq!(updated.spec(), Some(&plain));
    assert_metadata(updated.metadata().unwrap(), &arn, 2);
    assert_eq!(updated.metadata().unwrap().uid(), created.metadata().unwrap().uid());

    let listed = client.list_gateway_routes().mesh_name("m1").virtual_gateway_name("ingress").send().await.unwrap();
    let reference = &listed.gateway_routes()[0];
    assert_eq!(listed.gateway_routes().len(), 1);
    assert_eq!((reference.mesh_name(), reference.virtual_gateway_name(), reference.gateway_route_name()), ("m1", "ingress", "shop"));
    assert_eq!((reference.arn(), reference.version()), (arn.as_str(), 2));
    assert_eq!((reference.mesh_owner(), reference.resource_owner()), (DEFAULT_ACCOUNT, DEFAULT_ACCOUNT));

    let deleted =
        client.delete_gateway_route().mesh_name("m1").virtual_gateway_name("ingress").gateway_route_name("shop").send().await.unwrap();
    assert_eq!(deleted.gateway_route().unwrap().status().unwrap().status(), &GatewayRouteStatusCode::Deleted);
    let (code, status, _) =
        failure(client.describe_gateway_route().mesh_name("m1").virtual_gateway_name("ingress").gateway_route_name("shop").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    client
        .delete_virtual_gateway()
        .mesh_name("m1")
        .virtual_gateway_name("ingress")
        .send()
        .await
        .expect("a gateway without routes is deleted");
    server.stop().await;
}

#[tokio::test]
async fn http2_and_grpc_gateway_routes_come_back_as_sent() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_gateway(&client).await;
    let http2 = GatewayRouteSpec::builder().http2_route(rewriting_route()).build();
    let grpc = GatewayRouteSpec::builder()
        .grpc_route(
            GrpcGatewayRoute::builder()
                .r#match(GrpcGatewayRouteMatch::builder().service_name("shop.Shop").hostname(hostname_suffix(".example.com")).build())
                .action(
                    GrpcGatewayRouteAction::builder()
                        .target(gateway_target("shop.local"))
                        .rewrite(GrpcGatewayRouteRewrite::builder().hostname(keep_hostname()).build())
                        .build(),
                )
                .build(),
        )
        .build();

    for (gateway_name, protocol, spec) in
        [("edge-h2", VirtualGatewayPortProtocol::Http2, http2), ("edge-grpc", VirtualGatewayPortProtocol::Grpc, grpc)]
    {
        client
            .create_virtual_gateway()
            .mesh_name("m1")
            .virtual_gateway_name(gateway_name)
            .spec(gateway(9090, protocol))
            .send()
            .await
            .unwrap();
        let created = client
            .create_gateway_route()
            .mesh_name("m1")
            .virtual_gateway_name(gateway_name)
            .gateway_route_name("only")
            .spec(spec.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(created.gateway_route().unwrap().spec(), Some(&spec), "{gateway_name}");
        let described = client
            .describe_gateway_route()
            .mesh_name("m1")
            .virtual_gateway_name(gateway_name)
            .gateway_route_name("only")
            .send()
            .await
            .unwrap();
        assert_eq!(described.gateway_route().unwrap().spec(), Some(&spec), "{gateway_name}");
    }
    server.stop().await;
}

#[tokio::test]
async fn missing_gateways_and_targets_are_not_found_and_targeted_services_are_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_gateway(&client).await;
    let create = |gateway_name: &str, name: &str, service: &str| gateway_route_to(&client, gateway_name, name, service).send();

    let (code, status, message) = failure(create("no-gateway", "storefront", "shop.local").await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    assert!(message.contains("no-gateway"), "{message}");
    let (code, status, message) = failure(create("ingress", "storefront", "ghost.local").await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404), "the target must be a virtual service of the mesh");
    assert!(message.contains("ghost.local"), "{message}");

    create("ingress", "storefront", "shop.local").await.unwrap();
    let (code, status, _) = failure(create("ingress", "storefront", "shop.local").await);
    assert_eq!((code.as_str(), status), ("ConflictException", 409));

    let (code, status, message) = failure(client.delete_virtual_service().mesh_name("m1").virtual_service_name("shop.local").send().await);
    assert_eq!((code.as_str(), status), ("ResourceInUseException", 409), "App Mesh keeps a service a gateway route targets");
    assert!(message.contains("storefront"), "{message}");

    let (code, status, _) =
        failure(client.describe_gateway_route().mesh_name("m1").virtual_gateway_name("ingress").gateway_route_name("none").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    let (code, status, _) = failure(
        client
            .update_gateway_route()
            .mesh_name("m1")
            .virtual_gateway_name("ingress")
            .gateway_route_name("none")
            .spec(http_gateway_route("/", "shop.local"))
            .send()
            .await,
    );
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    let (code, status, _) =
        failure(client.delete_gateway_route().mesh_name("m1").virtual_gateway_name("ingress").gateway_route_name("none").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    server.stop().await;
}

#[tokio::test]
async fn client_tokens_make_gateway_route_creates_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_gateway(&client).await;
    let create = |name: &str| gateway_route_to(&client, "ingress", name, "shop.local").client_token("t-1");
    let first = create("shop").send().await.unwrap();
    let again = create("shop").send().await.unwrap();
    assert_eq!(first.gateway_route(), again.gateway_route());
    let listed = client.list_gateway_routes().mesh_name("m1").virtual_gateway_name("ingress").send().await.unwrap();
    assert_eq!(listed.gateway_routes().len(), 1, "created once");
    let (code, status, _) = failure(create("other").send().await);
    assert_eq!((code.as_str(), status), ("ConflictException", 409));
    server.stop().await;
}

/// App Mesh's default quota: 10 gateway routes per virtual gateway. The SDK's paginator walks
/// them too.
#[tokio::test]
async fn the_11th_gateway_route_of_a_gateway_is_over_the_quota() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_gateway(&client).await;
    let names: Vec<String> = (0..10).map(|i| format!("route-{i:02}")).collect();
    for name in &names {
        gateway_route_to(&client, "ingress", name, "shop.local").send().await.unwrap();
    }
    let (code, status, _) = failure(gateway_route_to(&client, "ingress", "route-10", "shop.local").send().await);
    assert_eq!((code.as_str(), status), ("LimitExceededException", 400));

    let all: Vec<GatewayRouteRef> = client
        .list_gateway_routes()
        .mesh_name("m1")
        .virtual_gateway_name("ingress")
        .into_paginator()
        .page_size(3)
        .items()
        .send()
        .collect::<Result<_, _>>()
        .await
        .unwrap();
    assert_eq!(all.iter().map(GatewayRouteRef::gateway_route_name).collect::<Vec<_>>(), names);
    server.stop().await;
}

#[tokio::test]
async fn gateway_routes_are_tagged_listed_and_untagged() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_gateway(&client).await;
    let created = gateway_route_to(&client, "ingress", "shop", "shop.local").tags(tag("team", "shop")).send().await.unwrap();
    assert_tagging(&client, created.gateway_route().unwrap().metadata().unwrap().arn(), "shop").await;
    server.stop().await;
}
