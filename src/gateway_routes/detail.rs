//! `/meshes/{mesh}/virtual-gateways/{gateway}/gateway-routes/{name}`: what a gateway route
//! matches, where it sends, its priority; Edit and Delete.

use super::spec_form::{match_summary, priority_of, rewrite_summary, route_of, route_type_label, target_of};
use super::table::TargetLink;
use crate::api::{BackendError, RouteParent, RouteRecord, load_following, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::described::with_tags;
use crate::components::link::A;
use crate::components::metadata::MetadataFields;
use crate::components::not_found_panel::NotFoundPanel;
use crate::components::resource_page::{DeleteCall, Place, ResourcePage};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use mesh_engine::names::ResourceName;
use mesh_engine::resource::{RouteKind, TagRef};
use std::sync::Arc;

const KIND: RouteKind = RouteKind::GatewayRoute;

/// The gateway and the gateway route the URL names.
pub fn use_route_names() -> (Memo<String>, Memo<String>) {
    let params = use_params_map();
    (Memo::new(move |_| params.read().get("name").unwrap_or_default()), Memo::new(move |_| params.read().get("route").unwrap_or_default()))
}

/// A gateway route, the gateway it lives in and its tags.
pub type Found = (RouteParent, RouteRecord, Vec<TagRef>);

fn load_route(gateway: Memo<String>, route: Memo<String>, follow: bool) -> LocalResource<Result<Option<Found>, BackendError>> {
    let (backend, mesh) = (use_backend(), use_mesh_address());
    load_following(follow, move || {
        let backend = backend.clone();
        let parent = ResourceName::parse(gateway.get()).ok().map(|name| RouteParent { kind: KIND, mesh: mesh.clone(), name });
        let name = ResourceName::parse(route.get()).ok();
        Box::pin(async move {
            let (Some(parent), Some(name)) = (parent, name) else { return Ok(None) };
            let described = backend.describe_route(parent.clone(), name);
            let found = with_tags(backend, described, |data| data.metadata.arn.clone()).await?;
            Ok(found.map(|(data, tags)| (parent, data, tags)))
        })
    })
}

/// The gateway route the URL names, shown by `page`; a not-found page when the gateway has
/// none. Fetched again on a change made elsewhere when `follow` (see `api::load_following`).
#[component]
pub fn WithGatewayRoute(follow: bool, page: fn(Found) -> AnyView) -> impl IntoView {
    let mesh = use_mesh();
    let (gateway, route) = use_route_names();
    async_view_of(load_route(gateway, route, follow), move |found: Option<Found>| {
        match found {
        Some(found) => page(found),
        None => view! {
            <NotFoundPanel title="Gateway route not found"
                message=Signal::derive(move || format!("The virtual gateway {} of mesh {} has no gateway route named {}.", gateway.get(), mesh.get(), route.get()))
                back_href=Signal::derive(move || routing::resource(&mesh.get(), KIND.parent(), &gateway.get()))
                back_text="Go to the virtual gateway" />
        }
        .into_any(),
    }
    })
}

#[component]
pub fn GatewayRouteDetail() -> impl IntoView {
    view! { <WithGatewayRoute follow=true page=|found| view! { <Details found=found /> }.into_any() /> }
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
    let route_type = route_of(spec).map(|(kind, _)| route_type_label(kind)).unwrap_or("Unknown");
    let (matches, target, rewrite) = (match_summary(spec), target_of(spec), rewrite_summary(spec));
    let priority = priority_of(spec).map(|priority| priority.to_string()).unwrap_or_else(|| "None".into());
    let gateway_href = routing::resource(&mesh, KIND.parent(), &gateway);
    let name = data.name.to_string();
    view! {
        <ResourcePage place=Place::Inside(KIND, gateway.clone()) mesh=mesh.clone() name=name.clone() tags=tags delete=delete>
            <div><dt>"Gateway route name"</dt><dd>{name}</dd></div>
            <div><dt>"Virtual gateway"</dt><dd><A href=gateway_href>{gateway}</A></dd></div>
            <div><dt>"Type"</dt><dd>{route_type}</dd></div>
            <div><dt>"Match"</dt><dd>{matches}</dd></div>
            <div><dt>"Target"</dt><dd><TargetLink mesh=mesh target=target /></dd></div>
            <div><dt>"Rewrite"</dt><dd>{rewrite}</dd></div>
            <div><dt>"Priority"</dt><dd>{priority}</dd></div>
            <MetadataFields metadata=data.metadata.clone() status=data.status.status />
        </ResourcePage>
    }
}
