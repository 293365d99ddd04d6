//! The frame around every view: the product bar (mesh picker, storage indicator), notices,
//! and the page.

use crate::api::use_backend;
use crate::components::link::A;
use crate::components::notice::NoticeArea;
use crate::routing::{self, Section};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let storage = use_backend().storage().label();
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            crate::web::focus_heading_when_shown(60);
        }
        path
    });
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="top-bar">
            <A href=routing::MESHES attr:class="brand">"Mesh Console"</A>
            <MeshPicker />
            <A href=routing::SETTINGS attr:class="storage-indicator" attr:title="Where your data is kept: change it in Settings">{storage}</A>
        </header>
        <main id="main" class="content" tabindex="-1">
            <NoticeArea />
            {children()}
        </main>
    }
}

/// Switches mesh and keeps the section (virtual services, routers or nodes).
#[component]
fn MeshPicker() -> impl IntoView {
    let known = crate::meshes::known::use_known_meshes().0;
    let app_path = routing::use_app_path();
    let current = Memo::new(move |_| routing::mesh_of_path(&app_path.get()));
    let choose = move |select: web_sys::HtmlSelectElement| {
        let (mesh, path) = (select.value(), app_path.get_untracked());
        // A form's values would be lost with the page: the user says whether to leave it.
        let in_form = path.ends_with("/create") || path.ends_with("/edit");
        if in_form && !crate::web::confirm_action("Leave this form? What you entered here has not been saved.") {
            return select.set_value(&current.get_untracked().unwrap_or_default());
        }
        let section = Section::from_path(&path).unwrap_or(Section::VIRTUAL_SERVICES);
        let target = if mesh.is_empty() { routing::MESHES.to_string() } else { routing::section(&mesh, section) };
        use_navigate()(&target, Default::default());
    };
    view! {
        <div class="mesh-picker">
            <label for="mesh-picker">"Mesh"</label>
            <select id="mesh-picker" on:change:target=move |event| choose(event.target())>
                <option value="" selected=move || current.get().is_none()>"Choose a mesh"</option>
                {move || known.get().and_then(Result::ok).map(|(meshes, _)| meshes).unwrap_or_default().into_iter().map(|mesh| {
                    let name = mesh.mesh_name.to_string();
                    let selected = { let name = name.clone(); move || current.get().as_deref() == Some(name.as_str()) };
                    view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
