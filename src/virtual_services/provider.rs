//! The provider of a virtual service, chosen with live validation: used by the create
//! wizard and by Edit.

use super::wizard::state::{ProviderChoice, ProviderKind};
use super::wizard::validate::check_provider;
use crate::api::{BackendError, use_backend};
use crate::components::create_return::current_url;
use crate::components::link::A;
use crate::components::query::encode;
use crate::providers::kind::Provider;
use crate::routing::{self, Section};
use leptos::html;
use leptos::prelude::*;
use mesh_engine::MeshAddress;

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
                        .list_providers(Provider::VirtualRouter, mesh)
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
                Ok(backend.list_providers(Provider::VirtualNode, mesh).await?.into_iter().map(|node| node.name.to_string()).collect())
            })
        });
        Self { routers, nodes }
    }

    /// The names of a kind, once loaded.
    pub fn names(&self, kind: ProviderKind) -> Option<Vec<String>> {
        let resource = match kind {
            ProviderKind::VirtualRouter => self.routers,
            ProviderKind::VirtualNode => self.nodes,
            ProviderKind::None => return Some(Vec::new()),
        };
        resource.get().and_then(Result::ok)
    }

    pub fn error(&self, choice: &ProviderChoice) -> Option<String> {
        check_provider(choice, self.names(choice.kind).as_deref())
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
    let set_kind = move |kind: ProviderKind| {
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
                {ProviderKind::ALL.into_iter().map(|kind| {
                    let id = format!("provider-{}", kind.slug());
                    let hint = match kind {
                        ProviderKind::VirtualRouter => "Spread traffic over several virtual nodes.",
                        ProviderKind::VirtualNode => "Send traffic to one virtual node directly.",
                        ProviderKind::None => "Nothing provides it yet.",
                    };
                    view! {
                        <div class="radio">
                            <input type="radio" name="provider" id=id.clone()
                                prop:checked=move || choice.get().kind == kind
                                on:change=move |_| set_kind(kind) />
                            <label for=id>{kind.label()}</label>
                            <span class="hint">{hint}</span>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </div>
        {move || {
            let kind = choice.get().kind;
            (kind != ProviderKind::None).then(|| {
                let (section, noun) = match kind {
                    ProviderKind::VirtualRouter => (Section::VirtualRouters, "virtual router"),
                    _ => (Section::VirtualNodes, "virtual node"),
                };
                let names = options.names(kind);
                let none_yet = names.as_ref().is_some_and(Vec::is_empty);
                view! {
                    <div class="field">
                        <label for="provider-target">{kind.label()}</label>
                        <select id="provider-target" node_ref=target_ref
                            aria-invalid=move || if error().is_some() { "true" } else { "false" }
                            aria-describedby=move || if error().is_some() { "provider-error" } else { "" }
                            on:change:target=move |event| {
                                let target = event.target().value();
                                choice.update(|choice| choice.target = target);
                            }>
                            {match names {
                                None => view! { <option value="">"Loading…"</option> }.into_any(),
                                Some(names) if names.is_empty() => view! {
                                    <option value="">{format!("No {noun}s in this mesh")}</option>
                                }.into_any(),
                                Some(names) => {
                                    let current = choice.get_untracked().target;
                                    let missing = (!current.is_empty() && !names.contains(&current)).then(|| current.clone());
                                    view! {
                                        <option value="" selected=current.is_empty()>{format!("Choose a {noun}")}</option>
                                        {missing.map(|name| view! { <option value=name.clone() selected=true>{format!("{name} (no longer exists)")}</option> })}
                                        {names.into_iter().map(|name| {
                                            let selected = name == current;
                                            view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                                        }).collect_view()}
                                    }.into_any()
                                }
                            }}
                        </select>
                        {move || error().map(|message| view! { <p class="error" id="provider-error">{message}</p> })}
                        <p class="hint">
                            {none_yet.then(|| format!("This mesh has no {noun} yet. "))}
                            <A href=move || format!("{}?returnTo={}", routing::create_in(&mesh.get(), section), encode(&current_url()))>
                                {format!("Create {noun}…")}
                            </A>
                        </p>
                    </div>
                }
            })
        }}
        {move || (choice.get().kind == ProviderKind::VirtualNode).then(|| view! {
            <div class="alert alert-info">
                <p>"App Mesh may automatically create a default Envoy route retry policy for each virtual node provider defined on or after July 29, 2020, though you cannot define one through the API."</p>
            </div>
        })}
    }
}
