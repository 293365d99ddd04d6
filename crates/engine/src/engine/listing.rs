//! What a List answers for each resource, kept beside the resource (`keys::listing`): a List
//! page is then the stored items joined, not every record read and its Ref rebuilt.

use super::keys::{self, Collection};
use super::mesh_resources::*;
use super::snapshot::mesh_key;
use super::{MeshKey, StoredMetadata};
use crate::names::ResourceName;
use crate::resource::{MeshResourceKind, RouteKind};

/// A page of a List, its items the JSON of their Refs as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedPage {
    pub(super) member: &'static str,
    pub(super) items: Vec<String>,
    pub(super) next_token: Option<String>,
}

impl ListedPage {
    /// The body App Mesh answers: `{"virtualNodes":[…],"nextToken":"…"}`.
    pub fn into_json(self) -> String {
        let length = self.items.iter().map(|item| item.len() + 1).sum::<usize>();
        let mut body = String::with_capacity(length + 64);
        body.push_str("{\"");
        body.push_str(self.member);
        body.push_str("\":[");
        body.push_str(&self.items.join(","));
        body.push(']');
        if let Some(token) = self.next_token {
            body.push_str(",\"nextToken\":");
            body.push_str(&serde_json::to_string(&token).expect("strings serialize"));
        }
        body.push('}');
        body
    }
}

/// The List item of every resource among `entries` (collection, key, value, as stored), each
/// as (its listing collection, key, item): what a store read from a document, or a database
/// written before listings were kept, lacks. The records are read as the engine reads them.
pub fn listings<'e>(entries: impl Iterator<Item = (&'e str, &'e str, &'e str)>) -> Result<Vec<(String, String, String)>, String> {
    let mut listings = Vec::new();
    for (collection, key, value) in entries {
        let item = match keys::collection(collection) {
            Some(Collection::MeshResources { owner, mesh, segment }) => {
                let mesh = mesh_key(owner, mesh)?;
                match MeshResourceKind::from_arn_segment(segment) {
                    Some(MeshResourceKind::VirtualService) => item::<VirtualService>(&mesh, &(), key, value),
                    Some(MeshResourceKind::VIRTUAL_NODE) => item::<VirtualNode>(&mesh, &(), key, value),
                    Some(MeshResourceKind::VIRTUAL_ROUTER) => item::<VirtualRouter>(&mesh, &(), key, value),
                    Some(MeshResourceKind::VirtualGateway) => item::<VirtualGateway>(&mesh, &(), key, value),
                    None => Err(format!("unknown kind {segment:?}")),
                }
            }
            Some(Collection::Routes { owner, mesh, parent_segment, parent, segment }) => {
                let mesh = mesh_key(owner, mesh)?;
                let parent = ResourceName::parse(parent).map_err(|error| error.to_string())?;
                match RouteKind::from_arn_segment(segment).filter(|kind| kind.parent_path_segment() == parent_segment) {
                    Some(RouteKind::Route) => item::<Route>(&mesh, &parent, key, value),
                    Some(RouteKind::GatewayRoute) => item::<GatewayRoute>(&mesh, &parent, key, value),
                    None => Err(format!("unknown kind {parent_segment:?}/{segment:?}")),
                }
            }
            _ => continue,
        };
        let item = item.map_err(|error| format!("collections[{collection:?}][{key:?}]: {error}"))?;
        listings.push((keys::listing(collection), key.to_owned(), item));
    }
    Ok(listings)
}

fn item<K: MeshResource>(mesh: &MeshKey, parent: &K::Parent, key: &str, value: &str) -> Result<String, String> {
    let name = K::parse_name(key).map_err(|error| error.to_string())?;
    let record: StoredMetadata = serde_json::from_str(value).map_err(|error| error.to_string())?;
    let reference = K::reference(mesh.name.clone(), parent.clone(), name, record.metadata);
    serde_json::to_string(&reference).map_err(|error| error.to_string())
}
