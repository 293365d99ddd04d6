//! The `returnTo` of a create form opened from another page (the wizard's provider step).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The page that opened this form, if any.
pub fn use_return_to() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("returnTo"))
}

/// The current page, to come back to.
pub fn current_url() -> String {
    web_sys::window()
        .map(|window| {
            let location = window.location();
            format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
        })
        .unwrap_or_default()
}
