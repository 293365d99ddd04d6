//! The gateway routes of a virtual gateway, as its details page lists them: what each one
//! matches and where it sends.

use super::spec_form::{match_summary, priority_of, route_of, route_type_label, target_of};
use crate::api::ResourceRecord;
use crate::components::link::A;
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

#[component]
pub fn GatewayRouteTable(mesh: String, gateway: String, records: Vec<ResourceRecord>) -> impl IntoView {
    let create = routing::create_route(&mesh, KIND, &gateway);
    let table = if records.is_empty() {
        view! { <p>"No gateway routes. A gateway route sends the requests it matches to a virtual service."</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Gateway routes">
                <table class="table">
                    <caption class="visually-hidden">"Gateway routes of this virtual gateway"</caption>
                    <thead><tr>
                        <th scope="col">"Gateway route name"</th>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Match"</th>
                        <th scope="col">"Target"</th>
                        <th scope="col">"Priority"</th>
                    </tr></thead>
                    <tbody>
                        {records.into_iter().map(|record| view! {
                            <tr>
                                <td><A href=routing::route(&mesh, KIND, &gateway, record.name.as_str())>{record.name.to_string()}</A></td>
                                <td>{route_of(&record.spec).map(|(kind, _)| route_type_label(kind)).unwrap_or("Unknown")}</td>
                                <td>{match_summary(&record.spec)}</td>
                                <td><TargetLink mesh=mesh.clone() target=target_of(&record.spec) /></td>
                                <td>{priority_of(&record.spec).map(|priority| priority.to_string()).unwrap_or_else(|| "None".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="page-header">
            <h2>"Gateway routes"</h2>
            <A href=create attr:class="button button-primary">"Create gateway route"</A>
        </div>
        {table}
    }
}
