//! `/meshes/{mesh}`: the mesh itself — its egress filter and IP preference, what it holds, its
//! metadata and tags; Edit, and a Delete that App Mesh refuses while the mesh holds anything
//! (the dialog says what, with links).

use super::known::use_known_meshes;
use super::layout::use_mesh_address;
use super::spec_form::{EGRESS_CHOICES, IP_PREFERENCE_CHOICES, egress_of, ip_preference_of, label_of};
use crate::api::{Backend, BackendError, Call, Loaded, ResourceRecord, load, use_backend};
use crate::components::async_view::async_view_of;
use crate::components::confirm_delete::InUse;
use crate::components::described::load_described;
use crate::components::link::A;
use crate::components::not_found_panel::NotFoundPanel;
use crate::components::resource_page::{DeleteCall, Place, ResourcePage};
use crate::routing::{self, Section};
use leptos::prelude::*;
use mesh_engine::MeshAddress;
use mesh_engine::resource::TagRef;
use std::sync::Arc;

/// The names of the resources a mesh holds, section by section.
type Contents = Vec<(Section, Vec<String>)>;

/// The mesh the URL names, with its tags; fetched again on a change made elsewhere when `follow`.
pub fn load_mesh(follow: bool) -> crate::api::LoadedWithTags<ResourceRecord> {
    let address = use_mesh_address();
    load_described(follow, move |backend| Some(backend.describe_mesh(address.clone())))
}

/// The mesh the URL names, shown by `page`; a not-found page when it is gone.
#[component]
pub fn WithMesh(follow: bool, page: fn(ResourceRecord, Vec<TagRef>) -> AnyView) -> impl IntoView {
    let address = use_mesh_address();
    async_view_of(load_mesh(follow), move |found: Option<(ResourceRecord, Vec<TagRef>)>| {
        match found {
        Some((data, tags)) => page(data, tags),
        None => view! {
            <NotFoundPanel title="Mesh not found" message=format!("There is no mesh named {}: it may have been deleted elsewhere.", address.name)
                back_href=routing::MESHES.to_string() back_text="Go to your meshes" />
        }
        .into_any(),
    }
    })
}

#[component]
pub fn MeshDetail() -> impl IntoView {
    view! { <WithMesh follow=true page=|data, tags| view! { <Details data=data tags=tags /> }.into_any() /> }
}

fn load_contents(backend: Arc<dyn Backend>, mesh: MeshAddress) -> Loaded<Contents> {
    load(move || {
        let calls: Vec<(Section, Call<Vec<crate::api::ResourceSummary>>)> =
            Section::ALL.into_iter().map(|section| (section, backend.list_resources(section.kind(), mesh.clone()))).collect();
        Box::pin(async move {
            let mut contents = Vec::new();
            for (section, call) in calls {
                contents.push((section, call.await?.into_iter().map(|item| item.name.to_string()).collect()));
            }
            Ok::<_, BackendError>(contents)
        })
    })
}

#[component]
fn Details(data: ResourceRecord, tags: Vec<TagRef>) -> impl IntoView {
    let (backend, address) = (use_backend(), use_mesh_address());
    let known = use_known_meshes().0;
    let mesh = data.mesh_name.to_string();
    let contents = load_contents(backend.clone(), address.clone());
    let delete: DeleteCall = {
        let name = data.mesh_name.clone();
        Arc::new(move || {
            let call = backend.delete_mesh(name.clone());
            Box::pin(async move {
                call.await?;
                known.refetch();
                Ok(())
            })
        })
    };
    let in_use = {
        let mesh = mesh.clone();
        Signal::derive(move || {
            let holders: Vec<(String, String)> = contents
                .get()
                .and_then(Result::ok)?
                .into_iter()
                .flat_map(|(section, names)| {
                    let mesh = mesh.clone();
                    names
                        .into_iter()
                        .map(move |name| (format!("{} {name}", section.noun_title()), routing::resource(&mesh, section, &name)))
                })
                .collect();
            (!holders.is_empty()).then(|| InUse {
                reason: "This mesh holds these resources. App Mesh will refuse to delete it until they are deleted:".into(),
                holders,
            })
        })
    };
    let holds = {
        let mesh = mesh.clone();
        move || {
            contents.get().and_then(Result::ok).map(|contents| {
                contents
                    .into_iter()
                    .map(|(section, names)| {
                        let text = format!(
                            "{} {}",
                            names.len(),
                            if names.len() == 1 { section.noun().to_string() } else { section.title().to_ascii_lowercase() }
                        );
                        view! { <li><A href=routing::section(&mesh, section)>{text}</A></li> }
                    })
                    .collect_view()
            })
        }
    };
    let egress = label_of(&EGRESS_CHOICES, egress_of(&data.spec)).to_string();
    let ip_preference = label_of(&IP_PREFERENCE_CHOICES, ip_preference_of(&data.spec)).to_string();
    view! {
        <ResourcePage place=Place::Mesh record=data.clone() tags=tags delete=delete in_use=Some(in_use)>
            <div><dt>"Mesh name"</dt><dd>{mesh.clone()}</dd></div>
            <div><dt>"Egress filter"</dt><dd>{egress}</dd></div>
            <div><dt>"IP preference"</dt><dd>{ip_preference}</dd></div>
            <div><dt>"Holds"</dt><dd><ul class="plain-list">{holds}</ul></dd></div>
        </ResourcePage>
    }
}
