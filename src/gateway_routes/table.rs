//! The gateway routes of a virtual gateway, as its details page lists them: what each one
//! matches and where it sends.

use super::spec_form::{match_summary, route_type_text, target_of};
use crate::api::ResourceRecord;
use crate::components::data_table::{Column, DataTable, Nouns};
use crate::components::link::A;
use crate::components::table::{Cell, Row};
use crate::routes::summary::priority_text;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::RouteKind;

const KIND: RouteKind = RouteKind::GatewayRoute;

/// A virtual service and the port a route sends to.
#[component]
pub fn TargetLink(mesh: String, target: Option<(String, Option<i64>)>) -> impl IntoView {
    target.map(|(service, port)| {
        view! {
            <A href=routing::virtual_service(&mesh, &service)>{service.clone()}</A>
            {port.map(|port| format!(" port {port}"))}
        }
    })
}

fn target_cell(mesh: &str, target: Option<(String, Option<i64>)>) -> Cell {
    match target {
        Some((service, port)) => Cell::Link {
            before: String::new(),
            href: routing::virtual_service(mesh, &service),
            text: service,
            after: port.map(|port| format!(" port {port}")).unwrap_or_default(),
        },
        None => Cell::Text(String::new()),
    }
}

#[component]
pub fn GatewayRouteTable(mesh: String, gateway: String, records: Vec<ResourceRecord>) -> impl IntoView {
    let create = routing::create_route(&mesh, KIND, &gateway);
    let table = if records.is_empty() {
        view! { <p>"No gateway routes. A gateway route sends the requests it matches to a virtual service."</p> }.into_any()
    } else {
        let rows = records
            .into_iter()
            .map(|record| {
                Row(vec![
                    Cell::link(record.name.to_string(), routing::route(&mesh, KIND, &gateway, record.name.as_str())),
                    Cell::Text(route_type_text(&record.spec).into()),
                    Cell::Text(match_summary(&record.spec)),
                    target_cell(&mesh, target_of(&record.spec)),
                    Cell::Text(priority_text(&record.spec)),
                ])
            })
            .collect();
        let columns = vec![
            Column::name("Gateway route name"),
            Column::sorted("type", "Type"),
            Column::plain("Match").searched(),
            Column::sorted("target", "Target").searched(),
            Column::sorted("priority", "Priority"),
        ];
        let title = format!("Gateway routes of {gateway}");
        view! { <DataTable title=title nouns=Nouns::new("gateway route", "gateway routes") columns=columns rows=rows /> }.into_any()
    };
    view! {
        <div class="page-header">
            <h2>"Gateway routes"</h2>
            <A href=create attr:class="button button-primary">"Create gateway route"</A>
        </div>
        {table}
    }
}
