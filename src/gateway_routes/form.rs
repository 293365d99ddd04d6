//! Create (`…/virtual-gateways/{gateway}/gateway-routes/create`) and edit (`…/{name}/edit`) a
//! gateway route: name, type, match, priority, the target virtual service (chosen from the
//! mesh's) and its port, and for HTTP a prefix rewrite. The rest of its spec is kept (see
//! `spec_form`).

use super::spec_form::{GatewayRouteForm, HostnameMatch, PathMatch, PrefixRewrite, route_type_label};
use crate::api::{ResourceRecord, RouteParent, use_backend};
use crate::components::choice::{Choice, RadioGroup};
use crate::components::field::TextField;
use crate::components::form_page::{FormPage, save_or_focus};
use crate::components::new_name::NewName;
use crate::components::select_field::{SelectField, name_options, options, set_to};
use crate::components::submission::{Done, Submission};
use crate::components::with_route::WithRoute;
use crate::routing;
use crate::virtual_gateways::detail::WithGateway;
use crate::virtual_services::list::load_service_names;
use leptos::prelude::*;
use mesh_engine::resource::RouteKind;
use mesh_engine::spec::{HttpMethod, RouteType, TypedGatewayRoute};
use serde_json::{Value, json};

const KIND: RouteKind = RouteKind::GatewayRoute;

#[component]
pub fn CreateGatewayRoute() -> impl IntoView {
    view! { <WithGateway follow=false page=|gateway, _| {
        let parent = RouteParent { kind: KIND, mesh: crate::meshes::layout::use_mesh_address(), name: gateway.name };
        view! { <GatewayRouteFormPage parent=parent existing=None /> }.into_any()
    } /> }
}

#[component]
pub fn EditGatewayRoute() -> impl IntoView {
    view! { <WithRoute kind=KIND follow=false page=|(parent, data, _)| view! { <GatewayRouteFormPage parent=parent existing=Some(data) /> }.into_any() /> }
}

fn path_match_value(path_match: PathMatch) -> &'static str {
    match path_match {
        PathMatch::Prefix => "prefix",
        PathMatch::Exact => "exact",
        PathMatch::Regex => "regex",
    }
}

#[component]
fn GatewayRouteFormPage(parent: RouteParent, existing: Option<ResourceRecord>) -> impl IntoView {
    let backend = use_backend();
    let (mesh, gateway) = (parent.mesh.name.to_string(), parent.name.to_string());
    let base = existing.as_ref().map(|data| data.spec.clone()).unwrap_or_else(|| json!({}));
    let editing = existing.as_ref().map(|data| data.name.clone());
    // The version the form starts from: a save checks nobody changed it since.
    let edited = existing.clone();
    let created = existing.is_none();
    let initial = existing.as_ref().map(|data| GatewayRouteForm::of(&data.spec)).unwrap_or_else(GatewayRouteForm::new);
    let kept_rewrite = initial.prefix_rewrite == PrefixRewrite::Kept;

    let route_type = RwSignal::new(initial.route_type.as_str().to_string());
    let path_match = RwSignal::new(path_match_value(initial.path_match).to_string());
    let path = RwSignal::new(initial.path);
    let hostname_match = RwSignal::new(if initial.hostname_match == HostnameMatch::Suffix { "suffix" } else { "exact" }.to_string());
    let hostname = RwSignal::new(initial.hostname);
    let method = RwSignal::new(initial.method);
    let service_name = RwSignal::new(initial.service_name);
    let priority = RwSignal::new(initial.priority);
    let target = RwSignal::new(initial.target);
    let target_port = RwSignal::new(initial.target_port);
    let rewrite_value = RwSignal::new(match &initial.prefix_rewrite {
        PrefixRewrite::Value(value) => value.clone(),
        _ => String::new(),
    });
    // Which rewrite is chosen; a value's text is in `rewrite_value`.
    let rewrite = RwSignal::new(
        match initial.prefix_rewrite {
            PrefixRewrite::Default => "default",
            PrefixRewrite::Value(_) => "value",
            PrefixRewrite::Kept => "kept",
        }
        .to_string(),
    );
    let touched = RwSignal::new(false);

    let name = NewName::new(created, KIND.noun(), touched, {
        let (backend, parent) = (backend.clone(), parent.clone());
        move || {
            let (backend, parent) = (backend.clone(), parent.clone());
            Box::pin(
                async move { Ok(backend.list_routes(parent).await?.into_iter().map(|route| route.name.to_string()).collect::<Vec<_>>()) },
            )
        }
    });
    let services = load_service_names();
    let form = move || GatewayRouteForm {
        route_type: TypedGatewayRoute::TYPES.iter().copied().find(|kind| kind.as_str() == route_type.get()).unwrap_or(RouteType::Http),
        path_match: match path_match.get().as_str() {
            "exact" => PathMatch::Exact,
            "regex" => PathMatch::Regex,
            _ => PathMatch::Prefix,
        },
        path: path.get(),
        hostname_match: if hostname_match.get() == "suffix" { HostnameMatch::Suffix } else { HostnameMatch::Exact },
        hostname: hostname.get(),
        method: method.get(),
        service_name: service_name.get(),
        priority: priority.get(),
        target: target.get(),
        target_port: target_port.get(),
        prefix_rewrite: match rewrite.get().as_str() {
            "value" => PrefixRewrite::Value(rewrite_value.get()),
            "kept" => PrefixRewrite::Kept,
            _ => PrefixRewrite::Default,
        },
    };
    let problem = move |check: fn(&GatewayRouteForm) -> Option<String>| Signal::derive(move || check(&form()));

    let save = Submission::new();
    let store = {
        let parent = parent.clone();
        move |spec: Value| {
            let Some(target) = name.target(editing.clone()) else { return };
            let (mesh, gateway) = (parent.mesh.name.to_string(), parent.name.to_string());
            let call = backend.save_route(parent.clone(), target, spec, save.mode(edited.as_ref()));
            save.run(Box::pin(async move {
                let saved = call.await?;
                Ok(Done {
                    notice: format!("Gateway route {} {}.", saved.name, if created { "created" } else { "updated" }),
                    go_to: routing::route(&mesh, KIND, &gateway, saved.name.as_str()),
                })
            }));
        }
    };
    let submit = move || {
        touched.set(true);
        let current = form();
        let first_bad = match name.problem.get_untracked() {
            Some(_) => Some("gateway-route-name"),
            None => current.problems().first().map(|(id, _)| *id),
        };
        save_or_focus(first_bad, current.apply(&base), &store);
    };
    let title = match &existing {
        Some(data) => format!("Edit {}", data.name),
        None => "Create gateway route".to_string(),
    };
    let cancel = match &existing {
        Some(data) => routing::route(&mesh, KIND, &gateway, data.name.as_str()),
        None => routing::resource(&mesh, KIND.parent(), &gateway),
    };
    let is_http = move || route_type.get() != RouteType::Grpc.as_str();
    let path_field = move || {
        let label = match path_match.get().as_str() {
            "exact" => "Path",
            "regex" => "Path regular expression",
            _ => "Prefix",
        };
        view! {
            <TextField id="route-path" label=label value=path hint="For example /orders." error=problem(GatewayRouteForm::path_error) show_error=touched />
        }
    };
    let http_fields = move || {
        is_http().then(|| {
            let methods: Vec<(String, String)> = std::iter::once((String::new(), "Any method".to_string()))
                .chain(HttpMethod::ALL.iter().map(|method| (method.as_str().to_string(), method.as_str().to_string())))
                .collect();
            view! {
                <SelectField id="route-path-match" label="Path match" selected=path_match.get_untracked() on_change=set_to(path_match)
                    options=options(&[("prefix", "Prefix"), ("exact", "Exact path"), ("regex", "Regular expression")]) />
                {path_field}
                <SelectField id="route-method" label="Method" selected=method.get_untracked() on_change=set_to(method) options=methods />
            }
        })
    };
    let grpc_fields = move || {
        (!is_http()).then(|| {
            view! {
                <TextField id="route-service-name" label="Service name" value=service_name
                    hint="Optional: the fully qualified gRPC service, e.g. orders.Orders. Empty matches every service."
                    error=problem(GatewayRouteForm::service_name_error) show_error=touched />
            }
        })
    };
    let target_field = move || {
        let current = target.get_untracked();
        let choices = name_options(services.get().map(Result::unwrap_or_default), &current, "virtual service");
        view! {
            <SelectField id="route-target" label="Virtual service" options=choices selected=current on_change=set_to(target)
                hint="The virtual service the gateway sends matching requests to."
                error=problem(GatewayRouteForm::target_error) show_error=touched />
        }
    };
    let rewrites_prefix = Memo::new(move |_| form().rewrites_prefix());
    let rewrite_fields = move || {
        rewrites_prefix.get().then(|| view! {
            <RadioGroup name="rewrite" legend="Prefix rewrite" selected=rewrite on_change=set_to(rewrite)
                choices=[Choice::new("default", "Keep the default"), Choice::new("value", "Rewrite the prefix")]
                    .into_iter()
                    .chain(kept_rewrite.then(|| Choice::new("kept", "As stored (kept as it is)")))
                    .collect() />
            {move || (rewrite.get() == "value").then(|| view! {
                <TextField id="route-rewrite-prefix" label="New prefix" value=rewrite_value hint="Replaces the matched prefix, e.g. /v2/."
                    error=problem(GatewayRouteForm::rewrite_error) show_error=touched />
            })}
        })
    };
    view! {
        <FormPage title=title save=save on_submit=submit cancel=cancel
            submit_label=if created { "Create gateway route" } else { "Save changes" }>
                {created.then(|| view! {
                    <TextField id="gateway-route-name" label="Gateway route name" value=name.value
                        hint="1 to 255 characters, unique in the virtual gateway." error=name.problem show_error=touched />
                })}
                <RadioGroup name="route-type" legend="Route type" selected=route_type on_change=set_to(route_type)
                    choices=TypedGatewayRoute::TYPES.iter().map(|&kind| Choice::new(kind.as_str(), route_type_label(kind))).collect() />
                <h2>"Match"</h2>
                {http_fields}
                {grpc_fields}
                <SelectField id="route-hostname-match" label="Hostname match" selected=hostname_match.get_untracked() on_change=set_to(hostname_match)
                    options=options(&[("exact", "Exact hostname"), ("suffix", "Hostname suffix")]) />
                <TextField id="route-hostname" label="Hostname" value=hostname hint="Optional: e.g. api.example.com, or a suffix such as .example.com."
                    error=problem(GatewayRouteForm::hostname_error) show_error=touched />
                <TextField id="route-priority" label="Priority" value=priority hint="Optional: 0 (matched first) to 1000."
                    error=problem(GatewayRouteForm::priority_error) show_error=touched />
                <h2>"Target"</h2>
                {target_field}
                <TextField id="route-target-port" label="Target port" value=target_port hint="Optional: the port of the service's provider to send to."
                    error=problem(GatewayRouteForm::target_port_error) show_error=touched />
                {rewrite_fields}
        </FormPage>
    }
}
