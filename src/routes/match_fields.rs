//! What a route matches, by type: HTTP and HTTP/2 a path (prefix, exact or regex), a method
//! and headers; gRPC a service and method; every type an optional port.

use super::fields::{Problems, Text, bound, part, problem_of};
use super::spec_form::{HTTP_METHODS, HeaderDraft, HeaderMatchKind, PathMatch, RouteForm, RouteType};
use crate::components::choice::{Checkbox, Choice, RadioGroup};
use crate::components::field::TextField;
use crate::components::select_field::SelectField;
use leptos::prelude::*;

/// The most headers an HTTP route matches on.
const MAX_HEADERS: usize = 10;

#[component]
pub fn RouteTypeField(form: RwSignal<RouteForm>) -> impl IntoView {
    let choose = move |slug: String| {
        if let Some(chosen) = RouteType::ALL.into_iter().find(|kind| kind.slug() == slug) {
            form.update(|form| form.route_type = chosen);
        }
    };
    view! {
        <RadioGroup name="route-type" legend="Route type" selected=part(form, |form| form.route_type.slug().to_string()) on_change=choose
            choices=RouteType::ALL.into_iter().map(|kind| Choice::new(kind.slug(), kind.label())).collect() />
    }
}

#[component]
fn HttpMatch(form: RwSignal<RouteForm>, problems: Problems, show_errors: Signal<bool>) -> impl IntoView {
    let path = bound(form, Text::Path);
    let path_kind = part(form, |form| form.path_kind);
    let header_count = part(form, |form| form.headers.len());
    let initial = form.get_untracked();
    view! {
        <SelectField id="path-match" label="Match path by" selected=initial.path_kind.slug()
            options=PathMatch::ALL.into_iter().map(|kind| (kind.slug().to_string(), kind.label().to_string())).collect()
            on_change=Callback::new(move |slug: String| {
                if let Some(chosen) = PathMatch::ALL.into_iter().find(|kind| kind.slug() == slug) {
                    form.update(|form| form.path_kind = chosen);
                }
            }) />
        {move || {
            let kind = path_kind.get();
            let hint = match kind {
                PathMatch::Prefix => "Requests whose path starts with this, e.g. / for every request.",
                PathMatch::Exact => "Requests to exactly this path, e.g. /orders.",
                PathMatch::Regex => "Requests whose path matches this regular expression.",
            };
            view! { <TextField id="route-path" label=kind.label() value=path hint=hint error=problem_of(problems, "route-path") show_error=show_errors /> }
        }}
        <SelectField id="route-method" label="Method" selected=initial.method.clone()
            options=std::iter::once(("", "Any method")).chain(HTTP_METHODS.map(|method| (method, method))).map(|(value, text)| (value.to_string(), text.to_string())).collect()
            on_change=Callback::new(move |method| form.update(|form| form.method = method)) />
        <div class="field field-wide">
            <fieldset>
                <legend>"Headers"</legend>
                <p class="hint">"Optional: requests must also carry these headers (or, inverted, must not)."</p>
                {move || (0..header_count.get()).map(|index| view! { <HeaderRow form=form index=index problems=problems show_errors=show_errors /> }).collect_view()}
                <button type="button" class="button" disabled=move || { header_count.get() >= MAX_HEADERS }
                    on:click=move |_| form.update(|form| form.headers.push(HeaderDraft::default()))>"Add header"</button>
            </fieldset>
        </div>
    }
}

#[component]
fn HeaderRow(form: RwSignal<RouteForm>, index: usize, problems: Problems, show_errors: Signal<bool>) -> impl IntoView {
    let number = index + 1;
    let initial = form.with_untracked(|form| form.headers.get(index).cloned().unwrap_or_default());
    let (name, value) = (bound(form, Text::HeaderName(index)), bound(form, Text::HeaderValue(index)));
    let kind = RwSignal::new(initial.kind);
    let kept = initial.kept.is_some().then(|| initial.kept_text());
    view! {
        <div class="header-row">
            <TextField id=format!("header-name-{number}") label=format!("Name of header {number}") value=name
                error=problem_of(problems, format!("header-name-{number}")) show_error=show_errors />
            <SelectField id=format!("header-match-{number}") label=format!("Match of header {number}") selected=initial.kind.as_str()
                options=HeaderMatchKind::TYPED.into_iter().map(|option| (option.as_str().to_string(), option.as_str().to_string()))
                    .chain(kept.map(|text| (HeaderMatchKind::Kept.as_str().to_string(), format!("{text} (kept as it is)"))))
                    .collect()
                on_change=Callback::new(move |value: String| {
                    if let Some(chosen) = HeaderMatchKind::parse(&value) {
                        kind.set(chosen);
                        form.update(|form| if let Some(row) = form.headers.get_mut(index) { row.kind = chosen });
                    }
                }) />
            {move || (kind.get() != HeaderMatchKind::Kept).then(|| view! {
                <TextField id=format!("header-value-{number}") label=format!("Value of header {number}") value=value
                    error=problem_of(problems, format!("header-value-{number}")) show_error=show_errors />
            })}
            <Checkbox id=format!("header-invert-{number}") label=format!("Invert match of header {number}") checked=initial.invert
                on_change=move |invert| form.update(|form| if let Some(row) = form.headers.get_mut(index) { row.invert = invert }) />
            <button type="button" class="button" aria-label=format!("Remove header {number}")
                on:click=move |_| form.update(|form| { form.headers.remove(index); })>"Remove"</button>
        </div>
    }
}

#[component]
fn GrpcMatch(form: RwSignal<RouteForm>, problems: Problems, show_errors: Signal<bool>) -> impl IntoView {
    let (service, method) = (bound(form, Text::GrpcService), bound(form, Text::GrpcMethod));
    view! {
        <TextField id="grpc-service" label="Service name" value=service hint="Optional: the fully qualified gRPC service, e.g. orders.Orders."
            error=Signal::derive(|| None::<String>) show_error=show_errors />
        <TextField id="grpc-method" label="Method name" value=method hint="Optional: one method of the service."
            error=problem_of(problems, "grpc-method") show_error=show_errors />
    }
}

/// The match of the chosen type, and the port every type may match on.
#[component]
pub fn MatchFields(form: RwSignal<RouteForm>, problems: Problems, show_errors: Signal<bool>) -> impl IntoView {
    // HTTP/2 has HTTP's fields: switching between them keeps them as they are.
    let family = part(form, |form| if form.route_type.is_http() { RouteType::Http } else { form.route_type });
    let port = bound(form, Text::Port);
    view! {
        <div class="field field-wide">
            <fieldset>
                <legend>"Match"</legend>
                {move || match family.get() {
                    RouteType::Grpc => view! { <GrpcMatch form=form problems=problems show_errors=show_errors /> }.into_any(),
                    RouteType::Tcp => view! { <p class="hint">"A TCP route takes every connection, or those to one port."</p> }.into_any(),
                    _ => view! { <HttpMatch form=form problems=problems show_errors=show_errors /> }.into_any(),
                }}
                <TextField id="match-port" label="Port" value=port hint="Optional: only traffic to this listener port of the router."
                    error=problem_of(problems, "match-port") show_error=show_errors />
            </fieldset>
        </div>
    }
}
