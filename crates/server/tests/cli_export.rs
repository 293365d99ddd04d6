//! The CLI export run for real: a mesh read from one server is exported as an `aws appmesh`
//! script, the script is run with the real AWS CLI (awscli 1.45.11, installed by
//! `scripts/setup --for-tests` into `.tools/venv`) against a fresh server, and every describe
//! and every resource's tags of both servers are compared (names, specs, status, tags; not
//! metadata).

mod common;

use aws_sdk_appmesh::Client;
use aws_sdk_appmesh::types::*;
use common::TestServer;
use common::specs::{gateway, gateway_target, http_route, node_provider, router_provider};
use mesh_engine::mesh_config::MeshConfig;
use mesh_engine::names::{AccountId, Region};
use mesh_export::{ExportContext, Format, export_mesh};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The AWS CLI the tests run. Missing, the test fails: `scripts/setup --for-tests` installs it.
fn aws_cli() -> PathBuf {
    let aws = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.tools/venv/bin/aws");
    assert!(aws.exists(), "the AWS CLI is missing at {}: run `source scripts/setup --for-tests`", aws.display());
    aws
}

/// A mesh as the API describes it: every resource's describe without its metadata, and its
/// tags, by kind and name; and the same as a MeshConfig.
struct ReadMesh {
    describes: BTreeMap<String, Value>,
    config: MeshConfig,
}

async fn get(url: reqwest::Url) -> Value {
    let response = reqwest::get(url.clone()).await.unwrap();
    assert_eq!(response.status(), 200, "{url}");
    response.json().await.unwrap()
}

fn url(server: &TestServer, segments: &[&str]) -> reqwest::Url {
    let mut url = reqwest::Url::parse(&server.url).unwrap();
    url.path_segments_mut().unwrap().push("v20190125").extend(segments);
    url
}

/// Every page of a list.
async fn list(server: &TestServer, segments: &[&str], member: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut url = url(server, segments);
        url.query_pairs_mut().append_pair("limit", "100");
        if let Some(token) = &token {
            url.query_pairs_mut().append_pair("nextToken", token);
        }
        let page = get(url).await;
        items.extend(page[member].as_array().unwrap().iter().cloned());
        match page["nextToken"].as_str() {
            Some(next) => token = Some(next.to_string()),
            None => return items,
        }
    }
}

/// A describe without metadata, and the resource's tags (by its ARN).
async fn describe(server: &TestServer, segments: &[&str]) -> (Value, Vec<Value>) {
    let mut described = get(url(server, segments)).await;
    let arn = described["metadata"]["arn"].as_str().unwrap().to_string();
    described.as_object_mut().unwrap().remove("metadata");
    let mut tags_url = reqwest::Url::parse(&server.url).unwrap();
    tags_url.path_segments_mut().unwrap().extend(["v20190125", "tags"]);
    tags_url.query_pairs_mut().append_pair("resourceArn", &arn);
    let tags = get(tags_url).await["tags"].as_array().unwrap().clone();
    (described, tags)
}

async fn read_mesh(server: &TestServer, mesh: &str) -> ReadMesh {
    let mut describes = BTreeMap::new();
    let mut config = json!({"meshName": mesh});
    let (described, tags) = describe(server, &["meshes", mesh]).await;
    config["spec"] = described["spec"].clone();
    config["tags"] = json!(tags);
    describes.insert("mesh".to_string(), json!({"describe": described, "tags": tags}));
    let kinds = [
        ("virtualNodes", "virtualNodeName", "virtualNodes"),
        ("virtualRouters", "virtualRouterName", "virtualRouters"),
        ("virtualServices", "virtualServiceName", "virtualServices"),
        ("virtualGateways", "virtualGatewayName", "virtualGateways"),
    ];
    for (collection, name_member, config_member) in kinds {
        let mut definitions = Vec::new();
        for item in list(server, &["meshes", mesh, collection], collection).await {
            let name = item[name_member].as_str().unwrap().to_string();
            let (described, tags) = describe(server, &["meshes", mesh, collection, &name]).await;
            definitions.push(json!({"name": name, "spec": described["spec"], "tags": tags}));
            describes.insert(format!("{collection}/{name}"), json!({"describe": described, "tags": tags}));
        }
        config[config_member] = json!(definitions);
    }
    let children = [
        ("virtualRouters", "virtualRouterName", "virtualRouter", "routes", "routeName", "routes"),
        ("virtualGateways", "virtualGatewayName", "virtualGateway", "gatewayRoutes", "gatewayRouteName", "gatewayRoutes"),
    ];
    for (parents, parent_member, parent_segment, collection, name_member, config_member) in children {
        let mut definitions = Vec::new();
        for parent in config[parents].as_array().unwrap().clone() {
            let parent = parent["name"].as_str().unwrap().to_string();
            for item in list(server, &["meshes", mesh, parent_segment, &parent, collection], collection).await {
                let name = item[name_member].as_str().unwrap().to_string();
                let (described, tags) = describe(server, &["meshes", mesh, parent_segment, &parent, collection, &name]).await;
                assert_eq!(described[parent_member], json!(parent));
                definitions.push(json!({"parent": parent, "name": name, "spec": described["spec"], "tags": tags}));
                describes.insert(format!("{parent_segment}/{parent}/{collection}/{name}"), json!({"describe": described, "tags": tags}));
            }
        }
        config[config_member] = json!(definitions);
    }
    ReadMesh { describes, config: serde_json::from_value(config).expect("the API's answers read as a MeshConfig") }
}

/// Runs the export's script with the real AWS CLI against `server`, as a user would.
async fn run_script(script: String, server: &TestServer) {
    let aws = aws_cli();
    let endpoint = server.url.clone();
    let started = std::time::Instant::now();
    let output = tokio::task::spawn_blocking(move || {
        let path = format!("{}:{}", aws.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
        std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .env("PATH", path)
            .env("ENDPOINT", endpoint)
            .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
            .env("AWS_SECRET_ACCESS_KEY", "not-checked")
            .env("AWS_CONFIG_FILE", "/dev/null")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env_remove("AWS_PROFILE")
            .env_remove("REGION")
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the script fails:\n{stderr}");
    let arns = String::from_utf8_lossy(&output.stdout);
    assert!(
        arns.lines().all(|line| line.starts_with("arn:aws:appmesh:us-east-1:123456789012:mesh/")),
        "each command prints an ARN:\n{arns}"
    );
    let commands = arns.lines().count();
    println!(
        "{commands} aws commands in {:.1} s ({:.2} s each)",
        started.elapsed().as_secs_f64(),
        started.elapsed().as_secs_f64() / commands as f64
    );
}

fn context() -> ExportContext {
    ExportContext {
        region: Region::parse("us-east-1").unwrap(),
        account: AccountId::parse("123456789012").unwrap(),
        date: "2026-12-03".to_string(),
    }
}

fn tag(key: &str, value: &str) -> TagRef {
    common::tag(key, value)
}

fn millis(value: i64) -> Duration {
    Duration::builder().unit(DurationUnit::Ms).value(value).build()
}

/// A mesh with every kind of resource, made through the SDK, names and tags that the shell
/// would misread unquoted among them.
async fn build_mesh(client: &Client, mesh: &str) {
    let egress = EgressFilter::builder().r#type(EgressFilterType::DropAll).build().unwrap();
    client
        .create_mesh()
        .mesh_name(mesh)
        .spec(MeshSpec::builder().egress_filter(egress).build())
        .tags(tag("team", "it's $HOME"))
        .send()
        .await
        .unwrap();
    let http_listener = |port: i32| {
        let health = HealthCheckPolicy::builder()
            .healthy_threshold(2)
            .interval_millis(5000)
            .path("/ping")
            .protocol(PortProtocol::Http)
            .timeout_millis(2000)
            .unhealthy_threshold(3)
            .build()
            .unwrap();
        let timeout = ListenerTimeout::Http(HttpTimeout::builder().per_request(millis(15000)).build());
        Listener::builder()
            .port_mapping(PortMapping::builder().port(port).protocol(PortProtocol::Http).build().unwrap())
            .health_check(health)
            .timeout(timeout)
            .build()
    };
    let backend = Backend::VirtualService(VirtualServiceBackend::builder().virtual_service_name("db.apps.local").build().unwrap());
    for (node, hostname) in [("orders-v1", "orders-v1.apps.local"), ("orders v2", "orders-v2.apps.local")] {
        let discovery = ServiceDiscovery::Dns(DnsServiceDiscovery::builder().hostname(hostname).build().unwrap());
        let spec = VirtualNodeSpec::builder().listeners(http_listener(8080)).backends(backend.clone()).service_discovery(discovery).build();
        client.create_virtual_node().mesh_name(mesh).virtual_node_name(node).spec(spec).tags(tag("version", node)).send().await.unwrap();
    }
    let tcp_listener =
        Listener::builder().port_mapping(PortMapping::builder().port(5432).protocol(PortProtocol::Tcp).build().unwrap()).build();
    client
        .create_virtual_node()
        .mesh_name(mesh)
        .virtual_node_name("db")
        .spec(VirtualNodeSpec::builder().listeners(tcp_listener).build())
        .send()
        .await
        .unwrap();
    client
        .create_virtual_router()
        .mesh_name(mesh)
        .virtual_router_name("orders-router")
        .spec(common::specs::http_router(8080))
        .send()
        .await
        .unwrap();
    let retry = HttpRetryPolicy::builder()
        .max_retries(3)
        .per_retry_timeout(millis(2000))
        .http_retry_events("server-error")
        .http_retry_events("gateway-error")
        .tcp_retry_events(TcpRetryPolicyEvent::ConnectionError)
        .build()
        .unwrap();
    let header = HttpRouteHeader::builder().name("x-channel").r#match(HeaderMatchMethod::Exact("beta \"1\"".into())).build().unwrap();
    let targets = vec![common::specs::target("orders-v1", 90), common::specs::target("orders v2", 10)];
    let canary = RouteSpec::builder()
        .priority(10)
        .http_route(
            HttpRoute::builder()
                .r#match(HttpRouteMatch::builder().prefix("/api").headers(header).method(HttpMethod::Get).build())
                .action(HttpRouteAction::builder().set_weighted_targets(Some(targets)).build().unwrap())
                .retry_policy(retry)
                .timeout(HttpTimeout::builder().per_request(millis(15000)).build())
                .build(),
        )
        .build();
    client
        .create_route()
        .mesh_name(mesh)
        .virtual_router_name("orders-router")
        .route_name("canary")
        .spec(canary)
        .tags(tag("owner", "a'b"))
        .send()
        .await
        .unwrap();
    client
        .create_route()
        .mesh_name(mesh)
        .virtual_router_name("orders-router")
        .route_name("all")
        .spec(http_route("/", &[("orders-v1", 1)]))
        .send()
        .await
        .unwrap();
    let grpc = RouteSpec::builder()
        .grpc_route(
            GrpcRoute::builder()
                .r#match(GrpcRouteMatch::builder().service_name("orders.v1.Orders").method_name("Place").build())
                .action(GrpcRouteAction::builder().weighted_targets(common::specs::target("orders-v1", 1)).build().unwrap())
                .build(),
        )
        .build();
    client.create_route().mesh_name(mesh).virtual_router_name("orders-router").route_name("grpc").spec(grpc).send().await.unwrap();
    client
        .create_virtual_router()
        .mesh_name(mesh)
        .virtual_router_name("db-router")
        .spec(VirtualRouterSpec::builder().build())
        .send()
        .await
        .unwrap();
    let tcp = RouteSpec::builder()
        .tcp_route(
            TcpRoute::builder()
                .action(TcpRouteAction::builder().weighted_targets(common::specs::target("db", 1)).build().unwrap())
                .timeout(TcpTimeout::builder().idle(millis(3_600_000)).build())
                .build(),
        )
        .build();
    client.create_route().mesh_name(mesh).virtual_router_name("db-router").route_name("postgres").spec(tcp).send().await.unwrap();
    let services = [
        ("orders.apps.local", router_provider("orders-router"), Some(tag("tier", "web"))),
        ("db.apps.local", router_provider("db-router"), None),
        ("orders-v1.apps.local", node_provider("orders-v1"), None),
        ("later.apps.local", VirtualServiceSpec::builder().build(), None),
    ];
    for (name, spec, tags) in services {
        client
            .create_virtual_service()
            .mesh_name(mesh)
            .virtual_service_name(name)
            .spec(spec)
            .set_tags(tags.map(|tag| vec![tag]))
            .send()
            .await
            .unwrap();
    }
    client
        .create_virtual_gateway()
        .mesh_name(mesh)
        .virtual_gateway_name("ingress")
        .spec(gateway(8443, VirtualGatewayPortProtocol::Http))
        .tags(tag("edge", "yes"))
        .send()
        .await
        .unwrap();
    client
        .create_gateway_route()
        .mesh_name(mesh)
        .virtual_gateway_name("ingress")
        .gateway_route_name("web")
        .spec(common::specs::http_gateway_route("/web", "orders.apps.local"))
        .send()
        .await
        .unwrap();
    let grpc_gateway_route = GatewayRouteSpec::builder()
        .priority(1)
        .grpc_route(
            GrpcGatewayRoute::builder()
                .r#match(GrpcGatewayRouteMatch::builder().service_name("orders.v1.Orders").build())
                .action(GrpcGatewayRouteAction::builder().target(gateway_target("orders.apps.local")).build())
                .build(),
        )
        .build();
    client
        .create_gateway_route()
        .mesh_name(mesh)
        .virtual_gateway_name("ingress")
        .gateway_route_name("grpc")
        .spec(grpc_gateway_route)
        .send()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_script_recreates_a_mesh_of_every_kind_on_a_fresh_server() {
    let dir = tempfile::tempdir().unwrap();
    let source = TestServer::start(&dir.path().join("source")).await;
    let mesh = "shop \"$1\"";
    build_mesh(&source.client(), mesh).await;
    let original = read_mesh(&source, mesh).await;

    let export = export_mesh(&original.config, Format::Cli, &context());
    let target = TestServer::start(&dir.path().join("target")).await;
    run_script(export.text, &target).await;
    let recreated = read_mesh(&target, mesh).await;

    assert_eq!(recreated.describes.keys().collect::<Vec<_>>(), original.describes.keys().collect::<Vec<_>>());
    for (resource, described) in &original.describes {
        assert_eq!(&recreated.describes[resource], described, "{resource}");
    }
    assert_eq!(original.describes.len(), 1 + 3 + 2 + 4 + 4 + 1 + 2, "every resource made is compared");
    source.stop().await;
    target.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_scripts_of_the_export_fixtures_recreate_them_exactly() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../export/tests/fixtures");
    for name in ["every-member.json", "edge-names.json"] {
        let config: MeshConfig = serde_json::from_str(&std::fs::read_to_string(fixtures.join(name)).unwrap()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let server = TestServer::start(dir.path()).await;
        run_script(export_mesh(&config, Format::Cli, &context()).text, &server).await;
        let read = read_mesh(&server, config.mesh_name.as_str()).await.config;
        let sorted = |mut config: MeshConfig| {
            config.virtual_nodes.sort_by(|a, b| a.name.cmp(&b.name));
            config.virtual_routers.sort_by(|a, b| a.name.cmp(&b.name));
            config.routes.sort_by(|a, b| (&a.parent, &a.name).cmp(&(&b.parent, &b.name)));
            config.virtual_services.sort_by(|a, b| a.name.cmp(&b.name));
            config.virtual_gateways.sort_by(|a, b| a.name.cmp(&b.name));
            config.gateway_routes.sort_by(|a, b| (&a.parent, &a.name).cmp(&(&b.parent, &b.name)));
            // The API lists a resource's tags by key.
            let by_key = |tags: &mut Vec<mesh_engine::resource::TagRef>| tags.sort_by(|a, b| a.key.cmp(&b.key));
            by_key(&mut config.tags);
            config.virtual_nodes.iter_mut().for_each(|d| by_key(&mut d.tags));
            config.virtual_routers.iter_mut().for_each(|d| by_key(&mut d.tags));
            config.routes.iter_mut().for_each(|d| by_key(&mut d.tags));
            config.virtual_services.iter_mut().for_each(|d| by_key(&mut d.tags));
            config.virtual_gateways.iter_mut().for_each(|d| by_key(&mut d.tags));
            config.gateway_routes.iter_mut().for_each(|d| by_key(&mut d.tags));
            config
        };
        assert_eq!(sorted(read), sorted(config), "{name}");
        server.stop().await;
    }
}
