//! Checks of the mesh as a whole (`AM07xx`).

use super::{Check, Code, Finding, Severity, sources};
use crate::mesh::{Mesh, node_backends};
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::spec::EgressFilterType;

pub(super) const CHECKS: &[Check] = &[Check {
    code: Code::DropAllWithoutBackends,
    severity: Severity::Warning,
    kind: ResourceKind::Mesh,
    title: "Egress is DROP_ALL and no virtual node names a backend",
    why: &[
        "With the egress filter `DROP_ALL` (App Mesh's default), a node's Envoy forwards the app's outbound traffic only to the virtual services the node names as backends (and to `*.amazonaws.com`). When no node names any backend, no app in the mesh can call another through the mesh: every call between services is dropped.",
    ],
    fix: &[
        "Add to each virtual node, as backends, the virtual services its app calls. Set egress to `ALLOW_ALL` only if apps must also reach destinations outside the mesh.",
    ],
    sources: &[sources::API_EGRESS_FILTER, sources::CONNECTIVITY],
}];

pub(super) fn run(mesh: &Mesh, findings: &mut Vec<Finding>) {
    let nodes = &mesh.config.virtual_nodes;
    if mesh.egress() == EgressFilterType::DropAll
        && !nodes.is_empty()
        && nodes.iter().all(|node| node_backends(&node.spec).next().is_none())
    {
        let name = &mesh.config.mesh_name;
        let message = format!(
            "Mesh {name} drops all egress but to named backends, and none of its {} virtual nodes names a backend: no app in it can call another.",
            nodes.len()
        );
        findings.push(Finding::new(Code::DropAllWithoutBackends, ResourceRef::new(ResourceKind::Mesh, name.as_str()), message));
    }
}
