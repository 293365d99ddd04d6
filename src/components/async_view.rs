//! Loading, error (with Retry) and loaded states of a backend call.

use super::error_alert::ErrorAlert;
use crate::api::{BackendError, Loaded};
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// Shows `loaded` once `resource` has a value (and keeps showing it while it reloads), a
/// status line before that, and the error with a Retry button if the call failed. It reads
/// the resource directly rather than through `Suspense`, and is a function rather than a
/// component: both keep the bundle smaller.
pub fn async_view_of<T, V>(resource: Loaded<T>, loaded: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    async_view(move || resource.get(), move || resource.refetch(), loaded)
}

/// [`async_view_of`] for any state: what a memo derives from a resource, say, so that the view is
/// built again only when the derived value changes.
pub fn async_view<T, V>(
    state: impl Fn() -> Option<Result<T, BackendError>> + Send + Sync + 'static,
    retry: impl Fn() + Send + Sync + 'static,
    loaded: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: 'static,
    V: IntoView + 'static,
{
    let state = move || state().map(|result| result.map(|value| loaded(value).into_any()));
    state_view(Box::new(state), Callback::new(move |()| retry()))
}

type ViewState = Box<dyn Fn() -> Option<Result<AnyView, BackendError>> + Send + Sync>;

/// The three views, built by one function for every page: only the state is generic, and it
/// comes here erased.
fn state_view(state: ViewState, retry: Callback<()>) -> impl IntoView {
    move || match state() {
        None => EitherOf3::A(view! { <p class="status" role="status">"Loading…"</p> }),
        Some(Ok(view)) => EitherOf3::B(view),
        Some(Err(error)) => EitherOf3::C(view! {
            <ErrorAlert lead="" error=error>
                <button type="button" class="button" on:click=move |_| retry.run(())>"Retry"</button>
            </ErrorAlert>
        }),
    }
}
