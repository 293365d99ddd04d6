//! Routes (under `/meshes/{mesh}/virtualRouter/{router}/routes`), driven by the official AWS SDK
//! against the real server: their whole life, every route type, errors, tokens, pages, tags,
//! the quota and shared meshes.

mod common;

use aws_sdk_appmesh::Client;
use aws_sdk_appmesh::operation::create_route::builders::CreateRouteFluentBuilder;
use aws_sdk_appmesh::types::*;
use common::specs::{http_route, http_router, target};
use common::{DEFAULT_ACCOUNT, TestServer, assert_metadata, assert_tagging, failure, share_mesh, tag};

const CONSUMER: &str = "444455556666";

/// Mesh `m1` with virtual nodes `blue` and `green` and an HTTP virtual router `r1`.
async fn mesh_with_router(client: &Client) {
    client.create_mesh().mesh_name("m1").send().await.unwrap();
    for node in ["blue", "green"] {
        client.create_virtual_node().mesh_name("m1").virtual_node_name(node).spec(VirtualNodeSpec::builder().build()).send().await.unwrap();
    }
    client.create_virtual_router().mesh_name("m1").virtual_router_name("r1").spec(http_router(80)).send().await.unwrap();
}

/// A create of the route `name` in mesh `m1`'s `router`, sending everything to `blue`.
fn route_to_blue(client: &Client, router: &str, name: &str) -> CreateRouteFluentBuilder {
    client.create_route().mesh_name("m1").virtual_router_name(router).route_name(name).spec(http_route("/", &[("blue", 1)]))
}

fn seconds(value: i64) -> Duration {
    Duration::builder().value(value).unit(DurationUnit::S).build()
}

/// An HTTP route with every part a user sets: priority, prefix, method, a header match, two
/// weighted targets 90/10, a retry policy and timeouts.
fn canary_route() -> RouteSpec {
    let header = HttpRouteHeader::builder().name("x-canary").r#match(HeaderMatchMethod::Exact("yes".into())).build().unwrap();
    RouteSpec::builder()
        .priority(10)
        .http_route(
            HttpRoute::builder()
                .r#match(HttpRouteMatch::builder().prefix("/orders").method(HttpMethod::Get).headers(header).build())
                .action(
                    HttpRouteAction::builder().weighted_targets(target("blue", 90)).weighted_targets(target("green", 10)).build().unwrap(),
                )
                .retry_policy(
                    HttpRetryPolicy::builder()
                        .max_retries(3)
                        .per_retry_timeout(seconds(2))
                        .http_retry_events("server-error")
                        .tcp_retry_events(TcpRetryPolicyEvent::ConnectionError)
                        .build()
                        .unwrap(),
                )
                .timeout(
                    HttpTimeout::builder()
                        .per_request(seconds(15))
                        .idle(Duration::builder().value(500).unit(DurationUnit::Ms).build())
                        .build(),
                )
                .build(),
        )
        .build()
}

#[tokio::test]
async fn a_route_through_its_whole_life() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_router(&client).await;
    let arn = format!("arn:aws:appmesh:us-east-1:{DEFAULT_ACCOUNT}:mesh/m1/virtualRouter/r1/route/web");

    let created =
        client.create_route().mesh_name("m1").virtual_router_name("r1").route_name("web").spec(canary_route()).send().await.unwrap();
    let route = created.route().unwrap();
    assert_eq!((route.mesh_name(), route.virtual_router_name(), route.route_name()), ("m1", "r1", "web"));
    assert_eq!(route.spec(), Some(&canary_route()), "the spec comes back exactly as sent");
    assert_metadata(route.metadata().unwrap(), &arn, 1);
    assert_eq!(route.status().unwrap().status(), &RouteStatusCode::Active);

    let described = client.describe_route().mesh_name("m1").virtual_router_name("r1").route_name("web").send().await.unwrap();
    assert_eq!(described.route(), Some(route), "describe answers what create answered");

    let moved = http_route("/", &[("green", 100)]);
    let updated =
        client.update_route().mesh_name("m1").virtual_router_name("r1").route_name("web").spec(moved.clone()).send().await.unwrap();
    let updated = updated.route().unwrap();
    assert_eq!(updated.spec(), Some(&moved));
    assert_metadata(updated.metadata().unwrap(), &arn, 2);
    assert_eq!(updated.metadata().unwrap().uid(), route.metadata().unwrap().uid(), "an update keeps the uid");

    let listed = client.list_routes().mesh_name("m1").virtual_router_name("r1").send().await.unwrap();
    let reference = &listed.routes()[0];
    assert_eq!(listed.routes().len(), 1);
    assert_eq!((reference.mesh_name(), reference.virtual_router_name(), reference.route_name()), ("m1", "r1", "web"));
    assert_eq!((reference.arn(), reference.version()), (arn.as_str(), 2));
    assert_eq!((reference.mesh_owner(), reference.resource_owner()), (DEFAULT_ACCOUNT, DEFAULT_ACCOUNT));
    assert!(listed.next_token().is_none());

    let deleted = client.delete_route().mesh_name("m1").virtual_router_name("r1").route_name("web").send().await.unwrap();
    assert_eq!(deleted.route().unwrap().status().unwrap().status(), &RouteStatusCode::Deleted);
    let (code, status, _) = failure(client.describe_route().mesh_name("m1").virtual_router_name("r1").route_name("web").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    server.stop().await;
}

#[tokio::test]
async fn grpc_tcp_and_http2_routes_come_back_as_sent() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_router(&client).await;
    let grpc = RouteSpec::builder()
        .grpc_route(
            GrpcRoute::builder()
                .r#match(GrpcRouteMatch::builder().service_name("orders.Orders").method_name("Get").build())
                .action(GrpcRouteAction::builder().weighted_targets(target("blue", 1)).build().unwrap())
                .build(),
        )
        .build();
    let tcp = RouteSpec::builder()
        .tcp_route(TcpRoute::builder().action(TcpRouteAction::builder().weighted_targets(target("green", 5)).build().unwrap()).build())
        .build();
    let http2 = RouteSpec::builder()
        .priority(0)
        .http2_route(
            HttpRoute::builder()
                .r#match(HttpRouteMatch::builder().prefix("/").build())
                .action(
                    HttpRouteAction::builder().weighted_targets(target("blue", 50)).weighted_targets(target("green", 50)).build().unwrap(),
                )
                .build(),
        )
        .build();

    for (protocol, spec) in [(PortProtocol::Grpc, grpc), (PortProtocol::Tcp, tcp), (PortProtocol::Http2, http2)] {
        let router = format!("r-{}", protocol.as_str());
        let port_mapping = PortMapping::builder().port(8080).protocol(protocol).build().unwrap();
        let router_spec =
            VirtualRouterSpec::builder().listeners(VirtualRouterListener::builder().port_mapping(port_mapping).build()).build();
        client.create_virtual_router().mesh_name("m1").virtual_router_name(&router).spec(router_spec).send().await.unwrap();
        let created =
            client.create_route().mesh_name("m1").virtual_router_name(&router).route_name("only").spec(spec.clone()).send().await.unwrap();
        assert_eq!(created.route().unwrap().spec(), Some(&spec), "{router}");
        let described = client.describe_route().mesh_name("m1").virtual_router_name(&router).route_name("only").send().await.unwrap();
        assert_eq!(described.route().unwrap().spec(), Some(&spec), "{router}");
    }
    server.stop().await;
}

#[tokio::test]
async fn missing_parents_targets_and_routes_are_not_found_and_names_conflict_per_router() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_router(&client).await;
    let create = |mesh: &str, router: &str, name: &str, spec: RouteSpec| {
        client.create_route().mesh_name(mesh).virtual_router_name(router).route_name(name).spec(spec).send()
    };

    let (code, status, message) = failure(create("m1", "no-router", "web", http_route("/", &[("blue", 1)])).await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    assert!(message.contains("no-router"), "{message}");
    let (code, status, message) = failure(create("no-mesh", "r1", "web", http_route("/", &[("blue", 1)])).await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    assert!(message.contains("no-mesh"), "{message}");
    let (code, status, message) = failure(create("m1", "r1", "web", http_route("/", &[("blue", 50), ("ghost", 50)])).await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404), "a weighted target must be a virtual node of the mesh");
    assert!(message.contains("ghost"), "{message}");
    assert!(
        client.list_routes().mesh_name("m1").virtual_router_name("r1").send().await.unwrap().routes().is_empty(),
        "a refused create leaves no trace"
    );

    create("m1", "r1", "web", http_route("/", &[("blue", 1)])).await.unwrap();
    let (code, status, _) = failure(create("m1", "r1", "web", http_route("/other", &[("green", 1)])).await);
    assert_eq!((code.as_str(), status), ("ConflictException", 409));
    client.create_virtual_router().mesh_name("m1").virtual_router_name("r2").spec(http_router(81)).send().await.unwrap();
    create("m1", "r2", "web", http_route("/", &[("blue", 1)])).await.expect("the same route name in another router is fine");

    let (code, status, _) = failure(client.describe_route().mesh_name("m1").virtual_router_name("r1").route_name("none").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    let (code, status, _) = failure(
        client
            .update_route()
            .mesh_name("m1")
            .virtual_router_name("r1")
            .route_name("none")
            .spec(http_route("/", &[("blue", 1)]))
            .send()
            .await,
    );
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    let (code, status, _) = failure(client.delete_route().mesh_name("m1").virtual_router_name("r1").route_name("none").send().await);
    assert_eq!((code.as_str(), status), ("NotFoundException", 404));
    server.stop().await;
}

#[tokio::test]
async fn bad_route_specs_are_refused_naming_the_member() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_router(&client).await;
    let eleven: Vec<(&str, i32)> = (0..11).map(|_| ("blue", 1)).collect();
    let tcp = TcpRoute::builder().action(TcpRouteAction::builder().weighted_targets(target("blue", 1)).build().unwrap()).build();
    let one_http_route = || http_route("/", &[("blue", 1)]).http_route().unwrap().clone();
    let two_types = RouteSpec::builder().http_route(one_http_route()).tcp_route(tcp).build();
    let targets = "spec.httpRoute.action.weightedTargets";
    let cases: Vec<(&str, RouteSpec, &str)> = vec![
        ("no route type", RouteSpec::builder().priority(1).build(), "httpRoute"),
        ("two route types", two_types, "tcpRoute"),
        ("priority 1001", RouteSpec::builder().priority(1001).http_route(one_http_route()).build(), "spec.priority"),
        ("no weighted targets", http_route("/", &[]), targets),
        ("11 weighted targets", http_route("/", &eleven), targets),
        ("weight 101", http_route("/", &[("blue", 101)]), "spec.httpRoute.action.weightedTargets[0].weight"),
        ("all weights 0", http_route("/", &[("blue", 0), ("green", 0)]), targets),
    ];
    for (case, spec, member) in cases {
        let (code, status, message) =
            failure(client.create_route().mesh_name("m1").virtual_router_name("r1").route_name("bad").spec(spec).send().await);
        assert_eq!((code.as_str(), status), ("BadRequestException", 400), "{case}");
        assert!(message.contains(member), "{case}: {message}");
    }
    server.stop().await;
}

#[tokio::test]
async fn routers_with_routes_and_nodes_they_target_are_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_router(&client).await;
    for name in ["web", "api"] {
        route_to_blue(&client, "r1", name).send().await.unwrap();
    }

    let (code, status, message) = failure(client.delete_virtual_router().mesh_name("m1").virtual_router_name("r1").send().await);
    assert_eq!((code.as_str(), status), ("ResourceInUseException", 409));
    assert!(message.contains("web") && message.contains("api"), "{message}");
    let (code, status, message) = failure(client.delete_virtual_node().mesh_name("m1").virtual_node_name("blue").send().await);
    assert_eq!((code.as_str(), status), ("ResourceInUseException", 409), "a targeted node cannot be deleted");
    assert!(message.contains("r1") && message.contains("web"), "{message}");
    client.delete_virtual_node().mesh_name("m1").virtual_node_name("green").send().await.expect("an untargeted node is deleted");

    for name in ["web", "api"] {
        client.delete_route().mesh_name("m1").virtual_router_name("r1").route_name(name).send().await.unwrap();
    }
    client.delete_virtual_node().mesh_name("m1").virtual_node_name("blue").send().await.unwrap();
    client.delete_virtual_router().mesh_name("m1").virtual_router_name("r1").send().await.unwrap();
    server.stop().await;
}

#[tokio::test]
async fn client_tokens_make_route_creates_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_router(&client).await;
    let create = |name: &str| route_to_blue(&client, "r1", name).client_token("t-1");
    let first = create("web").send().await.unwrap();
    let again = create("web").send().await.unwrap();
    assert_eq!(first.route(), again.route(), "the same token and request answer the first result");
    assert_eq!(client.list_routes().mesh_name("m1").virtual_router_name("r1").send().await.unwrap().routes().len(), 1, "created once");
    let (code, status, _) = failure(create("api").send().await);
    assert_eq!((code.as_str(), status), ("ConflictException", 409), "the same token with another request");
    server.stop().await;
}

#[tokio::test]
async fn routes_are_listed_in_pages() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_router(&client).await;
    let names = ["a", "b", "c", "d", "e"];
    for name in names {
        route_to_blue(&client, "r1", name).send().await.unwrap();
    }

    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page =
            client.list_routes().mesh_name("m1").virtual_router_name("r1").limit(2).set_next_token(token.clone()).send().await.unwrap();
        sizes.push(page.routes().len());
        seen.extend(page.routes().iter().map(|route| route.route_name().to_string()));
        token = page.next_token().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(sizes, [2, 2, 1]);
    assert_eq!(seen, names);

    let paged: Vec<RouteRef> = client
        .list_routes()
        .mesh_name("m1")
        .virtual_router_name("r1")
        .into_paginator()
        .page_size(2)
        .items()
        .send()
        .collect::<Result<_, _>>()
        .await
        .unwrap();
    assert_eq!(paged.iter().map(RouteRef::route_name).collect::<Vec<_>>(), names, "the SDK's paginator walks every page");
    server.stop().await;
}

#[tokio::test]
async fn routes_are_tagged_listed_and_untagged() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_router(&client).await;
    let created = route_to_blue(&client, "r1", "web").tags(tag("team", "payments")).send().await.unwrap();
    assert_tagging(&client, created.route().unwrap().metadata().unwrap().arn(), "payments").await;
    server.stop().await;
}

/// App Mesh's default quota: 50 routes per virtual router.
#[tokio::test]
async fn the_51st_route_of_a_router_is_over_the_quota() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    let client = server.client();
    mesh_with_router(&client).await;
    for i in 0..50 {
        route_to_blue(&client, "r1", &format!("route-{i}")).send().await.unwrap();
    }
    let (code, status, _) = failure(route_to_blue(&client, "r1", "route-50").send().await);
    assert_eq!((code.as_str(), status), ("LimitExceededException", 400));
    server.stop().await;
}

#[tokio::test]
async fn a_route_made_by_the_consumer_of_a_shared_mesh_is_owned_by_the_consumer() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    server.client().create_mesh().mesh_name("shared").send().await.unwrap();
    share_mesh(&server, "shared", CONSUMER).await;
    let consumer = server.client_as(CONSUMER);
    consumer
        .create_virtual_node()
        .mesh_name("shared")
        .mesh_owner(DEFAULT_ACCOUNT)
        .virtual_node_name("theirs")
        .spec(VirtualNodeSpec::builder().build())
        .send()
        .await
        .unwrap();
    consumer
        .create_virtual_router()
        .mesh_name("shared")
        .mesh_owner(DEFAULT_ACCOUNT)
        .virtual_router_name("r1")
        .spec(http_router(80))
        .send()
        .await
        .unwrap();

    let created = consumer
        .create_route()
        .mesh_name("shared")
        .mesh_owner(DEFAULT_ACCOUNT)
        .virtual_router_name("r1")
        .route_name("web")
        .spec(http_route("/", &[("theirs", 1)]))
        .send()
        .await
        .unwrap();
    let metadata = created.route().unwrap().metadata().unwrap();
    assert_eq!((metadata.mesh_owner(), metadata.resource_owner()), (DEFAULT_ACCOUNT, CONSUMER));
    assert_eq!(metadata.arn(), format!("arn:aws:appmesh:us-east-1:{DEFAULT_ACCOUNT}:mesh/shared/virtualRouter/r1/route/web"));
    let listed = server.client().list_routes().mesh_name("shared").virtual_router_name("r1").send().await.unwrap();
    assert_eq!(
        (listed.routes()[0].mesh_owner(), listed.routes()[0].resource_owner()),
        (DEFAULT_ACCOUNT, CONSUMER),
        "the owner sees it too"
    );
    server.stop().await;
}
