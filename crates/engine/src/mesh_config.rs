//! A mesh's whole configuration: the mesh and every resource in it, each by its name, spec
//! and tags. It is what an import reads from a file, what the exports and the configuration
//! checks read, and what the engine applies in one transaction. Its specs are the engine's
//! own types, so a `MeshConfig` cannot hold a spec App Mesh would refuse.

pub(crate) mod changes;

pub use changes::{ChangeAction, Difference, ResourceChange, spec_differences};

use crate::names::{ResourceName, ServiceName};
use crate::resource::{MeshResourceKind, RouteKind, TagRef};
use crate::spec::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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

/// Every kind of resource a configuration holds, in the order they depend on one another:
/// what a resource names is created before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ResourceKind {
    Mesh,
    VirtualNode,
    VirtualRouter,
    Route,
    VirtualService,
    VirtualGateway,
    GatewayRoute,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 7] =
        [Self::Mesh, Self::VirtualNode, Self::VirtualRouter, Self::Route, Self::VirtualService, Self::VirtualGateway, Self::GatewayRoute];

    /// As in App Mesh's messages: `VirtualNode with name n1 …`.
    pub const fn type_name(self) -> &'static str {
        match self {
            Self::Mesh => "Mesh",
            Self::VirtualNode => MeshResourceKind::VIRTUAL_NODE.type_name(),
            Self::VirtualRouter => MeshResourceKind::VIRTUAL_ROUTER.type_name(),
            Self::Route => RouteKind::Route.type_name(),
            Self::VirtualService => MeshResourceKind::VirtualService.type_name(),
            Self::VirtualGateway => MeshResourceKind::VirtualGateway.type_name(),
            Self::GatewayRoute => RouteKind::GatewayRoute.type_name(),
        }
    }
}

/// Which resource of a configuration: its kind, its router or gateway (routes and gateway
/// routes), and its name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ResourceId {
    pub kind: ResourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub name: String,
}

impl std::fmt::Display for ResourceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.parent {
            Some(parent) => write!(f, "{} {parent}/{}", self.kind.type_name(), self.name),
            None => write!(f, "{} {}", self.kind.type_name(), self.name),
        }
    }
}

/// The spec of one resource of a configuration, of its kind's type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ConfigSpec<'a> {
    Mesh(&'a MeshSpec),
    VirtualNode(&'a VirtualNodeSpec),
    VirtualRouter(&'a VirtualRouterSpec),
    Route(&'a RouteSpec),
    VirtualService(&'a VirtualServiceSpec),
    VirtualGateway(&'a VirtualGatewaySpec),
    GatewayRoute(&'a GatewayRouteSpec),
}

impl ConfigSpec<'_> {
    /// The spec as the API's JSON.
    pub fn to_json(self) -> Value {
        let json = match self {
            Self::Mesh(spec) => serde_json::to_value(spec),
            Self::VirtualNode(spec) => serde_json::to_value(spec),
            Self::VirtualRouter(spec) => serde_json::to_value(spec),
            Self::Route(spec) => serde_json::to_value(spec),
            Self::VirtualService(spec) => serde_json::to_value(spec),
            Self::VirtualGateway(spec) => serde_json::to_value(spec),
            Self::GatewayRoute(spec) => serde_json::to_value(spec),
        };
        json.expect("a spec always serializes")
    }
}

/// One resource of a configuration, seen the same way whatever its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigResource<'a> {
    pub id: ResourceId,
    pub spec: ConfigSpec<'a>,
    pub tags: &'a [TagRef],
}

impl MeshConfig {
    /// The mesh and every resource in it, in dependency order (see [`ResourceKind`]).
    pub fn resources(&self) -> Vec<ConfigResource<'_>> {
        fn top<'a, N: ToString, S>(
            kind: ResourceKind,
            definitions: &'a [Definition<N, S>],
            spec: impl Fn(&'a S) -> ConfigSpec<'a>,
        ) -> impl Iterator<Item = ConfigResource<'a>> {
            definitions.iter().map(move |definition| ConfigResource {
                id: ResourceId { kind, parent: None, name: definition.name.to_string() },
                spec: spec(&definition.spec),
                tags: &definition.tags,
            })
        }
        fn child<'a, S>(
            kind: ResourceKind,
            definitions: &'a [ChildDefinition<S>],
            spec: impl Fn(&'a S) -> ConfigSpec<'a>,
        ) -> impl Iterator<Item = ConfigResource<'a>> {
            definitions.iter().map(move |definition| ConfigResource {
                id: ResourceId { kind, parent: Some(definition.parent.to_string()), name: definition.name.to_string() },
                spec: spec(&definition.spec),
                tags: &definition.tags,
            })
        }
        let mesh = ConfigResource {
            id: ResourceId { kind: ResourceKind::Mesh, parent: None, name: self.mesh_name.to_string() },
            spec: ConfigSpec::Mesh(&self.spec),
            tags: &self.tags,
        };
        std::iter::once(mesh)
            .chain(top(ResourceKind::VirtualNode, &self.virtual_nodes, ConfigSpec::VirtualNode))
            .chain(top(ResourceKind::VirtualRouter, &self.virtual_routers, ConfigSpec::VirtualRouter))
            .chain(child(ResourceKind::Route, &self.routes, ConfigSpec::Route))
            .chain(top(ResourceKind::VirtualService, &self.virtual_services, ConfigSpec::VirtualService))
            .chain(top(ResourceKind::VirtualGateway, &self.virtual_gateways, ConfigSpec::VirtualGateway))
            .chain(child(ResourceKind::GatewayRoute, &self.gateway_routes, ConfigSpec::GatewayRoute))
            .collect()
    }

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
