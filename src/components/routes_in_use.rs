//! Why App Mesh refuses to delete a virtual router that has routes, or a virtual gateway that
//! has gateway routes: the reason a details page's delete gives, linking each of them.

use crate::components::confirm_delete::InUse;
use crate::routing;
use leptos::prelude::*;
use mesh_engine::resource::RouteKind;

/// The reason for the routes (of `kind`) that `parent` has, while it has any.
pub fn routes_in_use(mesh: String, kind: RouteKind, parent: String, names: Signal<Vec<String>>) -> Signal<Option<InUse>> {
    Signal::derive(move || {
        let names = names.get();
        (!names.is_empty()).then(|| InUse {
            reason: format!(
                "This {} has {}s. App Mesh will refuse to delete it until they are deleted:",
                kind.parent().noun(),
                kind.noun()
            ),
            holders: names.into_iter().map(|name| (name.clone(), routing::route(&mesh, kind, &parent, &name))).collect(),
        })
    })
}
