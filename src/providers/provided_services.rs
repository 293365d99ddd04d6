//! Which virtual services a virtual node or router provides: shown on its details page, and
//! the reason a delete is refused.

use crate::api::{Loaded, use_backend};
use crate::meshes::layout::use_mesh_address;
use crate::virtual_services::list::service_rows;
use mesh_engine::resource::ProviderKind;

/// The names of the mesh's virtual services whose provider is this node or router.
pub fn load(kind: ProviderKind, name: String) -> Loaded<Vec<String>> {
    let (backend, mesh) = (use_backend(), use_mesh_address());
    crate::api::load(move || {
        let (backend, mesh, name) = (backend.clone(), mesh.clone(), name.clone());
        Box::pin(async move {
            let rows = service_rows(backend, mesh).await?;
            Ok(rows
                .into_iter()
                .filter(|row| row.provider.as_ref().is_some_and(|(provider_kind, provider)| *provider_kind == kind && *provider == name))
                .map(|row| row.name)
                .collect())
        })
    })
}
