//! `/meshes/{mesh}/virtual-gateways`: the mesh's virtual gateways with their listeners.

use super::spec_form::listeners_text;
use crate::api::{BackendError, join_all, load, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::data_table::{FilterBox, Pagination, SortHeader, TableUrl};
use crate::components::format::format_timestamp;
use crate::components::link::A;
use crate::components::table::{TableRow, natural_cmp, page_of};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing::{self, Section};
use leptos::prelude::*;
use mesh_engine::resource::{MeshResourceKind, Timestamp};
use std::cmp::Ordering;

const GATEWAY: MeshResourceKind = MeshResourceKind::VirtualGateway;

#[derive(Debug, Clone, PartialEq)]
struct GatewayRow {
    name: String,
    /// `8080 http`, from Describe (the list answer has no spec).
    listeners: String,
    last_updated: Timestamp,
    resource_owner: String,
}

impl TableRow for GatewayRow {
    fn search_text(&self) -> String {
        format!("{} {}", self.name, self.listeners)
    }

    fn compare(&self, other: &Self, column: &str) -> Ordering {
        match column {
            "listeners" => self.listeners.cmp(&other.listeners),
            "lastUpdated" => self.last_updated.cmp(&other.last_updated),
            "owner" => self.resource_owner.cmp(&other.resource_owner),
            _ => natural_cmp(&self.name, &other.name),
        }
        .then_with(|| natural_cmp(&self.name, &other.name))
    }
}

#[component]
pub fn VirtualGatewayList() -> impl IntoView {
    let mesh = use_mesh();
    let (backend, address) = (use_backend(), use_mesh_address());
    let rows = load(move || {
        let (backend, mesh) = (backend.clone(), address.clone());
        Box::pin(async move {
            let gateways = backend.list_resources(GATEWAY, mesh.clone()).await?;
            let described =
                join_all(gateways.iter().map(|gateway| backend.describe_resource(GATEWAY, mesh.clone(), gateway.name.clone())).collect())
                    .await;
            let rows: Vec<GatewayRow> = gateways
                .into_iter()
                .zip(described)
                .map(|(gateway, data)| GatewayRow {
                    name: gateway.name.to_string(),
                    listeners: data.map(|data| listeners_text(&data.spec)).unwrap_or_else(|_| "Unknown".into()),
                    last_updated: gateway.last_updated_at,
                    resource_owner: gateway.resource_owner.to_string(),
                })
                .collect();
            Ok::<_, BackendError>(rows)
        })
    });
    let table = TableUrl::read();
    let section = Section::VIRTUAL_GATEWAYS;
    view! {
        <section class="page">
            <div class="page-header">
                <h1>"Virtual gateways"</h1>
                <A href=move || routing::create_in(&mesh.get(), GATEWAY) attr:class="button button-primary">"Create virtual gateway"</A>
            </div>
            {async_view_of(rows, move |rows: Vec<GatewayRow>| {
                if rows.is_empty() {
                    return view! {
                        <div class="empty">
                            <p><strong>"No virtual gateways"</strong></p>
                            <p>"A virtual gateway lets resources outside the mesh reach services inside it."</p>
                        </div>
                    }.into_any();
                }
                let page = Memo::new(move |_| page_of(rows.clone(), &table.filter.get(), table.sort.get().as_ref(), table.page.get()));
                view! {
                    <div class="table-tools">
                        <FilterBox id="filter" label="Filter virtual gateways" table=table />
                    </div>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Virtual gateways">
                        <table class="table">
                            <caption class="visually-hidden">"Virtual gateways of this mesh"</caption>
                            <thead><tr>
                                <SortHeader column="name" label="Virtual gateway name" table=table />
                                <SortHeader column="listeners" label="Listeners" table=table />
                                <SortHeader column="lastUpdated" label="Last updated" table=table />
                                <SortHeader column="owner" label="Resource owner" table=table />
                            </tr></thead>
                            <tbody>
                                {move || page.get().rows.into_iter().map(|row| view! {
                                    <tr>
                                        <td><A href=routing::resource(&mesh.get(), section, &row.name)>{row.name.clone()}</A></td>
                                        <td>{row.listeners.clone()}</td>
                                        <td>{format_timestamp(row.last_updated)}</td>
                                        <td>{row.resource_owner.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {move || (page.get().matching == 0).then(|| view! {
                        <div class="empty"><p>"No virtual gateway matches the filter."</p></div>
                    })}
                    <Pagination table=table pages=Signal::derive(move || page.get().pages) page=Signal::derive(move || page.get().page) />
                }.into_any()
            })}
        </section>
    }
}
