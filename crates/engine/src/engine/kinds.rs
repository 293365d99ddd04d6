//! The App Mesh operations of each kind inside a mesh: the rules every kind shares
//! (`mesh_resources`), with each kind's own about what it names (`references`).

use super::mesh_resources::*;
use super::*;
use crate::input::*;

impl<S: Store + ?Sized> Engine<'_, S> {
    // ------------------------------------------------------------ virtual services

    pub fn create_virtual_service(&mut self, mesh: &MeshAddress, input: CreateVirtualServiceInput) -> Result<VirtualServiceData, ApiError> {
        let change = Change::<VirtualService> {
            operation: "CreateVirtualService",
            mesh,
            parent: &(),
            name: &input.virtual_service_name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.create(change, input.tags.as_ref(), Self::check_provider_exists)
    }

    pub fn describe_virtual_service(&mut self, mesh: &MeshAddress, name: &ServiceName) -> Result<VirtualServiceData, ApiError> {
        self.describe::<VirtualService>(mesh, &(), name)
    }

    pub fn update_virtual_service(
        &mut self,
        mesh: &MeshAddress,
        name: &ServiceName,
        input: UpdateVirtualServiceInput,
    ) -> Result<VirtualServiceData, ApiError> {
        let change = Change::<VirtualService> {
            operation: "UpdateVirtualService",
            mesh,
            parent: &(),
            name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.update(change, Self::check_provider_exists)
    }

    pub fn delete_virtual_service(&mut self, mesh: &MeshAddress, name: &ServiceName) -> Result<VirtualServiceData, ApiError> {
        self.delete::<VirtualService>(mesh, &(), name, Self::check_service_unused)
    }

    pub fn list_virtual_services(
        &mut self,
        mesh: &MeshAddress,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListVirtualServicesOutput, ApiError> {
        let (virtual_services, next_token) = self.list::<VirtualService>(mesh, &(), limit, next_token)?;
        Ok(ListVirtualServicesOutput { virtual_services, next_token })
    }

    // ------------------------------------------------------------ virtual nodes

    pub fn create_virtual_node(&mut self, mesh: &MeshAddress, input: CreateVirtualNodeInput) -> Result<VirtualNodeData, ApiError> {
        let change = Change::<VirtualNode> {
            operation: "CreateVirtualNode",
            mesh,
            parent: &(),
            name: &input.virtual_node_name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.create(change, input.tags.as_ref(), |_, _, _| Ok(()))
    }

    pub fn describe_virtual_node(&mut self, mesh: &MeshAddress, name: &ResourceName) -> Result<VirtualNodeData, ApiError> {
        self.describe::<VirtualNode>(mesh, &(), name)
    }

    pub fn update_virtual_node(
        &mut self,
        mesh: &MeshAddress,
        name: &ResourceName,
        input: UpdateVirtualNodeInput,
    ) -> Result<VirtualNodeData, ApiError> {
        let change = Change::<VirtualNode> {
            operation: "UpdateVirtualNode",
            mesh,
            parent: &(),
            name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.update(change, |_, _, _| Ok(()))
    }

    pub fn delete_virtual_node(&mut self, mesh: &MeshAddress, name: &ResourceName) -> Result<VirtualNodeData, ApiError> {
        self.delete::<VirtualNode>(mesh, &(), name, Self::check_node_unused)
    }

    pub fn list_virtual_nodes(
        &mut self,
        mesh: &MeshAddress,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListVirtualNodesOutput, ApiError> {
        let (virtual_nodes, next_token) = self.list::<VirtualNode>(mesh, &(), limit, next_token)?;
        Ok(ListVirtualNodesOutput { virtual_nodes, next_token })
    }

    // ------------------------------------------------------------ virtual routers

    pub fn create_virtual_router(&mut self, mesh: &MeshAddress, input: CreateVirtualRouterInput) -> Result<VirtualRouterData, ApiError> {
        let change = Change::<VirtualRouter> {
            operation: "CreateVirtualRouter",
            mesh,
            parent: &(),
            name: &input.virtual_router_name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.create(change, input.tags.as_ref(), |_, _, _| Ok(()))
    }

    pub fn describe_virtual_router(&mut self, mesh: &MeshAddress, name: &ResourceName) -> Result<VirtualRouterData, ApiError> {
        self.describe::<VirtualRouter>(mesh, &(), name)
    }

    pub fn update_virtual_router(
        &mut self,
        mesh: &MeshAddress,
        name: &ResourceName,
        input: UpdateVirtualRouterInput,
    ) -> Result<VirtualRouterData, ApiError> {
        let change = Change::<VirtualRouter> {
            operation: "UpdateVirtualRouter",
            mesh,
            parent: &(),
            name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.update(change, |_, _, _| Ok(()))
    }

    pub fn delete_virtual_router(&mut self, mesh: &MeshAddress, name: &ResourceName) -> Result<VirtualRouterData, ApiError> {
        self.delete::<VirtualRouter>(mesh, &(), name, Self::check_router_unused)
    }

    pub fn list_virtual_routers(
        &mut self,
        mesh: &MeshAddress,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListVirtualRoutersOutput, ApiError> {
        let (virtual_routers, next_token) = self.list::<VirtualRouter>(mesh, &(), limit, next_token)?;
        Ok(ListVirtualRoutersOutput { virtual_routers, next_token })
    }

    // ------------------------------------------------------------ virtual gateways

    pub fn create_virtual_gateway(&mut self, mesh: &MeshAddress, input: CreateVirtualGatewayInput) -> Result<VirtualGatewayData, ApiError> {
        let change = Change::<VirtualGateway> {
            operation: "CreateVirtualGateway",
            mesh,
            parent: &(),
            name: &input.virtual_gateway_name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.create(change, input.tags.as_ref(), |_, _, _| Ok(()))
    }

    pub fn describe_virtual_gateway(&mut self, mesh: &MeshAddress, name: &ResourceName) -> Result<VirtualGatewayData, ApiError> {
        self.describe::<VirtualGateway>(mesh, &(), name)
    }

    pub fn update_virtual_gateway(
        &mut self,
        mesh: &MeshAddress,
        name: &ResourceName,
        input: UpdateVirtualGatewayInput,
    ) -> Result<VirtualGatewayData, ApiError> {
        let change = Change::<VirtualGateway> {
            operation: "UpdateVirtualGateway",
            mesh,
            parent: &(),
            name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.update(change, |_, _, _| Ok(()))
    }

    pub fn delete_virtual_gateway(&mut self, mesh: &MeshAddress, name: &ResourceName) -> Result<VirtualGatewayData, ApiError> {
        self.delete::<VirtualGateway>(mesh, &(), name, Self::check_gateway_unused)
    }

    pub fn list_virtual_gateways(
        &mut self,
        mesh: &MeshAddress,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListVirtualGatewaysOutput, ApiError> {
        let (virtual_gateways, next_token) = self.list::<VirtualGateway>(mesh, &(), limit, next_token)?;
        Ok(ListVirtualGatewaysOutput { virtual_gateways, next_token })
    }

    // ------------------------------------------------------------ routes, in a virtual router

    pub fn create_route(&mut self, mesh: &MeshAddress, router: &ResourceName, input: CreateRouteInput) -> Result<RouteData, ApiError> {
        let change = Change::<Route> {
            operation: "CreateRoute",
            mesh,
            parent: router,
            name: &input.route_name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.create(change, input.tags.as_ref(), Self::check_target_nodes_exist)
    }

    pub fn describe_route(&mut self, mesh: &MeshAddress, router: &ResourceName, name: &ResourceName) -> Result<RouteData, ApiError> {
        self.describe::<Route>(mesh, router, name)
    }

    pub fn update_route(
        &mut self,
        mesh: &MeshAddress,
        router: &ResourceName,
        name: &ResourceName,
        input: UpdateRouteInput,
    ) -> Result<RouteData, ApiError> {
        let change = Change::<Route> {
            operation: "UpdateRoute",
            mesh,
            parent: router,
            name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.update(change, Self::check_target_nodes_exist)
    }

    pub fn delete_route(&mut self, mesh: &MeshAddress, router: &ResourceName, name: &ResourceName) -> Result<RouteData, ApiError> {
        self.delete::<Route>(mesh, router, name, |_, _, _| Ok(()))
    }

    pub fn list_routes(
        &mut self,
        mesh: &MeshAddress,
        router: &ResourceName,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListRoutesOutput, ApiError> {
        let (routes, next_token) = self.list::<Route>(mesh, router, limit, next_token)?;
        Ok(ListRoutesOutput { routes, next_token })
    }

    // ------------------------------------------------------------ gateway routes, in a virtual gateway

    pub fn create_gateway_route(
        &mut self,
        mesh: &MeshAddress,
        gateway: &ResourceName,
        input: CreateGatewayRouteInput,
    ) -> Result<GatewayRouteData, ApiError> {
        let change = Change::<GatewayRoute> {
            operation: "CreateGatewayRoute",
            mesh,
            parent: gateway,
            name: &input.gateway_route_name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.create(change, input.tags.as_ref(), Self::check_target_service_exists)
    }

    pub fn describe_gateway_route(
        &mut self,
        mesh: &MeshAddress,
        gateway: &ResourceName,
        name: &ResourceName,
    ) -> Result<GatewayRouteData, ApiError> {
        self.describe::<GatewayRoute>(mesh, gateway, name)
    }

    pub fn update_gateway_route(
        &mut self,
        mesh: &MeshAddress,
        gateway: &ResourceName,
        name: &ResourceName,
        input: UpdateGatewayRouteInput,
    ) -> Result<GatewayRouteData, ApiError> {
        let change = Change::<GatewayRoute> {
            operation: "UpdateGatewayRoute",
            mesh,
            parent: gateway,
            name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.update(change, Self::check_target_service_exists)
    }

    pub fn delete_gateway_route(
        &mut self,
        mesh: &MeshAddress,
        gateway: &ResourceName,
        name: &ResourceName,
    ) -> Result<GatewayRouteData, ApiError> {
        self.delete::<GatewayRoute>(mesh, gateway, name, |_, _, _| Ok(()))
    }

    pub fn list_gateway_routes(
        &mut self,
        mesh: &MeshAddress,
        gateway: &ResourceName,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListGatewayRoutesOutput, ApiError> {
        let (gateway_routes, next_token) = self.list::<GatewayRoute>(mesh, gateway, limit, next_token)?;
        Ok(ListGatewayRoutesOutput { gateway_routes, next_token })
    }
}
