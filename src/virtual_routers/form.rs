//! Create (`…/virtual-routers/create`) and edit (`…/virtual-routers/{name}/edit`) a virtual router.

use super::detail::load_router;
use super::state::{apply, listeners_of};
use crate::api::{BackendError, use_backend};
use crate::components::async_view::AsyncView;
use crate::components::create_return::use_return_to;
use crate::components::field::TextField;
use crate::components::focus::focus_by_id;
use crate::components::listeners::{ListenerRows, check_port};
use crate::components::names::new_name_error;
use crate::components::notice::notify;
use crate::meshes::layout::{use_mesh, use_mesh_address};
use crate::routing::{self, Section};
use crate::virtual_nodes::detail::NotFound;
use crate::virtual_services::wizard::state::{ProviderKind, return_after_create};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use mesh_engine::input::{CreateVirtualRouterInput, UpdateVirtualRouterInput};
use mesh_engine::names::ResourceName;
use mesh_engine::resource::{TagRef, VirtualRouterData};
use mesh_engine::spec::VirtualRouterSpec;

#[component]
pub fn CreateVirtualRouter() -> impl IntoView {
    view! { <RouterFormPage existing=None /> }
}

#[component]
pub fn EditVirtualRouter() -> impl IntoView {
    let mesh = use_mesh();
    let (name, loaded) = load_router();
    view! {
        <AsyncView resource=loaded loaded={move |found: Option<(VirtualRouterData, Vec<TagRef>)>| match found {
            None => view! { <NotFound mesh=mesh name=name section=Section::VirtualRouters /> }.into_any(),
            Some((data, _)) => view! { <RouterFormPage existing=Some(data) /> }.into_any(),
        }} />
    }
}

#[component]
fn RouterFormPage(existing: Option<VirtualRouterData>) -> impl IntoView {
    let mesh = use_mesh();
    let (backend, address) = (use_backend(), use_mesh_address());
    let return_to = use_return_to();
    let base = existing.as_ref().map(|data| data.spec.clone()).unwrap_or_default();
    let editing = existing.as_ref().map(|data| data.virtual_router_name.clone());
    let created = existing.is_none();
    let name = RwSignal::new(String::new());
    let listeners = RwSignal::new(if created { vec![Default::default()] } else { listeners_of(&base) });
    let touched = RwSignal::new(false);
    let routers = LocalResource::new({
        let (backend, address) = (backend.clone(), address.clone());
        move || { let (b, a) = (backend.clone(), address.clone()); async move { b.list_virtual_routers(a).await } }
    });
    let taken = move || routers.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|router| router.virtual_router_name.to_string()).collect::<Vec<_>>();
    let name_problem = Signal::derive(move || created.then(|| new_name_error(&name.get(), &taken(), "virtual router")).flatten());
    Effect::new(move |_| if !name.get().is_empty() { touched.set(true) });

    let save = Action::new_local(move |spec: &VirtualRouterSpec| {
        let (backend, mesh, spec, editing, new_name) = (backend.clone(), address.clone(), spec.clone(), editing.clone(), name.get_untracked());
        async move {
            match editing {
                Some(existing) => backend.update_virtual_router(mesh, existing, UpdateVirtualRouterInput { spec, client_token: None }).await,
                None => {
                    let virtual_router_name = ResourceName::parse(new_name).map_err(|error| BackendError::Unreachable(error.to_string()))?;
                    backend.create_virtual_router(mesh, CreateVirtualRouterInput { virtual_router_name, spec, tags: None, client_token: None }).await
                }
            }
        }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(router)) = save.value().get() {
            let router_name = router.virtual_router_name.to_string();
            notify(format!("Virtual router {router_name} {}.", if created { "created" } else { "updated" }));
            let back = return_to.get_untracked().and_then(|to| return_after_create(&to, ProviderKind::VirtualRouter, &router_name));
            navigate(&back.unwrap_or_else(|| routing::resource(router.mesh_name.as_str(), Section::VirtualRouters, &router_name)), Default::default());
        }
    });
    let save_error = move || save.value().get().and_then(Result::err).map(|error| error.to_string());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        touched.set(true);
        let first_bad = if name_problem.get_untracked().is_some() {
            Some("virtual-router-name".to_string())
        } else {
            listeners.get_untracked().iter().position(|row| check_port(&row.port).is_some()).map(|index| format!("listener-port-{}", index + 1))
        };
        match (first_bad, apply(&base, &listeners.get_untracked())) {
            (None, Some(spec)) => { save.dispatch(spec); }
            (Some(id), _) => focus_by_id(&id),
            (None, None) => {}
        }
    };
    let title = match &existing { Some(data) => format!("Edit {}", data.virtual_router_name), None => "Create virtual router".to_string() };
    let cancel = move || return_to.get().filter(|to| to.starts_with("/meshes/")).unwrap_or_else(|| routing::section(&mesh.get(), Section::VirtualRouters));
    view! {
        <section class="page">
            <h1>{title}</h1>
            {move || save_error().map(|message| view! { <div class="alert alert-error" role="alert"><p>{message}</p></div> })}
            <form novalidate on:submit=submit>
                {created.then(|| view! {
                    <TextField id="virtual-router-name" label="Virtual router name" value=name hint="1 to 255 characters, unique in the mesh."
                        error=name_problem show_error=touched />
                })}
                <ListenerRows listeners=listeners show_errors=touched />
                <div class="actions">
                    <A href=cancel attr:class="button">"Cancel"</A>
                    <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                        {if created { "Create virtual router" } else { "Save changes" }}
                    </button>
                </div>
            </form>
        </section>
    }
}
