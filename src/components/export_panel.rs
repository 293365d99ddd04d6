//! A resource, or a whole mesh, in one of the forms App Mesh configuration lives in (AWS CLI
//! commands, API JSON, CloudFormation, controller manifests) or migrated to Gateway API or
//! Istio. The backend makes the text (the console's own `export` call, answered by the server
//! or by the engine in this browser); the panel shows it to copy or download. A details page
//! keeps the chosen format in its URL (`?export=istio`).

use crate::api::appmesh::mesh_url;
use crate::api::json::text;
use crate::api::{console_call, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::select_field::{SelectField, options, set_to};
use crate::web;
use leptos::prelude::*;
use mesh_engine::MeshAddress;
use serde_json::Value;

/// Each format's value in the console's API and in the URL, and its name in the select.
const FORMATS: [(&str, &str); 7] = [
    ("", "Choose a format"),
    ("cli", "AWS CLI commands"),
    ("json", "App Mesh API JSON"),
    ("cloudformation", "CloudFormation template (YAML)"),
    ("kubernetes", "App Mesh controller manifests (Kubernetes)"),
    ("gateway-api", "Migration to Kubernetes Gateway API (VPC Lattice)"),
    ("istio", "Migration to Istio"),
];

/// A configuration as the backend exported it: a file to show, copy or download.
#[derive(Debug, Clone, PartialEq)]
struct Exported {
    file_name: String,
    media_type: String,
    text: String,
}

impl Exported {
    fn read(value: &Value) -> Self {
        Self { file_name: text(value, "fileName"), media_type: text(value, "mediaType"), text: text(value, "text") }
    }
}

/// Exports the mesh, or with `scope` (`&kind=virtualNode&name=web`) one of its resources, or
/// with `preview` the virtual service that this CreateVirtualService body would create.
/// `format`: the format shown when the panel is built (`""`: none yet); `in_url`: whether the
/// choice is written into the page's URL as `export=…`.
#[component]
pub fn ExportPanel(
    mesh: MeshAddress,
    #[prop(into, optional)] scope: String,
    #[prop(optional)] preview: Option<Value>,
    #[prop(into)] format: String,
    in_url: bool,
) -> impl IntoView {
    let backend = use_backend();
    let format = RwSignal::new(format);
    let path = web::current_path();
    Effect::new(move || {
        let chosen = format.get();
        if in_url {
            let query = if chosen.is_empty() { String::new() } else { format!("export={chosen}") };
            web::replace_query(&path, &query);
        }
    });
    let exported = crate::api::load(move || {
        let chosen = format.get();
        let call = (!chosen.is_empty()).then(|| {
            let (rest, body) = match &preview {
                None => (format!("/export?format={chosen}{scope}"), None),
                Some(body) => (format!("/export/virtualService?format={chosen}"), Some(body.to_string())),
            };
            console_call(&*backend, mesh_url("", &mesh, &rest), body)
        });
        Box::pin(async move {
            match call {
                Some(call) => Ok(Some(Exported::read(&call.await?))),
                None => Ok(None),
            }
        })
    });
    view! {
        <section class="subsection" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <SelectField id="export-format" label="Export format" options=options(&FORMATS) selected=format.get_untracked() on_change=set_to(format) />
            {async_view_of(exported, |exported: Option<Exported>| exported.map(|exported| {
                let (text, name, media_type) = (exported.text.clone(), exported.file_name.clone(), exported.media_type.clone());
                let copied = exported.text.clone();
                view! {
                    <div class="export-actions">
                        <button type="button" class="button" on:click=move |_| web::download(&name, &media_type, &text)>{format!("Download {}", exported.file_name)}</button>
                        <button type="button" class="button" on:click=move |_| web::copy_text(&copied)>"Copy"</button>
                    </div>
                    <pre class="command" tabindex="0" aria-label="Exported text"><code>{exported.text}</code></pre>
                }
            }))}
        </section>
    }
}
