use crate::components::not_found_panel::NotFoundPanel;
use crate::routing;
use leptos::prelude::*;

/// Any URL the console does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <NotFoundPanel title="Page not found" message="Nothing lives at this address.".to_string()
            back_href=routing::MESHES.to_string() back_text="Go to your meshes" />
    }
}
