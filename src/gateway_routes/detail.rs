//! `/meshes/{mesh}/virtual-gateways/{gateway}/gateway-routes/{name}`: what a gateway route
//! matches, where it sends, its priority; Edit and Delete.

use super::spec_form::{match_summary, rewrite_summary, route_type_text, target_of};
use super::table::TargetLink;
use crate::api::use_backend;
use crate::components::link::A;
use crate::components::resource_page::{DeleteCall, Place, ResourcePage};
use crate::components::with_route::{Found, WithRoute};
use crate::routes::summary::priority_text;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::RouteKind;
use std::sync::Arc;

const KIND: RouteKind = RouteKind::GatewayRoute;

#[component]
pub fn GatewayRouteDetail() -> impl IntoView {
    view! { <WithRoute kind=KIND follow=true page=|found| view! { <Details found=found /> }.into_any() /> }
}

#[component]
fn Details(found: Found) -> impl IntoView {
    let (parent, data, tags) = found;
    let (mesh, gateway) = (parent.mesh.name.to_string(), parent.name.to_string());
    let backend = use_backend();
    let delete: DeleteCall = {
        let name = data.name.clone();
        Arc::new(move || {
            let call = backend.delete_route(parent.clone(), name.clone());
            Box::pin(async move { call.await.map(drop) })
        })
    };
    let spec = &data.spec;
    let route_type = route_type_text(spec);
    let (matches, target, rewrite) = (match_summary(spec), target_of(spec), rewrite_summary(spec));
    let priority = priority_text(spec);
    let gateway_href = routing::resource(&mesh, KIND.parent(), &gateway);
    let name = data.name.to_string();
    view! {
        <ResourcePage place=Place::Inside(KIND, gateway.clone()) record=data.clone() tags=tags delete=delete>
            <div><dt>"Gateway route name"</dt><dd>{name}</dd></div>
            <div><dt>"Virtual gateway"</dt><dd><A href=gateway_href>{gateway}</A></dd></div>
            <div><dt>"Type"</dt><dd>{route_type}</dd></div>
            <div><dt>"Match"</dt><dd>{matches}</dd></div>
            <div><dt>"Target"</dt><dd><TargetLink mesh=mesh target=target /></dd></div>
            <div><dt>"Rewrite"</dt><dd>{rewrite}</dd></div>
            <div><dt>"Priority"</dt><dd>{priority}</dd></div>
        </ResourcePage>
    }
}
