//! Mesh Console: the App Mesh virtual-services console, as a Leptos single-page app.

mod api;
mod components;
mod meshes;
mod not_found;
mod routing;
mod shell;

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

/// The whole console: the backend in context, the app shell, and every view at its URL.
#[component]
pub fn App() -> impl IntoView {
    api::provide_backend(api::http::HttpBackend::same_origin());
    view! {
        <Router>
            <shell::Shell>
                <Routes fallback=|| view! { <not_found::NotFound /> }>
                    <Route path=path!("/") view=|| view! { <Redirect path=routing::MESHES /> } />
                    <Route path=path!("/meshes") view=meshes::list::MeshList />
                </Routes>
            </shell::Shell>
        </Router>
    }
}
