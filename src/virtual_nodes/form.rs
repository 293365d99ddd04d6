//! Create (`…/virtual-nodes/create`) and edit (`…/virtual-nodes/{name}/edit`) a virtual node.

use super::detail::{NotFound, load_node};
use super::state::{Discovery, NodeForm};
use crate::api::{BackendError, use_backend};
use crate::components::async_view::AsyncView;
use crate::components::create_return::use_return_to;
use crate::components::field::TextField;
use crate::components::listeners::{ListenerRows, check_port};
use crate::components::names::new_name_error;
use crate::components::notice::notify;
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing::{self, Section};
use crate::virtual_services::wizard::state::{ProviderKind, return_after_create};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use mesh_engine::input::{CreateVirtualNodeInput, UpdateVirtualNodeInput};
use mesh_engine::names::ResourceName;
use mesh_engine::resource::{TagRef, VirtualNodeData};

#[component]
pub fn CreateVirtualNode() -> impl IntoView {
    view! { <NodeFormPage existing=None /> }
}

#[component]
pub fn EditVirtualNode() -> impl IntoView {
    let mesh = use_mesh();
    let (name, loaded) = load_node();
    view! {
        <AsyncView resource=loaded loaded={move |found: Option<(VirtualNodeData, Vec<TagRef>)>| match found {
            None => view! { <NotFound mesh=mesh name=name section=Section::VirtualNodes /> }.into_any(),
            Some((data, _)) => view! { <NodeFormPage existing=Some(data) /> }.into_any(),
        }} />
    }
}

#[component]
fn NodeFormPage(existing: Option<VirtualNodeData>) -> impl IntoView {
    let mesh = use_mesh();
    let (backend, address) = (use_backend(), use_mesh_address());
    let return_to = use_return_to();
    let base = existing.as_ref().map(|data| data.spec.clone()).unwrap_or_default();
    let editing = existing.as_ref().map(|data| data.virtual_node_name.clone());
    let initial = existing.as_ref().map(|data| NodeForm::of(&data.spec)).unwrap_or_else(NodeForm::new);
    let cloud_map = initial.discovery == Discovery::Kept;

    let name = RwSignal::new(String::new());
    let discovery = RwSignal::new(match &initial.discovery { Discovery::Dns(_) => "dns", Discovery::None => "none", Discovery::Kept => "kept" });
    let hostname = RwSignal::new(match &initial.discovery { Discovery::Dns(hostname) => hostname.clone(), _ => String::new() });
    let listeners = RwSignal::new(initial.listeners.clone());
    let backends = RwSignal::new(initial.backends.clone());
    let touched = RwSignal::new(false);

    let (nodes, services) = {
        let (b1, a1, b2, a2) = (backend.clone(), address.clone(), backend.clone(), address.clone());
        (
            LocalResource::new(move || { let (b, a) = (b1.clone(), a1.clone()); async move { b.list_virtual_nodes(a).await } }),
            LocalResource::new(move || { let (b, a) = (b2.clone(), a2.clone()); async move { b.list_virtual_services(a).await } }),
        )
    };
    let taken = move || nodes.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|node| node.virtual_node_name.to_string()).collect::<Vec<_>>();
    let creating = editing.is_none();
    let name_problem = Signal::derive(move || creating.then(|| new_name_error(&name.get(), &taken(), "virtual node")).flatten());
    Effect::new(move |_| if !name.get().is_empty() { touched.set(true) });
    let form = move || NodeForm {
        discovery: match discovery.get() { "dns" => Discovery::Dns(hostname.get()), "kept" => Discovery::Kept, _ => Discovery::None },
        listeners: listeners.get(),
        backends: backends.get(),
    };
    let hostname_problem = Signal::derive(move || form().hostname_error());

    let save = Action::new_local({
        let (backend, address, editing) = (backend.clone(), address.clone(), editing.clone());
        move |spec: &mesh_engine::spec::VirtualNodeSpec| {
            let (backend, mesh, spec, editing, new_name) = (backend.clone(), address.clone(), spec.clone(), editing.clone(), name.get_untracked());
            async move {
                match editing {
                    Some(existing) => backend.update_virtual_node(mesh, existing, UpdateVirtualNodeInput { spec, client_token: None }).await,
                    None => {
                        let virtual_node_name = ResourceName::parse(new_name).map_err(|error| BackendError::Unreachable(error.to_string()))?;
                        backend.create_virtual_node(mesh, CreateVirtualNodeInput { virtual_node_name, spec, tags: None, client_token: None }).await
                    }
                }
            }
        }
    });
    let navigate = use_navigate();
    let created = existing.is_none();
    Effect::new(move |_| {
        if let Some(Ok(node)) = save.value().get() {
            let node_name = node.virtual_node_name.to_string();
            notify(format!("Virtual node {node_name} {}.", if created { "created" } else { "updated" }));
            let back = return_to.get_untracked().and_then(|to| return_after_create(&to, ProviderKind::VirtualNode, &node_name));
            navigate(&back.unwrap_or_else(|| routing::resource(node.mesh_name.as_str(), Section::VirtualNodes, &node_name)), Default::default());
        }
    });
    let save_error = move || save.value().get().and_then(Result::err).map(|error| error.to_string());
    let submit = {
        let base = base.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            touched.set(true);
            let first_bad = if name_problem.get_untracked().is_some() {
                Some("virtual-node-name".to_string())
            } else if hostname_problem.get_untracked().is_some() {
                Some("dns-hostname".to_string())
            } else {
                listeners.get_untracked().iter().position(|row| check_port(&row.port).is_some()).map(|index| format!("listener-port-{}", index + 1))
            };
            match (first_bad, form().apply(&base)) {
                (None, Some(spec)) => { save.dispatch(spec); }
                (Some(id), _) => crate::components::focus::focus_by_id(&id),
                (None, None) => {}
            }
        }
    };
    let title = match &existing { Some(data) => format!("Edit {}", data.virtual_node_name), None => "Create virtual node".to_string() };
    let cancel = move || return_to.get().filter(|to| to.starts_with("/meshes/")).unwrap_or_else(|| routing::section(&mesh.get(), Section::VirtualNodes));
    view! {
        <section class="page">
            <h1>{title}</h1>
            {move || save_error().map(|message| view! { <div class="alert alert-error" role="alert"><p>{message}</p></div> })}
            <form novalidate on:submit=submit>
                {created.then(|| view! {
                    <TextField id="virtual-node-name" label="Virtual node name" value=name hint="1 to 255 characters, unique in the mesh."
                        error=name_problem show_error=touched />
                })}
                <div class="field">
                    <fieldset>
                        <legend>"Service discovery"</legend>
                        <div class="radio">
                            <input type="radio" id="discovery-dns" name="discovery" prop:checked=move || discovery.get() == "dns" on:change=move |_| discovery.set("dns") />
                            <label for="discovery-dns">"DNS"</label>
                        </div>
                        {cloud_map.then(|| view! {
                            <div class="radio">
                                <input type="radio" id="discovery-kept" name="discovery" prop:checked=move || discovery.get() == "kept" on:change=move |_| discovery.set("kept") />
                                <label for="discovery-kept">"AWS Cloud Map (kept as it is)"</label>
                            </div>
                        })}
                        <div class="radio">
                            <input type="radio" id="discovery-none" name="discovery" prop:checked=move || discovery.get() == "none" on:change=move |_| discovery.set("none") />
                            <label for="discovery-none">"None"</label>
                        </div>
                    </fieldset>
                </div>
                <Show when=move || discovery.get() == "dns">
                    <TextField id="dns-hostname" label="DNS hostname" value=hostname hint="Where the node's tasks are found, e.g. orders.default.svc.cluster.local."
                        error=hostname_problem show_error=touched />
                </Show>
                <ListenerRows listeners=listeners show_errors=touched />
                <div class="field">
                    <fieldset>
                        <legend>"Backends"</legend>
                        <p class="hint">"The virtual services this node sends traffic to."</p>
                        {move || match services.get() {
                            None => view! { <p class="status">"Loading…"</p> }.into_any(),
                            Some(Err(error)) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                            Some(Ok(list)) if list.is_empty() => view! { <p>"This mesh has no virtual services yet."</p> }.into_any(),
                            Some(Ok(list)) => list.into_iter().enumerate().map(|(index, service)| {
                                let service_name = service.virtual_service_name.to_string();
                                let id = format!("backend-{}", index + 1);
                                let checked = { let service_name = service_name.clone(); move || backends.get().contains(&service_name) };
                                let toggle = { let service_name = service_name.clone(); move |_| backends.update(|chosen| {
                                    match chosen.iter().position(|name| *name == service_name) {
                                        Some(position) => { chosen.remove(position); }
                                        None => chosen.push(service_name.clone()),
                                    }
                                }) };
                                view! {
                                    <div class="radio">
                                        <input type="checkbox" id=id.clone() prop:checked=checked on:change=toggle />
                                        <label for=id>{service_name.clone()}</label>
                                    </div>
                                }
                            }).collect_view().into_any(),
                        }}
                    </fieldset>
                </div>
                <div class="actions">
                    <A href=cancel attr:class="button">"Cancel"</A>
                    <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                        {if created { "Create virtual node" } else { "Save changes" }}
                    </button>
                </div>
            </form>
        </section>
    }
}
