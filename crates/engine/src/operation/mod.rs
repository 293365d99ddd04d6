//! App Mesh's operations, described once for both front doors (the server's HTTP API and the
//! browser engine): an [`Operation`] is parsed from a request's method, path, query and body
//! into typed inputs, says whether it writes, and runs on an [`Engine`](crate::Engine). The
//! doors only carry bytes in and out and choose the transaction.

mod query;
mod routes;
mod run;
#[cfg(test)]
mod tests;

use crate::MeshAddress;
use crate::engine::sharing::CreateResourceShareInput;
use crate::input::*;
use crate::names::{PageLimit, ResourceName, ServiceName, TagsPageLimit};

pub use routes::{path_segments, query_pairs};

/// One App Mesh call (or one of the RAM calls that share meshes), its inputs parsed: all 38
/// operations of App Mesh's model (`../shared/spec`), and RAM's two.
#[derive(Debug, Clone, PartialEq)]
pub enum Operation {
    ListMeshes { limit: Option<PageLimit>, next_token: Option<String> },
    CreateMesh(CreateMeshInput),
    DescribeMesh(MeshAddress),
    UpdateMesh { name: ResourceName, input: UpdateMeshInput },
    DeleteMesh(ResourceName),

    ListVirtualServices { mesh: MeshAddress, limit: Option<PageLimit>, next_token: Option<String> },
    CreateVirtualService { mesh: MeshAddress, input: CreateVirtualServiceInput },
    DescribeVirtualService { mesh: MeshAddress, name: ServiceName },
    UpdateVirtualService { mesh: MeshAddress, name: ServiceName, input: UpdateVirtualServiceInput },
    DeleteVirtualService { mesh: MeshAddress, name: ServiceName },

    ListVirtualNodes { mesh: MeshAddress, limit: Option<PageLimit>, next_token: Option<String> },
    CreateVirtualNode { mesh: MeshAddress, input: CreateVirtualNodeInput },
    DescribeVirtualNode { mesh: MeshAddress, name: ResourceName },
    UpdateVirtualNode { mesh: MeshAddress, name: ResourceName, input: UpdateVirtualNodeInput },
    DeleteVirtualNode { mesh: MeshAddress, name: ResourceName },

    ListVirtualRouters { mesh: MeshAddress, limit: Option<PageLimit>, next_token: Option<String> },
    CreateVirtualRouter { mesh: MeshAddress, input: CreateVirtualRouterInput },
    DescribeVirtualRouter { mesh: MeshAddress, name: ResourceName },
    UpdateVirtualRouter { mesh: MeshAddress, name: ResourceName, input: UpdateVirtualRouterInput },
    DeleteVirtualRouter { mesh: MeshAddress, name: ResourceName },

    ListVirtualGateways { mesh: MeshAddress, limit: Option<PageLimit>, next_token: Option<String> },
    CreateVirtualGateway { mesh: MeshAddress, input: CreateVirtualGatewayInput },
    DescribeVirtualGateway { mesh: MeshAddress, name: ResourceName },
    UpdateVirtualGateway { mesh: MeshAddress, name: ResourceName, input: UpdateVirtualGatewayInput },
    DeleteVirtualGateway { mesh: MeshAddress, name: ResourceName },

    ListRoutes { mesh: MeshAddress, router: ResourceName, limit: Option<PageLimit>, next_token: Option<String> },
    CreateRoute { mesh: MeshAddress, router: ResourceName, input: CreateRouteInput },
    DescribeRoute { mesh: MeshAddress, router: ResourceName, name: ResourceName },
    UpdateRoute { mesh: MeshAddress, router: ResourceName, name: ResourceName, input: UpdateRouteInput },
    DeleteRoute { mesh: MeshAddress, router: ResourceName, name: ResourceName },

    ListGatewayRoutes { mesh: MeshAddress, gateway: ResourceName, limit: Option<PageLimit>, next_token: Option<String> },
    CreateGatewayRoute { mesh: MeshAddress, gateway: ResourceName, input: CreateGatewayRouteInput },
    DescribeGatewayRoute { mesh: MeshAddress, gateway: ResourceName, name: ResourceName },
    UpdateGatewayRoute { mesh: MeshAddress, gateway: ResourceName, name: ResourceName, input: UpdateGatewayRouteInput },
    DeleteGatewayRoute { mesh: MeshAddress, gateway: ResourceName, name: ResourceName },

    TagResource { arn: String, input: TagResourceInput },
    UntagResource { arn: String, input: UntagResourceInput },
    ListTagsForResource { arn: String, limit: Option<TagsPageLimit>, next_token: Option<String> },

    CreateResourceShare(CreateResourceShareInput),
    DeleteResourceShare { arn: String, client_token: Option<String> },
}

impl Operation {
    /// The operation's name in the App Mesh (or RAM) API.
    pub fn name(&self) -> &'static str {
        match self {
            Self::ListMeshes { .. } => "ListMeshes",
            Self::CreateMesh(_) => "CreateMesh",
            Self::DescribeMesh(_) => "DescribeMesh",
            Self::UpdateMesh { .. } => "UpdateMesh",
            Self::DeleteMesh(_) => "DeleteMesh",
            Self::ListVirtualServices { .. } => "ListVirtualServices",
            Self::CreateVirtualService { .. } => "CreateVirtualService",
            Self::DescribeVirtualService { .. } => "DescribeVirtualService",
            Self::UpdateVirtualService { .. } => "UpdateVirtualService",
            Self::DeleteVirtualService { .. } => "DeleteVirtualService",
            Self::ListVirtualNodes { .. } => "ListVirtualNodes",
            Self::CreateVirtualNode { .. } => "CreateVirtualNode",
            Self::DescribeVirtualNode { .. } => "DescribeVirtualNode",
            Self::UpdateVirtualNode { .. } => "UpdateVirtualNode",
            Self::DeleteVirtualNode { .. } => "DeleteVirtualNode",
            Self::ListVirtualRouters { .. } => "ListVirtualRouters",
            Self::CreateVirtualRouter { .. } => "CreateVirtualRouter",
            Self::DescribeVirtualRouter { .. } => "DescribeVirtualRouter",
            Self::UpdateVirtualRouter { .. } => "UpdateVirtualRouter",
            Self::DeleteVirtualRouter { .. } => "DeleteVirtualRouter",
            Self::ListVirtualGateways { .. } => "ListVirtualGateways",
            Self::CreateVirtualGateway { .. } => "CreateVirtualGateway",
            Self::DescribeVirtualGateway { .. } => "DescribeVirtualGateway",
            Self::UpdateVirtualGateway { .. } => "UpdateVirtualGateway",
            Self::DeleteVirtualGateway { .. } => "DeleteVirtualGateway",
            Self::ListRoutes { .. } => "ListRoutes",
            Self::CreateRoute { .. } => "CreateRoute",
            Self::DescribeRoute { .. } => "DescribeRoute",
            Self::UpdateRoute { .. } => "UpdateRoute",
            Self::DeleteRoute { .. } => "DeleteRoute",
            Self::ListGatewayRoutes { .. } => "ListGatewayRoutes",
            Self::CreateGatewayRoute { .. } => "CreateGatewayRoute",
            Self::DescribeGatewayRoute { .. } => "DescribeGatewayRoute",
            Self::UpdateGatewayRoute { .. } => "UpdateGatewayRoute",
            Self::DeleteGatewayRoute { .. } => "DeleteGatewayRoute",
            Self::TagResource { .. } => "TagResource",
            Self::UntagResource { .. } => "UntagResource",
            Self::ListTagsForResource { .. } => "ListTagsForResource",
            Self::CreateResourceShare(_) => "CreateResourceShare",
            Self::DeleteResourceShare { .. } => "DeleteResourceShare",
        }
    }

    /// Whether the call may change the store: the doors run it in a write transaction (off
    /// the server's async threads, since its commit waits for the disk) or a read one.
    pub fn writes(&self) -> bool {
        !matches!(
            self,
            Self::ListMeshes { .. }
                | Self::DescribeMesh(_)
                | Self::ListVirtualServices { .. }
                | Self::DescribeVirtualService { .. }
                | Self::ListVirtualNodes { .. }
                | Self::DescribeVirtualNode { .. }
                | Self::ListVirtualRouters { .. }
                | Self::DescribeVirtualRouter { .. }
                | Self::ListVirtualGateways { .. }
                | Self::DescribeVirtualGateway { .. }
                | Self::ListRoutes { .. }
                | Self::DescribeRoute { .. }
                | Self::ListGatewayRoutes { .. }
                | Self::DescribeGatewayRoute { .. }
                | Self::ListTagsForResource { .. }
        )
    }
}
