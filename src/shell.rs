//! The frame around every view: the product bar with the storage indicator, and the page.

use crate::api::use_backend;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let storage = use_backend().storage_label();
    view! {
        <header class="top-bar">
            <A href=crate::routing::MESHES attr:class="brand">"Mesh Console"</A>
            <span class="storage-indicator" title="Where the console keeps your App Mesh resources">{storage}</span>
        </header>
        <main id="main" class="content">{children()}</main>
    }
}
