//! `/meshes/{mesh}/virtual-nodes` and `/meshes/{mesh}/virtual-routers`.

use super::kind::Provider;
use crate::api::{BackendError, load, use_backend};
use crate::components::resource_table::{ResourceRow, ResourceTable};
use crate::meshes::layout::use_mesh_address;
use leptos::prelude::*;

#[component]
pub fn ProviderList(kind: Provider) -> impl IntoView {
    let (backend, address) = (use_backend(), use_mesh_address());
    let rows = load(move || {
        let (backend, mesh) = (backend.clone(), address.clone());
        Box::pin(async move {
            let rows: Vec<ResourceRow> = match kind {
                Provider::VirtualNode => backend.list_virtual_nodes(mesh).await?.into_iter().map(|node| ResourceRow {
                    name: node.virtual_node_name.to_string(),
                    last_updated: node.last_updated_at,
                    resource_owner: node.resource_owner.to_string(),
                    version: node.version,
                }).collect(),
                Provider::VirtualRouter => backend.list_virtual_routers(mesh).await?.into_iter().map(|router| ResourceRow {
                    name: router.virtual_router_name.to_string(),
                    last_updated: router.last_updated_at,
                    resource_owner: router.resource_owner.to_string(),
                    version: router.version,
                }).collect(),
            };
            Ok::<_, BackendError>(rows)
        })
    });
    view! { <ResourceTable section=kind.section() rows=rows /> }
}
