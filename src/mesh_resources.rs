//! The virtual routers and virtual nodes of a mesh, listed: the providers a virtual service
//! can point at.

use crate::api::{BackendError, use_backend};
use crate::components::async_view::AsyncView;
use crate::components::data_table::{FilterBox, Pagination, SortHeader, TableUrl};
use crate::components::format::format_timestamp;
use crate::components::table::{TableRow, page_of};
use crate::meshes::layout::use_mesh_address;
use crate::routing::Section;
use leptos::prelude::*;
use mesh_engine::resource::Timestamp;
use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq)]
struct ResourceRow {
    name: String,
    last_updated: Timestamp,
    resource_owner: String,
    version: u64,
}

impl TableRow for ResourceRow {
    fn search_text(&self) -> String {
        self.name.clone()
    }

    fn compare(&self, other: &Self, column: &str) -> Ordering {
        match column {
            "lastUpdated" => self.last_updated.cmp(&other.last_updated),
            "owner" => self.resource_owner.cmp(&other.resource_owner),
            _ => self.name.cmp(&other.name),
        }
        .then_with(|| self.name.cmp(&other.name))
    }
}

#[component]
pub fn VirtualRouterList() -> impl IntoView {
    let backend = use_backend();
    let address = use_mesh_address();
    let rows = LocalResource::new(move || {
        let (backend, mesh) = (backend.clone(), address.clone());
        async move {
            Ok::<_, BackendError>(backend.list_virtual_routers(mesh).await?.into_iter().map(|r| ResourceRow {
                name: r.virtual_router_name.to_string(),
                last_updated: r.last_updated_at,
                resource_owner: r.resource_owner.to_string(),
                version: r.version,
            }).collect())
        }
    });
    view! { <ResourceTable section=Section::VirtualRouters rows=rows /> }
}

#[component]
pub fn VirtualNodeList() -> impl IntoView {
    let backend = use_backend();
    let address = use_mesh_address();
    let rows = LocalResource::new(move || {
        let (backend, mesh) = (backend.clone(), address.clone());
        async move {
            Ok::<_, BackendError>(backend.list_virtual_nodes(mesh).await?.into_iter().map(|n| ResourceRow {
                name: n.virtual_node_name.to_string(),
                last_updated: n.last_updated_at,
                resource_owner: n.resource_owner.to_string(),
                version: n.version,
            }).collect())
        }
    });
    view! { <ResourceTable section=Section::VirtualNodes rows=rows /> }
}

#[component]
fn ResourceTable(section: Section, rows: LocalResource<Result<Vec<ResourceRow>, BackendError>>) -> impl IntoView {
    let table = TableUrl::read();
    let noun = section.title().to_lowercase();
    let name_label = match section {
        Section::VirtualRouters => "Virtual router name",
        _ => "Virtual node name",
    };
    view! {
        <section class="page">
            <div class="page-header"><h1>{section.title()}</h1></div>
            <p class="hint">"The AWS CLI or SDKs create these (aws appmesh create-virtual-router, create-virtual-node) against this console's server."</p>
            <AsyncView resource=rows loaded={move |rows: Vec<ResourceRow>| {
                let noun = noun.clone();
                if rows.is_empty() {
                    return view! { <div class="empty"><p><strong>{format!("No {noun}")}</strong></p></div> }.into_any();
                }
                let page = Memo::new(move |_| page_of(rows.clone(), &table.filter.get(), table.sort.get().as_ref(), table.page.get()));
                view! {
                    <div class="table-tools">
                        <FilterBox id="filter" label=if section == Section::VirtualRouters { "Filter virtual routers" } else { "Filter virtual nodes" } table=table />
                    </div>
                    <div class="table-wrap">
                        <table class="table">
                            <caption class="visually-hidden">{section.title()}</caption>
                            <thead><tr>
                                <SortHeader column="name" label=name_label table=table />
                                <SortHeader column="lastUpdated" label="Last updated" table=table />
                                <SortHeader column="owner" label="Resource owner" table=table />
                                <th scope="col">"Version"</th>
                            </tr></thead>
                            <tbody>
                                {move || page.get().rows.into_iter().map(|row| view! {
                                    <tr>
                                        <td>{row.name.clone()}</td>
                                        <td>{format_timestamp(row.last_updated)}</td>
                                        <td>{row.resource_owner.clone()}</td>
                                        <td>{row.version}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Pagination table=table pages=Signal::derive(move || page.get().pages) page=Signal::derive(move || page.get().page) />
                }.into_any()
            }} />
        </section>
    }
}
