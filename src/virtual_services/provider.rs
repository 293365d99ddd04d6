//! The provider of a virtual service, chosen with live validation: used by the create
//! wizard and by Edit.

use super::wizard::state::{PROVIDER_OPTIONS, ProviderChoice, provider_label, provider_slug};
use super::wizard::validate::check_provider;
use crate::api::{BackendError, use_backend};
use crate::components::link::A;
use crate::components::name_options::NameOptions;
use crate::routes::count::RouterRouteCount;
use crate::routing;
use leptos::html;
use leptos::prelude::*;
use mesh_engine::MeshAddress;
use mesh_engine::percent::encode;
use mesh_engine::resource::ProviderKind;

/// The mesh's virtual routers and nodes, to pick from.
#[derive(Clone, Copy)]
pub struct ProviderOptions {
    routers: LocalResource<Result<Vec<String>, BackendError>>,
    nodes: LocalResource<Result<Vec<String>, BackendError>>,
}

impl ProviderOptions {
    pub fn load(address: MeshAddress) -> Self {
        let backend = use_backend();
        let routers = crate::api::load({
            let (backend, address) = (backend.clone(), address.clone());
            move || {
                let (backend, mesh) = (backend.clone(), address.clone());
                Box::pin(async move {
                    Ok(backend
                        .list_resources(ProviderKind::VirtualRouter.into(), mesh)
                        .await?
                        .into_iter()
                        .map(|router| router.name.to_string())
                        .collect())
                })
            }
        });
        let nodes = crate::api::load(move || {
            let (backend, mesh) = (backend.clone(), address.clone());
            Box::pin(async move {
                Ok(backend
                    .list_resources(ProviderKind::VirtualNode.into(), mesh)
                    .await?
                    .into_iter()
                    .map(|node| node.name.to_string())
                    .collect())
            })
        });
        Self { routers, nodes }
    }

    /// The names of a kind, once loaded.
    pub fn names(&self, kind: ProviderKind) -> Option<Vec<String>> {
        let resource = match kind {
            ProviderKind::VirtualRouter => self.routers,
            ProviderKind::VirtualNode => self.nodes,
        };
        resource.get().and_then(Result::ok)
    }

    pub fn error(&self, choice: &ProviderChoice) -> Option<String> {
        check_provider(choice, choice.kind.and_then(|kind| self.names(kind)).as_deref())
    }
}

#[component]
pub fn ProviderFields(
    mesh: Memo<String>,
    choice: RwSignal<ProviderChoice>,
    options: ProviderOptions,
    #[prop(into)] show_error: Signal<bool>,
    /// The first control to focus when the provider is in error.
    target_ref: NodeRef<html::Select>,
) -> impl IntoView {
    let error = move || if show_error.get() { options.error(&choice.get()) } else { None };
    // The chosen router, once it is one of the mesh's: how many routes it has is shown.
    let chosen_router = Memo::new(move |_| {
        let choice = choice.get();
        let known = options.names(ProviderKind::VirtualRouter).is_some_and(|names| names.contains(&choice.target));
        (choice.kind == Some(ProviderKind::VirtualRouter) && known).then_some(choice.target)
    });
    let set_kind = move |kind: Option<ProviderKind>| {
        choice.update(|choice| {
            if choice.kind != kind {
                *choice = ProviderChoice { kind, target: String::new() };
            }
        })
    };
    view! {
        <div class="field">
            <fieldset>
                <legend>"Provider"</legend>
                <p class="hint">"Where requests to this virtual service go. You can change the provider later."</p>
                {PROVIDER_OPTIONS.into_iter().map(|kind| {
                    let id = format!("provider-{}", provider_slug(kind));
                    let hint = match kind {
                        Some(ProviderKind::VirtualRouter) => "Spread traffic over several virtual nodes.",
                        Some(ProviderKind::VirtualNode) => "Send traffic to one virtual node directly.",
                        None => "Nothing provides it yet.",
                    };
                    view! {
                        <div class="radio">
                            <input type="radio" name="provider" id=id.clone()
                                prop:checked=move || choice.get().kind == kind
                                on:change=move |_| set_kind(kind) />
                            <label for=id>{provider_label(kind)}</label>
                            <span class="hint">{hint}</span>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </div>
        {move || {
            choice.get().kind.map(|kind| {
                let noun = kind.noun();
                let names = options.names(kind);
                let none_yet = names.as_ref().is_some_and(Vec::is_empty);
                view! {
                    <div class="field">
                        <label for="provider-target">{kind.title()}</label>
                        <select id="provider-target" node_ref=target_ref
                            aria-invalid=move || if error().is_some() { "true" } else { "false" }
                            aria-describedby=move || if error().is_some() { "provider-error" } else { "" }
                            on:change:target=move |event| {
                                let target = event.target().value();
                                choice.update(|choice| choice.target = target);
                            }>
                            <NameOptions names=names current=choice.get_untracked().target noun=noun />
                        </select>
                        {move || error().map(|message| view! { <p class="error" id="provider-error">{message}</p> })}
                        <p class="hint">
                            {none_yet.then(|| format!("This mesh has no {noun} yet. "))}
                            <A href=move || format!("{}?returnTo={}", routing::create_in(&mesh.get(), kind), encode(&routing::current_url()))>
                                {format!("Create {noun}…")}
                            </A>
                        </p>
                    </div>
                }
            })
        }}
        {move || chosen_router.get().map(|router| view! { <RouterRouteCount mesh=mesh router=router /> })}
        {move || (choice.get().kind == Some(ProviderKind::VirtualNode)).then(|| view! {
            <div class="alert alert-info">
                <p>"App Mesh may automatically create a default Envoy route retry policy for each virtual node provider defined on or after July 29, 2020, though you cannot define one through the API."</p>
            </div>
        })}
    }
}
