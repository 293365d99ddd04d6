//! What a route matches, by type: HTTP and HTTP/2 a path (prefix, exact or regex), a method
//! and headers; gRPC a service and method; every type an optional port.

use super::fields::{Problems, Text, bound, part, problem_of};
use super::spec_form::{HTTP_METHODS, HeaderDraft, HeaderMatchKind, PathMatch, RouteForm, RouteType};
use crate::components::field::TextField;
use leptos::prelude::*;

/// The most headers an HTTP route matches on.
const MAX_HEADERS: usize = 10;

#[component]
pub fn RouteTypeField(form: RwSignal<RouteForm>) -> impl IntoView {
    view! {
        <div class="field">
            <fieldset>
                <legend>"Route type"</legend>
                {RouteType::ALL.into_iter().map(|route_type| {
                    let id = format!("route-type-{}", route_type.slug());
                    view! {
                        <div class="radio">
                            <input type="radio" name="route-type" id=id.clone()
                                prop:checked=form.with_untracked(|form| form.route_type == route_type)
                                on:change=move |_| form.update(|form| form.route_type = route_type) />
                            <label for=id>{route_type.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </div>
    }
}

#[component]
fn HttpMatch(form: RwSignal<RouteForm>, problems: Problems, show_errors: Signal<bool>) -> impl IntoView {
    let path = bound(form, Text::Path);
    let path_kind = part(form, |form| form.path_kind);
    let header_count = part(form, |form| form.headers.len());
    let initial = form.get_untracked();
    view! {
        <div class="field">
            <label for="path-match">"Match path by"</label>
            <select id="path-match" on:change:target=move |event| {
                let chosen = PathMatch::ALL.into_iter().find(|kind| kind.slug() == event.target().value());
                if let Some(chosen) = chosen {
                    form.update(|form| form.path_kind = chosen);
                }
            }>
                {PathMatch::ALL.into_iter().map(|kind| view! {
                    <option value=kind.slug() selected=initial.path_kind == kind>{kind.label()}</option>
                }).collect_view()}
            </select>
        </div>
        {move || {
            let kind = path_kind.get();
            let hint = match kind {
                PathMatch::Prefix => "Requests whose path starts with this, e.g. / for every request.",
                PathMatch::Exact => "Requests to exactly this path, e.g. /orders.",
                PathMatch::Regex => "Requests whose path matches this regular expression.",
            };
            view! { <TextField id="route-path" label=kind.label() value=path hint=hint error=problem_of(problems, "route-path") show_error=show_errors /> }
        }}
        <div class="field">
            <label for="route-method">"Method"</label>
            <select id="route-method" on:change:target=move |event| {
                let method = event.target().value();
                form.update(|form| form.method = method);
            }>
                <option value="" selected=initial.method.is_empty()>"Any method"</option>
                {HTTP_METHODS.into_iter().map(|method| view! {
                    <option value=method selected=initial.method == method>{method}</option>
                }).collect_view()}
            </select>
        </div>
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
    let (kind_id, invert_id) = (format!("header-match-{number}"), format!("header-invert-{number}"));
    view! {
        <div class="header-row">
            <TextField id=format!("header-name-{number}") label=format!("Name of header {number}") value=name
                error=problem_of(problems, format!("header-name-{number}")) show_error=show_errors />
            <div class="field">
                <label for=kind_id.clone()>{format!("Match of header {number}")}</label>
                <select id=kind_id on:change:target=move |event| {
                    if let Some(chosen) = HeaderMatchKind::parse(&event.target().value()) {
                        kind.set(chosen);
                        form.update(|form| if let Some(row) = form.headers.get_mut(index) { row.kind = chosen });
                    }
                }>
                    {HeaderMatchKind::TYPED.into_iter().map(|option| view! {
                        <option value=option.as_str() selected=initial.kind == option>{option.as_str()}</option>
                    }).collect_view()}
                    {kept.map(|text| view! {
                        <option value=HeaderMatchKind::Kept.as_str() selected=initial.kind == HeaderMatchKind::Kept>{format!("{text} (kept as it is)")}</option>
                    })}
                </select>
            </div>
            {move || (kind.get() != HeaderMatchKind::Kept).then(|| view! {
                <TextField id=format!("header-value-{number}") label=format!("Value of header {number}") value=value
                    error=problem_of(problems, format!("header-value-{number}")) show_error=show_errors />
            })}
            <div class="radio">
                <input type="checkbox" id=invert_id.clone() prop:checked=initial.invert
                    on:change:target=move |event| {
                        let invert = event.target().checked();
                        form.update(|form| if let Some(row) = form.headers.get_mut(index) { row.invert = invert });
                    } />
                <label for=invert_id>{format!("Invert match of header {number}")}</label>
            </div>
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
