//! "Delete X?": a modal dialog that asks the user to type `delete`.

use leptos::html;
use leptos::prelude::*;

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
    error: Signal<Option<String>>,
    #[prop(into)] on_confirm: Callback<()>,
    /// Why it cannot be deleted now: shown instead of the confirmation.
    #[prop(default = None)]
    blocker: Option<ViewFn>,
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
    let confirmed = move || typed.get().trim() == "delete";
    view! {
        <dialog node_ref=dialog aria-labelledby="delete-title" on:close=move |_| open.set(false)>
            <form method="dialog" on:submit=move |event| {
                event.prevent_default();
                if confirmed() {
                    on_confirm.run(());
                }
            }>
                <h2 id="delete-title">{move || format!("Delete {kind} {}?", name.get())}</h2>
                <p>"This cannot be undone."</p>
                {move || error.get().map(|message| view! { <div class="alert alert-error" role="alert"><p>{message}</p></div> })}
                {blocker.as_ref().map(|blocker| blocker.run())}
                <div class="field">
                    <label for="confirm-delete">"To confirm, type delete"</label>
                    <input id="confirm-delete" type="text" autocomplete="off" prop:value=move || typed.get()
                        on:input:target=move |event| typed.set(event.target().value()) />
                </div>
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="button button-danger button-primary" disabled=move || !confirmed() || pending.get()>"Delete"</button>
                </div>
            </form>
        </dialog>
    }
}
