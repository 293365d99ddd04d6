//! The wizard's Name and Review steps (Provider is shared with Edit, Tags with every details page).

use super::state::{Step, WizardState};
use crate::components::export_panel::ExportPanel;
use crate::components::field::TextField;
use crate::components::link::A;
use crate::meshes::layout::use_mesh_address;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn NameStep(
    name: RwSignal<String>,
    error: Signal<Option<String>>,
    warning: Signal<Option<String>>,
    touched: RwSignal<bool>,
    node_ref: NodeRef<html::Input>,
    /// The user left the field.
    on_leave: Callback<()>,
) -> impl IntoView {
    view! {
        <TextField
            id="virtual-service-name"
            label="Virtual service name"
            value=name
            node_ref=node_ref
            hint=mesh_engine::advice::SERVICE_NAME_RULES
            placeholder="my-service.default.svc.cluster.local"
            error=error
            warning=warning
            show_error=touched
            on_blur=on_leave
        />
    }
}

/// The service the wizard will create, exported by the backend before it exists: the AWS CLI
/// command first, to copy into a script.
fn preview(body: serde_json::Value) -> impl IntoView {
    view! { <ExportPanel mesh=use_mesh_address() preview=body format="cli" in_url=false /> }
}

#[component]
pub fn ReviewStep(state: Signal<WizardState>, edit_url: Callback<Step, String>) -> impl IntoView {
    let section = move |step: Step, body: AnyView| {
        view! {
            <section class="review-section" aria-labelledby=format!("review-{}", step.slug())>
                <header>
                    <h2 id=format!("review-{}", step.slug())>{step.title()}</h2>
                    <A href=move || edit_url.run(step) attr:aria-label=format!("Edit {}", step.title().to_ascii_lowercase())>"Edit"</A>
                </header>
                {body}
            </section>
        }
    };
    view! {
        {move || {
            let current = state.get();
            let provider = match current.provider.kind {
                None => "None".to_string(),
                Some(kind) => format!("{} {}", kind.title(), current.provider.target),
            };
            view! {
                {section(Step::Name, view! {
                    <dl class="details"><div><dt>"Virtual service name"</dt><dd>{current.name.clone()}</dd></div></dl>
                }.into_any())}
                {section(Step::Provider, view! {
                    <dl class="details"><div><dt>"Provider"</dt><dd>{provider}</dd></div></dl>
                }.into_any())}
                {section(Step::Tags, if current.tags.is_empty() {
                    view! { <p>"No tags"</p> }.into_any()
                } else {
                    view! {
                        <dl class="details">
                            {current.tags.iter().map(|tag| view! { <div><dt>{tag.key.clone()}</dt><dd>{tag.value.clone()}</dd></div> }).collect_view()}
                        </dl>
                    }.into_any()
                })}
                {preview(current.create_body())}
            }
        }}
    }
}
