//! `/meshes/{mesh}/virtual-nodes/{name}`.

use crate::api::{BackendError, use_backend};
use crate::components::async_view::AsyncView;
use crate::components::confirm_delete::ConfirmDelete;
use crate::components::metadata::{MetadataFields, TagTable};
use crate::components::notice::notify;
use crate::components::provided_services::{self, ProvidedServices};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing::{self, Section};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use mesh_engine::names::ResourceName;
use mesh_engine::resource::{TagRef, VirtualNodeData};
use mesh_engine::spec::{Backend, ServiceDiscovery};

/// The node the URL names, with its tags; `None` when the mesh has no such node.
pub fn load_node() -> (Memo<String>, LocalResource<Result<Option<(VirtualNodeData, Vec<TagRef>)>, BackendError>>) {
    let params = use_params_map();
    let name = Memo::new(move |_| params.read().get("node").unwrap_or_default());
    let (backend, mesh) = (use_backend(), use_mesh_address());
    let loaded = LocalResource::new(move || {
        let (backend, mesh, name) = (backend.clone(), mesh.clone(), ResourceName::parse(name.get()).ok());
        async move {
            let Some(name) = name else { return Ok(None) };
            let data = match backend.describe_virtual_node(mesh, name).await {
                Ok(data) => data,
                Err(error) if error.is_not_found() => return Ok(None),
                Err(error) => return Err(error),
            };
            let tags = backend.list_tags(data.metadata.arn.clone()).await.unwrap_or_default();
            Ok(Some((data, tags)))
        }
    });
    (name, loaded)
}

#[component]
pub fn NotFound(mesh: Memo<String>, name: Memo<String>, section: Section) -> impl IntoView {
    let noun = match section { Section::VirtualRouters => "virtual router", _ => "virtual node" };
    view! {
        <section class="page">
            <h1>{format!("{} not found", if noun == "virtual router" { "Virtual router" } else { "Virtual node" })}</h1>
            <p>{move || format!("The mesh {} has no {noun} named {}.", mesh.get(), name.get())}</p>
            <p><A href=move || routing::section(&mesh.get(), section)>{format!("Go to the {noun}s")}</A></p>
        </section>
    }
}

#[component]
pub fn VirtualNodeDetail() -> impl IntoView {
    let mesh = use_mesh();
    let (name, loaded) = load_node();
    view! {
        <AsyncView resource=loaded loaded={move |found: Option<(VirtualNodeData, Vec<TagRef>)>| match found {
            None => view! { <NotFound mesh=mesh name=name section=Section::VirtualNodes /> }.into_any(),
            Some((data, tags)) => view! { <NodeDetails data=data tags=tags /> }.into_any(),
        }} />
    }
}

#[component]
fn NodeDetails(data: VirtualNodeData, tags: Vec<TagRef>) -> impl IntoView {
    let mesh = data.mesh_name.to_string();
    let name = data.virtual_node_name.to_string();
    let provided = provided_services::load(Section::VirtualNodes, name.clone());
    let deleting = RwSignal::new(false);
    let (backend, address) = (use_backend(), use_mesh_address());
    let delete = Action::new_local({
        let name = data.virtual_node_name.clone();
        move |_: &()| {
            let (backend, mesh, name) = (backend.clone(), address.clone(), name.clone());
            async move { backend.delete_virtual_node(mesh, name).await }
        }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(deleted)) = delete.value().get() {
            notify(format!("Virtual node {} deleted.", deleted.virtual_node_name));
            navigate(&routing::section(deleted.mesh_name.as_str(), Section::VirtualNodes), Default::default());
        }
    });
    let delete_error = Signal::derive(move || delete.value().get().and_then(Result::err).map(|error| error.to_string()));
    let discovery = match &data.spec.service_discovery {
        None => "None".to_string(),
        Some(ServiceDiscovery::Dns(dns)) => format!("DNS: {}", dns.hostname),
        Some(ServiceDiscovery::AwsCloudMap(map)) => format!("AWS Cloud Map: {} in {}", map.service_name, map.namespace_name),
    };
    let listeners: Vec<String> = data.spec.listeners.iter().flatten().map(|l| format!("{} {}", l.port_mapping.port, l.port_mapping.protocol.as_str())).collect();
    let backends: Vec<String> = data.spec.backends.iter().flatten().map(|Backend::VirtualService(b)| b.virtual_service_name.to_string()).collect();
    let (mesh_for_provided, mesh_for_blocker) = (mesh.clone(), mesh.clone());
    let blocker = ViewFn::from(move || {
        let mesh = mesh_for_blocker.clone();
        move || provided.get().and_then(Result::ok).filter(|services| !services.is_empty()).map(|services| view! {
            <div class="alert alert-warning">
                <p>"This virtual node provides these virtual services. App Mesh will refuse to delete it until they have another provider or are deleted:"</p>
                <ProvidedServices mesh=mesh.clone() services=services />
            </div>
        })
    });
    view! {
        <section class="page">
            <div class="page-header">
                <h1>{name.clone()}</h1>
                <div class="actions">
                    <A href=routing::edit_resource(&mesh, Section::VirtualNodes, &name) attr:class="button">"Edit"</A>
                    <button type="button" class="button button-danger" on:click=move |_| deleting.set(true)>"Delete"</button>
                </div>
            </div>
            <dl class="details">
                <div><dt>"Virtual node name"</dt><dd>{name.clone()}</dd></div>
                <div><dt>"Service discovery"</dt><dd>{discovery}</dd></div>
                <div><dt>"Listeners"</dt><dd>{if listeners.is_empty() { "None".to_string() } else { listeners.join(", ") }}</dd></div>
                <div><dt>"Backends"</dt><dd><ProvidedServices mesh=mesh.clone() services=backends /></dd></div>
                <div><dt>"Provides"</dt><dd>{move || provided.get().and_then(Result::ok).map(|services| view! { <ProvidedServices mesh=mesh_for_provided.clone() services=services /> })}</dd></div>
                <MetadataFields metadata=data.metadata.clone() status=data.status.status />
            </dl>
            <TagTable tags=tags />
            <ConfirmDelete kind="virtual node" name=name.clone() open=deleting pending=delete.pending() error=delete_error
                on_confirm=move || { delete.dispatch(()); } blocker=blocker />
        </section>
    }
}
