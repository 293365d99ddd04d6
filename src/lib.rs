//! Mesh Console: the App Mesh virtual-services console, as a Leptos single-page app.

mod api;
mod checks;
mod components;
mod gateway_routes;
mod import;
mod meshes;
mod not_found;
mod providers;
mod routes;
mod routing;
mod shell;
mod storage;
mod topology;
mod virtual_gateways;
mod virtual_services;
mod web;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use mesh_engine::resource::{MeshResourceKind, RouteKind};
use providers::detail::ProviderDetail;
use providers::form::{CreateProvider, EditProvider};
use providers::list::ProviderList;
use routing::{MeshPage, PagePath, Section};

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
                    <Route path=path!("/import") view=import::page::ImportPage />
                    <Route path=path!("/checks/:code") view=checks::explanation::CheckExplanation />
                    <ParentRoute path=path!("/meshes/:mesh") view=meshes::layout::MeshLayout>
                        <Route path=path!("") view=MeshPages />
                        <Route path=path!("*rest") view=MeshPages />
                    </ParentRoute>
                </Routes>
            </shell::Shell>
        </Router>
    }
}

/// The page a path inside a mesh shows (see `routing::PagePath`). Built again when the kind
/// of page changes, not its names: a page follows its names itself, as under the router.
#[component]
fn MeshPages() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let page = Memo::new(move |_| PagePath::parse(&routing::app_path(&location.pathname.get())).map(|path| path.page));
    move || {
        let Some(page) = page.get() else { return view! { <not_found::NotFound /> }.into_any() };
        let provider = |section: Section| match section.kind() {
            MeshResourceKind::Provider(kind) => Some(kind),
            _ => None,
        };
        match page {
            MeshPage::Home => view! { <meshes::detail::MeshDetail /> }.into_any(),
            MeshPage::EditMesh => view! { <meshes::edit::EditMesh /> }.into_any(),
            MeshPage::Topology => view! { <topology::page::TopologyPage /> }.into_any(),
            MeshPage::Checks => view! { <checks::mesh_checks::MeshChecks /> }.into_any(),
            MeshPage::List(section) => match provider(section) {
                Some(kind) => view! { <ProviderList kind=kind /> }.into_any(),
                None if section == Section::VIRTUAL_SERVICES => view! { <virtual_services::list::VirtualServiceList /> }.into_any(),
                None => view! { <virtual_gateways::list::VirtualGatewayList /> }.into_any(),
            },
            MeshPage::Create(section) => match provider(section) {
                Some(kind) => view! { <CreateProvider kind=kind /> }.into_any(),
                None if section == Section::VIRTUAL_SERVICES => view! { <virtual_services::wizard::CreateVirtualService /> }.into_any(),
                None => view! { <virtual_gateways::form::CreateVirtualGateway /> }.into_any(),
            },
            MeshPage::Item(section) => match provider(section) {
                Some(kind) => view! { <ProviderDetail kind=kind /> }.into_any(),
                None if section == Section::VIRTUAL_SERVICES => view! { <virtual_services::detail::VirtualServiceDetail /> }.into_any(),
                None => view! { <virtual_gateways::detail::VirtualGatewayDetail /> }.into_any(),
            },
            MeshPage::EditItem(section) => match provider(section) {
                Some(kind) => view! { <EditProvider kind=kind /> }.into_any(),
                None if section == Section::VIRTUAL_SERVICES => view! { <virtual_services::edit::EditVirtualService /> }.into_any(),
                None => view! { <virtual_gateways::form::EditVirtualGateway /> }.into_any(),
            },
            MeshPage::CreateRoute(RouteKind::Route) => view! { <routes::form::CreateRoute /> }.into_any(),
            MeshPage::CreateRoute(RouteKind::GatewayRoute) => view! { <gateway_routes::form::CreateGatewayRoute /> }.into_any(),
            MeshPage::Route(RouteKind::Route) => view! { <routes::detail::RouteDetail /> }.into_any(),
            MeshPage::Route(RouteKind::GatewayRoute) => view! { <gateway_routes::detail::GatewayRouteDetail /> }.into_any(),
            MeshPage::EditRoute(RouteKind::Route) => view! { <routes::form::EditRoute /> }.into_any(),
            MeshPage::EditRoute(RouteKind::GatewayRoute) => view! { <gateway_routes::form::EditGatewayRoute /> }.into_any(),
        }
    }
}
