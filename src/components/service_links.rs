//! A list of virtual services as links to their details: what a node or router provides,
//! a node's backends.

use crate::components::link::A;
use crate::routing;
use leptos::prelude::*;

/// The services as links, or "None".
#[component]
pub fn ServiceLinks(mesh: String, services: Vec<String>) -> impl IntoView {
    if services.is_empty() {
        return view! { "None" }.into_any();
    }
    view! {
        <ul class="plain-list">
            {services.into_iter().map(|service| view! {
                <li><A href=routing::virtual_service(&mesh, &service)>{service.clone()}</A></li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
