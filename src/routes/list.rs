//! A virtual router's routes, on the router's details page: what each matches and where it
//! sends traffic.

use super::summary::{match_text, priority_text, targets_text, type_text};
use crate::api::{Loaded, ResourceRecord, RouteParent, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::data_table::{Column, DataTable, Nouns};
use crate::components::link::A;
use crate::components::table::{Cell, Row};
use crate::meshes::layout::use_mesh_address;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::names::ResourceName;
use mesh_engine::resource::RouteKind;

pub type LoadedRoutes = Loaded<Vec<ResourceRecord>>;

/// Every route of the router (or gateway route of the gateway, by `kind`), described, in App
/// Mesh's order (by name).
pub fn load_routes(kind: RouteKind, parent: ResourceName) -> LoadedRoutes {
    let (backend, mesh) = (use_backend(), use_mesh_address());
    crate::api::load(move || backend.list_described_routes(RouteParent { kind, mesh: mesh.clone(), name: parent.clone() }))
}

/// The names of the routes, once loaded (none before).
pub fn route_names(routes: LoadedRoutes) -> Signal<Vec<String>> {
    Signal::derive(move || {
        routes.get().and_then(Result::ok).map(|records| records.iter().map(|record| record.name.to_string()).collect()).unwrap_or_default()
    })
}

#[component]
pub fn RouteTable(mesh: String, router: String, routes: LoadedRoutes) -> impl IntoView {
    let create = routing::create_route(&mesh, RouteKind::Route, &router);
    let caption = format!("Routes of {router}");
    view! {
        <section class="subsection" aria-labelledby="routes-heading">
            <div class="page-header">
                <h2 id="routes-heading">"Routes"</h2>
                <A href=create attr:class="button button-primary">"Create route"</A>
            </div>
            {async_view_of(routes, move |records: Vec<ResourceRecord>| {
                if records.is_empty() {
                    return view! {
                        <div class="alert alert-warning"><p>"This router has no routes: traffic sent to it is not routed until it has a route."</p></div>
                    }.into_any();
                }
                let rows = records.into_iter().map(|record| Row(vec![
                    Cell::link(record.name.to_string(), routing::route(&mesh, RouteKind::Route, &router, record.name.as_str())),
                    Cell::Text(type_text(&record.spec).into()),
                    Cell::Text(match_text(&record.spec)),
                    Cell::Text(targets_text(&record.spec)),
                    Cell::Text(priority_text(&record.spec)),
                ])).collect();
                let columns = vec![
                    Column::name("Route name"),
                    Column::sorted("type", "Type"),
                    Column::plain("Match").searched(),
                    Column::plain("Targets").searched(),
                    Column::sorted("priority", "Priority"),
                ];
                view! { <DataTable title=caption.clone() nouns=Nouns::new("route", "routes") columns=columns rows=rows /> }.into_any()
            })}
        </section>
    }
}
