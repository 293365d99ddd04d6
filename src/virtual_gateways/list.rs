//! `/meshes/{mesh}/virtual-gateways`: the mesh's virtual gateways with their listeners.

use super::spec_form::listeners_text;
use crate::api::{BackendError, load, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::data_table::{Column, DataTable, Nouns};
use crate::components::format::format_timestamp;
use crate::components::link::A;
use crate::components::table::{Cell, Row};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::MeshResourceKind;

const GATEWAY: MeshResourceKind = MeshResourceKind::VirtualGateway;

#[component]
pub fn VirtualGatewayList() -> impl IntoView {
    let mesh = use_mesh();
    let (backend, address) = (use_backend(), use_mesh_address());
    let rows = load(move || {
        let (backend, mesh) = (backend.clone(), address.clone());
        Box::pin(async move {
            // The listeners (`8080 http`) are in the spec, which the List call does not answer.
            let rows: Vec<Row> = backend
                .list_described(GATEWAY, mesh.clone())
                .await?
                .into_iter()
                .map(|gateway| {
                    Row(vec![
                        Cell::link(gateway.name.to_string(), routing::resource(mesh.name.as_str(), GATEWAY, gateway.name.as_str())),
                        Cell::Text(listeners_text(&gateway.spec)),
                        Cell::Text(format_timestamp(gateway.metadata.last_updated_at)),
                        Cell::Text(gateway.metadata.resource_owner.to_string()),
                    ])
                })
                .collect();
            Ok::<_, BackendError>(rows)
        })
    });
    view! {
        <section class="page">
            <div class="page-header">
                <h1>"Virtual gateways"</h1>
                <A href=move || routing::create_in(&mesh.get(), GATEWAY) attr:class="button button-primary">"Create virtual gateway"</A>
            </div>
            {async_view_of(rows, move |rows: Vec<Row>| {
                if rows.is_empty() {
                    return view! {
                        <div class="empty">
                            <p><strong>"No virtual gateways"</strong></p>
                            <p>"A virtual gateway lets resources outside the mesh reach services inside it."</p>
                        </div>
                    }.into_any();
                }
                let columns = vec![
                    Column::name("Virtual gateway name"),
                    Column::sorted("listeners", "Listeners").searched(),
                    Column::sorted("lastUpdated", "Last updated"),
                    Column::sorted("owner", "Resource owner"),
                ];
                view! { <DataTable title="Virtual gateways" nouns=Nouns::new("virtual gateway", "virtual gateways") columns=columns rows=rows /> }.into_any()
            })}
        </section>
    }
}
