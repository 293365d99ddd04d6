//! The details page of a virtual node or router: header with Edit and Delete, the fields the
//! caller gives, which virtual services it provides, and a delete that explains a refusal.

use super::confirm_delete::ConfirmDelete;
use super::metadata::TagTable;
use super::submission::{Done, Submission};
use super::provided_services::{self, ProvidedServices};
use crate::api::Call;
use crate::routing::{self, Section};
use leptos::prelude::*;
use leptos_router::components::A;
use mesh_engine::resource::TagRef;
use std::sync::Arc;

/// Deletes the resource the page shows.
pub type DeleteCall = Arc<dyn Fn() -> Call<()> + Send + Sync>;

#[component]
pub fn ProviderPage(kind: Section, mesh: String, name: String, tags: Vec<TagRef>, delete: DeleteCall, children: Children) -> impl IntoView {
    let noun = match kind {
        Section::VirtualRouters => "virtual router",
        _ => "virtual node",
    };
    let provided = provided_services::load(kind, name.clone());
    let deleting = RwSignal::new(false);
    let remove = Submission::new();
    let on_confirm = {
        let (mesh, name) = (mesh.clone(), name.clone());
        move || {
            let (call, mesh, name) = (delete(), mesh.clone(), name.clone());
            remove.run(Box::pin(async move {
                call.await?;
                let title = if kind == Section::VirtualRouters { "Virtual router" } else { "Virtual node" };
                Ok(Done { notice: format!("{title} {name} deleted."), go_to: routing::section(&mesh, kind) })
            }));
        }
    };
    let (mesh_for_list, mesh_for_blocker) = (mesh.clone(), mesh.clone());
    let blocker = ViewFn::from(move || {
        let mesh = mesh_for_blocker.clone();
        move || provided.get().and_then(Result::ok).filter(|services| !services.is_empty()).map(|services| view! {
            <div class="alert alert-warning">
                <p>{format!("This {noun} provides these virtual services. App Mesh will refuse to delete it until they have another provider or are deleted:")}</p>
                <ProvidedServices mesh=mesh.clone() services=services />
            </div>
        })
    });
    view! {
        <section class="page">
            <div class="page-header">
                <h1>{name.clone()}</h1>
                <div class="actions">
                    <A href=routing::edit_resource(&mesh, kind, &name) attr:class="button">"Edit"</A>
                    <button type="button" class="button button-danger" on:click=move |_| deleting.set(true)>"Delete"</button>
                </div>
            </div>
            <dl class="details">
                {children()}
                <div><dt>"Provides"</dt><dd>{move || provided.get().and_then(Result::ok).map(|services| view! {
                    <ProvidedServices mesh=mesh_for_list.clone() services=services />
                })}</dd></div>
            </dl>
            <TagTable tags=tags />
            <ConfirmDelete kind=noun name=name.clone() open=deleting pending=remove.pending() error=remove.error()
                on_confirm=on_confirm blocker=blocker />
        </section>
    }
}
