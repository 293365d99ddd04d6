//! Mesh operations.

use super::*;
use crate::input::{CreateMeshInput, UpdateMeshInput};
use crate::pagination;
use crate::spec::MeshSpec;

impl<S: Store + ?Sized> Engine<'_, S> {
    pub fn create_mesh(&mut self, input: CreateMeshInput) -> Result<MeshData, ApiError> {
        let request = ("CreateMesh", &input.mesh_name, &input.spec, &input.tags);
        self.idempotent(input.client_token.as_ref(), &request, |engine| {
            let mesh = MeshKey { owner: engine.context.caller.clone(), name: input.mesh_name.clone() };
            let key = keys::mesh(mesh.name.as_str(), &mesh.owner);
            if engine.load::<Record<MeshSpec>>(keys::MESHES, &key)?.is_some() {
                return Err(ApiError::conflict(format!("Mesh with name {} already exists for account {}", mesh.name, mesh.owner)));
            }
            let owned = engine.owned_mesh_count()?;
            if owned >= engine.context.quotas.meshes_per_account {
                return Err(ApiError::limit_exceeded(format!("Account {} already has {owned} meshes, the most allowed", mesh.owner)));
            }
            let record = Record {
                metadata: engine.new_metadata(engine.mesh_arn(&mesh), mesh.owner.clone()),
                spec: input.spec.clone().unwrap_or_default(),
                tags: input.tags.clone().map(|tags| tags.into_inner()).unwrap_or_default(),
            };
            engine.save(keys::MESHES, &key, &record)?;
            Ok(mesh_data(&mesh, record, StatusCode::Active))
        })
    }

    pub fn describe_mesh(&mut self, name: &ResourceName, owner: Option<&AccountId>) -> Result<MeshData, ApiError> {
        let (mesh, record) = self.visible_mesh(&MeshAddress::new(name.clone(), owner.cloned()))?;
        Ok(mesh_data(&mesh, record, StatusCode::Active))
    }

    /// UpdateMesh has no `meshOwner`: only the caller's own meshes can be updated.
    pub fn update_mesh(&mut self, name: &ResourceName, input: UpdateMeshInput) -> Result<MeshData, ApiError> {
        let request = ("UpdateMesh", name, &input.spec);
        self.idempotent(input.client_token.as_ref(), &request, |engine| {
            let (mesh, mut record) = engine.visible_mesh(&MeshAddress::new(name.clone(), None))?;
            record.spec = input.spec.clone().unwrap_or_default();
            engine.bump(&mut record.metadata);
            engine.save(keys::MESHES, &keys::mesh(mesh.name.as_str(), &mesh.owner), &record)?;
            Ok(mesh_data(&mesh, record, StatusCode::Active))
        })
    }

    /// A mesh that still holds virtual services, nodes or routers is in use.
    pub fn delete_mesh(&mut self, name: &ResourceName) -> Result<MeshData, ApiError> {
        let (mesh, record) = self.visible_mesh(&MeshAddress::new(name.clone(), None))?;
        let mut held = Vec::new();
        for kind in MeshResourceKind::ALL {
            let collection = keys::mesh_resources(&mesh, kind);
            let count = self.store.count(&collection).map_err(storage_failed)?;
            if count > 0 {
                let first = self.store.scan(&collection, None, 3).map_err(storage_failed)?;
                let names: Vec<String> = first.into_iter().map(|(key, _)| key).collect();
                let more = if count > names.len() { format!(" and {} more", count - names.len()) } else { String::new() };
                held.push(format!("{} {}{more}", kind.type_name(), names.join(", ")));
            }
        }
        if !held.is_empty() {
            return Err(ApiError::in_use(format!(
                "Mesh with name {} cannot be deleted because it still holds resources: {}",
                mesh.name,
                held.join("; ")
            )));
        }
        self.remove(keys::MESHES, &keys::mesh(mesh.name.as_str(), &mesh.owner))?;
        self.forget_principals(&mesh)?;
        Ok(mesh_data(&mesh, record, StatusCode::Deleted))
    }

    /// Every mesh the caller can see, by name.
    pub fn list_meshes(&mut self, limit: Option<PageLimit>, next_token: Option<&str>) -> Result<ListMeshesOutput, ApiError> {
        let list_id = format!("{}{}", keys::MESHES, self.context.caller);
        let after = next_token.map(|token| pagination::decode(&list_id, token)).transpose()?;
        let size = page_size(limit);
        let mut page = Vec::new();
        let mut next = None;
        for (key, record) in self.scan_all::<StoredMetadata>(keys::MESHES)? {
            if after.as_deref().is_some_and(|after| key.as_str() <= after) {
                continue;
            }
            let mesh = mesh_from_key(&key)?;
            if !self.can_see(&mesh)? {
                continue;
            }
            if page.len() == size {
                next = page.last().map(|(last_key, _): &(String, MeshRef)| pagination::encode(&list_id, last_key));
                break;
            }
            page.push((key, mesh_ref(&mesh, &record)));
        }
        Ok(ListMeshesOutput { meshes: page.into_iter().map(|(_, reference)| reference).collect(), next_token: next })
    }

    /// The mesh a call names, if the caller may see it; otherwise a NotFoundException.
    pub(crate) fn visible_mesh(&self, address: &MeshAddress) -> Result<(MeshKey, Record<MeshSpec>), ApiError> {
        let owner = address.owner.clone().unwrap_or_else(|| self.context.caller.clone());
        let mesh = MeshKey { owner, name: address.name.clone() };
        let record = if self.can_see(&mesh)? {
            self.load::<Record<MeshSpec>>(keys::MESHES, &keys::mesh(mesh.name.as_str(), &mesh.owner))?
        } else {
            None
        };
        match record {
            Some(record) => Ok((mesh, record)),
            None => Err(ApiError::not_found(format!("Mesh with name {} is not present for account {}", mesh.name, mesh.owner))),
        }
    }

    fn owned_mesh_count(&self) -> Result<usize, ApiError> {
        let meshes = self.scan_all::<StoredMetadata>(keys::MESHES)?;
        let mut owned = 0;
        for (key, _) in meshes {
            if mesh_from_key(&key)?.owner == self.context.caller {
                owned += 1;
            }
        }
        Ok(owned)
    }
}

fn mesh_from_key(key: &str) -> Result<MeshKey, ApiError> {
    keys::mesh_key_parts(key)
        .and_then(|(name, owner)| Some(MeshKey { name: ResourceName::parse(name).ok()?, owner: AccountId::parse(owner).ok()? }))
        .ok_or_else(|| ApiError::internal(format!("Stored mesh key {key:?} is unreadable")))
}

fn mesh_data(mesh: &MeshKey, record: Record<MeshSpec>, status: StatusCode) -> MeshData {
    MeshData { mesh_name: mesh.name.clone(), metadata: record.metadata, spec: record.spec, status: ResourceStatus { status } }
}

fn mesh_ref(mesh: &MeshKey, record: &StoredMetadata) -> MeshRef {
    let metadata = &record.metadata;
    MeshRef {
        arn: metadata.arn.clone(),
        created_at: metadata.created_at,
        last_updated_at: metadata.last_updated_at,
        mesh_name: mesh.name.clone(),
        mesh_owner: metadata.mesh_owner.clone(),
        resource_owner: metadata.resource_owner.clone(),
        version: metadata.version,
    }
}
