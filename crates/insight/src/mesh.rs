//! A mesh's configuration with the lookups the checks and the topology share: each resource
//! by name, a router's routes, a gateway's gateway routes, what listens behind a service.

use mesh_engine::mesh_config::{ChildDefinition, MeshConfig};
use mesh_engine::names::PortNumber;
use mesh_engine::spec::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub(crate) struct Mesh<'a> {
    pub config: &'a MeshConfig,
    pub nodes: BTreeMap<&'a str, &'a VirtualNodeSpec>,
    pub routers: BTreeMap<&'a str, &'a VirtualRouterSpec>,
    pub services: BTreeMap<&'a str, &'a VirtualServiceSpec>,
    pub gateways: BTreeMap<&'a str, &'a VirtualGatewaySpec>,
}

impl<'a> Mesh<'a> {
    pub fn new(config: &'a MeshConfig) -> Self {
        Self {
            config,
            nodes: config.virtual_nodes.iter().map(|node| (node.name.as_str(), &node.spec)).collect(),
            routers: config.virtual_routers.iter().map(|router| (router.name.as_str(), &router.spec)).collect(),
            services: config.virtual_services.iter().map(|service| (service.name.as_str(), &service.spec)).collect(),
            gateways: config.virtual_gateways.iter().map(|gateway| (gateway.name.as_str(), &gateway.spec)).collect(),
        }
    }

    pub fn routes_of(&self, router: &str) -> impl Iterator<Item = &'a ChildDefinition<RouteSpec>> {
        self.config.routes.iter().filter(move |route| route.parent.as_str() == router)
    }

    pub fn gateway_routes_of(&self, gateway: &str) -> impl Iterator<Item = &'a ChildDefinition<GatewayRouteSpec>> {
        self.config.gateway_routes.iter().filter(move |route| route.parent.as_str() == gateway)
    }

    /// The provider of a service that is in the mesh and has one.
    pub fn provider_of(&self, service: &str) -> Option<&'a VirtualServiceProvider> {
        self.services.get(service)?.provider.as_ref()
    }

    /// What the provider of a service listens on, when the service, its provider and the
    /// provider's resource all exist.
    pub fn provider_listeners(&self, service: &str) -> Option<Vec<ListenerPort>> {
        match self.provider_of(service)? {
            VirtualServiceProvider::VirtualNode(node) => Some(node_ports(self.nodes.get(node.virtual_node_name.as_str())?)),
            VirtualServiceProvider::VirtualRouter(router) => Some(router_ports(self.routers.get(router.virtual_router_name.as_str())?)),
        }
    }

    /// The virtual nodes (that exist) whose tasks answer a service's requests: its provider
    /// node, or every node its provider router's routes send traffic to.
    pub fn serving_nodes(&self, service: &str) -> BTreeSet<&'a str> {
        let exists = |name: &'a str| self.nodes.contains_key(name).then_some(name);
        match self.provider_of(service) {
            Some(VirtualServiceProvider::VirtualNode(node)) => exists(node.virtual_node_name.as_str()).into_iter().collect(),
            Some(VirtualServiceProvider::VirtualRouter(router)) => self
                .routes_of(router.virtual_router_name.as_str())
                .flat_map(|route| route.spec.weighted_targets().as_slice())
                .filter_map(|target| exists(target.virtual_node.as_str()))
                .collect(),
            None => BTreeSet::new(),
        }
    }

    /// The mesh's egress filter: `DROP_ALL` unless it says `ALLOW_ALL` (App Mesh's default).
    pub fn egress(&self) -> EgressFilterType {
        self.config.spec.egress_filter.as_ref().map_or(EgressFilterType::DropAll, |filter| filter.kind)
    }
}

/// A listener's port and protocol, whatever listens; the protocol as the route type that
/// can use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListenerPort {
    pub port: u16,
    pub protocol: RouteType,
}

impl fmt::Display for ListenerPort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.protocol.as_str(), self.port)
    }
}

/// "http:8080 and tcp:5432", for messages.
pub(crate) fn describe_ports(ports: &[ListenerPort]) -> String {
    let words: Vec<String> = ports.iter().map(ListenerPort::to_string).collect();
    and_list(&words)
}

/// "a", "a and b", "a, b and c".
pub(crate) fn and_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(crate) fn route_type(protocol: PortProtocol) -> RouteType {
    match protocol {
        PortProtocol::Http => RouteType::Http,
        PortProtocol::Http2 => RouteType::Http2,
        PortProtocol::Grpc => RouteType::Grpc,
        PortProtocol::Tcp => RouteType::Tcp,
    }
}

fn gateway_route_type(protocol: VirtualGatewayPortProtocol) -> RouteType {
    match protocol {
        VirtualGatewayPortProtocol::Http => RouteType::Http,
        VirtualGatewayPortProtocol::Http2 => RouteType::Http2,
        VirtualGatewayPortProtocol::Grpc => RouteType::Grpc,
    }
}

pub(crate) fn port_of(mapping: &PortMapping) -> ListenerPort {
    ListenerPort { port: mapping.port.get(), protocol: route_type(mapping.protocol) }
}

pub(crate) fn node_listeners(spec: &VirtualNodeSpec) -> &[Listener] {
    spec.listeners.as_deref().unwrap_or_default()
}

pub(crate) fn node_ports(spec: &VirtualNodeSpec) -> Vec<ListenerPort> {
    node_listeners(spec).iter().map(|listener| port_of(&listener.port_mapping)).collect()
}

pub(crate) fn router_ports(spec: &VirtualRouterSpec) -> Vec<ListenerPort> {
    spec.listeners.as_deref().unwrap_or_default().iter().map(|listener| port_of(&listener.port_mapping)).collect()
}

pub(crate) fn gateway_ports(spec: &VirtualGatewaySpec) -> Vec<ListenerPort> {
    let port =
        |mapping: &VirtualGatewayPortMapping| ListenerPort { port: mapping.port.get(), protocol: gateway_route_type(mapping.protocol) };
    spec.listeners.iter().map(|listener| port(&listener.port_mapping)).collect()
}

pub(crate) fn node_backends(spec: &VirtualNodeSpec) -> impl Iterator<Item = &VirtualServiceBackend> {
    spec.backends.as_deref().unwrap_or_default().iter().map(|Backend::VirtualService(backend)| backend)
}

/// The port a route matches on, whatever its type.
pub(crate) fn route_match_port(spec: &RouteSpec) -> Option<u16> {
    let port = match &spec.route {
        TypedRoute::Http(route) | TypedRoute::Http2(route) => route.matcher.port,
        TypedRoute::Grpc(route) => route.matcher.port,
        TypedRoute::Tcp(route) => route.matcher.as_ref().and_then(|matcher| matcher.port),
    };
    port.map(PortNumber::get)
}

/// The port a gateway route matches on, whatever its type.
pub(crate) fn gateway_route_match_port(spec: &GatewayRouteSpec) -> Option<u16> {
    let port = match &spec.route {
        TypedGatewayRoute::Http(route) | TypedGatewayRoute::Http2(route) => route.matcher.port,
        TypedGatewayRoute::Grpc(route) => route.matcher.port,
    };
    port.map(PortNumber::get)
}

/// The provider port a gateway route sends to, when it names one.
pub(crate) fn gateway_route_target_port(spec: &GatewayRouteSpec) -> Option<u16> {
    let target = match &spec.route {
        TypedGatewayRoute::Http(route) | TypedGatewayRoute::Http2(route) => &route.action.target,
        TypedGatewayRoute::Grpc(route) => &route.action.target,
    };
    target.port.map(PortNumber::get)
}
