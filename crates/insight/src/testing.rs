//! What the tests share: small meshes as JSON, edited in place and read as a `MeshConfig`.

use mesh_engine::mesh_config::MeshConfig;
use serde_json::{Value, json};

/// A mesh of every kind in which no check finds anything: a gateway routes `/` to the web
/// service, provided by node `web`, which calls the orders service, whose router splits 90/10
/// between `orders-v1` and `orders-v2`.
pub fn healthy() -> Value {
    let http = |port: u16| json!([{"portMapping": {"port": port, "protocol": "http"}}]);
    let node = |name: &str, backends: Value| json!({"name": name, "spec": {"listeners": http(8080), "serviceDiscovery": {"dns": {"hostname": format!("{name}.shop.local")}}, "backends": backends}});
    json!({
        "meshName": "shop",
        "virtualGateways": [{"name": "ingress", "spec": {"listeners": http(8080)}}],
        "gatewayRoutes": [{"parent": "ingress", "name": "to-web", "spec": {"httpRoute": {
            "match": {"prefix": "/"},
            "action": {"target": {"virtualService": {"virtualServiceName": "web.shop.local"}}}
        }}}],
        "virtualServices": [
            {"name": "web.shop.local", "spec": {"provider": {"virtualNode": {"virtualNodeName": "web"}}}},
            {"name": "orders.shop.local", "spec": {"provider": {"virtualRouter": {"virtualRouterName": "orders"}}}}
        ],
        "virtualRouters": [{"name": "orders", "spec": {"listeners": http(8080)}}],
        "routes": [{"parent": "orders", "name": "canary", "spec": {"httpRoute": {
            "match": {"prefix": "/"},
            "action": {"weightedTargets": [{"virtualNode": "orders-v1", "weight": 90}, {"virtualNode": "orders-v2", "weight": 10}]}
        }}}],
        "virtualNodes": [
            node("web", json!([{"virtualService": {"virtualServiceName": "orders.shop.local"}}])),
            node("orders-v1", json!([])),
            node("orders-v2", json!([]))
        ]
    })
}

pub fn config(mesh: Value) -> MeshConfig {
    serde_json::from_value(mesh).expect("a test mesh reads as a MeshConfig")
}

/// Adds `item` to the list `member` of the mesh.
pub fn push(mesh: &mut Value, member: &str, item: Value) {
    mesh[member].as_array_mut().unwrap_or_else(|| panic!("{member} is a list")).push(item);
}
