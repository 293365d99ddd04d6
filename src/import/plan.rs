//! The import's plan and result as the console's API answers them, and their wording.

use crate::api::json::{flag, list, optional_number, optional_text, text, texts};
use crate::components::findings::Finding;
use serde_json::Value;

/// A problem, as "Line 6: bad port".
fn problem(value: &Value) -> String {
    match optional_number(value, "line") {
        Some(line) => format!("Line {line}: {}", text(value, "message")),
        None => text(value, "message"),
    }
}

/// A difference, as "spec.provider: x → (none)".
fn difference(value: &Value) -> String {
    let shown = |key| optional_text(value, key).unwrap_or_else(|| "(none)".into());
    format!("{}: {} → {}", text(value, "member"), shown("current"), shown("wanted"))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub description: Option<String>,
    pub value: Option<String>,
    pub used_by: Vec<String>,
    pub missing: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedResource {
    pub kind: String,
    pub mesh: String,
    pub parent: Option<String>,
    pub name: String,
    /// Where it is in the file: `MyNode (line 12)`.
    pub place: String,
    pub problems: Vec<String>,
    /// `create`, `update` or `unchanged`.
    pub action: String,
    pub differences: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// Where it is in the file: `MyNode (line 12)`.
    pub place: String,
    pub kind: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeshFindings {
    pub mesh: String,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub format: Option<String>,
    pub ready: bool,
    pub parameters: Vec<Parameter>,
    pub resources: Vec<PlannedResource>,
    pub skipped: Vec<Skipped>,
    pub problems: Vec<String>,
    pub checks: Vec<MeshFindings>,
}

impl ImportPlan {
    pub fn read(value: &Value) -> Self {
        let parameter = |value: &Value| Parameter {
            name: text(value, "name"),
            description: optional_text(value, "description"),
            value: optional_text(value, "value"),
            used_by: texts(value, "usedBy"),
            missing: flag(value, "missing"),
        };
        let resource = |value: &Value| PlannedResource {
            kind: text(value, "kind"),
            mesh: text(value, "mesh"),
            parent: optional_text(value, "parent"),
            name: text(value, "name"),
            place: text(value, "placeLabel"),
            problems: list(value, "problems", problem),
            action: text(value, "action"),
            differences: list(value, "differences", difference),
        };
        let skipped =
            |value: &Value| Skipped { place: text(value, "placeLabel"), kind: text(value, "type"), reason: text(value, "reason") };
        let checks = |value: &Value| MeshFindings { mesh: text(value, "mesh"), findings: list(value, "findings", Finding::read) };
        Self {
            format: optional_text(value, "format"),
            ready: flag(value, "ready"),
            parameters: list(value, "parameters", parameter),
            resources: list(value, "resources", resource),
            skipped: list(value, "skipped", skipped),
            problems: list(value, "problems", problem),
            checks: list(value, "checks", checks),
        }
    }

    /// "3 to create, 1 to update, 2 unchanged".
    pub fn summary(&self) -> String {
        let count = |action: &str| self.resources.iter().filter(|resource| resource.action == action).count();
        format!("{} to create, {} to update, {} unchanged", count("create"), count("update"), count("unchanged"))
    }
}

/// "CloudFormation template", from the API's format.
pub fn format_title(format: Option<&str>) -> &'static str {
    match format {
        Some("cloudFormation") => "CloudFormation template",
        Some("kubernetes") => "App Mesh controller manifests",
        Some("meshConsole") => "Mesh Console export",
        Some("describeDump") => "describe-* answers",
        _ => "Not a format the import reads",
    }
}

/// What an apply did, as "Imported: 3 created, 1 updated, 0 unchanged.", and the first mesh
/// it changed.
pub fn applied_notice(applied: &Value) -> (String, Option<String>) {
    let actions = list(applied, "changes", |change| (text(change, "action"), text(change, "mesh")));
    let count = |action: &str| actions.iter().filter(|(done, _)| done == action).count();
    let notice = format!("Imported: {} created, {} updated, {} unchanged.", count("create"), count("update"), count("unchanged"));
    (notice, actions.into_iter().next().map(|(_, mesh)| mesh))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_plan_reads_as_the_api_writes_it() {
        let plan = ImportPlan::read(&json!({
            "format": "cloudFormation", "ready": false,
            "parameters": [{ "name": "Ns", "usedBy": ["Node (line 4)"], "missing": true }],
            "meshes": [{ "name": "m", "defined": true }],
            "resources": [
                { "kind": "virtualNode", "mesh": "m", "name": "web", "place": { "line": 4 }, "placeLabel": "Node (line 4)", "spec": {},
                  "action": "create", "problems": [{ "line": 6, "message": "bad port" }] },
                { "kind": "virtualService", "mesh": "m", "name": "a.local", "place": { "line": 9 }, "spec": {}, "action": "update",
                  "differences": [{ "member": "spec.provider", "current": "x" }] }],
            "skipped": [{ "place": { "logicalId": "Ns" }, "placeLabel": "Ns", "type": "AWS::ServiceDiscovery::PrivateDnsNamespace", "reason": "not App Mesh" }],
            "problems": [{ "message": "whole file" }], "checks": [{ "mesh": "m", "findings": [] }],
        }));
        assert_eq!(format_title(plan.format.as_deref()), "CloudFormation template");
        assert_eq!(plan.summary(), "1 to create, 1 to update, 0 unchanged");
        assert!(plan.parameters[0].missing);
        assert_eq!(plan.resources[0].place, "Node (line 4)");
        assert_eq!(plan.resources[0].problems, ["Line 6: bad port"]);
        assert_eq!(plan.resources[1].differences, ["spec.provider: x → (none)"]);
        assert_eq!((plan.skipped[0].place.as_str(), plan.problems[0].as_str()), ("Ns", "whole file"));
    }

    #[test]
    fn an_apply_says_what_it_did() {
        let applied = json!({ "changes": [
            { "mesh": "m", "kind": "mesh", "name": "m", "action": "create" },
            { "mesh": "m", "kind": "virtualNode", "name": "n", "action": "update" }] });
        assert_eq!(applied_notice(&applied), ("Imported: 1 created, 1 updated, 0 unchanged.".to_string(), Some("m".to_string())));
    }
}
