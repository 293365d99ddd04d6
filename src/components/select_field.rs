//! A labelled `<select>` whose hint and error are tied to it, as `field::TextField` does for
//! text.

use leptos::prelude::*;

#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    /// Each option's value and text.
    options: Vec<(String, String)>,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(into, optional)] show_error: Signal<bool>,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let visible_error = move || if show_error.get() { error.get() } else { None };
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids: Vec<&str> = hint.map(|_| hint_id.as_str()).into_iter().collect();
            if visible_error().is_some() {
                ids.push(&error_id);
            }
            ids.join(" ")
        }
    };
    let current = value.get_untracked();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <select id=id on:change:target=move |event| value.set(event.target().value())
                aria-invalid=move || if visible_error().is_some() { "true" } else { "false" } aria-describedby=described_by>
                {options.into_iter().map(|(option, text)| {
                    let selected = option == current;
                    view! { <option value=option selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            {move || visible_error().map(|message| view! { <p class="error" id=error_id.clone()>{message}</p> })}
        </div>
    }
}
