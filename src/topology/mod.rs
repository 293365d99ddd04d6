//! `/meshes/{mesh}/topology`: the mesh as a graph in layers, left to right (gateways, gateway
//! routes, services, routers, routes, nodes, the services nodes send to), laid out by the
//! backend (mesh-insight) and drawn here as SVG; with the same connections as a table.

mod graph;
pub mod page;
