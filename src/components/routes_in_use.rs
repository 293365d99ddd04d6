//! Why App Mesh refuses to delete a virtual router that has routes, or a virtual gateway that
//! has gateway routes: a warning that links each of them, for a details page's delete.

use crate::components::link::A;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::RouteKind;

/// The warning for the routes (of `kind`) that `parent` has, while it has any.
pub fn routes_in_use(mesh: String, kind: RouteKind, parent: String, names: Signal<Vec<String>>) -> ViewFn {
    ViewFn::from(move || {
        let (mesh, parent) = (mesh.clone(), parent.clone());
        move || {
            let names = names.get();
            (!names.is_empty()).then(|| {
                let (parent_noun, noun) = (kind.parent().noun(), kind.noun());
                view! {
                    <div class="alert alert-warning">
                        <p>{format!("This {parent_noun} has {noun}s. App Mesh will refuse to delete it until they are deleted:")}</p>
                        <ul class="plain-list">
                            {names.into_iter().map(|name| view! {
                                <li><A href=routing::route(&mesh, kind, &parent, &name)>{name.clone()}</A></li>
                            }).collect_view()}
                        </ul>
                    </div>
                }
            })
        }
    })
}
