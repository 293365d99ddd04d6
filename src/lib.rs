//! Mesh Console: the App Mesh virtual-services console, as a Leptos single-page app.
// The server's build (`ssr`) resolves views' deep types asynchronously, past the default limit.
#![recursion_limit = "256"]

mod api;
mod checks;
mod components;
mod gateway_routes;
mod import;
mod meshes;
mod not_found;
#[cfg(feature = "ssr")]
pub mod prerender;
mod providers;
mod routes;
mod routing;
mod shell;
mod storage;
#[cfg(not(feature = "ssr"))]
mod takeover;
mod topology;
mod virtual_gateways;
mod virtual_services;
mod web;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::{BrowserUrl, LocationProvider};
use mesh_engine::resource::{MeshResourceKind, RouteKind};
use providers::detail::ProviderDetail;
use providers::form::{CreateProvider, EditProvider};
use providers::list::ProviderList;
use routing::{ConsolePage, MeshPage, PagePath, Section};

/// Finds out where data is kept (see `storage::start`), then shows the console, or why it
/// cannot run.
pub async fn start() {
    use storage::start::Started;
    let started = storage::start::start().await;
    let console = move || match started {
        Started::Ready { backend, account } => Either::Left(view! { <Console backend=backend account=account /> }),
        Started::Problem { message, backend } => {
            Either::Right(view! { <storage::problem::StorageProblem message=message backend=backend /> })
        }
    };
    #[cfg(not(feature = "ssr"))]
    if let Some(drawn) = takeover::drawn_page() {
        return takeover::mount_over(drawn, console);
    }
    leptos::mount::mount_to_body(console);
}

/// The whole console: the backend in context, the app shell, and every view at its URL.
#[component]
fn Console(backend: api::appmesh::AppMeshBackend, account: Option<mesh_engine::names::AccountId>) -> impl IntoView {
    let in_browser = api::Backend::storage(&backend) == api::Storage::Browser;
    api::provide_backend(backend);
    if in_browser {
        storage::live::follow_other_tabs();
    }
    components::notice::provide_notices();
    meshes::known::provide_known_meshes(account);
    view! {
        <Router base=routing::base()>
            <shell::Shell>
                <Pages />
            </shell::Shell>
        </Router>
    }
}

/// The page of the current path (see `routing::ConsolePage`). Built again when the kind of
/// page changes: inside a mesh, the layout stays and the page inside it follows the path.
#[component]
fn Pages() -> impl IntoView {
    let path = routing::use_app_path();
    let page = Memo::new(move |_| ConsolePage::parse(&path.get()));
    // A followed link writes the address bar only once the page for it is ready: leptos_router's
    // `Routes` would say so, and the console, which chooses its pages itself, says it here.
    let browser_url = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        path.track();
        if let Some(browser_url) = &browser_url {
            browser_url.ready_to_complete();
        }
    });
    move || match page.get() {
        Some(ConsolePage::Root) => {
            routing::redirect(routing::MESHES);
            ().into_any()
        }
        Some(ConsolePage::Settings) => view! { <storage::settings::Settings /> }.into_any(),
        Some(ConsolePage::Meshes) => view! { <meshes::list::MeshList /> }.into_any(),
        Some(ConsolePage::CreateMesh) => view! { <meshes::create::CreateMesh /> }.into_any(),
        Some(ConsolePage::Import) => view! { <import::page::ImportPage /> }.into_any(),
        Some(ConsolePage::Check) => view! { <checks::explanation::CheckExplanation /> }.into_any(),
        Some(ConsolePage::InMesh) => view! { <meshes::layout::MeshLayout><MeshPages /></meshes::layout::MeshLayout> }.into_any(),
        None => view! { <not_found::NotFound /> }.into_any(),
    }
}

/// The page a path inside a mesh shows (see `routing::PagePath`). Built again when the kind
/// of page changes, not its names: a page follows its names itself, as under the router.
#[component]
fn MeshPages() -> impl IntoView {
    let path = routing::use_app_path();
    let page = Memo::new(move |_| PagePath::parse(&path.get()).map(|path| path.page));
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
