use crate::api::{BackendError, use_backend};
use crate::api::{ResourceRecord, ResourceSummary};
use crate::components::async_view::async_view_of;
use crate::components::format::{format_timestamp, status_label};
use crate::components::link::A;
use crate::meshes::known::use_known_meshes;
use crate::routing;
use leptos::prelude::*;

/// A mesh row: the list's ref, its status from Describe, and whether another account owns it.
#[derive(Clone)]
struct MeshRow {
    reference: ResourceSummary,
    data: Option<ResourceRecord>,
    shared_with_you: bool,
}

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
                    .map(|(reference, data)| MeshRow { shared_with_you: reference.mesh_owner != me, reference, data: data.ok() })
                    .collect::<Vec<_>>(),
            )
        })
    });
    view! {
        <section class="page">
            <div class="page-header">
                <h1>"Meshes"</h1>
                <A href=routing::create_mesh() attr:class="button button-primary">"Create mesh"</A>
            </div>
            {async_view_of(meshes, |rows: Vec<MeshRow>| {
                if rows.is_empty() {
                    return view! {
                        <div class="empty">
                            <p><strong>"No meshes"</strong></p>
                            <p>"A mesh holds your virtual services, routers and nodes."</p>
                            <A href=routing::create_mesh() attr:class="button button-primary">"Create mesh"</A>
                        </div>
                    }.into_any();
                }
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Meshes">
                        <table class="table">
                            <caption>"Meshes you own and meshes shared with you"</caption>
                            <thead><tr>
                                <th scope="col">"Mesh name"</th>
                                <th scope="col">"Mesh owner"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Created"</th>
                                <th scope="col">"Last updated"</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|row| {
                                    let mesh = row.reference;
                                    view! {
                                        <tr>
                                            <td><A href=routing::virtual_services(mesh.mesh_name.as_str())>{mesh.mesh_name.to_string()}</A></td>
                                            <td>{mesh.mesh_owner.to_string()}{row.shared_with_you.then(|| view! { " " <span class="badge">"Shared with you"</span> })}</td>
                                            <td class="status-active">{row.data.map(|data| status_label(data.status.status)).unwrap_or("Unknown")}</td>
                                            <td>{format_timestamp(mesh.created_at)}</td>
                                            <td>{format_timestamp(mesh.last_updated_at)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            })}
        </section>
    }
}
