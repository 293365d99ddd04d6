//! "X not found", what was asked for, and the way back.

use crate::components::link::A;
use leptos::prelude::*;

#[component]
pub fn NotFoundPanel(
    #[prop(into)] title: String,
    #[prop(into)] message: Signal<String>,
    #[prop(into)] back_href: Signal<String>,
    #[prop(into)] back_text: String,
) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{title}</h1>
            <p>{move || message.get()}</p>
            <p><A href=move || back_href.get()>{back_text}</A></p>
        </section>
    }
}
