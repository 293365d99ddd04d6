//! What a mesh's configuration says at a glance, computed from a [`MeshConfig`] alone:
//! [`checks`] (what is wrong or risky, each finding with a stable code and an explanation)
//! and [`topology`] (the mesh as a layered graph, laid out for drawing). Pure functions with
//! no clock and no I/O, so the server, the browser engine and the command line run the same
//! ones; every result is serde-serializable in camelCase for the console.
//!
//! [`MeshConfig`]: mesh_engine::mesh_config::MeshConfig

pub mod checks;
mod mesh;
mod resource;
pub mod topology;

pub use checks::{Check, Code, Finding, Severity, run};
pub use resource::{ResourceKind, ResourceRef};
pub use topology::{Topology, topology};

#[cfg(test)]
mod testing;
