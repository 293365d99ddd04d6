//! The details page of a mesh, virtual service, node, router, gateway, route or gateway route:
//! breadcrumbs (with the section), header with Edit and Delete, the fields the caller gives,
//! the metadata every resource has, its tags (with their editor), and a delete that asks to
//! type `delete`. Given the virtual services a node or router provides, it shows them, and
//! why App Mesh would refuse to delete it; a caller may give other reasons (`in_use`).

use super::confirm_delete::{ConfirmDelete, InUse};
use super::export_panel::ExportPanel;
use super::metadata::MetadataFields;
use super::service_links::ServiceLinks;
use super::submission::{Done, Submission};
use super::tag_editor::TagEditor;
use crate::api::{Call, Loaded, ResourceRecord};
use crate::components::findings::ResourceFindings;
use crate::components::link::A;
use crate::routing::{self, Section};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use mesh_engine::MeshAddress;
use mesh_engine::percent::encode;
use mesh_engine::resource::{MeshResourceKind, ProviderKind, RouteKind, TagRef};
use std::sync::Arc;

/// Deletes the resource the page shows.
pub type DeleteCall = Arc<dyn Fn() -> Call<()> + Send + Sync>;

/// Where the resource a page shows lives: it is the mesh, or in a mesh's section, or inside a
/// router or gateway.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Mesh,
    Section(Section),
    /// A route or gateway route, and the name of its router or gateway.
    Inside(RouteKind, String),
}

impl Place {
    fn noun(&self) -> &'static str {
        match self {
            Self::Mesh => "mesh",
            Self::Section(section) => section.noun(),
            Self::Inside(kind, _) => kind.noun(),
        }
    }

    fn noun_title(&self) -> &'static str {
        match self {
            Self::Mesh => "Mesh",
            Self::Section(section) => section.noun_title(),
            Self::Inside(kind, _) => kind.title(),
        }
    }

    fn edit(&self, mesh: &str, name: &str) -> String {
        match self {
            Self::Mesh => routing::edit_mesh(mesh),
            Self::Section(section) => routing::edit_resource(mesh, *section, name),
            Self::Inside(kind, parent) => routing::edit_route(mesh, *kind, parent, name),
        }
    }

    /// The page a delete leads to, and its name: the section's list, or the parent's details.
    fn after_delete(&self, mesh: &str) -> (String, String) {
        match self {
            Self::Mesh => (routing::MESHES.to_string(), "Go to your meshes".to_string()),
            Self::Section(section) => (routing::section(mesh, *section), format!("Go to the {}s", section.noun())),
            Self::Inside(kind, parent) => (routing::resource(mesh, kind.parent(), parent), format!("Go to {parent}")),
        }
    }

    /// Its kind as the console's API spells it (`virtualNode`, as in ARNs), and a route's parent.
    fn api_kind(&self) -> (&'static str, Option<String>) {
        match self {
            Self::Mesh => ("mesh", None),
            Self::Section(section) => (section.kind().arn_segment(), None),
            Self::Inside(route, parent) => (route.arn_segment(), Some(parent.clone())),
        }
    }

    /// What the export call adds to its format to name this resource (nothing: the whole mesh).
    fn export_scope(&self, name: &str) -> String {
        match self.api_kind() {
            ("mesh", _) => String::new(),
            (kind, None) => format!("&kind={kind}&name={}", encode(name)),
            (kind, Some(parent)) => format!("&kind={kind}&name={}&parent={}", encode(name), encode(&parent)),
        }
    }

    /// The breadcrumbs between the meshes and the page: the mesh, then a section's list or a
    /// parent's details.
    fn crumbs(&self, mesh: &str) -> Vec<(String, String)> {
        let list = |section: Section| (section.title(), routing::section(mesh, section));
        let mut crumbs = vec![(mesh.to_string(), routing::mesh(mesh))];
        match self {
            Self::Mesh => return Vec::new(),
            Self::Section(section) => crumbs.push(list(*section)),
            Self::Inside(kind, parent) => {
                crumbs.extend([list(kind.parent().into()), (parent.clone(), routing::resource(mesh, kind.parent(), parent))])
            }
        }
        crumbs
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
    record: ResourceRecord,
    tags: Vec<TagRef>,
    delete: DeleteCall,
    /// The virtual services this resource provides, when it is a provider.
    #[prop(optional)]
    provided: Option<Loaded<Vec<String>>>,
    /// Why App Mesh would refuse the delete now, when the page knows another reason.
    #[prop(default = None)]
    in_use: Option<Signal<Option<InUse>>>,
    /// More of the page, after the details: a router's routes, a gateway's gateway routes.
    #[prop(default = None)]
    more: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let (noun, noun_title) = (place.noun(), place.noun_title());
    let (mesh, name, arn) = (record.mesh_name.to_string(), record.name.to_string(), record.metadata.arn.clone());
    let deleting = RwSignal::new(false);
    let remove = Submission::new();
    let (after_delete, back_text) = place.after_delete(&mesh);
    let on_confirm = {
        let (go_to, name) = (after_delete.clone(), name.clone());
        move || {
            let (call, go_to, name) = (delete(), go_to.clone(), name.clone());
            remove.run(Box::pin(async move {
                call.await?;
                Ok(Done { notice: format!("{noun_title} {name} deleted."), go_to })
            }));
        }
    };
    // A router may both provide services and have routes: both reasons are shown.
    let reasons = {
        let mesh = mesh.clone();
        Signal::derive(move || {
            let provides = provided.and_then(|provided| provided.get()).and_then(Result::ok).filter(|services| !services.is_empty()).map(|services| InUse {
                reason: format!("This {noun} provides these virtual services. App Mesh will refuse to delete it until they have another provider or are deleted:"),
                holders: services.into_iter().map(|service| (routing::virtual_service(&mesh, &service), service)).map(|(href, service)| (service, href)).collect(),
            });
            provides.into_iter().chain(in_use.and_then(|in_use| in_use.get())).collect::<Vec<_>>()
        })
    };
    let provides_row = provided.map(|provided| {
        let mesh = mesh.clone();
        view! {
            <div><dt>"Provides"</dt><dd>{move || provided.get().and_then(Result::ok).map(|services| view! {
                <ServiceLinks mesh=mesh.clone() services=services />
            })}</dd></div>
        }
    });
    let address = MeshAddress::new(record.mesh_name.clone(), Some(record.metadata.mesh_owner.clone()));
    let export_scope = place.export_scope(&name);
    let (api_kind, parent) = place.api_kind();
    let export_format = use_location().query.get_untracked().get("export").unwrap_or_default();
    let edit_href = place.edit(&mesh, &name);
    let crumbs = place.crumbs(&mesh).into_iter().map(|(text, href)| view! { <li><A href=href>{text}</A></li> }).collect_view();
    view! {
        <section class="page">
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
                <ol>
                    <li><A href=routing::MESHES>"Meshes"</A></li>
                    {crumbs}
                    <li aria-current="page">{name.clone()}</li>
                </ol>
            </nav>
            <div class="page-header">
                <h1 tabindex="-1">{name.clone()}</h1>
                <div class="actions">
                    <A href=edit_href attr:class="button">"Edit"</A>
                    <button type="button" class="button button-danger" on:click=move |_| deleting.set(true)>"Delete"</button>
                </div>
            </div>
            <dl class="details">
                {children()}
                {provides_row}
                <MetadataFields metadata=record.metadata status=record.status.status />
            </dl>
            <ResourceFindings mesh=address.clone() kind=api_kind.to_string() parent=parent name=name.clone() />
            {more.map(|more| more.run())}
            <TagEditor arn=arn tags=tags />
            <ExportPanel mesh=address scope=export_scope format=export_format in_url=true />
            <ConfirmDelete kind=noun name=name.clone() open=deleting pending=remove.pending() error=remove.error()
                on_confirm=on_confirm in_use=reasons back=(after_delete, back_text) />
        </section>
    }
}
