//! Mesh Console: the App Mesh virtual-services console, as a Leptos single-page app.

mod api;
mod components;
mod meshes;
mod not_found;
mod routing;
mod shell;
mod virtual_nodes;
mod virtual_routers;
mod virtual_services;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

/// The whole console: the backend in context, the app shell, and every view at its URL.
#[component]
pub fn App() -> impl IntoView {
    api::provide_backend(api::http::HttpBackend::same_origin());
    components::notice::provide_notices();
    view! {
        <Router>
            <shell::Shell>
                <Routes fallback=|| view! { <not_found::NotFound /> }>
                    <Route path=path!("/") view=|| view! { <Redirect path=routing::MESHES /> } />
                    <Route path=path!("/meshes") view=meshes::list::MeshList />
                    <Route path=path!("/meshes/create") view=meshes::create::CreateMesh />
                    <ParentRoute path=path!("/meshes/:mesh") view=meshes::layout::MeshLayout>
                        <Route path=path!("") view=meshes::layout::MeshHome />
                        <Route path=path!("virtual-services") view=virtual_services::list::VirtualServiceList />
                        <Route path=path!("virtual-services/create") view=virtual_services::wizard::CreateVirtualService />
                        <Route path=path!("virtual-services/:service") view=virtual_services::detail::VirtualServiceDetail />
                        <Route path=path!("virtual-services/:service/edit") view=virtual_services::edit::EditVirtualService />
                        <Route path=path!("virtual-routers") view=virtual_routers::list::VirtualRouterList />
                        <Route path=path!("virtual-routers/create") view=virtual_routers::form::CreateVirtualRouter />
                        <Route path=path!("virtual-routers/:router") view=virtual_routers::detail::VirtualRouterDetail />
                        <Route path=path!("virtual-routers/:router/edit") view=virtual_routers::form::EditVirtualRouter />
                        <Route path=path!("virtual-nodes") view=virtual_nodes::list::VirtualNodeList />
                        <Route path=path!("virtual-nodes/create") view=virtual_nodes::form::CreateVirtualNode />
                        <Route path=path!("virtual-nodes/:node") view=virtual_nodes::detail::VirtualNodeDetail />
                        <Route path=path!("virtual-nodes/:node/edit") view=virtual_nodes::form::EditVirtualNode />
                    </ParentRoute>
                </Routes>
            </shell::Shell>
        </Router>
    }
}
