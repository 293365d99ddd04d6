//! What the configuration checks found: a finding as the console's API answers it, how to
//! fetch a mesh's, and the findings about one resource as its details page shows them
//! (nothing when the checks find nothing). The checks run in the backend (mesh-insight).

use crate::api::json::{optional_text, text};
use crate::api::{Backend, Call, console_call, json, load, use_backend};
use crate::components::link::A;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::MeshAddress;
use serde_json::Value;

/// A resource a finding names: its kind as the API spells it (`virtualNode`), its router or
/// gateway for a route, its name.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedResource {
    pub kind: String,
    pub parent: Option<String>,
    pub name: String,
}

impl NamedResource {
    pub fn read(value: &Value) -> Self {
        Self { kind: text(value, "kind"), parent: optional_text(value, "parent"), name: text(value, "name") }
    }

    /// Its details page, if the console has one for its kind.
    pub fn href(&self, mesh: &str) -> Option<String> {
        routing::resource_of_kind(mesh, &self.kind, self.parent.as_deref(), &self.name)
    }

    /// `route orders-router/canary`, `virtualNode web`: short enough for a table cell.
    pub fn label(&self) -> String {
        match &self.parent {
            Some(parent) => format!("{} {parent}/{}", self.kind, self.name),
            None => format!("{} {}", self.kind, self.name),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    pub message: String,
    pub resource: NamedResource,
}

impl Finding {
    pub fn read(value: &Value) -> Self {
        Self {
            code: text(value, "code"),
            severity: text(value, "severity"),
            message: text(value, "message"),
            resource: NamedResource::read(value.get("resource").unwrap_or(&Value::Null)),
        }
    }
}

/// "Error", "Warning", "Info".
pub fn severity_title(severity: &str) -> &'static str {
    match severity {
        "error" => "Error",
        "warning" => "Warning",
        _ => "Info",
    }
}

/// Every finding on the mesh, worst first.
pub fn mesh_findings(backend: &dyn Backend, mesh: &MeshAddress) -> Call<Vec<Finding>> {
    let answer = console_call(backend, crate::api::appmesh::mesh_url("", mesh, "/checks"), None);
    Box::pin(async move { Ok(json::list(&answer.await?, "findings", Finding::read)) })
}

/// `kind` as the API spells it (`virtualNode`), `parent` a route's router or gateway.
#[component]
pub fn ResourceFindings(mesh: MeshAddress, kind: String, parent: Option<String>, name: String) -> impl IntoView {
    let backend = use_backend();
    let address = mesh.clone();
    let findings = load(move || mesh_findings(&*backend, &address));
    let checks = routing::checks(mesh.name.as_str());
    move || {
        let about: Vec<Finding> = findings
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|finding| finding.resource.kind == kind && finding.resource.parent == parent && finding.resource.name == name)
            .collect();
        (!about.is_empty()).then(|| {
            let checks = checks.clone();
            view! {
                <section class="subsection" aria-labelledby="findings-heading">
                    <h2 id="findings-heading">"Checks"</h2>
                    <ul class="findings">
                        {about.into_iter().map(|finding| view! {
                            <li class=format!("finding finding-{}", finding.severity)>
                                <strong>{severity_title(&finding.severity)}</strong>" "
                                <A href=routing::check(&finding.code)>{finding.code.clone()}</A>": "{finding.message}
                            </li>
                        }).collect_view()}
                    </ul>
                    <A href=checks>"All checks of this mesh"</A>
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_reads_as_the_api_writes_it() {
        let finding = Finding::read(&serde_json::json!({
            "code": "AM0401", "severity": "error", "message": "Route r/x sends nothing",
            "resource": { "kind": "route", "parent": "r", "name": "x" }, "involves": [],
        }));
        assert_eq!(finding.resource.label(), "route r/x");
        assert_eq!(finding.resource.href("m").as_deref(), Some("/meshes/m/virtual-routers/r/routes/x"));
        assert_eq!(severity_title(&finding.severity), "Error");
    }
}
