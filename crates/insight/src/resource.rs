//! Which resource a finding or a box is about: its kind, the router or gateway it lives in,
//! and its name.

use mesh_engine::resource::{MeshResourceKind, ProviderKind, RouteKind};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of resource, in the topology's order from left to right (the mesh first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ResourceKind {
    Mesh,
    VirtualGateway,
    GatewayRoute,
    VirtualService,
    VirtualRouter,
    Route,
    VirtualNode,
}

impl ResourceKind {
    /// The kind a resource of this kind lives in: a route's virtual router, a gateway route's
    /// virtual gateway.
    pub fn parent(self) -> Option<ResourceKind> {
        match self {
            Self::Route => Some(Self::VirtualRouter),
            Self::GatewayRoute => Some(Self::VirtualGateway),
            _ => None,
        }
    }

    /// As on the wire and in ARNs: `virtualNode`.
    pub fn as_str(self) -> &'static str {
        match self.in_engine() {
            EngineKind::Mesh => "mesh",
            EngineKind::InMesh(kind) => kind.arn_segment(),
            EngineKind::Child(kind) => kind.arn_segment(),
        }
    }

    /// In a sentence: "virtual node", as the engine says it.
    pub fn noun(self) -> &'static str {
        match self.in_engine() {
            EngineKind::Mesh => "mesh",
            EngineKind::InMesh(kind) => kind.noun(),
            EngineKind::Child(kind) => kind.noun(),
        }
    }

    /// First in a sentence: "Virtual node".
    pub fn title(self) -> &'static str {
        match self.in_engine() {
            EngineKind::Mesh => "Mesh",
            EngineKind::InMesh(kind) => kind.title(),
            EngineKind::Child(kind) => kind.title(),
        }
    }

    fn in_engine(self) -> EngineKind {
        match self {
            Self::Mesh => EngineKind::Mesh,
            Self::VirtualGateway => EngineKind::InMesh(MeshResourceKind::VirtualGateway),
            Self::GatewayRoute => EngineKind::Child(RouteKind::GatewayRoute),
            Self::VirtualService => EngineKind::InMesh(MeshResourceKind::VirtualService),
            Self::VirtualRouter => EngineKind::InMesh(MeshResourceKind::VIRTUAL_ROUTER),
            Self::Route => EngineKind::Child(RouteKind::Route),
            Self::VirtualNode => EngineKind::InMesh(MeshResourceKind::VIRTUAL_NODE),
        }
    }
}

/// The engine's word for each kind, which says how it is named.
enum EngineKind {
    Mesh,
    InMesh(MeshResourceKind),
    Child(RouteKind),
}

impl From<ProviderKind> for ResourceKind {
    fn from(kind: ProviderKind) -> Self {
        match kind {
            ProviderKind::VirtualNode => Self::VirtualNode,
            ProviderKind::VirtualRouter => Self::VirtualRouter,
        }
    }
}

/// One resource of a mesh. `parent` is the virtual router of a route and the virtual gateway
/// of a gateway route; the other kinds have none.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceRef {
    pub kind: ResourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub name: String,
}

impl ResourceRef {
    pub fn new(kind: ResourceKind, name: impl Into<String>) -> Self {
        Self { kind, parent: None, name: name.into() }
    }

    pub fn child(kind: ResourceKind, parent: impl Into<String>, name: impl Into<String>) -> Self {
        Self { kind, parent: Some(parent.into()), name: name.into() }
    }

    /// "Virtual node web", to start a sentence.
    pub fn capitalized(&self) -> String {
        let words = self.to_string();
        format!("{}{}", self.kind.title(), &words[self.kind.noun().len()..])
    }
}

/// "virtual node orders-v1", "route canary of virtual router orders": as messages name it.
impl fmt::Display for ResourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.noun(), self.name)?;
        match (&self.parent, self.kind.parent()) {
            (Some(parent), Some(kind)) => write!(f, " of {} {parent}", kind.noun()),
            _ => Ok(()),
        }
    }
}
