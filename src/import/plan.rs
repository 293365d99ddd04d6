//! The import's plan and result as the console's API answers them, and their wording.

use crate::components::findings::Finding;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    pub line: Option<usize>,
    pub logical_id: Option<String>,
    pub document: Option<usize>,
    pub object: Option<String>,
}

impl Place {
    /// `MyNode (line 12)`, `VirtualNode/shop/orders (document 3)`.
    pub fn label(&self) -> String {
        let what = self.logical_id.clone().or_else(|| self.object.clone());
        let position = match (self.line, self.document) {
            (Some(line), _) => Some(format!("line {line}")),
            (None, Some(document)) => Some(format!("document {}", document + 1)),
            _ => None,
        };
        match (what, position) {
            (Some(what), Some(position)) => format!("{what} ({position})"),
            (Some(what), None) => what,
            (None, Some(position)) => position,
            (None, None) => "the file".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Problem {
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn text(&self) -> String {
        match self.line {
            Some(line) => format!("Line {line}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Parameter {
    pub name: String,
    pub description: Option<String>,
    pub value: Option<String>,
    #[serde(default)]
    pub used_by: Vec<String>,
    pub missing: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Difference {
    pub member: String,
    pub current: Option<String>,
    pub wanted: Option<String>,
}

impl Difference {
    pub fn text(&self) -> String {
        let shown = |value: &Option<String>| value.clone().unwrap_or_else(|| "(none)".into());
        format!("{}: {} → {}", self.member, shown(&self.current), shown(&self.wanted))
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlannedResource {
    pub kind: String,
    pub mesh: String,
    pub parent: Option<String>,
    pub name: String,
    pub place: Place,
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// `create`, `update` or `unchanged`.
    pub action: String,
    #[serde(default)]
    pub differences: Vec<Difference>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Skipped {
    pub place: Place,
    #[serde(rename = "type")]
    pub kind: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MeshFindings {
    pub mesh: String,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportPlan {
    pub format: Option<String>,
    pub ready: bool,
    pub parameters: Vec<Parameter>,
    pub resources: Vec<PlannedResource>,
    pub skipped: Vec<Skipped>,
    pub problems: Vec<Problem>,
    pub checks: Vec<MeshFindings>,
}

/// What an apply did, resource by resource.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Applied {
    pub changes: Vec<AppliedChange>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AppliedChange {
    pub mesh: String,
    pub action: String,
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

impl ImportPlan {
    /// "3 to create, 1 to update, 2 unchanged".
    pub fn summary(&self) -> String {
        let count = |action: &str| self.resources.iter().filter(|resource| resource.action == action).count();
        format!("{} to create, {} to update, {} unchanged", count("create"), count("update"), count("unchanged"))
    }
}

impl Applied {
    /// "Imported: 3 created, 1 updated." and the first mesh it changed.
    pub fn notice(&self) -> (String, Option<String>) {
        let count = |action: &str| self.changes.iter().filter(|change| change.action == action).count();
        let notice = format!("Imported: {} created, {} updated, {} unchanged.", count("create"), count("update"), count("unchanged"));
        (notice, self.changes.first().map(|change| change.mesh.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_reads_as_the_api_writes_it() {
        let plan: ImportPlan = serde_json::from_str(
            r#"{"format":"cloudFormation","ready":false,
                "parameters":[{"name":"Ns","usedBy":["Node (line 4)"],"missing":true}],
                "meshes":[{"name":"m","defined":true}],
                "resources":[
                  {"kind":"virtualNode","mesh":"m","name":"web","place":{"line":4,"logicalId":"Node"},"spec":{},"action":"create",
                   "problems":[{"line":6,"message":"bad port"}]},
                  {"kind":"virtualService","mesh":"m","name":"a.local","place":{"line":9},"spec":{},"action":"update",
                   "differences":[{"member":"spec.provider","current":"x"}]}],
                "skipped":[{"place":{"logicalId":"Ns"},"type":"AWS::ServiceDiscovery::PrivateDnsNamespace","reason":"not App Mesh"}],
                "problems":[],"checks":[{"mesh":"m","findings":[]}]}"#,
        )
        .unwrap();
        assert_eq!(format_title(plan.format.as_deref()), "CloudFormation template");
        assert_eq!(plan.summary(), "1 to create, 1 to update, 0 unchanged");
        assert_eq!(plan.resources[0].place.label(), "Node (line 4)");
        assert_eq!(plan.resources[0].problems[0].text(), "Line 6: bad port");
        assert_eq!(plan.resources[1].differences[0].text(), "spec.provider: x → (none)");
    }

    #[test]
    fn an_apply_says_what_it_did() {
        let applied: Applied =
            serde_json::from_str(r#"{"changes":[{"mesh":"m","kind":"mesh","name":"m","action":"create"},{"mesh":"m","kind":"virtualNode","name":"n","action":"update"}]}"#)
                .unwrap();
        assert_eq!(applied.notice(), ("Imported: 1 created, 1 updated, 0 unchanged.".to_string(), Some("m".to_string())));
    }
}
