//! What `aws appmesh describe-* --output json` prints — `{"mesh": {…}}`, `{"virtualNode":
//! {…}}`, … — one answer after another, or in a JSON array. Describe answers carry no tags
//! (those come from `list-tags-for-resource`), so none are imported.

use crate::ImportOptions;
use crate::detect::JsonDocument;
use crate::plan::{Draft, Format, Place, Plan, Problem, Skipped, finish, name_member, parent_member};
use mesh_engine::mesh_config::ResourceKind;
use serde_json::Value;

/// The member each describe answer holds its resource in.
const ANSWERS: [(&str, ResourceKind); 7] = [
    ("mesh", ResourceKind::Mesh),
    ("virtualNode", ResourceKind::VirtualNode),
    ("virtualRouter", ResourceKind::VirtualRouter),
    ("route", ResourceKind::Route),
    ("virtualService", ResourceKind::VirtualService),
    ("virtualGateway", ResourceKind::VirtualGateway),
    ("gatewayRoute", ResourceKind::GatewayRoute),
];

fn answer(value: &Value) -> Option<(ResourceKind, &serde_json::Map<String, Value>)> {
    let object = value.as_object().filter(|object| object.len() == 1)?;
    let (key, data) = object.iter().next()?;
    let kind = ANSWERS.iter().find(|(member, _)| member == key)?.1;
    Some((kind, data.as_object()?))
}

pub fn is_dump(value: &Value) -> bool {
    match value {
        Value::Array(items) => !items.is_empty() && items.iter().all(|item| answer(item).is_some()),
        other => answer(other).is_some(),
    }
}

pub fn read(documents: &[JsonDocument], options: &ImportOptions) -> Plan {
    let mut drafts = Vec::new();
    let mut skipped = Vec::new();
    let mut problems = Vec::new();
    let answers = documents.iter().flat_map(|(value, line)| match value {
        Value::Array(items) => items.iter().map(|item| (item, *line)).collect::<Vec<_>>(),
        other => vec![(other, *line)],
    });
    for (index, (value, line)) in answers.enumerate() {
        let Some((kind, data)) = answer(value) else { continue };
        let text = |member: &str| data.get(member).and_then(Value::as_str).map(str::to_string);
        let (Some(mesh), Some(name)) = (text("meshName"), text(name_member(kind))) else {
            let message = format!("answer {}: {} must have its meshName and {}", index + 1, kind.type_name(), name_member(kind));
            problems.push(Problem::new(Some(line), message));
            continue;
        };
        let parent = matches!(kind, ResourceKind::Route | ResourceKind::GatewayRoute).then(|| text(parent_member(kind))).flatten();
        let object = match &parent {
            Some(parent) => format!("{}/{parent}/{name}", kind.type_name()),
            None => format!("{}/{name}", kind.type_name()),
        };
        let place = Place { line: Some(line), document: Some(index), object: Some(object), ..Place::default() };
        if data.get("status").and_then(|status| status.get("status")).and_then(Value::as_str) == Some("DELETED") {
            skipped.push(Skipped { place, kind: kind.type_name().into(), reason: "its status is DELETED".into() });
            continue;
        }
        let mut draft = Draft::new(kind, mesh, name, place, data.get("spec").cloned().unwrap_or(Value::Null));
        draft.parent = parent;
        let owner = data.get("metadata").and_then(|metadata| metadata.get("meshOwner")).and_then(Value::as_str);
        draft.mesh_owner = owner.filter(|owner| *owner != options.account).map(str::to_string);
        drafts.push(draft);
    }
    finish(Format::DescribeDump, drafts, Vec::new(), skipped, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn answers_in_an_array_or_one_after_another_are_resources() {
        let node = json!({"virtualNode": {"meshName": "m", "virtualNodeName": "n", "spec": {"listeners": [{"portMapping": {"port": 8080, "protocol": "http"}}]},
            "metadata": {"meshOwner": "123456789012"}, "status": {"status": "ACTIVE"}}});
        let route = json!({"route": {"meshName": "m", "virtualRouterName": "r", "routeName": "a",
            "spec": {"tcpRoute": {"action": {"weightedTargets": [{"virtualNode": "n", "weight": 1}]}}}, "status": {"status": "ACTIVE"}}});
        let gone = json!({"virtualService": {"meshName": "m", "virtualServiceName": "s", "spec": {}, "status": {"status": "DELETED"}}});
        let plan = read(&[(json!([node, route]), 1), (gone, 9)], &ImportOptions::default());
        assert!(plan.is_ready(), "{:?}", plan.all_problems());
        assert_eq!(plan.resources.len(), 2);
        assert_eq!(plan.resources[1].parent.as_deref(), Some("r"));
        assert_eq!(plan.skipped[0].reason, "its status is DELETED");
        assert!(!plan.meshes[0].defined);
    }

    #[test]
    fn a_shared_meshs_owner_is_kept() {
        let node = json!({"virtualNode": {"meshName": "m", "virtualNodeName": "n", "spec": {}, "metadata": {"meshOwner": "999999999999"}}});
        let plan = read(&[(node, 1)], &ImportOptions::default());
        assert_eq!(plan.meshes[0].owner.as_deref(), Some("999999999999"));
    }
}
