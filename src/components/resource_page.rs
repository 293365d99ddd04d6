//! The details page of a virtual service, node or router: breadcrumbs, header with Edit and
//! Delete, the fields the caller gives, tags, and a delete that asks to type `delete`. Given
//! the virtual services a node or router provides, it shows them, and why App Mesh would
//! refuse to delete it.

use super::confirm_delete::ConfirmDelete;
use super::metadata::TagTable;
use super::service_links::ServiceLinks;
use super::submission::{Done, Submission};
use crate::api::{BackendError, Call};
use crate::components::link::A;
use crate::routing::{self, Section};
use leptos::prelude::*;
use mesh_engine::resource::TagRef;
use std::sync::Arc;

/// Deletes the resource the page shows.
pub type DeleteCall = Arc<dyn Fn() -> Call<()> + Send + Sync>;

#[component]
pub fn ResourcePage(
    #[prop(into)] section: Section,
    mesh: String,
    name: String,
    tags: Vec<TagRef>,
    delete: DeleteCall,
    /// The virtual services this resource provides, when it is a provider.
    #[prop(optional)]
    provided: Option<LocalResource<Result<Vec<String>, BackendError>>>,
    children: Children,
) -> impl IntoView {
    let deleting = RwSignal::new(false);
    let remove = Submission::new();
    let on_confirm = {
        let (mesh, name) = (mesh.clone(), name.clone());
        move || {
            let (call, mesh, name) = (delete(), mesh.clone(), name.clone());
            remove.run(Box::pin(async move {
                call.await?;
                Ok(Done { notice: format!("{} {name} deleted.", section.noun_title()), go_to: routing::section(&mesh, section) })
            }));
        }
    };
    let blocker = provided.map(|provided| {
        let mesh = mesh.clone();
        ViewFn::from(move || {
            let mesh = mesh.clone();
            move || provided.get().and_then(Result::ok).filter(|services| !services.is_empty()).map(|services| view! {
                <div class="alert alert-warning">
                    <p>{format!("This {} provides these virtual services. App Mesh will refuse to delete it until they have another provider or are deleted:", section.noun())}</p>
                    <ServiceLinks mesh=mesh.clone() services=services />
                </div>
            })
        })
    });
    let provides_row = provided.map(|provided| {
        let mesh = mesh.clone();
        view! {
            <div><dt>"Provides"</dt><dd>{move || provided.get().and_then(Result::ok).map(|services| view! {
                <ServiceLinks mesh=mesh.clone() services=services />
            })}</dd></div>
        }
    });
    let mesh_label = mesh.clone();
    view! {
        <section class="page">
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
                <ol>
                    <li><A href=routing::MESHES>"Meshes"</A></li>
                    <li><A href=routing::section(&mesh, section)>{mesh_label}</A></li>
                    <li aria-current="page">{name.clone()}</li>
                </ol>
            </nav>
            <div class="page-header">
                <h1>{name.clone()}</h1>
                <div class="actions">
                    <A href=routing::edit_resource(&mesh, section, &name) attr:class="button">"Edit"</A>
                    <button type="button" class="button button-danger" on:click=move |_| deleting.set(true)>"Delete"</button>
                </div>
            </div>
            <dl class="details">
                {children()}
                {provides_row}
            </dl>
            <TagTable tags=tags />
            <ConfirmDelete kind=section.noun() name=name.clone() open=deleting pending=remove.pending() error=remove.error()
                on_confirm=on_confirm blocker=blocker />
        </section>
    }
}
