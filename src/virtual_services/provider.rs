//! The provider of a virtual service, chosen with live validation: used by the create
//! wizard and by Edit.

use super::wizard::state::{PROVIDER_OPTIONS, ProviderChoice, provider_label, provider_slug};
use super::wizard::validate::check_provider;
use crate::api::{Loaded, use_backend};
use crate::components::choice::{Choice, RadioGroup};
use crate::components::link::A;
use crate::components::select_field::{SelectField, name_options};
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
    routers: Loaded<Vec<String>>,
    nodes: Loaded<Vec<String>>,
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
    // The choice of the kind left is kept: switching back to it brings its target back.
    let left = RwSignal::new(ProviderChoice::default());
    let set_kind = move |kind: Option<ProviderKind>| {
        let current = choice.get_untracked();
        if current.kind != kind {
            let target = left.with_untracked(|left| if left.kind == kind { left.target.clone() } else { String::new() });
            left.set(current);
            choice.set(ProviderChoice { kind, target });
        }
    };
    let choices = PROVIDER_OPTIONS
        .into_iter()
        .map(|kind| {
            let hint = match kind {
                Some(ProviderKind::VirtualRouter) => "Spread traffic over several virtual nodes.",
                Some(ProviderKind::VirtualNode) => "Send traffic to one virtual node directly.",
                None => "Nothing provides it yet.",
            };
            Choice::new(provider_slug(kind), provider_label(kind)).with_hint(hint)
        })
        .collect();
    let choose_kind = move |slug: String| set_kind(PROVIDER_OPTIONS.into_iter().find(|kind| provider_slug(*kind) == slug).flatten());
    let chosen_kind = Memo::new(move |_| choice.with(|choice| choice.kind));
    let choose_target = Callback::new(move |target: String| choice.update(|choice| choice.target = target));
    view! {
        <RadioGroup name="provider" legend="Provider" hint="Where requests to this virtual service go. You can change the provider later."
            choices=choices selected=Signal::derive(move || provider_slug(choice.get().kind)) on_change=choose_kind />
        // Built again when the kind or the names change, not the target: choosing one keeps
        // the focus on the select.
        {move || {
            chosen_kind.get().map(|kind| {
                let noun = kind.noun();
                let names = options.names(kind);
                let none_yet = names.as_ref().is_some_and(Vec::is_empty);
                let current = choice.get_untracked().target;
                view! {
                    <SelectField id="provider-target" label=kind.title() options=name_options(names, &current, noun) selected=current
                        on_change=choose_target node_ref=target_ref error=Signal::derive(error) show_error=true />
                    <p class="hint">
                        {none_yet.then(|| format!("This mesh has no {noun} yet. "))}
                        <A href=move || format!("{}?returnTo={}", routing::create_in(&mesh.get(), kind), encode(&routing::current_url()))>
                            {format!("Create {noun}…")}
                        </A>
                    </p>
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
