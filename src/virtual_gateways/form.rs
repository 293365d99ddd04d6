//! Create (`…/virtual-gateways/create`) and edit (`…/{name}/edit`) a virtual gateway: its
//! name, listeners and access log. The rest of its spec is kept (see `spec_form`).

use super::detail::WithGateway;
use super::spec_form::{GATEWAY_PROTOCOLS, GatewayForm};
use crate::api::{ResourceRecord, use_backend};
use crate::components::field::TextField;
use crate::components::form_page::{FormPage, save_or_focus};
use crate::components::listeners::{ListenerRows, check_port};
use crate::components::new_name::NewName;
use crate::components::submission::{Done, Submission};
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::MeshResourceKind;
use serde_json::{Value, json};

const GATEWAY: MeshResourceKind = MeshResourceKind::VirtualGateway;

#[component]
pub fn CreateVirtualGateway() -> impl IntoView {
    view! { <GatewayFormPage existing=None /> }
}

#[component]
pub fn EditVirtualGateway() -> impl IntoView {
    view! { <WithGateway follow=false page=|data, _| view! { <GatewayFormPage existing=Some(data) /> }.into_any() /> }
}

#[component]
fn GatewayFormPage(existing: Option<ResourceRecord>) -> impl IntoView {
    let mesh = use_mesh();
    let (backend, address) = (use_backend(), use_mesh_address());
    let base = existing.as_ref().map(|data| data.spec.clone()).unwrap_or_else(|| json!({}));
    let editing = existing.as_ref().map(|data| data.name.clone());
    // The version the form starts from: a save checks nobody changed it since.
    let edited = existing.clone();
    let created = existing.is_none();
    let initial = match &existing {
        Some(data) => GatewayForm::of(&data.spec),
        None => GatewayForm::new(),
    };
    let listeners = RwSignal::new(initial.listeners);
    let access_log_path = RwSignal::new(initial.access_log_path);
    let touched = RwSignal::new(false);
    let name = NewName::new(created, GATEWAY.noun(), touched, {
        let (backend, address) = (backend.clone(), address.clone());
        move || {
            let (backend, mesh) = (backend.clone(), address.clone());
            Box::pin(async move {
                Ok(backend.list_resources(GATEWAY, mesh).await?.into_iter().map(|gateway| gateway.name.to_string()).collect::<Vec<_>>())
            })
        }
    });
    let form = move || GatewayForm { listeners: listeners.get(), access_log_path: access_log_path.get() };
    let access_log_problem = Signal::derive(move || form().access_log_error());
    let listeners_problem = Signal::derive(move || form().listeners_error());

    let save = Submission::new();
    let store = move |spec: Value| {
        let Some(target) = name.target(editing.clone()) else { return };
        let call = backend.save_resource(GATEWAY, address.clone(), target, spec, save.mode(edited.as_ref()));
        save.run(Box::pin(async move {
            let saved = call.await?;
            Ok(Done {
                notice: format!("Virtual gateway {} {}.", saved.name, if created { "created" } else { "updated" }),
                go_to: routing::resource(saved.mesh_name.as_str(), GATEWAY, saved.name.as_str()),
            })
        }));
    };
    let submit = move || {
        touched.set(true);
        let first_bad = if name.problem.get_untracked().is_some() {
            Some("virtual-gateway-name".to_string())
        } else if listeners_problem.get_untracked().is_some() {
            Some("add-listener".to_string())
        } else if let Some(index) = listeners.get_untracked().iter().position(|row| check_port(&row.port).is_some()) {
            Some(format!("listener-port-{}", index + 1))
        } else {
            access_log_problem.get_untracked().map(|_| "access-log-path".to_string())
        };
        save_or_focus(first_bad.as_deref(), form().apply(&base), &store);
    };
    let title = match &existing {
        Some(data) => format!("Edit {}", data.name),
        None => "Create virtual gateway".to_string(),
    };
    let cancel = match &existing {
        Some(data) => routing::resource(&mesh.get_untracked(), GATEWAY, data.name.as_str()),
        None => routing::section(&mesh.get_untracked(), GATEWAY),
    };
    view! {
        <FormPage title=title save=save on_submit=submit cancel=cancel
            submit_label=if created { "Create virtual gateway" } else { "Save changes" }>
            {created.then(|| view! {
                <TextField id="virtual-gateway-name" label="Virtual gateway name" value=name.value
                    hint="1 to 255 characters, unique in the mesh." error=name.problem show_error=touched />
            })}
            <ListenerRows listeners=listeners show_errors=touched protocols=GATEWAY_PROTOCOLS />
            {move || touched.get().then(|| listeners_problem.get()).flatten().map(|message| view! { <p class="error" role="alert">{message}</p> })}
            <TextField id="access-log-path" label="Access log path" value=access_log_path
                hint="Optional: the file Envoy writes its access log to, e.g. /dev/stdout. Leave it empty for no access log."
                error=access_log_problem show_error=touched />
        </FormPage>
    }
}
