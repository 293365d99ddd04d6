//! Sharing a mesh with other accounts as AWS RAM did it for App Mesh (CreateResourceShare,
//! DeleteResourceShare), and what a shared mesh lets each account do: everyone sees
//! everything in it; each account modifies only what it created; the owner may delete
//! anything.

use super::*;
use crate::error::ErrorKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateResourceShareInput {
    pub name: String,
    #[serde(default)]
    pub resource_arns: Vec<String>,
    #[serde(default)]
    pub principals: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_external_principals: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceShare {
    pub resource_share_arn: String,
    pub name: String,
    pub owning_account_id: AccountId,
    pub allow_external_principals: bool,
    pub status: String,
    pub creation_time: Timestamp,
    pub last_updated_time: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateResourceShareOutput {
    pub resource_share: ResourceShare,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteResourceShareOutput {
    pub return_value: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
}

/// A share as stored: which of the owner's meshes, with which accounts.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredShare {
    pub share: ResourceShare,
    pub meshes: Vec<ResourceName>,
    pub principals: Vec<AccountId>,
}

fn ram_error(kind: ErrorKind, message: impl Into<String>) -> ApiError {
    ApiError::new(kind, message)
}

impl<S: Store + ?Sized> Engine<'_, S> {
    pub fn create_resource_share(&mut self, input: CreateResourceShareInput) -> Result<CreateResourceShareOutput, ApiError> {
        if input.name.is_empty() || input.name.chars().count() > 255 {
            return Err(ram_error(ErrorKind::InvalidParameterException, "name: must be 1 to 255 characters long"));
        }
        let mut meshes = Vec::new();
        for arn in &input.resource_arns {
            meshes.push(self.own_mesh_of_arn(arn)?);
        }
        let mut principals = Vec::new();
        for principal in &input.principals {
            let account = AccountId::parse(principal.clone()).map_err(|_| {
                ram_error(
                    ErrorKind::InvalidParameterException,
                    format!("principals: {principal:?} is not a 12-digit account id; only accounts can be principals here"),
                )
            })?;
            if account == self.context.caller {
                return Err(ram_error(ErrorKind::InvalidParameterException, "principals: a mesh cannot be shared with its own account"));
            }
            if !principals.contains(&account) {
                principals.push(account);
            }
        }
        let share = ResourceShare {
            resource_share_arn: format!(
                "arn:aws:ram:{}:{}:resource-share/{}",
                self.context.region, self.context.caller, self.context.new_uid
            ),
            name: input.name.clone(),
            owning_account_id: self.context.caller.clone(),
            allow_external_principals: input.allow_external_principals.unwrap_or(true),
            status: "ACTIVE".into(),
            creation_time: self.context.now,
            last_updated_time: self.context.now,
        };
        for mesh in &meshes {
            let key = MeshKey { owner: self.context.caller.clone(), name: mesh.clone() };
            for principal in &principals {
                let mut shares: Vec<String> = self.load(&keys::mesh_principals(&key), principal.as_str())?.unwrap_or_default();
                shares.push(share.resource_share_arn.clone());
                self.save(&keys::mesh_principals(&key), principal.as_str(), &shares)?;
            }
        }
        let stored = StoredShare { share: share.clone(), meshes, principals };
        self.save(keys::RESOURCE_SHARES, &share.resource_share_arn, &stored)?;
        Ok(CreateResourceShareOutput { resource_share: share, client_token: input.client_token })
    }

    pub fn delete_resource_share(&mut self, arn: &str, client_token: Option<String>) -> Result<DeleteResourceShareOutput, ApiError> {
        let stored: StoredShare = self
            .load(keys::RESOURCE_SHARES, arn)?
            .filter(|stored: &StoredShare| stored.share.owning_account_id == self.context.caller)
            .ok_or_else(|| {
                ram_error(ErrorKind::UnknownResourceException, format!("resourceShareArn: {arn} is not a resource share of this account"))
            })?;
        for mesh in &stored.meshes {
            let key = MeshKey { owner: self.context.caller.clone(), name: mesh.clone() };
            for principal in &stored.principals {
                let mut shares: Vec<String> = self.load(&keys::mesh_principals(&key), principal.as_str())?.unwrap_or_default();
                shares.retain(|share| share != arn);
                if shares.is_empty() {
                    self.remove(&keys::mesh_principals(&key), principal.as_str())?;
                } else {
                    self.save(&keys::mesh_principals(&key), principal.as_str(), &shares)?;
                }
            }
        }
        self.remove(keys::RESOURCE_SHARES, arn)?;
        Ok(DeleteResourceShareOutput { return_value: true, client_token })
    }

    /// A mesh of the caller's, named by its ARN.
    fn own_mesh_of_arn(&self, arn: &str) -> Result<ResourceName, ApiError> {
        let malformed = || ram_error(ErrorKind::MalformedArnException, format!("resourceArns: {arn:?} is not an App Mesh mesh ARN"));
        let rest = arn.strip_prefix("arn:aws:appmesh:").ok_or_else(malformed)?;
        let mut parts = rest.splitn(3, ':');
        let (Some(region), Some(account), Some(path)) = (parts.next(), parts.next(), parts.next()) else { return Err(malformed()) };
        let name = path.strip_prefix("mesh/").filter(|name| !name.contains('/')).ok_or_else(malformed)?;
        let name = ResourceName::parse(name).map_err(|_| malformed())?;
        let unknown = || ram_error(ErrorKind::UnknownResourceException, format!("resourceArns: {arn} is not a mesh this account owns"));
        if region != self.context.region.as_str() || account != self.context.caller.as_str() {
            return Err(unknown());
        }
        let key = MeshKey { owner: self.context.caller.clone(), name: name.clone() };
        self.store.get(keys::MESHES, &keys::mesh(name.as_str(), &key.owner)).map_err(storage_failed)?.ok_or_else(unknown)?;
        Ok(name)
    }

    /// A caller sees the meshes of its own account and those shared with it.
    pub(crate) fn can_see(&self, mesh: &MeshKey) -> Result<bool, ApiError> {
        if mesh.owner == self.context.caller {
            return Ok(true);
        }
        Ok(self.store.get(&keys::mesh_principals(mesh), self.context.caller.as_str()).map_err(storage_failed)?.is_some())
    }

    /// In a shared mesh each account modifies only what it created; the owner of the mesh
    /// may also delete what others created in it.
    pub(crate) fn check_may_modify(&self, mesh: &MeshKey, metadata: &ResourceMetadata, deleting: bool) -> Result<(), ApiError> {
        if metadata.resource_owner == self.context.caller || (deleting && mesh.owner == self.context.caller) {
            return Ok(());
        }
        Err(ApiError::forbidden(format!(
            "Account {} may not modify {}: it was created by account {} in mesh {} of account {}",
            self.context.caller, metadata.arn, metadata.resource_owner, mesh.name, mesh.owner
        )))
    }

    /// Deleting a mesh ends its sharing, so a new mesh of the same name starts unshared.
    pub(crate) fn forget_principals(&mut self, mesh: &MeshKey) -> Result<(), ApiError> {
        let collection = keys::mesh_principals(mesh);
        let entries = self.store.scan(&collection, None, usize::MAX).map_err(storage_failed)?;
        for (principal, _) in entries {
            self.remove(&collection, &principal)?;
        }
        Ok(())
    }
}
