//! Which virtual services a virtual node or router provides: shown on its details page, and
//! the reason a delete is refused.

use crate::api::{BackendError, use_backend};
use crate::components::link::A;
use crate::routing::{self, Section};
use crate::virtual_services::list::service_rows;
use leptos::prelude::*;

/// The names of the mesh's virtual services whose provider is this node or router.
pub fn load(kind: Section, name: String) -> LocalResource<Result<Vec<String>, BackendError>> {
    let (backend, mesh) = (use_backend(), crate::meshes::layout::use_mesh_address());
    crate::api::load(move || {
        let (backend, mesh, name) = (backend.clone(), mesh.clone(), name.clone());
        Box::pin(async move {
            let rows = service_rows(backend, mesh).await?;
            Ok(rows
                .into_iter()
                .filter(|row| row.provider.as_ref().is_some_and(|(_, provider, section)| *section == kind && *provider == name))
                .map(|row| row.name)
                .collect())
        })
    })
}

/// The services as links, or "None".
#[component]
pub fn ProvidedServices(mesh: String, services: Vec<String>) -> impl IntoView {
    if services.is_empty() {
        return view! { "None" }.into_any();
    }
    view! {
        <ul class="plain-list">
            {services.into_iter().map(|service| view! {
                <li><A href=routing::virtual_service(&mesh, &service)>{service.clone()}</A></li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
