//! Every URL of the console, in one place: views link with these, never with string literals.

use crate::components::query::encode;

pub const MESHES: &str = "/meshes";
pub const SETTINGS: &str = "/settings";

/// The path the console is served under (`trunk build --public-url /console/` makes it
/// `/console`; at the root it is empty), read from the page's `<base href>`.
pub fn base() -> String {
    thread_local! {
        static BASE: String = crate::web::base_path();
    }
    BASE.with(Clone::clone)
}

/// Goes to `path` in place of the current entry of the history: a view that only sends
/// elsewhere (`/` to the meshes, a mesh to its virtual services).
pub fn redirect(path: &str) {
    leptos_router::hooks::use_navigate()(path, leptos_router::NavigateOptions { replace: true, ..Default::default() });
}

/// A browser path with the base taken off: the console's own path, as routes name it.
pub fn app_path(path: &str) -> String {
    let base = base();
    path.strip_prefix(base.as_str()).filter(|rest| rest.is_empty() || rest.starts_with('/')).unwrap_or(path).to_owned()
}

/// The parts of a mesh's section URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    VirtualServices,
    VirtualRouters,
    VirtualNodes,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::VirtualServices, Section::VirtualRouters, Section::VirtualNodes];

    pub fn slug(self) -> &'static str {
        match self {
            Section::VirtualServices => "virtual-services",
            Section::VirtualRouters => "virtual-routers",
            Section::VirtualNodes => "virtual-nodes",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::VirtualServices => "Virtual services",
            Section::VirtualRouters => "Virtual routers",
            Section::VirtualNodes => "Virtual nodes",
        }
    }

    /// One of the section's resources, in a sentence: "virtual service".
    pub fn noun(self) -> &'static str {
        match self {
            Section::VirtualServices => "virtual service",
            Section::VirtualRouters => "virtual router",
            Section::VirtualNodes => "virtual node",
        }
    }

    /// One of the section's resources, first in a sentence: "Virtual service".
    pub fn noun_title(self) -> &'static str {
        match self {
            Section::VirtualServices => "Virtual service",
            Section::VirtualRouters => "Virtual router",
            Section::VirtualNodes => "Virtual node",
        }
    }

    pub fn from_path(path: &str) -> Option<Section> {
        let mut parts = path.trim_start_matches('/').split('/');
        let (Some("meshes"), Some(_mesh), Some(section)) = (parts.next(), parts.next(), parts.next()) else {
            return None;
        };
        Self::ALL.into_iter().find(|candidate| candidate.slug() == section)
    }
}

pub fn section(mesh: &str, section: Section) -> String {
    format!("{MESHES}/{}/{}", encode(mesh), section.slug())
}

pub fn virtual_services(mesh: &str) -> String {
    section(mesh, Section::VirtualServices)
}

pub fn virtual_service(mesh: &str, name: &str) -> String {
    format!("{}/{}", virtual_services(mesh), encode(name))
}

pub fn create_virtual_service(mesh: &str) -> String {
    format!("{}/create", virtual_services(mesh))
}

/// A virtual router or node's details.
pub fn resource(mesh: &str, kind: Section, name: &str) -> String {
    format!("{}/{}", section(mesh, kind), encode(name))
}

pub fn edit_resource(mesh: &str, kind: Section, name: &str) -> String {
    format!("{}/edit", resource(mesh, kind, name))
}

/// The create form of a section's resource.
pub fn create_in(mesh: &str, kind: Section) -> String {
    format!("{}/create", section(mesh, kind))
}

pub fn create_mesh() -> String {
    format!("{MESHES}/create")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_encode_names() {
        assert_eq!(virtual_service("m 1", "svc.local"), "/meshes/m%201/virtual-services/svc.local");
        assert_eq!(create_virtual_service("m1"), "/meshes/m1/virtual-services/create");
        assert_eq!(section("m1", Section::VirtualNodes), "/meshes/m1/virtual-nodes");
    }

    #[test]
    fn the_section_of_a_path() {
        assert_eq!(Section::from_path("/meshes/m1/virtual-routers"), Some(Section::VirtualRouters));
        assert_eq!(Section::from_path("/meshes/m1/virtual-services/svc/edit"), Some(Section::VirtualServices));
        assert_eq!(Section::from_path("/meshes"), None);
    }
}
