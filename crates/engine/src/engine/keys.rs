//! Where each thing is kept in the store. Names cannot hold control characters, so the
//! unit separator keeps the parts of a key apart.

use super::MeshKey;
use crate::names::AccountId;
use crate::resource::{MeshResourceKind, RouteKind};

const SEPARATOR: char = '\u{1f}';
const MESH_RESOURCES: &str = "mesh";
const CLIENT_TOKENS: &str = "clientTokens";
const MESH_PRINCIPALS: &str = "meshPrincipals";
const LISTING: &str = "listing";

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
    format!("{MESH_RESOURCES}{SEPARATOR}{}{SEPARATOR}{}{SEPARATOR}{}", mesh.owner, mesh.name, kind.arn_segment())
}

/// The routes of one virtual router (or gateway routes of one virtual gateway), keyed by name.
pub fn routes(mesh: &MeshKey, kind: RouteKind, parent: &str) -> String {
    let (owner, name) = (&mesh.owner, &mesh.name);
    format!(
        "{MESH_RESOURCES}{SEPARATOR}{owner}{SEPARATOR}{name}{SEPARATOR}{}{SEPARATOR}{parent}{SEPARATOR}{}",
        kind.parent_path_segment(),
        kind.arn_segment()
    )
}

/// Beside a collection of resources, what a List answers for each: its Ref as JSON, written
/// with the resource, so a List page is read as stored instead of rebuilt from every record.
/// Derived data: store documents leave it out, and reading one writes it again.
pub fn listing(collection: &str) -> String {
    format!("{LISTING}{SEPARATOR}{collection}")
}

/// The client tokens an account has used, keyed by token.
pub fn client_tokens(account: &AccountId) -> String {
    format!("{CLIENT_TOKENS}{SEPARATOR}{account}")
}

/// The accounts a mesh is shared with, keyed by account; the value names the shares.
pub fn mesh_principals(mesh: &MeshKey) -> String {
    format!("{MESH_PRINCIPALS}{SEPARATOR}{}{SEPARATOR}{}", mesh.owner, mesh.name)
}

/// Every resource share (AWS RAM), keyed by its ARN.
pub const RESOURCE_SHARES: &str = "resourceShares";

/// What a collection holds, read back from its name: the inverse of the functions above, for
/// reading a whole store (see `snapshot`). The parts are as stored, not yet checked.
pub enum Collection<'a> {
    Meshes,
    MeshResources { owner: &'a str, mesh: &'a str, segment: &'a str },
    Routes { owner: &'a str, mesh: &'a str, parent_segment: &'a str, parent: &'a str, segment: &'a str },
    ClientTokens { account: &'a str },
    MeshPrincipals { owner: &'a str, mesh: &'a str },
    ResourceShares,
    Listing,
}

pub fn collection(name: &str) -> Option<Collection<'_>> {
    if name.strip_prefix(LISTING).is_some_and(|rest| rest.starts_with(SEPARATOR)) {
        return Some(Collection::Listing);
    }
    let parts: Vec<&str> = name.split(SEPARATOR).collect();
    Some(match parts.as_slice() {
        [MESHES] => Collection::Meshes,
        [MESH_RESOURCES, owner, mesh, segment] => Collection::MeshResources { owner, mesh, segment },
        [MESH_RESOURCES, owner, mesh, parent_segment, parent, segment] => {
            Collection::Routes { owner, mesh, parent_segment, parent, segment }
        }
        [CLIENT_TOKENS, account] => Collection::ClientTokens { account },
        [MESH_PRINCIPALS, owner, mesh] => Collection::MeshPrincipals { owner, mesh },
        [RESOURCE_SHARES] => Collection::ResourceShares,
        _ => return None,
    })
}
