//! A mesh's whole configuration: the mesh and every resource in it, each by its name, spec
//! and tags. It is what an import reads from a file, what the exports and the configuration
//! checks read, and what the engine applies in one transaction. Its specs are the engine's
//! own types, so a `MeshConfig` cannot hold a spec App Mesh would refuse.

use crate::names::{ResourceName, ServiceName};
use crate::resource::TagRef;
use crate::spec::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshConfig {
    pub mesh_name: ResourceName,
    #[serde(default)]
    pub spec: MeshSpec,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<TagRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub virtual_nodes: Vec<Definition<ResourceName, VirtualNodeSpec>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub virtual_routers: Vec<Definition<ResourceName, VirtualRouterSpec>>,
    /// Each in the virtual router its `parent` names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<ChildDefinition<RouteSpec>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub virtual_services: Vec<Definition<ServiceName, VirtualServiceSpec>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub virtual_gateways: Vec<Definition<ResourceName, VirtualGatewaySpec>>,
    /// Each in the virtual gateway its `parent` names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gateway_routes: Vec<ChildDefinition<GatewayRouteSpec>>,
}

/// A resource of the mesh itself: a virtual node, router, service or gateway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Definition<N, S> {
    pub name: N,
    pub spec: S,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<TagRef>,
}

/// A resource that lives inside another: a route in its virtual router, a gateway route in
/// its virtual gateway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildDefinition<S> {
    pub parent: ResourceName,
    pub name: ResourceName,
    pub spec: S,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<TagRef>,
}

impl MeshConfig {
    /// A mesh with its spec and nothing in it yet.
    pub fn empty(mesh_name: ResourceName) -> Self {
        Self {
            mesh_name,
            spec: MeshSpec::default(),
            tags: Vec::new(),
            virtual_nodes: Vec::new(),
            virtual_routers: Vec::new(),
            routes: Vec::new(),
            virtual_services: Vec::new(),
            virtual_gateways: Vec::new(),
            gateway_routes: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use serde_json::json;

    #[test]
    fn a_config_reads_from_json_with_its_specs_checked() {
        let config: MeshConfig = serde_json::from_value(json!({
            "meshName": "m",
            "virtualNodes": [{"name": "n", "spec": {"listeners": [{"portMapping": {"port": 80, "protocol": "http"}}]}}],
            "routes": [{"parent": "r", "name": "a", "spec": {"httpRoute": {
                "match": {"prefix": "/"},
                "action": {"weightedTargets": [{"virtualNode": "n", "weight": 1}]}}}}],
        }))
        .unwrap();
        assert_eq!(config.virtual_nodes[0].name.as_str(), "n");
        assert_eq!(config.routes[0].parent.as_str(), "r");
        let refused = serde_json::from_value::<MeshConfig>(json!({
            "meshName": "m",
            "virtualNodes": [{"name": "n", "spec": {"listeners": [{"portMapping": {"port": 70000, "protocol": "http"}}]}}],
        }));
        assert!(refused.is_err());
    }
}
