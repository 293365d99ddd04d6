//! `/meshes/{mesh}/virtual-services/create`: Name → Provider → Tags → Review and create.
//! The step and every value are in the URL.

pub mod state;
mod steps;
pub mod validate;

use super::provider::{ProviderFields, ProviderOptions};
use crate::api::{BackendError, use_backend};
use crate::components::debounce::debounced;
use crate::components::link::A;
use crate::components::submission::{Done, Submission};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use crate::web::focus_by_id;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use mesh_engine::input::CreateVirtualServiceInput;
use mesh_engine::names::ServiceName;
use state::{Step, WizardState};
use steps::{NameStep, ReviewStep, TagsStep};
use validate::{check_service_name, check_tags};

#[component]
pub fn CreateVirtualService() -> impl IntoView {
    let mesh = use_mesh();
    let address = use_mesh_address();
    let backend = use_backend();
    let query = use_query_map();
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
        crate::web::replace_query(&query);
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
    let provider_touched = RwSignal::new(false);
    let tags_touched = RwSignal::new(false);

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
        move |_| {
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
                    let checks = check_tags(&tags.get_untracked());
                    if let Some(index) = checks.iter().position(|(key, value)| key.is_some() || value.is_some()) {
                        let field = if checks[index].0.is_some() { "key" } else { "value" };
                        focus_by_id(&format!("tag-{field}-{}", index + 1));
                        return;
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

    let create = Submission::new();
    let create_error = move || create.error().get();
    let submit = move |_| {
        let current = state();
        let (Ok(name), Some(spec), Some(tags)) = (ServiceName::parse(current.name.clone()), current.provider.spec(), current.tag_refs())
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
                <form novalidate on:submit=|event| event.prevent_default()>
                    <h2 tabindex="-1" node_ref=heading_ref>{move || format!("Step {} of 4: {}", step.get().number(), step.get().title())}</h2>
                    {move || create_error().map(|message| view! {
                        <div class="alert alert-error" role="alert"><p>{format!("The virtual service was not created: {message}")}</p></div>
                    })}
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
                        Step::Tags => view! { <TagsStep tags=tags touched=tags_touched /> }.into_any(),
                        Step::Review => view! {
                            <ReviewStep mesh=mesh state=Signal::derive(state) edit_url=Callback::new(move |step: Step| url_of(step)) />
                        }.into_any(),
                    }}
                    <div class="wizard-buttons">
                        <A href=move || routing::virtual_services(&mesh.get()) attr:class="button">"Cancel"</A>
                        {move || step.get().previous().map(|previous| {
                            let go_to = go_to.clone();
                            view! { <button type="button" class="button" on:click=move |_| go_to(previous)>"Previous"</button> }
                        })}
                        {move || if step.get() == Step::Review {
                            let submit = submit.clone();
                            view! {
                                <button type="button" class="button button-primary" disabled=move || create.pending().get() on:click=submit>"Create virtual service"</button>
                            }.into_any()
                        } else {
                            let next = next.clone();
                            view! { <button type="button" class="button button-primary" disabled=move || checking.get() on:click=next>"Next"</button> }.into_any()
                        }}
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
    match backend.describe_virtual_service(mesh, name).await {
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
