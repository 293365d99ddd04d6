//! An edit refused because someone changed the resource since the page read it: what they
//! changed, and the user's two ways on — save over it, or reload and see it.

use crate::api::ChangedElsewhere;
use leptos::prelude::*;

#[component]
pub fn ChangedAlert(changed: ChangedElsewhere, #[prop(into)] on_save_over: Callback<()>) -> impl IntoView {
    let ChangedElsewhere { seen_version, now, differences } = changed;
    let owner = now.metadata.resource_owner.to_string();
    let when = crate::components::format::format_timestamp(now.metadata.last_updated_at);
    view! {
        <div class="alert alert-warning" role="alert">
            <p>{format!(
                "Nothing was saved: this was changed since you opened the page (version {seen_version} then, version {} now), by account {owner} at {when}.",
                now.metadata.version
            )}</p>
            {if differences.is_empty() {
                view! { <p>"Its spec is as you read it: only its tags or metadata changed."</p> }.into_any()
            } else {
                view! {
                    <p>"What changed (then → now):"</p>
                    <ul class="plain-list mono">{differences.into_iter().map(|difference| view! { <li>{difference}</li> }).collect_view()}</ul>
                }.into_any()
            }}
            <div class="actions">
                <button type="button" class="button" on:click=move |_| crate::web::reload()>"Reload to see their changes"</button>
                <button type="button" class="button button-danger" on:click=move |_| on_save_over.run(())>"Save my changes over theirs"</button>
            </div>
        </div>
    }
}
