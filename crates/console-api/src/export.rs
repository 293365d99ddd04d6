//! Exports of a mesh as the engine holds it, of one of its resources, and of a virtual service
//! before it is created (the wizard's review).

use crate::date::utc_date;
use crate::run::json;
use mesh_engine::input::CreateVirtualServiceInput;
use mesh_engine::mesh_config::{Definition, MeshConfig};
use mesh_engine::store::Store;
use mesh_engine::{ApiError, Engine, MeshAddress};
use mesh_export::{ExportContext, Format, ResourceKind, ResourceSelector, export_mesh, export_resource};

/// What an export covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportTarget {
    Mesh,
    Resource(ResourceSelector),
}

pub fn export<S: Store + ?Sized>(
    engine: &mut Engine<'_, S>,
    mesh: &MeshAddress,
    format: Format,
    target: &ExportTarget,
) -> Result<String, ApiError> {
    let config = engine.mesh_config(mesh)?;
    let context = export_context(engine, mesh);
    match target {
        ExportTarget::Mesh => json(&export_mesh(&config, format, &context)),
        ExportTarget::Resource(resource) => match export_resource(&config, resource, format, &context) {
            Some(export) => json(&export),
            None => Err(ApiError::not_found(format!("{} in mesh {}", missing(resource), config.mesh_name))),
        },
    }
}

/// The service as its create request describes it, alone in its mesh (which must be one the
/// caller sees); nothing is written.
pub fn preview_virtual_service<S: Store + ?Sized>(
    engine: &mut Engine<'_, S>,
    mesh: &MeshAddress,
    format: Format,
    input: CreateVirtualServiceInput,
) -> Result<String, ApiError> {
    engine.describe_mesh(&mesh.name, mesh.owner.as_ref())?;
    let selector = ResourceSelector { kind: ResourceKind::VirtualService, name: input.virtual_service_name.to_string(), parent: None };
    let mut config = MeshConfig::empty(mesh.name.clone());
    let tags = input.tags.map(Into::into).unwrap_or_default();
    config.virtual_services.push(Definition { name: input.virtual_service_name, spec: input.spec, tags });
    let context = export_context(engine, mesh);
    let export = export_resource(&config, &selector, format, &context).ok_or_else(|| ApiError::internal("The preview lost its service"))?;
    json(&export)
}

/// The mesh's region and account (its owner's, for the ARNs it names), and today.
fn export_context<S: Store + ?Sized>(engine: &Engine<'_, S>, mesh: &MeshAddress) -> ExportContext {
    let context = engine.context();
    let account = mesh.owner.clone().unwrap_or_else(|| context.caller.clone());
    ExportContext { region: context.region.clone(), account, date: utc_date(context.now) }
}

/// "Virtual node web not found", "Route api of virtual router orders not found".
fn missing(resource: &ResourceSelector) -> String {
    let noun = resource.kind.noun();
    let mut text = format!("{}{} {}", noun[..1].to_uppercase(), &noun[1..], resource.name);
    if let Some(parent) = &resource.parent {
        let holder = if resource.kind == ResourceKind::GatewayRoute { "virtual gateway" } else { "virtual router" };
        text.push_str(&format!(" of {holder} {parent}"));
    }
    text.push_str(" not found");
    text
}
