//! Import of a file (CloudFormation, controller manifests, the console's own export, describe
//! dumps): the plan a preview shows, and the apply, all of it in the call's one engine write
//! or nothing.

use crate::run::json;
use mesh_engine::mesh_config::{ChangeAction, Difference, MeshConfig, ResourceChange, ResourceId};
use mesh_engine::names::ResourceName;
use mesh_engine::store::Store;
use mesh_engine::{ApiError, Engine, ErrorKind, MeshAddress};
use mesh_import::{Format, ImportOptions, ImportedMesh, Parameter, Plan, PlannedMesh, PlannedResource, Problem, Skipped};
use mesh_insight::Finding;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The body of an import call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportRequest {
    pub text: String,
    /// A hint to the format (`stack.yaml`, `mesh.json`).
    #[serde(default)]
    pub file_name: Option<String>,
    /// Values for the file's parameters, by name.
    #[serde(default)]
    pub parameters: BTreeMap<String, String>,
    /// CloudFormation's `AWS::StackName`.
    #[serde(default)]
    pub stack_name: Option<String>,
    /// The mesh the import is for (the console's import on a mesh's page): a file that names
    /// another mesh is refused.
    #[serde(default)]
    pub mesh: Option<ResourceName>,
}

/// What the import would do.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ImportPlan {
    format: Option<Format>,
    /// Nothing stands in the way of an apply.
    ready: bool,
    parameters: Vec<Parameter>,
    meshes: Vec<PlannedMesh>,
    resources: Vec<PlannedChange>,
    skipped: Vec<SkippedResource>,
    /// About the file as a whole.
    problems: Vec<Problem>,
    /// The checks' findings on each mesh as it would be after the import.
    checks: Vec<MeshFindings>,
}

/// A resource of the file and what importing it does: `create`, `update` (with what differs)
/// or `unchanged`. A resource with problems is `create` or `update` by whether it exists.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PlannedChange {
    #[serde(flatten)]
    resource: PlannedResource,
    /// Where it is in the file, as a person reads it: `MyNode (line 12)`.
    place_label: String,
    action: ChangeAction,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    differences: Vec<Difference>,
}

impl PlannedChange {
    fn new(resource: PlannedResource, action: ChangeAction, differences: Vec<Difference>) -> Self {
        Self { place_label: resource.place.label(), resource, action, differences }
    }
}

/// A resource the import leaves out, and where it is in the file as a person reads it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SkippedResource {
    #[serde(flatten)]
    skipped: Skipped,
    place_label: String,
}

#[derive(Serialize)]
struct MeshFindings {
    mesh: String,
    findings: Vec<Finding>,
}

/// What the apply did, resource by resource.
#[derive(Serialize)]
struct Applied {
    changes: Vec<AppliedChange>,
}

#[derive(Serialize)]
struct AppliedChange {
    mesh: String,
    #[serde(flatten)]
    change: ResourceChange,
}

pub fn plan<S: Store + ?Sized>(engine: &mut Engine<'_, S>, request: &ImportRequest) -> Result<String, ApiError> {
    let mut plan = read(engine, request);
    // What can be compared is what reads whole: the resources without problems.
    let mut readable = plan.clone();
    readable.resources.retain(|resource| resource.problems.is_empty());
    readable.problems.clear();
    readable.parameters.iter_mut().for_each(|parameter| parameter.missing = false);
    let imported = readable.mesh_configs().unwrap_or_else(|problems| {
        plan.problems.extend(problems.into_iter().map(|problem| Problem::new(None, problem)));
        Vec::new()
    });
    let mut changes: BTreeMap<(String, ResourceId), ResourceChange> = BTreeMap::new();
    let mut existing: BTreeMap<String, Option<MeshConfig>> = BTreeMap::new();
    let mut checks = Vec::new();
    for mesh in &imported {
        let name = mesh.config.mesh_name.to_string();
        let current = match current(engine, mesh) {
            Ok(current) => current,
            Err(error) => {
                plan.problems.push(Problem::new(None, format!("mesh {name}: {}", error.message)));
                continue;
            }
        };
        for change in mesh.config.changes(mesh.defines_mesh, current.as_ref()) {
            changes.insert((name.clone(), change.resource.clone()), change);
        }
        checks.push(MeshFindings { mesh: name.clone(), findings: mesh_insight::run(&merged(current.clone(), mesh)) });
        existing.insert(name, current);
    }
    let ready = plan.is_ready();
    let resources = plan
        .resources
        .into_iter()
        .map(|resource| {
            let id = ResourceId { kind: resource.kind, parent: resource.parent.clone(), name: resource.name.clone() };
            match changes.remove(&(resource.mesh.clone(), id.clone())) {
                Some(change) => PlannedChange::new(resource, change.action, change.differences),
                None => {
                    let exists = existing.get(&resource.mesh).and_then(Option::as_ref).is_some_and(|current| holds(current, &id));
                    let action = if exists { ChangeAction::Update } else { ChangeAction::Create };
                    PlannedChange::new(resource, action, Vec::new())
                }
            }
        })
        .collect();
    json(&ImportPlan {
        format: plan.format,
        ready,
        parameters: plan.parameters,
        meshes: plan.meshes,
        resources,
        skipped: plan.skipped.into_iter().map(|skipped| SkippedResource { place_label: skipped.place.label(), skipped }).collect(),
        problems: plan.problems,
        checks,
    })
}

/// Applies every mesh of the file; the first error stops it and the door keeps nothing.
pub fn apply<S: Store + ?Sized>(engine: &mut Engine<'_, S>, request: &ImportRequest) -> Result<String, ApiError> {
    let plan = read(engine, request);
    let meshes = plan
        .mesh_configs()
        .map_err(|problems| ApiError::bad_request(format!("The file cannot be imported; nothing was changed:\n{}", problems.join("\n"))))?;
    let mut applied = Vec::new();
    for mesh in meshes {
        let name = mesh.config.mesh_name.to_string();
        let changes = engine.apply_mesh_config(&mesh.config, mesh.owner.clone(), mesh.defines_mesh).map_err(|error| {
            ApiError::new(error.kind, format!("The file cannot be imported; nothing was changed:\nmesh {name}: {}", error.message))
        })?;
        applied.extend(changes.into_iter().map(|change| AppliedChange { mesh: name.clone(), change }));
    }
    json(&Applied { changes: applied })
}

/// The file read as the caller's account and the engine's region, held to the request's mesh.
fn read<S: Store + ?Sized>(engine: &Engine<'_, S>, request: &ImportRequest) -> Plan {
    let context = engine.context();
    let defaults = ImportOptions::default();
    let options = ImportOptions {
        file_name: request.file_name.clone(),
        parameters: request.parameters.clone(),
        account: context.caller.to_string(),
        region: context.region.to_string(),
        stack_name: request.stack_name.clone().unwrap_or(defaults.stack_name),
    };
    let mut plan = mesh_import::plan(&request.text, &options);
    if let Some(wanted) = &request.mesh {
        for other in plan.meshes.iter().filter(|mesh| mesh.name != wanted.as_str()) {
            plan.problems.push(Problem::new(None, format!("The file is for mesh {}, and this import is into mesh {wanted}", other.name)));
        }
    }
    plan
}

/// The mesh as it is: `None` when it is missing and the file defines it (a mesh the file only
/// adds to must exist).
fn current<S: Store + ?Sized>(engine: &mut Engine<'_, S>, mesh: &ImportedMesh) -> Result<Option<MeshConfig>, ApiError> {
    let address = MeshAddress::new(mesh.config.mesh_name.clone(), mesh.owner.clone());
    match engine.mesh_config(&address) {
        Ok(current) => Ok(Some(current)),
        Err(error) if error.kind == ErrorKind::NotFoundException && mesh.defines_mesh => Ok(None),
        Err(error) if error.kind == ErrorKind::NotFoundException => {
            Err(ApiError::not_found(format!("{} The file adds to it without defining it, so it must exist first.", error.message)))
        }
        Err(error) => Err(error),
    }
}

fn holds(config: &MeshConfig, id: &ResourceId) -> bool {
    config.resources().iter().any(|resource| &resource.id == id)
}

/// The mesh as it would be after the import: the file's resources replace those of the same
/// name, and what the file does not name is kept.
fn merged(current: Option<MeshConfig>, imported: &ImportedMesh) -> MeshConfig {
    let wanted = &imported.config;
    let mut mesh = current.unwrap_or_else(|| MeshConfig::empty(wanted.mesh_name.clone()));
    if imported.defines_mesh {
        mesh.spec = wanted.spec.clone();
        mesh.tags = wanted.tags.clone();
    }
    replace(&mut mesh.virtual_nodes, &wanted.virtual_nodes, |d| d.name.to_string());
    replace(&mut mesh.virtual_routers, &wanted.virtual_routers, |d| d.name.to_string());
    replace(&mut mesh.routes, &wanted.routes, |d| format!("{}/{}", d.parent, d.name));
    replace(&mut mesh.virtual_services, &wanted.virtual_services, |d| d.name.to_string());
    replace(&mut mesh.virtual_gateways, &wanted.virtual_gateways, |d| d.name.to_string());
    replace(&mut mesh.gateway_routes, &wanted.gateway_routes, |d| format!("{}/{}", d.parent, d.name));
    mesh
}

fn replace<T: Clone>(current: &mut Vec<T>, wanted: &[T], key: impl Fn(&T) -> String) {
    for definition in wanted {
        match current.iter_mut().find(|existing| key(existing) == key(definition)) {
            Some(existing) => *existing = definition.clone(),
            None => current.push(definition.clone()),
        }
    }
}
