//! "Delete X?": a modal dialog that asks the user to type `delete`. It offers no Delete that
//! App Mesh would refuse: while something holds the resource it says what (the first few,
//! and how many more), and once the resource is gone it says so and leads back.

use super::error_alert::ErrorAlert;
use super::link::A;
use crate::api::BackendError;
use leptos::html;
use leptos::prelude::*;
use mesh_engine::ErrorKind;

/// Why App Mesh will refuse a delete: the reason, and the resources that hold it (name, link).
#[derive(Debug, Clone, PartialEq)]
pub struct InUse {
    pub reason: String,
    pub holders: Vec<(String, String)>,
}

/// How many holders a dialog lists before "and N more": its buttons stay on screen.
const HOLDERS_SHOWN: usize = 5;

#[component]
pub fn ConfirmDelete(
    /// "virtual service"
    kind: &'static str,
    #[prop(into)] name: Signal<String>,
    /// Whether the dialog is open.
    open: RwSignal<bool>,
    #[prop(into)] pending: Signal<bool>,
    /// Why the last attempt failed.
    #[prop(into)]
    error: Signal<Option<BackendError>>,
    #[prop(into)] on_confirm: Callback<()>,
    /// Why it cannot be deleted now: shown instead of the confirmation.
    #[prop(into)]
    in_use: Signal<Vec<InUse>>,
    /// Where to go once it turns out to be deleted already.
    back: (String, String),
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let typed = RwSignal::new(String::new());
    Effect::new(move || {
        if let Some(dialog) = dialog.get() {
            if open.get() {
                typed.set(String::new());
                let _ = dialog.show_modal();
            } else {
                dialog.close();
            }
        }
    });
    let gone = move || error.with(|error| error.as_ref().is_some_and(BackendError::is_not_found));
    let refused =
        move || error.with(|error| matches!(error, Some(BackendError::Api(api)) if api.kind == ErrorKind::ResourceInUseException));
    let can_delete = move || in_use.with(Vec::is_empty) && !gone() && !refused();
    let confirmed = move || typed.get().trim() == "delete";
    let (back_href, back_text) = back;
    view! {
        <dialog node_ref=dialog aria-labelledby="delete-title" on:close=move |_| open.set(false)>
            <form method="dialog" on:submit=move |event| {
                event.prevent_default();
                if confirmed() && can_delete() {
                    on_confirm.run(());
                }
            }>
                <h2 id="delete-title">{move || format!("Delete {kind} {}?", name.get())}</h2>
                {move || if gone() {
                    let (href, text) = (back_href.clone(), back_text.clone());
                    view! {
                        <div class="alert alert-info" role="alert">
                            <p>{format!("This {kind} no longer exists: it was deleted elsewhere.")}</p>
                            <p><A href=href>{text}</A></p>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        {move || error.get().map(|error| view! { <ErrorAlert lead="It was not deleted:" error=error /> })}
                        {move || in_use.get().into_iter().map(|reason| view! { <InUseAlert reason=reason /> }).collect_view()}
                    }.into_any()
                }}
                {move || can_delete().then(|| view! {
                    <p>"This cannot be undone."</p>
                    <div class="field">
                        <label for="confirm-delete">"To confirm, type delete"</label>
                        <input id="confirm-delete" type="text" autocomplete="off" prop:value=move || typed.get()
                            on:input:target=move |event| typed.set(event.target().value()) />
                    </div>
                })}
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| open.set(false)>{move || if can_delete() { "Cancel" } else { "Close" }}</button>
                    {move || can_delete().then(|| view! {
                        <button type="submit" class="button button-danger button-primary" disabled=move || !confirmed() || pending.get()>"Delete"</button>
                    })}
                </div>
            </form>
        </dialog>
    }
}

#[component]
fn InUseAlert(reason: InUse) -> impl IntoView {
    let more = reason.holders.len().saturating_sub(HOLDERS_SHOWN);
    view! {
        <div class="alert alert-warning">
            <p>{reason.reason}</p>
            <ul class="plain-list">
                {reason.holders.into_iter().take(HOLDERS_SHOWN).map(|(name, href)| view! { <li><A href=href>{name}</A></li> }).collect_view()}
                {(more > 0).then(|| view! { <li>{format!("and {more} more")}</li> })}
            </ul>
        </div>
    }
}
