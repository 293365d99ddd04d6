//! A route's optional retry policy and timeouts: each a checkbox that reveals its fields.

use super::fields::{DurationOf, FieldError, Problems, Text, bound, part, problem_of, shown_problem};
use super::policy::{DurationUnit, EventList, GRPC_RETRY_EVENTS, HTTP_RETRY_EVENTS, RetryDraft, TCP_RETRY_EVENT, TimeoutDraft};
use super::spec_form::{RouteForm, RouteType};
use crate::components::choice::Checkbox;
use crate::components::field::TextField;
use crate::components::select_field::SelectField;
use leptos::prelude::*;

#[component]
fn DurationField(
    form: RwSignal<RouteForm>,
    id: &'static str,
    label: &'static str,
    of: DurationOf,
    problems: Problems,
    show_errors: Signal<bool>,
) -> impl IntoView {
    let value = bound(form, Text::Duration(of));
    let unit = form.with_untracked(|form| of.get(form).map(|duration| duration.unit));
    view! {
        <div class="duration-row">
            <TextField id=id label=label value=value error=problem_of(problems, id) show_error=show_errors />
            <SelectField id=format!("{id}-unit") label=format!("Unit of {}", label.to_ascii_lowercase()) selected=unit.map(DurationUnit::as_str).unwrap_or_default()
                options=DurationUnit::ALL.map(|unit| (unit.as_str().to_string(), unit.label().to_string())).to_vec()
                on_change=Callback::new(move |value: String| {
                    if let Some(unit) = DurationUnit::parse(&value) {
                        form.update(|form| if let Some(duration) = of.get_mut(form) { duration.unit = unit });
                    }
                }) />
        </div>
    }
}

/// A checkbox for one event of a retry policy's list.
#[component]
fn EventBox(form: RwSignal<RouteForm>, event: &'static str, list: EventList) -> impl IntoView {
    let checked =
        move || form.with(|form| form.retry.as_ref().is_some_and(|retry| retry.events(list).iter().any(|chosen| chosen == event)));
    let toggle = move |on: bool| {
        form.update(|form| {
            if let Some(retry) = form.retry.as_mut() {
                let events = retry.events_mut(list);
                events.retain(|chosen| chosen != event);
                if on {
                    events.push(event.to_string());
                }
            }
        })
    };
    view! { <Checkbox id=format!("retry-on-{event}") label=event checked=Signal::derive(checked) on_change=toggle /> }
}

#[component]
pub fn RetryFields(form: RwSignal<RouteForm>, problems: Problems, show_errors: Signal<bool>) -> impl IntoView {
    let enabled = part(form, |form| form.retry.is_some());
    let grpc = part(form, |form| form.route_type == RouteType::Grpc);
    let events_problem = shown_problem(problems, "retry-events", show_errors);
    view! {
        <div class="field field-wide">
            <Checkbox id="retry-enabled" label="Retry failed requests" checked=enabled
                on_change=move |on: bool| form.update(|form| form.retry = on.then(RetryDraft::default)) />
            {move || enabled.get().then(|| {
                let max = bound(form, Text::MaxRetries);
                view! {
                    <fieldset class="subsection">
                        <legend>"Retry policy"</legend>
                        <TextField id="retry-max" label="Max retries" value=max error=problem_of(problems, "retry-max") show_error=show_errors />
                        <DurationField form=form id="retry-timeout" label="Per-retry timeout" of=DurationOf::PerRetry
                            problems=problems show_errors=show_errors />
                        <fieldset id="retry-events" tabindex="-1" aria-describedby=move || if events_problem.get().is_some() { "retry-events-error" } else { "" }>
                            <legend>"Retry on"</legend>
                            <p class="hint">"HTTP events"</p>
                            {HTTP_RETRY_EVENTS.into_iter().map(|event| view! { <EventBox form=form event=event list=EventList::Http /> }).collect_view()}
                            {move || grpc.get().then(|| view! {
                                <p class="hint">"gRPC events"</p>
                                {GRPC_RETRY_EVENTS.into_iter().map(|event| view! { <EventBox form=form event=event list=EventList::Grpc /> }).collect_view()}
                            })}
                            <p class="hint">"TCP events"</p>
                            <Checkbox id="retry-on-connection-error" label=TCP_RETRY_EVENT
                                checked=part(form, |form| form.retry.as_ref().is_some_and(|retry| retry.tcp_connection_error))
                                on_change=move |on: bool| form.update(|form| if let Some(retry) = form.retry.as_mut() { retry.tcp_connection_error = on }) />
                            <FieldError id="retry-events-error".to_string() message=events_problem />
                        </fieldset>
                    </fieldset>
                }
            })}
        </div>
    }
}

#[component]
pub fn TimeoutFields(form: RwSignal<RouteForm>, problems: Problems, show_errors: Signal<bool>) -> impl IntoView {
    let enabled = part(form, |form| form.timeout.is_some());
    let tcp = part(form, |form| form.route_type == RouteType::Tcp);
    view! {
        <div class="field field-wide">
            <Checkbox id="timeout-enabled" label="Set timeouts" checked=enabled
                on_change=move |on: bool| form.update(|form| form.timeout = on.then(TimeoutDraft::default)) />
            {move || enabled.get().then(|| view! {
                <fieldset class="subsection">
                    <legend>"Timeouts"</legend>
                    <p class="hint">"Leave one empty to keep App Mesh's default."</p>
                    {move || (!tcp.get()).then(|| view! {
                        <DurationField form=form id="timeout-per-request" label="Per-request timeout" of=DurationOf::PerRequest
                            problems=problems show_errors=show_errors />
                    })}
                    <DurationField form=form id="timeout-idle" label="Idle timeout" of=DurationOf::Idle
                        problems=problems show_errors=show_errors />
                </fieldset>
            })}
        </div>
    }
}
