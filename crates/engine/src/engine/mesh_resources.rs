//! Virtual services, virtual nodes and virtual routers: one set of rules for the three
//! kinds, plus what is particular to each (providers must exist; providers are in use).

use super::*;
use crate::input::*;
use crate::pagination;
use crate::spec::*;
use crate::store::StoreError;
use std::fmt::Display;

/// What differs between the kinds of resource inside a mesh.
pub(crate) trait MeshResource {
    const KIND: MeshResourceKind;
    type Name: Clone + Display + AsRef<str> + Serialize + DeserializeOwned;
    type Spec: Clone + PartialEq + Serialize + DeserializeOwned;
    type Data: Serialize + DeserializeOwned;
    type Ref;

    fn parse_name(name: &str) -> Result<Self::Name, InvalidValue>;
    fn data(mesh_name: ResourceName, name: Self::Name, record: Record<Self::Spec>, status: StatusCode) -> Self::Data;
    fn reference(mesh_name: ResourceName, name: Self::Name, metadata: ResourceMetadata) -> Self::Ref;
    fn quota(quotas: &Quotas) -> usize;
}

macro_rules! mesh_resource {
    ($marker:ident, $kind:expr, $name:ty, $spec:ty, $data:ident, $reference:ident, $name_field:ident, $quota:ident) => {
        pub(crate) struct $marker;

        impl MeshResource for $marker {
            const KIND: MeshResourceKind = $kind;
            type Name = $name;
            type Spec = $spec;
            type Data = $data;
            type Ref = $reference;

            fn parse_name(name: &str) -> Result<Self::Name, InvalidValue> {
                <$name>::parse(name)
            }

            fn data(mesh_name: ResourceName, name: $name, record: Record<$spec>, status: StatusCode) -> $data {
                $data { mesh_name, metadata: record.metadata, spec: record.spec, status: ResourceStatus { status }, $name_field: name }
            }

            fn reference(mesh_name: ResourceName, name: $name, metadata: ResourceMetadata) -> $reference {
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

/// A create or update, before the rules particular to a kind are applied.
struct Change<'i, K: MeshResource> {
    operation: &'static str,
    mesh: &'i MeshAddress,
    name: &'i K::Name,
    spec: &'i K::Spec,
    client_token: Option<&'i ClientToken>,
}

impl<S: Store + ?Sized> Engine<'_, S> {
    // ------------------------------------------------------------ virtual services

    pub fn create_virtual_service(&mut self, mesh: &MeshAddress, input: CreateVirtualServiceInput) -> Result<VirtualServiceData, ApiError> {
        let change = Change::<VirtualService> {
            operation: "CreateVirtualService",
            mesh,
            name: &input.virtual_service_name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.create(change, input.tags.as_ref(), Self::check_provider_exists)
    }

    pub fn describe_virtual_service(&mut self, mesh: &MeshAddress, name: &ServiceName) -> Result<VirtualServiceData, ApiError> {
        self.describe::<VirtualService>(mesh, name)
    }

    pub fn update_virtual_service(
        &mut self,
        mesh: &MeshAddress,
        name: &ServiceName,
        input: UpdateVirtualServiceInput,
    ) -> Result<VirtualServiceData, ApiError> {
        let change = Change::<VirtualService> {
            operation: "UpdateVirtualService",
            mesh,
            name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.update(change, Self::check_provider_exists)
    }

    pub fn delete_virtual_service(&mut self, mesh: &MeshAddress, name: &ServiceName) -> Result<VirtualServiceData, ApiError> {
        self.delete::<VirtualService>(mesh, name, |_, _, _| Ok(()))
    }

    pub fn list_virtual_services(
        &mut self,
        mesh: &MeshAddress,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListVirtualServicesOutput, ApiError> {
        let (virtual_services, next_token) = self.list::<VirtualService>(mesh, limit, next_token)?;
        Ok(ListVirtualServicesOutput { virtual_services, next_token })
    }

    // ------------------------------------------------------------ virtual nodes

    pub fn create_virtual_node(&mut self, mesh: &MeshAddress, input: CreateVirtualNodeInput) -> Result<VirtualNodeData, ApiError> {
        let change = Change::<VirtualNode> {
            operation: "CreateVirtualNode",
            mesh,
            name: &input.virtual_node_name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.create(change, input.tags.as_ref(), |_, _, _| Ok(()))
    }

    pub fn describe_virtual_node(&mut self, mesh: &MeshAddress, name: &ResourceName) -> Result<VirtualNodeData, ApiError> {
        self.describe::<VirtualNode>(mesh, name)
    }

    pub fn update_virtual_node(
        &mut self,
        mesh: &MeshAddress,
        name: &ResourceName,
        input: UpdateVirtualNodeInput,
    ) -> Result<VirtualNodeData, ApiError> {
        let change = Change::<VirtualNode> {
            operation: "UpdateVirtualNode",
            mesh,
            name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.update(change, |_, _, _| Ok(()))
    }

    pub fn delete_virtual_node(&mut self, mesh: &MeshAddress, name: &ResourceName) -> Result<VirtualNodeData, ApiError> {
        self.delete::<VirtualNode>(mesh, name, |engine, mesh, name| engine.check_not_a_provider(mesh, ProviderKind::VirtualNode, name))
    }

    pub fn list_virtual_nodes(
        &mut self,
        mesh: &MeshAddress,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListVirtualNodesOutput, ApiError> {
        let (virtual_nodes, next_token) = self.list::<VirtualNode>(mesh, limit, next_token)?;
        Ok(ListVirtualNodesOutput { virtual_nodes, next_token })
    }

    // ------------------------------------------------------------ virtual routers

    pub fn create_virtual_router(&mut self, mesh: &MeshAddress, input: CreateVirtualRouterInput) -> Result<VirtualRouterData, ApiError> {
        let change = Change::<VirtualRouter> {
            operation: "CreateVirtualRouter",
            mesh,
            name: &input.virtual_router_name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.create(change, input.tags.as_ref(), |_, _, _| Ok(()))
    }

    pub fn describe_virtual_router(&mut self, mesh: &MeshAddress, name: &ResourceName) -> Result<VirtualRouterData, ApiError> {
        self.describe::<VirtualRouter>(mesh, name)
    }

    pub fn update_virtual_router(
        &mut self,
        mesh: &MeshAddress,
        name: &ResourceName,
        input: UpdateVirtualRouterInput,
    ) -> Result<VirtualRouterData, ApiError> {
        let change = Change::<VirtualRouter> {
            operation: "UpdateVirtualRouter",
            mesh,
            name,
            spec: &input.spec,
            client_token: input.client_token.as_ref(),
        };
        self.update(change, |_, _, _| Ok(()))
    }

    pub fn delete_virtual_router(&mut self, mesh: &MeshAddress, name: &ResourceName) -> Result<VirtualRouterData, ApiError> {
        self.delete::<VirtualRouter>(mesh, name, |engine, mesh, name| engine.check_not_a_provider(mesh, ProviderKind::VirtualRouter, name))
    }

    pub fn list_virtual_routers(
        &mut self,
        mesh: &MeshAddress,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListVirtualRoutersOutput, ApiError> {
        let (virtual_routers, next_token) = self.list::<VirtualRouter>(mesh, limit, next_token)?;
        Ok(ListVirtualRoutersOutput { virtual_routers, next_token })
    }

    // ------------------------------------------------------------ the rules of every kind

    fn create<K: MeshResource>(
        &mut self,
        change: Change<'_, K>,
        tags: Option<&TagList>,
        check: impl FnOnce(&Self, &MeshKey, &K::Spec) -> Result<(), ApiError>,
    ) -> Result<K::Data, ApiError> {
        let request = (change.operation, &change.mesh.name, &change.mesh.owner, change.name, change.spec, tags);
        self.idempotent(change.client_token, &request, |engine| {
            let (mesh, _) = engine.visible_mesh(change.mesh)?;
            let collection = keys::mesh_resources(&mesh, K::KIND);
            if engine.store.get(&collection, change.name.as_ref()).map_err(storage_failed)?.is_some() {
                return Err(ApiError::conflict(format!(
                    "{} with name {} already exists in mesh {}",
                    K::KIND.type_name(),
                    change.name,
                    mesh.name
                )));
            }
            let count = engine.store.count(&collection).map_err(storage_failed)?;
            if count >= K::quota(&engine.context.quotas) {
                return Err(ApiError::limit_exceeded(format!(
                    "Mesh {} already holds {count} resources of type {}, the most allowed",
                    mesh.name,
                    K::KIND.type_name()
                )));
            }
            check(engine, &mesh, change.spec)?;
            let arn = format!("{}/{}/{}", engine.mesh_arn(&mesh), K::KIND.arn_segment(), change.name);
            let record = Record {
                metadata: engine.new_metadata(arn, mesh.owner.clone()),
                spec: change.spec.clone(),
                tags: tags.map(|tags| tags.as_slice().to_vec()).unwrap_or_default(),
            };
            engine.save(&collection, change.name.as_ref(), &record)?;
            Ok(K::data(mesh.name, change.name.clone(), record, StatusCode::Active))
        })
    }

    fn describe<K: MeshResource>(&mut self, mesh: &MeshAddress, name: &K::Name) -> Result<K::Data, ApiError> {
        let (mesh, _) = self.visible_mesh(mesh)?;
        let record = self.existing::<K>(&mesh, name)?;
        Ok(K::data(mesh.name, name.clone(), record, StatusCode::Active))
    }

    fn update<K: MeshResource>(
        &mut self,
        change: Change<'_, K>,
        check: impl FnOnce(&Self, &MeshKey, &K::Spec) -> Result<(), ApiError>,
    ) -> Result<K::Data, ApiError> {
        let request = (change.operation, &change.mesh.name, &change.mesh.owner, change.name, change.spec);
        self.idempotent(change.client_token, &request, |engine| {
            let (mesh, _) = engine.visible_mesh(change.mesh)?;
            let mut record = engine.existing::<K>(&mesh, change.name)?;
            engine.check_may_modify(&mesh, &record.metadata, false)?;
            check(engine, &mesh, change.spec)?;
            record.spec = change.spec.clone();
            engine.bump(&mut record.metadata);
            engine.save(&keys::mesh_resources(&mesh, K::KIND), change.name.as_ref(), &record)?;
            Ok(K::data(mesh.name, change.name.clone(), record, StatusCode::Active))
        })
    }

    fn delete<K: MeshResource>(
        &mut self,
        mesh: &MeshAddress,
        name: &K::Name,
        check_unused: impl FnOnce(&Self, &MeshKey, &K::Name) -> Result<(), ApiError>,
    ) -> Result<K::Data, ApiError> {
        let (mesh, _) = self.visible_mesh(mesh)?;
        let record = self.existing::<K>(&mesh, name)?;
        self.check_may_modify(&mesh, &record.metadata, true)?;
        check_unused(self, &mesh, name)?;
        self.remove(&keys::mesh_resources(&mesh, K::KIND), name.as_ref())?;
        Ok(K::data(mesh.name, name.clone(), record, StatusCode::Deleted))
    }

    fn list<K: MeshResource>(
        &mut self,
        mesh: &MeshAddress,
        limit: Option<PageLimit>,
        next_token: Option<&str>,
    ) -> Result<(Vec<K::Ref>, Option<String>), ApiError> {
        let (mesh, _) = self.visible_mesh(mesh)?;
        let collection = keys::mesh_resources(&mesh, K::KIND);
        let after = next_token.map(|token| pagination::decode(&collection, token)).transpose()?;
        let size = page_size(limit);
        let mut entries = self.store.scan(&collection, after.as_deref(), size + 1).map_err(storage_failed)?;
        let next = if entries.len() > size {
            entries.truncate(size);
            entries.last().map(|(key, _)| pagination::encode(&collection, key))
        } else {
            None
        };
        let mut page = Vec::with_capacity(entries.len());
        for (key, text) in entries {
            let record: StoredMetadata = serde_json::from_str(&text).map_err(|error| corrupt(&collection, &key, error))?;
            let name = K::parse_name(&key).map_err(|error| ApiError::internal(format!("Stored name {key:?}: {error}")))?;
            page.push(K::reference(mesh.name.clone(), name, record.metadata));
        }
        Ok((page, next))
    }

    pub(crate) fn existing<K: MeshResource>(&self, mesh: &MeshKey, name: &K::Name) -> Result<Record<K::Spec>, ApiError> {
        self.load(&keys::mesh_resources(mesh, K::KIND), name.as_ref())?.ok_or_else(|| not_present(K::KIND, name, mesh))
    }

    fn check_provider_exists(&self, mesh: &MeshKey, spec: &VirtualServiceSpec) -> Result<(), ApiError> {
        match absent_provider(&*self.store, mesh, spec).map_err(storage_failed)? {
            Some(provider) => Err(not_present(provider.kind().into(), provider.name(), mesh)),
            None => Ok(()),
        }
    }

    /// A virtual node or router that provides a virtual service cannot be deleted.
    fn check_not_a_provider(&self, mesh: &MeshKey, kind: ProviderKind, name: &ResourceName) -> Result<(), ApiError> {
        let services = self.virtual_services_provided_by(mesh, kind, name)?;
        if services.is_empty() {
            return Ok(());
        }
        Err(ApiError::in_use(format!(
            "{} with name {name} cannot be deleted because it is a VirtualService provider for: {}",
            kind.type_name(),
            services.join(", ")
        )))
    }

    /// The names of the virtual services whose provider is the given node or router.
    pub(crate) fn virtual_services_provided_by(
        &self,
        mesh: &MeshKey,
        kind: ProviderKind,
        name: &ResourceName,
    ) -> Result<Vec<String>, ApiError> {
        let services = self.scan_all::<Record<VirtualServiceSpec>>(&keys::mesh_resources(mesh, MeshResourceKind::VirtualService))?;
        Ok(services
            .into_iter()
            .filter(|(_, record)| record.spec.provider.as_ref().is_some_and(|provider| provider.kind() == kind && provider.name() == name))
            .map(|(key, _)| key)
            .collect())
    }
}

fn not_present(kind: MeshResourceKind, name: &dyn Display, mesh: &MeshKey) -> ApiError {
    ApiError::not_found(format!("{} with name {name} is not present under mesh {} for account {}", kind.type_name(), mesh.name, mesh.owner))
}

/// The provider a virtual service names when the mesh does not hold it. App Mesh's rule that
/// a provider exists, applied to every create and update and to every store document read.
pub(crate) fn absent_provider<'s>(
    store: &(impl Store + ?Sized),
    mesh: &MeshKey,
    spec: &'s VirtualServiceSpec,
) -> Result<Option<&'s VirtualServiceProvider>, StoreError> {
    let Some(provider) = &spec.provider else { return Ok(None) };
    let stored = store.get(&keys::mesh_resources(mesh, provider.kind().into()), provider.name().as_str())?;
    Ok(stored.is_none().then_some(provider))
}
