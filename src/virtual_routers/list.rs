use crate::api::{BackendError, use_backend};
use crate::components::resource_table::{ResourceRow, ResourceTable};
use crate::meshes::layout::use_mesh_address;
use crate::routing::Section;
use leptos::prelude::*;

/// `/meshes/{mesh}/virtual-routers`.
#[component]
pub fn VirtualRouterList() -> impl IntoView {
    let (backend, address) = (use_backend(), use_mesh_address());
    let rows = LocalResource::new(move || {
        let (backend, mesh) = (backend.clone(), address.clone());
        async move {
            Ok::<_, BackendError>(backend.list_virtual_routers(mesh).await?.into_iter().map(|router| ResourceRow {
                name: router.virtual_router_name.to_string(),
                last_updated: router.last_updated_at,
                resource_owner: router.resource_owner.to_string(),
                version: router.version,
            }).collect())
        }
    });
    view! { <ResourceTable section=Section::VirtualRouters rows=rows /> }
}
