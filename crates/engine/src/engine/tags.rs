//! TagResource, UntagResource and ListTagsForResource: resources found by ARN.

use super::*;
use crate::input::{TagResourceInput, UntagResourceInput};
use crate::pagination;
use crate::spec::*;

/// What an ARN names: a mesh, or a resource in one (its collection and key).
struct ArnTarget {
    mesh: MeshKey,
    resource: Option<(String, String)>,
}

/// The path of an ARN after the mesh's, as kinds and names: `virtualNode/n` or
/// `virtualRouter/r/route/n`.
enum ArnPath<'a> {
    Mesh,
    InMesh(MeshResourceKind, &'a str),
    InParent(RouteKind, &'a str, &'a str),
}

impl<S: Store + ?Sized> Engine<'_, S> {
    /// Adds tags, replacing the value of a key already there.
    pub fn tag_resource(&mut self, arn: &str, input: TagResourceInput) -> Result<(), ApiError> {
        let max = self.context.quotas.tags_per_resource;
        self.edit_tags(arn, |tags| {
            for tag in input.tags.as_slice() {
                match tags.iter_mut().find(|existing| existing.key == tag.key) {
                    Some(existing) => existing.value = tag.value.clone(),
                    None => tags.push(tag.clone()),
                }
            }
            if tags.len() > max {
                return Err(ApiError::new(
                    crate::error::ErrorKind::TooManyTagsException,
                    format!("The resource would have {} tags; the most allowed is {max}", tags.len()),
                ));
            }
            Ok(())
        })
    }

    /// Removes the tags with these keys; keys that are not there are ignored.
    pub fn untag_resource(&mut self, arn: &str, input: UntagResourceInput) -> Result<(), ApiError> {
        self.edit_tags(arn, |tags| {
            tags.retain(|tag| !input.tag_keys.as_slice().contains(&tag.key));
            Ok(())
        })
    }

    pub fn list_tags_for_resource(
        &mut self,
        arn: &str,
        limit: Option<TagsPageLimit>,
        next_token: Option<&str>,
    ) -> Result<ListTagsForResourceOutput, ApiError> {
        let target = self.resolve_arn(arn)?;
        let mut tags = match &target.resource {
            None => self.mesh_record(&target.mesh)?.tags,
            Some((collection, name)) => self.resource_tags(collection, name, arn)?,
        };
        tags.sort_by(|a, b| a.key.cmp(&b.key));
        if let Some(token) = next_token {
            let after = pagination::decode(arn, token)?;
            tags.retain(|tag| tag.key.as_str() > after.as_str());
        }
        let size = limit.map_or(usize::MAX, |limit| usize::from(limit.get()));
        let next_token = if tags.len() > size {
            tags.truncate(size);
            tags.last().map(|tag| pagination::encode(arn, tag.key.as_str()))
        } else {
            None
        };
        Ok(ListTagsForResourceOutput { tags, next_token })
    }

    fn edit_tags(&mut self, arn: &str, edit: impl FnOnce(&mut Vec<TagRef>) -> Result<(), ApiError>) -> Result<(), ApiError> {
        let target = self.resolve_arn(arn)?;
        match target.resource {
            None => {
                let mut record = self.mesh_record(&target.mesh)?;
                self.check_may_modify(&target.mesh, &record.metadata, false)?;
                edit(&mut record.tags)?;
                self.save(keys::MESHES, &keys::mesh(target.mesh.name.as_str(), &target.mesh.owner), &record)
            }
            Some((collection, name)) => {
                // Tags are edited without knowing the spec's type: the rest of the record is kept as it is.
                let mut record: Record<serde_json::Value> = self.load(&collection, &name)?.ok_or_else(|| resource_not_found(arn))?;
                self.check_may_modify(&target.mesh, &record.metadata, false)?;
                edit(&mut record.tags)?;
                self.save(&collection, &name, &record)
            }
        }
    }

    fn mesh_record(&self, mesh: &MeshKey) -> Result<Record<MeshSpec>, ApiError> {
        Ok(self.visible_mesh(&MeshAddress::new(mesh.name.clone(), Some(mesh.owner.clone())))?.1)
    }

    fn resource_tags(&self, collection: &str, name: &str, arn: &str) -> Result<Vec<TagRef>, ApiError> {
        let record: Option<Record<serde_json::Value>> = self.load(collection, name)?;
        record.map(|record| record.tags).ok_or_else(|| resource_not_found(arn))
    }

    /// `arn:aws:appmesh:{region}:{meshOwner}:mesh/{mesh}[/{kind}/{name}]`, of a mesh the caller sees.
    fn resolve_arn(&self, arn: &str) -> Result<ArnTarget, ApiError> {
        let malformed = || ApiError::bad_request(format!("resourceArn: {arn:?} is not an App Mesh ARN"));
        let mut parts = arn.splitn(6, ':');
        let (Some("arn"), Some(_partition), Some("appmesh"), Some(region), Some(account), Some(path)) =
            (parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(malformed());
        };
        let owner = AccountId::parse(account).map_err(|_| malformed())?;
        let segments: Vec<&str> = path.split('/').collect();
        let (mesh_name, path) = match segments.as_slice() {
            ["mesh", mesh] => (*mesh, ArnPath::Mesh),
            ["mesh", mesh, kind, name] => (*mesh, ArnPath::InMesh(MeshResourceKind::from_arn_segment(kind).ok_or_else(malformed)?, name)),
            ["mesh", mesh, parent_kind, parent, kind, name] => {
                let kind =
                    RouteKind::from_arn_segment(kind).filter(|kind| kind.parent_path_segment() == *parent_kind).ok_or_else(malformed)?;
                (*mesh, ArnPath::InParent(kind, parent, name))
            }
            _ => return Err(malformed()),
        };
        let name = ResourceName::parse(mesh_name).map_err(|_| malformed())?;
        if region != self.context.region.as_str() {
            return Err(resource_not_found(arn));
        }
        let (mesh, _) = self.visible_mesh(&MeshAddress::new(name, Some(owner))).map_err(|_| resource_not_found(arn))?;
        let resource = match path {
            ArnPath::Mesh => None,
            ArnPath::InMesh(kind, name) => Some((keys::mesh_resources(&mesh, kind), name.to_owned())),
            ArnPath::InParent(kind, parent, name) => Some((keys::routes(&mesh, kind, parent), name.to_owned())),
        };
        Ok(ArnTarget { mesh, resource })
    }
}

fn resource_not_found(arn: &str) -> ApiError {
    ApiError::not_found(format!("The resource {arn} is not present"))
}
