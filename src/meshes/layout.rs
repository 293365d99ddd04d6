//! Inside a mesh: which mesh the URL names (its owner too, for a mesh shared with you), the
//! left navigation, and the section the URL names.

use crate::api::ResourceSummary;
use crate::components::async_view::async_view;
use crate::components::link::A;
use crate::components::not_found_panel::NotFoundPanel;
use crate::meshes::known::{Known, use_known_meshes};
use crate::routing::{self, Section};
use leptos::prelude::*;
use mesh_engine::MeshAddress;
use mesh_engine::names::{AccountId, ResourceName};

/// The mesh name the URL names (`/meshes/{mesh}/…`).
pub fn use_mesh() -> Memo<String> {
    let path = routing::use_app_path();
    Memo::new(move |_| routing::mesh_of_path(&path.get()).unwrap_or_default())
}

/// The mesh of the current view, owner included: every call inside it names both.
pub fn use_mesh_address() -> MeshAddress {
    expect_context::<MeshAddress>()
}

/// The mesh a name in the URL means: the caller's own mesh of that name, else one shared
/// with it.
pub fn resolve(name: &str, meshes: &[ResourceSummary], me: &AccountId) -> Option<MeshAddress> {
    let named: Vec<&ResourceSummary> = meshes.iter().filter(|mesh| mesh.mesh_name.as_str() == name).collect();
    let chosen = named.iter().find(|mesh| &mesh.mesh_owner == me).or_else(|| named.first())?;
    let name = ResourceName::parse(name).ok()?;
    Some(MeshAddress::new(name, (&chosen.mesh_owner != me).then(|| chosen.mesh_owner.clone())))
}

/// The mesh the URL names around `children`, the page inside it.
#[component]
pub fn MeshLayout(children: ChildrenFn) -> impl IntoView {
    let mesh = use_mesh();
    let path = routing::use_app_path();
    let known = use_known_meshes().0;
    // The layout, and the page inside it, are built again only when the mesh resolves
    // differently, not each time the meshes are fetched again (a change in another tab):
    // a form inside keeps what the user is typing.
    let resolved = Memo::new(move |_| known.get().map(|answer| answer.map(|(meshes, me): Known| resolve(&mesh.get(), &meshes, &me))));
    async_view(
        move || resolved.get(),
        move || known.refetch(),
        move |found: Option<MeshAddress>| {
            match found {
            Some(address) => {
                provide_context(address.clone());
                let drawer = RwSignal::new(false);
                let owner = address.owner.clone();
                view! {
                    <div class="mesh-layout">
                        // On a narrow screen the sections fold away behind a button, so the page comes first.
                        <nav class="side-nav" class:open=move || drawer.get() aria-label="Mesh sections">
                            <div class="side-nav-head">
                                <h2>{move || mesh.get()}</h2>
                                <button type="button" class="button nav-toggle" aria-controls="mesh-sections" aria-expanded=move || drawer.get().to_string()
                                    on:click=move |_| drawer.update(|open| *open = !*open)>"Sections"</button>
                            </div>
                            {owner.map(|owner| view! { <p class="hint"><span class="badge">"Shared with you"</span>" by "{owner.to_string()}</p> })}
                            <ul id="mesh-sections" on:click=move |_| drawer.set(false)>
                                <li><A href=move || routing::mesh(&mesh.get()) attr:aria-current=move || {
                                    (path.get().trim_end_matches('/') == routing::mesh(&mesh.get())).then_some("page")
                                }>"Mesh details"</A></li>
                                {Section::ALL.into_iter().map(|section| {
                                    let current = move || (Section::from_path(&path.get()) == Some(section)).then_some("page");
                                    view! { <li><A href=move || routing::section(&mesh.get(), section) attr:aria-current=current>{section.title()}</A></li> }
                                }).collect_view()}
                                {[("Topology", routing::topology as fn(&str, &str) -> String), ("Checks", |mesh: &str, _: &str| routing::checks(mesh))].map(|(title, href)| {
                                    let current = move || (path.get() == href(&mesh.get(), "")).then_some("page");
                                    view! { <li><A href=move || href(&mesh.get(), "") attr:aria-current=current>{title}</A></li> }
                                }).collect_view()}
                            </ul>
                        </nav>
                        <div>{children()}</div>
                    </div>
                }.into_any()
            }
            None => view! {
                <NotFoundPanel title="Mesh not found"
                    message=Signal::derive(move || format!("There is no mesh named {} that you own or that is shared with you.", mesh.get()))
                    back_href=routing::MESHES.to_string() back_text="Go to your meshes" />
            }.into_any(),
    }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesh_engine::resource::Timestamp;

    fn mesh(name: &str, owner: &str) -> ResourceSummary {
        ResourceSummary {
            name: ResourceName::parse(name).unwrap(),
            arn: String::new(),
            created_at: Timestamp::from_millis(0),
            last_updated_at: Timestamp::from_millis(0),
            mesh_name: ResourceName::parse(name).unwrap(),
            mesh_owner: AccountId::parse(owner).unwrap(),
            resource_owner: AccountId::parse(owner).unwrap(),
            version: 1,
        }
    }

    #[test]
    fn own_meshes_come_first_then_shared_ones() {
        let me = AccountId::parse("111111111111").unwrap();
        let meshes = [mesh("a", "222222222222"), mesh("a", "111111111111"), mesh("b", "222222222222")];
        assert_eq!(resolve("a", &meshes, &me).unwrap().owner, None);
        assert_eq!(resolve("b", &meshes, &me).unwrap().owner.unwrap().as_str(), "222222222222");
        assert_eq!(resolve("c", &meshes, &me), None);
    }
}
