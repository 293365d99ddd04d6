//! The frame of a create or edit form: its heading, why the last save failed, the fields the
//! caller gives, Cancel and the submit button (off while a save is under way).

use super::changed_alert::ChangedAlert;
use super::error_alert::ErrorAlert;
use super::link::A;
use super::submission::Submission;
use crate::api::BackendError;
use leptos::prelude::*;

#[component]
pub fn FormPage(
    #[prop(into)] title: String,
    save: Submission,
    /// Called on submit (the browser's own submit is prevented).
    #[prop(into)]
    on_submit: Callback<()>,
    #[prop(into)] cancel: Signal<String>,
    #[prop(into)] submit_label: String,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{title}</h1>
            {move || save.error().get().map(|error| match error {
                BackendError::Changed(changed) => view! {
                    <ChangedAlert changed=*changed on_save_over=move || { save.save_over(); on_submit.run(()); } />
                }.into_any(),
                error => view! { <ErrorAlert lead="Nothing was saved:" error=error /> }.into_any(),
            })}
            <form novalidate on:submit=move |event| {
                event.prevent_default();
                on_submit.run(());
            }>
                {children()}
                <div class="actions">
                    <A href=move || cancel.get() attr:class="button">"Cancel"</A>
                    <button type="submit" class="button button-primary" disabled=move || save.pending().get()>{submit_label}</button>
                </div>
            </form>
        </section>
    }
}

/// What a submit does once the form is checked: focus the first field that is wrong (its
/// id), else save the spec the form made (`None` only while a field is wrong).
pub fn save_or_focus(first_bad: Option<&str>, spec: Option<serde_json::Value>, save: impl FnOnce(serde_json::Value)) {
    match (first_bad, spec) {
        (Some(id), _) => crate::web::focus_by_id(id),
        (None, Some(spec)) => save(spec),
        (None, None) => {}
    }
}
