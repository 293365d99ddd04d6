//! The `returnTo` of a create form opened from another page (the wizard's provider step).

use crate::components::submission::Done;
use crate::routing;
use crate::virtual_services::wizard::state::return_after_create;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use mesh_engine::resource::ProviderKind;

/// The page that opened this form, if any.
pub fn use_return_to() -> Memo<Option<String>> {
    let query = use_location().query;
    Memo::new(move |_| query.read().get("returnTo"))
}

/// Where saving a virtual node or router leads: back to the page that opened the form (the
/// wizard, with the new one chosen), else to its details.
pub fn after_save(kind: ProviderKind, mesh: &str, name: &str, created: bool, return_to: Option<String>) -> Done {
    let back = return_to.filter(|_| created).and_then(|to| return_after_create(&to, kind, name));
    Done {
        notice: format!("{} {name} {}.", kind.title(), if created { "created" } else { "updated" }),
        go_to: back.unwrap_or_else(|| routing::resource(mesh, kind, name)),
    }
}
