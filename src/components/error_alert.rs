//! An error as a person reads it: a sentence first, the technical detail (App Mesh's error
//! code and words, or the browser's) one click away.

use crate::api::BackendError;
use leptos::prelude::*;

#[component]
pub fn ErrorAlert(
    /// What did not happen: "The change was not saved:" (may be empty).
    #[prop(into)]
    lead: String,
    error: BackendError,
    /// What the user can do now: Retry, say.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let sentence = if lead.is_empty() { error.to_string() } else { format!("{lead} {error}") };
    view! {
        <div class="alert alert-error" role="alert">
            <p>{sentence}</p>
            <details><summary>"Technical detail"</summary><p class="mono">{error.detail()}</p></details>
            {children.map(|children| children())}
        </div>
    }
}

/// The alert for a submission's error, while there is one.
pub fn error_alert(lead: &'static str, error: Signal<Option<BackendError>>) -> impl Fn() -> Option<AnyView> + Send + Sync {
    move || error.get().map(|error| view! { <ErrorAlert lead=lead error=error /> }.into_any())
}
