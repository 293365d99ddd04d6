//! `/meshes/{mesh}/virtual-services`: the mesh's virtual services with their providers.

use super::wizard::state::provider_of;
use crate::api::ResourceRecord;
use crate::api::{BackendError, Loaded, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::data_table::{Column, DataTable, Nouns};
use crate::components::format::{format_timestamp, status_label};
use crate::components::link::A;
use crate::components::table::{Cell, Row};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::{MeshResourceKind, ProviderKind, StatusCode, Timestamp};

/// A virtual service as its row shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceRow {
    pub name: String,
    /// The provider's kind and name, or None.
    pub provider: Option<(ProviderKind, String)>,
    pub status: StatusCode,
    pub last_updated: Timestamp,
    pub resource_owner: String,
}

impl ServiceRow {
    fn new(record: ResourceRecord) -> Self {
        Self {
            name: record.name.to_string(),
            provider: provider_of(&record.spec),
            status: record.status.status,
            last_updated: record.metadata.last_updated_at,
            resource_owner: record.metadata.resource_owner.to_string(),
        }
    }

    /// The row of the table, its provider a link to the provider's page.
    fn into_row(self, mesh: &str) -> Row {
        let provider = match self.provider {
            Some((kind, name)) => Cell::Link {
                before: format!("{} ", kind.title()),
                href: routing::resource(mesh, kind, &name),
                text: name,
                after: String::new(),
            },
            None => Cell::Text("None".into()),
        };
        Row(vec![
            Cell::link(self.name.clone(), routing::virtual_service(mesh, &self.name)),
            provider,
            Cell::Status(status_label(self.status).into()),
            Cell::Text(format_timestamp(self.last_updated)),
            Cell::Text(self.resource_owner),
        ])
    }
}

/// Every virtual service of a mesh with its provider and status, in one call.
pub async fn service_rows(
    backend: std::sync::Arc<dyn crate::api::Backend>,
    mesh: mesh_engine::MeshAddress,
) -> Result<Vec<ServiceRow>, BackendError> {
    Ok(backend.list_described(MeshResourceKind::VirtualService, mesh).await?.into_iter().map(ServiceRow::new).collect())
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
                let mesh = mesh.get_untracked();
                let columns = vec![
                    Column::name("Virtual service name"),
                    Column::sorted("provider", "Provider").searched(),
                    Column::plain("Status"),
                    Column::sorted("lastUpdated", "Last updated"),
                    Column::sorted("owner", "Resource owner"),
                ];
                let rows = rows.into_iter().map(|row| row.into_row(&mesh)).collect();
                view! { <DataTable title="Virtual services" nouns=Nouns::new("virtual service", "virtual services") columns=columns rows=rows /> }.into_any()
            })}
        </section>
    }
}
