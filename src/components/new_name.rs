//! The name field of a create form, checked live against the names already taken; an edit
//! form saves under the name it edits.

use crate::api::{Call, load};
use leptos::prelude::*;
use mesh_engine::advice::check_new_name;
use mesh_engine::names::ResourceName;

#[derive(Clone, Copy)]
pub struct NewName {
    pub value: RwSignal<String>,
    /// What is wrong with the name typed; never anything when editing.
    pub problem: Signal<Option<String>>,
}

impl NewName {
    /// `taken` fetches the names in use by this kind; `touched` turns true once a name is typed.
    pub fn new(created: bool, noun: &'static str, touched: RwSignal<bool>, taken: impl Fn() -> Call<Vec<String>> + 'static) -> Self {
        let value = RwSignal::new(String::new());
        let names = load(taken);
        let problem = Signal::derive(move || {
            let taken = names.get().and_then(Result::ok).unwrap_or_default();
            created.then(|| check_new_name(&value.get(), &taken, noun)).flatten().map(|problem| problem.to_string())
        });
        Effect::new(move |_| {
            if !value.get().is_empty() {
                touched.set(true)
            }
        });
        Self { value, problem }
    }

    /// The name to save under: the one edited, else the one typed (if it is a name).
    pub fn target(self, editing: Option<ResourceName>) -> Option<ResourceName> {
        editing.or_else(|| ResourceName::parse(self.value.get_untracked()).ok())
    }
}
