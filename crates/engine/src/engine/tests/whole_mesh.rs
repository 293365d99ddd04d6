//! A mesh's whole configuration read in one call and applied in one: all or nothing under
//! the caller's rollback, nothing done twice, updates that say what differs.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::mesh_config::{ChangeAction, MeshConfig, ResourceKind};
use serde_json::{Value, json};

/// A mesh with one of everything, named so that reading it back lists it in the same order.
fn full_config(provider_node: &str) -> Value {
    json!({
        "meshName": "shop",
        "spec": {"egressFilter": {"type": "DROP_ALL"}},
        "tags": [{"key": "team", "value": "payments"}],
        "virtualNodes": [
            {"name": "orders-v1", "spec": {"listeners": [{"portMapping": {"port": 8080, "protocol": "http"}}]}},
            {"name": "orders-v2", "spec": {"listeners": [{"portMapping": {"port": 8080, "protocol": "http"}}]}, "tags": [{"key": "canary", "value": "yes"}]}
        ],
        "virtualRouters": [{"name": "orders-router", "spec": {"listeners": [{"portMapping": {"port": 8080, "protocol": "http"}}]}}],
        "routes": [{"parent": "orders-router", "name": "split", "spec": {"httpRoute": {
            "match": {"prefix": "/"},
            "action": {"weightedTargets": [{"virtualNode": "orders-v1", "weight": 90}, {"virtualNode": "orders-v2", "weight": 10}]}
        }}}],
        "virtualServices": [
            {"name": "orders.shop.local", "spec": {"provider": {"virtualRouter": {"virtualRouterName": "orders-router"}}}},
            {"name": "status.shop.local", "spec": {"provider": {"virtualNode": {"virtualNodeName": provider_node}}}}
        ],
        "virtualGateways": [{"name": "ingress", "spec": {"listeners": [{"portMapping": {"port": 443, "protocol": "http"}}]}}],
        "gatewayRoutes": [{"parent": "ingress", "name": "to-orders", "spec": {"httpRoute": {
            "match": {"prefix": "/orders"},
            "action": {"target": {"virtualService": {"virtualServiceName": "orders.shop.local"}}}
        }}}]
    })
}

fn config(value: Value) -> MeshConfig {
    serde_json::from_value(value).unwrap()
}

impl World {
    fn apply(&mut self, config: &MeshConfig, defines_mesh: bool) -> Result<Vec<ResourceChange>, ApiError> {
        self.call(|engine| engine.apply_mesh_config(config, None, defines_mesh))
    }

    fn read(&mut self, mesh: &str) -> MeshConfig {
        self.call(|engine| engine.mesh_config(&at(mesh))).unwrap()
    }
}

fn actions(changes: &[ResourceChange]) -> Vec<(ResourceKind, String, ChangeAction)> {
    changes.iter().map(|change| (change.resource.kind, change.resource.name.clone(), change.action)).collect()
}

use crate::mesh_config::ResourceChange;

#[test]
fn apply_creates_every_resource_in_dependency_order_and_reads_back_the_same() {
    let mut world = World::new();
    let wanted = config(full_config("orders-v1"));
    let changes = world.apply(&wanted, true).unwrap();
    let kinds: Vec<ResourceKind> = changes.iter().map(|change| change.resource.kind).collect();
    assert_eq!(
        kinds,
        [
            ResourceKind::Mesh,
            ResourceKind::VirtualNode,
            ResourceKind::VirtualNode,
            ResourceKind::VirtualRouter,
            ResourceKind::Route,
            ResourceKind::VirtualService,
            ResourceKind::VirtualService,
            ResourceKind::VirtualGateway,
            ResourceKind::GatewayRoute
        ]
    );
    assert!(changes.iter().all(|change| change.action == ChangeAction::Create));
    assert_eq!(world.read("shop"), wanted);
    let route = world.call(|engine| engine.describe_route(&at("shop"), &rn("orders-router"), &rn("split"))).unwrap();
    let node = world.call(|engine| engine.describe_virtual_node(&at("shop"), &rn("orders-v1"))).unwrap();
    assert_ne!(route.metadata.uid, node.metadata.uid, "every resource created by one apply has its own uid");
}

#[test]
fn an_error_in_the_last_resource_leaves_nothing_after_the_callers_rollback() {
    let mut world = World::new();
    let mut broken = full_config("orders-v1");
    broken["gatewayRoutes"][0]["spec"]["httpRoute"]["action"]["target"]["virtualService"]["virtualServiceName"] =
        json!("missing.shop.local");
    let broken = config(broken);
    let error = world.apply(&broken, true).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    assert_eq!(error.message, "VirtualService with name missing.shop.local is not present under mesh shop for account 111122223333");
    assert_eq!(world.store, MemoryStore::new(), "the rolled-back call left nothing");

    // Without the rollback the engine's working copy holds everything before the failing resource.
    let mut working = MemoryStore::new();
    let context = world.context.clone();
    assert!(Engine::new(&mut working, &context).apply_mesh_config(&broken, None, true).is_err());
    assert!(Engine::new(&mut working, &context).describe_virtual_gateway(&at("shop"), &rn("ingress")).is_ok());
}

#[test]
fn applying_the_same_configuration_again_changes_nothing() {
    let mut world = World::new();
    let wanted = config(full_config("orders-v1"));
    world.apply(&wanted, true).unwrap();
    let before = world.store.clone();
    let changes = world.apply(&wanted, true).unwrap();
    assert!(changes.iter().all(|change| change.action == ChangeAction::Unchanged), "{changes:?}");
    assert_eq!(world.store, before);
}

#[test]
fn a_changed_spec_and_tags_are_an_update_listing_what_differs() {
    let mut world = World::new();
    world.apply(&config(full_config("orders-v1")), true).unwrap();
    let mut changed = full_config("orders-v2");
    changed["tags"] = json!([{"key": "team", "value": "checkout"}]);
    changed["virtualNodes"][1]["tags"] = json!([]);
    let changed = config(changed);
    let changes = world.apply(&changed, true).unwrap();
    let updated: Vec<(String, Vec<String>)> = changes
        .iter()
        .filter(|change| change.action == ChangeAction::Update)
        .map(|change| (change.resource.name.clone(), change.differences.iter().map(ToString::to_string).collect()))
        .collect();
    assert_eq!(
        updated,
        [
            ("shop".to_string(), vec!["tags.team: payments → checkout".to_string()]),
            ("orders-v2".to_string(), vec!["tags.canary: yes → (none)".to_string()]),
            ("status.shop.local".to_string(), vec!["spec.provider.virtualNode.virtualNodeName: orders-v1 → orders-v2".to_string()]),
        ]
    );
    assert_eq!(world.read("shop"), changed);
    let service = world.call(|engine| engine.describe_virtual_service(&at("shop"), &sn("status.shop.local"))).unwrap();
    assert_eq!(service.metadata.version, 2);
    let untouched = world.call(|engine| engine.describe_virtual_node(&at("shop"), &rn("orders-v1"))).unwrap();
    assert_eq!(untouched.metadata.version, 1, "an unchanged resource is left alone");
}

#[test]
fn a_configuration_that_adds_to_a_mesh_needs_the_mesh_and_keeps_what_it_holds() {
    let mut world = World::new();
    let addition =
        config(json!({"meshName": "shop", "spec": {"egressFilter": {"type": "ALLOW_ALL"}}, "virtualNodes": [{"name": "b", "spec": {}}]}));
    let error = world.apply(&addition, false).unwrap_err();
    assert_eq!(error.message, "Mesh with name shop is not present for account 111122223333");

    world.mesh("shop");
    world.node("shop", "a");
    let changes = world.apply(&addition, false).unwrap();
    assert_eq!(actions(&changes), [(ResourceKind::VirtualNode, "b".to_string(), ChangeAction::Create)]);
    let read = world.read("shop");
    assert_eq!(read.spec, crate::spec::MeshSpec::default(), "a mesh the configuration does not define keeps its spec");
    let names: Vec<&str> = read.virtual_nodes.iter().map(|node| node.name.as_str()).collect();
    assert_eq!(names, ["a", "b"]);
}

#[test]
fn apply_refuses_what_the_api_refuses_in_its_words() {
    let mut world = World::with_quotas(Quotas { virtual_nodes_per_mesh: 1, ..Quotas::default() });
    let error = world.apply(&config(full_config("orders-v1")), true).unwrap_err();
    assert_eq!(error.kind, ErrorKind::LimitExceededException);
    assert_eq!(world.store, MemoryStore::new());
}
