//! The gateway routes of a virtual gateway, as its details page lists them: what each one
//! matches and where it sends.

use super::spec_form::{match_summary, priority_of, route_of, route_type_label, target_of};
use crate::api::{BackendError, RouteParent, join_all, use_backend};
use crate::components::link::A;
use crate::meshes::layout::use_mesh_address;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::names::ResourceName;
use mesh_engine::resource::RouteKind;
use mesh_engine::spec::RouteType;

const KIND: RouteKind = RouteKind::GatewayRoute;

#[derive(Debug, Clone, PartialEq)]
pub struct GatewayRouteRow {
    pub name: String,
    pub route_type: Option<RouteType>,
    pub matches: String,
    /// The virtual service and the port, if the route names one.
    pub target: Option<(String, Option<i64>)>,
    pub priority: Option<i64>,
}

/// The gateway routes of the gateway named, each described (the list answer has no spec).
pub fn load_rows(gateway: ResourceName) -> LocalResource<Result<Vec<GatewayRouteRow>, BackendError>> {
    let (backend, mesh) = (use_backend(), use_mesh_address());
    crate::api::load(move || {
        let (backend, parent) = (backend.clone(), RouteParent { kind: KIND, mesh: mesh.clone(), name: gateway.clone() });
        Box::pin(async move {
            let routes = backend.list_routes(parent.clone()).await?;
            let described = join_all(routes.iter().map(|route| backend.describe_route(parent.clone(), route.name.clone())).collect()).await;
            Ok(routes
                .into_iter()
                .zip(described)
                .map(|(route, data)| {
                    let spec = data.map(|data| data.spec).unwrap_or_default();
                    GatewayRouteRow {
                        name: route.name.to_string(),
                        route_type: route_of(&spec).map(|(kind, _)| kind),
                        matches: match_summary(&spec),
                        target: target_of(&spec),
                        priority: priority_of(&spec),
                    }
                })
                .collect())
        })
    })
}

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
pub fn GatewayRouteTable(mesh: String, gateway: String, rows: Vec<GatewayRouteRow>) -> impl IntoView {
    let create = routing::create_route(&mesh, KIND, &gateway);
    let table = if rows.is_empty() {
        view! { <p>"No gateway routes. A gateway route sends the requests it matches to a virtual service."</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
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
                        {rows.into_iter().map(|row| view! {
                            <tr>
                                <td><A href=routing::route(&mesh, KIND, &gateway, &row.name)>{row.name.clone()}</A></td>
                                <td>{row.route_type.map(route_type_label).unwrap_or("Unknown")}</td>
                                <td>{row.matches}</td>
                                <td><TargetLink mesh=mesh.clone() target=row.target /></td>
                                <td>{row.priority.map(|priority| priority.to_string()).unwrap_or_else(|| "None".into())}</td>
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
