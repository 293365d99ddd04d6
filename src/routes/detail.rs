//! `/meshes/{mesh}/virtual-routers/{router}/routes/{route}`: a route's details.

use super::summary::{match_text, priority_text, retry_text, targets_text, timeout_text, type_text};
use crate::api::{LoadedWithTags, RouteParent, RouteRecord, load_following, use_backend};
use crate::components::async_view::async_view_of;
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

const KIND: RouteKind = RouteKind::Route;

fn url_param(key: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get(key).unwrap_or_default())
}

/// The router the URL names (`…/virtual-routers/{name}/…`).
pub fn use_router() -> Memo<String> {
    url_param("name")
}

/// The route the URL names, with its tags; `None` when the router (or the mesh) has no such one.
fn load_route(router: Memo<String>, route: Memo<String>, follow: bool) -> LoadedWithTags<(ResourceName, RouteRecord)> {
    let (backend, mesh) = (use_backend(), use_mesh_address());
    load_following(follow, move || {
        let (backend, mesh) = (backend.clone(), mesh.clone());
        let names = ResourceName::parse(router.get()).ok().zip(ResourceName::parse(route.get()).ok());
        Box::pin(async move {
            let Some((router, route)) = names else { return Ok(None) };
            let parent = RouteParent { kind: KIND, mesh, name: router.clone() };
            let record = match backend.describe_route(parent, route).await {
                Ok(record) => record,
                Err(error) if error.is_not_found() => return Ok(None),
                Err(error) => return Err(error),
            };
            let tags = backend.list_tags(record.metadata.arn.clone()).await.unwrap_or_default();
            Ok(Some(((router, record), tags)))
        })
    })
}

/// The route the URL names, shown by `page` (with its router's name); a not-found page when
/// there is none. Fetched again on a change made elsewhere when `follow`.
#[component]
pub fn WithRoute(follow: bool, page: fn(ResourceName, RouteRecord, Vec<TagRef>) -> AnyView) -> impl IntoView {
    let (mesh, router) = (use_mesh(), use_router());
    let route = url_param("route");
    let loaded = load_route(router, route, follow);
    async_view_of(loaded, move |found: Option<((ResourceName, RouteRecord), Vec<TagRef>)>| {
        match found {
        None => view! {
            <NotFoundPanel title="Route not found"
                message=Signal::derive(move || format!("The virtual router {} of the mesh {} has no route named {}.", router.get(), mesh.get(), route.get()))
                back_href=Signal::derive(move || routing::resource(&mesh.get(), KIND.parent(), &router.get()))
                back_text="Go to the virtual router" />
        }
        .into_any(),
        Some(((router, record), tags)) => page(router, record, tags),
    }
    })
}

#[component]
pub fn RouteDetail() -> impl IntoView {
    view! { <WithRoute follow=true page=|router, record, tags| view! { <Details router=router record=record tags=tags /> }.into_any() /> }
}

#[component]
fn Details(router: ResourceName, record: RouteRecord, tags: Vec<TagRef>) -> impl IntoView {
    let (backend, address, mesh) = (use_backend(), use_mesh_address(), use_mesh().get_untracked());
    let delete: DeleteCall = {
        let (parent, name) = (RouteParent { kind: KIND, mesh: address, name: router.clone() }, record.name.clone());
        Arc::new(move || {
            let call = backend.delete_route(parent.clone(), name.clone());
            Box::pin(async move { call.await.map(drop) })
        })
    };
    let router = router.to_string();
    let spec = &record.spec;
    let (route_type, matching, targets, priority) = (type_text(spec), match_text(spec), targets_text(spec), priority_text(spec));
    let (retry, timeout) = (retry_text(spec), timeout_text(spec));
    let optional = |label: &'static str, text: Option<String>| text.map(|text| view! { <div><dt>{label}</dt><dd>{text}</dd></div> });
    view! {
        <ResourcePage place=Place::Inside(KIND, router.clone()) mesh=mesh.clone() name=record.name.to_string() tags=tags delete=delete>
            <div><dt>"Route name"</dt><dd>{record.name.to_string()}</dd></div>
            <div><dt>"Virtual router"</dt><dd><A href=routing::resource(&mesh, KIND.parent(), &router)>{router.clone()}</A></dd></div>
            <div><dt>"Type"</dt><dd>{route_type}</dd></div>
            <div><dt>"Match"</dt><dd>{matching}</dd></div>
            <div><dt>"Targets"</dt><dd>{targets}</dd></div>
            <div><dt>"Priority"</dt><dd>{priority}</dd></div>
            {optional("Retry policy", retry)}
            {optional("Timeout", timeout)}
            <MetadataFields metadata=record.metadata.clone() status=record.status.status />
        </ResourcePage>
    }
}
