//! How the route form's parts read and write the one `RouteForm` the form holds, and find
//! their problems in it.

use super::spec_form::{FormProblem, RouteForm};
use leptos::prelude::*;

/// Every problem of the form, recomputed as it changes.
pub type Problems = Memo<Vec<FormProblem>>;

/// The problem of the control with this id, if any.
pub fn problem_of(problems: Problems, field: impl Into<String>) -> Signal<Option<String>> {
    let field = field.into();
    Signal::derive(move || problems.with(|all| all.iter().find(|problem| problem.field == field).map(|problem| problem.message.clone())))
}

/// A text of the form as a signal a text field edits: seeded from the form, written back to
/// it as the user types.
pub fn bound(
    form: RwSignal<RouteForm>,
    read: impl Fn(&RouteForm) -> String + Send + Sync + 'static,
    write: impl Fn(&mut RouteForm, String) + Send + Sync + 'static,
) -> RwSignal<String> {
    let text = RwSignal::new(form.with_untracked(&read));
    Effect::new(move |_| {
        let typed = text.get();
        form.maybe_update(|form| {
            let changed = read(form) != typed;
            if changed {
                write(form, typed);
            }
            changed
        });
    });
    text
}
