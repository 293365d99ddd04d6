//! The graph before layout: a box for every resource (and every missing one that is named),
//! in its column, and the edges between them.

use super::EdgeKind;
use crate::checks::{Code, Finding, Severity};
use crate::mesh::{ListenerPort, Mesh, gateway_ports, node_backends, node_ports, router_ports};
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::spec::*;
use std::collections::{BTreeMap, BTreeSet};

/// The columns, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Slot {
    Gateways,
    GatewayRoutes,
    Services,
    Routers,
    Routes,
    Nodes,
    Backends,
}

impl Slot {
    /// The column of a kind's own boxes (the mesh has none).
    fn of(kind: ResourceKind) -> Option<Slot> {
        match kind {
            ResourceKind::Mesh => None,
            ResourceKind::VirtualGateway => Some(Slot::Gateways),
            ResourceKind::GatewayRoute => Some(Slot::GatewayRoutes),
            ResourceKind::VirtualService => Some(Slot::Services),
            ResourceKind::VirtualRouter => Some(Slot::Routers),
            ResourceKind::Route => Some(Slot::Routes),
            ResourceKind::VirtualNode => Some(Slot::Nodes),
        }
    }

    pub fn kind(self) -> ResourceKind {
        match self {
            Slot::Gateways => ResourceKind::VirtualGateway,
            Slot::GatewayRoutes => ResourceKind::GatewayRoute,
            Slot::Services | Slot::Backends => ResourceKind::VirtualService,
            Slot::Routers => ResourceKind::VirtualRouter,
            Slot::Routes => ResourceKind::Route,
            Slot::Nodes => ResourceKind::VirtualNode,
        }
    }
}

pub(super) struct DraftBox {
    pub id: String,
    pub resource: ResourceRef,
    pub slot: Slot,
    pub missing: bool,
    pub detail: Option<String>,
    pub severity: Option<Severity>,
    pub codes: BTreeSet<Code>,
    pub in_focus: bool,
}

pub(super) struct DraftEdge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub share: Option<u8>,
    pub label: Option<String>,
    pub in_focus: bool,
}

pub(super) struct Graph {
    pub boxes: Vec<DraftBox>,
    pub edges: Vec<DraftEdge>,
    by_id: BTreeMap<String, usize>,
}

/// A box's id: `virtualNode/orders-v1`, `route/orders-router/canary`, `backend/orders.local`.
pub(super) fn box_id(resource: &ResourceRef, slot: Slot) -> String {
    let kind = if slot == Slot::Backends { "backend" } else { resource.kind.as_str() };
    match &resource.parent {
        Some(parent) => format!("{kind}/{parent}/{}", resource.name),
        None => format!("{kind}/{}", resource.name),
    }
}

pub(super) fn build(mesh: &Mesh) -> Graph {
    let mut graph = Graph { boxes: Vec::new(), edges: Vec::new(), by_id: BTreeMap::new() };
    let config = mesh.config;
    // Every resource first, so that only what is not in the mesh becomes a missing box.
    let own = |kind, name: &str| ResourceRef::new(kind, name);
    let child = |kind, parent: &str, name: &str| ResourceRef::child(kind, parent, name);
    let resources = (config.virtual_gateways.iter())
        .map(|gateway| (own(ResourceKind::VirtualGateway, gateway.name.as_str()), Some(ports_detail(&gateway_ports(&gateway.spec)))))
        .chain(config.gateway_routes.iter().map(|route| {
            (child(ResourceKind::GatewayRoute, route.parent.as_str(), route.name.as_str()), Some(gateway_route_detail(&route.spec)))
        }))
        .chain(config.virtual_services.iter().map(|service| {
            (own(ResourceKind::VirtualService, service.name.as_str()), service.spec.provider.is_none().then(|| "no provider".to_string()))
        }))
        .chain(
            config
                .virtual_routers
                .iter()
                .map(|router| (own(ResourceKind::VirtualRouter, router.name.as_str()), Some(ports_detail(&router_ports(&router.spec))))),
        )
        .chain(
            config
                .routes
                .iter()
                .map(|route| (child(ResourceKind::Route, route.parent.as_str(), route.name.as_str()), Some(route_detail(&route.spec)))),
        )
        .chain(
            config
                .virtual_nodes
                .iter()
                .map(|node| (own(ResourceKind::VirtualNode, node.name.as_str()), Some(ports_detail(&node_ports(&node.spec))))),
        );
    for (resource, detail) in resources {
        let slot = Slot::of(resource.kind).expect("a resource of the mesh has a column");
        graph.insert(resource, slot, false, detail);
    }

    for route in &config.gateway_routes {
        let me =
            graph.find(&ResourceRef::child(ResourceKind::GatewayRoute, route.parent.as_str(), route.name.as_str()), Slot::GatewayRoutes);
        let gateway = graph.ensure(ResourceRef::new(ResourceKind::VirtualGateway, route.parent.as_str()), Slot::Gateways);
        graph.connect(gateway, me, EdgeKind::GatewayRoute, None, None);
        let service = graph.ensure(ResourceRef::new(ResourceKind::VirtualService, route.spec.target_service().as_str()), Slot::Services);
        let port = crate::mesh::gateway_route_target_port(&route.spec).map(|port| format!("port {port}"));
        graph.connect(me, service, EdgeKind::GatewayTarget, None, port);
    }
    for service in &config.virtual_services {
        let Some(provider) = &service.spec.provider else { continue };
        let me = graph.find(&ResourceRef::new(ResourceKind::VirtualService, service.name.as_str()), Slot::Services);
        let (kind, slot, edge, label) = match provider {
            VirtualServiceProvider::VirtualRouter(_) => (ResourceKind::VirtualRouter, Slot::Routers, EdgeKind::ProviderRouter, "router"),
            VirtualServiceProvider::VirtualNode(_) => (ResourceKind::VirtualNode, Slot::Nodes, EdgeKind::ProviderNode, "node"),
        };
        let provider = graph.ensure(ResourceRef::new(kind, provider.name().as_str()), slot);
        graph.connect(me, provider, edge, None, Some(label.to_string()));
    }
    for route in &config.routes {
        let me = graph.find(&ResourceRef::child(ResourceKind::Route, route.parent.as_str(), route.name.as_str()), Slot::Routes);
        let router = graph.ensure(ResourceRef::new(ResourceKind::VirtualRouter, route.parent.as_str()), Slot::Routers);
        graph.connect(router, me, EdgeKind::RouterRoute, None, None);
        let targets = route.spec.weighted_targets().as_slice();
        let weights: Vec<u8> = targets.iter().map(|target| target.weight.get()).collect();
        for (target, share) in targets.iter().zip(shares(&weights)) {
            let node = graph.ensure(ResourceRef::new(ResourceKind::VirtualNode, target.virtual_node.as_str()), Slot::Nodes);
            let label = match target.port {
                Some(port) => format!("{share}% · port {port}"),
                None => format!("{share}%"),
            };
            graph.connect(me, node, EdgeKind::RouteTarget, Some(share), Some(label));
        }
    }
    for node in &config.virtual_nodes {
        let me = graph.find(&ResourceRef::new(ResourceKind::VirtualNode, node.name.as_str()), Slot::Nodes);
        let services: BTreeSet<&str> = node_backends(&node.spec).map(|backend| backend.virtual_service_name.as_str()).collect();
        for service in services {
            let backend = ResourceRef::new(ResourceKind::VirtualService, service);
            let missing = !mesh.services.contains_key(service);
            let to = graph.find_or_add(backend, Slot::Backends, missing);
            graph.connect(me, to, EdgeKind::Backend, None, None);
        }
    }
    graph
}

impl Graph {
    fn insert(&mut self, resource: ResourceRef, slot: Slot, missing: bool, detail: Option<String>) -> usize {
        let id = box_id(&resource, slot);
        if let Some(&index) = self.by_id.get(&id) {
            return index; // a name defined twice is drawn once
        }
        let detail = if missing { Some("not in the mesh".to_string()) } else { detail };
        self.by_id.insert(id.clone(), self.boxes.len());
        self.boxes.push(DraftBox { id, resource, slot, missing, detail, severity: None, codes: BTreeSet::new(), in_focus: false });
        self.boxes.len() - 1
    }

    fn find(&self, resource: &ResourceRef, slot: Slot) -> usize {
        self.by_id[&box_id(resource, slot)]
    }

    /// The box of a resource another names: a missing box when it is not in the mesh.
    fn ensure(&mut self, resource: ResourceRef, slot: Slot) -> usize {
        self.find_or_add(resource, slot, true)
    }

    fn find_or_add(&mut self, resource: ResourceRef, slot: Slot, missing: bool) -> usize {
        match self.by_id.get(&box_id(&resource, slot)) {
            Some(&index) => index,
            None => {
                let detail = (slot == Slot::Backends).then(|| "backend".to_string());
                self.insert(resource, slot, missing, detail)
            }
        }
    }

    fn connect(&mut self, from: usize, to: usize, kind: EdgeKind, share: Option<u8>, label: Option<String>) {
        self.edges.push(DraftEdge { from, to, kind, share, label, in_focus: false });
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The boxes that stand for a resource: its own, and a service's backend box.
    fn boxes_of(&self, resource: &ResourceRef) -> Vec<usize> {
        let own = Slot::of(resource.kind);
        let backend = (resource.kind == ResourceKind::VirtualService).then_some(Slot::Backends);
        [own, backend].into_iter().flatten().filter_map(|slot| self.index_of(&box_id(resource, slot))).collect()
    }

    /// Marks each box with the findings about the resource it stands for; a missing box also
    /// with the findings that name it.
    pub fn mark_findings(&mut self, findings: &[Finding]) {
        for finding in findings {
            let mut marked = self.boxes_of(&finding.resource);
            for involved in &finding.involves {
                marked.extend(self.boxes_of(involved).into_iter().filter(|index| self.boxes[*index].missing));
            }
            for index in marked {
                let marked = &mut self.boxes[index];
                marked.codes.insert(finding.code);
                marked.severity = Some(marked.severity.map_or(finding.severity, |worst| worst.min(finding.severity)));
            }
        }
    }
}

/// Each weight's share of their sum in whole percent, adding up to exactly 100: the largest
/// remainders get the rounding (a weight of 0 stays 0%).
pub(super) fn shares(weights: &[u8]) -> Vec<u8> {
    let total: u32 = weights.iter().map(|weight| u32::from(*weight)).sum();
    if total == 0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<u32> = weights.iter().map(|weight| u32::from(*weight) * 100).collect();
    let mut shares: Vec<u32> = exact.iter().map(|scaled| scaled / total).collect();
    let mut by_remainder: Vec<usize> = (0..weights.len()).collect();
    by_remainder.sort_by_key(|index| std::cmp::Reverse(exact[*index] % total));
    let left = 100 - shares.iter().sum::<u32>();
    for index in by_remainder.into_iter().take(left as usize) {
        shares[index] += 1;
    }
    shares.into_iter().map(|share| share as u8).collect()
}

fn ports_detail(ports: &[ListenerPort]) -> String {
    if ports.is_empty() {
        return "no listeners".to_string();
    }
    ports.iter().map(ListenerPort::to_string).collect::<Vec<_>>().join(", ")
}

fn route_detail(spec: &RouteSpec) -> String {
    let matched = match &spec.route {
        TypedRoute::Http(route) | TypedRoute::Http2(route) => http_match(route.matcher.prefix.as_deref(), route.matcher.path.as_ref()),
        TypedRoute::Grpc(route) => route.matcher.service_name.as_ref().map(|service| service.to_string()),
        TypedRoute::Tcp(route) => route.matcher.as_ref().and_then(|matcher| matcher.port).map(|port| format!("port {port}")),
    };
    type_and_match(spec.route_type(), matched)
}

fn gateway_route_detail(spec: &GatewayRouteSpec) -> String {
    let matched = match &spec.route {
        TypedGatewayRoute::Http(route) | TypedGatewayRoute::Http2(route) => {
            http_match(route.matcher.prefix.as_deref(), route.matcher.path.as_ref())
        }
        TypedGatewayRoute::Grpc(route) => route.matcher.service_name.as_ref().map(|service| service.to_string()),
    };
    type_and_match(spec.route_type(), matched)
}

fn http_match(prefix: Option<&str>, path: Option<&HttpPathMatch>) -> Option<String> {
    let path =
        path.and_then(|path| path.exact.as_ref().map(|exact| exact.to_string()).or(path.regex.as_ref().map(|regex| format!("~{regex}"))));
    prefix.map(str::to_owned).or(path)
}

fn type_and_match(route_type: RouteType, matched: Option<String>) -> String {
    match matched {
        Some(matched) => format!("{} {matched}", route_type.as_str()),
        None => route_type.as_str().to_string(),
    }
}
