//! A labelled `<select>` whose hint and error are tied to it, as `field::TextField` does for
//! text. Not generic: every select of the console is this one component.

use leptos::html;
use leptos::prelude::*;

/// Options from `(value, text)` pairs.
pub fn options(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(value, text)| (value.to_string(), text.to_string())).collect()
}

/// A select's choice written to a signal.
pub fn set_to(signal: RwSignal<String>) -> Callback<String> {
    Callback::new(move |value| signal.set(value))
}

/// The options of a select that picks a resource by name: a prompt, the names once loaded
/// (`None` while loading), and the current choice, marked, when it no longer exists.
pub fn name_options(names: Option<Vec<String>>, current: &str, noun: &str) -> Vec<(String, String)> {
    let Some(names) = names else { return vec![(String::new(), "Loading…".into())] };
    let missing = (!current.is_empty() && !names.iter().any(|name| name == current))
        .then(|| (current.to_string(), format!("{current} (no longer exists)")));
    let prompt = if names.is_empty() { format!("No {noun}s in this mesh") } else { format!("Choose a {noun}") };
    std::iter::once((String::new(), prompt)).chain(missing).chain(names.into_iter().map(|name| (name.clone(), name))).collect()
}

#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    /// Each option's value and text.
    options: Vec<(String, String)>,
    /// The value chosen when the field is built.
    #[prop(into)]
    selected: String,
    on_change: Callback<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(into, optional)] show_error: Signal<bool>,
    #[prop(optional)] node_ref: NodeRef<html::Select>,
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
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <select id=id node_ref=node_ref on:change:target=move |event| on_change.run(event.target().value())
                aria-invalid=move || if visible_error().is_some() { "true" } else { "false" } aria-describedby=described_by>
                {options.into_iter().map(|(option, text)| {
                    let chosen = option == selected;
                    view! { <option value=option selected=chosen>{text}</option> }
                }).collect_view()}
            </select>
            {move || visible_error().map(|message| view! { <p class="error" id=error_id.clone()>{message}</p> })}
        </div>
    }
}
