use crate::routing;
use leptos::prelude::*;
use leptos_router::components::A;

/// Any URL the console does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"Nothing lives at this address."</p>
            <p><A href=routing::MESHES>"Go to your meshes"</A></p>
        </section>
    }
}
