//! How many routes a virtual router has, where a router is chosen as a virtual service's
//! provider: a router without routes routes no traffic.

use crate::api::{RouteParent, use_backend};
use crate::components::link::A;
use crate::meshes::layout::use_mesh_address;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::names::ResourceName;
use mesh_engine::resource::RouteKind;

#[component]
pub fn RouterRouteCount(mesh: Memo<String>, router: String) -> impl IntoView {
    let (backend, address) = (use_backend(), use_mesh_address());
    let parent = ResourceName::parse(router.clone()).ok().map(|name| RouteParent { kind: RouteKind::Route, mesh: address, name });
    let count = crate::api::load(move || {
        let (backend, parent) = (backend.clone(), parent.clone());
        Box::pin(async move {
            match parent {
                Some(parent) => Ok(backend.list_routes(parent).await?.len()),
                None => Ok(0),
            }
        })
    });
    move || {
        let router = router.clone();
        count.get().and_then(Result::ok).map(move |count| match count {
            0 => view! {
                <div class="alert alert-warning" role="status">
                    <p>"Traffic to this service will not be routed until the router has a route."</p>
                    <p><A href=routing::create_route(&mesh.get_untracked(), RouteKind::Route, &router)>{format!("Create a route in {router}")}</A></p>
                </div>
            }
            .into_any(),
            count => view! { <p class="hint" role="status">{format!("{router} has {count} {}.", if count == 1 { "route" } else { "routes" })}</p> }.into_any(),
        })
    }
}
