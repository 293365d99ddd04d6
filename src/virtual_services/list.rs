//! `/meshes/{mesh}/virtual-services`: the mesh's virtual services with their providers.

use super::wizard::state::provider_of;
use crate::api::ResourceSummary;
use crate::api::{BackendError, Loaded, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::data_table::{FilterBox, Pagination, SortHeader, TableUrl};
use crate::components::format::{format_timestamp, status_label};
use crate::components::link::A;
use crate::components::table::{TableRow, natural_cmp, page_of};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::{MeshResourceKind, ProviderKind, StatusCode, Timestamp};
use std::cmp::Ordering;

/// A row: the list's ref, and the provider and status from Describe.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceRow {
    pub name: String,
    /// The provider's kind and name, or None.
    pub provider: Option<(ProviderKind, String)>,
    pub status: Option<StatusCode>,
    pub last_updated: Timestamp,
    pub resource_owner: String,
}

impl ServiceRow {
    fn new(reference: ResourceSummary, provider: Option<(ProviderKind, String)>, status: Option<StatusCode>) -> Self {
        Self {
            name: reference.name.to_string(),
            provider,
            status,
            last_updated: reference.last_updated_at,
            resource_owner: reference.resource_owner.to_string(),
        }
    }

    fn provider_text(&self) -> String {
        self.provider.as_ref().map(|(kind, name)| format!("{} {name}", kind.title())).unwrap_or_else(|| "None".into())
    }
}

impl TableRow for ServiceRow {
    fn search_text(&self) -> String {
        format!("{} {}", self.name, self.provider_text())
    }

    fn compare(&self, other: &Self, column: &str) -> Ordering {
        match column {
            "provider" => natural_cmp(&self.provider_text(), &other.provider_text()),
            "lastUpdated" => self.last_updated.cmp(&other.last_updated),
            "owner" => self.resource_owner.cmp(&other.resource_owner),
            _ => natural_cmp(&self.name, &other.name),
        }
        .then_with(|| natural_cmp(&self.name, &other.name))
    }
}

/// Every virtual service of a mesh with its provider and status (one Describe per service,
/// all at once: the list answer has neither).
pub async fn service_rows(
    backend: std::sync::Arc<dyn crate::api::Backend>,
    mesh: mesh_engine::MeshAddress,
) -> Result<Vec<ServiceRow>, BackendError> {
    let references = backend.list_resources(MeshResourceKind::VirtualService, mesh.clone()).await?;
    let described = crate::api::join_all(
        references
            .iter()
            .map(|service| backend.describe_resource(MeshResourceKind::VirtualService, mesh.clone(), service.name.clone()))
            .collect(),
    )
    .await;
    Ok(references
        .into_iter()
        .zip(described)
        .map(|(reference, data)| {
            let data = data.ok();
            let status = data.as_ref().map(|data| data.status.status);
            ServiceRow::new(reference, data.and_then(|data| provider_of(&data.spec)), status)
        })
        .collect())
}

/// The names of the mesh's virtual services: what a node may send to, a gateway route target.
pub fn load_service_names() -> Loaded<Vec<String>> {
    let (backend, mesh) = (use_backend(), use_mesh_address());
    crate::api::load(move || {
        let (backend, mesh) = (backend.clone(), mesh.clone());
        Box::pin(async move {
            Ok(backend
                .list_resources(MeshResourceKind::VirtualService, mesh)
                .await?
                .into_iter()
                .map(|service| service.name.to_string())
                .collect())
        })
    })
}

#[component]
pub fn VirtualServiceList() -> impl IntoView {
    let mesh = use_mesh();
    let backend = use_backend();
    let address = use_mesh_address();
    let services = crate::api::load(move || Box::pin(service_rows(backend.clone(), address.clone())));
    let table = TableUrl::read();
    view! {
        <section class="page">
            <div class="page-header">
                <h1>"Virtual services"</h1>
                <A href=move || routing::create_virtual_service(&mesh.get()) attr:class="button button-primary">"Create virtual service"</A>
            </div>
            {async_view_of(services, move |rows: Vec<ServiceRow>| {
                if rows.is_empty() {
                    return view! {
                        <div class="empty">
                            <p><strong>"No virtual services"</strong></p>
                            <p>"A virtual service is how other services in the mesh reach a real service."</p>
                            <A href=move || routing::create_virtual_service(&mesh.get()) attr:class="button button-primary">"Create virtual service"</A>
                        </div>
                    }.into_any();
                }
                let total = rows.len();
                let page = Memo::new(move |_| page_of(rows.clone(), &table.filter.get(), table.sort.get().as_ref(), table.page.get()));
                view! {
                    <div class="table-tools">
                        <FilterBox id="filter" label="Filter virtual services" table=table />
                    </div>
                    <p class="status" role="status">{move || {
                        let page = page.get();
                        match (page.matching == total, total == 1) {
                            (true, true) => "1 virtual service".to_string(),
                            (true, false) => format!("{total} virtual services"),
                            (false, _) => format!("{} of {total} virtual services match", page.matching),
                        }
                    }}</p>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Virtual services">
                        <table class="table">
                            <caption class="visually-hidden">"Virtual services of this mesh"</caption>
                            <thead><tr>
                                <SortHeader column="name" label="Virtual service name" table=table />
                                <SortHeader column="provider" label="Provider" table=table />
                                <th scope="col">"Status"</th>
                                <SortHeader column="lastUpdated" label="Last updated" table=table />
                                <SortHeader column="owner" label="Resource owner" table=table />
                            </tr></thead>
                            <tbody>
                                {move || page.get().rows.into_iter().map(|row| {
                                    let mesh_name = mesh.get();
                                    view! {
                                        <tr>
                                            <td><A href=routing::virtual_service(&mesh_name, &row.name)>{row.name.clone()}</A></td>
                                            <td>{match row.provider.clone() {
                                                Some((kind, name)) => view! {
                                                    {kind.title()} " " <A href=routing::resource(&mesh_name, kind, &name)>{name.clone()}</A>
                                                }.into_any(),
                                                None => view! { "None" }.into_any(),
                                            }}</td>
                                            <td class="status-active">{row.status.map(status_label).unwrap_or("Unknown")}</td>
                                            <td>{format_timestamp(row.last_updated)}</td>
                                            <td>{row.resource_owner.clone()}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {move || (page.get().matching == 0).then(|| view! {
                        <div class="empty">
                            <p>"No virtual service matches the filter."</p>
                            <button type="button" class="button" on:click=move |_| table.set("", table.sort.get_untracked().as_ref(), 1)>"Clear filter"</button>
                        </div>
                    })}
                    <Pagination table=table pages=Signal::derive(move || page.get().pages) page=Signal::derive(move || page.get().page) />
                }.into_any()
            })}
        </section>
    }
}
