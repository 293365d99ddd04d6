//! Create (`…/virtual-routers/{router}/routes/create`) and edit (`…/routes/{route}/edit`) a
//! route: its name, type, match, priority, weighted targets, retry policy and timeouts.

use super::detail::use_router;
use super::fields::{Problems, Text, bound, part, problem_of};
use super::list::{load_routes, route_names};
use super::match_fields::{MatchFields, RouteTypeField};
use super::policy_fields::{RetryFields, TimeoutFields};
use super::spec_form::{RouteForm, RouteType};
use super::targets_editor::TargetsEditor;
use crate::api::{ResourceRecord, RouteParent, use_backend};
use crate::components::field::TextField;
use crate::components::form_page::FormPage;
use crate::components::link::A;
use crate::components::submission::{Done, Submission};
use crate::components::with_route::WithRoute;
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use crate::virtual_services::provider::ProviderOptions;
use crate::web::focus_by_id;
use leptos::prelude::*;
use mesh_engine::advice::check_new_name;
use mesh_engine::names::ResourceName;
use mesh_engine::resource::{ProviderKind, RouteKind};
use serde_json::{Value, json};

const KIND: RouteKind = RouteKind::Route;

#[component]
pub fn CreateRoute() -> impl IntoView {
    let router = use_router();
    move || view! { <RouteFormPage router=router.get() existing=None /> }
}

#[component]
pub fn EditRoute() -> impl IntoView {
    view! { <WithRoute kind=KIND follow=false page=|(parent, record, _)| view! { <RouteFormPage router=parent.name.to_string() existing=Some(record) /> }.into_any() /> }
}

#[component]
fn RouteFormPage(router: String, existing: Option<ResourceRecord>) -> impl IntoView {
    let mesh = use_mesh();
    let (backend, address) = (use_backend(), use_mesh_address());
    let created = existing.is_none();
    let base = existing.as_ref().map_or_else(|| json!({}), |record| record.spec.clone());
    let form = RwSignal::new(existing.as_ref().map_or_else(RouteForm::new, |record| RouteForm::from_spec(&record.spec)));
    let parent = ResourceName::parse(router.clone()).ok().map(|name| RouteParent { kind: KIND, mesh: address.clone(), name });

    let name = RwSignal::new(String::new());
    let touched = RwSignal::new(false);
    // The loads of the router's page and the wizard, not new ones: each kind of load costs the bundle.
    let taken = parent.as_ref().map(|parent| route_names(load_routes(KIND, parent.name.clone())));
    let options = ProviderOptions::load(address.clone());
    let nodes = Signal::derive(move || options.names(ProviderKind::VirtualNode));
    let name_problem = Signal::derive(move || {
        created
            .then(|| check_new_name(&name.get(), &taken.map(|taken| taken.get()).unwrap_or_default(), KIND.noun()))
            .flatten()
            .map(|problem| problem.to_string())
    });
    let problems: Problems = part(form, RouteForm::problems);
    let priority = bound(form, Text::Priority);
    let not_tcp = part(form, |form| form.route_type != RouteType::Tcp);

    let save = Submission::new();
    let store = {
        let (router, existing) = (router.clone(), existing.clone());
        let existing_name = existing.as_ref().map(|record| record.name.clone());
        move |spec: Value| {
            let target = match existing_name.clone() {
                Some(existing) => existing,
                None => match ResourceName::parse(name.get_untracked()) {
                    Ok(new_name) => new_name,
                    Err(_) => return,
                },
            };
            let Some(parent) = parent.clone() else { return };
            let (call, mesh, router) =
                (backend.save_route(parent, target, spec, save.mode(existing.as_ref())), mesh.get_untracked(), router.clone());
            save.run(Box::pin(async move {
                let saved = call.await?;
                Ok(Done {
                    notice: format!("Route {} {}.", saved.name, if created { "created" } else { "updated" }),
                    go_to: routing::route(&mesh, KIND, &router, saved.name.as_str()),
                })
            }));
        }
    };
    let submit = move || {
        touched.set(true);
        if name_problem.get_untracked().is_some() {
            return focus_by_id("route-name");
        }
        match form.with_untracked(|form| form.apply(&base)) {
            Ok(spec) => store(spec),
            Err(problem) => focus_by_id(&problem.field),
        }
    };
    let title = match &existing {
        Some(record) => format!("Edit {}", record.name),
        None => "Create route".to_string(),
    };
    let cancel = {
        let (router, existing_name) = (router.clone(), existing.as_ref().map(|record| record.name.to_string()));
        move || match &existing_name {
            Some(route) => routing::route(&mesh.get(), KIND, &router, route),
            None => routing::resource(&mesh.get(), KIND.parent(), &router),
        }
    };
    let show_errors = Signal::from(touched);
    let router_href = router.clone();
    view! {
        <FormPage title=title save=save on_submit=submit cancel=Signal::derive(cancel)
            submit_label=if created { "Create route" } else { "Save changes" }>
            <div on:input=move |_| touched.set(true) on:change=move |_| touched.set(true)>
                <p class="hint">"In the virtual router "<A href=move || routing::resource(&mesh.get(), KIND.parent(), &router_href)>{router}</A></p>
                {created.then(|| view! {
                    <TextField id="route-name" label="Route name" value=name hint="1 to 255 characters, unique in the router."
                        error=name_problem show_error=touched />
                })}
                <RouteTypeField form=form />
                <MatchFields form=form problems=problems show_errors=show_errors />
                <TextField id="priority" label="Priority" value=priority
                    hint="Optional: 0 (tried first) to 1000. Routes without a priority are tried after those with one."
                    error=problem_of(problems, "priority") show_error=show_errors />
                <TargetsEditor form=form nodes=nodes problems=problems show_errors=show_errors />
                {move || not_tcp.get().then(|| view! { <RetryFields form=form problems=problems show_errors=show_errors /> })}
                <TimeoutFields form=form problems=problems show_errors=show_errors />
            </div>
        </FormPage>
    }
}
