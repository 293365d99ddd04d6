//! What resources name one another, and App Mesh's rules about it: what a spec names exists
//! (a virtual service's provider, a route's target nodes, a gateway route's target service),
//! and nothing is deleted while something names it (a provider, a node a route sends traffic
//! to, a service a gateway route sends traffic to, a router with routes, a gateway with
//! gateway routes). Reading a store document applies the same `absent_*` checks.

use super::mesh_resources::{GatewayRoute, InParent, MeshResource, Route};
use super::*;
use crate::spec::*;
use crate::store::StoreError;
use std::fmt::Display;

/// How many names a refusal lists before it says how many more there are.
const NAMED_IN_MESSAGES: usize = 10;

/// The provider a virtual service names when the mesh does not hold it.
pub(crate) fn absent_provider<'s>(
    store: &(impl Store + ?Sized),
    mesh: &MeshKey,
    spec: &'s VirtualServiceSpec,
) -> Result<Option<&'s VirtualServiceProvider>, StoreError> {
    let Some(provider) = &spec.provider else { return Ok(None) };
    let stored = store.get(&keys::mesh_resources(mesh, provider.kind().into()), provider.name().as_str())?;
    Ok(stored.is_none().then_some(provider))
}

/// The first virtual node a route sends traffic to that the mesh does not hold.
pub(crate) fn absent_target_node<'s>(
    store: &(impl Store + ?Sized),
    mesh: &MeshKey,
    spec: &'s RouteSpec,
) -> Result<Option<&'s ResourceName>, StoreError> {
    let collection = keys::mesh_resources(mesh, MeshResourceKind::VIRTUAL_NODE);
    for target in spec.weighted_targets().as_slice() {
        if store.get(&collection, target.virtual_node.as_str())?.is_none() {
            return Ok(Some(&target.virtual_node));
        }
    }
    Ok(None)
}

/// The virtual service a gateway route sends traffic to, when the mesh does not hold it.
pub(crate) fn absent_target_service<'s>(
    store: &(impl Store + ?Sized),
    mesh: &MeshKey,
    spec: &'s GatewayRouteSpec,
) -> Result<Option<&'s ServiceName>, StoreError> {
    let service = spec.target_service();
    let stored = store.get(&keys::mesh_resources(mesh, MeshResourceKind::VirtualService), service.as_str())?;
    Ok(stored.is_none().then_some(service))
}

/// As App Mesh words a missing resource of the mesh.
pub(crate) fn not_in_mesh(kind: MeshResourceKind, name: &dyn Display, mesh: &MeshKey) -> ApiError {
    ApiError::not_found(format!("{} with name {name} is not present under mesh {} for account {}", kind.type_name(), mesh.name, mesh.owner))
}

impl<S: Store + ?Sized> Engine<'_, S> {
    pub(crate) fn check_provider_exists(&self, mesh: &MeshKey, spec: &VirtualServiceSpec) -> Result<(), ApiError> {
        match absent_provider(&*self.store, mesh, spec).map_err(storage_failed)? {
            Some(provider) => Err(not_in_mesh(provider.kind().into(), provider.name(), mesh)),
            None => Ok(()),
        }
    }

    /// Every weighted target of a route is a virtual node of the mesh. App Mesh does not
    /// document this; a route to nothing would only ever answer errors, so it is refused.
    pub(crate) fn check_target_nodes_exist(&self, mesh: &MeshKey, spec: &RouteSpec) -> Result<(), ApiError> {
        match absent_target_node(&*self.store, mesh, spec).map_err(storage_failed)? {
            Some(node) => Err(not_in_mesh(MeshResourceKind::VIRTUAL_NODE, node, mesh)),
            None => Ok(()),
        }
    }

    pub(crate) fn check_target_service_exists(&self, mesh: &MeshKey, spec: &GatewayRouteSpec) -> Result<(), ApiError> {
        match absent_target_service(&*self.store, mesh, spec).map_err(storage_failed)? {
            Some(service) => Err(not_in_mesh(MeshResourceKind::VirtualService, service, mesh)),
            None => Ok(()),
        }
    }

    /// A virtual service no gateway route sends traffic to (App Mesh documents this rule).
    pub(crate) fn check_service_unused(&self, mesh: &MeshKey, name: &ServiceName) -> Result<(), ApiError> {
        let routes = self.routes_where::<GatewayRoute>(mesh, |spec| spec.target_service() == name)?;
        refuse_if_named(MeshResourceKind::VirtualService, name, "gateway routes send traffic to it", routes)
    }

    /// A virtual node that provides no virtual service and that no route sends traffic to.
    pub(crate) fn check_node_unused(&self, mesh: &MeshKey, name: &ResourceName) -> Result<(), ApiError> {
        self.check_not_a_provider(mesh, ProviderKind::VirtualNode, name)?;
        let routes = self.routes_where::<Route>(mesh, |spec| spec.weighted_targets().as_slice().iter().any(|t| &t.virtual_node == name))?;
        refuse_if_named(MeshResourceKind::VIRTUAL_NODE, name, "routes send traffic to it", routes)
    }

    /// A virtual router that provides no virtual service and holds no routes.
    pub(crate) fn check_router_unused(&self, mesh: &MeshKey, name: &ResourceName) -> Result<(), ApiError> {
        self.check_not_a_provider(mesh, ProviderKind::VirtualRouter, name)?;
        let routes = self.names_in(&Route::collection(mesh, name))?;
        refuse_if_named(MeshResourceKind::VIRTUAL_ROUTER, name, "it has routes", routes)
    }

    /// A virtual gateway that holds no gateway routes.
    pub(crate) fn check_gateway_unused(&self, mesh: &MeshKey, name: &ResourceName) -> Result<(), ApiError> {
        let routes = self.names_in(&GatewayRoute::collection(mesh, name))?;
        refuse_if_named(MeshResourceKind::VirtualGateway, name, "it has gateway routes", routes)
    }

    fn check_not_a_provider(&self, mesh: &MeshKey, kind: ProviderKind, name: &ResourceName) -> Result<(), ApiError> {
        let services = self.scan_all::<Record<VirtualServiceSpec>>(&keys::mesh_resources(mesh, MeshResourceKind::VirtualService))?;
        let provided: Vec<String> = services
            .into_iter()
            .filter(|(_, record)| record.spec.provider.as_ref().is_some_and(|provider| provider.kind() == kind && provider.name() == name))
            .map(|(key, _)| key)
            .collect();
        refuse_if_named(kind.into(), name, "it is a VirtualService provider for", provided)
    }

    /// The names of a collection, at most as many as a message lists, and how many in all.
    fn names_in(&self, collection: &str) -> Result<Named, ApiError> {
        let count = self.store.count(collection).map_err(storage_failed)?;
        let first = self.store.scan(collection, None, NAMED_IN_MESSAGES).map_err(storage_failed)?;
        Ok(Named { names: first.into_iter().map(|(key, _)| key).collect(), count })
    }

    /// The routes (`router/route`) or gateway routes (`gateway/route`) of a mesh whose spec
    /// matches.
    fn routes_where<K: InParent>(&self, mesh: &MeshKey, matches: impl Fn(&K::Spec) -> bool) -> Result<Named, ApiError> {
        let parents = K::ParentKind::collection(mesh, &());
        let mut names = Vec::new();
        for (parent, _) in self.store.scan(&parents, None, usize::MAX).map_err(storage_failed)? {
            let parent = ResourceName::parse(&parent).map_err(|error| ApiError::internal(format!("Stored name {parent:?}: {error}")))?;
            for (route, record) in self.scan_all::<Record<K::Spec>>(&K::collection(mesh, &parent))? {
                if matches(&record.spec) {
                    names.push(format!("{parent}/{route}"));
                }
            }
        }
        let count = names.len();
        names.truncate(NAMED_IN_MESSAGES);
        Ok(Named { names, count })
    }
}

/// Some names, and how many there are in all.
struct Named {
    names: Vec<String>,
    count: usize,
}

impl From<Vec<String>> for Named {
    fn from(mut names: Vec<String>) -> Self {
        let count = names.len();
        names.truncate(NAMED_IN_MESSAGES);
        Self { names, count }
    }
}

/// A ResourceInUseException naming what holds on to the resource, or nothing to refuse.
fn refuse_if_named(kind: MeshResourceKind, name: &dyn Display, why: &str, named: impl Into<Named>) -> Result<(), ApiError> {
    let Named { names, count } = named.into();
    if count == 0 {
        return Ok(());
    }
    let more = if count > names.len() { format!(" and {} more", count - names.len()) } else { String::new() };
    Err(ApiError::in_use(format!("{} with name {name} cannot be deleted because {why}: {}{more}", kind.type_name(), names.join(", "))))
}
