//! Every URL of the console, in one place: views link with these, never with string literals.

use leptos::prelude::*;
use mesh_engine::percent::{Part, decode, encode};
use mesh_engine::resource::{MeshResourceKind, ProviderKind, RouteKind};

pub const MESHES: &str = "/meshes";
pub const SETTINGS: &str = "/settings";
pub const IMPORT: &str = "/import";

/// A configuration check's explanation: `/checks/AM0101`.
pub fn check(code: &str) -> String {
    format!("/checks/{}", encode(code))
}

/// A mesh's topology, with the virtual service in focus if any.
pub fn topology(mesh: &str, focus: &str) -> String {
    let focus = if focus.is_empty() { String::new() } else { format!("?focus={}", encode(focus)) };
    format!("{}/topology{focus}", self::mesh(mesh))
}

/// A mesh's configuration checks.
pub fn checks(mesh: &str) -> String {
    format!("{}/checks", self::mesh(mesh))
}

/// The details page of any resource a check or the topology names, by its kind as the
/// console's API spells it, as in ARNs (`virtualNode`, `route` with its router, …).
pub fn resource_of_kind(mesh: &str, kind: &str, parent: Option<&str>, name: &str) -> Option<String> {
    let section = Section::ALL.into_iter().find(|section| section.kind().arn_segment() == kind);
    match (kind, section, parent) {
        ("mesh", _, _) => Some(self::mesh(mesh)),
        (_, Some(section), _) => Some(resource(mesh, section, name)),
        ("route", _, Some(parent)) => Some(route(mesh, RouteKind::Route, parent, name)),
        ("gatewayRoute", _, Some(parent)) => Some(route(mesh, RouteKind::GatewayRoute, parent, name)),
        _ => None,
    }
}

/// The path the console is served under (`trunk build --public-url /console/` makes it
/// `/console`; at the root it is empty), read from the page's `<base href>`.
pub fn base() -> String {
    #[cfg(not(feature = "ssr"))]
    thread_local! {
        static BASE: String = crate::web::base_path();
    }
    #[cfg(not(feature = "ssr"))]
    return BASE.with(Clone::clone);
    // The companion server, which draws first pages, serves the console at its root.
    #[cfg(feature = "ssr")]
    String::new()
}

/// Goes to `path` in place of the current entry of the history: a view that only sends
/// elsewhere (`/` to the meshes, a mesh to its virtual services).
pub fn redirect(path: &str) {
    leptos_router::hooks::use_navigate()(path, leptos_router::NavigateOptions { replace: true, ..Default::default() });
}

/// A browser path with the base taken off: the console's own path, as routes name it.
pub fn app_path(path: &str) -> String {
    without_base(path, &base()).to_owned()
}

fn without_base<'p>(path: &'p str, base: &str) -> &'p str {
    path.strip_prefix(base).filter(|rest| rest.is_empty() || rest.starts_with('/')).unwrap_or(path)
}

/// The current page, to come back to.
pub fn current_url() -> String {
    app_path(&crate::web::current_path_and_query())
}

/// The mesh an app path is in (`/meshes/{mesh}/…`), decoded; `None` outside a mesh or when
/// its name is not percent-encoded correctly.
pub fn mesh_of_path(path: &str) -> Option<String> {
    let mesh = path.strip_prefix("/meshes/")?.split('/').next()?;
    if mesh.is_empty() || mesh == "create" {
        return None;
    }
    decode(mesh, Part::Path).ok()
}

/// The parts of a mesh's section URLs: one per kind of resource in a mesh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section(MeshResourceKind);

impl Section {
    pub const VIRTUAL_SERVICES: Section = Section(MeshResourceKind::VirtualService);
    pub const VIRTUAL_GATEWAYS: Section = Section(MeshResourceKind::VirtualGateway);
    /// In the order of the navigation.
    pub const ALL: [Section; 4] = [
        Self::VIRTUAL_SERVICES,
        Section(MeshResourceKind::VIRTUAL_ROUTER),
        Section(MeshResourceKind::VIRTUAL_NODE),
        Self::VIRTUAL_GATEWAYS,
    ];

    pub fn kind(self) -> MeshResourceKind {
        self.0
    }

    /// `virtual-nodes`: the noun, plural, in a URL.
    pub fn slug(self) -> String {
        format!("{}s", self.noun().replace(' ', "-"))
    }

    /// "Virtual nodes".
    pub fn title(self) -> String {
        format!("{}s", self.noun_title())
    }

    /// One of the section's resources, in a sentence: "virtual service".
    pub fn noun(self) -> &'static str {
        self.0.noun()
    }

    /// One of the section's resources, first in a sentence: "Virtual service".
    pub fn noun_title(self) -> &'static str {
        self.0.title()
    }

    pub fn from_path(path: &str) -> Option<Section> {
        let mut parts = path.trim_start_matches('/').split('/');
        let (Some("meshes"), Some(_mesh), Some(section)) = (parts.next(), parts.next(), parts.next()) else {
            return None;
        };
        Self::ALL.into_iter().find(|candidate| candidate.slug() == section)
    }
}

impl From<ProviderKind> for Section {
    fn from(kind: ProviderKind) -> Self {
        Section(kind.into())
    }
}

impl From<MeshResourceKind> for Section {
    fn from(kind: MeshResourceKind) -> Self {
        Section(kind)
    }
}

pub fn section(mesh: &str, section: impl Into<Section>) -> String {
    format!("{}/{}", self::mesh(mesh), section.into().slug())
}

/// A mesh's details.
pub fn mesh(mesh: &str) -> String {
    format!("{MESHES}/{}", encode(mesh))
}

pub fn edit_mesh(mesh: &str) -> String {
    format!("{}/edit", self::mesh(mesh))
}

pub fn virtual_services(mesh: &str) -> String {
    section(mesh, Section::VIRTUAL_SERVICES)
}

pub fn virtual_service(mesh: &str, name: &str) -> String {
    format!("{}/{}", virtual_services(mesh), encode(name))
}

pub fn create_virtual_service(mesh: &str) -> String {
    format!("{}/create", virtual_services(mesh))
}

/// A virtual router or node's details.
pub fn resource(mesh: &str, kind: impl Into<Section>, name: &str) -> String {
    format!("{}/{}", section(mesh, kind), encode(name))
}

pub fn edit_resource(mesh: &str, kind: impl Into<Section>, name: &str) -> String {
    format!("{}/edit", resource(mesh, kind, name))
}

/// The create form of a section's resource.
pub fn create_in(mesh: &str, kind: impl Into<Section>) -> String {
    format!("{}/create", section(mesh, kind))
}

/// `routes`, `gateway-routes`: a kind of route, plural, in a URL.
fn route_slug(kind: RouteKind) -> String {
    format!("{}s", kind.noun().replace(' ', "-"))
}

/// The routes of a router (or gateway routes of a gateway), under its details:
/// `/meshes/m/virtual-routers/r/routes`.
fn routes_of(mesh: &str, kind: RouteKind, parent: &str) -> String {
    format!("{}/{}", resource(mesh, kind.parent(), parent), route_slug(kind))
}

pub fn route(mesh: &str, kind: RouteKind, parent: &str, name: &str) -> String {
    format!("{}/{}", routes_of(mesh, kind, parent), encode(name))
}

pub fn edit_route(mesh: &str, kind: RouteKind, parent: &str, name: &str) -> String {
    format!("{}/edit", route(mesh, kind, parent, name))
}

pub fn create_route(mesh: &str, kind: RouteKind, parent: &str) -> String {
    format!("{}/create", routes_of(mesh, kind, parent))
}

pub fn create_mesh() -> String {
    format!("{MESHES}/create")
}

/// What an app path shows. The console parses its paths itself rather than declaring them
/// to leptos_router's `Routes`: the router's matching code costs the bundle about 1.5 KB per
/// route it knows, and the console knows some thirty pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsolePage {
    /// `/`: sends on to the meshes.
    Root,
    Settings,
    Meshes,
    CreateMesh,
    Import,
    /// `/checks/{code}`: the page reads its code from the path (see [`check_code_of_path`]).
    Check,
    /// `/meshes/{mesh}/…`: the mesh's layout, with the page [`PagePath`] parses inside it.
    InMesh,
}

impl ConsolePage {
    /// `None` for a path the console has no page for.
    pub fn parse(path: &str) -> Option<ConsolePage> {
        match path.trim_end_matches('/') {
            "" => Some(Self::Root),
            SETTINGS => Some(Self::Settings),
            MESHES => Some(Self::Meshes),
            "/meshes/create" => Some(Self::CreateMesh),
            IMPORT => Some(Self::Import),
            _ if check_code_of_path(path).is_some() => Some(Self::Check),
            _ if mesh_of_path(path).is_some() => Some(Self::InMesh),
            _ => None,
        }
    }
}

/// The code of a check's explanation path (`/checks/AM0101`), decoded.
pub fn check_code_of_path(path: &str) -> Option<String> {
    let code = path.strip_prefix("/checks/")?.trim_end_matches('/');
    if code.is_empty() || code.contains('/') {
        return None;
    }
    decode(code, Part::Path).ok()
}

/// The current app path, as it changes.
pub fn use_app_path() -> Memo<String> {
    let location = leptos_router::hooks::use_location();
    Memo::new(move |_| app_path(&location.pathname.get()))
}

/// What a path inside a mesh shows: the part after `/meshes/{mesh}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeshPage {
    /// `/meshes/{mesh}`: the mesh's details.
    Home,
    /// `/meshes/{mesh}/edit`.
    EditMesh,
    /// `/meshes/{mesh}/topology`.
    Topology,
    /// `/meshes/{mesh}/checks`.
    Checks,
    List(Section),
    Create(Section),
    Item(Section),
    EditItem(Section),
    CreateRoute(RouteKind),
    Route(RouteKind),
    EditRoute(RouteKind),
}

/// A mesh page and the names its path holds: the resource's (or the route's router or
/// gateway), and the route's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePath {
    pub page: MeshPage,
    pub name: String,
    pub route: String,
}

/// The names in the current page's path: the resource (or a route's router or gateway),
/// and the route.
pub fn use_path_names() -> (Memo<String>, Memo<String>) {
    let path = use_app_path();
    let part = move |part: fn(PagePath) -> String| Memo::new(move |_| PagePath::parse(&path.get()).map(part).unwrap_or_default());
    (part(|path| path.name), part(|path| path.route))
}

impl PagePath {
    /// An app path (`/meshes/m/virtual-routers/r/routes/a/edit`), its names decoded; `None`
    /// for a path the console has no page for.
    pub fn parse(path: &str) -> Option<PagePath> {
        let rest = path.strip_prefix("/meshes/")?;
        let mut parts = rest.trim_end_matches('/').split('/').skip(1);
        let decoded = |part: &str| decode(part, Part::Path).ok();
        let mesh_page = |page| Some(PagePath { page, name: String::new(), route: String::new() });
        let slug = match parts.next() {
            None => return mesh_page(MeshPage::Home),
            Some("edit") if parts.clone().next().is_none() => return mesh_page(MeshPage::EditMesh),
            Some("topology") if parts.clone().next().is_none() => return mesh_page(MeshPage::Topology),
            Some("checks") if parts.clone().next().is_none() => return mesh_page(MeshPage::Checks),
            Some(slug) => slug,
        };
        let section = Section::ALL.into_iter().find(|section| section.slug() == slug)?;
        let rest: Vec<&str> = parts.collect();
        let route_kind = |slug: &str| {
            [RouteKind::Route, RouteKind::GatewayRoute]
                .into_iter()
                .find(|kind| Section::from(kind.parent()) == section && route_slug(*kind) == slug)
        };
        let (page, name, route) = match rest.as_slice() {
            [] => (MeshPage::List(section), "", ""),
            ["create"] => (MeshPage::Create(section), "", ""),
            [name] => (MeshPage::Item(section), *name, ""),
            [name, "edit"] => (MeshPage::EditItem(section), *name, ""),
            [parent, kind, "create"] => (MeshPage::CreateRoute(route_kind(kind)?), *parent, ""),
            [parent, kind, route] => (MeshPage::Route(route_kind(kind)?), *parent, *route),
            [parent, kind, route, "edit"] => (MeshPage::EditRoute(route_kind(kind)?), *parent, *route),
            _ => return None,
        };
        Some(PagePath { page, name: decoded(name)?, route: decoded(route)? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_encode_names() {
        assert_eq!(virtual_service("m 1", "svc.local"), "/meshes/m%201/virtual-services/svc.local");
        assert_eq!(create_virtual_service("m1"), "/meshes/m1/virtual-services/create");
        assert_eq!(section("m1", ProviderKind::VirtualNode), "/meshes/m1/virtual-nodes");
        assert_eq!(create_in("m1", ProviderKind::VirtualRouter), "/meshes/m1/virtual-routers/create");
        assert_eq!(route("m1", RouteKind::Route, "r 1", "a"), "/meshes/m1/virtual-routers/r%201/routes/a");
        assert_eq!(edit_route("m1", RouteKind::GatewayRoute, "g", "b"), "/meshes/m1/virtual-gateways/g/gateway-routes/b/edit");
        assert_eq!(create_route("m1", RouteKind::Route, "r"), "/meshes/m1/virtual-routers/r/routes/create");
    }

    #[test]
    fn a_resource_is_found_by_its_kind_as_the_api_spells_it() {
        assert_eq!(resource_of_kind("m", "virtualNode", None, "n 1").as_deref(), Some("/meshes/m/virtual-nodes/n%201"));
        assert_eq!(resource_of_kind("m", "virtualService", None, "a.local").as_deref(), Some("/meshes/m/virtual-services/a.local"));
        assert_eq!(resource_of_kind("m", "route", Some("r"), "x").as_deref(), Some("/meshes/m/virtual-routers/r/routes/x"));
        assert_eq!(resource_of_kind("m", "gatewayRoute", Some("g"), "x").as_deref(), Some("/meshes/m/virtual-gateways/g/gateway-routes/x"));
        assert_eq!(resource_of_kind("m", "mesh", None, "m").as_deref(), Some("/meshes/m"));
        assert_eq!(resource_of_kind("m", "route", None, "x"), None, "a route needs its router");
        assert_eq!(resource_of_kind("m", "nothing", None, "x"), None);
        assert_eq!(topology("m", "a.local"), "/meshes/m/topology?focus=a.local");
        assert_eq!(check("AM0101"), "/checks/AM0101");
    }

    #[test]
    fn sections_are_named_from_their_kind() {
        let titles: Vec<String> = Section::ALL.into_iter().map(Section::title).collect();
        assert_eq!(titles, ["Virtual services", "Virtual routers", "Virtual nodes", "Virtual gateways"]);
        assert_eq!(Section::from(ProviderKind::VirtualNode).noun_title(), "Virtual node");
    }

    #[test]
    fn the_section_of_a_path() {
        assert_eq!(Section::from_path("/meshes/m1/virtual-routers"), Some(ProviderKind::VirtualRouter.into()));
        assert_eq!(Section::from_path("/meshes/m1/virtual-services/svc/edit"), Some(Section::VIRTUAL_SERVICES));
        assert_eq!(Section::from_path("/meshes"), None);
    }

    #[test]
    fn the_mesh_of_a_path() {
        assert_eq!(mesh_of_path("/meshes/m%201/virtual-nodes").as_deref(), Some("m 1"));
        assert_eq!(mesh_of_path("/meshes/create"), None);
        assert_eq!(mesh_of_path("/meshes/%E9/virtual-nodes"), None, "not UTF-8");
        assert_eq!(mesh_of_path("/meshes/%"), None);
        assert_eq!(mesh_of_path("/settings"), None);
    }

    #[test]
    fn every_path_names_its_page_or_none() {
        assert_eq!(ConsolePage::parse(""), Some(ConsolePage::Root));
        assert_eq!(ConsolePage::parse("/"), Some(ConsolePage::Root));
        assert_eq!(ConsolePage::parse("/settings"), Some(ConsolePage::Settings));
        assert_eq!(ConsolePage::parse("/meshes/"), Some(ConsolePage::Meshes));
        assert_eq!(ConsolePage::parse("/meshes/create"), Some(ConsolePage::CreateMesh));
        assert_eq!(ConsolePage::parse("/import"), Some(ConsolePage::Import));
        assert_eq!(ConsolePage::parse("/checks/AM0101"), Some(ConsolePage::Check));
        assert_eq!(ConsolePage::parse("/meshes/m1"), Some(ConsolePage::InMesh));
        assert_eq!(ConsolePage::parse("/meshes/m1/virtual-nodes/n/edit"), Some(ConsolePage::InMesh), "the mesh's pages parse the rest");
        for unknown in ["/checks", "/checks/", "/checks/a/b", "/checks/%", "/meshes/%", "/settings/x", "/nothing"] {
            assert_eq!(ConsolePage::parse(unknown), None, "{unknown}");
        }
        assert_eq!(check_code_of_path("/checks/AM%200101").as_deref(), Some("AM 0101"));
    }

    #[test]
    fn a_mesh_path_names_its_page() {
        let parsed = |path: &str| PagePath::parse(path).map(|parsed| (parsed.page, parsed.name, parsed.route));
        let name = |text: &str| text.to_string();
        assert_eq!(parsed("/meshes/m"), Some((MeshPage::Home, name(""), name(""))));
        assert_eq!(parsed("/meshes/m/edit"), Some((MeshPage::EditMesh, name(""), name(""))));
        assert_eq!(parsed("/meshes/m/edit/x"), None);
        assert_eq!(parsed("/meshes/m/topology"), Some((MeshPage::Topology, name(""), name(""))));
        assert_eq!(parsed("/meshes/m/checks/"), Some((MeshPage::Checks, name(""), name(""))));
        assert_eq!(parsed("/meshes/m/virtual-nodes/"), Some((MeshPage::List(ProviderKind::VirtualNode.into()), name(""), name(""))));
        assert_eq!(parsed("/meshes/m/virtual-services/create"), Some((MeshPage::Create(Section::VIRTUAL_SERVICES), name(""), name(""))));
        assert_eq!(parsed("/meshes/m/virtual-services/a%20b"), Some((MeshPage::Item(Section::VIRTUAL_SERVICES), name("a b"), name(""))));
        assert_eq!(parsed("/meshes/m/virtual-gateways/g/edit"), Some((MeshPage::EditItem(Section::VIRTUAL_GATEWAYS), name("g"), name(""))));
        assert_eq!(
            parsed("/meshes/m/virtual-routers/r/routes/create"),
            Some((MeshPage::CreateRoute(RouteKind::Route), name("r"), name("")))
        );
        assert_eq!(
            parsed("/meshes/m/virtual-gateways/g/gateway-routes/x/edit"),
            Some((MeshPage::EditRoute(RouteKind::GatewayRoute), name("g"), name("x")))
        );
        assert_eq!(
            parsed(&route("m", RouteKind::Route, "r", "to v2")),
            Some((MeshPage::Route(RouteKind::Route), name("r"), name("to v2")))
        );
        assert_eq!(parsed("/meshes/m/virtual-nodes/n/routes/a"), None, "a node has no routes");
        assert_eq!(parsed("/meshes/m/virtual-routers/r/gateway-routes/a"), None, "a router has no gateway routes");
        assert_eq!(parsed("/meshes/m/nothing"), None);
        assert_eq!(parsed("/meshes/m/virtual-nodes/%E9"), None, "not UTF-8");
        assert_eq!(parsed("/meshes/m/create"), None, "not a section");
    }

    #[test]
    fn the_base_comes_off_whole_segments_only() {
        assert_eq!(without_base("/console/meshes", "/console"), "/meshes");
        assert_eq!(without_base("/console", "/console"), "");
        assert_eq!(without_base("/consoles/meshes", "/console"), "/consoles/meshes");
        assert_eq!(without_base("/meshes", ""), "/meshes");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_path_is_read_without_panicking(path in ".*", base in "(/[a-zé%]{0,6}){0,2}") {
            let _ = Section::from_path(&path);
            let _ = mesh_of_path(&path);
            let _ = without_base(&path, &base);
        }

        #[test]
        fn a_mesh_name_survives_its_url(mesh in ".{1,40}", section in 0..Section::ALL.len()) {
            prop_assume!(mesh != "create");
            let path = self::section(&mesh, Section::ALL[section]);
            prop_assert_eq!(mesh_of_path(&path), Some(mesh));
            prop_assert_eq!(Section::from_path(&path), Some(Section::ALL[section]));
        }

        #[test]
        fn any_path_is_parsed_without_panicking(path in "(/[a-z%0-9-]{0,12}){0,7}") {
            let _ = PagePath::parse(&format!("/meshes{path}"));
        }

        #[test]
        fn every_page_url_parses_back_to_its_names(mesh in "[^/]{1,12}", name in "[^/]{1,12}", route in "[^/]{1,12}") {
            prop_assume!(name != "create" && name != "edit" && route != "create" && route != "edit");
            let kind = RouteKind::GatewayRoute;
            let parsed = PagePath::parse(&edit_route(&mesh, kind, &name, &route)).unwrap();
            prop_assert_eq!((parsed.page, parsed.name, parsed.route), (MeshPage::EditRoute(kind), name.clone(), route));
            let parsed = PagePath::parse(&edit_resource(&mesh, Section::VIRTUAL_SERVICES, &name)).unwrap();
            prop_assert_eq!((parsed.page, parsed.name), (MeshPage::EditItem(Section::VIRTUAL_SERVICES), name));
        }

        #[test]
        fn the_base_comes_off_what_it_was_put_on(base in "(/[a-z]{1,6}){0,2}", rest in "(/[^/]{0,8}){0,3}") {
            let path = format!("{base}{rest}");
            prop_assert_eq!(without_base(&path, &base), rest.as_str());
        }
    }
}
