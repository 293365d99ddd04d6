//! Links inside the console: plain anchors, whose clicks the router takes over, with the
//! page's base path (`trunk build --public-url /console/`) in front of the paths of
//! `routing`. Leptos's `A` would leave an absolute path without the base.

use crate::routing;
use leptos::prelude::*;
use leptos_router::components::ToHref;

#[component]
pub fn A<H: ToHref + Send + Sync + 'static>(href: H, children: Children) -> impl IntoView {
    anchor(Signal::derive(move || href.to_href()()), children)
}

/// The anchor itself, one type for every link: only the reading of `href` is generic.
fn anchor(href: Signal<String>, children: Children) -> impl IntoView + use<> {
    let base = routing::base();
    view! { <a href=move || format!("{base}{}", href.get())>{children()}</a> }
}
