//! Loading, error (with Retry) and loaded states of a backend call.

use crate::api::BackendError;
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// Shows `loaded` once `resource` has a value (and keeps showing it while it reloads), a
/// status line before that, and the error with a Retry button if the call failed. It reads
/// the resource directly rather than through `Suspense`, which keeps the bundle smaller.
#[component]
pub fn AsyncView<T, V>(resource: LocalResource<Result<T, BackendError>>, loaded: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    // An enum of the three views, not `AnyView`: it compiles only what a browser uses.
    move || match resource.get() {
        None => EitherOf3::A(view! { <p class="status" role="status">"Loading…"</p> }),
        Some(Ok(value)) => EitherOf3::B(loaded(value)),
        Some(Err(error)) => EitherOf3::C(view! {
            <div class="alert alert-error" role="alert">
                <p>{error.to_string()}</p>
                <button type="button" class="button" on:click=move |_| resource.refetch()>"Retry"</button>
            </div>
        }),
    }
}
