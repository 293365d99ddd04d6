//! `/meshes/{mesh}/virtual-nodes` and `/meshes/{mesh}/virtual-routers`.

use super::table::{ResourceRow, ResourceTable};
use crate::api::{BackendError, load, use_backend};
use crate::meshes::layout::use_mesh_address;
use leptos::prelude::*;
use mesh_engine::resource::ProviderKind;

#[component]
pub fn ProviderList(kind: ProviderKind) -> impl IntoView {
    let (backend, address) = (use_backend(), use_mesh_address());
    let rows = load(move || {
        let (backend, mesh) = (backend.clone(), address.clone());
        Box::pin(async move {
            let rows: Vec<ResourceRow> = backend
                .list_resources(kind.into(), mesh)
                .await?
                .into_iter()
                .map(|provider| ResourceRow {
                    name: provider.name.to_string(),
                    last_updated: provider.last_updated_at,
                    resource_owner: provider.resource_owner.to_string(),
                    version: provider.version,
                })
                .collect();
            Ok::<_, BackendError>(rows)
        })
    });
    view! { <ResourceTable kind=kind rows=rows /> }
}
