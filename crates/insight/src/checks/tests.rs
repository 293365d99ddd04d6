//! Each check with a mesh that triggers it (the healthy mesh with one thing changed) and the
//! healthy mesh, or a near miss, that does not.

use super::*;
use crate::testing::{config, healthy, push};
use serde_json::{Value, json};

/// The codes found in a mesh, each once, in order.
fn codes(mesh: Value) -> Vec<Code> {
    let mut codes: Vec<Code> = run(&config(mesh)).into_iter().map(|finding| finding.code).collect();
    codes.dedup();
    codes.sort();
    codes.dedup();
    codes
}

/// The codes found in the healthy mesh after `edit`.
fn after(edit: impl FnOnce(&mut Value)) -> Vec<Code> {
    let mut mesh = healthy();
    edit(&mut mesh);
    codes(mesh)
}

/// The codes found after `edit` and then `fix`.
fn after_fix(edit: impl FnOnce(&mut Value), fix: impl FnOnce(&mut Value)) -> Vec<Code> {
    after(|mesh| {
        edit(mesh);
        fix(mesh);
    })
}

fn messages_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut mesh = healthy();
    edit(&mut mesh);
    run(&config(mesh)).into_iter().map(|finding| finding.message).collect()
}

const WEB: usize = 0;
const V1: usize = 1;
const V2: usize = 2;

fn node(mesh: &mut Value, index: usize) -> &mut Value {
    &mut mesh["virtualNodes"][index]["spec"]
}

fn canary(mesh: &mut Value) -> &mut Value {
    &mut mesh["routes"][0]["spec"]["httpRoute"]
}

fn to_web(mesh: &mut Value) -> &mut Value {
    &mut mesh["gatewayRoutes"][0]["spec"]["httpRoute"]
}

fn listener(port: u16, protocol: &str) -> Value {
    json!({"portMapping": {"port": port, "protocol": protocol}})
}

fn tls_policy(extra: Value) -> Value {
    let mut tls = json!({"validation": {"trust": {"file": {"certificateChain": "/certs/ca.pem"}}}});
    tls.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    json!({"clientPolicy": {"tls": tls}})
}

fn strict_tls() -> Value {
    json!({"mode": "STRICT", "certificate": {"file": {"certificateChain": "/certs/chain.pem", "privateKey": "/certs/key.pem"}}})
}

// ---------------------------------------------------------------- the catalogue

#[test]
fn every_code_has_one_check_in_its_group() {
    let checks: Vec<&Check> = catalogue().collect();
    let codes: Vec<Code> = checks.iter().map(|check| check.code).collect();
    assert_eq!(codes, Code::ALL, "the catalogue lists every code once, in order");
    let group_of = |kind| match kind {
        ResourceKind::VirtualNode => "AM01",
        ResourceKind::VirtualService => "AM02",
        ResourceKind::VirtualRouter => "AM03",
        ResourceKind::Route => "AM04",
        ResourceKind::VirtualGateway => "AM05",
        ResourceKind::GatewayRoute => "AM06",
        ResourceKind::Mesh => "AM07",
    };
    for check in checks {
        let code = check.code.as_str();
        assert!(code.starts_with(group_of(check.kind)), "{code} is in the group of {:?}", check.kind);
        assert_eq!(code.len(), 6);
        assert!(!check.title.is_empty() && !check.title.contains('\n') && !check.title.ends_with('.'), "{code}'s title is one line");
        assert!(!check.why.is_empty() && !check.fix.is_empty() && !check.sources.is_empty(), "{code} says why, how to fix, and where from");
        for paragraph in check.why.iter().chain(check.fix) {
            assert_eq!(paragraph.matches('`').count() % 2, 0, "{code}: every code span is closed in {paragraph:?}");
        }
        assert!(check.sources.iter().all(|source| source.url.starts_with("https://")));
        assert_eq!(Code::parse(&code.to_lowercase()), Some(check.code));
    }
    assert_eq!(Code::parse("AM9999"), None);
}

#[test]
fn a_check_serializes_for_the_console() {
    let check = serde_json::to_value(Code::BackendServiceMissing.check()).unwrap();
    assert_eq!(check["code"], "AM0101");
    assert_eq!(check["severity"], "error");
    assert_eq!(check["kind"], "virtualNode");
    assert!(!check["why"].as_array().unwrap().is_empty());
    assert_eq!(check["sources"][0]["url"], "https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_nodes.html");
}

// ---------------------------------------------------------------- run

#[test]
fn the_healthy_mesh_has_no_findings() {
    assert_eq!(run(&config(healthy())), []);
}

#[test]
fn a_finding_names_its_resources_and_serializes_in_camel_case() {
    let mut mesh = healthy();
    node(&mut mesh, WEB)["backends"][0]["virtualService"]["virtualServiceName"] = json!("ghost.shop.local");
    let findings = run(&config(mesh));
    assert_eq!(
        serde_json::to_value(&findings).unwrap(),
        json!([{
            "code": "AM0101",
            "severity": "error",
            "message": "Virtual node web names backend ghost.shop.local, which is not a virtual service of mesh shop.",
            "resource": {"kind": "virtualNode", "name": "web"},
            "involves": [{"kind": "virtualService", "name": "ghost.shop.local"}]
        }])
    );
    let read: Vec<Finding> = serde_json::from_value(serde_json::to_value(&findings).unwrap()).unwrap();
    assert_eq!(read, findings);
}

#[test]
fn findings_come_worst_first_then_by_resource() {
    let mut mesh = healthy();
    push(&mut mesh, "virtualServices", json!({"name": "later.shop.local", "spec": {}}));
    push(&mut mesh, "virtualRouters", json!({"name": "spare", "spec": {"listeners": [listener(8080, "http")]}}));
    canary(&mut mesh)["match"]["port"] = json!(9090);
    node(&mut mesh, V2)["serviceDiscovery"]["dns"]["hostname"] = json!("localhost");
    let order: Vec<(Severity, ResourceKind, Code)> =
        run(&config(mesh)).into_iter().map(|finding| (finding.severity, finding.resource.kind, finding.code)).collect();
    assert_eq!(
        order,
        [
            (Severity::Error, ResourceKind::Route, Code::RouteMatchPortNotOnRouter),
            (Severity::Error, ResourceKind::VirtualNode, Code::LoopbackHostname),
            (Severity::Warning, ResourceKind::VirtualRouter, Code::RouterProvidesNoService),
            (Severity::Info, ResourceKind::VirtualService, Code::NoProvider),
        ]
    );
}

// ---------------------------------------------------------------- virtual nodes

#[test]
fn am0101_a_backend_that_is_not_a_service() {
    assert_eq!(
        after(|mesh| node(mesh, WEB)["backends"][0]["virtualService"]["virtualServiceName"] = json!("ghost.shop.local")),
        [Code::BackendServiceMissing]
    );
}

#[test]
fn am0102_a_backend_without_provider() {
    let edit = |mesh: &mut Value| {
        push(mesh, "virtualServices", json!({"name": "later.shop.local", "spec": {}}));
        node(mesh, WEB)["backends"][0]["virtualService"]["virtualServiceName"] = json!("later.shop.local");
    };
    assert_eq!(after(edit), [Code::BackendWithoutProvider, Code::NoProvider]);
}

#[test]
fn am0103_a_node_nothing_sends_to() {
    let orphan = json!({"name": "orphan", "spec": {"listeners": [listener(8080, "http")], "serviceDiscovery": {"dns": {"hostname": "orphan.shop.local"}}}});
    assert_eq!(after(|mesh| push(mesh, "virtualNodes", orphan)), [Code::UnreachableNode]);
    // A node without listeners only sends traffic: nothing needs to reach it.
    assert_eq!(after(|mesh| push(mesh, "virtualNodes", json!({"name": "cron", "spec": {}}))), []);
}

#[test]
fn am0104_a_loopback_hostname() {
    for hostname in ["localhost", "127.0.0.1", "api.localhost", "::1"] {
        assert_eq!(
            after(|mesh| node(mesh, V2)["serviceDiscovery"]["dns"]["hostname"] = json!(hostname)),
            [Code::LoopbackHostname],
            "{hostname}"
        );
    }
}

#[test]
fn am0105_a_hostname_that_is_not_a_host_name() {
    let messages = messages_after(|mesh| node(mesh, V2)["serviceDiscovery"]["dns"]["hostname"] = json!("orders_v2.shop.local"));
    assert_eq!(
        messages,
        [
            "Virtual node orders-v2's DNS hostname \"orders_v2.shop.local\" is not a DNS host name. Use only letters, digits, hyphens and dots ('_' is not allowed)."
        ]
    );
    assert_eq!(after(|mesh| node(mesh, V2)["serviceDiscovery"]["dns"]["hostname"] = json!("orders.shop.local.")), [Code::InvalidHostname]);
}

#[test]
fn am0106_listeners_without_service_discovery() {
    let without_discovery = |mesh: &mut Value| {
        node(mesh, V2).as_object_mut().unwrap().remove("serviceDiscovery");
    };
    assert_eq!(after(without_discovery), [Code::ListenersWithoutDiscovery]);
}

#[test]
fn am0107_nodes_that_share_their_tasks() {
    let messages = messages_after(|mesh| node(mesh, V2)["serviceDiscovery"]["dns"]["hostname"] = json!("ORDERS-v1.shop.local"));
    assert_eq!(
        messages,
        [
            "Virtual node orders-v1 shares its DNS hostname orders-v1.shop.local with orders-v2: they stand for the same tasks.",
            "Virtual node orders-v2 shares its DNS hostname orders-v1.shop.local with orders-v1: they stand for the same tasks.",
        ]
    );
    let cloud_map = |version: &str| json!({"awsCloudMap": {"namespaceName": "shop.local", "serviceName": "orders", "attributes": [{"key": "version", "value": version}]}});
    let edit = |first: &str, second: &str| {
        let (first, second) = (cloud_map(first), cloud_map(second));
        move |mesh: &mut Value| {
            node(mesh, V1)["serviceDiscovery"] = first;
            node(mesh, V2)["serviceDiscovery"] = second;
        }
    };
    assert_eq!(after(edit("v1", "v1")), [Code::SharedServiceDiscovery]);
    assert_eq!(after(edit("v1", "v2")), []);
}

#[test]
fn am0108_a_pool_of_another_protocol() {
    assert_eq!(
        after(|mesh| node(mesh, V1)["listeners"][0]["connectionPool"] = json!({"tcp": {"maxConnections": 10}})),
        [Code::NodePoolProtocolMismatch]
    );
    assert_eq!(after(|mesh| node(mesh, V1)["listeners"][0]["connectionPool"] = json!({"http": {"maxConnections": 10}})), []);
}

fn health_check(port: u16) -> Value {
    json!({"healthyThreshold": 2, "intervalMillis": 5000, "port": port, "protocol": "http", "path": "/ping", "timeoutMillis": 2000, "unhealthyThreshold": 2})
}

#[test]
fn am0109_a_health_check_of_another_port() {
    assert_eq!(after(|mesh| node(mesh, V1)["listeners"][0]["healthCheck"] = health_check(9090)), [Code::NodeHealthCheckPortMismatch]);
    assert_eq!(after(|mesh| node(mesh, V1)["listeners"][0]["healthCheck"] = health_check(8080)), []);
}

#[test]
fn am0110_outlier_detection_behind_one_dns_name() {
    let outlier = json!({"baseEjectionDuration": {"unit": "s", "value": 30}, "interval": {"unit": "s", "value": 10}, "maxEjectionPercent": 50, "maxServerErrors": 5});
    let with_outlier = |mesh: &mut Value| node(mesh, V1)["listeners"][0]["outlierDetection"] = outlier.clone();
    assert_eq!(after(with_outlier), [Code::OutlierDetectionWithDns]);
    assert_eq!(after_fix(with_outlier, |mesh| node(mesh, V1)["serviceDiscovery"]["dns"]["responseType"] = json!("ENDPOINTS")), []);
}

#[test]
fn am0111_tls_enforced_toward_plain_listeners() {
    let enforce = |extra: Value| move |mesh: &mut Value| node(mesh, WEB)["backendDefaults"] = tls_policy(extra);
    let messages = messages_after(enforce(json!({})));
    assert_eq!(
        messages,
        [
            "Virtual node web enforces TLS toward orders.shop.local, but virtual node orders-v1, which serves it, listens on http:8080 without TLS: those connections fail.",
            "Virtual node web enforces TLS toward orders.shop.local, but virtual node orders-v2, which serves it, listens on http:8080 without TLS: those connections fail.",
        ]
    );
    assert_eq!(after(enforce(json!({"enforce": false}))), []);
    assert_eq!(after(enforce(json!({"ports": [8443]}))), []);
    let servers_terminate = |mesh: &mut Value| {
        enforce(json!({}))(mesh);
        node(mesh, V1)["listeners"][0]["tls"] = strict_tls();
        node(mesh, V2)["listeners"][0]["tls"] = strict_tls();
    };
    assert_eq!(after(servers_terminate), []);
    // A backend's own client policy replaces the defaults.
    let own_policy_off = |mesh: &mut Value| {
        enforce(json!({}))(mesh);
        node(mesh, WEB)["backends"][0]["virtualService"]["clientPolicy"] = tls_policy(json!({"enforce": false}))["clientPolicy"].clone();
    };
    assert_eq!(after(own_policy_off), []);
}

#[test]
fn am0112_an_enforced_policy_that_trusts_a_wildcard() {
    let wildcard = |enforce: bool| {
        move |mesh: &mut Value| {
            let sans = json!({"subjectAlternativeNames": {"match": {"exact": ["*.shop.local"]}}, "trust": {"file": {"certificateChain": "/certs/ca.pem"}}});
            node(mesh, WEB)["backendDefaults"] = json!({"clientPolicy": {"tls": {"enforce": enforce, "validation": sans}}});
            node(mesh, V1)["listeners"][0]["tls"] = strict_tls();
            node(mesh, V2)["listeners"][0]["tls"] = strict_tls();
        }
    };
    assert_eq!(after(wildcard(true)), [Code::NodeWildcardSanEnforced]);
    assert_eq!(after(wildcard(false)), []);
}

#[test]
fn am0113_two_tcp_backends_on_one_port() {
    let databases = |second_port: u16| {
        move |mesh: &mut Value| {
            for (name, port) in [("db-a", 5432), ("db-b", second_port)] {
                let spec =
                    json!({"listeners": [listener(port, "tcp")], "serviceDiscovery": {"dns": {"hostname": format!("{name}.shop.local")}}});
                push(mesh, "virtualNodes", json!({"name": name, "spec": spec}));
                let service = format!("{name}.shop.local");
                push(mesh, "virtualServices", json!({"name": service, "spec": {"provider": {"virtualNode": {"virtualNodeName": name}}}}));
            }
            node(mesh, WEB)["backends"] = json!([
                {"virtualService": {"virtualServiceName": "orders.shop.local"}},
                {"virtualService": {"virtualServiceName": "db-a.shop.local"}},
                {"virtualService": {"virtualServiceName": "db-b.shop.local"}}
            ]);
        }
    };
    assert_eq!(after(databases(5432)), [Code::TcpBackendsSharePort]);
    assert_eq!(after(databases(5433)), []);
}

#[test]
fn am0114_backends_in_a_mesh_that_allows_all_egress() {
    assert_eq!(after(|mesh| mesh["spec"] = json!({"egressFilter": {"type": "ALLOW_ALL"}})), [Code::BackendsWithAllowAll]);
}

fn request_timeout(seconds: u32) -> Value {
    json!({"http": {"perRequest": {"unit": "s", "value": seconds}}})
}

#[test]
fn am0115_a_long_listener_timeout_behind_the_default_route() {
    assert_eq!(after(|mesh| node(mesh, WEB)["listeners"][0]["timeout"] = request_timeout(60)), [Code::ListenerTimeoutBehindDefaultRoute]);
    assert_eq!(after(|mesh| node(mesh, WEB)["listeners"][0]["timeout"] = request_timeout(10)), []);
}

// ---------------------------------------------------------------- virtual services

#[test]
fn am0201_a_provider_that_is_not_in_the_mesh() {
    let messages = messages_after(|mesh| mesh["virtualServices"][0]["spec"]["provider"]["virtualNode"]["virtualNodeName"] = json!("ghost"));
    assert!(messages.contains(&"Virtual service web.shop.local's provider, virtual node ghost, is not in mesh shop.".to_string()));
    assert_eq!(
        after(|mesh| mesh["virtualServices"][0]["spec"]["provider"]["virtualNode"]["virtualNodeName"] = json!("ghost")),
        [Code::UnreachableNode, Code::ProviderMissing]
    );
}

#[test]
fn am0202_a_provider_router_without_routes() {
    assert_eq!(after(|mesh| mesh["routes"] = json!([])), [Code::UnreachableNode, Code::ProviderRouterWithoutRoutes]);
}

#[test]
fn am0203_a_service_without_provider() {
    assert_eq!(after(|mesh| push(mesh, "virtualServices", json!({"name": "later.shop.local", "spec": {}}))), [Code::NoProvider]);
}

fn service_of_web(name: &str) -> Value {
    json!({"name": name, "spec": {"provider": {"virtualNode": {"virtualNodeName": "web"}}}})
}

#[test]
fn am0204_a_loopback_service_name() {
    for name in ["localhost", "127.0.0.53", "ip6-localhost"] {
        assert_eq!(after(|mesh| push(mesh, "virtualServices", service_of_web(name))), [Code::LoopbackServiceName], "{name}");
    }
}

#[test]
fn am0205_a_service_name_that_is_not_a_host_name() {
    assert_eq!(after(|mesh| push(mesh, "virtualServices", service_of_web("web_shop.local"))), [Code::InvalidServiceName]);
    assert_eq!(after(|mesh| push(mesh, "virtualServices", service_of_web("web.shop.local."))), [Code::InvalidServiceName]);
}

#[test]
fn am0206_a_provider_node_without_listeners() {
    let edit = |mesh: &mut Value| {
        push(mesh, "virtualNodes", json!({"name": "cron", "spec": {}}));
        push(
            mesh,
            "virtualServices",
            json!({"name": "cron.shop.local", "spec": {"provider": {"virtualNode": {"virtualNodeName": "cron"}}}}),
        );
    };
    assert_eq!(after(edit), [Code::ProviderNodeWithoutListeners]);
}

// ---------------------------------------------------------------- virtual routers

#[test]
fn am0301_a_router_without_listeners() {
    assert_eq!(after(|mesh| mesh["virtualRouters"][0]["spec"] = json!({})), [Code::RouterWithoutListeners]);
}

#[test]
fn am0302_a_router_that_provides_nothing() {
    assert_eq!(
        after(|mesh| push(mesh, "virtualRouters", json!({"name": "spare", "spec": {"listeners": [listener(8080, "http")]}}))),
        [Code::RouterProvidesNoService]
    );
}

// ---------------------------------------------------------------- routes

fn route_to(router: &str, name: &str, node: &str) -> Value {
    json!({"parent": router, "name": name, "spec": {"httpRoute": {
        "match": {"prefix": "/"},
        "action": {"weightedTargets": [{"virtualNode": node, "weight": 1}]}
    }}})
}

#[test]
fn am0401_a_route_whose_router_is_missing() {
    assert_eq!(after(|mesh| push(mesh, "routes", route_to("ghost", "stray", "orders-v1"))), [Code::RouteRouterMissing]);
}

#[test]
fn am0402_a_target_that_is_not_in_the_mesh() {
    assert_eq!(
        after(|mesh| canary(mesh)["action"]["weightedTargets"][1]["virtualNode"] = json!("orders-v3")),
        [Code::UnreachableNode, Code::TargetNodeMissing]
    );
}

#[test]
fn am0403_a_route_type_its_router_does_not_listen_for() {
    let edit = |mesh: &mut Value| {
        let http = canary(mesh).take();
        mesh["routes"][0]["spec"] = json!({"http2Route": http});
        mesh["virtualNodes"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .for_each(|node| node["spec"]["listeners"][0]["portMapping"]["protocol"] = json!("http2"));
    };
    assert_eq!(after(edit), [Code::RouteTypeNotOnRouter]);
}

#[test]
fn am0404_a_match_port_its_router_does_not_listen_on() {
    let messages = messages_after(|mesh| canary(mesh)["match"]["port"] = json!(9090));
    assert_eq!(
        messages,
        ["Route canary of virtual router orders matches port 9090, but its virtual router listens only on http:8080: it never matches."]
    );
}

#[test]
fn am0405_a_router_with_two_listeners_needs_a_match_port() {
    let second_listener = |mesh: &mut Value| push(&mut mesh["virtualRouters"][0]["spec"], "listeners", listener(8081, "http2"));
    assert_eq!(after(second_listener), [Code::RouteMatchPortRequired]);
    assert_eq!(after_fix(second_listener, |mesh| canary(mesh)["match"]["port"] = json!(8080)), []);
}

#[test]
fn am0406_a_target_port_its_node_does_not_listen_on() {
    let messages = messages_after(|mesh| canary(mesh)["action"]["weightedTargets"][0]["port"] = json!(9090));
    assert_eq!(
        messages,
        ["Route canary of virtual router orders sends traffic to port 9090 of virtual node orders-v1, which listens only on http:8080."]
    );
    assert_eq!(after(|mesh| node(mesh, V2)["listeners"] = json!([])), [Code::TargetPortNotOnNode]);
}

#[test]
fn am0407_a_node_with_two_listeners_needs_a_target_port() {
    let second_listener = |mesh: &mut Value| push(node(mesh, V1), "listeners", listener(8081, "http"));
    assert_eq!(after(second_listener), [Code::TargetPortRequired]);
    assert_eq!(after_fix(second_listener, |mesh| canary(mesh)["action"]["weightedTargets"][0]["port"] = json!(8080)), []);
}

#[test]
fn am0408_a_target_listener_of_another_protocol() {
    assert_eq!(after(|mesh| node(mesh, V1)["listeners"][0]["portMapping"]["protocol"] = json!("grpc")), [Code::TargetProtocolMismatch]);
}

#[test]
fn am0409_routes_that_match_the_same_requests() {
    let copy = |priorities: [Option<u16>; 2]| {
        move |mesh: &mut Value| {
            let mut second = mesh["routes"][0].clone();
            second["name"] = json!("copy");
            for (route, priority) in [&mut mesh["routes"][0], &mut second].into_iter().zip(priorities) {
                if let Some(priority) = priority {
                    route["spec"]["priority"] = json!(priority);
                }
            }
            push(mesh, "routes", second);
        }
    };
    assert_eq!(
        messages_after(copy([None, None])),
        [
            "Routes canary and copy of virtual router orders match the same requests and neither has a priority: only one of them ever gets traffic."
        ]
    );
    assert_eq!(
        messages_after(copy([Some(5), Some(1)])),
        [
            "Route canary (priority 5) of virtual router orders matches the same requests as copy (priority 1), which comes first: canary never gets traffic."
        ]
    );
    let findings = run(&config({
        let mut mesh = healthy();
        copy([Some(5), Some(1)])(&mut mesh);
        mesh
    }));
    assert_eq!(findings[0].resource, ResourceRef::child(ResourceKind::Route, "orders", "canary"));
    assert_eq!(after_fix(copy([None, None]), |mesh| mesh["routes"][1]["spec"]["httpRoute"]["match"]["prefix"] = json!("/api")), []);
}

#[test]
fn am0410_a_target_of_weight_0() {
    let weights = |first: u8, second: u8| {
        move |mesh: &mut Value| {
            canary(mesh)["action"]["weightedTargets"][0]["weight"] = json!(first);
            canary(mesh)["action"]["weightedTargets"][1]["weight"] = json!(second);
        }
    };
    assert_eq!(after(weights(100, 0)), [Code::ZeroWeightTarget]);
    assert_eq!(after(weights(1, 1)), []);
}

#[test]
fn am0411_weights_over_100() {
    assert_eq!(after(|mesh| canary(mesh)["action"]["weightedTargets"][1]["weight"] = json!(90)), [Code::WeightsOver100]);
}

/// The mesh with a gRPC service: `pay.shop.local`, router `pay` with route `rpc` to node `pay`.
fn with_grpc(matcher: Value) -> impl FnOnce(&mut Value) {
    move |mesh: &mut Value| {
        let spec = json!({"listeners": [listener(50051, "grpc")], "serviceDiscovery": {"dns": {"hostname": "pay.shop.local"}}});
        push(mesh, "virtualNodes", json!({"name": "pay", "spec": spec}));
        push(mesh, "virtualRouters", json!({"name": "pay", "spec": {"listeners": [listener(50051, "grpc")]}}));
        push(
            mesh,
            "virtualServices",
            json!({"name": "pay.shop.local", "spec": {"provider": {"virtualRouter": {"virtualRouterName": "pay"}}}}),
        );
        let route = json!({"grpcRoute": {"match": matcher, "action": {"weightedTargets": [{"virtualNode": "pay", "weight": 1}]}}});
        push(mesh, "routes", json!({"parent": "pay", "name": "rpc", "spec": route}));
    }
}

#[test]
fn am0412_a_grpc_method_without_its_service() {
    assert_eq!(after(with_grpc(json!({"methodName": "Charge"}))), [Code::GrpcMethodWithoutService]);
    assert_eq!(after(with_grpc(json!({"methodName": "Charge", "serviceName": "pay.v1.Payments"}))), []);
}

#[test]
fn am0413_a_prefix_without_slash() {
    assert_eq!(after(|mesh| canary(mesh)["match"]["prefix"] = json!("api")), [Code::RoutePrefixWithoutSlash]);
}

#[test]
fn am0414_a_scheme_on_an_http1_route() {
    assert_eq!(after(|mesh| canary(mesh)["match"]["scheme"] = json!("https")), [Code::SchemeOnHttp1Route]);
}

#[test]
fn am0415_retries_that_outlast_the_timeout() {
    let retries = json!({"maxRetries": 3, "perRetryTimeout": {"unit": "s", "value": 10}, "httpRetryEvents": ["server-error"]});
    let with_retries = |mesh: &mut Value| canary(mesh)["retryPolicy"] = retries.clone();
    assert_eq!(
        messages_after(with_retries),
        [
            "Route canary of virtual router orders retries up to 3 times of 10 s each (30 s), longer than its request timeout of 15 s: the last retries never run."
        ]
    );
    let with_time = |mesh: &mut Value| {
        with_retries(mesh);
        canary(mesh)["timeout"] = json!({"perRequest": {"unit": "s", "value": 30}});
        for index in [V1, V2] {
            node(mesh, index)["listeners"][0]["timeout"] = request_timeout(30);
        }
    };
    assert_eq!(after(with_time), []);
}

#[test]
fn am0416_a_route_and_listener_that_end_requests_apart() {
    let long_route = |mesh: &mut Value| canary(mesh)["timeout"] = json!({"perRequest": {"unit": "s", "value": 60}});
    let messages = messages_after(long_route);
    assert_eq!(
        messages[0],
        "Route canary of virtual router orders allows requests 60 s, but virtual node orders-v1's listener http:8080 ends them after 15 s."
    );
    let long_listener = |mesh: &mut Value| node(mesh, V1)["listeners"][0]["timeout"] = request_timeout(60);
    assert_eq!(
        messages_after(long_listener),
        [
            "Virtual node orders-v1's listener http:8080 allows requests 60 s, but route canary of virtual router orders ends them after 15 s."
        ]
    );
    let both = |mesh: &mut Value| {
        long_route(mesh);
        for index in [V1, V2] {
            node(mesh, index)["listeners"][0]["timeout"] = request_timeout(60);
        }
    };
    assert_eq!(after(both), []);
    // Shorter than the default on one side only is a choice, not a mistake.
    assert_eq!(after(|mesh| canary(mesh)["timeout"] = json!({"perRequest": {"unit": "s", "value": 5}})), []);
}

// ---------------------------------------------------------------- virtual gateways

fn gateway_listener(mesh: &mut Value) -> &mut Value {
    &mut mesh["virtualGateways"][0]["spec"]["listeners"][0]
}

#[test]
fn am0501_a_gateway_pool_of_another_protocol() {
    assert_eq!(
        after(|mesh| gateway_listener(mesh)["connectionPool"] = json!({"grpc": {"maxRequests": 10}})),
        [Code::GatewayPoolProtocolMismatch]
    );
}

#[test]
fn am0502_a_gateway_health_check_of_another_port() {
    assert_eq!(after(|mesh| gateway_listener(mesh)["healthCheck"] = health_check(9090)), [Code::GatewayHealthCheckPortMismatch]);
}

#[test]
fn am0503_a_gateway_without_gateway_routes() {
    assert_eq!(after(|mesh| mesh["gatewayRoutes"] = json!([])), [Code::GatewayWithoutRoutes]);
}

#[test]
fn am0504_a_gateway_policy_that_trusts_a_wildcard() {
    let edit = |mesh: &mut Value| {
        let validation = json!({"subjectAlternativeNames": {"match": {"exact": ["*.shop.local"]}}, "trust": {"file": {"certificateChain": "/certs/ca.pem"}}});
        mesh["virtualGateways"][0]["spec"]["backendDefaults"] = json!({"clientPolicy": {"tls": {"validation": validation}}});
        node(mesh, WEB)["listeners"][0]["tls"] = strict_tls();
    };
    assert_eq!(after(edit), [Code::GatewayWildcardSanEnforced]);
}

#[test]
fn am0505_a_gateway_enforcing_tls_toward_plain_listeners() {
    let enforce = |mesh: &mut Value| mesh["virtualGateways"][0]["spec"]["backendDefaults"] = tls_policy(json!({}));
    assert_eq!(after(enforce), [Code::GatewayTlsToPlainListener]);
    assert_eq!(after_fix(enforce, |mesh| node(mesh, WEB)["listeners"][0]["tls"] = strict_tls()), []);
}

// ---------------------------------------------------------------- gateway routes

#[test]
fn am0601_a_gateway_route_whose_gateway_is_missing() {
    let mut stray = healthy()["gatewayRoutes"][0].clone();
    stray["parent"] = json!("ghost");
    assert_eq!(after(|mesh| push(mesh, "gatewayRoutes", stray)), [Code::GatewayRouteGatewayMissing]);
}

#[test]
fn am0602_a_gateway_route_to_a_missing_service() {
    assert_eq!(
        after(|mesh| to_web(mesh)["action"]["target"]["virtualService"]["virtualServiceName"] = json!("ghost.shop.local")),
        [Code::GatewayTargetMissing]
    );
}

#[test]
fn am0603_a_gateway_route_to_a_service_without_provider() {
    let edit = |mesh: &mut Value| {
        push(mesh, "virtualServices", json!({"name": "later.shop.local", "spec": {}}));
        to_web(mesh)["action"]["target"]["virtualService"]["virtualServiceName"] = json!("later.shop.local");
    };
    assert_eq!(after(edit), [Code::NoProvider, Code::GatewayTargetWithoutProvider]);
}

#[test]
fn am0604_a_gateway_route_type_its_gateway_does_not_listen_for() {
    let edit = |mesh: &mut Value| {
        let target = to_web(mesh)["action"].take();
        mesh["gatewayRoutes"][0]["spec"] = json!({"grpcRoute": {"match": {"serviceName": "web.v1.Web"}, "action": target}});
    };
    assert_eq!(after(edit), [Code::GatewayRouteTypeNotOnGateway]);
}

#[test]
fn am0605_a_gateway_match_port_the_gateway_does_not_listen_on() {
    assert_eq!(after(|mesh| to_web(mesh)["match"]["port"] = json!(9090)), [Code::GatewayMatchPortNotOnGateway]);
}

#[test]
fn am0606_a_gateway_with_two_listeners_needs_a_match_port() {
    let second_listener = |mesh: &mut Value| push(&mut mesh["virtualGateways"][0]["spec"], "listeners", listener(8443, "http2"));
    assert_eq!(after(second_listener), [Code::GatewayMatchPortRequired]);
    assert_eq!(after_fix(second_listener, |mesh| to_web(mesh)["match"]["port"] = json!(8080)), []);
}

#[test]
fn am0607_a_target_port_the_provider_does_not_listen_on() {
    assert_eq!(after(|mesh| to_web(mesh)["action"]["target"]["port"] = json!(9090)), [Code::GatewayTargetPortNotOnProvider]);
    assert_eq!(after(|mesh| to_web(mesh)["action"]["target"]["port"] = json!(8080)), []);
}

#[test]
fn am0608_a_provider_with_two_listeners_needs_a_target_port() {
    let second_listener = |mesh: &mut Value| push(node(mesh, WEB), "listeners", listener(8081, "http"));
    assert_eq!(after(second_listener), [Code::GatewayTargetPortRequired]);
    assert_eq!(after_fix(second_listener, |mesh| to_web(mesh)["action"]["target"]["port"] = json!(8080)), []);
}

#[test]
fn am0609_a_reserved_prefix_or_grpc_service() {
    assert_eq!(after(|mesh| to_web(mesh)["match"]["prefix"] = json!("/aws-appmesh/admin")), [Code::ReservedMatch]);
    let grpc = |service: &'static str| {
        move |mesh: &mut Value| {
            gateway_listener(mesh)["portMapping"]["protocol"] = json!("grpc");
            let target = to_web(mesh)["action"].take();
            mesh["gatewayRoutes"][0]["spec"] = json!({"grpcRoute": {"match": {"serviceName": service}, "action": target}});
        }
    };
    assert_eq!(after(grpc("aws.appmesh.Internal")), [Code::ReservedMatch]);
    assert_eq!(after(grpc("web.v1.Web")), []);
}

#[test]
fn am0610_a_gateway_prefix_without_slash() {
    assert_eq!(after(|mesh| to_web(mesh)["match"]["prefix"] = json!("web")), [Code::GatewayRoutePrefixWithoutSlash]);
}

#[test]
fn am0611_gateway_routes_that_match_the_same_requests() {
    let mut copy = healthy()["gatewayRoutes"][0].clone();
    copy["name"] = json!("copy");
    assert_eq!(after(|mesh| push(mesh, "gatewayRoutes", copy.clone())), [Code::ShadowedGatewayRoute]);
    copy["spec"]["httpRoute"]["match"]["prefix"] = json!("/static");
    assert_eq!(after(|mesh| push(mesh, "gatewayRoutes", copy)), []);
}

// ---------------------------------------------------------------- the mesh

#[test]
fn am0701_drop_all_and_no_backends() {
    let no_backends = |mesh: &mut Value| node(mesh, WEB)["backends"] = json!([]);
    assert_eq!(after(no_backends), [Code::DropAllWithoutBackends]);
    assert_eq!(after_fix(no_backends, |mesh| mesh["spec"] = json!({"egressFilter": {"type": "ALLOW_ALL"}})), []);
}
