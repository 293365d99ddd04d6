//! The migration report: for every App Mesh setting the mesh uses, what it became in the
//! target (object and field), or why the target cannot say it. Nothing is dropped silently:
//! a setting no translation accounted for is listed as not translated.

use crate::scope::ResourceKind;
use mesh_engine::mesh_config::MeshConfig;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MigrationReport {
    /// `gateway-api` or `istio`.
    pub target: String,
    pub entries: Vec<ReportEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportEntry {
    pub kind: ResourceKind,
    /// The resource's name; a route's or gateway route's is `parent/name`.
    pub resource: String,
    /// The setting's path in the resource: `name`, `tags`, or `spec.httpRoute.retryPolicy.maxRetries`.
    pub setting: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum Outcome {
    /// The setting became `field` of `object` (`HTTPRoute orders`); `note` says how it differs.
    Became {
        object: String,
        field: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// The target cannot express the setting, and why.
    NotCarried { reason: String },
}

/// Why a setting no translation accounted for is listed.
pub(crate) const NOT_TRANSLATED: &str = "not translated by this export";

impl MigrationReport {
    /// The report as Markdown: a table per outcome.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("# Migration report ({})\n\n", self.target);
        let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
        out.push_str("## Carried over\n\n| Resource | Setting | Became | Note |\n|---|---|---|---|\n");
        for entry in &self.entries {
            if let Outcome::Became { object, field, note } = &entry.outcome {
                out.push_str(&format!(
                    "| {} {} | `{}` | {} `{}` | {} |\n",
                    entry.kind.noun(),
                    cell(&entry.resource),
                    cell(&entry.setting),
                    cell(object),
                    cell(field),
                    cell(note.as_deref().unwrap_or(""))
                ));
            }
        }
        out.push_str("\n## Not carried over\n\n| Resource | Setting | Why |\n|---|---|---|\n");
        for entry in &self.entries {
            if let Outcome::NotCarried { reason } = &entry.outcome {
                out.push_str(&format!(
                    "| {} {} | `{}` | {} |\n",
                    entry.kind.noun(),
                    cell(&entry.resource),
                    cell(&entry.setting),
                    cell(reason)
                ));
            }
        }
        out
    }

    /// The report as lines for `#` comments at the top of the YAML: what could not be carried
    /// first, then what every setting became.
    pub(crate) fn comment_lines(&self) -> Vec<String> {
        let one_line = |text: &str| text.replace(['\n', '\r'], " ");
        let mut lines = vec![format!("Migration report ({}): every App Mesh setting this mesh uses, and what it became.", self.target)];
        lines.push(String::new());
        lines.push("NOT CARRIED OVER:".to_string());
        for entry in &self.entries {
            if let Outcome::NotCarried { reason } = &entry.outcome {
                lines.push(one_line(&format!("- {} {}: {}: {reason}", entry.kind.noun(), entry.resource, entry.setting)));
            }
        }
        lines.push(String::new());
        lines.push("CARRIED OVER:".to_string());
        for entry in &self.entries {
            if let Outcome::Became { object, field, note } = &entry.outcome {
                let note = note.as_ref().map(|note| format!(" ({note})")).unwrap_or_default();
                lines.push(one_line(&format!("- {} {}: {} -> {object} {field}{note}", entry.kind.noun(), entry.resource, entry.setting)));
            }
        }
        lines.push(String::new());
        lines
    }
}

/// The report as a migration fills it, resource by resource.
pub(crate) struct ReportBuilder {
    target: &'static str,
    entries: Vec<ReportEntry>,
}

/// The resource a translation is reporting on.
#[derive(Debug, Clone)]
pub(crate) struct At {
    pub kind: ResourceKind,
    pub resource: String,
}

impl At {
    pub fn new(kind: ResourceKind, resource: impl std::fmt::Display) -> Self {
        Self { kind, resource: resource.to_string() }
    }

    pub fn child(kind: ResourceKind, parent: impl std::fmt::Display, name: impl std::fmt::Display) -> Self {
        Self { kind, resource: format!("{parent}/{name}") }
    }
}

impl ReportBuilder {
    pub fn new(target: &'static str) -> Self {
        Self { target, entries: Vec::new() }
    }

    pub fn became(&mut self, at: &At, setting: impl Into<String>, object: impl Into<String>, field: impl Into<String>) {
        self.push(at, setting, Outcome::Became { object: object.into(), field: field.into(), note: None });
    }

    pub fn became_with(
        &mut self,
        at: &At,
        setting: impl Into<String>,
        object: impl Into<String>,
        field: impl Into<String>,
        note: impl Into<String>,
    ) {
        self.push(at, setting, Outcome::Became { object: object.into(), field: field.into(), note: Some(note.into()) });
    }

    pub fn not_carried(&mut self, at: &At, setting: impl Into<String>, reason: impl Into<String>) {
        self.push(at, setting, Outcome::NotCarried { reason: reason.into() });
    }

    /// Reports a setting as not carried when the resource has it.
    pub fn not_carried_if(&mut self, present: bool, at: &At, setting: impl Into<String>, reason: impl Into<String>) {
        if present {
            self.not_carried(at, setting, reason);
        }
    }

    fn push(&mut self, at: &At, setting: impl Into<String>, outcome: Outcome) {
        self.entries.push(ReportEntry { kind: at.kind, resource: at.resource.clone(), setting: setting.into(), outcome });
    }

    /// The report, with every setting of `config` that no entry covers listed as not translated.
    pub fn finish(mut self, config: &MeshConfig, include_mesh: bool) -> MigrationReport {
        for (at, resource) in resources(config, include_mesh) {
            let mut leaves = Vec::new();
            collect_leaves(&resource, String::new(), &mut leaves);
            for leaf in leaves {
                let covered = self
                    .entries
                    .iter()
                    .any(|entry| entry.kind == at.kind && entry.resource == at.resource && covers(&entry.setting, &leaf));
                if !covered {
                    self.not_carried(&at, leaf, NOT_TRANSLATED);
                }
            }
        }
        MigrationReport { target: self.target.to_string(), entries: self.entries }
    }
}

/// Whether the setting `entry` is `leaf` or holds it.
fn covers(entry: &str, leaf: &str) -> bool {
    leaf == entry || (leaf.starts_with(entry) && matches!(leaf.as_bytes().get(entry.len()), Some(b'.' | b'[')))
}

/// Every resource of the configuration as `{name, spec, tags}` JSON, with where it is reported.
fn resources(config: &MeshConfig, include_mesh: bool) -> Vec<(At, Value)> {
    let mut resources = Vec::new();
    let entry = |name: &dyn std::fmt::Display, spec: Value, tags: &[mesh_engine::resource::TagRef]| {
        let mut resource = json!({"name": name.to_string(), "spec": spec});
        if !tags.is_empty() {
            resource["tags"] = json!(tags);
        }
        resource
    };
    let spec = |spec: &dyn erased::Spec| spec.json();
    if include_mesh {
        resources.push((At::new(ResourceKind::Mesh, &config.mesh_name), entry(&config.mesh_name, spec(&config.spec), &config.tags)));
    }
    for d in &config.virtual_nodes {
        resources.push((At::new(ResourceKind::VirtualNode, &d.name), entry(&d.name, spec(&d.spec), &d.tags)));
    }
    for d in &config.virtual_routers {
        resources.push((At::new(ResourceKind::VirtualRouter, &d.name), entry(&d.name, spec(&d.spec), &d.tags)));
    }
    for d in &config.routes {
        resources.push((At::child(ResourceKind::Route, &d.parent, &d.name), entry(&d.name, spec(&d.spec), &d.tags)));
    }
    for d in &config.virtual_services {
        resources.push((At::new(ResourceKind::VirtualService, &d.name), entry(&d.name, spec(&d.spec), &d.tags)));
    }
    for d in &config.virtual_gateways {
        resources.push((At::new(ResourceKind::VirtualGateway, &d.name), entry(&d.name, spec(&d.spec), &d.tags)));
    }
    for d in &config.gateway_routes {
        resources.push((At::child(ResourceKind::GatewayRoute, &d.parent, &d.name), entry(&d.name, spec(&d.spec), &d.tags)));
    }
    resources
}

/// Specs of every kind as JSON, through one function.
mod erased {
    pub trait Spec {
        fn json(&self) -> serde_json::Value;
    }

    impl<T: serde::Serialize> Spec for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).expect("a spec serializes")
        }
    }
}

/// The paths of a JSON value's leaves: `spec.listeners[0].portMapping.port`. An empty object or
/// list sets nothing, so it has none.
fn collect_leaves(value: &Value, path: String, leaves: &mut Vec<String>) {
    match value {
        Value::Object(members) if !members.is_empty() => {
            for (key, value) in members {
                let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                collect_leaves(value, path, leaves);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (index, item) in items.iter().enumerate() {
                collect_leaves(item, format!("{path}[{index}]"), leaves);
            }
        }
        Value::Object(_) | Value::Array(_) => {}
        _ => leaves.push(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_covers_the_settings_under_it() {
        assert!(covers("spec.listeners[0]", "spec.listeners[0].portMapping.port"));
        assert!(covers("spec.listeners", "spec.listeners[0].portMapping.port"));
        assert!(!covers("spec.listeners[1]", "spec.listeners[10].portMapping"));
        assert!(!covers("spec.listener", "spec.listeners[0]"));
        let mut leaves = Vec::new();
        collect_leaves(&json!({"spec": {"a": [1, {"b": {}}], "c": "x"}}), String::new(), &mut leaves);
        assert_eq!(leaves, ["spec.a[0]", "spec.c"]);
    }

    #[test]
    fn settings_no_entry_covers_are_listed_as_not_translated() {
        let config: MeshConfig = serde_json::from_value(json!({
            "meshName": "m",
            "virtualNodes": [{"name": "n", "spec": {"listeners": [{"portMapping": {"port": 80, "protocol": "http"}}]}}],
        }))
        .unwrap();
        let mut builder = ReportBuilder::new("test");
        let node = At::new(ResourceKind::VirtualNode, "n");
        builder.became(&node, "name", "Service n", "metadata.name");
        builder.became(&node, "spec.listeners[0].portMapping", "Service n", "spec.ports[0]");
        let report = builder.finish(&config, true);
        let untranslated: Vec<&str> = report
            .entries
            .iter()
            .filter(|e| e.outcome == Outcome::NotCarried { reason: NOT_TRANSLATED.into() })
            .map(|e| e.setting.as_str())
            .collect();
        assert_eq!(untranslated, ["name"], "the mesh's name; its empty spec sets nothing");
        assert!(report.to_markdown().contains("| virtual node n | `spec.listeners[0].portMapping` | Service n `spec.ports[0]` |  |"));
    }
}
