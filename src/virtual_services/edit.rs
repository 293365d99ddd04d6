//! `/meshes/{mesh}/virtual-services/{name}/edit`: change the provider, with the same live
//! validation as the wizard.

use super::detail::WithService;
use super::provider::{ProviderFields, ProviderOptions};
use super::wizard::state::ProviderChoice;
use crate::api::ResourceRecord;
use crate::api::use_backend;
use crate::components::link::A;
use crate::components::submission::{Done, Submission};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use leptos::html;
use leptos::prelude::*;
use mesh_engine::input::UpdateVirtualServiceInput;

#[component]
pub fn EditVirtualService() -> impl IntoView {
    view! { <WithService page=|data, _| view! { <EditForm data=data /> }.into_any() follow=false /> }
}

#[component]
fn EditForm(data: ResourceRecord) -> impl IntoView {
    let mesh = use_mesh();
    let name = data.name.clone();
    let choice = RwSignal::new(ProviderChoice::of(&data.spec));
    let address = use_mesh_address();
    let options = ProviderOptions::load(address.clone());
    let touched = RwSignal::new(true);
    let target_ref = NodeRef::<html::Select>::new();
    let backend = use_backend();
    let save = Submission::new();
    let store = {
        let name = name.clone();
        move |spec| {
            let call =
                backend.update_virtual_service(address.clone(), name.clone(), UpdateVirtualServiceInput { spec, client_token: None });
            save.run(Box::pin(async move {
                let saved = call.await?;
                Ok(Done {
                    notice: format!("Virtual service {} updated.", saved.name),
                    go_to: routing::virtual_service(saved.mesh_name.as_str(), saved.name.as_str()),
                })
            }));
        }
    };
    let save_error = move || save.error().get();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let current = choice.get_untracked();
        match current.spec().filter(|_| options.error(&current).is_none()) {
            Some(spec) => store(spec),
            None => {
                if let Some(select) = target_ref.get_untracked() {
                    let _ = select.focus();
                }
            }
        }
    };
    let title = format!("Edit {}", name);
    let details_url = move || routing::virtual_service(&mesh.get(), name.as_str());
    view! {
        <section class="page">
            <h1>{title}</h1>
            {move || save_error().map(|message| view! { <div class="alert alert-error" role="alert"><p>{format!("The change was not saved: {message}")}</p></div> })}
            <form novalidate on:submit=submit>
                <ProviderFields mesh=mesh choice=choice options=options show_error=touched target_ref=target_ref />
                <div class="actions">
                    <A href=details_url attr:class="button">"Cancel"</A>
                    <button type="submit" class="button button-primary" disabled=move || save.pending().get()>"Save changes"</button>
                </div>
            </form>
        </section>
    }
}
