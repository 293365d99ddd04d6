//! The mesh as a directed graph in columns, left to right: virtual gateways → gateway routes
//! → virtual services → virtual routers → routes → virtual nodes → the virtual services the
//! nodes name as backends; laid out for drawing, with each box's findings and the focus on
//! one virtual service.
//!
//! A virtual service is drawn once in its own column and, when nodes name it as a backend,
//! once more in the last column (a backend box that stands for the same service), so that
//! every edge goes left to right. Resources that are named but not in the mesh (a backend
//! naming a missing service, a missing provider or target) are drawn as missing boxes.

mod focus;
mod graph;
mod layout;
mod order;
mod place;

use crate::checks::{Code, Finding, Severity};
use crate::mesh::Mesh;
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::mesh_config::MeshConfig;
use serde::{Deserialize, Serialize};

/// The laid-out graph of one mesh. Coordinates are in pixels, from the top left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Topology {
    /// The columns that hold boxes, left to right.
    pub columns: Vec<Column>,
    /// Column by column, top to bottom: the order for keyboard focus.
    pub boxes: Vec<GraphBox>,
    pub edges: Vec<Edge>,
    pub width: i32,
    pub height: i32,
    /// The virtual service in focus, when it is in the mesh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
}

/// One column: a kind of resource, or the backends (virtual services named by nodes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    pub kind: ResourceKind,
    #[serde(default, skip_serializing_if = "is_false")]
    pub backends: bool,
    pub x: i32,
    pub width: i32,
}

/// A resource's box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphBox {
    /// Unique in the topology and stable across layouts: `virtualNode/orders-v1`,
    /// `route/orders-router/canary`, `backend/orders.local` (names hold no `/`).
    pub id: String,
    /// The resource it stands for (and links to): its kind, parent and name.
    #[serde(flatten)]
    pub resource: ResourceRef,
    /// A virtual service in the backends column.
    #[serde(default, skip_serializing_if = "is_false")]
    pub backend: bool,
    /// Named by another resource but not in the mesh.
    #[serde(default, skip_serializing_if = "is_false")]
    pub missing: bool,
    /// The index of its column in `columns`.
    pub layer: usize,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    /// The first line: the resource's name.
    pub label: String,
    /// The second line: what it listens on, its type and match, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The worst severity among its findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<Code>,
    /// In the focus: the focused service, what it reaches or what reaches it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub in_focus: bool,
}

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EdgeKind {
    /// A virtual gateway to one of its gateway routes.
    GatewayRoute,
    /// A gateway route to the virtual service it targets.
    GatewayTarget,
    /// A virtual service to its provider router.
    ProviderRouter,
    /// A virtual service to its provider node.
    ProviderNode,
    /// A virtual router to one of its routes.
    RouterRoute,
    /// A route to a weighted target, with its share.
    RouteTarget,
    /// A virtual node to a virtual service it names as a backend.
    Backend,
}

/// An edge between two boxes, drawn as a polyline from the right side of `from` to the left
/// side of `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
    /// A route target's share of the route's traffic, in percent (the weights normalised;
    /// a route's shares add up to 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub points: Vec<Point>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub in_focus: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// The topology of a mesh: its graph laid out, each box marked with the findings about it
/// (`findings` as [`crate::checks::run`] gives them), and, when `focus` names a virtual
/// service of the mesh, that service and everything it reaches or that reaches it marked.
pub fn topology(config: &MeshConfig, findings: &[Finding], focus: Option<&str>) -> Topology {
    let mesh = Mesh::new(config);
    let mut graph = graph::build(&mesh);
    graph.mark_findings(findings);
    let focus = focus.filter(|service| mesh.services.contains_key(service));
    if let Some(service) = focus {
        focus::mark(&mut graph, service);
    }
    let mut topology = layout::lay_out(graph);
    topology.focus = focus.map(str::to_owned);
    topology
}

#[cfg(test)]
mod tests;
