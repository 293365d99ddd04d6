//! The import page: choose (or drop) a file or paste its text, fill in the parameters it
//! leaves open, preview, apply.

use super::plan::{ImportPlan, PlannedResource, applied_notice, format_title};
use crate::api::{console_call, load, use_backend, use_data_changed};
use crate::components::async_view::async_view_of;
use crate::components::error_alert::error_alert;
use crate::components::link::A;
use crate::components::submission::{Done, Submission};
use crate::routing;
use crate::web;
use leptos::prelude::*;
use serde_json::{Map, Value, json};

const FILE_INPUT: &str = "import-file";

/// What the backend is asked to read: the text, its file's name, the parameters' values.
#[derive(Debug, Clone, PartialEq)]
struct Request {
    text: String,
    file_name: String,
    parameters: Vec<(String, String)>,
}

impl Request {
    fn body(&self) -> String {
        let parameters: Map<String, Value> = self.parameters.iter().map(|(name, value)| (name.clone(), json!(value))).collect();
        let file_name = (!self.file_name.is_empty()).then(|| self.file_name.clone());
        json!({ "text": self.text, "fileName": file_name, "parameters": parameters }).to_string()
    }
}

fn resource_row(resource: PlannedResource) -> impl IntoView {
    let invalid = !resource.problems.is_empty();
    let notes: Vec<String> = resource.problems.into_iter().chain(resource.differences).collect();
    let what = match &resource.parent {
        Some(parent) => format!("{} {parent}/{}", resource.kind, resource.name),
        None => format!("{} {}", resource.kind, resource.name),
    };
    view! {
        <tr class:invalid=invalid>
            <td>{if invalid { "Cannot import".to_string() } else { resource.action.clone() }}</td>
            <td>{what}</td>
            <td>{resource.mesh}</td>
            <td>{resource.place}</td>
            <td>{notes.into_iter().map(|note| view! { <div>{note}</div> }).collect_view()}</td>
        </tr>
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let backend = use_backend();
    let (text, file_name) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let parameters = RwSignal::new(Vec::<(String, String)>::new());
    let asked = RwSignal::new(None::<Request>);
    let plan_backend = backend.clone();
    let plan = load(move || {
        let request = asked.get();
        let backend = plan_backend.clone();
        Box::pin(async move {
            match request {
                None => Ok(None),
                Some(request) => Ok(Some(ImportPlan::read(&console_call(&*backend, "/import/plan".into(), Some(request.body())).await?))),
            }
        })
    });
    let preview = move || {
        asked.set(Some(Request {
            text: text.get_untracked(),
            file_name: file_name.get_untracked(),
            parameters: parameters.get_untracked(),
        }))
    };
    let read_file = move |_| {
        let Some(file) = web::chosen_file(FILE_INPUT) else { return };
        file_name.set(file.name());
        leptos::task::spawn_local(async move {
            let read = web::file_text(&file).await.unwrap_or_else(|reason| format!("# The file could not be read: {reason}"));
            text.set(read);
            parameters.set(Vec::new());
            preview();
        });
    };
    let apply = Submission::new();
    let changed = use_data_changed();
    let on_apply = Callback::new(move |()| {
        let Some(request) = asked.get_untracked() else { return };
        let call = console_call(&*backend, "/import/apply".into(), Some(request.body()));
        apply.run(Box::pin(async move {
            let (notice, mesh) = applied_notice(&call.await?);
            changed.notify();
            Ok(Done { notice, go_to: mesh.map(|mesh| routing::mesh(&mesh)).unwrap_or_default() })
        }));
    });
    let set_parameter = move |name: String, value: String| {
        parameters.update(|values| match values.iter_mut().find(|(key, _)| *key == name) {
            Some(entry) => entry.1 = value,
            None => values.push((name, value)),
        })
    };
    view! {
        <section class="page">
            <h1 tabindex="-1">"Import"</h1>
            <p>"Bring App Mesh configuration in: a CloudFormation template (YAML or JSON), App Mesh controller manifests, a Mesh Console export, or the JSON of describe-* answers. Nothing changes until you apply the preview."</p>
            <div class="field">
                <label for=FILE_INPUT>"Configuration file"</label>
                <p class="hint" id="import-file-hint">"Choose a file, or drop it here."</p>
                <input id=FILE_INPUT type="file" accept=".yaml,.yml,.json,.template,.txt" aria-describedby="import-file-hint" on:change=read_file />
            </div>
            <div class="field">
                <label for="import-text">"Or paste it here"</label>
                <textarea id="import-text" rows="10" class="code" prop:value=move || text.get() on:input:target=move |event| text.set(event.target().value())></textarea>
            </div>
            <button type="button" class="button button-primary" on:click=move |_| preview()>"Preview"</button>
            {async_view_of(plan, move |plan: Option<ImportPlan>| plan.map(|plan| {
                let summary = format!("{}: {}", format_title(plan.format.as_deref()), plan.summary());
                let ready = plan.ready;
                view! {
                    <section class="subsection" aria-labelledby="preview-heading">
                        <h2 id="preview-heading">"Preview"</h2>
                        <p class="status" role="status">{summary}</p>
                        {(!plan.problems.is_empty()).then(|| view! {
                            <div class="alert alert-error" role="alert"><ul>{plan.problems.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}</ul></div>
                        })}
                        {(!plan.parameters.is_empty()).then(|| view! {
                            <h3>"Parameters"</h3>
                            {plan.parameters.into_iter().enumerate().map(|(index, parameter)| {
                                let id = format!("parameter-{index}");
                                let hint = format!("{}Used by {}.", parameter.description.map(|text| format!("{text} ")).unwrap_or_default(), parameter.used_by.join(", "));
                                let name = parameter.name.clone();
                                view! {
                                    <div class="field">
                                        <label for=id.clone()>{parameter.name.clone()}</label>
                                        <p class="hint" id=format!("{id}-hint")>{hint}</p>
                                        <input id=id.clone() type="text" value=parameter.value.unwrap_or_default() aria-describedby=format!("{id}-hint")
                                            aria-invalid=parameter.missing.to_string() on:change:target=move |event| set_parameter(name.clone(), event.target().value()) />
                                    </div>
                                }
                            }).collect_view()}
                            <button type="button" class="button" on:click=move |_| preview()>"Preview again"</button>
                        })}
                        <div class="table-wrap" tabindex="0" role="region" aria-label="Resources to import">
                            <table class="table">
                                <caption class="visually-hidden">"Resources to import"</caption>
                                <thead><tr><th scope="col">"Action"</th><th scope="col">"Resource"</th><th scope="col">"Mesh"</th><th scope="col">"In the file"</th><th scope="col">"Problems and changes"</th></tr></thead>
                                <tbody>{plan.resources.into_iter().map(resource_row).collect_view()}</tbody>
                            </table>
                        </div>
                        {(!plan.skipped.is_empty()).then(|| view! {
                            <h3>"Skipped"</h3>
                            <ul>{plan.skipped.into_iter().map(|skipped| view! { <li>{format!("{} ({}): {}", skipped.place, skipped.kind, skipped.reason)}</li> }).collect_view()}</ul>
                        })}
                        {plan.checks.into_iter().filter(|mesh| !mesh.findings.is_empty()).map(|mesh| view! {
                            <h3>{format!("Checks of mesh {} after the import", mesh.mesh)}</h3>
                            <ul class="findings">{mesh.findings.into_iter().map(|finding| view! {
                                <li class=format!("finding finding-{}", finding.severity)>
                                    <strong>{crate::components::findings::severity_title(&finding.severity)}</strong>" "
                                    <A href=routing::check(&finding.code)>{finding.code.clone()}</A>": "{finding.message}
                                </li>
                            }).collect_view()}</ul>
                        }).collect_view()}
                        <button type="button" class="button button-primary" disabled=move || !ready || apply.pending().get() on:click=move |_| on_apply.run(())>"Apply"</button>
                        {(!ready).then(|| view! { <p class="hint">"Apply is possible once the file has no problems and every parameter has a value."</p> })}
                    </section>
                }
            }))}
            {error_alert("Nothing was imported.", apply.error())}
        </section>
    }
}
