//! The details page of a virtual service, node, router, gateway or gateway route: breadcrumbs,
//! header with Edit and Delete, the fields the caller gives, tags, and a delete that asks to
//! type `delete`. Given the virtual services a node or router provides, it shows them, and
//! why App Mesh would refuse to delete it; a caller may give other reasons (`in_use`).

use super::confirm_delete::ConfirmDelete;
use super::metadata::TagTable;
use super::service_links::ServiceLinks;
use super::submission::{Done, Submission};
use crate::api::{Call, Loaded};
use crate::components::link::A;
use crate::routing::{self, Section};
use leptos::prelude::*;
use mesh_engine::resource::{MeshResourceKind, ProviderKind, RouteKind, TagRef};
use std::sync::Arc;

/// Deletes the resource the page shows.
pub type DeleteCall = Arc<dyn Fn() -> Call<()> + Send + Sync>;

/// Where the resource a page shows lives: in a mesh's section, or inside a router or gateway.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Section(Section),
    /// A route or gateway route, and the name of its router or gateway.
    Inside(RouteKind, String),
}

impl Place {
    fn noun(&self) -> &'static str {
        match self {
            Self::Section(section) => section.noun(),
            Self::Inside(kind, _) => kind.noun(),
        }
    }

    fn noun_title(&self) -> &'static str {
        match self {
            Self::Section(section) => section.noun_title(),
            Self::Inside(kind, _) => kind.title(),
        }
    }

    fn section(&self) -> Section {
        match self {
            Self::Section(section) => *section,
            Self::Inside(kind, _) => kind.parent().into(),
        }
    }

    fn edit(&self, mesh: &str, name: &str) -> String {
        match self {
            Self::Section(section) => routing::edit_resource(mesh, *section, name),
            Self::Inside(kind, parent) => routing::edit_route(mesh, *kind, parent, name),
        }
    }

    /// The page a delete leads to: the section's list, or the parent's details.
    fn after_delete(&self, mesh: &str) -> String {
        match self {
            Self::Section(section) => routing::section(mesh, *section),
            Self::Inside(kind, parent) => routing::resource(mesh, kind.parent(), parent),
        }
    }
}

impl From<Section> for Place {
    fn from(section: Section) -> Self {
        Self::Section(section)
    }
}

impl From<ProviderKind> for Place {
    fn from(kind: ProviderKind) -> Self {
        Self::Section(kind.into())
    }
}

impl From<MeshResourceKind> for Place {
    fn from(kind: MeshResourceKind) -> Self {
        Self::Section(kind.into())
    }
}

#[component]
pub fn ResourcePage(
    #[prop(into)] place: Place,
    mesh: String,
    name: String,
    tags: Vec<TagRef>,
    delete: DeleteCall,
    /// The virtual services this resource provides, when it is a provider.
    #[prop(optional)]
    provided: Option<Loaded<Vec<String>>>,
    /// Why App Mesh would refuse the delete now, when the page knows another reason.
    #[prop(default = None)]
    in_use: Option<ViewFn>,
    /// More of the page, after the details: a router's routes, a gateway's gateway routes.
    #[prop(default = None)]
    more: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let section = place.section();
    let (noun, noun_title) = (place.noun(), place.noun_title());
    let deleting = RwSignal::new(false);
    let remove = Submission::new();
    let on_confirm = {
        let (go_to, name) = (place.after_delete(&mesh), name.clone());
        move || {
            let (call, go_to, name) = (delete(), go_to.clone(), name.clone());
            remove.run(Box::pin(async move {
                call.await?;
                Ok(Done { notice: format!("{noun_title} {name} deleted."), go_to })
            }));
        }
    };
    let blocker = provided.map(|provided| {
        let mesh = mesh.clone();
        ViewFn::from(move || {
            let mesh = mesh.clone();
            move || provided.get().and_then(Result::ok).filter(|services| !services.is_empty()).map(|services| view! {
                <div class="alert alert-warning">
                    <p>{format!("This {noun} provides these virtual services. App Mesh will refuse to delete it until they have another provider or are deleted:")}</p>
                    <ServiceLinks mesh=mesh.clone() services=services />
                </div>
            })
        })
    });
    // A router may both provide services and have routes: both reasons are shown.
    let blocker = match (blocker, in_use) {
        (Some(provided), Some(other)) => Some(ViewFn::from(move || view! { {provided.run()} {other.run()} })),
        (provided, other) => provided.or(other),
    };
    let parent_crumb = match &place {
        Place::Inside(kind, parent) => {
            let (href, parent) = (routing::resource(&mesh, kind.parent(), parent), parent.clone());
            Some(view! { <li><A href=href>{parent}</A></li> })
        }
        Place::Section(_) => None,
    };
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
                    {parent_crumb}
                    <li aria-current="page">{name.clone()}</li>
                </ol>
            </nav>
            <div class="page-header">
                <h1>{name.clone()}</h1>
                <div class="actions">
                    <A href=place.edit(&mesh, &name) attr:class="button">"Edit"</A>
                    <button type="button" class="button button-danger" on:click=move |_| deleting.set(true)>"Delete"</button>
                </div>
            </div>
            <dl class="details">
                {children()}
                {provides_row}
            </dl>
            {more.map(|more| more.run())}
            <TagTable tags=tags />
            <ConfirmDelete kind=noun name=name.clone() open=deleting pending=remove.pending() error=remove.error()
                on_confirm=on_confirm blocker=blocker />
        </section>
    }
}
