//! `/meshes/{mesh}/virtual-services/create`: Name → Provider → Tags → Review and create.
//! The step and every value are in the URL.

pub mod state;
mod steps;
pub mod validate;

use super::provider::{ProviderFields, ProviderOptions};
use crate::api::{BackendError, use_backend};
use crate::components::debounce::debounced;
use crate::components::error_alert::error_alert;
use crate::components::link::A;
use crate::components::submission::{Done, Submission};
use crate::components::tags::{TagRows, first_bad_tag_field, tag_refs};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use crate::web::focus_by_id;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use mesh_engine::input::CreateVirtualServiceInput;
use mesh_engine::names::ServiceName;
use mesh_engine::resource::MeshResourceKind;
use state::{Step, WizardState};
use steps::{NameStep, ReviewStep};
use validate::check_service_name;

#[component]
pub fn CreateVirtualService() -> impl IntoView {
    let mesh = use_mesh();
    let address = use_mesh_address();
    let backend = use_backend();
    let query = use_location().query;
    let navigate = use_navigate();
    let initial = WizardState::from_query(&query.get_untracked());
    let step = Memo::new(move |_| query.read().get("step").and_then(|slug| Step::from_slug(&slug)).unwrap_or(Step::Name));

    let name = RwSignal::new(initial.name.clone());
    let provider = RwSignal::new(initial.provider.clone());
    let tags = RwSignal::new(initial.tags.clone());
    let state = move || WizardState { name: name.get(), provider: provider.get(), tags: tags.get() };
    let url_of = move |step: Step| format!("{}?{}", routing::create_virtual_service(&mesh.get_untracked()), state().to_query(step));

    // Every change is written to the URL at once, so a reload or a shared link shows the
    // same half-filled wizard. It replaces the history entry without routing: the view is
    // the same, and a router navigation per keystroke would race with Next's.
    Effect::new(move |_| {
        let query = state().to_query(step.get_untracked());
        crate::web::replace_query("/virtual-services/create", &query);
    });

    // Name: the rules at once (debounced), then whether the mesh already has it.
    let settled_name = debounced(name.into(), 300);
    let name_touched = RwSignal::new(!initial.name.is_empty());
    Effect::new(move |_| {
        if !settled_name.get().is_empty() {
            name_touched.set(true);
        }
    });
    let existing = crate::api::load({
        let (backend, address) = (backend.clone(), address.clone());
        move || {
            let (backend, candidate, mesh) = (backend.clone(), settled_name.get(), Some(address.clone()));
            Box::pin(async move { name_exists(&backend, mesh, &candidate).await.map(|exists| (candidate, exists)) })
        }
    });
    let name_check = Memo::new(move |_| check_service_name(&settled_name.get()));
    let name_error = Signal::derive(move || {
        let candidate = settled_name.get();
        name_check.get().error.or_else(|| match existing.get() {
            Some(Ok((checked, true))) if checked == candidate => {
                Some(format!("A virtual service named {candidate} already exists in this mesh."))
            }
            _ => None,
        })
    });
    let name_warning = Signal::derive(move || name_check.get().warning);

    let options = ProviderOptions::load(address.clone());
    // A choice the URL brings (a shared link, a reload) is judged at once, as a typed name is.
    let provider_touched = RwSignal::new(initial.provider.kind.is_some());
    let tags_touched = RwSignal::new(!initial.tags.is_empty());

    let name_ref = NodeRef::<html::Input>::new();
    let provider_ref = NodeRef::<html::Select>::new();
    let heading_ref = NodeRef::<html::H2>::new();
    let checking = RwSignal::new(false);

    let go_to = {
        let navigate = navigate.clone();
        move |target: Step| navigate(&url_of(target), Default::default())
    };
    let next = {
        let (backend, go_to, address) = (backend.clone(), go_to.clone(), address.clone());
        move || {
            let Some(target) = step.get_untracked().next() else { return };
            match step.get_untracked() {
                Step::Name => {
                    name_touched.set(true);
                    settled_name.set(name.get_untracked());
                    if check_service_name(&name.get_untracked()).error.is_some() {
                        focus(name_ref);
                        return;
                    }
                    // The duplicate check runs again for the name as it is now.
                    let (backend, go_to, candidate, address) = (backend.clone(), go_to.clone(), name.get_untracked(), address.clone());
                    checking.set(true);
                    leptos::task::spawn_local(async move {
                        let exists = name_exists(&backend, Some(address), &candidate).await;
                        checking.set(false);
                        match exists {
                            Ok(true) => {
                                existing.refetch();
                                focus(name_ref);
                            }
                            _ => go_to(target),
                        }
                    });
                }
                Step::Provider => {
                    provider_touched.set(true);
                    if options.error(&provider.get_untracked()).is_some() {
                        focus_provider(provider_ref);
                        return;
                    }
                    go_to(target);
                }
                Step::Tags => {
                    tags_touched.set(true);
                    if let Some(field) = first_bad_tag_field(&tags.get_untracked()) {
                        return focus_by_id(&field);
                    }
                    go_to(target);
                }
                Step::Review => {}
            }
        }
    };

    // Focus follows the step, for keyboard and screen-reader users.
    Effect::new(move |previous: Option<Step>| {
        let current = step.get();
        if previous.is_some_and(|previous| previous != current)
            && let Some(heading) = heading_ref.get()
        {
            let _ = heading.focus();
        }
        crate::web::set_title(&format!("Create virtual service: step {} of 4, {} · Mesh Console", current.number(), current.title()));
        current
    });

    // A step before the one shown that is wrong (a deep link, a provider deleted meanwhile):
    // the wizard goes back to it, its errors shown and its field focused.
    let first_bad_step = move |before: Step| {
        let problems = [
            check_service_name(&name.get()).error.is_some(),
            options.error(&provider.get()).is_some(),
            first_bad_tag_field(&tags.get()).is_some(),
        ];
        Step::ALL.into_iter().zip(problems).find(|(each, wrong)| *wrong && each.number() < before.number()).map(|(each, _)| each)
    };
    // The wizard loads again at that step: its values come back from the URL, judged at once
    // (the touched flags follow the URL), and its field takes the focus. A router navigation
    // from here left the page deaf to the next click on Next.
    let go_back_to = move |bad: Step| crate::web::load(&format!("{}{}", routing::base(), url_of(bad)));
    Effect::new(move |_| {
        if let Some(bad) = first_bad_step(step.get()) {
            go_back_to(bad);
        }
    });
    let load_focus = match step.get_untracked() {
        Step::Name if !initial.name.is_empty() && check_service_name(&initial.name).error.is_some() => {
            Some("virtual-service-name".to_string())
        }
        Step::Tags => first_bad_tag_field(&initial.tags),
        _ => None,
    };
    if let Some(field) = load_focus {
        crate::web::focus_when_shown(field);
    }

    let create = Submission::new();
    let submit = move || {
        if let Some(bad) = untrack(|| first_bad_step(Step::Review)) {
            return go_back_to(bad);
        }
        let current = state();
        let (Ok(name), Some(spec), Some(tags)) =
            (ServiceName::parse(current.name.clone()), current.provider.spec(), tag_refs(&current.tags))
        else {
            return;
        };
        let tags = (!tags.is_empty()).then(|| mesh_engine::input::TagList::new(tags).expect("checked on the Tags step"));
        let call = backend.create_virtual_service(
            address.clone(),
            CreateVirtualServiceInput { virtual_service_name: name, spec, tags, client_token: None },
        );
        create.run(Box::pin(async move {
            let service = call.await?;
            Ok(Done {
                notice: format!("Virtual service {} created.", service.name),
                go_to: routing::virtual_service(service.mesh_name.as_str(), service.name.as_str()),
            })
        }));
    };

    view! {
        <section class="page">
            <h1>"Create virtual service"</h1>
            <div class="wizard">
                <nav class="steps" aria-label="Steps">
                    <ol>
                        {Step::ALL.into_iter().map(|each| view! {
                            <li aria-current=move || (step.get() == each).then_some("step")>{each.title()}</li>
                        }).collect_view()}
                    </ol>
                </nav>
                // Enter in a field submits the step: Next, or Create on the review.
                <form novalidate on:submit=move |event| {
                    event.prevent_default();
                    if step.get_untracked() == Step::Review { submit() } else { next() }
                }>
                    <h2 tabindex="-1" node_ref=heading_ref>{move || format!("Step {} of 4: {}", step.get().number(), step.get().title())}</h2>
                    {error_alert("The virtual service was not created:", create.error())}
                    {move || match step.get() {
                        Step::Name => view! {
                            <NameStep name=name error=name_error warning=name_warning node_ref=name_ref
                                on_leave=Callback::new(move |()| {
                                    // Judge what is there now, not what the debounce last saw
                                    // (nothing when the wizard is going away with the field).
                                    let Some(now) = name.try_get_untracked() else { return };
                                    if !now.is_empty() {
                                        name_touched.try_set(true);
                                    }
                                    settled_name.try_set(now);
                                })
                                touched=name_touched />
                        }.into_any(),
                        Step::Provider => view! {
                            <ProviderFields mesh=mesh choice=provider options=options show_error=provider_touched target_ref=provider_ref />
                        }.into_any(),
                        Step::Tags => view! { <TagRows tags=tags touched=tags_touched /> }.into_any(),
                        Step::Review => view! {
                            <ReviewStep state=Signal::derive(state) edit_url=Callback::new(move |step: Step| url_of(step)) />
                        }.into_any(),
                    }}
                    <div class="wizard-buttons">
                        <A href=move || routing::virtual_services(&mesh.get()) attr:class="button">"Cancel"</A>
                        {move || step.get().previous().map(|previous| {
                            let go_to = go_to.clone();
                            view! { <button type="button" class="button" on:click=move |_| go_to(previous)>"Previous"</button> }
                        })}
                        <button type="submit" class="button button-primary" disabled=move || checking.get() || create.pending().get()>
                            {move || if step.get() == Step::Review { "Create virtual service" } else { "Next" }}
                        </button>
                    </div>
                </form>
            </div>
        </section>
    }
}

/// Whether the mesh already has a virtual service of this name (asked of the backend).
async fn name_exists(
    backend: &std::sync::Arc<dyn crate::api::Backend>,
    mesh: Option<mesh_engine::MeshAddress>,
    name: &str,
) -> Result<bool, BackendError> {
    let (Some(mesh), Ok(name)) = (mesh, mesh_engine::names::ResourceName::parse(name)) else { return Ok(false) };
    match backend.describe_resource(MeshResourceKind::VirtualService, mesh, name).await {
        Ok(_) => Ok(true),
        Err(error) if error.is_not_found() => Ok(false),
        Err(error) => Err(error),
    }
}

fn focus(input: NodeRef<html::Input>) {
    if let Some(input) = input.get_untracked() {
        let _ = input.focus();
    }
}

/// The target select, or the first radio when no kind needs a target.
fn focus_provider(select: NodeRef<html::Select>) {
    match select.get_untracked() {
        Some(select) => {
            let _ = select.focus();
        }
        None => focus_by_id("provider-virtual-router"),
    }
}
