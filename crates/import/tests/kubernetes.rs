//! App Mesh controller manifests written from the controller's documentation and walkthroughs
//! (fixtures/README.md), named as the controller names them.

use mesh_engine::mesh_config::ResourceKind;
mod common;

use common::read;
use mesh_import::{Format, Plan, PlannedResource};
use serde_json::json;

const SHOP: &str = include_str!("fixtures/shop.k8s.yaml");
const PARTIAL: &str = include_str!("fixtures/partial.k8s.yaml");

fn object<'p>(plan: &'p Plan, object: &str) -> &'p PlannedResource {
    plan.resources.iter().find(|resource| resource.place.object.as_deref() == Some(object)).unwrap()
}

#[test]
fn manifests_are_named_and_resolved_as_the_controller_does() {
    let plan = read(SHOP, &[]);
    assert_eq!(plan.format, Some(Format::Kubernetes));
    assert!(plan.is_ready(), "{:#?}", plan.all_problems());
    assert!(plan.resources.iter().all(|resource| resource.mesh == "shop"), "every namespace's labels choose Mesh shop-mesh (awsName shop)");
    assert_eq!(object(&plan, "Mesh/shop-mesh").name, "shop");
    // awsName defaulted (name_namespace) and given.
    let v1 = object(&plan, "VirtualNode/shop/orders-v1");
    assert_eq!(v1.name, "orders-v1_shop");
    assert_eq!(object(&plan, "VirtualNode/shop/orders-v2").name, "orders-canary");
    // A reference across namespaces means the referenced resource's awsName.
    assert_eq!(v1.spec["backends"][0], json!({"virtualService": {"virtualServiceName": "payments.payments.svc.cluster.local"}}));
    assert!(v1.spec.get("podSelector").is_none());
    // certificateARN is the API's certificateArn.
    let tls = &object(&plan, "VirtualNode/shop/orders-v2").spec["listeners"][0]["tls"];
    assert_eq!(tls["certificate"]["acm"]["certificateArn"], json!("arn:aws:acm:us-east-1:123456789012:certificate/orders"));
    // A router's routes are routes of the router, by their own names; refs and ARNs name nodes.
    let split = object(&plan, "VirtualRouter/shop/orders-router/routes/split");
    assert_eq!((split.kind, split.parent.as_deref(), split.name.as_str()), (ResourceKind::Route, Some("orders-router_shop"), "split"));
    assert_eq!(
        split.spec["httpRoute"]["action"]["weightedTargets"],
        json!([{"virtualNode": "orders-v1_shop", "weight": 90}, {"virtualNode": "orders-canary", "weight": 10}])
    );
    assert_eq!(split.spec["priority"], json!(10));
    // A virtual service is name.namespace by default.
    let orders = object(&plan, "VirtualService/shop/orders");
    assert_eq!(orders.name, "orders.shop");
    assert_eq!(orders.spec, json!({"provider": {"virtualRouter": {"virtualRouterName": "orders-router_shop"}}}));
    // The gateway route's gateway is chosen by the gateway's namespace selector.
    let route = object(&plan, "GatewayRoute/ingress/orders-route");
    assert_eq!((route.parent.as_deref(), route.name.as_str()), (Some("ingress-gw_ingress"), "orders-route_ingress"));
    assert_eq!(route.spec["httpRoute"]["action"]["target"]["virtualService"]["virtualServiceName"], json!("orders.shop"));
    let skipped: Vec<&str> = plan.skipped.iter().map(|skipped| skipped.kind.as_str()).collect();
    assert_eq!(skipped, ["v1/Namespace", "v1/Namespace", "v1/Namespace", "apps/v1/Deployment"]);
    let configs = plan.mesh_configs().unwrap();
    assert_eq!(configs[0].config.routes.len(), 2);
}

#[test]
fn the_mesh_is_chosen_by_namespace_selectors_with_the_controllers_errors() {
    let other_mesh = SHOP.replace("name: shop\n  labels:\n    mesh: shop-mesh", "name: shop\n  labels:\n    mesh: elsewhere");
    let plan = read(&other_mesh, &[]);
    let problem = &object(&plan, "VirtualNode/shop/orders-v1").problems[0];
    assert_eq!(problem.message, "failed to find matching mesh for namespace: shop, expecting 1 but found 0");
    let second_mesh =
        format!("{SHOP}---\napiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata:\n  name: all\nspec:\n  namespaceSelector: {{}}\n");
    let plan = read(&second_mesh, &[]);
    let problem = &object(&plan, "VirtualNode/shop/orders-v1").problems[0];
    assert_eq!(problem.message, "found multiple matching meshes for namespace: shop, expecting 1 but found 2: shop-mesh,all");
}

#[test]
fn what_the_file_does_not_hold_becomes_a_parameter() {
    let plan = read(PARTIAL, &[]);
    let mesh = plan.parameters.iter().find(|parameter| parameter.name == "namespace/store/mesh").unwrap();
    assert!(mesh.missing, "no Namespace and no Mesh in the file: nothing to default to");
    let node = plan.parameters.iter().find(|parameter| parameter.name == "VirtualNode/store/checkout-v1").unwrap();
    assert_eq!(node.value.as_deref(), Some("checkout-v1_store"), "the controller's default name");
    // meshRef, as `kubectl get -o yaml` shows it, names the mesh.
    let cart = object(&plan, "VirtualNode/store/cart");
    assert_eq!(cart.mesh, "retail");
    assert_eq!(cart.problems[0].message, "spec.listeners[0].portMapping.port: must be between 1 and 65535, got 70000");
    assert_eq!(cart.problems[0].line, Some(24));
    assert_eq!(plan.skipped[0].reason, "only appmesh.k8s.aws/v1beta2, the controller's current API, is read");

    let plan = read(PARTIAL, &[("namespace/store/mesh", "retail"), ("VirtualNode/store/checkout-v1", "checkout")]);
    let checkout = object(&plan, "VirtualService/store/checkout");
    assert!(checkout.problems.is_empty(), "{:?}", checkout.problems);
    assert_eq!((checkout.mesh.as_str(), checkout.name.as_str()), ("retail", "checkout.store"));
    assert_eq!(checkout.spec, json!({"provider": {"virtualNode": {"virtualNodeName": "checkout"}}}));
    assert_eq!(plan.meshes.iter().map(|mesh| (mesh.name.as_str(), mesh.defined)).collect::<Vec<_>>(), [("retail", false)]);
}

#[test]
fn a_kubectl_list_and_arns_of_the_wrong_kind() {
    let list = r#"apiVersion: v1
kind: List
items:
  - apiVersion: appmesh.k8s.aws/v1beta2
    kind: Mesh
    metadata: {name: m}
    spec: {namespaceSelector: {}}
  - apiVersion: appmesh.k8s.aws/v1beta2
    kind: VirtualService
    metadata: {name: s, namespace: apps}
    spec:
      provider:
        virtualNode:
          virtualNodeARN: arn:aws:appmesh:us-east-1:123456789012:mesh/m/virtualRouter/r
"#;
    let plan = read(list, &[]);
    let service = object(&plan, "VirtualService/apps/s");
    assert_eq!(service.mesh, "m", "the only Mesh selects every namespace's labels");
    assert_eq!(service.problems[0].message, "expects virtualNode ARN, got virtualRouter");
}
