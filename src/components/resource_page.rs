//! The details page of a virtual service, node, router or route: breadcrumbs, header with
//! Edit and Delete, the fields the caller gives, tags, and a delete that asks to type
//! `delete`. Given the virtual services a node or router provides, or the routes a router
//! has, it shows why App Mesh would refuse to delete it.

use super::confirm_delete::ConfirmDelete;
use super::metadata::TagTable;
use super::service_links::ServiceLinks;
use super::submission::{Done, Submission};
use crate::api::{BackendError, Call};
use crate::components::link::A;
use crate::routing::{self, Section};
use leptos::prelude::*;
use mesh_engine::resource::{RouteKind, TagRef};
use std::sync::Arc;

/// Deletes the resource the page shows.
pub type DeleteCall = Arc<dyn Fn() -> Call<()> + Send + Sync>;

/// Where the route (or gateway route) a page shows lives: its router's (gateway's) name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteOf {
    pub kind: RouteKind,
    pub parent: String,
}

/// The routes (or gateway routes) of the router (gateway) a page shows, by name: App Mesh
/// refuses to delete it while it has any.
#[derive(Clone, Copy)]
pub struct ChildRoutes {
    pub kind: RouteKind,
    pub names: Signal<Vec<String>>,
}

/// Links to the routes of `parent`.
#[component]
fn RouteLinks(mesh: String, kind: RouteKind, parent: String, names: Vec<String>) -> impl IntoView {
    view! {
        <ul class="plain-list">
            {names.into_iter().map(|name| view! { <li><A href=routing::route(&mesh, kind, &parent, &name)>{name.clone()}</A></li> }).collect_view()}
        </ul>
    }
}

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
    /// The page is of a route (or gateway route) under this router (gateway) of `section`.
    #[prop(default = None)]
    route_of: Option<RouteOf>,
    /// The routes of the router (gateway) the page shows.
    #[prop(default = None)]
    routes: Option<ChildRoutes>,
    /// Parts of the page below the details, above the tags.
    #[prop(default = None)]
    below: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let deleting = RwSignal::new(false);
    let remove = Submission::new();
    let noun = route_of.as_ref().map_or(section.noun(), |route| route.kind.noun());
    let (edit_href, deleted_go_to) = match &route_of {
        Some(RouteOf { kind, parent }) => (routing::edit_route(&mesh, *kind, parent, &name), routing::resource(&mesh, section, parent)),
        None => (routing::edit_resource(&mesh, section, &name), routing::section(&mesh, section)),
    };
    let on_confirm = {
        let name = name.clone();
        let notice_noun = route_of.as_ref().map_or(section.noun_title(), |route| route.kind.title());
        move || {
            let (call, name, go_to) = (delete(), name.clone(), deleted_go_to.clone());
            remove.run(Box::pin(async move {
                call.await?;
                Ok(Done { notice: format!("{notice_noun} {name} deleted."), go_to })
            }));
        }
    };
    let refusals = provided.is_some() || routes.is_some();
    let blocker = refusals.then(|| {
        let (mesh, parent) = (mesh.clone(), name.clone());
        ViewFn::from(move || {
            let (mesh, parent) = (mesh.clone(), parent.clone());
            move || {
                let services = provided.and_then(|provided| provided.get()).and_then(Result::ok).filter(|services| !services.is_empty());
                let route_names = routes.map(|routes| (routes.kind, routes.names.get())).filter(|(_, names)| !names.is_empty());
                view! {
                    {services.map(|services| view! {
                        <div class="alert alert-warning">
                            <p>{format!("This {} provides these virtual services. App Mesh will refuse to delete it until they have another provider or are deleted:", section.noun())}</p>
                            <ServiceLinks mesh=mesh.clone() services=services />
                        </div>
                    })}
                    {route_names.map(|(kind, names)| view! {
                        <div class="alert alert-warning">
                            <p>{format!("This {} has {}s. App Mesh will refuse to delete it until they are deleted:", section.noun(), kind.noun())}</p>
                            <RouteLinks mesh=mesh.clone() kind=kind parent=parent.clone() names=names />
                        </div>
                    })}
                }
            }
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
                    {route_of.map(|route| view! { <li><A href=routing::resource(&mesh, section, &route.parent)>{route.parent.clone()}</A></li> })}
                    <li aria-current="page">{name.clone()}</li>
                </ol>
            </nav>
            <div class="page-header">
                <h1>{name.clone()}</h1>
                <div class="actions">
                    <A href=edit_href attr:class="button">"Edit"</A>
                    <button type="button" class="button button-danger" on:click=move |_| deleting.set(true)>"Delete"</button>
                </div>
            </div>
            <dl class="details">
                {children()}
                {provides_row}
            </dl>
            {below.map(|below| below.run())}
            <TagTable tags=tags />
            <ConfirmDelete kind=noun name=name.clone() open=deleting pending=remove.pending() error=remove.error()
                on_confirm=on_confirm blocker=blocker />
        </section>
    }
}
