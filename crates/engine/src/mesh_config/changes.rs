//! What applying a configuration to a mesh would do, resource by resource: create it, update
//! it (saying which members differ), or leave it as it is. The preview shows it; the engine's
//! apply carries it out.

use super::{ConfigResource, MeshConfig, ResourceId, ResourceKind};
use crate::resource::TagRef;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ChangeAction {
    Create,
    Update,
    Unchanged,
}

/// One resource of the configuration and what applying it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceChange {
    #[serde(flatten)]
    pub resource: ResourceId,
    pub action: ChangeAction,
    /// For an update: every member that differs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<Difference>,
}

/// A member whose value differs: `spec.provider.virtualNode.virtualNodeName: a → b`. Strings
/// are shown bare, other values as JSON; a member on one side only is `(none)` on the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    pub member: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wanted: Option<String>,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |value: &Option<String>| value.clone().unwrap_or_else(|| "(none)".to_string());
        write!(f, "{}: {} → {}", self.member, shown(&self.current), shown(&self.wanted))
    }
}

impl MeshConfig {
    /// What applying this configuration to the mesh as it is (`None`: no such mesh) does to
    /// each of its resources, in dependency order. The mesh itself is listed only when the
    /// configuration defines it; resources the mesh holds beyond the configuration are kept
    /// and not listed.
    pub fn changes(&self, defines_mesh: bool, current: Option<&MeshConfig>) -> Vec<ResourceChange> {
        let current: BTreeMap<ResourceId, ConfigResource<'_>> =
            current.map(MeshConfig::resources).unwrap_or_default().into_iter().map(|resource| (resource.id.clone(), resource)).collect();
        self.resources()
            .into_iter()
            .filter(|resource| defines_mesh || resource.id.kind != ResourceKind::Mesh)
            .map(|wanted| match current.get(&wanted.id) {
                None => ResourceChange { resource: wanted.id, action: ChangeAction::Create, differences: Vec::new() },
                Some(existing) => {
                    let differences = resource_differences(existing, &wanted);
                    let action = if differences.is_empty() { ChangeAction::Unchanged } else { ChangeAction::Update };
                    ResourceChange { resource: wanted.id, action, differences }
                }
            })
            .collect()
    }
}

/// The members of the spec, then the tags, that differ between two versions of a resource.
pub(crate) fn resource_differences(current: &ConfigResource<'_>, wanted: &ConfigResource<'_>) -> Vec<Difference> {
    let mut differences = spec_differences(&current.spec.to_json(), &wanted.spec.to_json());
    differences.extend(tag_differences(current.tags, wanted.tags));
    differences
}

/// The tags whose value differs, or that only one side has (tags are a set of keys: order is no difference).
pub(crate) fn tag_differences(current: &[TagRef], wanted: &[TagRef]) -> Vec<Difference> {
    let by_key = |tags: &[TagRef]| -> BTreeMap<String, String> {
        tags.iter().map(|tag| (tag.key.as_str().to_string(), tag.value.as_str().to_string())).collect()
    };
    let (current, wanted) = (by_key(current), by_key(wanted));
    let keys: std::collections::BTreeSet<&String> = current.keys().chain(wanted.keys()).collect();
    keys.into_iter()
        .filter(|key| current.get(*key) != wanted.get(*key))
        .map(|key| Difference { member: format!("tags.{key}"), current: current.get(key).cloned(), wanted: wanted.get(key).cloned() })
        .collect()
}

/// The members of two versions of a spec that differ, as `spec.…` paths: what an edit page
/// shows when someone else changed the resource since the page read it.
pub fn spec_differences(current: &Value, wanted: &Value) -> Vec<Difference> {
    let mut differences = Vec::new();
    json_differences("spec".to_string(), Some(current), Some(wanted), &mut differences);
    differences
}

fn json_differences(member: String, current: Option<&Value>, wanted: Option<&Value>, differences: &mut Vec<Difference>) {
    match (current, wanted) {
        (Some(Value::Object(current)), Some(Value::Object(wanted))) => {
            let keys: std::collections::BTreeSet<&String> = current.keys().chain(wanted.keys()).collect();
            for key in keys {
                json_differences(format!("{member}.{key}"), current.get(key), wanted.get(key), differences);
            }
        }
        (Some(Value::Array(current)), Some(Value::Array(wanted))) if current.len() == wanted.len() => {
            for (index, (current, wanted)) in current.iter().zip(wanted).enumerate() {
                json_differences(format!("{member}[{index}]"), Some(current), Some(wanted), differences);
            }
        }
        (current, wanted) if current == wanted => {}
        (current, wanted) => differences.push(Difference { member, current: current.map(shown), wanted: wanted.map(shown) }),
    }
}

fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use serde_json::json;

    fn config(value: Value) -> MeshConfig {
        serde_json::from_value(value).unwrap()
    }

    fn service_by(node: &str) -> Value {
        json!({"meshName": "m", "virtualServices": [{"name": "s", "spec": {"provider": {"virtualNode": {"virtualNodeName": node}}}}]})
    }

    #[test]
    fn everything_is_created_in_a_mesh_that_is_not_there() {
        let wanted =
            config(json!({"meshName": "m", "virtualNodes": [{"name": "a", "spec": {}}], "virtualServices": [{"name": "s", "spec": {}}]}));
        let actions: Vec<(ResourceKind, ChangeAction)> =
            wanted.changes(true, None).into_iter().map(|change| (change.resource.kind, change.action)).collect();
        assert_eq!(
            actions,
            [
                (ResourceKind::Mesh, ChangeAction::Create),
                (ResourceKind::VirtualNode, ChangeAction::Create),
                (ResourceKind::VirtualService, ChangeAction::Create)
            ]
        );
        assert_eq!(wanted.changes(false, None).len(), 2, "a mesh the file does not define is not listed");
    }

    #[test]
    fn a_changed_member_is_an_update_that_names_it() {
        let changes = config(service_by("b")).changes(true, Some(&config(service_by("a"))));
        assert_eq!(changes[0].action, ChangeAction::Unchanged);
        assert_eq!(changes[1].action, ChangeAction::Update);
        let shown: Vec<String> = changes[1].differences.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["spec.provider.virtualNode.virtualNodeName: a → b"]);
    }

    #[test]
    fn members_and_tags_on_one_side_only_are_differences() {
        let current = config(json!({"meshName": "m", "tags": [{"key": "team", "value": "a"}, {"key": "old", "value": "x"}]}));
        let wanted =
            config(json!({"meshName": "m", "spec": {"egressFilter": {"type": "ALLOW_ALL"}}, "tags": [{"key": "team", "value": "b"}]}));
        let shown: Vec<String> = wanted.changes(true, Some(&current))[0].differences.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["spec.egressFilter: (none) → {\"type\":\"ALLOW_ALL\"}", "tags.old: x → (none)", "tags.team: a → b"]);
    }

    #[test]
    fn the_same_configuration_changes_nothing() {
        let same = config(service_by("a"));
        assert!(same.changes(true, Some(&same)).iter().all(|change| change.action == ChangeAction::Unchanged));
    }
}
