//! The route or gateway route the URL names (`…/{parent}/{kind}/{route}`), for the details
//! and edit pages of both kinds: one loader and one result type in the bundle, not two.

use crate::api::{Loaded, ResourceRecord, RouteParent, load_following, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::described::with_tags;
use crate::components::not_found_panel::NotFoundPanel;
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use leptos::prelude::*;
use mesh_engine::names::ResourceName;
use mesh_engine::resource::{RouteKind, TagRef};

/// A route, the router or gateway it lives in, and its tags.
pub type Found = (RouteParent, ResourceRecord, Vec<TagRef>);

/// The parent (`…/{name}/…`) and the route (`…/{route}`) the URL names.
fn use_route_names() -> (Memo<String>, Memo<String>) {
    routing::use_path_names()
}

fn load_route(kind: RouteKind, parent: Memo<String>, route: Memo<String>, follow: bool) -> Loaded<Option<Found>> {
    let (backend, mesh) = (use_backend(), use_mesh_address());
    load_following(follow, move || {
        let backend = backend.clone();
        let parent = ResourceName::parse(parent.get()).ok().map(|name| RouteParent { kind, mesh: mesh.clone(), name });
        let name = ResourceName::parse(route.get()).ok();
        Box::pin(async move {
            let (Some(parent), Some(name)) = (parent, name) else { return Ok(None) };
            let described = backend.describe_route(parent.clone(), name);
            let found = with_tags(backend, described, |record| record.metadata.arn.clone()).await?;
            Ok(found.map(|(record, tags)| (parent, record, tags)))
        })
    })
}

/// The route of `kind` the URL names, shown by `page`; a not-found page when its router or
/// gateway has none. Fetched again on a change made elsewhere when `follow` (see
/// `api::load_following`).
#[component]
pub fn WithRoute(kind: RouteKind, follow: bool, page: fn(Found) -> AnyView) -> impl IntoView {
    let mesh = use_mesh();
    let (parent, route) = use_route_names();
    async_view_of(load_route(kind, parent, route, follow), move |found: Option<Found>| {
        match found {
        Some(found) => page(found),
        None => view! {
            <NotFoundPanel title=format!("{} not found", kind.title())
                message=Signal::derive(move || format!("The {} {} of the mesh {} has no {} named {}.", kind.parent().noun(), parent.get(), mesh.get(), kind.noun(), route.get()))
                back_href=Signal::derive(move || routing::resource(&mesh.get(), kind.parent(), &parent.get()))
                back_text=format!("Go to the {}", kind.parent().noun()) />
        }
        .into_any(),
    }
    })
}
