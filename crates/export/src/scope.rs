//! What an export covers: the whole mesh, or one resource of it (the same formats over a
//! [`MeshConfig`] that holds only that resource, without the mesh itself).

use mesh_engine::mesh_config::MeshConfig;
use serde::{Deserialize, Serialize};

/// Whether the export creates the mesh itself, or only resources in a mesh that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scope {
    pub include_mesh: bool,
}

impl Scope {
    pub fn mesh() -> Self {
        Self { include_mesh: true }
    }

    pub fn resource() -> Self {
        Self { include_mesh: false }
    }
}

/// The kinds of App Mesh resource, as the API's members name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// In a sentence: "virtual node".
    pub fn noun(self) -> &'static str {
        match self {
            Self::Mesh => "mesh",
            Self::VirtualNode => "virtual node",
            Self::VirtualRouter => "virtual router",
            Self::Route => "route",
            Self::VirtualService => "virtual service",
            Self::VirtualGateway => "virtual gateway",
            Self::GatewayRoute => "gateway route",
        }
    }
}

/// One resource of a mesh: its kind, its name, and for a route or gateway route the router or
/// gateway it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceSelector {
    pub kind: ResourceKind,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

impl ResourceSelector {
    /// Every resource of the configuration, the mesh first, in dependency order.
    pub fn all_in(config: &MeshConfig) -> Vec<ResourceSelector> {
        let own = |kind: ResourceKind, name: &dyn std::fmt::Display| ResourceSelector { kind, name: name.to_string(), parent: None };
        let child = |kind: ResourceKind, parent: &dyn std::fmt::Display, name: &dyn std::fmt::Display| ResourceSelector {
            kind,
            name: name.to_string(),
            parent: Some(parent.to_string()),
        };
        let mut all = vec![own(ResourceKind::Mesh, &config.mesh_name)];
        all.extend(config.virtual_nodes.iter().map(|d| own(ResourceKind::VirtualNode, &d.name)));
        all.extend(config.virtual_routers.iter().map(|d| own(ResourceKind::VirtualRouter, &d.name)));
        all.extend(config.routes.iter().map(|d| child(ResourceKind::Route, &d.parent, &d.name)));
        all.extend(config.virtual_services.iter().map(|d| own(ResourceKind::VirtualService, &d.name)));
        all.extend(config.virtual_gateways.iter().map(|d| own(ResourceKind::VirtualGateway, &d.name)));
        all.extend(config.gateway_routes.iter().map(|d| child(ResourceKind::GatewayRoute, &d.parent, &d.name)));
        all
    }

    /// The resource in a file name: `router-route` for a route, its name otherwise.
    pub(crate) fn file_name_part(&self) -> String {
        match &self.parent {
            Some(parent) => format!("{parent}-{}", self.name),
            None => self.name.clone(),
        }
    }
}

/// The configuration holding only `resource` (for the mesh: only its spec and tags).
pub(crate) fn only(config: &MeshConfig, resource: &ResourceSelector) -> Option<MeshConfig> {
    let mut only = MeshConfig::empty(config.mesh_name.clone());
    let named = |name: &str| name == resource.name;
    let in_parent = |parent: &str, name: &str| Some(parent) == resource.parent.as_deref() && named(name);
    match resource.kind {
        ResourceKind::Mesh => {
            if !named(config.mesh_name.as_str()) {
                return None;
            }
            only.spec = config.spec.clone();
            only.tags = config.tags.clone();
        }
        ResourceKind::VirtualNode => only.virtual_nodes = config.virtual_nodes.iter().filter(|d| named(d.name.as_str())).cloned().collect(),
        ResourceKind::VirtualRouter => {
            only.virtual_routers = config.virtual_routers.iter().filter(|d| named(d.name.as_str())).cloned().collect()
        }
        ResourceKind::Route => {
            only.routes = config.routes.iter().filter(|d| in_parent(d.parent.as_str(), d.name.as_str())).cloned().collect()
        }
        ResourceKind::VirtualService => {
            only.virtual_services = config.virtual_services.iter().filter(|d| named(d.name.as_str())).cloned().collect()
        }
        ResourceKind::VirtualGateway => {
            only.virtual_gateways = config.virtual_gateways.iter().filter(|d| named(d.name.as_str())).cloned().collect()
        }
        ResourceKind::GatewayRoute => {
            only.gateway_routes = config.gateway_routes.iter().filter(|d| in_parent(d.parent.as_str(), d.name.as_str())).cloned().collect()
        }
    }
    let found = resource.kind == ResourceKind::Mesh
        || !(only.virtual_nodes.is_empty()
            && only.virtual_routers.is_empty()
            && only.routes.is_empty()
            && only.virtual_services.is_empty()
            && only.virtual_gateways.is_empty()
            && only.gateway_routes.is_empty());
    found.then_some(only)
}
