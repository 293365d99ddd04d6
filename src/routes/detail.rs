//! `/meshes/{mesh}/virtual-routers/{router}/routes/{route}`: a route's details.

use super::summary::{match_text, priority_text, retry_text, targets_text, timeout_text, type_text};
use crate::api::use_backend;
use crate::components::link::A;
use crate::components::resource_page::{DeleteCall, Place, ResourcePage};
use crate::components::with_route::{Found, WithRoute};
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::RouteKind;
use std::sync::Arc;

const KIND: RouteKind = RouteKind::Route;

/// The router the URL names (`…/virtual-routers/{name}/…`).
pub fn use_router() -> Memo<String> {
    routing::use_path_names().0
}

#[component]
pub fn RouteDetail() -> impl IntoView {
    view! { <WithRoute kind=KIND follow=true page=|found| view! { <Details found=found /> }.into_any() /> }
}

#[component]
fn Details(found: Found) -> impl IntoView {
    let (parent, record, tags) = found;
    let (mesh, router) = (parent.mesh.name.to_string(), parent.name.to_string());
    let backend = use_backend();
    let delete: DeleteCall = {
        let name = record.name.clone();
        Arc::new(move || {
            let call = backend.delete_route(parent.clone(), name.clone());
            Box::pin(async move { call.await.map(drop) })
        })
    };
    let spec = &record.spec;
    let (route_type, matching, targets, priority) = (type_text(spec), match_text(spec), targets_text(spec), priority_text(spec));
    let (retry, timeout) = (retry_text(spec), timeout_text(spec));
    let optional = |label: &'static str, text: Option<String>| text.map(|text| view! { <div><dt>{label}</dt><dd>{text}</dd></div> });
    view! {
        <ResourcePage place=Place::Inside(KIND, router.clone()) record=record.clone() tags=tags delete=delete>
            <div><dt>"Route name"</dt><dd>{record.name.to_string()}</dd></div>
            <div><dt>"Virtual router"</dt><dd><A href=routing::resource(&mesh, KIND.parent(), &router)>{router.clone()}</A></dd></div>
            <div><dt>"Type"</dt><dd>{route_type}</dd></div>
            <div><dt>"Match"</dt><dd>{matching}</dd></div>
            <div><dt>"Targets"</dt><dd>{targets}</dd></div>
            <div><dt>"Priority"</dt><dd>{priority}</dd></div>
            {optional("Retry policy", retry)}
            {optional("Timeout", timeout)}
        </ResourcePage>
    }
}
