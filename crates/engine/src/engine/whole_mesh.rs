//! A mesh's whole configuration, read in one call and applied in one: what an import creates
//! and updates. The apply goes through the very operations the API runs, so it refuses what
//! they refuse, in their words; the caller runs it in one transaction and keeps nothing of it
//! when it fails.

use super::mesh_resources::{GatewayRoute, MeshResource, Route, VirtualGateway, VirtualNode, VirtualRouter, VirtualService};
use super::*;
use crate::input::*;
use crate::mesh_config::changes::tag_differences;
use crate::mesh_config::{ChangeAction, ChildDefinition, ConfigResource, ConfigSpec, Definition, MeshConfig, ResourceChange, ResourceId};
use std::collections::BTreeMap;

impl<S: Store + ?Sized> Engine<'_, S> {
    /// The mesh's spec and tags and every resource in it, with theirs.
    pub fn mesh_config(&mut self, mesh: &MeshAddress) -> Result<MeshConfig, ApiError> {
        let (mesh, record) = self.visible_mesh(mesh)?;
        let mut config = MeshConfig::empty(mesh.name.clone());
        config.spec = record.spec;
        config.tags = record.tags;
        config.virtual_nodes = self.definitions::<VirtualNode>(&mesh)?;
        config.virtual_routers = self.definitions::<VirtualRouter>(&mesh)?;
        config.virtual_services = self.definitions::<VirtualService>(&mesh)?;
        config.virtual_gateways = self.definitions::<VirtualGateway>(&mesh)?;
        for router in &config.virtual_routers {
            config.routes.extend(self.children::<Route>(&mesh, &router.name)?);
        }
        for gateway in &config.virtual_gateways {
            config.gateway_routes.extend(self.children::<GatewayRoute>(&mesh, &gateway.name)?);
        }
        Ok(config)
    }

    /// Makes the mesh hold this configuration: creates the mesh when the configuration
    /// `defines_mesh` and it is missing (a mesh it only adds to must exist), then every
    /// resource in dependency order, creating what is missing and updating what differs, tags
    /// included (a resource's tags become the configuration's); what is equal is left alone,
    /// and what the mesh holds beyond the configuration is kept. Answers what it did to each
    /// resource. On an error some changes may already be made: the caller rolls back.
    pub fn apply_mesh_config(
        &mut self,
        config: &MeshConfig,
        owner: Option<AccountId>,
        defines_mesh: bool,
    ) -> Result<Vec<ResourceChange>, ApiError> {
        let address = MeshAddress::new(config.mesh_name.clone(), owner);
        let current = match self.mesh_config(&address) {
            Ok(current) => Some(current),
            Err(error) if error.kind == crate::error::ErrorKind::NotFoundException && defines_mesh => None,
            Err(error) => return Err(error),
        };
        let changes = config.changes(defines_mesh, current.as_ref());
        let wanted = by_id(config.resources());
        let existing = by_id(current.as_ref().map(MeshConfig::resources).unwrap_or_default());
        for change in &changes {
            let wanted = &wanted[&change.resource];
            match (change.action, existing.get(&change.resource)) {
                (ChangeAction::Update, Some(current)) => self.update_resource(&address, current, wanted)?,
                (ChangeAction::Create, _) => self.create_resource(&address, wanted)?,
                _ => {}
            }
        }
        Ok(changes)
    }

    fn create_resource(&mut self, mesh: &MeshAddress, wanted: &ConfigResource<'_>) -> Result<(), ApiError> {
        let tags = Some(tag_list(wanted)?);
        let name =
            || ResourceName::parse(wanted.id.name.as_str()).map_err(|error| ApiError::bad_request(format!("{}: {error}", wanted.id)));
        let parent = || parent_name(wanted);
        match wanted.spec {
            ConfigSpec::Mesh(spec) => {
                self.create_mesh(CreateMeshInput { mesh_name: name()?, spec: Some(spec.clone()), tags, client_token: None }).map(drop)
            }
            ConfigSpec::VirtualNode(spec) => {
                let input = CreateVirtualNodeInput { virtual_node_name: name()?, spec: spec.clone(), tags, client_token: None };
                self.create_virtual_node(mesh, input).map(drop)
            }
            ConfigSpec::VirtualRouter(spec) => {
                let input = CreateVirtualRouterInput { virtual_router_name: name()?, spec: spec.clone(), tags, client_token: None };
                self.create_virtual_router(mesh, input).map(drop)
            }
            ConfigSpec::Route(spec) => {
                let input = CreateRouteInput { route_name: name()?, spec: spec.clone(), tags, client_token: None };
                self.create_route(mesh, &parent()?, input).map(drop)
            }
            ConfigSpec::VirtualService(spec) => {
                let virtual_service_name = ServiceName::parse(wanted.id.name.as_str())
                    .map_err(|error| ApiError::bad_request(format!("{}: {error}", wanted.id)))?;
                let input = CreateVirtualServiceInput { virtual_service_name, spec: spec.clone(), tags, client_token: None };
                self.create_virtual_service(mesh, input).map(drop)
            }
            ConfigSpec::VirtualGateway(spec) => {
                let input = CreateVirtualGatewayInput { virtual_gateway_name: name()?, spec: spec.clone(), tags, client_token: None };
                self.create_virtual_gateway(mesh, input).map(drop)
            }
            ConfigSpec::GatewayRoute(spec) => {
                let input = CreateGatewayRouteInput { gateway_route_name: name()?, spec: spec.clone(), tags, client_token: None };
                self.create_gateway_route(mesh, &parent()?, input).map(drop)
            }
        }
    }

    /// Updates the spec when it differs, then the tags when they differ.
    fn update_resource(&mut self, mesh: &MeshAddress, current: &ConfigResource<'_>, wanted: &ConfigResource<'_>) -> Result<(), ApiError> {
        let name = || ResourceName::parse(wanted.id.name.as_str()).map_err(|error| ApiError::internal(error.to_string()));
        let parent = || parent_name(wanted);
        let spec_differs = current.spec.to_json() != wanted.spec.to_json();
        let arn = match wanted.spec {
            ConfigSpec::Mesh(spec) if spec_differs => {
                self.update_mesh(&name()?, UpdateMeshInput { spec: Some(spec.clone()), client_token: None })?.metadata.arn
            }
            ConfigSpec::Mesh(_) => self.describe_mesh(&name()?, mesh.owner.as_ref())?.metadata.arn,
            ConfigSpec::VirtualNode(spec) if spec_differs => {
                self.update_virtual_node(mesh, &name()?, UpdateVirtualNodeInput { spec: spec.clone(), client_token: None })?.metadata.arn
            }
            ConfigSpec::VirtualNode(_) => self.describe_virtual_node(mesh, &name()?)?.metadata.arn,
            ConfigSpec::VirtualRouter(spec) if spec_differs => {
                self.update_virtual_router(mesh, &name()?, UpdateVirtualRouterInput { spec: spec.clone(), client_token: None })?
                    .metadata
                    .arn
            }
            ConfigSpec::VirtualRouter(_) => self.describe_virtual_router(mesh, &name()?)?.metadata.arn,
            ConfigSpec::Route(spec) if spec_differs => {
                self.update_route(mesh, &parent()?, &name()?, UpdateRouteInput { spec: spec.clone(), client_token: None })?.metadata.arn
            }
            ConfigSpec::Route(_) => self.describe_route(mesh, &parent()?, &name()?)?.metadata.arn,
            ConfigSpec::VirtualService(spec) => {
                let service = ServiceName::parse(wanted.id.name.as_str()).map_err(|error| ApiError::internal(error.to_string()))?;
                if spec_differs {
                    let input = UpdateVirtualServiceInput { spec: spec.clone(), client_token: None };
                    self.update_virtual_service(mesh, &service, input)?.metadata.arn
                } else {
                    self.describe_virtual_service(mesh, &service)?.metadata.arn
                }
            }
            ConfigSpec::VirtualGateway(spec) if spec_differs => {
                let input = UpdateVirtualGatewayInput { spec: spec.clone(), client_token: None };
                self.update_virtual_gateway(mesh, &name()?, input)?.metadata.arn
            }
            ConfigSpec::VirtualGateway(_) => self.describe_virtual_gateway(mesh, &name()?)?.metadata.arn,
            ConfigSpec::GatewayRoute(spec) if spec_differs => {
                let input = UpdateGatewayRouteInput { spec: spec.clone(), client_token: None };
                self.update_gateway_route(mesh, &parent()?, &name()?, input)?.metadata.arn
            }
            ConfigSpec::GatewayRoute(_) => self.describe_gateway_route(mesh, &parent()?, &name()?)?.metadata.arn,
        };
        if tag_differences(current.tags, wanted.tags).is_empty() {
            return Ok(());
        }
        let wanted_tags = tag_list(wanted)?;
        let unwanted: Vec<TagKey> =
            current.tags.iter().filter(|tag| !wanted.tags.iter().any(|kept| kept.key == tag.key)).map(|tag| tag.key.clone()).collect();
        if !unwanted.is_empty() {
            let tag_keys = TagKeyList::new(unwanted).map_err(|error| ApiError::internal(error.to_string()))?;
            self.untag_resource(&arn, UntagResourceInput { tag_keys })?;
        }
        if !wanted_tags.as_slice().is_empty() {
            self.tag_resource(&arn, TagResourceInput { tags: wanted_tags })?;
        }
        Ok(())
    }

    fn definitions<K: MeshResource<Parent = ()>>(&self, mesh: &MeshKey) -> Result<Vec<TopDefinition<K>>, ApiError> {
        let collection = K::collection(mesh, &());
        let records = self.scan_all::<Record<K::Spec>>(&collection)?;
        records
            .into_iter()
            .map(|(key, record)| Ok(Definition { name: stored_name::<K>(&key)?, spec: record.spec, tags: record.tags }))
            .collect()
    }

    fn children<K: MeshResource<Parent = ResourceName, Name = ResourceName>>(
        &self,
        mesh: &MeshKey,
        parent: &ResourceName,
    ) -> Result<Vec<ChildDefinition<K::Spec>>, ApiError> {
        let records = self.scan_all::<Record<K::Spec>>(&K::collection(mesh, parent))?;
        records
            .into_iter()
            .map(|(key, record)| {
                Ok(ChildDefinition { parent: parent.clone(), name: stored_name::<K>(&key)?, spec: record.spec, tags: record.tags })
            })
            .collect()
    }
}

/// A resource of the mesh itself, as a [`MeshConfig`] holds it.
type TopDefinition<K> = Definition<<K as MeshResource>::Name, <K as MeshResource>::Spec>;

fn by_id(resources: Vec<ConfigResource<'_>>) -> BTreeMap<ResourceId, ConfigResource<'_>> {
    resources.into_iter().map(|resource| (resource.id.clone(), resource)).collect()
}

fn stored_name<K: MeshResource>(key: &str) -> Result<K::Name, ApiError> {
    K::parse_name(key).map_err(|error| ApiError::internal(format!("Stored name {key:?}: {error}")))
}

fn parent_name(resource: &ConfigResource<'_>) -> Result<ResourceName, ApiError> {
    let parent = resource.id.parent.as_deref().unwrap_or_default();
    ResourceName::parse(parent).map_err(|error| ApiError::bad_request(format!("{}: its parent: {error}", resource.id)))
}

/// A resource's tags as a create or TagResource takes them: at most 50, each key once.
fn tag_list(resource: &ConfigResource<'_>) -> Result<TagList, ApiError> {
    TagList::new(resource.tags.to_vec()).map_err(|error| ApiError::bad_request(format!("{}: tags: {error}", resource.id)))
}
