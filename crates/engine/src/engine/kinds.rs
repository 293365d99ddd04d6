//! The App Mesh operations of each kind inside a mesh: the rules every kind shares
//! (`mesh_resources`), with each kind's own about what it names (`references`).

use super::listing::ListedPage;
use super::mesh_resources::*;
use super::*;
use crate::input::*;

/// What a kind lives in, as the generic rules take it: the mesh only, or a named parent.
macro_rules! parent {
    () => {
        &()
    };
    ($parent:ident) => {
        $parent
    };
}

/// The five public operations of one kind: `Create…`, `Describe…`, `Update…`, `Delete…` and
/// `List…`, with the rule its creates and updates check (`check`) and the one its deletes do
/// (`unused`). Routes and gateway routes take their router or gateway (`in …`) after the mesh.
macro_rules! operations {
    (
        $kind:ident $(in $parent:ident)?: $name:ty, $data:ident, $list_output:ident { $items:ident },
        $create:ident($create_input:ident.$name_field:ident), $describe:ident, $update:ident($update_input:ident),
        $delete:ident, $list:ident($list_page:ident), check: $check:expr, unused: $unused:expr $(,)?
    ) => {
        impl<S: Store + ?Sized> Engine<'_, S> {
            pub fn $create(&mut self, mesh: &MeshAddress, $($parent: &ResourceName,)? input: $create_input) -> Result<$data, ApiError> {
                let change = Change::<$kind> {
                    operation: concat!("Create", stringify!($kind)),
                    mesh,
                    parent: parent!($($parent)?),
                    name: &input.$name_field,
                    spec: &input.spec,
                    client_token: input.client_token.as_ref(),
                };
                self.create(change, input.tags.as_ref(), $check)
            }

            pub fn $describe(&mut self, mesh: &MeshAddress, $($parent: &ResourceName,)? name: &$name) -> Result<$data, ApiError> {
                self.describe::<$kind>(mesh, parent!($($parent)?), name)
            }

            pub fn $update(
                &mut self,
                mesh: &MeshAddress,
                $($parent: &ResourceName,)?
                name: &$name,
                input: $update_input,
            ) -> Result<$data, ApiError> {
                let change = Change::<$kind> {
                    operation: concat!("Update", stringify!($kind)),
                    mesh,
                    parent: parent!($($parent)?),
                    name,
                    spec: &input.spec,
                    client_token: input.client_token.as_ref(),
                };
                self.update(change, $check)
            }

            pub fn $delete(&mut self, mesh: &MeshAddress, $($parent: &ResourceName,)? name: &$name) -> Result<$data, ApiError> {
                self.delete::<$kind>(mesh, parent!($($parent)?), name, $unused)
            }

            pub fn $list(
                &mut self,
                mesh: &MeshAddress,
                $($parent: &ResourceName,)?
                limit: Option<PageLimit>,
                next_token: Option<&str>,
            ) -> Result<$list_output, ApiError> {
                let ($items, next_token) = self.list::<$kind>(mesh, parent!($($parent)?), limit, next_token)?;
                Ok($list_output { $items, next_token })
            }

            /// The List answer as App Mesh sends it, its items as stored beside the resources.
            pub fn $list_page(
                &mut self,
                mesh: &MeshAddress,
                $($parent: &ResourceName,)?
                limit: Option<PageLimit>,
                next_token: Option<&str>,
            ) -> Result<ListedPage, ApiError> {
                self.list_page::<$kind>(mesh, parent!($($parent)?), limit, next_token)
            }
        }
    };
}

operations!(
    VirtualService: ServiceName, VirtualServiceData, ListVirtualServicesOutput { virtual_services },
    create_virtual_service(CreateVirtualServiceInput.virtual_service_name), describe_virtual_service,
    update_virtual_service(UpdateVirtualServiceInput), delete_virtual_service, list_virtual_services(list_virtual_services_page),
    check: Self::check_provider_exists,
    unused: Self::check_service_unused,
);

operations!(
    VirtualNode: ResourceName, VirtualNodeData, ListVirtualNodesOutput { virtual_nodes },
    create_virtual_node(CreateVirtualNodeInput.virtual_node_name), describe_virtual_node,
    update_virtual_node(UpdateVirtualNodeInput), delete_virtual_node, list_virtual_nodes(list_virtual_nodes_page),
    check: |_, _, _| Ok(()),
    unused: Self::check_node_unused,
);

operations!(
    VirtualRouter: ResourceName, VirtualRouterData, ListVirtualRoutersOutput { virtual_routers },
    create_virtual_router(CreateVirtualRouterInput.virtual_router_name), describe_virtual_router,
    update_virtual_router(UpdateVirtualRouterInput), delete_virtual_router, list_virtual_routers(list_virtual_routers_page),
    check: |_, _, _| Ok(()),
    unused: Self::check_router_unused,
);

operations!(
    VirtualGateway: ResourceName, VirtualGatewayData, ListVirtualGatewaysOutput { virtual_gateways },
    create_virtual_gateway(CreateVirtualGatewayInput.virtual_gateway_name), describe_virtual_gateway,
    update_virtual_gateway(UpdateVirtualGatewayInput), delete_virtual_gateway, list_virtual_gateways(list_virtual_gateways_page),
    check: |_, _, _| Ok(()),
    unused: Self::check_gateway_unused,
);

operations!(
    Route in router: ResourceName, RouteData, ListRoutesOutput { routes },
    create_route(CreateRouteInput.route_name), describe_route, update_route(UpdateRouteInput), delete_route, list_routes(list_routes_page),
    check: Self::check_target_nodes_exist,
    unused: |_, _, _| Ok(()),
);

operations!(
    GatewayRoute in gateway: ResourceName, GatewayRouteData, ListGatewayRoutesOutput { gateway_routes },
    create_gateway_route(CreateGatewayRouteInput.gateway_route_name), describe_gateway_route,
    update_gateway_route(UpdateGatewayRouteInput), delete_gateway_route, list_gateway_routes(list_gateway_routes_page),
    check: Self::check_target_service_exists,
    unused: |_, _, _| Ok(()),
);
