//! `/meshes/{mesh}/virtual-nodes/{name}` and `/meshes/{mesh}/virtual-routers/{name}`.

use super::provided_services;
use super::spec_form::{backend_names, dns_hostname};
use crate::api::{Call, LoadedWithTags, ResourceRecord, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::listeners::listener_drafts;
use crate::components::not_found_panel::NotFoundPanel;
use crate::components::resource_page::ResourcePage;
use crate::components::routes_in_use::routes_in_use;
use crate::components::service_links::ServiceLinks;
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routes::list::{RouteTable, load_routes, route_names};
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::{ProviderKind, RouteKind, TagRef};
use std::sync::Arc;

/// The node or router the URL names, with its tags; `None` when the mesh has no such one.
fn load_provider(kind: ProviderKind, follow: bool) -> (Memo<String>, LoadedWithTags<ResourceRecord>) {
    let name = routing::use_path_names().0;
    (name, crate::components::described::load_named(kind.into(), name, follow))
}

#[component]
fn NotFound(kind: ProviderKind, mesh: Memo<String>, name: Memo<String>) -> impl IntoView {
    view! {
        <NotFoundPanel title=format!("{} not found", kind.title())
            message=Signal::derive(move || format!("The mesh {} has no {} named {}.", mesh.get(), kind.noun(), name.get()))
            back_href=Signal::derive(move || routing::section(&mesh.get(), kind)) back_text=format!("Go to the {}s", kind.noun()) />
    }
}

/// The node or router the URL names, shown by `page`; a not-found page when the mesh has
/// none. Fetched again on a change made elsewhere when `follow` (see `api::load_following`).
#[component]
pub fn WithProvider(kind: ProviderKind, follow: bool, page: fn(ProviderKind, ResourceRecord, Vec<TagRef>) -> AnyView) -> impl IntoView {
    let mesh = use_mesh();
    let (name, loaded) = load_provider(kind, follow);
    async_view_of(loaded, move |found: Option<(ResourceRecord, Vec<TagRef>)>| match found {
        None => view! { <NotFound kind=kind mesh=mesh name=name /> }.into_any(),
        Some((data, tags)) => page(kind, data, tags),
    })
}

#[component]
pub fn ProviderDetail(kind: ProviderKind) -> impl IntoView {
    view! { <WithProvider kind=kind follow=true page=|kind, data, tags| view! { <Details kind=kind data=data tags=tags /> }.into_any() /> }
}

#[component]
fn Details(kind: ProviderKind, data: ResourceRecord, tags: Vec<TagRef>) -> impl IntoView {
    let (backend, address) = (use_backend(), use_mesh_address());
    let delete: Arc<dyn Fn() -> Call<()> + Send + Sync> = {
        let name = data.name.clone();
        Arc::new(move || {
            let call = backend.delete_resource(kind.into(), address.clone(), name.clone());
            Box::pin(async move { call.await.map(drop) })
        })
    };
    let (mesh, name) = (data.mesh_name.to_string(), data.name.to_string());
    let listeners: Vec<String> =
        listener_drafts(&data.spec).into_iter().map(|draft| format!("{} {}", draft.port, draft.protocol.as_str())).collect();
    let node_fields = (kind == ProviderKind::VirtualNode).then(|| {
        let cloud_map = |member: &str| {
            data.spec.pointer(&format!("/serviceDiscovery/awsCloudMap/{member}")).and_then(|v| v.as_str()).unwrap_or_default().to_string()
        };
        let discovery = match (dns_hostname(&data.spec), data.spec.get("serviceDiscovery")) {
            (Some(hostname), _) => format!("DNS: {hostname}"),
            (None, Some(_)) => format!("AWS Cloud Map: {} in {}", cloud_map("serviceName"), cloud_map("namespaceName")),
            (None, None) => "None".to_string(),
        };
        view! {
            <div><dt>"Service discovery"</dt><dd>{discovery}</dd></div>
            <div><dt>"Backends"</dt><dd><ServiceLinks mesh=mesh.clone() services=backend_names(&data.spec) /></dd></div>
        }
    });
    // A router's routes: listed below its details, and why App Mesh refuses to delete it.
    let routes = (kind == ProviderKind::VirtualRouter).then(|| load_routes(RouteKind::Route, data.name.clone()));
    let in_use = routes.map(|routes| routes_in_use(mesh.clone(), RouteKind::Route, name.clone(), route_names(routes)));
    let more = routes.map(|routes| {
        let (mesh, router) = (mesh.clone(), name.clone());
        ViewFn::from(move || view! { <RouteTable mesh=mesh.clone() router=router.clone() routes=routes /> })
    });
    view! {
        <ResourcePage place=kind record=data.clone() tags=tags delete=delete provided=provided_services::load(kind, name.clone())
            in_use=in_use more=more>
            <div><dt>{format!("{} name", kind.title())}</dt><dd>{name.clone()}</dd></div>
            {node_fields}
            <div><dt>"Listeners"</dt><dd>{if listeners.is_empty() { "None".to_string() } else { listeners.join(", ") }}</dd></div>
        </ResourcePage>
    }
}
