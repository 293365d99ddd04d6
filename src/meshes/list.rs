use crate::api::use_backend;
use crate::components::async_view::AsyncView;
use leptos::prelude::*;
use mesh_engine::resource::MeshRef;

/// `/meshes`: every mesh the caller sees, with its owner.
#[component]
pub fn MeshList() -> impl IntoView {
    let backend = use_backend();
    let meshes = LocalResource::new(move || backend.list_meshes());
    view! {
        <section class="page">
            <h1>"Meshes"</h1>
            <AsyncView resource=meshes loaded={|meshes: Vec<MeshRef>| view! {
                <table class="table">
                    <caption>"Meshes you own and meshes shared with you"</caption>
                    <thead><tr><th scope="col">"Mesh name"</th><th scope="col">"Mesh owner"</th></tr></thead>
                    <tbody>
                        {meshes.into_iter().map(|mesh| view! {
                            <tr><td>{mesh.mesh_name.to_string()}</td><td>{mesh.mesh_owner.to_string()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }} />
        </section>
    }
}
