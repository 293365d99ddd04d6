//! Running an operation on the engine, and its answer as the JSON body App Mesh sends.

use super::Operation;
use crate::Engine;
use crate::error::ApiError;
use crate::store::Store;
use serde::Serialize;

/// TagResource and UntagResource answer an empty object.
const EMPTY: &str = "{}";

impl Operation {
    /// Runs the call as the engine's caller, and answers the body of its success: serialized
    /// once, straight from the engine's output (a list still decodes only metadata).
    pub fn run<S: Store + ?Sized>(self, engine: &mut Engine<'_, S>) -> Result<String, ApiError> {
        match self {
            Self::ListMeshes { limit, next_token } => json(&engine.list_meshes(limit, next_token.as_deref())?),
            Self::CreateMesh(input) => json(&engine.create_mesh(input)?),
            Self::DescribeMesh(mesh) => json(&engine.describe_mesh(&mesh.name, mesh.owner.as_ref())?),
            Self::UpdateMesh { name, input } => json(&engine.update_mesh(&name, input)?),
            Self::DeleteMesh(name) => json(&engine.delete_mesh(&name)?),

            Self::ListVirtualServices { mesh, limit, next_token } => {
                Ok(engine.list_virtual_services_page(&mesh, limit, next_token.as_deref())?.into_json())
            }
            Self::CreateVirtualService { mesh, input } => json(&engine.create_virtual_service(&mesh, input)?),
            Self::DescribeVirtualService { mesh, name } => json(&engine.describe_virtual_service(&mesh, &name)?),
            Self::UpdateVirtualService { mesh, name, input } => json(&engine.update_virtual_service(&mesh, &name, input)?),
            Self::DeleteVirtualService { mesh, name } => json(&engine.delete_virtual_service(&mesh, &name)?),

            Self::ListVirtualNodes { mesh, limit, next_token } => {
                Ok(engine.list_virtual_nodes_page(&mesh, limit, next_token.as_deref())?.into_json())
            }
            Self::CreateVirtualNode { mesh, input } => json(&engine.create_virtual_node(&mesh, input)?),
            Self::DescribeVirtualNode { mesh, name } => json(&engine.describe_virtual_node(&mesh, &name)?),
            Self::UpdateVirtualNode { mesh, name, input } => json(&engine.update_virtual_node(&mesh, &name, input)?),
            Self::DeleteVirtualNode { mesh, name } => json(&engine.delete_virtual_node(&mesh, &name)?),

            Self::ListVirtualRouters { mesh, limit, next_token } => {
                Ok(engine.list_virtual_routers_page(&mesh, limit, next_token.as_deref())?.into_json())
            }
            Self::CreateVirtualRouter { mesh, input } => json(&engine.create_virtual_router(&mesh, input)?),
            Self::DescribeVirtualRouter { mesh, name } => json(&engine.describe_virtual_router(&mesh, &name)?),
            Self::UpdateVirtualRouter { mesh, name, input } => json(&engine.update_virtual_router(&mesh, &name, input)?),
            Self::DeleteVirtualRouter { mesh, name } => json(&engine.delete_virtual_router(&mesh, &name)?),

            Self::ListVirtualGateways { mesh, limit, next_token } => {
                Ok(engine.list_virtual_gateways_page(&mesh, limit, next_token.as_deref())?.into_json())
            }
            Self::CreateVirtualGateway { mesh, input } => json(&engine.create_virtual_gateway(&mesh, input)?),
            Self::DescribeVirtualGateway { mesh, name } => json(&engine.describe_virtual_gateway(&mesh, &name)?),
            Self::UpdateVirtualGateway { mesh, name, input } => json(&engine.update_virtual_gateway(&mesh, &name, input)?),
            Self::DeleteVirtualGateway { mesh, name } => json(&engine.delete_virtual_gateway(&mesh, &name)?),

            Self::ListRoutes { mesh, router, limit, next_token } => {
                Ok(engine.list_routes_page(&mesh, &router, limit, next_token.as_deref())?.into_json())
            }
            Self::CreateRoute { mesh, router, input } => json(&engine.create_route(&mesh, &router, input)?),
            Self::DescribeRoute { mesh, router, name } => json(&engine.describe_route(&mesh, &router, &name)?),
            Self::UpdateRoute { mesh, router, name, input } => json(&engine.update_route(&mesh, &router, &name, input)?),
            Self::DeleteRoute { mesh, router, name } => json(&engine.delete_route(&mesh, &router, &name)?),

            Self::ListGatewayRoutes { mesh, gateway, limit, next_token } => {
                Ok(engine.list_gateway_routes_page(&mesh, &gateway, limit, next_token.as_deref())?.into_json())
            }
            Self::CreateGatewayRoute { mesh, gateway, input } => json(&engine.create_gateway_route(&mesh, &gateway, input)?),
            Self::DescribeGatewayRoute { mesh, gateway, name } => json(&engine.describe_gateway_route(&mesh, &gateway, &name)?),
            Self::UpdateGatewayRoute { mesh, gateway, name, input } => json(&engine.update_gateway_route(&mesh, &gateway, &name, input)?),
            Self::DeleteGatewayRoute { mesh, gateway, name } => json(&engine.delete_gateway_route(&mesh, &gateway, &name)?),

            Self::TagResource { arn, input } => engine.tag_resource(&arn, input).map(|()| EMPTY.to_owned()),
            Self::UntagResource { arn, input } => engine.untag_resource(&arn, input).map(|()| EMPTY.to_owned()),
            Self::ListTagsForResource { arn, limit, next_token } => {
                json(&engine.list_tags_for_resource(&arn, limit, next_token.as_deref())?)
            }

            Self::CreateResourceShare(input) => json(&engine.create_resource_share(input)?),
            Self::DeleteResourceShare { arn, client_token } => json(&engine.delete_resource_share(&arn, client_token)?),
        }
    }
}

fn json(output: &impl Serialize) -> Result<String, ApiError> {
    serde_json::to_string(output).map_err(|error| ApiError::internal(format!("The answer could not be written: {error}")))
}
