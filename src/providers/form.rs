//! Create (`…/virtual-nodes/create`, `…/virtual-routers/create`) and edit (`…/{name}/edit`)
//! a virtual node or router. A router has listeners only; a node also has service discovery
//! and backends.

use super::create_return::{after_save, use_return_to};
use super::detail::WithProvider;
use super::spec_form::{Discovery, SpecForm};
use crate::api::{ResourceRecord, use_backend};
use crate::components::choice::{Checkbox, Choice, RadioGroup};
use crate::components::field::TextField;
use crate::components::form_page::{FormPage, save_or_focus};
use crate::components::listeners::{ListenerRows, check_port};
use crate::components::new_name::NewName;
use crate::components::select_field::set_to;
use crate::components::submission::Submission;
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use crate::virtual_services::list::load_service_names;
use leptos::prelude::*;
use mesh_engine::resource::ProviderKind;
use serde_json::{Value, json};

#[component]
pub fn CreateProvider(kind: ProviderKind) -> impl IntoView {
    view! { <ProviderForm kind=kind existing=None /> }
}

#[component]
pub fn EditProvider(kind: ProviderKind) -> impl IntoView {
    view! { <WithProvider kind=kind follow=false page=|kind, data, _| view! { <ProviderForm kind=kind existing=Some(data) /> }.into_any() /> }
}

#[component]
fn ProviderForm(kind: ProviderKind, existing: Option<ResourceRecord>) -> impl IntoView {
    let mesh = use_mesh();
    let (backend, address) = (use_backend(), use_mesh_address());
    let return_to = use_return_to();
    let is_node = kind == ProviderKind::VirtualNode;
    let base = existing.as_ref().map(|data| data.spec.clone()).unwrap_or_else(|| json!({}));
    let editing = existing.as_ref().map(|data| data.name.clone());
    // The version the form starts from: a save checks nobody changed it since.
    let edited = existing.clone();
    let created = existing.is_none();
    let initial = match &existing {
        Some(data) => SpecForm::of(&data.spec),
        None => SpecForm::new(is_node),
    };
    let cloud_map = initial.discovery == Discovery::Kept && is_node;

    let discovery = RwSignal::new(
        match &initial.discovery {
            Discovery::Dns(_) => "dns",
            Discovery::None => "none",
            Discovery::Kept => "kept",
        }
        .to_string(),
    );
    let hostname = RwSignal::new(match &initial.discovery {
        Discovery::Dns(hostname) => hostname.clone(),
        _ => String::new(),
    });
    let listeners = RwSignal::new(initial.listeners.clone());
    let backends = RwSignal::new(initial.backends.clone());
    let touched = RwSignal::new(false);

    let name = NewName::new(created, kind.noun(), touched, {
        let (backend, address) = (backend.clone(), address.clone());
        move || {
            let (backend, mesh) = (backend.clone(), address.clone());
            Box::pin(async move {
                let names: Vec<String> =
                    backend.list_resources(kind.into(), mesh).await?.into_iter().map(|provider| provider.name.to_string()).collect();
                Ok(names)
            })
        }
    });
    // The services a node may send to.
    let services = load_service_names();
    let form = move || SpecForm {
        discovery: match discovery.get().as_str() {
            "dns" => Discovery::Dns(hostname.get()),
            "none" => Discovery::None,
            _ => Discovery::Kept,
        },
        listeners: listeners.get(),
        backends: backends.get(),
    };
    let hostname_problem = Signal::derive(move || form().hostname_error());

    let save = Submission::new();
    let store = move |spec: Value| {
        let Some(target) = name.target(editing.clone()) else { return };
        let call = backend.save_resource(kind.into(), address.clone(), target, spec, save.mode(edited.as_ref()));
        save.run(Box::pin(async move {
            let saved = call.await?;
            Ok(after_save(kind, saved.mesh_name.as_str(), saved.name.as_str(), created, return_to.get_untracked()))
        }));
    };
    let submit = move || {
        touched.set(true);
        let name_id = if is_node { "virtual-node-name" } else { "virtual-router-name" };
        let first_bad = if name.problem.get_untracked().is_some() {
            Some(name_id.to_string())
        } else if hostname_problem.get_untracked().is_some() {
            Some("dns-hostname".to_string())
        } else {
            listeners
                .get_untracked()
                .iter()
                .position(|row| check_port(&row.port).is_some())
                .map(|index| format!("listener-port-{}", index + 1))
        };
        save_or_focus(first_bad.as_deref(), form().apply(&base), &store);
    };
    let title = match &existing {
        Some(data) => format!("Edit {}", data.name),
        None => format!("Create {}", kind.noun()),
    };
    let cancel = move || return_to.get().filter(|to| to.starts_with("/meshes/")).unwrap_or_else(|| routing::section(&mesh.get(), kind));
    let node_fields = is_node.then(|| view! {
        <RadioGroup name="discovery" legend="Service discovery" selected=discovery on_change=set_to(discovery)
            choices=std::iter::once(Choice::new("dns", "DNS"))
                .chain(cloud_map.then(|| Choice::new("kept", "AWS Cloud Map (kept as it is)")))
                .chain([Choice::new("none", "None")])
                .collect() />
        {move || (discovery.get() == "dns").then(|| view! {
            <TextField id="dns-hostname" label="DNS hostname" value=hostname hint="Where the node's tasks are found, e.g. orders.default.svc.cluster.local."
                error=hostname_problem show_error=touched />
        })}
    });
    let backend_fields = is_node.then(|| {
        view! {
            <div class="field">
                <fieldset>
                    <legend>"Backends"</legend>
                    <p class="hint">"The virtual services this node sends traffic to."</p>
                    {move || match services.get() {
                        None => view! { <p class="status">"Loading…"</p> }.into_any(),
                        Some(Err(error)) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                        Some(Ok(list)) if list.is_empty() => view! { <p>"This mesh has no virtual services yet."</p> }.into_any(),
                        Some(Ok(list)) => list.into_iter().enumerate().map(|(index, service)| {
                            let id = format!("backend-{}", index + 1);
                            let checked = { let service = service.clone(); Signal::derive(move || backends.with(|chosen| chosen.contains(&service))) };
                            let toggle = { let service = service.clone(); move |on: bool| backends.update(|chosen| {
                                chosen.retain(|name| *name != service);
                                if on {
                                    chosen.push(service.clone());
                                }
                            }) };
                            view! { <Checkbox id=id label=service checked=checked on_change=toggle /> }
                        }).collect_view().into_any(),
                    }}
                </fieldset>
            </div>
        }
    });
    view! {
        <FormPage title=title save=save on_submit=submit cancel=Signal::derive(cancel)
            submit_label=if created { format!("Create {}", kind.noun()) } else { "Save changes".to_string() }>
            {created.then(|| view! {
                <TextField id=if is_node { "virtual-node-name" } else { "virtual-router-name" } label=format!("{} name", kind.title()) value=name.value
                    hint="1 to 255 characters, unique in the mesh." error=name.problem show_error=touched />
            })}
            {node_fields}
            <ListenerRows listeners=listeners show_errors=touched />
            {backend_fields}
        </FormPage>
    }
}
