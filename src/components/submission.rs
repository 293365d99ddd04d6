//! What every form's submit does: run one backend call, then show its notice and go on to
//! the next page; or keep the error on the form, every value as it was. One type for every
//! form, so the bundle carries this logic once.

use super::notice::Notices;
use crate::api::{BackendError, Call, ResourceRecord, SaveMode, Seen};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Where a successful submission leads.
pub struct Done {
    pub notice: String,
    /// Empty: the page stays (an edit made in place, such as the tags).
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
    /// The user chose to save over a change made since the form was filled.
    save_over: RwSignal<bool>,
}

impl Submission {
    pub fn new() -> Self {
        let navigate = use_navigate();
        Self {
            pending: RwSignal::new(false),
            error: RwSignal::new(None),
            notices: expect_context::<Notices>(),
            navigate: StoredValue::new_local(Box::new(move |url: &str| navigate(url, Default::default()))),
            save_over: RwSignal::new(false),
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
                    if !done.go_to.is_empty() {
                        self.navigate.with_value(|navigate| navigate(&done.go_to));
                    }
                }
                Err(error) => self.error.set(Some(error)),
            }
            self.pending.try_set(false);
        });
    }

    /// How the form saves: a create, or an update of the version it was filled from (refused
    /// if someone changed it since), unless the user chose to save over their change.
    pub fn mode(self, existing: Option<&ResourceRecord>) -> SaveMode {
        match existing {
            None => SaveMode::Create,
            Some(record) => SaveMode::Update(self.seen(record)),
        }
    }

    /// The version an edit of `record` must still find, unless the user chose to save over
    /// a change made since.
    pub fn seen(self, record: &ResourceRecord) -> Option<Seen> {
        (!self.save_over.get_untracked()).then(|| Seen { version: record.metadata.version, spec: record.spec.clone() })
    }

    /// The next save replaces whatever is stored.
    pub fn save_over(self) {
        self.save_over.set(true);
    }

    pub fn pending(self) -> Signal<bool> {
        self.pending.into()
    }

    pub fn error(self) -> Signal<Option<BackendError>> {
        self.error.into()
    }
}
