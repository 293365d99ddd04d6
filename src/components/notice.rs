//! Page-level notices ("Virtual service created"), shown at the top of the next view until
//! dismissed.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Option<String>>);

impl Notices {
    pub fn show(self, message: String) {
        self.0.set(Some(message));
    }
}

pub fn provide_notices() {
    provide_context(Notices(RwSignal::new(None)));
}

/// Where notices appear.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let notices = expect_context::<Notices>().0;
    view! {
        <div role="status" aria-live="polite">
            {move || notices.get().map(|message| view! {
                <div class="alert alert-success">
                    <p>{message}</p>
                    <button type="button" class="link-button" on:click=move |_| notices.set(None)>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}
