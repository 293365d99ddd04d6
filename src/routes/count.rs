//! How many routes a virtual router has, where a router is chosen as a virtual service's
//! provider: a router without routes routes no traffic.

use super::list::load_routes;
use crate::components::link::A;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::names::ResourceName;
use mesh_engine::resource::RouteKind;

#[component]
pub fn RouterRouteCount(mesh: Memo<String>, router: String) -> impl IntoView {
    // The router page's load: one more kind of load would cost the bundle more than it saves.
    let routes = ResourceName::parse(router.clone()).ok().map(|router| load_routes(RouteKind::Route, router));
    move || {
        let router = router.clone();
        let count = routes.and_then(|routes| routes.get()).and_then(Result::ok).map(|records| records.len());
        count.map(move |count| match count {
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
