//! `/meshes/{mesh}/virtual-nodes` and `/meshes/{mesh}/virtual-routers`.

use crate::api::{BackendError, Loaded, load, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::data_table::{Column, DataTable, Nouns};
use crate::components::format::format_timestamp;
use crate::components::link::A;
use crate::components::table::{Cell, Row};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing::{self, Section};
use leptos::prelude::*;
use mesh_engine::resource::ProviderKind;

#[component]
pub fn ProviderList(kind: ProviderKind) -> impl IntoView {
    let (backend, address) = (use_backend(), use_mesh_address());
    let rows = load(move || {
        let (backend, mesh) = (backend.clone(), address.clone());
        Box::pin(async move {
            let rows: Vec<Row> = backend
                .list_resources(kind.into(), mesh.clone())
                .await?
                .into_iter()
                .map(|provider| {
                    let href = routing::resource(mesh.name.as_str(), kind, provider.name.as_str());
                    Row(vec![
                        Cell::link(provider.name.to_string(), href),
                        Cell::Text(format_timestamp(provider.last_updated_at)),
                        Cell::Text(provider.resource_owner.to_string()),
                        Cell::Text(provider.version.to_string()),
                    ])
                })
                .collect();
            Ok::<_, BackendError>(rows)
        })
    });
    view! { <ResourceTable kind=kind rows=rows /> }
}

#[component]
fn ResourceTable(kind: ProviderKind, rows: Loaded<Vec<Row>>) -> impl IntoView {
    let mesh = use_mesh();
    let section = Section::from(kind);
    let noun = section.title().to_ascii_lowercase();
    view! {
        <section class="page">
            <div class="page-header">
                <h1>{section.title()}</h1>
                <A href=move || routing::create_in(&mesh.get(), section) attr:class="button button-primary">{format!("Create {}", kind.noun())}</A>
            </div>
            {async_view_of(rows, move |rows: Vec<Row>| {
                if rows.is_empty() {
                    return view! { <div class="empty"><p><strong>{format!("No {noun}")}</strong></p></div> }.into_any();
                }
                let columns = vec![
                    Column::name(format!("{} name", kind.title())),
                    Column::sorted("lastUpdated", "Last updated"),
                    Column::sorted("owner", "Resource owner"),
                    Column::plain("Version"),
                ];
                view! { <DataTable title=section.title() nouns=Nouns::new(kind.noun(), noun.clone()) columns=columns rows=rows /> }.into_any()
            })}
        </section>
    }
}
