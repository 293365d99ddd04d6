//! The configuration checks and the topology of a mesh, as the engine holds it.

use crate::run::json;
use mesh_engine::names::ServiceName;
use mesh_engine::store::Store;
use mesh_engine::{ApiError, Engine, MeshAddress};
use mesh_insight::checks::catalogue;
use mesh_insight::{Code, Finding, ResourceKind, Severity};
use serde::Serialize;

#[derive(Serialize)]
struct Findings {
    findings: Vec<Finding>,
}

pub fn findings<S: Store + ?Sized>(engine: &mut Engine<'_, S>, mesh: &MeshAddress) -> Result<String, ApiError> {
    let config = engine.mesh_config(mesh)?;
    json(&Findings { findings: mesh_insight::run(&config) })
}

/// A check as the catalogue lists it; its explanation is on its own call.
#[derive(Serialize)]
struct Listed {
    code: Code,
    severity: Severity,
    kind: ResourceKind,
    title: &'static str,
}

#[derive(Serialize)]
struct Catalogue {
    checks: Vec<Listed>,
}

pub fn checks() -> Result<String, ApiError> {
    let checks = catalogue().map(|check| Listed { code: check.code, severity: check.severity, kind: check.kind, title: check.title });
    json(&Catalogue { checks: checks.collect() })
}

pub fn check(code: Code) -> Result<String, ApiError> {
    json(code.check())
}

pub fn topology<S: Store + ?Sized>(
    engine: &mut Engine<'_, S>,
    mesh: &MeshAddress,
    focus: Option<&ServiceName>,
) -> Result<String, ApiError> {
    let config = engine.mesh_config(mesh)?;
    let findings = mesh_insight::run(&config);
    json(&mesh_insight::topology(&config, &findings, focus.map(ServiceName::as_str)))
}
