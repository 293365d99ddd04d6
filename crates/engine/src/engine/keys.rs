//! Where each thing is kept in the store. Names cannot hold control characters, so the
//! unit separator keeps the parts of a key apart.

use super::MeshKey;
use crate::names::AccountId;
use crate::resource::MeshResourceKind;

pub(crate) const SEPARATOR: char = '\u{1f}';

/// Every mesh of every account, keyed by name then owner.
pub const MESHES: &str = "meshes";

pub fn mesh(name: &str, owner: &AccountId) -> String {
    format!("{name}{SEPARATOR}{owner}")
}

/// The owner part of a [`mesh`] key.
pub fn mesh_key_parts(key: &str) -> Option<(&str, &str)> {
    key.split_once(SEPARATOR)
}

/// The virtual services (or nodes, or routers) of one mesh, keyed by name.
pub fn mesh_resources(mesh: &MeshKey, kind: MeshResourceKind) -> String {
    format!("mesh{SEPARATOR}{}{SEPARATOR}{}{SEPARATOR}{}", mesh.owner, mesh.name, kind.arn_segment())
}

/// The client tokens an account has used, keyed by token.
pub fn client_tokens(account: &AccountId) -> String {
    format!("clientTokens{SEPARATOR}{account}")
}

/// The accounts a mesh is shared with, keyed by account; the value names the shares.
pub fn mesh_principals(mesh: &MeshKey) -> String {
    format!("meshPrincipals{SEPARATOR}{}{SEPARATOR}{}", mesh.owner, mesh.name)
}

/// Every resource share (AWS RAM), keyed by its ARN.
pub const RESOURCE_SHARES: &str = "resourceShares";
