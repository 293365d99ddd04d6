//! `/meshes/{mesh}/virtual-gateways/{name}`: a gateway's listeners, logging and backend
//! defaults, its gateway routes, Edit and Delete. While it has gateway routes, App Mesh
//! refuses the delete: the dialog says so and links them.

use super::spec_form::{access_log_path, backend_tls_text, listener_summaries};
use crate::api::{LoadedWithTags, ResourceRecord, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::not_found_panel::NotFoundPanel;
use crate::components::resource_page::{DeleteCall, ResourcePage};
use crate::components::routes_in_use::routes_in_use;
use crate::gateway_routes::table::GatewayRouteTable;
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routes::list::{load_routes, route_names};
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::{MeshResourceKind, RouteKind, TagRef};
use std::sync::Arc;

const GATEWAY: MeshResourceKind = MeshResourceKind::VirtualGateway;

/// The gateway the URL names (`…/virtual-gateways/{name}`).
pub fn use_gateway_name() -> Memo<String> {
    routing::use_path_names().0
}

fn load_gateway(name: Memo<String>, follow: bool) -> LoadedWithTags<ResourceRecord> {
    crate::components::described::load_named(GATEWAY, name, follow)
}

/// The gateway the URL names, shown by `page`; a not-found page when the mesh has none.
/// Fetched again on a change made elsewhere when `follow` (see `api::load_following`).
#[component]
pub fn WithGateway(follow: bool, page: fn(ResourceRecord, Vec<TagRef>) -> AnyView) -> impl IntoView {
    let (mesh, name) = (use_mesh(), use_gateway_name());
    async_view_of(load_gateway(name, follow), move |found: Option<(ResourceRecord, Vec<TagRef>)>| match found {
        Some((data, tags)) => page(data, tags),
        None => view! {
            <NotFoundPanel title="Virtual gateway not found"
                message=Signal::derive(move || format!("The mesh {} has no virtual gateway named {}.", mesh.get(), name.get()))
                back_href=Signal::derive(move || routing::section(&mesh.get(), GATEWAY)) back_text="Go to the virtual gateways" />
        }
        .into_any(),
    })
}

#[component]
pub fn VirtualGatewayDetail() -> impl IntoView {
    view! { <WithGateway follow=true page=|data, tags| view! { <Details data=data tags=tags /> }.into_any() /> }
}

#[component]
fn Details(data: ResourceRecord, tags: Vec<TagRef>) -> impl IntoView {
    let (backend, address) = (use_backend(), use_mesh_address());
    let delete: DeleteCall = {
        let name = data.name.clone();
        Arc::new(move || {
            let call = backend.delete_resource(GATEWAY, address.clone(), name.clone());
            Box::pin(async move { call.await.map(drop) })
        })
    };
    let (mesh, name) = (data.mesh_name.to_string(), data.name.to_string());
    let routes = load_routes(RouteKind::GatewayRoute, data.name.clone());
    let in_use = routes_in_use(mesh.clone(), RouteKind::GatewayRoute, name.clone(), route_names(routes));
    let more = {
        let (mesh, name) = (mesh.clone(), name.clone());
        ViewFn::from(move || {
            let (mesh, name) = (mesh.clone(), name.clone());
            async_view_of(routes, move |records| view! { <GatewayRouteTable mesh=mesh.clone() gateway=name.clone() records=records /> })
        })
    };
    let listeners = listener_summaries(&data.spec);
    view! {
        <ResourcePage place=GATEWAY record=data.clone() tags=tags delete=delete in_use=Some(in_use) more=Some(more)>
            <div><dt>"Virtual gateway name"</dt><dd>{name.clone()}</dd></div>
            <div><dt>"Listeners"</dt><dd>
                {if listeners.is_empty() { Some("None") } else { None }}
                <ul class="plain-list">
                    {listeners.into_iter().map(|listener| view! {
                        <li>{format!("Port {} {}; health check: {}; TLS mode: {}", listener.port, listener.protocol, listener.health_check, listener.tls_mode)}</li>
                    }).collect_view()}
                </ul>
            </dd></div>
            <div><dt>"Access log"</dt><dd>{access_log_path(&data.spec).unwrap_or("None").to_string()}</dd></div>
            <div><dt>"Backend defaults"</dt><dd>{backend_tls_text(&data.spec)}</dd></div>
        </ResourcePage>
    }
}
