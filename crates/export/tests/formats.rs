//! Each format natively, over fixtures that use every member of every spec: what it says can be
//! read back to the very configuration, names stay valid and unique, references resolve, and
//! the migration reports account for every setting.

mod common;

use mesh_engine::mesh_config::MeshConfig;
use mesh_export::*;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};
use std::process::Command;

#[test]
fn the_json_export_reads_back_to_the_same_configuration() {
    for fixture in common::fixtures() {
        let config = common::fixture(&fixture);
        let export = export_mesh(&config, Format::Json, &common::context());
        let document: Value = serde_json::from_str(&export.text).unwrap();
        assert_eq!((&document["format"], &document["version"]), (&json!(EXPORT_FORMAT), &json!(EXPORT_VERSION)));
        let read: MeshConfig = serde_json::from_value(document["mesh"].clone()).unwrap();
        assert_eq!(read, config, "{fixture}");
        assert_eq!(export.media_type, "application/json");
    }
}

/// The arguments of every `aws` command the script runs, as the program receives them (a
/// stand-in `aws` on PATH writes them down).
fn script_arguments(script: &str, endpoint: Option<&str>) -> Vec<Vec<String>> {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("mesh-export-cli-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("arguments");
    let _ = std::fs::remove_file(&log);
    let aws = dir.join("aws");
    std::fs::write(
        &aws,
        "#!/bin/sh\nfor argument in \"$@\"; do printf '%s\\0' \"$argument\"; done >> \"$ARGUMENTS\"\nprintf '\\1\\0' >> \"$ARGUMENTS\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&aws, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(script)
        .env("PATH", format!("{}:/usr/bin:/bin", dir.display()))
        .env("ARGUMENTS", &log)
        .env_remove("ENDPOINT")
        .env_remove("REGION");
    if let Some(endpoint) = endpoint {
        command.env("ENDPOINT", endpoint);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let written = std::fs::read(&log).unwrap_or_default();
    std::fs::remove_dir_all(&dir).ok();
    let mut commands = vec![Vec::new()];
    for argument in written.split(|b| *b == 0).filter(|a| !a.is_empty()) {
        if argument == [1] {
            commands.push(Vec::new());
        } else {
            commands.last_mut().unwrap().push(String::from_utf8(argument.to_vec()).unwrap());
        }
    }
    commands.pop();
    commands
}

/// The value after `flag` (`--flag value` or `--flag=value`).
fn flag<'a>(arguments: &'a [String], flag: &str) -> Option<&'a str> {
    arguments.iter().enumerate().find_map(|(index, argument)| {
        if argument == flag { arguments.get(index + 1).map(String::as_str) } else { argument.strip_prefix(&format!("{flag}=")) }
    })
}

#[test]
fn the_cli_script_passes_every_name_spec_and_tag_exactly() {
    for fixture in common::fixtures() {
        let config = common::fixture(&fixture);
        let export = export_mesh(&config, Format::Cli, &common::context());
        assert!(export.text.starts_with("#!/bin/sh\n") && export.text.contains("\nset -eu\n"));
        let commands = script_arguments(&export.text, None);
        let operations: Vec<&str> = commands.iter().map(|arguments| arguments[1].as_str()).collect();
        let mut expected = vec!["create-mesh"];
        expected.extend(config.virtual_nodes.iter().map(|_| "create-virtual-node"));
        expected.extend(config.virtual_routers.iter().map(|_| "create-virtual-router"));
        expected.extend(config.routes.iter().map(|_| "create-route"));
        expected.extend(config.virtual_services.iter().map(|_| "create-virtual-service"));
        expected.extend(config.virtual_gateways.iter().map(|_| "create-virtual-gateway"));
        expected.extend(config.gateway_routes.iter().map(|_| "create-gateway-route"));
        assert_eq!(operations, expected, "{fixture}: dependency order");
        for arguments in &commands {
            assert_eq!(arguments[0], "appmesh");
            assert_eq!(flag(arguments, "--mesh-name"), Some(config.mesh_name.as_str()));
            assert_eq!(flag(arguments, "--region"), Some("us-east-1"));
            assert_eq!(flag(arguments, "--endpoint-url"), None, "no endpoint unless ENDPOINT is set");
        }
        // Read back from the arguments alone, the script holds the configuration.
        let mut read = MeshConfig::empty(config.mesh_name.clone());
        for arguments in &commands {
            let spec: Value = serde_json::from_str(flag(arguments, "--spec").unwrap()).unwrap();
            let tags: Value = flag(arguments, "--tags").map_or(json!([]), |tags| serde_json::from_str(tags).unwrap());
            let name = |member: &str| json!(flag(arguments, member).unwrap());
            let definition = |name_member: &str| json!({"name": name(name_member), "spec": spec, "tags": tags});
            let child =
                |parent: &str, name_member: &str| json!({"parent": name(parent), "name": name(name_member), "spec": spec, "tags": tags});
            match arguments[1].as_str() {
                "create-mesh" => {
                    read.spec = serde_json::from_value(spec.clone()).unwrap();
                    read.tags = serde_json::from_value(tags.clone()).unwrap();
                }
                "create-virtual-node" => read.virtual_nodes.push(serde_json::from_value(definition("--virtual-node-name")).unwrap()),
                "create-virtual-router" => read.virtual_routers.push(serde_json::from_value(definition("--virtual-router-name")).unwrap()),
                "create-route" => read.routes.push(serde_json::from_value(child("--virtual-router-name", "--route-name")).unwrap()),
                "create-virtual-service" => {
                    read.virtual_services.push(serde_json::from_value(definition("--virtual-service-name")).unwrap())
                }
                "create-virtual-gateway" => {
                    read.virtual_gateways.push(serde_json::from_value(definition("--virtual-gateway-name")).unwrap())
                }
                "create-gateway-route" => {
                    read.gateway_routes.push(serde_json::from_value(child("--virtual-gateway-name", "--gateway-route-name")).unwrap())
                }
                other => panic!("unexpected {other}"),
            }
        }
        assert_eq!(read, config, "{fixture}");
    }
}

#[test]
fn the_cli_script_takes_an_endpoint_and_a_region_from_the_environment() {
    let config = common::fixture("edge-names.json");
    let export = export_mesh(&config, Format::Cli, &common::context());
    let endpoint = "http://127.0.0.1:8080/a path";
    for arguments in script_arguments(&export.text, Some(endpoint)) {
        assert_eq!(flag(&arguments, "--endpoint-url"), Some(endpoint));
    }
}

/// Kubernetes object names: DNS-1123 subdomains (Service: DNS-1035 labels), unique per kind
/// and namespace.
fn assert_valid_unique_names(objects: &[Value], context: &str) {
    let mut seen = HashSet::new();
    for object in objects {
        let kind = object["kind"].as_str().unwrap();
        let name = object["metadata"]["name"].as_str().unwrap();
        let valid = !name.is_empty()
            && name.len() <= if matches!(kind, "Service" | "Namespace") { 63 } else { 253 }
            && name.split('.').all(|label| {
                !label.is_empty()
                    && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    && !label.starts_with('-')
                    && !label.ends_with('-')
            })
            && (kind != "Service" || (name.starts_with(|c: char| c.is_ascii_lowercase()) && !name.contains('.')));
        assert!(valid, "{context}: {kind} {name:?} is not a valid name");
        assert!(seen.insert((kind.to_string(), name.to_string())), "{context}: {kind} {name} twice");
    }
}

#[test]
fn controller_manifests_name_every_app_mesh_resource_exactly_and_resolve_their_refs() {
    for fixture in common::fixtures() {
        let config = common::fixture(&fixture);
        let export = export_mesh(&config, Format::Kubernetes, &common::context());
        let objects = common::yaml_documents(&export.text);
        assert_valid_unique_names(&objects, &fixture);
        let by_kind = |kind: &str| -> BTreeMap<String, Value> {
            objects.iter().filter(|o| o["kind"] == kind).map(|o| (o["metadata"]["name"].as_str().unwrap().to_string(), o.clone())).collect()
        };
        let aws_names =
            |kind: &str| -> Vec<String> { by_kind(kind).values().map(|o| o["spec"]["awsName"].as_str().unwrap().to_string()).collect() };
        let sorted = |names: Vec<String>| -> Vec<String> {
            let mut names = names;
            names.sort();
            names
        };
        assert_eq!(aws_names("Mesh"), [config.mesh_name.to_string()]);
        assert_eq!(sorted(aws_names("VirtualNode")), sorted(config.virtual_nodes.iter().map(|d| d.name.to_string()).collect()));
        assert_eq!(sorted(aws_names("VirtualRouter")), sorted(config.virtual_routers.iter().map(|d| d.name.to_string()).collect()));
        assert_eq!(sorted(aws_names("VirtualService")), sorted(config.virtual_services.iter().map(|d| d.name.to_string()).collect()));
        assert_eq!(sorted(aws_names("GatewayRoute")), sorted(config.gateway_routes.iter().map(|d| d.name.to_string()).collect()));
        let routes: usize = by_kind("VirtualRouter").values().map(|o| o["spec"]["routes"].as_array().map_or(0, Vec::len)).sum();
        assert_eq!(routes, config.routes.len(), "{fixture}: every route in its router");
        // Every ref names an object of its kind; the namespace is selected by the Mesh.
        let text = serde_json::to_string(&objects).unwrap();
        for (reference, kind) in
            [("virtualNodeRef", "VirtualNode"), ("virtualRouterRef", "VirtualRouter"), ("virtualServiceRef", "VirtualService")]
        {
            let names = by_kind(kind);
            for found in text.match_indices(&format!("\"{reference}\":{{\"name\":\"")) {
                let rest = &text[found.0 + found.1.len()..];
                let name = &rest[..rest.find('"').unwrap()];
                assert!(names.contains_key(name), "{fixture}: {reference} {name} names no {kind}");
            }
        }
        let namespace = &by_kind("Namespace").into_values().next().unwrap();
        let mesh = &by_kind("Mesh").into_values().next().unwrap();
        for (key, value) in mesh["spec"]["namespaceSelector"]["matchLabels"].as_object().unwrap() {
            assert_eq!(&namespace["metadata"]["labels"][key], value, "{fixture}: the Mesh selects the namespace");
        }
        for route in by_kind("GatewayRoute").values() {
            let gateways: Vec<Value> = by_kind("VirtualGateway")
                .into_values()
                .filter(|gateway| {
                    gateway["spec"]["gatewayRouteSelector"]["matchLabels"]
                        .as_object()
                        .unwrap()
                        .iter()
                        .all(|(k, v)| &route["metadata"]["labels"][k] == v)
                })
                .collect();
            assert_eq!(gateways.len(), 1, "{fixture}: exactly one VirtualGateway selects {}", route["metadata"]["name"]);
        }
    }
}

#[test]
fn controller_manifests_say_what_the_controller_cannot_hold() {
    let export = export_mesh(&common::fixture("edge-names.json"), Format::Kubernetes, &common::context());
    assert!(
        export.text.contains("# - mesh Tom's $mesh `x` \"q\": spec.serviceDiscovery.ipPreference IPv6_PREFERRED is not carried"),
        "{}",
        export.text
    );
    assert!(export.text.contains("spec.serviceDiscovery.dns.ipPreference IPv6_ONLY is not carried"));
}

#[test]
fn migration_reports_account_for_every_setting() {
    for fixture in common::fixtures() {
        let config = common::fixture(&fixture);
        for format in [Format::GatewayApi, Format::Istio] {
            let export = export_mesh(&config, format, &common::context());
            let report = export.report.as_ref().expect("a migration has a report");
            let untranslated: Vec<String> = report
                .entries
                .iter()
                .filter(|entry| matches!(&entry.outcome, Outcome::NotCarried { reason } if reason == "not translated by this export"))
                .map(|entry| format!("{:?} {} {}", entry.kind, entry.resource, entry.setting))
                .collect();
            assert!(untranslated.is_empty(), "{fixture} {format:?}: no translation for\n{}", untranslated.join("\n"));
            // The console reads it as JSON; the command line prints it at the top of the YAML.
            let json = serde_json::to_value(&export).unwrap();
            assert_eq!(json["report"]["target"], format.as_str());
            let first_comment_lines: Vec<&str> = export.text.lines().take_while(|line| line.starts_with('#')).collect();
            for entry in &report.entries {
                assert!(
                    first_comment_lines.iter().any(|line| line.contains(&format!("{}: {}", entry.resource, entry.setting))),
                    "{fixture} {format:?}: {} {} is not in the comments",
                    entry.resource,
                    entry.setting
                );
            }
            assert!(report.to_markdown().contains("## Not carried over"));
            let objects = common::yaml_documents(&export.text);
            assert_valid_unique_names(&objects, &format!("{fixture} {format:?}"));
        }
    }
}

#[test]
fn the_reports_say_what_became_of_the_settings_the_issue_names() {
    let config = common::fixture("every-member.json");
    let context = common::context();
    let entry = |format: Format, resource: &str, setting: &str| -> Outcome {
        let report = export_mesh(&config, format, &context).report.unwrap();
        report
            .entries
            .into_iter()
            .find(|e| e.resource == resource && e.setting == setting)
            .unwrap_or_else(|| panic!("{resource} {setting}"))
            .outcome
    };
    let gateway_error = "spec.httpRoute.retryPolicy.httpRetryEvents[1]";
    assert!(
        matches!(entry(Format::GatewayApi, "orders-router/api", gateway_error), Outcome::NotCarried { reason } if reason.contains("gateway-error"))
    );
    assert_eq!(
        entry(Format::Istio, "orders-router/api", gateway_error),
        Outcome::Became {
            object: "VirtualService orders.apps.svc.cluster.local".into(),
            field: "spec.http[1].retries.retryOn".into(),
            note: Some("gateway-error".into())
        }
    );
    let outlier = "spec.listeners[0].outlierDetection";
    assert!(
        matches!(entry(Format::GatewayApi, "orders-v1", outlier), Outcome::NotCarried { reason } if reason.contains("outlier detection"))
    );
    assert!(
        matches!(entry(Format::Istio, "orders-v1", &format!("{outlier}.maxServerErrors")), Outcome::Became { field, .. } if field.ends_with("outlierDetection.consecutive5xxErrors"))
    );
    assert!(
        matches!(entry(Format::GatewayApi, "orders-router/api", "spec.httpRoute.action.weightedTargets[1]"), Outcome::Became { object, field, .. } if object == "HTTPRoute orders.apps.svc.cluster.local" && field == "spec.rules[1].backendRefs[1]")
    );
}

#[test]
fn the_gateway_api_migration_is_what_the_lattice_controller_reads() {
    let config = common::fixture("every-member.json");
    let export = export_mesh(&config, Format::GatewayApi, &common::context());
    let objects = common::yaml_documents(&export.text);
    let find = |kind: &str, name: &str| {
        objects.iter().find(|o| o["kind"] == kind && o["metadata"]["name"] == name).unwrap_or_else(|| panic!("{kind} {name}")).clone()
    };
    assert_eq!(
        find("GatewayClass", "amazon-vpc-lattice")["spec"]["controllerName"],
        "application-networking.k8s.aws/gateway-api-controller"
    );
    assert_eq!(find("Gateway", "shop")["spec"]["gatewayClassName"], "amazon-vpc-lattice");
    let orders = find("HTTPRoute", "orders.apps.svc.cluster.local");
    assert_eq!(orders["spec"]["hostnames"], json!(["orders.apps.svc.cluster.local"]));
    let rules = orders["spec"]["rules"].as_array().unwrap();
    assert_eq!(
        rules.iter().map(|r| r["name"].as_str().unwrap()).collect::<Vec<_>>(),
        ["health", "api", "legacy"],
        "App Mesh's priority order"
    );
    let api = &rules[1];
    assert_eq!(
        api["matches"],
        json!([{"path": {"type": "PathPrefix", "value": "/api"}, "method": "GET", "headers": [{"type": "Exact", "name": "x-channel", "value": "beta"}]}])
    );
    assert_eq!(
        api["backendRefs"],
        json!([
            {"group": "", "kind": "Service", "name": "orders-v1", "port": 8080, "weight": 90},
            {"group": "", "kind": "Service", "name": "orders-v2", "port": 8080, "weight": 10}
        ])
    );
    assert_eq!(api["timeouts"], json!({"request": "15s"}));
    for rule in rules {
        assert!(rule["matches"].as_array().is_none_or(|m| m.len() <= 1), "Lattice takes one match per rule");
        for headers in rule["matches"][0]["headers"].as_array().into_iter() {
            assert!(headers.len() <= 5 && headers.iter().all(|h| h["type"] == "Exact"), "Lattice takes up to 5 exact header matches");
        }
        assert!(rule["matches"][0].get("queryParams").is_none());
    }
    let policy = find("TargetGroupPolicy", "orders-v2");
    assert_eq!(policy["spec"]["protocolVersion"], "HTTP2");
    assert_eq!(policy["spec"]["healthCheck"]["intervalSeconds"], 11, "10.5 s rounded up");
    assert_eq!(
        find("GRPCRoute", "payments.apps.svc.cluster.local-grpc")["spec"]["parentRefs"],
        json!([{"name": "shop", "sectionName": "https-50051"}])
    );
    assert_eq!(find("TCPRoute", "db.apps.svc.cluster.local-postgres")["apiVersion"], "gateway.networking.k8s.io/v1alpha2");
    // More than 16 routes: split over route objects, each within the Gateway API's bound.
    let edge = export_mesh(&common::fixture("edge-names.json"), Format::GatewayApi, &common::context());
    let routes: Vec<Value> = common::yaml_documents(&edge.text).into_iter().filter(|o| o["kind"] == "HTTPRoute").collect();
    let rule_counts: Vec<usize> = routes.iter().map(|r| r["spec"]["rules"].as_array().unwrap().len()).collect();
    assert!(rule_counts.contains(&16) && rule_counts.contains(&1), "{rule_counts:?}");
}

#[test]
fn the_istio_migration_keeps_app_mesh_order_weights_and_retries() {
    let config = common::fixture("every-member.json");
    let export = export_mesh(&config, Format::Istio, &common::context());
    let objects = common::yaml_documents(&export.text);
    let find = |kind: &str, name: &str| {
        objects.iter().find(|o| o["kind"] == kind && o["metadata"]["name"] == name).unwrap_or_else(|| panic!("{kind} {name}")).clone()
    };
    let orders = find("VirtualService", "orders.apps.svc.cluster.local");
    let http = orders["spec"]["http"].as_array().unwrap();
    assert_eq!(http.iter().map(|r| r["name"].as_str().unwrap()).collect::<Vec<_>>(), ["health", "api", "legacy"]);
    let api = &http[1];
    assert_eq!(
        api["retries"],
        json!({"attempts": 3, "perTryTimeout": "2s", "retryOn": "5xx,gateway-error,retriable-4xx,refused-stream,connect-failure"})
    );
    assert_eq!(api["timeout"], "15s");
    assert_eq!(api["route"][0]["weight"], 90);
    assert_eq!(api["route"][1]["destination"]["host"], "orders.apps.local", "orders-v2 is found in Cloud Map");
    assert_eq!(api["match"][0]["withoutHeaders"]["x-client"], json!({"prefix": "internal-"}));
    assert_eq!(api["match"][0]["headers"]["x-trace"], json!({}));
    let payments = find("VirtualService", "payments.apps.svc.cluster.local");
    assert_eq!(payments["spec"]["http"][0]["match"][0]["uri"], json!({"exact": "/payments.v1.Payments/Charge"}));
    assert_eq!(find("ServiceEntry", "payments")["spec"]["hosts"], json!(["payments.example.internal"]));
    let gateway_routes = find("VirtualService", "ingress-routes");
    let names: Vec<&str> = gateway_routes["spec"]["http"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["payments", "web", "status"], "gateway routes by priority");
    let db = find("VirtualService", "db.apps.svc.cluster.local");
    assert_eq!(db["spec"]["tcp"][0]["match"], json!([{"port": 5432}]));
}

#[test]
fn every_resource_exports_alone_in_every_format() {
    let config = common::fixture("every-member.json");
    let selectors = ResourceSelector::all_in(&config);
    assert_eq!(selectors.len(), 1 + 4 + 3 + 6 + 5 + 1 + 3);
    for selector in &selectors {
        for format in Format::ALL {
            let export = export_resource(&config, selector, format, &common::context()).unwrap_or_else(|| panic!("{selector:?}"));
            assert!(!export.text.is_empty());
            if format == Format::Cli {
                assert_eq!(script_arguments(&export.text, None).len(), 1, "{selector:?}: one create command");
            }
            if let Some(report) = &export.report {
                assert!(
                    report
                        .entries
                        .iter()
                        .all(|e| !matches!(&e.outcome, Outcome::NotCarried { reason } if reason == "not translated by this export")),
                    "{selector:?} {format:?}"
                );
            }
        }
    }
    let node = &selectors[1];
    let manifests = export_resource(&config, node, Format::Kubernetes, &common::context()).unwrap();
    assert!(
        manifests
            .text
            .contains("virtualServiceARN: arn:aws:appmesh:us-east-1:123456789012:mesh/shop/virtualService/payments.apps.svc.cluster.local")
    );
    let missing = ResourceSelector { kind: ResourceKind::VirtualNode, name: "nope".into(), parent: None };
    assert!(export_resource(&config, &missing, Format::Json, &common::context()).is_none());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Whatever a name or tag holds (quotes, `$`, backticks, spaces, newlines, non-ASCII), the
    /// shell hands it to the AWS CLI unchanged.
    #[test]
    fn any_name_and_tag_reach_the_cli_unchanged(name in "[^/\\p{Cc}]{1,40}", value in "[^\\x00]{0,60}") {
        let config: MeshConfig = serde_json::from_value(json!({"meshName": name, "tags": [{"key": "k", "value": value}]})).unwrap();
        let export = export_mesh(&config, Format::Cli, &common::context());
        let commands = script_arguments(&export.text, None);
        proptest::prop_assert_eq!(flag(&commands[0], "--mesh-name"), Some(name.as_str()));
        let tags: Value = serde_json::from_str(flag(&commands[0], "--tags").unwrap()).unwrap();
        proptest::prop_assert_eq!(&tags[0]["value"], &json!(value));
    }
}
