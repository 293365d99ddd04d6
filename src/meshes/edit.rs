//! `/meshes/{mesh}/edit`: the egress filter and the IP preference, the two things UpdateMesh
//! can change.

use super::detail::WithMesh;
use super::spec_form::{EGRESS_CHOICES, IP_PREFERENCE_CHOICES, apply, egress_of, ip_preference_of};
use crate::api::{ResourceRecord, use_backend};
use crate::components::choice::{Choice, RadioGroup};
use crate::components::form_page::FormPage;
use crate::components::select_field::{SelectField, options, set_to};
use crate::components::submission::{Done, Submission};
use crate::routing;
use leptos::prelude::*;

#[component]
pub fn EditMesh() -> impl IntoView {
    view! { <WithMesh follow=false page=|data, _| view! { <EditForm data=data /> }.into_any() /> }
}

#[component]
fn EditForm(data: ResourceRecord) -> impl IntoView {
    let backend = use_backend();
    let egress = RwSignal::new(egress_of(&data.spec).to_string());
    let ip_preference = RwSignal::new(ip_preference_of(&data.spec).to_string());
    let save = Submission::new();
    let mesh = data.mesh_name.to_string();
    let submit = {
        let data = data.clone();
        move || {
            let spec = apply(&data.spec, &egress.get_untracked(), &ip_preference.get_untracked());
            let call = backend.update_mesh(data.mesh_name.clone(), spec, save.seen(&data));
            save.run(Box::pin(async move {
                let saved = call.await?;
                Ok(Done { notice: format!("Mesh {} updated.", saved.mesh_name), go_to: routing::mesh(saved.mesh_name.as_str()) })
            }));
        }
    };
    let selected = ip_preference.get_untracked();
    view! {
        <FormPage title=format!("Edit {mesh}") save=save on_submit=submit cancel=routing::mesh(&mesh) submit_label="Save changes">
            <RadioGroup name="egress" legend="Egress filter" selected=egress on_change=set_to(egress)
                choices=EGRESS_CHOICES.into_iter().map(|(value, label)| Choice::new(value, label)).collect() />
            <SelectField id="ip-preference" label="IP preference" options=options(&IP_PREFERENCE_CHOICES) selected=selected
                on_change=set_to(ip_preference) hint="Which IP version Envoy uses to reach the mesh's services." />
        </FormPage>
    }
}
