//! CloudFormation templates written from the CloudFormation documentation (fixtures/README.md):
//! every intrinsic in both forms, conditions both ways, parameters with and without defaults,
//! references outside App Mesh as parameters, skipped types, errors at their lines.

use mesh_engine::mesh_config::ResourceKind;
mod common;

use common::read;
use mesh_import::{Format, Plan, PlannedResource};
use serde_json::json;

const SHOP_YAML: &str = include_str!("fixtures/shop.cfn.yaml");
const SHOP_JSON: &str = include_str!("fixtures/shop.cfn.json");
const ERRORS: &str = include_str!("fixtures/errors.cfn.yaml");

fn resource<'p>(plan: &'p Plan, logical_id: &str) -> &'p PlannedResource {
    plan.resources.iter().find(|resource| resource.place.logical_id.as_deref() == Some(logical_id)).unwrap()
}

const SHOP_VALUES: [(&str, &str); 3] =
    [("CanaryWeight", "10"), ("OrdersDiscovery.Name", "orders"), ("Certificate", "arn:aws:acm:us-east-1:123456789012:certificate/abc")];

#[test]
fn the_short_form_template_resolves_as_cloudformation_would() {
    let plan = read(SHOP_YAML, &SHOP_VALUES);
    assert_eq!(plan.format, Some(Format::CloudFormation));
    assert!(plan.is_ready(), "{:#?}", plan.all_problems());
    let order: Vec<(ResourceKind, &str)> = plan.resources.iter().map(|r| (r.kind, r.name.as_str())).collect();
    assert_eq!(
        order,
        [
            (ResourceKind::Mesh, "shop"),
            (ResourceKind::VirtualNode, "orders-v1"),
            (ResourceKind::VirtualNode, "orders-v2"),
            (ResourceKind::VirtualRouter, "orders-router"),
            (ResourceKind::Route, "split"),
            (ResourceKind::VirtualService, "orders.shop.local"),
            (ResourceKind::VirtualService, "status.shop.local"),
            (ResourceKind::VirtualGateway, "ingress"),
            (ResourceKind::GatewayRoute, "to-orders"),
        ]
    );
    // !Ref of a parameter (default), !If on a false condition, !Sub with pseudo parameters.
    let mesh = resource(&plan, "Mesh");
    assert_eq!(mesh.spec, json!({"egressFilter": {"type": "ALLOW_ALL"}}));
    assert_eq!(mesh.tags[0].value.as_str(), "mesh-import-us-east-1-123456789012");
    assert_eq!(mesh.tags[1].value.as_str(), "aws");
    // A Number parameter read as a number; !FindInMap; !GetAtt of a resource outside App Mesh; !Select of a list parameter.
    let orders = resource(&plan, "OrdersV1");
    assert_eq!(orders.spec["listeners"][0]["portMapping"]["port"], json!(8080));
    assert_eq!(orders.spec["listeners"][0]["timeout"]["http"]["perRequest"], json!({"unit": "s", "value": 5}));
    assert_eq!(orders.spec["serviceDiscovery"]["awsCloudMap"], json!({"namespaceName": "shop.local", "serviceName": "orders"}));
    assert_eq!(orders.spec["backends"][0]["virtualService"]["virtualServiceName"], json!("status.shop.local"));
    // !Join, the list form of !Sub, !Split; a resource whose condition holds, with DependsOn.
    let canary = resource(&plan, "OrdersV2");
    assert_eq!(canary.name, "orders-v2");
    assert_eq!(canary.spec["serviceDiscovery"]["dns"]["hostname"], json!("orders-v2.shop"));
    // !If keeping an item, !GetAtt of names, a supplied parameter without default.
    let route = resource(&plan, "OrdersRoute");
    assert_eq!(route.parent.as_deref(), Some("orders-router"));
    assert_eq!(
        route.spec["httpRoute"]["action"]["weightedTargets"],
        json!([{"virtualNode": "orders-v1", "weight": 90}, {"virtualNode": "orders-v2", "weight": 10}])
    );
    // Ref of an App Mesh resource is its ARN, as CloudFormation documents.
    let service = resource(&plan, "OrdersService");
    assert_eq!(service.tags[0].value.as_str(), "arn:aws:appmesh:us-east-1:123456789012:mesh/shop/virtualRouter/orders-router");
    let gateway = resource(&plan, "Ingress");
    assert_eq!(gateway.spec["listeners"][0]["tls"]["certificate"]["acm"]["certificateArn"], json!(SHOP_VALUES[2].1));
    let skipped: Vec<(&str, &str)> = plan.skipped.iter().map(|s| (s.place.logical_id.as_deref().unwrap(), s.reason.as_str())).collect();
    assert_eq!(
        skipped,
        [
            ("CloudMapNamespace", "not an App Mesh resource"),
            ("OrdersDiscovery", "not an App Mesh resource"),
            ("LegacyNode", "its condition ProdAndCanary is false"),
            ("Certificate", "not an App Mesh resource"),
            ("Tasks", "not an App Mesh resource"),
        ]
    );
    let configs = plan.mesh_configs().unwrap();
    assert_eq!(configs.len(), 1);
    assert!(configs[0].defines_mesh);
    assert_eq!(configs[0].config.virtual_nodes.len(), 2);
}

#[test]
fn parameters_without_values_and_references_outside_app_mesh_are_asked_for() {
    let plan = read(SHOP_YAML, &[]);
    assert!(!plan.is_ready());
    let missing: Vec<(&str, Vec<&str>)> = plan
        .parameters
        .iter()
        .filter(|parameter| parameter.missing)
        .map(|parameter| (parameter.name.as_str(), parameter.used_by.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        missing,
        [("CanaryWeight", vec!["OrdersV2", "OrdersRoute"]), ("OrdersDiscovery.Name", vec!["OrdersV1"]), ("Certificate", vec!["Ingress"])]
    );
    let port = plan.parameters.iter().find(|parameter| parameter.name == "OrdersPort").unwrap();
    assert_eq!((port.default.as_deref(), port.value.as_deref(), port.missing), (Some("8080"), Some("8080"), false));
    assert_eq!(resource(&plan, "OrdersRoute").problems[0].message, "waits for a value of CanaryWeight");
    assert!(plan.mesh_configs().is_err());
}

#[test]
fn a_supplied_value_turns_conditions_the_other_way() {
    let plan = read(SHOP_YAML, &[("Environment", "prod"), ("CanaryWeight", "0"), ("OrdersDiscovery.Name", "orders"), ("Certificate", "c")]);
    assert_eq!(resource(&plan, "Mesh").spec, json!({"egressFilter": {"type": "DROP_ALL"}}));
    assert_eq!(resource(&plan, "OrdersV1").spec["listeners"][0]["timeout"]["http"]["perRequest"]["value"], json!(15));
    // IsTest is false and CanaryWeight is not 100: the canary node and its target are gone.
    assert!(plan.resources.iter().all(|resource| resource.name != "orders-v2"));
    assert_eq!(
        resource(&plan, "OrdersRoute").spec["httpRoute"]["action"]["weightedTargets"],
        json!([{"virtualNode": "orders-v1", "weight": 90}])
    );
    let refused = read(SHOP_YAML, &[("Environment", "staging")]);
    assert!(refused.problems[0].message.starts_with("parameter Environment: \"staging\" is not one of its AllowedValues (prod, test)"));
    let unknown = read(SHOP_YAML, &[("Nope", "1")]);
    assert_eq!(unknown.problems[0].message, "parameter Nope: the template has no parameter of that name");
}

#[test]
fn the_long_form_json_template_resolves_the_same_way() {
    let plan = read(SHOP_JSON, &[]);
    assert!(plan.is_ready(), "{:#?}", plan.all_problems());
    assert_eq!(resource(&plan, "Mesh").name, "shop-json");
    assert_eq!(resource(&plan, "Mesh").spec, json!({"serviceDiscovery": {"ipPreference": "IPv4_PREFERRED"}}));
    let web = resource(&plan, "Web");
    assert_eq!(web.name, "shop-web");
    assert_eq!(web.place.line, Some(24));
    assert_eq!(web.spec["listeners"][0]["portMapping"], json!({"port": 9080, "protocol": "grpc"}));
    assert_eq!(web.spec["listeners"][0]["connectionPool"], json!({"grpc": {"maxRequests": 100}}));
    assert_eq!(web.spec["serviceDiscovery"]["dns"]["hostname"], json!("web.local"));
    let service = resource(&plan, "WebService");
    assert_eq!(service.name, "shop-web.local");
    assert_eq!(service.spec, json!({"provider": {"virtualNode": {"virtualNodeName": "shop-web"}}}));
    assert_eq!(plan.skipped[0].reason, "its condition IsDisabled is false");
    let off = read(SHOP_JSON, &[("Enabled", "false")]);
    assert!(off.resources.iter().any(|resource| resource.kind == ResourceKind::VirtualRouter));
    assert!(off.resources.iter().all(|resource| resource.kind != ResourceKind::VirtualService));
}

#[test]
fn errors_are_in_the_engines_words_at_their_lines() {
    let plan = read(ERRORS, &[("ClusterNamespace", "apps.local")]);
    let problems = plan.all_problems();
    assert_eq!(
        problems[..2],
        [
            "Api (line 17): spec.listeners[0].portMapping.port: must be between 1 and 65535, got 70000".to_string(),
            "Web (line 28): spec.listeners[0].portMapping.protocol: unknown variant `udp`, expected one of `http`, `tcp`, `http2`, `grpc`"
                .to_string(),
        ]
    );
    assert!(
        problems[2].starts_with("Misnamed (line 46): MeshName: arn:aws:appmesh:us-east-1:123456789012:mesh/errors is an ARN, not a name")
    );
    assert_eq!(problems[3], "Broken (line 52): Fn::GetAtt: the template has no resource Nowhere");
    assert!(problems[4].starts_with("Service (line 42): spec.provider.virtualNode.virtualNodeName: arn:aws:appmesh:"), "{problems:#?}");
    assert!(problems[4].ends_with("!GetAtt LogicalId.VirtualNodeName gives its name"));

    let mut fixed = ERRORS.replace("Protocol: udp", "Protocol: http");
    fixed = fixed.replace("Port: 70000", "Port: 7000");
    let plan = read(&fixed, &[("ClusterNamespace", "apps.local")]);
    let web = resource(&plan, "Web");
    assert_eq!(web.problems[0].message, "spec.unknown: is not a member the App Mesh API knows here");
    assert_eq!(web.problems[0].line, Some(33));
}

#[test]
fn a_missing_name_is_made_up_as_cloudformation_would_and_said() {
    let template = "Resources:\n  Mesh:\n    Type: AWS::AppMesh::Mesh\n  Node:\n    Type: AWS::AppMesh::VirtualNode\n    Properties:\n      MeshName: !GetAtt Mesh.MeshName\n      Spec: {}\n";
    let plan = read(template, &[]);
    assert!(plan.is_ready(), "{:#?}", plan.all_problems());
    assert_eq!(plan.resources[0].name, "mesh-import-Mesh");
    assert_eq!(plan.resources[1].mesh, "mesh-import-Mesh");
    assert_eq!(plan.resources[1].name, "mesh-import-Node");
    assert!(plan.resources[1].notes[0].starts_with("VirtualNodeName is not given"));
}

#[test]
fn template_mistakes_are_named() {
    let circular = "Resources:\n  A:\n    Type: AWS::AppMesh::Mesh\n    Properties:\n      MeshName: !GetAtt B.MeshName\n  B:\n    Type: AWS::AppMesh::Mesh\n    Properties:\n      MeshName: !GetAtt A.MeshName\n";
    let problems = read(circular, &[]).all_problems();
    assert!(problems.iter().any(|problem| problem.contains("circular reference: A → B → A")), "{problems:#?}");
    let unknown = "Resources:\n  A:\n    Type: AWS::AppMesh::Mesh\n    Properties:\n      MeshName: !Ref Nothing\n      Colour: red\n";
    let problems = read(unknown, &[]).all_problems();
    assert!(problems.iter().any(|problem| problem.contains("Ref to Nothing: the template has no parameter or resource of that name")));
    let no_resources = "AWSTemplateFormatVersion: '2010-09-09'\n";
    assert_eq!(read(no_resources, &[]).problems[0].message, "Resources: the template must have a Resources mapping");
}
