use crate::api::{BackendError, use_backend};
use crate::components::resource_table::{ResourceRow, ResourceTable};
use crate::meshes::layout::use_mesh_address;
use crate::routing::Section;
use leptos::prelude::*;

/// `/meshes/{mesh}/virtual-nodes`.
#[component]
pub fn VirtualNodeList() -> impl IntoView {
    let (backend, address) = (use_backend(), use_mesh_address());
    let rows = LocalResource::new(move || {
        let (backend, mesh) = (backend.clone(), address.clone());
        async move {
            Ok::<_, BackendError>(backend.list_virtual_nodes(mesh).await?.into_iter().map(|node| ResourceRow {
                name: node.virtual_node_name.to_string(),
                last_updated: node.last_updated_at,
                resource_owner: node.resource_owner.to_string(),
                version: node.version,
            }).collect())
        }
    });
    view! { <ResourceTable section=Section::VirtualNodes rows=rows /> }
}
