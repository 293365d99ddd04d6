//! `/meshes/{mesh}/virtual-services`: the mesh's virtual services with their providers.

use super::wizard::state::provider_of;
use crate::api::ResourceSummary;
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

/// A virtual service: the list's ref, and the provider and status from Describe.
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
            Cell::Status(self.status.map(status_label).unwrap_or("Unknown").into()),
            Cell::Text(format_timestamp(self.last_updated)),
            Cell::Text(self.resource_owner),
        ])
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
