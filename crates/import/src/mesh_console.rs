//! The console's own export of a mesh: `{"format": "mesh-console-mesh", "version": 1, "mesh":
//! {…}}`, where `mesh` is the JSON of a `MeshConfig`. Each resource is judged on its own, so a
//! file edited by hand gets every problem at once.

use crate::detect::JsonDocument;
use crate::plan::{Draft, Format, Place, Plan, Problem, finish, section};
use mesh_engine::mesh_config::ResourceKind;
use serde_json::Value;

pub const FORMAT: &str = "mesh-console-mesh";
pub const VERSION: u64 = 1;

/// The `MeshConfig` members that hold resources, with their kind.
fn sections() -> impl Iterator<Item = (&'static str, ResourceKind)> {
    ResourceKind::ALL.into_iter().filter(|kind| *kind != ResourceKind::Mesh).map(|kind| (section(kind), kind))
}

pub fn is_export(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(FORMAT)
}

pub fn read(documents: &[JsonDocument]) -> Plan {
    let mut drafts = Vec::new();
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    for (index, (document, line)) in documents.iter().enumerate() {
        let line = Some(*line);
        if !is_export(document) {
            skipped.push(crate::plan::Skipped {
                place: Place { line, document: Some(index), ..Place::default() },
                kind: "JSON".into(),
                reason: "not a Mesh Console export".into(),
            });
            continue;
        }
        match document.get("version").and_then(Value::as_u64) {
            Some(VERSION) => {}
            Some(newer) if newer > VERSION => {
                problems.push(Problem::new(
                    line,
                    format!("written by a newer Mesh Console (version {newer}); this one reads version {VERSION}"),
                ));
                continue;
            }
            _ => {
                problems.push(Problem::new(line, format!("version: must be {VERSION}")));
                continue;
            }
        }
        let Some(mesh) = document.get("mesh").and_then(Value::as_object) else {
            problems.push(Problem::new(line, "mesh: a mesh's configuration (an object) is required"));
            continue;
        };
        let Some(mesh_name) = mesh.get("meshName").and_then(Value::as_str) else {
            problems.push(Problem::new(line, "mesh.meshName: the mesh's name (a string) is required"));
            continue;
        };
        for key in mesh.keys() {
            if !["meshName", "spec", "tags"].contains(&key.as_str()) && !sections().any(|(section, _)| section == key) {
                problems.push(Problem::new(line, format!("mesh.{key}: not a member of a mesh's configuration")));
            }
        }
        let place = |object: String| Place { line, document: Some(index), object: Some(object), ..Place::default() };
        let mut draft = Draft::new(
            ResourceKind::Mesh,
            mesh_name.to_string(),
            mesh_name.to_string(),
            place(format!("Mesh/{mesh_name}")),
            mesh.get("spec").cloned().unwrap_or_else(|| Value::Object(Default::default())),
        );
        draft.tags = mesh.get("tags").cloned().unwrap_or(Value::Null);
        drafts.push(draft);
        for (section, kind) in sections() {
            let entries = match mesh.get(section) {
                None => continue,
                Some(Value::Array(entries)) => entries,
                Some(_) => {
                    problems.push(Problem::new(line, format!("mesh.{section}: must be a list")));
                    continue;
                }
            };
            for (position, entry) in entries.iter().enumerate() {
                let name = entry.get("name").and_then(Value::as_str);
                let parent = entry.get("parent").and_then(Value::as_str);
                let needs_parent = matches!(kind, ResourceKind::Route | ResourceKind::GatewayRoute);
                let (Some(name), true) = (name, parent.is_some() == needs_parent) else {
                    let wanted = if needs_parent { "name and parent" } else { "name" };
                    problems.push(Problem::new(line, format!("mesh.{section}[{position}]: must have a {wanted} (strings)")));
                    continue;
                };
                let object = match parent {
                    Some(parent) => format!("{}/{parent}/{name}", kind.type_name()),
                    None => format!("{}/{name}", kind.type_name()),
                };
                let spec = entry.get("spec").cloned().unwrap_or(Value::Null);
                let mut draft = Draft::new(kind, mesh_name.to_string(), name.to_string(), place(object), spec);
                draft.parent = parent.map(str::to_string);
                draft.tags = entry.get("tags").cloned().unwrap_or(Value::Null);
                drafts.push(draft);
            }
        }
    }
    finish(Format::MeshConsole, drafts, Vec::new(), skipped, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_export_reads_back_into_its_configuration() {
        let mesh = json!({
            "meshName": "shop",
            "spec": {},
            "tags": [{"key": "team", "value": "a"}],
            "virtualNodes": [{"name": "n", "spec": {}}],
            "routes": [{"parent": "r", "name": "a", "spec": {"tcpRoute": {"action": {"weightedTargets": [{"virtualNode": "n", "weight": 1}]}}}}],
            "virtualRouters": [{"name": "r", "spec": {}}]
        });
        let plan = read(&[(json!({"format": FORMAT, "version": 1, "mesh": mesh}), 1)]);
        assert!(plan.is_ready(), "{:?}", plan.all_problems());
        let configs = plan.mesh_configs().unwrap();
        assert!(configs[0].defines_mesh);
        assert_eq!(serde_json::to_value(&configs[0].config).unwrap(), mesh);
    }

    #[test]
    fn problems_are_placed_per_resource() {
        let mesh = json!({"meshName": "shop", "virtualNodes": [{"name": "n", "spec": {"listeners": [{"portMapping": {"port": 0, "protocol": "http"}}]}}], "extra": 1});
        let plan = read(&[(json!({"format": FORMAT, "version": 1, "mesh": mesh}), 1)]);
        assert_eq!(plan.problems[0].message, "mesh.extra: not a member of a mesh's configuration");
        assert_eq!(plan.resources[1].place.object.as_deref(), Some("VirtualNode/n"));
        assert_eq!(plan.resources[1].problems[0].message, "spec.listeners[0].portMapping.port: must be between 1 and 65535, got 0");
        let newer = read(&[(json!({"format": FORMAT, "version": 2, "mesh": mesh}), 1)]);
        assert!(newer.problems[0].message.starts_with("written by a newer Mesh Console"));
    }
}
