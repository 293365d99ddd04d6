//! How the route form's parts read and write the one `RouteForm` the form holds, and find
//! their problems in it. Parts are named by enums and plain functions, not closures, so the
//! reactive code behind them is compiled once, not once per field.

use super::policy::DurationDraft;
use super::spec_form::{FormProblem, RouteForm};
use leptos::prelude::*;

/// Every problem of the form, recomputed as it changes.
pub type Problems = Memo<Vec<FormProblem>>;

/// The problem of the control with this id, if any.
pub fn problem_of(problems: Problems, field: impl Into<String>) -> Signal<Option<String>> {
    let field = field.into();
    Signal::derive(move || problems.with(|all| all.iter().find(|problem| problem.field == field).map(|problem| problem.message.clone())))
}

/// The problem of the control with this id once errors are shown.
pub fn shown_problem(problems: Problems, field: impl Into<String>, show_errors: Signal<bool>) -> Signal<Option<String>> {
    let problem = problem_of(problems, field);
    Signal::derive(move || if show_errors.get() { problem.get() } else { None })
}

/// A part of the form that a view is built again on when it changes (and only then).
pub fn part<T: Clone + PartialEq + Send + Sync + 'static>(form: RwSignal<RouteForm>, of: fn(&RouteForm) -> T) -> Memo<T> {
    Memo::new(move |_| form.with(of))
}

/// A duration of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationOf {
    PerRetry,
    PerRequest,
    Idle,
}

impl DurationOf {
    pub fn get(self, form: &RouteForm) -> Option<&DurationDraft> {
        match self {
            Self::PerRetry => form.retry.as_ref().map(|retry| &retry.per_retry),
            Self::PerRequest => form.timeout.as_ref().map(|timeout| &timeout.per_request),
            Self::Idle => form.timeout.as_ref().map(|timeout| &timeout.idle),
        }
    }

    pub fn get_mut(self, form: &mut RouteForm) -> Option<&mut DurationDraft> {
        match self {
            Self::PerRetry => form.retry.as_mut().map(|retry| &mut retry.per_retry),
            Self::PerRequest => form.timeout.as_mut().map(|timeout| &mut timeout.per_request),
            Self::Idle => form.timeout.as_mut().map(|timeout| &mut timeout.idle),
        }
    }
}

/// A text of the form that a text field edits; rows by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Path,
    GrpcService,
    GrpcMethod,
    Port,
    Priority,
    MaxRetries,
    Duration(DurationOf),
    TargetWeight(usize),
    TargetPort(usize),
    HeaderName(usize),
    HeaderValue(usize),
}

impl Text {
    fn get(self, form: &RouteForm) -> Option<&String> {
        match self {
            Self::Path => Some(&form.path),
            Self::GrpcService => Some(&form.grpc_service),
            Self::GrpcMethod => Some(&form.grpc_method),
            Self::Port => Some(&form.port),
            Self::Priority => Some(&form.priority),
            Self::MaxRetries => form.retry.as_ref().map(|retry| &retry.max_retries),
            Self::Duration(of) => of.get(form).map(|duration| &duration.value),
            Self::TargetWeight(index) => form.targets.get(index).map(|target| &target.weight),
            Self::TargetPort(index) => form.targets.get(index).map(|target| &target.port),
            Self::HeaderName(index) => form.headers.get(index).map(|header| &header.name),
            Self::HeaderValue(index) => form.headers.get(index).map(|header| &header.value),
        }
    }

    fn get_mut(self, form: &mut RouteForm) -> Option<&mut String> {
        match self {
            Self::Path => Some(&mut form.path),
            Self::GrpcService => Some(&mut form.grpc_service),
            Self::GrpcMethod => Some(&mut form.grpc_method),
            Self::Port => Some(&mut form.port),
            Self::Priority => Some(&mut form.priority),
            Self::MaxRetries => form.retry.as_mut().map(|retry| &mut retry.max_retries),
            Self::Duration(of) => of.get_mut(form).map(|duration| &mut duration.value),
            Self::TargetWeight(index) => form.targets.get_mut(index).map(|target| &mut target.weight),
            Self::TargetPort(index) => form.targets.get_mut(index).map(|target| &mut target.port),
            Self::HeaderName(index) => form.headers.get_mut(index).map(|header| &mut header.name),
            Self::HeaderValue(index) => form.headers.get_mut(index).map(|header| &mut header.value),
        }
    }
}

/// A text of the form as a signal a text field edits: seeded from the form, written back to
/// it as the user types.
pub fn bound(form: RwSignal<RouteForm>, text: Text) -> RwSignal<String> {
    let typed = RwSignal::new(form.with_untracked(|form| text.get(form).cloned().unwrap_or_default()));
    Effect::new(move |_| {
        let typed = typed.get();
        form.maybe_update(|form| match text.get_mut(form) {
            Some(slot) if *slot != typed => {
                *slot = typed;
                true
            }
            _ => false,
        });
    });
    typed
}

/// A control's error, once errors are shown; its id is what the control's
/// `aria-describedby` names.
#[component]
pub fn FieldError(id: String, message: Signal<Option<String>>) -> impl IntoView {
    move || message.get().map(|message| view! { <p class="error" id=id.clone()>{message}</p> })
}
