//! `/meshes/{mesh}/checks`: what the configuration checks found in the mesh, worst first,
//! filtered by severity (kept in the URL as `severity=`), each finding linking to its resource
//! and to its check's explanation.

use crate::api::{load, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::data_table::{Column, DataTable, Nouns};
use crate::components::findings::{Finding, mesh_findings, severity_title};
use crate::components::select_field::{SelectField, options};
use crate::components::table::{Cell, Row};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

const SEVERITIES: [(&str, &str); 4] = [("", "All severities"), ("error", "Errors"), ("warning", "Warnings"), ("info", "Info")];

/// "2 errors, 1 warning, 0 info".
fn counts(findings: &[Finding]) -> String {
    let count = |severity: &str| findings.iter().filter(|finding| finding.severity == severity).count();
    let (errors, warnings) = (count("error"), count("warning"));
    format!(
        "{errors} {}, {warnings} {}, {} info",
        if errors == 1 { "error" } else { "errors" },
        if warnings == 1 { "warning" } else { "warnings" },
        count("info")
    )
}

fn row(mesh: &str, finding: Finding) -> Row {
    let resource = match finding.resource.href(mesh) {
        Some(href) => Cell::link(finding.resource.label(), href),
        None => Cell::Text(finding.resource.label()),
    };
    Row(vec![
        Cell::link(finding.code.clone(), routing::check(&finding.code)),
        Cell::Text(severity_title(&finding.severity).into()),
        resource,
        Cell::Text(finding.message),
    ])
}

#[component]
pub fn MeshChecks() -> impl IntoView {
    let (backend, address, mesh) = (use_backend(), use_mesh_address(), use_mesh());
    let findings = load(move || mesh_findings(&*backend, &address));
    let query = use_location().query;
    let severity = Memo::new(move |_| query.read().get("severity").unwrap_or_default());
    let choose = Callback::new(move |chosen: String| {
        let path = routing::app_path(&crate::web::current_path());
        routing::redirect(&if chosen.is_empty() { path } else { format!("{path}?severity={chosen}") });
    });
    view! {
        <section class="page">
            <div class="page-header">
                <h1 tabindex="-1">"Checks"</h1>
                <crate::components::link::A href=move || routing::topology(&mesh.get(), "") attr:class="button">"Topology"</crate::components::link::A>
            </div>
            <p>"The mesh's configuration, checked as Envoy and App Mesh would meet it. Each code links to what it means and how to fix it."</p>
            {async_view_of(findings, move |findings: Vec<Finding>| {
                let summary = counts(&findings);
                let mesh = mesh.get_untracked();
                let table = move || {
                    let chosen = severity.get();
                    let shown: Vec<Row> = findings
                        .iter()
                        .filter(|finding| chosen.is_empty() || chosen == finding.severity)
                        .map(|finding| row(&mesh, finding.clone()))
                        .collect();
                    if shown.is_empty() {
                        return view! { <div class="empty"><p><strong>"Nothing found"</strong></p><p>"No check found a problem of this severity."</p></div> }.into_any();
                    }
                    let columns = vec![
                        Column::sorted("code", "Code").searched(),
                        Column::sorted("severity", "Severity"),
                        Column::sorted("resource", "Resource").searched(),
                        Column::plain("Message").searched(),
                    ];
                    view! { <DataTable title="Findings" nouns=Nouns::new("finding", "findings") columns=columns rows=shown /> }.into_any()
                };
                view! {
                    <p class="status" role="status">{summary}</p>
                    <SelectField id="severity" label="Severity" options=options(&SEVERITIES) selected=severity.get_untracked() on_change=choose />
                    {table}
                }
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::findings::NamedResource;

    fn finding(severity: &str) -> Finding {
        Finding {
            code: "AM0101".into(),
            severity: severity.into(),
            message: "m".into(),
            resource: NamedResource { kind: "virtualNode".into(), parent: None, name: "n".into() },
        }
    }

    #[test]
    fn the_summary_counts_each_severity() {
        assert_eq!(counts(&[finding("error"), finding("warning"), finding("warning")]), "1 error, 2 warnings, 0 info");
        assert_eq!(counts(&[]), "0 errors, 0 warnings, 0 info");
    }

    #[test]
    fn a_row_links_its_code_and_resource() {
        let row = row("m", finding("error"));
        assert_eq!(row.0[0], Cell::link("AM0101", "/checks/AM0101".into()));
        assert_eq!(row.0[2], Cell::link("virtualNode n", "/meshes/m/virtual-nodes/n".into()));
    }
}
