//! `/meshes/{mesh}/virtual-services/{name}/edit`: change the provider, with the same live
//! validation as the wizard.

use super::detail::WithService;
use super::provider::{ProviderFields, ProviderOptions};
use super::wizard::state::ProviderChoice;
use crate::api::ResourceRecord;
use crate::api::use_backend;
use crate::components::form_page::FormPage;
use crate::components::submission::{Done, Submission};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use leptos::html;
use leptos::prelude::*;
use mesh_engine::resource::MeshResourceKind;

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
        let (name, existing) = (name.clone(), data.clone());
        move |spec| {
            let spec = serde_json::to_value(spec).expect("a spec serializes");
            let mode = save.mode(Some(&existing));
            let call = backend.save_resource(MeshResourceKind::VirtualService, address.clone(), name.clone(), spec, mode);
            save.run(Box::pin(async move {
                let saved = call.await?;
                Ok(Done {
                    notice: format!("Virtual service {} updated.", saved.name),
                    go_to: routing::virtual_service(saved.mesh_name.as_str(), saved.name.as_str()),
                })
            }));
        }
    };
    let submit = move || {
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
    let details_url = move || routing::virtual_service(&mesh.get(), name.as_str());
    view! {
        <FormPage title=format!("Edit {}", data.name) save=save on_submit=submit cancel=Signal::derive(details_url) submit_label="Save changes">
            <ProviderFields mesh=mesh choice=choice options=options show_error=touched target_ref=target_ref />
        </FormPage>
    }
}
