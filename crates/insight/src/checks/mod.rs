//! Configuration checks: pure functions over a mesh's configuration that say what is wrong
//! or risky, each finding under a stable code (`AM0101`…) with a severity and an explanation.
//!
//! Codes are grouped by the kind of resource a finding is about, with room in each group:
//! `AM01xx` virtual nodes, `AM02xx` virtual services, `AM03xx` virtual routers, `AM04xx`
//! routes, `AM05xx` virtual gateways, `AM06xx` gateway routes, `AM07xx` the mesh. A code,
//! once published, keeps its meaning; a check that goes away leaves its code unused.

mod children;
mod code;
mod gateway_routes;
mod mesh_wide;
mod routes;
mod sources;
mod timeouts;
mod tls;
mod virtual_gateways;
mod virtual_nodes;
mod virtual_routers;
mod virtual_services;

pub use code::Code;

use crate::mesh::Mesh;
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::mesh_config::MeshConfig;
use serde::{Deserialize, Serialize};

/// How bad a finding is: `error` (traffic fails or App Mesh refuses it), `warning` (traffic
/// likely goes where it should not, or not at all), `info` (worth knowing). Ordered worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Self::Error, Self::Warning, Self::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// One check of the catalogue, as the console's `/checks/{code}` page shows it.
///
/// `why` and `fix` are paragraphs of plain text with one piece of markup: text between
/// backticks is code (a name, a member, a value), to be shown in a monospace font. Nothing
/// else is special, so the console renders them without a Markdown library.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub code: Code,
    pub severity: Severity,
    /// The kind of resource its findings are about.
    pub kind: ResourceKind,
    /// One line: what is wrong.
    pub title: &'static str,
    /// Why it matters to Envoy and App Mesh.
    pub why: &'static [&'static str],
    /// How to fix it.
    pub fix: &'static [&'static str],
    /// Where App Mesh (or the standard the rule comes from) says so.
    pub sources: &'static [Source],
}

/// A document a check rests on.
#[derive(Debug, Serialize)]
pub struct Source {
    pub title: &'static str,
    pub url: &'static str,
}

/// What a check found: one resource, and the others the message names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// One line naming the resources.
    pub message: String,
    /// The resource the finding is about (its details page shows it).
    pub resource: ResourceRef,
    /// The other resources the message names, some of which may not exist (a backend that
    /// names a missing virtual service involves that service).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub involves: Vec<ResourceRef>,
}

impl Finding {
    fn new(code: Code, resource: ResourceRef, message: String) -> Self {
        Self { code, severity: code.check().severity, message, resource, involves: Vec::new() }
    }

    fn involving(mut self, others: impl IntoIterator<Item = ResourceRef>) -> Self {
        self.involves.extend(others);
        self
    }
}

/// Every check of the catalogue, in code order.
pub fn catalogue() -> impl Iterator<Item = &'static Check> {
    GROUPS.iter().flat_map(|group| group.iter())
}

const GROUPS: [&[Check]; 7] = [
    virtual_nodes::CHECKS,
    virtual_services::CHECKS,
    virtual_routers::CHECKS,
    routes::CHECKS,
    virtual_gateways::CHECKS,
    gateway_routes::CHECKS,
    mesh_wide::CHECKS,
];

/// Runs every check over a mesh's configuration: the findings, worst first, then by resource
/// (in the topology's order of kinds, then by name) and code.
pub fn run(config: &MeshConfig) -> Vec<Finding> {
    let mesh = Mesh::new(config);
    let mut findings = Vec::new();
    virtual_nodes::run(&mesh, &mut findings);
    virtual_services::run(&mesh, &mut findings);
    virtual_routers::run(&mesh, &mut findings);
    routes::run(&mesh, &mut findings);
    virtual_gateways::run(&mesh, &mut findings);
    gateway_routes::run(&mesh, &mut findings);
    mesh_wide::run(&mesh, &mut findings);
    findings.sort_by(|a, b| (a.severity, &a.resource, a.code, &a.message).cmp(&(b.severity, &b.resource, b.code, &b.message)));
    findings
}

#[cfg(test)]
mod tests;
