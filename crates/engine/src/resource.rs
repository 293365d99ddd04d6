//! Resource data as App Mesh returns it: metadata, status, the Data and Ref objects of each
//! kind, tags.

use crate::names::*;
use crate::spec::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment, kept in milliseconds; on the wire an epoch-seconds JSON number
/// (`1764134530.123`), the restJson1 default that every SDK parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    pub fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    pub fn as_millis(self) -> i64 {
        self.0
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.0 as f64 / 1000.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let seconds = f64::deserialize(deserializer)?;
        Ok(Self((seconds * 1000.0).round() as i64))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum StatusCode {
    Active,
    Inactive,
    Deleted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceStatus {
    pub status: StatusCode,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceMetadata {
    pub arn: String,
    pub created_at: Timestamp,
    pub last_updated_at: Timestamp,
    pub mesh_owner: AccountId,
    pub resource_owner: AccountId,
    pub uid: String,
    pub version: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagRef {
    pub key: TagKey,
    pub value: TagValue,
}

/// The kinds of resource that live inside a mesh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeshResourceKind {
    VirtualService,
    VirtualNode,
    VirtualRouter,
}

impl MeshResourceKind {
    pub const ALL: [MeshResourceKind; 3] = [Self::VirtualService, Self::VirtualNode, Self::VirtualRouter];

    /// As in ARNs: `…:mesh/m/virtualService/name`.
    pub fn arn_segment(self) -> &'static str {
        match self {
            Self::VirtualService => "virtualService",
            Self::VirtualNode => "virtualNode",
            Self::VirtualRouter => "virtualRouter",
        }
    }

    /// As in App Mesh's messages: `VirtualNode with name n1 …`.
    pub fn type_name(self) -> &'static str {
        match self {
            Self::VirtualService => "VirtualService",
            Self::VirtualNode => "VirtualNode",
            Self::VirtualRouter => "VirtualRouter",
        }
    }

    pub fn from_arn_segment(segment: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.arn_segment() == segment)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshData {
    pub mesh_name: ResourceName,
    pub metadata: ResourceMetadata,
    pub spec: MeshSpec,
    pub status: ResourceStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshRef {
    pub arn: String,
    pub created_at: Timestamp,
    pub last_updated_at: Timestamp,
    pub mesh_name: ResourceName,
    pub mesh_owner: AccountId,
    pub resource_owner: AccountId,
    pub version: u64,
}

macro_rules! mesh_resource_types {
    ($data:ident, $reference:ident, $spec:ty, $name_field:ident: $name_type:ty) => {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $data {
            pub mesh_name: ResourceName,
            pub metadata: ResourceMetadata,
            pub spec: $spec,
            pub status: ResourceStatus,
            pub $name_field: $name_type,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $reference {
            pub arn: String,
            pub created_at: Timestamp,
            pub last_updated_at: Timestamp,
            pub mesh_name: ResourceName,
            pub mesh_owner: AccountId,
            pub resource_owner: AccountId,
            pub version: u64,
            pub $name_field: $name_type,
        }
    };
}

mesh_resource_types!(VirtualServiceData, VirtualServiceRef, VirtualServiceSpec, virtual_service_name: ServiceName);
mesh_resource_types!(VirtualNodeData, VirtualNodeRef, VirtualNodeSpec, virtual_node_name: ResourceName);
mesh_resource_types!(VirtualRouterData, VirtualRouterRef, VirtualRouterSpec, virtual_router_name: ResourceName);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListMeshesOutput {
    pub meshes: Vec<MeshRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListVirtualServicesOutput {
    pub virtual_services: Vec<VirtualServiceRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListVirtualNodesOutput {
    pub virtual_nodes: Vec<VirtualNodeRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListVirtualRoutersOutput {
    pub virtual_routers: Vec<VirtualRouterRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListTagsForResourceOutput {
    pub tags: Vec<TagRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}
