//! A labelled text input whose hint, error and warning are tied to it for assistive
//! technology. `aria-invalid` is set only once the user has typed, left the field or
//! pressed Next (`show_error`).

use leptos::html;
use leptos::prelude::*;

#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into, optional)] warning: Signal<Option<String>>,
    #[prop(into)] show_error: Signal<bool>,
    /// Called when the user leaves the field.
    #[prop(optional, into)]
    on_blur: Option<Callback<()>>,
    #[prop(optional)] node_ref: NodeRef<html::Input>,
    #[prop(optional)] placeholder: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let warning_id = format!("{id}-warning");
    let visible_error = move || if show_error.get() { error.get() } else { None };
    let described_by = {
        let (hint_id, error_id, warning_id) = (hint_id.clone(), error_id.clone(), warning_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if visible_error().is_some() {
                ids.push(error_id.clone());
            }
            if warning.get().is_some() {
                ids.push(warning_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <input
                id=id
                type="text"
                node_ref=node_ref
                placeholder=placeholder
                autocomplete="off"
                spellcheck="false"
                prop:value=move || value.get()
                on:input:target=move |event| value.set(event.target().value())
                on:blur=move |_| {
                    // A field removed while focused blurs as it goes: its callback may be gone.
                    if let Some(on_blur) = on_blur {
                        on_blur.try_run(());
                    }
                }
                aria-invalid=move || if visible_error().is_some() { "true" } else { "false" }
                aria-describedby=described_by
            />
            {move || visible_error().map(|message| view! { <p class="error" id=error_id.clone()>{message}</p> })}
            {move || warning.get().map(|message| view! { <p class="warning" id=warning_id.clone()>{message}</p> })}
        </div>
    }
}
