//! What a route matches, by type: HTTP and HTTP/2 a path (prefix, exact or regex), a method
//! and headers; gRPC a service and method; every type an optional port.

use super::fields::{Problems, bound, problem_of};
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
                                prop:checked=move || form.with(|form| form.route_type == route_type)
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
    let path = bound(form, |form| form.path.clone(), |form, typed| form.path = typed);
    let path_kind = Memo::new(move |_| form.with(|form| form.path_kind));
    let header_count = Memo::new(move |_| form.with(|form| form.headers.len()));
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
                    <option value=kind.slug() prop:selected=move || path_kind.get() == kind>{kind.label()}</option>
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
                <option value="" prop:selected=move || form.with(|form| form.method.is_empty())>"Any method"</option>
                {HTTP_METHODS.into_iter().map(|method| view! {
                    <option value=method prop:selected=move || form.with(|form| form.method == method)>{method}</option>
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
    let header = move |form: &RouteForm| form.headers.get(index).cloned().unwrap_or_default();
    let name = bound(
        form,
        move |form| header(form).name,
        move |form, typed| {
            if let Some(row) = form.headers.get_mut(index) {
                row.name = typed
            }
        },
    );
    let value = bound(
        form,
        move |form| header(form).value,
        move |form, typed| {
            if let Some(row) = form.headers.get_mut(index) {
                row.value = typed
            }
        },
    );
    let kind = Memo::new(move |_| form.with(|form| header(form).kind));
    let kept = form.with_untracked(|form| header(form)).kept.is_some().then(|| form.with_untracked(|form| header(form).kept_text()));
    let (kind_id, invert_id) = (format!("header-match-{number}"), format!("header-invert-{number}"));
    view! {
        <div class="header-row">
            <TextField id=format!("header-name-{number}") label=format!("Name of header {number}") value=name
                error=problem_of(problems, format!("header-name-{number}")) show_error=show_errors />
            <div class="field">
                <label for=kind_id.clone()>{format!("Match of header {number}")}</label>
                <select id=kind_id on:change:target=move |event| {
                    if let Some(chosen) = HeaderMatchKind::parse(&event.target().value()) {
                        form.update(|form| if let Some(row) = form.headers.get_mut(index) { row.kind = chosen });
                    }
                }>
                    {HeaderMatchKind::TYPED.into_iter().map(|option| view! {
                        <option value=option.as_str() prop:selected=move || kind.get() == option>{option.as_str()}</option>
                    }).collect_view()}
                    {kept.map(|text| view! {
                        <option value=HeaderMatchKind::Kept.as_str() prop:selected=move || kind.get() == HeaderMatchKind::Kept>{format!("{text} (kept as it is)")}</option>
                    })}
                </select>
            </div>
            {move || (kind.get() != HeaderMatchKind::Kept).then(|| view! {
                <TextField id=format!("header-value-{number}") label=format!("Value of header {number}") value=value
                    error=problem_of(problems, format!("header-value-{number}")) show_error=show_errors />
            })}
            <div class="radio">
                <input type="checkbox" id=invert_id.clone() prop:checked=move || form.with(|form| header(form).invert)
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
    let service = bound(form, |form| form.grpc_service.clone(), |form, typed| form.grpc_service = typed);
    let method = bound(form, |form| form.grpc_method.clone(), |form, typed| form.grpc_method = typed);
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
    let route_type = Memo::new(move |_| form.with(|form| form.route_type));
    let family = Memo::new(move |_| match route_type.get() {
        RouteType::Http | RouteType::Http2 => RouteType::Http,
        other => other,
    });
    let port = bound(form, |form| form.port.clone(), |form, typed| form.port = typed);
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
