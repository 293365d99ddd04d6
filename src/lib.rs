//! Mesh Console: the App Mesh virtual-services console, as a Leptos single-page app.

mod api;
mod components;
mod gateway_routes;
mod meshes;
mod not_found;
mod providers;
mod routes;
mod routing;
mod shell;
mod storage;
mod virtual_gateways;
mod virtual_services;
mod web;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use mesh_engine::resource::ProviderKind;
use providers::detail::ProviderDetail;
use providers::form::{CreateProvider, EditProvider};
use providers::list::ProviderList;

/// Finds out where data is kept (see `storage::start`), then shows the console, or why it
/// cannot run.
pub async fn start() {
    use storage::start::Started;
    let started = storage::start::start().await;
    leptos::mount::mount_to_body(move || match started {
        Started::Ready(backend) => Either::Left(view! { <Console backend=backend /> }),
        Started::Problem { message, backend } => {
            Either::Right(view! { <storage::problem::StorageProblem message=message backend=backend /> })
        }
    });
}

/// The whole console: the backend in context, the app shell, and every view at its URL.
#[component]
fn Console(backend: api::appmesh::AppMeshBackend) -> impl IntoView {
    let in_browser = api::Backend::storage(&backend) == api::Storage::Browser;
    api::provide_backend(backend);
    if in_browser {
        storage::live::follow_other_tabs();
    }
    components::notice::provide_notices();
    meshes::known::provide_known_meshes();
    view! {
        <Router base=routing::base()>
            <shell::Shell>
                <Routes fallback=|| view! { <not_found::NotFound /> }>
                    <Route path=path!("/") view=|| routing::redirect(routing::MESHES) />

                    <Route path=path!("/settings") view=storage::settings::Settings />
                    <Route path=path!("/meshes") view=meshes::list::MeshList />
                    <Route path=path!("/meshes/create") view=meshes::create::CreateMesh />
                    <ParentRoute path=path!("/meshes/:mesh") view=meshes::layout::MeshLayout>
                        <Route path=path!("") view=meshes::layout::MeshHome />
                        <Route path=path!("virtual-services") view=virtual_services::list::VirtualServiceList />
                        <Route path=path!("virtual-services/create") view=virtual_services::wizard::CreateVirtualService />
                        <Route path=path!("virtual-services/:service") view=virtual_services::detail::VirtualServiceDetail />
                        <Route path=path!("virtual-services/:service/edit") view=virtual_services::edit::EditVirtualService />
                        <Route path=path!("virtual-routers") view=|| view! { <ProviderList kind=ProviderKind::VirtualRouter /> } />
                        <Route path=path!("virtual-routers/create") view=|| view! { <CreateProvider kind=ProviderKind::VirtualRouter /> } />
                        <Route path=path!("virtual-routers/:name") view=|| view! { <ProviderDetail kind=ProviderKind::VirtualRouter /> } />
                        <Route path=path!("virtual-routers/:name/edit") view=|| view! { <EditProvider kind=ProviderKind::VirtualRouter /> } />
                        <Route path=path!("virtual-routers/:name/routes/create") view=routes::form::CreateRoute />
                        <Route path=path!("virtual-routers/:name/routes/:route") view=routes::detail::RouteDetail />
                        <Route path=path!("virtual-routers/:name/routes/:route/edit") view=routes::form::EditRoute />
                        <Route path=path!("virtual-nodes") view=|| view! { <ProviderList kind=ProviderKind::VirtualNode /> } />
                        <Route path=path!("virtual-nodes/create") view=|| view! { <CreateProvider kind=ProviderKind::VirtualNode /> } />
                        <Route path=path!("virtual-nodes/:name") view=|| view! { <ProviderDetail kind=ProviderKind::VirtualNode /> } />
                        <Route path=path!("virtual-nodes/:name/edit") view=|| view! { <EditProvider kind=ProviderKind::VirtualNode /> } />
                        <Route path=path!("virtual-gateways") view=virtual_gateways::list::VirtualGatewayList />
                        <Route path=path!("virtual-gateways/create") view=virtual_gateways::form::CreateVirtualGateway />
                        <Route path=path!("virtual-gateways/:name") view=virtual_gateways::detail::VirtualGatewayDetail />
                        <Route path=path!("virtual-gateways/:name/edit") view=virtual_gateways::form::EditVirtualGateway />
                        <Route path=path!("virtual-gateways/:name/gateway-routes/create") view=gateway_routes::form::CreateGatewayRoute />
                        <Route path=path!("virtual-gateways/:name/gateway-routes/:route") view=gateway_routes::detail::GatewayRouteDetail />
                        <Route path=path!("virtual-gateways/:name/gateway-routes/:route/edit") view=gateway_routes::form::EditGatewayRoute />
                    </ParentRoute>
                </Routes>
            </shell::Shell>
        </Router>
    }
}
