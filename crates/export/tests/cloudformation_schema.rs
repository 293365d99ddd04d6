//! The CloudFormation export read back as YAML and checked against CloudFormation's registry
//! schemas for AWS::AppMesh::* (tests/schemas/cloudformation, from cfn-lint): every resource's
//! properties match its schema (types, required members, no unknown member), its create-only
//! members are there, and every Fn::GetAtt and DependsOn names a resource of the template.

mod common;

use mesh_export::{Format, ResourceKind, ResourceSelector, export_mesh, export_resource};
use serde_json::{Value, json};
use std::collections::HashMap;

fn schema_of(resource_type: &str) -> Value {
    let kind = resource_type.strip_prefix("AWS::AppMesh::").expect("an App Mesh type").to_ascii_lowercase();
    let path = common::crate_dir().join(format!("tests/schemas/cloudformation/aws-appmesh-{kind}.json"));
    serde_json::from_str(&common::read(&path)).expect("the schema reads")
}

/// The template's resources, with `Fn::GetAtt` resolved as CloudFormation would (to the named
/// resource's property), and every problem found on the way.
fn check_template(text: &str) -> (HashMap<String, Value>, Vec<String>) {
    let documents = common::yaml_documents(text);
    assert_eq!(documents.len(), 1, "one template");
    let template = &documents[0];
    assert_eq!(template["AWSTemplateFormatVersion"], "2010-09-09");
    let resources: HashMap<String, Value> =
        template["Resources"].as_object().expect("Resources").iter().map(|(id, resource)| (id.clone(), resource.clone())).collect();
    let mut problems = Vec::new();
    for (id, resource) in &resources {
        if !id.chars().all(|c| c.is_ascii_alphanumeric()) || id.len() > 255 {
            problems.push(format!("{id}: a logical id is alphanumeric, at most 255"));
        }
        let resource_type = resource["Type"].as_str().unwrap_or_default();
        let schema = schema_of(resource_type);
        let mut properties = resource["Properties"].clone();
        resolve(&mut properties, &resources, &mut problems, id);
        for create_only in schema["createOnlyProperties"].as_array().into_iter().flatten() {
            let member = create_only.as_str().unwrap_or_default().trim_start_matches("/properties/");
            if member != "MeshOwner" && properties.get(member).is_none() {
                problems.push(format!("{id}: create-only member {member} is missing"));
            }
        }
        let validator = jsonschema::validator_for(&schema).expect("the registry schema compiles");
        problems.extend(
            validator.iter_errors(&properties).map(|error| format!("{id} ({resource_type}): {error} at {}", error.instance_path())),
        );
        for dependency in resource["DependsOn"].as_array().into_iter().flatten() {
            if !resources.contains_key(dependency.as_str().unwrap_or_default()) {
                problems.push(format!("{id}: DependsOn {dependency} is not in the template"));
            }
        }
    }
    (resources, problems)
}

fn resolve(value: &mut Value, resources: &HashMap<String, Value>, problems: &mut Vec<String>, at: &str) {
    match value {
        Value::Object(members) => {
            if let Some(Value::Array(args)) = members.get("Fn::GetAtt") {
                let (id, attribute) = (args[0].as_str().unwrap_or_default(), args[1].as_str().unwrap_or_default());
                match resources.get(id).map(|resource| &resource["Properties"][attribute]) {
                    Some(Value::String(name)) => *value = json!(name),
                    _ => {
                        problems.push(format!("{at}: Fn::GetAtt {id}.{attribute} names nothing in the template"));
                        *value = json!("unresolved");
                    }
                }
                return;
            }
            members.values_mut().for_each(|child| resolve(child, resources, problems, at));
        }
        Value::Array(items) => items.iter_mut().for_each(|item| resolve(item, resources, problems, at)),
        _ => {}
    }
}

#[test]
fn every_fixture_makes_a_template_that_matches_the_registry_schemas() {
    for fixture in common::fixtures() {
        let config = common::fixture(&fixture);
        let export = export_mesh(&config, Format::CloudFormation, &common::context());
        let (resources, problems) = check_template(&export.text);
        assert!(problems.is_empty(), "{fixture}:\n{}", problems.join("\n"));
        let count = 1
            + config.virtual_nodes.len()
            + config.virtual_routers.len()
            + config.routes.len()
            + config.virtual_services.len()
            + config.virtual_gateways.len()
            + config.gateway_routes.len();
        assert_eq!(resources.len(), count, "{fixture}: a resource per App Mesh resource");
    }
}

#[test]
fn references_between_resources_are_getatt_and_depends_on() {
    let config = common::fixture("every-member.json");
    let export = export_mesh(&config, Format::CloudFormation, &common::context());
    let template = &common::yaml_documents(&export.text)[0]["Resources"];
    let route = &template["RouteOrdersRouterApi"];
    assert_eq!(route["Properties"]["MeshName"], json!({"Fn::GetAtt": ["MeshShop", "MeshName"]}));
    assert_eq!(route["Properties"]["VirtualRouterName"], json!({"Fn::GetAtt": ["VirtualRouterOrdersRouter", "VirtualRouterName"]}));
    assert_eq!(route["DependsOn"], json!(["VirtualNodeOrdersV1", "VirtualNodeOrdersV2"]));
    assert_eq!(route["Properties"]["Spec"]["HttpRoute"]["Action"]["WeightedTargets"][0]["VirtualNode"], "orders-v1");
    let service = &template["VirtualServiceOrdersAppsSvcClusterLocal"]["Properties"];
    assert_eq!(
        service["Spec"]["Provider"]["VirtualRouter"]["VirtualRouterName"],
        json!({"Fn::GetAtt": ["VirtualRouterOrdersRouter", "VirtualRouterName"]})
    );
    let node = &template["VirtualNodeOrdersV1"]["Properties"]["Spec"];
    assert_eq!(node["ServiceDiscovery"]["DNS"]["Hostname"], "orders-v1.apps.svc.cluster.local");
    assert_eq!(
        node["Listeners"][0]["TLS"]["Certificate"]["ACM"]["CertificateArn"],
        "arn:aws:acm:us-east-1:123456789012:certificate/orders"
    );
    assert_eq!(export.file_name, "shop-cloudformation-2026-12-03.yaml");
    assert_eq!(export.media_type, "application/yaml");
}

#[test]
fn a_resource_alone_names_what_it_refers_to_by_name() {
    let config = common::fixture("every-member.json");
    let route = ResourceSelector { kind: ResourceKind::Route, name: "api".into(), parent: Some("orders-router".into()) };
    let export = export_resource(&config, &route, Format::CloudFormation, &common::context()).expect("the route is there");
    assert_eq!(export.file_name, "shop-orders-router-api-cloudformation-2026-12-03.yaml");
    let (resources, problems) = check_template(&export.text);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let route = &resources["RouteOrdersRouterApi"];
    assert_eq!(route["Properties"]["MeshName"], "shop");
    assert_eq!(route["Properties"]["VirtualRouterName"], "orders-router");
    assert!(route.get("DependsOn").is_none(), "the nodes are not in this template");
}
