//! The rules every kind of resource inside a mesh shares — virtual services, nodes, routers
//! and gateways in the mesh itself, routes and gateway routes in a router or gateway: names
//! unique where they live, quotas, versions, client tokens, owners, pages.

use super::listing::ListedPage;
use super::*;
use crate::input::TagList;
use crate::pagination;
use crate::spec::*;
use std::fmt::Display;

/// What differs between the kinds of resource inside a mesh.
pub(crate) trait MeshResource {
    const TYPE_NAME: &'static str;
    /// What the resource lives in, inside its mesh: nothing (`()`), or the name of its
    /// virtual router or gateway.
    type Parent: Clone + Serialize;
    type Name: Clone + Display + AsRef<str> + Serialize + DeserializeOwned;
    type Spec: Clone + PartialEq + Serialize + DeserializeOwned;
    type Data: Serialize + DeserializeOwned;
    type Ref: Serialize + DeserializeOwned;

    fn parse_name(name: &str) -> Result<Self::Name, InvalidValue>;
    fn collection(mesh: &MeshKey, parent: &Self::Parent) -> String;
    /// The ARN after the mesh's part: `virtualNode/n`, `virtualRouter/r/route/n`.
    fn arn_path(parent: &Self::Parent, name: &Self::Name) -> String;
    /// Where the resource lives, in a message: "mesh m", "virtual router r in mesh m".
    fn place(mesh: &MeshKey, parent: &Self::Parent) -> String;
    /// The member of a List answer that holds the items: `virtualNodes`, `routes`.
    fn list_member() -> &'static str;
    fn data(mesh_name: ResourceName, parent: Self::Parent, name: Self::Name, record: Record<Self::Spec>, status: StatusCode) -> Self::Data;
    fn reference(mesh_name: ResourceName, parent: Self::Parent, name: Self::Name, metadata: ResourceMetadata) -> Self::Ref;
    fn quota(quotas: &Quotas) -> usize;
    /// A route in a router that is not there is NotFound, before anything else is looked at.
    fn check_parent<S: Store + ?Sized>(engine: &Engine<'_, S>, mesh: &MeshKey, parent: &Self::Parent) -> Result<(), ApiError>;
}

macro_rules! mesh_resource {
    ($marker:ident, $kind:expr, $name:ty, $spec:ty, $data:ident, $reference:ident, $name_field:ident, $quota:ident) => {
        pub(crate) struct $marker;

        impl MeshResource for $marker {
            const TYPE_NAME: &'static str = $kind.type_name();
            type Parent = ();
            type Name = $name;
            type Spec = $spec;
            type Data = $data;
            type Ref = $reference;

            fn parse_name(name: &str) -> Result<Self::Name, InvalidValue> {
                <$name>::parse(name)
            }

            fn collection(mesh: &MeshKey, (): &()) -> String {
                keys::mesh_resources(mesh, $kind)
            }

            fn arn_path((): &(), name: &$name) -> String {
                format!("{}/{name}", $kind.arn_segment())
            }

            fn place(mesh: &MeshKey, (): &()) -> String {
                format!("mesh {}", mesh.name)
            }

            fn list_member() -> &'static str {
                $kind.path_segment()
            }

            fn data(mesh_name: ResourceName, (): (), name: $name, record: Record<$spec>, status: StatusCode) -> $data {
                $data { mesh_name, metadata: record.metadata, spec: record.spec, status: ResourceStatus { status }, $name_field: name }
            }

            fn reference(mesh_name: ResourceName, (): (), name: $name, metadata: ResourceMetadata) -> $reference {
                $reference {
                    arn: metadata.arn,
                    created_at: metadata.created_at,
                    last_updated_at: metadata.last_updated_at,
                    mesh_name,
                    mesh_owner: metadata.mesh_owner,
                    resource_owner: metadata.resource_owner,
                    version: metadata.version,
                    $name_field: name,
                }
            }

            fn quota(quotas: &Quotas) -> usize {
                quotas.$quota
            }

            fn check_parent<S: Store + ?Sized>(_: &Engine<'_, S>, _: &MeshKey, (): &()) -> Result<(), ApiError> {
                Ok(())
            }
        }
    };
}

mesh_resource!(
    VirtualService,
    MeshResourceKind::VirtualService,
    ServiceName,
    VirtualServiceSpec,
    VirtualServiceData,
    VirtualServiceRef,
    virtual_service_name,
    virtual_services_per_mesh
);
mesh_resource!(
    VirtualNode,
    MeshResourceKind::VIRTUAL_NODE,
    ResourceName,
    VirtualNodeSpec,
    VirtualNodeData,
    VirtualNodeRef,
    virtual_node_name,
    virtual_nodes_per_mesh
);
mesh_resource!(
    VirtualRouter,
    MeshResourceKind::VIRTUAL_ROUTER,
    ResourceName,
    VirtualRouterSpec,
    VirtualRouterData,
    VirtualRouterRef,
    virtual_router_name,
    virtual_routers_per_mesh
);
mesh_resource!(
    VirtualGateway,
    MeshResourceKind::VirtualGateway,
    ResourceName,
    VirtualGatewaySpec,
    VirtualGatewayData,
    VirtualGatewayRef,
    virtual_gateway_name,
    virtual_gateways_per_mesh
);

/// A kind that lives in a virtual router or gateway of the mesh.
pub(crate) trait InParent: MeshResource<Parent = ResourceName, Name = ResourceName> {
    type ParentKind: MeshResource<Parent = (), Name = ResourceName>;
}

macro_rules! route_resource {
    ($marker:ident, $kind:expr, $parent:ident, $spec:ty, $data:ident, $reference:ident, $parent_field:ident, $name_field:ident, $quota:ident) => {
        pub(crate) struct $marker;

        impl MeshResource for $marker {
            const TYPE_NAME: &'static str = $kind.type_name();
            type Parent = ResourceName;
            type Name = ResourceName;
            type Spec = $spec;
            type Data = $data;
            type Ref = $reference;

            fn parse_name(name: &str) -> Result<Self::Name, InvalidValue> {
                ResourceName::parse(name)
            }

            fn collection(mesh: &MeshKey, parent: &ResourceName) -> String {
                keys::routes(mesh, $kind, parent.as_str())
            }

            fn arn_path(parent: &ResourceName, name: &ResourceName) -> String {
                format!("{}/{parent}/{}/{name}", $kind.parent_path_segment(), $kind.arn_segment())
            }

            fn place(mesh: &MeshKey, parent: &ResourceName) -> String {
                format!("{} {parent} in mesh {}", $kind.parent().noun(), mesh.name)
            }

            fn list_member() -> &'static str {
                $kind.path_segment()
            }

            fn data(mesh_name: ResourceName, parent: ResourceName, name: ResourceName, record: Record<$spec>, status: StatusCode) -> $data {
                $data {
                    mesh_name,
                    metadata: record.metadata,
                    spec: record.spec,
                    status: ResourceStatus { status },
                    $parent_field: parent,
                    $name_field: name,
                }
            }

            fn reference(mesh_name: ResourceName, parent: ResourceName, name: ResourceName, metadata: ResourceMetadata) -> $reference {
                $reference {
                    arn: metadata.arn,
                    created_at: metadata.created_at,
                    last_updated_at: metadata.last_updated_at,
                    mesh_name,
                    mesh_owner: metadata.mesh_owner,
                    resource_owner: metadata.resource_owner,
                    version: metadata.version,
                    $parent_field: parent,
                    $name_field: name,
                }
            }

            fn quota(quotas: &Quotas) -> usize {
                quotas.$quota
            }

            fn check_parent<S: Store + ?Sized>(engine: &Engine<'_, S>, mesh: &MeshKey, parent: &ResourceName) -> Result<(), ApiError> {
                engine.existing::<$parent>(mesh, &(), parent).map(drop)
            }
        }

        impl InParent for $marker {
            type ParentKind = $parent;
        }
    };
}

route_resource!(
    Route,
    RouteKind::Route,
    VirtualRouter,
    RouteSpec,
    RouteData,
    RouteRef,
    virtual_router_name,
    route_name,
    routes_per_virtual_router
);
route_resource!(
    GatewayRoute,
    RouteKind::GatewayRoute,
    VirtualGateway,
    GatewayRouteSpec,
    GatewayRouteData,
    GatewayRouteRef,
    virtual_gateway_name,
    gateway_route_name,
    gateway_routes_per_virtual_gateway
);

/// A create or update, before the rules particular to a kind are applied (the `check` of
/// [`Engine::create`] and [`Engine::update`]: what the spec names exists).
pub(crate) struct Change<'i, K: MeshResource> {
    pub operation: &'static str,
    pub mesh: &'i MeshAddress,
    pub parent: &'i K::Parent,
    pub name: &'i K::Name,
    pub spec: &'i K::Spec,
    pub client_token: Option<&'i ClientToken>,
}

impl<S: Store + ?Sized> Engine<'_, S> {
    pub(crate) fn create<K: MeshResource>(
        &mut self,
        change: Change<'_, K>,
        tags: Option<&TagList>,
        check: impl FnOnce(&Self, &MeshKey, &K::Spec) -> Result<(), ApiError>,
    ) -> Result<K::Data, ApiError> {
        let request = (change.operation, &change.mesh.name, &change.mesh.owner, change.parent, change.name, change.spec, tags);
        self.idempotent(change.client_token, &request, |engine| {
            let (mesh, _) = engine.visible_mesh(change.mesh)?;
            K::check_parent(engine, &mesh, change.parent)?;
            let collection = K::collection(&mesh, change.parent);
            if engine.store.get(&collection, change.name.as_ref()).map_err(storage_failed)?.is_some() {
                let place = K::place(&mesh, change.parent);
                return Err(ApiError::conflict(format!("{} with name {} already exists in {place}", K::TYPE_NAME, change.name)));
            }
            let count = engine.store.count(&collection).map_err(storage_failed)?;
            if count >= K::quota(&engine.context.quotas) {
                let place = capitalized(&K::place(&mesh, change.parent));
                return Err(ApiError::limit_exceeded(format!(
                    "{place} already holds {count} resources of type {}, the most allowed",
                    K::TYPE_NAME
                )));
            }
            check(engine, &mesh, change.spec)?;
            let arn = format!("{}/{}", engine.mesh_arn(&mesh), K::arn_path(change.parent, change.name));
            let record = Record {
                metadata: engine.new_metadata(arn, mesh.owner.clone()),
                spec: change.spec.clone(),
                tags: tags.map(|tags| tags.as_slice().to_vec()).unwrap_or_default(),
            };
            engine.store_resource::<K>(&mesh, change.parent, change.name, &record)?;
            Ok(K::data(mesh.name, change.parent.clone(), change.name.clone(), record, StatusCode::Active))
        })
    }

    pub(crate) fn describe<K: MeshResource>(
        &mut self,
        mesh: &MeshAddress,
        parent: &K::Parent,
        name: &K::Name,
    ) -> Result<K::Data, ApiError> {
        let (mesh, _) = self.visible_mesh(mesh)?;
        K::check_parent(self, &mesh, parent)?;
        let record = self.existing::<K>(&mesh, parent, name)?;
        Ok(K::data(mesh.name, parent.clone(), name.clone(), record, StatusCode::Active))
    }

    pub(crate) fn update<K: MeshResource>(
        &mut self,
        change: Change<'_, K>,
        check: impl FnOnce(&Self, &MeshKey, &K::Spec) -> Result<(), ApiError>,
    ) -> Result<K::Data, ApiError> {
        let request = (change.operation, &change.mesh.name, &change.mesh.owner, change.parent, change.name, change.spec);
        self.idempotent(change.client_token, &request, |engine| {
            let (mesh, _) = engine.visible_mesh(change.mesh)?;
            K::check_parent(engine, &mesh, change.parent)?;
            let mut record = engine.existing::<K>(&mesh, change.parent, change.name)?;
            engine.check_may_modify(&mesh, &record.metadata, false)?;
            check(engine, &mesh, change.spec)?;
            record.spec = change.spec.clone();
            engine.bump(&mut record.metadata);
            engine.store_resource::<K>(&mesh, change.parent, change.name, &record)?;
            Ok(K::data(mesh.name, change.parent.clone(), change.name.clone(), record, StatusCode::Active))
        })
    }

    pub(crate) fn delete<K: MeshResource>(
        &mut self,
        mesh: &MeshAddress,
        parent: &K::Parent,
        name: &K::Name,
        check_unused: impl FnOnce(&Self, &MeshKey, &K::Name) -> Result<(), ApiError>,
    ) -> Result<K::Data, ApiError> {
        let (mesh, _) = self.visible_mesh(mesh)?;
        K::check_parent(self, &mesh, parent)?;
        let record = self.existing::<K>(&mesh, parent, name)?;
        self.check_may_modify(&mesh, &record.metadata, true)?;
        check_unused(self, &mesh, name)?;
        self.forget_resource::<K>(&mesh, parent, name)?;
        Ok(K::data(mesh.name, parent.clone(), name.clone(), record, StatusCode::Deleted))
    }

    /// A page of a List: each item its Ref as stored beside the resource (see
    /// `keys::listing`), so no record is read and no item rebuilt.
    pub(crate) fn list_page<K: MeshResource>(
        &mut self,
        mesh: &MeshAddress,
        parent: &K::Parent,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListedPage, ApiError> {
        let (mesh, _) = self.visible_mesh(mesh)?;
        K::check_parent(self, &mesh, parent)?;
        let collection = K::collection(&mesh, parent);
        let after = next_token.map(|token| pagination::decode(&collection, token)).transpose()?;
        let size = page_size(limit);
        let mut entries = self.store.scan(&keys::listing(&collection), after.as_deref(), size + 1).map_err(storage_failed)?;
        let next_token = if entries.len() > size {
            entries.truncate(size);
            entries.last().map(|(key, _)| pagination::encode(&collection, key))
        } else {
            None
        };
        Ok(ListedPage { member: K::list_member(), items: entries.into_iter().map(|(_, item)| item).collect(), next_token })
    }

    /// [`Engine::list_page`] with its items read back as Refs.
    pub(crate) fn list<K: MeshResource>(
        &mut self,
        mesh: &MeshAddress,
        parent: &K::Parent,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<(Vec<K::Ref>, Option<String>), ApiError> {
        let page = self.list_page::<K>(mesh, parent, limit, next_token)?;
        let items = page.items.iter().map(|item| serde_json::from_str(item)).collect::<Result<_, _>>();
        let items = items.map_err(|error| ApiError::internal(format!("A stored {} List item is unreadable: {error}", K::TYPE_NAME)))?;
        Ok((items, page.next_token))
    }

    /// Saves a resource, and its List item beside it.
    fn store_resource<K: MeshResource>(
        &mut self,
        mesh: &MeshKey,
        parent: &K::Parent,
        name: &K::Name,
        record: &Record<K::Spec>,
    ) -> Result<(), ApiError> {
        let collection = K::collection(mesh, parent);
        self.save(&collection, name.as_ref(), record)?;
        let item = K::reference(mesh.name.clone(), parent.clone(), name.clone(), record.metadata.clone());
        self.save(&keys::listing(&collection), name.as_ref(), &item)
    }

    /// Removes a resource, and its List item beside it.
    fn forget_resource<K: MeshResource>(&mut self, mesh: &MeshKey, parent: &K::Parent, name: &K::Name) -> Result<(), ApiError> {
        let collection = K::collection(mesh, parent);
        self.remove(&collection, name.as_ref())?;
        self.remove(&keys::listing(&collection), name.as_ref())
    }

    pub(crate) fn existing<K: MeshResource>(
        &self,
        mesh: &MeshKey,
        parent: &K::Parent,
        name: &K::Name,
    ) -> Result<Record<K::Spec>, ApiError> {
        self.load(&K::collection(mesh, parent), name.as_ref())?.ok_or_else(|| {
            ApiError::not_found(format!(
                "{} with name {name} is not present under {} for account {}",
                K::TYPE_NAME,
                K::place(mesh, parent),
                mesh.owner
            ))
        })
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
