//! `/meshes/{mesh}/virtual-services/{name}`: everything about one virtual service; Edit and
//! Delete.

use super::wizard::state::provider_of;
use crate::api::ResourceRecord;
use crate::api::{LoadedWithTags, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::link::A;
use crate::components::not_found_panel::NotFoundPanel;
use crate::components::resource_page::{DeleteCall, ResourcePage};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing::{self, Section};
use leptos::prelude::*;
use mesh_engine::resource::{MeshResourceKind, TagRef};
use std::sync::Arc;

/// The service the URL names.
pub fn use_service_name() -> Memo<String> {
    routing::use_path_names().0
}

/// A service and its tags, or nothing when there is no such service; fetched again on a
/// change made elsewhere when `follow` (see `api::load_following`).
pub fn load_service(service: Memo<String>, follow: bool) -> LoadedWithTags<ResourceRecord> {
    crate::components::described::load_named(MeshResourceKind::VirtualService, service, follow)
}

#[component]
pub fn VirtualServiceNotFound(mesh: Memo<String>, service: Memo<String>) -> impl IntoView {
    view! {
        <NotFoundPanel title="Virtual service not found"
            message=Signal::derive(move || format!("The mesh {} has no virtual service named {}.", mesh.get(), service.get()))
            back_href=Signal::derive(move || routing::virtual_services(&mesh.get())) back_text="Go to the virtual services" />
    }
}

/// The service the URL names, shown by `page`; a not-found page when the mesh has none.
#[component]
pub fn WithService(page: fn(ResourceRecord, Vec<TagRef>) -> AnyView, follow: bool) -> impl IntoView {
    let mesh = use_mesh();
    let service = use_service_name();
    let loaded = load_service(service, follow);
    view! {
        {async_view_of(loaded, move |found: Option<(ResourceRecord, Vec<TagRef>)>| match found {
            None => view! { <VirtualServiceNotFound mesh=mesh service=service /> }.into_any(),
            Some((data, tags)) => page(data, tags),
        })}
    }
}

#[component]
pub fn VirtualServiceDetail() -> impl IntoView {
    view! { <WithService page=|data, tags| view! { <Details data=data tags=tags /> }.into_any() follow=true /> }
}

#[component]
fn Details(data: ResourceRecord, tags: Vec<TagRef>) -> impl IntoView {
    let (backend, address) = (use_backend(), use_mesh_address());
    let delete: DeleteCall = {
        let name = data.name.clone();
        Arc::new(move || {
            let call = backend.delete_resource(MeshResourceKind::VirtualService, address.clone(), name.clone());
            Box::pin(async move { call.await.map(drop) })
        })
    };
    let mesh = data.mesh_name.to_string();
    let provider_mesh = mesh.clone();
    let mesh_label = mesh.clone();
    let provider = provider_of(&data.spec);
    view! {
        <ResourcePage place=Section::VIRTUAL_SERVICES record=data.clone() tags=tags delete=delete>
            <div><dt>"Virtual service name"</dt><dd>{data.name.to_string()}</dd></div>
            <div><dt>"Mesh"</dt><dd><A href=routing::virtual_services(&mesh)>{mesh_label}</A></dd></div>
            <div><dt>"Provider"</dt><dd>{match provider {
                Some((kind, name)) => view! {
                    {kind.title()} " " <A href=routing::resource(&provider_mesh, kind, &name)>{name.clone()}</A>
                }.into_any(),
                None => view! { "None" }.into_any(),
            }}</dd></div>
        </ResourcePage>
    }
}
