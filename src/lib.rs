//! Mesh Console: the App Mesh virtual-services console, as a Leptos single-page app.

mod api;
mod components;
mod meshes;
mod not_found;
mod routing;
mod shell;
mod providers;
mod virtual_services;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;
use providers::detail::ProviderDetail;
use providers::form::{CreateProvider, EditProvider};
use providers::kind::Provider;
use providers::list::ProviderList;

/// The whole console: the backend in context, the app shell, and every view at its URL.
#[component]
pub fn App() -> impl IntoView {
    api::provide_backend(api::http::HttpBackend::same_origin());
    components::notice::provide_notices();
    meshes::known::provide_known_meshes();
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
                        <Route path=path!("virtual-routers") view=|| view! { <ProviderList kind=Provider::VirtualRouter /> } />
                        <Route path=path!("virtual-routers/create") view=|| view! { <CreateProvider kind=Provider::VirtualRouter /> } />
                        <Route path=path!("virtual-routers/:name") view=|| view! { <ProviderDetail kind=Provider::VirtualRouter /> } />
                        <Route path=path!("virtual-routers/:name/edit") view=|| view! { <EditProvider kind=Provider::VirtualRouter /> } />
                        <Route path=path!("virtual-nodes") view=|| view! { <ProviderList kind=Provider::VirtualNode /> } />
                        <Route path=path!("virtual-nodes/create") view=|| view! { <CreateProvider kind=Provider::VirtualNode /> } />
                        <Route path=path!("virtual-nodes/:name") view=|| view! { <ProviderDetail kind=Provider::VirtualNode /> } />
                        <Route path=path!("virtual-nodes/:name/edit") view=|| view! { <EditProvider kind=Provider::VirtualNode /> } />
                    </ParentRoute>
                </Routes>
            </shell::Shell>
        </Router>
    }
}
