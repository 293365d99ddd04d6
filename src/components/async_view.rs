//! Loading, error (with Retry) and loaded states of a backend call.

use crate::api::BackendError;
use leptos::prelude::*;

/// Shows `loaded` once `resource` has a value, a status line while it loads, and the error
/// with a Retry button if the call failed.
#[component]
pub fn AsyncView<T, V>(resource: LocalResource<Result<T, BackendError>>, loaded: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    let loaded = std::sync::Arc::new(loaded);
    view! {
        <Transition fallback=|| view! { <p class="status" role="status">"Loading…"</p> }>
            {move || {
                let loaded = loaded.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => loaded(value).into_any(),
                        Err(error) => view! {
                            <div class="alert alert-error" role="alert">
                                <p>{error.to_string()}</p>
                                <button type="button" class="button" on:click=move |_| resource.refetch()>"Retry"</button>
                            </div>
                        }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}
