//! What every form's submit does: run one backend call, then show its notice and go on to
//! the next page; or keep the error on the form, every value as it was. One type for every
//! form, so the bundle carries this logic once.

use super::notice::Notices;
use crate::api::{BackendError, Call};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Where a successful submission leads.
pub struct Done {
    pub notice: String,
    pub go_to: String,
}

/// Goes to a URL once a submission is done (the router's `navigate`, kept in the view's thread).
type Navigate = StoredValue<Box<dyn Fn(&str)>, LocalStorage>;

#[derive(Clone, Copy)]
pub struct Submission {
    pending: RwSignal<bool>,
    error: RwSignal<Option<BackendError>>,
    notices: Notices,
    navigate: Navigate,
}

impl Submission {
    pub fn new() -> Self {
        let navigate = use_navigate();
        Self {
            pending: RwSignal::new(false),
            error: RwSignal::new(None),
            notices: expect_context::<Notices>(),
            navigate: StoredValue::new_local(Box::new(move |url: &str| navigate(url, Default::default()))),
        }
    }

    /// Runs the call unless one is under way.
    pub fn run(self, call: Call<Done>) {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        self.error.set(None);
        leptos::task::spawn_local(async move {
            match call.await {
                Ok(done) => {
                    self.notices.show(done.notice);
                    self.navigate.with_value(|navigate| navigate(&done.go_to));
                }
                Err(error) => self.error.set(Some(error)),
            }
            self.pending.try_set(false);
        });
    }

    pub fn pending(self) -> Signal<bool> {
        self.pending.into()
    }

    pub fn error(self) -> Signal<Option<BackendError>> {
        self.error.into()
    }
}
