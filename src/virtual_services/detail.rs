//! `/meshes/{mesh}/virtual-services/{name}`: everything about one virtual service; Edit and
//! Delete.

use crate::api::{BackendError, use_backend};
use crate::components::async_view::AsyncView;
use crate::components::confirm_delete::ConfirmDelete;
use crate::components::metadata::{MetadataFields, TagTable};
use crate::components::submission::{Done, Submission};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing::{self, Section};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use mesh_engine::names::ServiceName;
use mesh_engine::resource::{TagRef, VirtualServiceData};
use mesh_engine::spec::VirtualServiceProvider;

/// The service the URL names.
pub fn use_service_name() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("service").unwrap_or_default())
}

/// A service and its tags, or nothing when there is no such service.
pub fn load_service(service: Memo<String>) -> LocalResource<Result<Option<(VirtualServiceData, Vec<TagRef>)>, BackendError>> {
    let (backend, address) = (use_backend(), use_mesh_address());
    crate::api::load(move || {
        let (backend, mesh, name) = (backend.clone(), address.clone(), ServiceName::parse(service.get()).ok());
        Box::pin(async move {
            let Some(name) = name else { return Ok(None) };
            let data = match backend.describe_virtual_service(mesh, name).await {
                Ok(data) => data,
                Err(error) if error.is_not_found() => return Ok(None),
                Err(error) => return Err(error),
            };
            // Tags of a resource in a mesh shared with you may be unreadable: the details still show.
            let tags = backend.list_tags(data.metadata.arn.clone()).await.unwrap_or_default();
            Ok(Some((data, tags)))
        })
    })
}

#[component]
pub fn VirtualServiceNotFound(mesh: Memo<String>, service: Memo<String>) -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Virtual service not found"</h1>
            <p>{move || format!("The mesh {} has no virtual service named {}.", mesh.get(), service.get())}</p>
            <p><A href=move || routing::virtual_services(&mesh.get())>"Go to the virtual services"</A></p>
        </section>
    }
}

#[component]
pub fn VirtualServiceDetail() -> impl IntoView {
    let mesh = use_mesh();
    let service = use_service_name();
    let loaded = load_service(service);
    let (backend, address) = (use_backend(), use_mesh_address());
    let deleting = RwSignal::new(false);
    let delete = Submission::new();
    let confirm = move || {
        let Ok(name) = ServiceName::parse(service.get_untracked()) else { return };
        let call = backend.delete_virtual_service(address.clone(), name);
        delete.run(Box::pin(async move {
            let deleted = call.await?;
            Ok(Done {
                notice: format!("Virtual service {} deleted.", deleted.virtual_service_name),
                go_to: routing::virtual_services(deleted.mesh_name.as_str()),
            })
        }));
    };
    view! {
        <AsyncView resource=loaded loaded={move |found: Option<(VirtualServiceData, Vec<TagRef>)>| match found {
            None => view! { <VirtualServiceNotFound mesh=mesh service=service /> }.into_any(),
            Some((data, tags)) => {
                let mesh_name = data.mesh_name.to_string();
                let service_name = data.virtual_service_name.to_string();
                let mesh_label = mesh_name.clone();
                view! {
                <section class="page">
                    <nav class="breadcrumbs" aria-label="Breadcrumbs">
                        <ol>
                            <li><A href=routing::MESHES>"Meshes"</A></li>
                            <li><A href=routing::virtual_services(&mesh_name)>{mesh_label}</A></li>
                            <li aria-current="page">{service_name.clone()}</li>
                        </ol>
                    </nav>
                    <div class="page-header">
                        <h1>{service_name.clone()}</h1>
                        <div class="actions">
                            <A href=routing::edit_virtual_service(&mesh_name, &service_name) attr:class="button">"Edit"</A>
                            <button type="button" class="button button-danger" on:click=move |_| deleting.set(true)>"Delete"</button>
                        </div>
                    </div>
                    <Details data=data.clone() tags=tags />
                    <ConfirmDelete kind="virtual service" name=service_name.clone() open=deleting
                        pending=delete.pending() error=delete.error() on_confirm=confirm.clone() />
                </section>
                }.into_any()
            }
        }} />
    }
}

#[component]
fn Details(data: VirtualServiceData, tags: Vec<TagRef>) -> impl IntoView {
    let mesh = data.mesh_name.to_string();
    let provider_mesh = mesh.clone();
    let mesh_label = mesh.clone();
    let provider = match &data.spec.provider {
        Some(VirtualServiceProvider::VirtualNode(p)) => Some(("Virtual node", p.virtual_node_name.to_string(), Section::VirtualNodes)),
        Some(VirtualServiceProvider::VirtualRouter(p)) => Some(("Virtual router", p.virtual_router_name.to_string(), Section::VirtualRouters)),
        None => None,
    };
    view! {
        <dl class="details">
            <div><dt>"Virtual service name"</dt><dd>{data.virtual_service_name.to_string()}</dd></div>
            <div><dt>"Mesh"</dt><dd><A href=routing::virtual_services(&mesh)>{mesh_label}</A></dd></div>
            <div><dt>"Provider"</dt><dd>{match provider {
                Some((kind, name, section)) => view! {
                    {kind} " " <A href=format!("{}?filter={}", routing::section(&provider_mesh, section), crate::components::query::encode(&name))>{name.clone()}</A>
                }.into_any(),
                None => view! { "None" }.into_any(),
            }}</dd></div>
            <MetadataFields metadata=data.metadata.clone() status=data.status.status />
        </dl>
        <TagTable tags=tags />
    }
}
