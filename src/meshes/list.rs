use crate::api::{BackendError, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::data_table::{Column, DataTable, Nouns};
use crate::components::format::{format_timestamp, status_label};
use crate::components::link::A;
use crate::components::table::{Cell, Row};
use crate::meshes::known::use_known_meshes;
use crate::routing;
use leptos::prelude::*;

/// `/meshes`: every mesh the caller sees, with its owner.
#[component]
pub fn MeshList() -> impl IntoView {
    let backend = use_backend();
    let known = use_known_meshes().0;
    // The rows follow the console's list of meshes, each with its status from Describe.
    let meshes = crate::api::load(move || {
        let backend = backend.clone();
        Box::pin(async move {
            let (references, me) = known.await?;
            let described = crate::api::join_all(
                references
                    .iter()
                    .map(|mesh| backend.describe_mesh(mesh_engine::MeshAddress::new(mesh.mesh_name.clone(), Some(mesh.mesh_owner.clone()))))
                    .collect(),
            )
            .await;
            Ok::<_, BackendError>(
                references
                    .into_iter()
                    .zip(described)
                    .map(|(mesh, data)| {
                        let owner = mesh.mesh_owner.to_string();
                        let status = data.map_or("Unknown", |data| status_label(data.status.status));
                        Row(vec![
                            Cell::link(mesh.mesh_name.to_string(), routing::virtual_services(mesh.mesh_name.as_str())),
                            if mesh.mesh_owner == me { Cell::Text(owner) } else { Cell::Badged(owner, "Shared with you") },
                            Cell::Status(status.into()),
                            Cell::Text(format_timestamp(mesh.created_at)),
                            Cell::Text(format_timestamp(mesh.last_updated_at)),
                        ])
                    })
                    .collect::<Vec<_>>(),
            )
        })
    });
    view! {
        <section class="page">
            <div class="page-header">
                <h1>"Meshes"</h1>
                <div class="actions">
                    <A href=routing::IMPORT attr:class="button">"Import"</A>
                    <A href=routing::create_mesh() attr:class="button button-primary">"Create mesh"</A>
                </div>
            </div>
            {async_view_of(meshes, |rows: Vec<Row>| {
                if rows.is_empty() {
                    return view! {
                        <div class="empty">
                            <p><strong>"No meshes"</strong></p>
                            <p>"A mesh holds your virtual services, routers and nodes."</p>
                            <A href=routing::create_mesh() attr:class="button button-primary">"Create mesh"</A>
                        </div>
                    }.into_any();
                }
                let columns = vec![
                    Column::name("Mesh name"),
                    Column::sorted("owner", "Mesh owner").searched(),
                    Column::plain("Status"),
                    Column::sorted("created", "Created"),
                    Column::sorted("lastUpdated", "Last updated"),
                ];
                view! { <DataTable title="Meshes you own and meshes shared with you" nouns=Nouns::new("mesh", "meshes") columns=columns rows=rows /> }.into_any()
            })}
        </section>
    }
}
