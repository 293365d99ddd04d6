//! Inside a mesh: the left navigation, and the section the URL names.

use crate::api::use_backend;
use crate::components::async_view::AsyncView;
use crate::routing::{self, Section};
use leptos::prelude::*;
use leptos_router::components::{A, Outlet, Redirect};
use leptos_router::hooks::use_params_map;
use mesh_engine::MeshAddress;
use mesh_engine::names::ResourceName;

/// The mesh the URL names (`/meshes/{mesh}/…`).
pub fn use_mesh() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("mesh").unwrap_or_default())
}

/// The mesh as the backend takes it, if the name is one App Mesh could hold.
pub fn mesh_address(name: &str) -> Option<MeshAddress> {
    ResourceName::parse(name).ok().map(|name| MeshAddress::new(name, None))
}

#[component]
pub fn MeshLayout() -> impl IntoView {
    let mesh = use_mesh();
    let backend = use_backend();
    let described = LocalResource::new(move || {
        let backend = backend.clone();
        let name = mesh.get();
        async move {
            match mesh_address(&name) {
                Some(address) => backend.describe_mesh(address).await.map(Some).or_else(|error| if error.is_not_found() { Ok(None) } else { Err(error) }),
                None => Ok(None),
            }
        }
    });
    view! {
        <AsyncView resource=described loaded={move |found: Option<mesh_engine::resource::MeshData>| match found {
            Some(_) => view! {
                <div class="mesh-layout">
                    <nav class="side-nav" aria-label="Mesh sections">
                        <h2>{move || mesh.get()}</h2>
                        <ul>
                            {Section::ALL.into_iter().map(|section| view! {
                                <li><A href=move || routing::section(&mesh.get(), section)>{section.title()}</A></li>
                            }).collect_view()}
                        </ul>
                    </nav>
                    <div><Outlet /></div>
                </div>
            }.into_any(),
            None => view! {
                <section class="page">
                    <h1>"Mesh not found"</h1>
                    <p>{move || format!("There is no mesh named {} in your account.", mesh.get())}</p>
                    <p><A href=routing::MESHES>"Go to your meshes"</A></p>
                </section>
            }.into_any(),
        }} />
    }
}

/// `/meshes/{mesh}` opens its virtual services.
#[component]
pub fn MeshHome() -> impl IntoView {
    let mesh = use_mesh();
    view! { <Redirect path=routing::virtual_services(&mesh.get_untracked()) /> }
}
