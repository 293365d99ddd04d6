//! `/meshes/create`: a mesh name and its egress filter.

use crate::api::use_backend;
use crate::components::choice::{Choice, RadioGroup};
use crate::components::error_alert::error_alert;
use crate::components::field::TextField;
use crate::components::link::A;
use crate::components::select_field::set_to;
use crate::components::submission::{Done, Submission};
use crate::meshes::known::use_known_meshes;
use crate::meshes::spec_form::EGRESS_CHOICES;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::advice::check_new_name;
use mesh_engine::input::CreateMeshInput;
use mesh_engine::names::ResourceName;
use mesh_engine::spec::{EgressFilter, EgressFilterType, MeshSpec};

#[component]
pub fn CreateMesh() -> impl IntoView {
    let backend = use_backend();
    let known = use_known_meshes();
    // Only the caller's own meshes hold names it cannot use again.
    let taken = move || match known.0.get() {
        Some(Ok((meshes, me))) => meshes.into_iter().filter(|mesh| mesh.mesh_owner == me).map(|mesh| mesh.mesh_name.to_string()).collect(),
        _ => Vec::new(),
    };
    let name = RwSignal::new(String::new());
    let egress = RwSignal::new("DROP_ALL".to_string());
    let touched = RwSignal::new(false);
    let error = Signal::derive(move || check_new_name(&name.get(), &taken(), "mesh").map(|problem| problem.to_string()));
    Effect::new(move || {
        if !name.get().is_empty() {
            touched.set(true);
        }
    });
    let create = Submission::new();
    let server_error = create.error();
    let name_input = NodeRef::<leptos::html::Input>::new();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        touched.set(true);
        if error.get_untracked().is_some() {
            if let Some(input) = name_input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        let kind = if egress.get_untracked() == "ALLOW_ALL" { EgressFilterType::AllowAll } else { EgressFilterType::DropAll };
        let input = CreateMeshInput {
            mesh_name: ResourceName::parse(name.get_untracked()).expect("checked above"),
            spec: Some(MeshSpec { egress_filter: Some(EgressFilter { kind }), service_discovery: None }),
            tags: None,
            client_token: None,
        };
        let call = backend.create_mesh(input);
        create.run(Box::pin(async move {
            let mesh = call.await?;
            known.0.refetch();
            Ok(Done { notice: format!("Mesh {} created.", mesh.mesh_name), go_to: routing::virtual_services(mesh.mesh_name.as_str()) })
        }));
    };
    view! {
        <section class="page">
            <h1>"Create mesh"</h1>
            {error_alert("The mesh was not created:", server_error)}
            <form on:submit=submit novalidate>
                <TextField id="mesh-name" label="Mesh name" value=name node_ref=name_input
                    hint="1 to 255 characters."
                    error=error show_error=touched on_blur=move || touched.set(true) />
                <RadioGroup name="egress" legend="Egress filter" selected=egress on_change=set_to(egress)
                    choices=EGRESS_CHOICES.into_iter().map(|(value, label)| Choice::new(value, label)).collect() />
                <div class="actions">
                    <A href=routing::MESHES attr:class="button">"Cancel"</A>
                    <button type="submit" class="button button-primary" disabled=move || create.pending().get()>"Create mesh"</button>
                </div>
            </form>
        </section>
    }
}
