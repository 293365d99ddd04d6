//! The whole store as one JSON document: what the browser keeps in localStorage, what Export
//! downloads and what Import takes, in the browser and on the server alike. Reading one checks
//! its format and schema version, then every record as the engine reads it and every reference
//! between records, so a document that reads is one the engine can serve.

use super::keys::{self, Collection};
use super::listing::listings;
use super::references::{absent_provider, absent_target_node, absent_target_service};
use super::sharing::StoredShare;
use super::{MeshKey, Record, TokenRecord};
use crate::error::ApiError;
use crate::names::{AccountId, Region, ResourceName, ServiceName};
use crate::resource::{MeshResourceKind, RouteKind};
use crate::spec::*;
use crate::store::{MemoryStore, Store};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;

/// What the `format` member of every store document says.
pub const FORMAT: &str = "mesh-console-store";
/// The layout of the collections this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A store document that cannot be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotError(pub String);

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SnapshotError {}

fn invalid(message: impl Into<String>) -> SnapshotError {
    SnapshotError(message.into())
}

/// Everything stored, and the identity the console acts as over it.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub account: AccountId,
    pub region: Region,
    pub store: MemoryStore,
}

/// Read first, alone, so a newer or foreign document is named as such rather than
/// reported by the first member this build does not know.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    format: Option<String>,
    schema_version: Option<u64>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Document {
    format: String,
    schema_version: u32,
    account: AccountId,
    region: Region,
    collections: BTreeMap<String, BTreeMap<String, Box<RawValue>>>,
}

impl Snapshot {
    pub fn new(account: AccountId, region: Region, store: MemoryStore) -> Self {
        Self { account, region, store }
    }

    /// Reads a store document: all of it is valid, or nothing is taken.
    pub fn parse(text: &str) -> Result<Self, SnapshotError> {
        let header: Header = serde_json::from_str(text).map_err(|error| invalid(format!("It is not a JSON object: {error}.")))?;
        if header.format.as_deref() != Some(FORMAT) {
            return Err(invalid(format!("It is not a Mesh Console store: it lacks \"format\": \"{FORMAT}\".")));
        }
        match header.schema_version {
            Some(version) if version == u64::from(SCHEMA_VERSION) => {}
            Some(version) if version > u64::from(SCHEMA_VERSION) => {
                return Err(invalid(format!(
                    "It was written by a newer Mesh Console (schema version {version}); this one reads schema version {SCHEMA_VERSION}."
                )));
            }
            _ => {
                return Err(invalid(format!(
                    "Its \"schemaVersion\" is missing or unknown; this Mesh Console reads schema version {SCHEMA_VERSION}."
                )));
            }
        }
        let deserializer = &mut serde_json::Deserializer::from_str(text);
        let document: Document =
            serde_path_to_error::deserialize(deserializer).map_err(|error| invalid(format!("{}: {}", error.path(), error.inner())))?;
        let mut store = MemoryStore::new();
        for (collection, entries) in document.collections {
            for (key, value) in entries {
                store.put(&collection, &key, value.get()).expect("memory never fails");
            }
        }
        check(&store)?;
        for (collection, key, item) in listings(store.entries()).map_err(invalid)? {
            store.put(&collection, &key, &item).expect("memory never fails");
        }
        Ok(Self::new(document.account, document.region, store))
    }

    /// [`Snapshot::parse`] for an Import: a refusal is the caller's bad request, and says
    /// that nothing was changed.
    pub fn parse_import(text: &str) -> Result<Self, ApiError> {
        Self::parse(text).map_err(|error| ApiError::bad_request(format!("The file cannot be imported: {error} Nothing was changed.")))
    }

    /// The document, compact.
    pub fn to_json(&self) -> String {
        let mut collections: BTreeMap<String, BTreeMap<String, Box<RawValue>>> = BTreeMap::new();
        let kept = self.store.entries().filter(|(collection, ..)| !matches!(keys::collection(collection), Some(Collection::Listing)));
        for (collection, key, value) in kept {
            let value = RawValue::from_string(value.to_owned()).expect("the engine stores JSON");
            collections.entry(collection.to_owned()).or_default().insert(key.to_owned(), value);
        }
        let document = Document {
            format: FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            account: self.account.clone(),
            region: self.region.clone(),
            collections,
        };
        serde_json::to_string(&document).expect("documents serialize")
    }
}

/// Every record decodes as the engine reads it, sits where its identity says, and names only
/// things that exist.
fn check(store: &MemoryStore) -> Result<(), SnapshotError> {
    for (collection, key, value) in store.entries() {
        let at = |message: String| invalid(format!("collections[{collection:?}][{key:?}]: {message}"));
        match keys::collection(collection) {
            Some(Collection::Meshes) => {
                let (name, owner) = keys::mesh_key_parts(key).ok_or_else(|| at("a mesh key is name and owner".into()))?;
                let mesh = mesh_key(owner, name).map_err(at)?;
                let record: Record<MeshSpec> = decode(value).map_err(at)?;
                if record.metadata.mesh_owner != mesh.owner || !record.metadata.arn.ends_with(&format!(":mesh/{}", mesh.name)) {
                    return Err(at(format!("the record is of {}, not of this key", record.metadata.arn)));
                }
            }
            Some(Collection::MeshResources { owner, mesh: name, segment }) => {
                let mesh = mesh_key(owner, name).map_err(at)?;
                require_mesh(store, &mesh).map_err(at)?;
                let kind = MeshResourceKind::ALL
                    .into_iter()
                    .find(|kind| kind.arn_segment() == segment)
                    .ok_or_else(|| at(format!("unknown kind {segment:?}")))?;
                let arn = match kind {
                    MeshResourceKind::VirtualService => {
                        ServiceName::parse(key).map_err(|error| at(error.to_string()))?;
                        let record: Record<VirtualServiceSpec> = decode(value).map_err(at)?;
                        if let Some(provider) = absent_provider(store, &mesh, &record.spec).expect("memory never fails") {
                            let (kind, name) = (provider.kind().type_name(), provider.name());
                            return Err(at(format!("its provider {kind} {name} is not in mesh {}", mesh.name)));
                        }
                        record.metadata.arn
                    }
                    MeshResourceKind::VIRTUAL_NODE => {
                        ResourceName::parse(key).map_err(|error| at(error.to_string()))?;
                        decode::<Record<VirtualNodeSpec>>(value).map_err(at)?.metadata.arn
                    }
                    MeshResourceKind::VIRTUAL_ROUTER => {
                        ResourceName::parse(key).map_err(|error| at(error.to_string()))?;
                        decode::<Record<VirtualRouterSpec>>(value).map_err(at)?.metadata.arn
                    }
                    MeshResourceKind::VirtualGateway => {
                        ResourceName::parse(key).map_err(|error| at(error.to_string()))?;
                        decode::<Record<VirtualGatewaySpec>>(value).map_err(at)?.metadata.arn
                    }
                };
                if !arn.ends_with(&format!(":mesh/{}/{segment}/{key}", mesh.name)) {
                    return Err(at(format!("the record is of {arn}, not of this key")));
                }
            }
            Some(Collection::Routes { owner, mesh: name, parent_segment, parent, segment }) => {
                let mesh = mesh_key(owner, name).map_err(at)?;
                require_mesh(store, &mesh).map_err(at)?;
                let kind = RouteKind::ALL
                    .into_iter()
                    .find(|kind| kind.parent_path_segment() == parent_segment && kind.arn_segment() == segment)
                    .ok_or_else(|| at(format!("unknown kind {parent_segment:?}/{segment:?}")))?;
                ResourceName::parse(parent).map_err(|error| at(error.to_string()))?;
                if store.get(&keys::mesh_resources(&mesh, kind.parent()), parent).expect("memory never fails").is_none() {
                    return Err(at(format!("its {} {parent} is not in mesh {}", kind.parent().type_name(), mesh.name)));
                }
                ResourceName::parse(key).map_err(|error| at(error.to_string()))?;
                let arn = match kind {
                    RouteKind::Route => {
                        let record: Record<RouteSpec> = decode(value).map_err(at)?;
                        if let Some(node) = absent_target_node(store, &mesh, &record.spec).expect("memory never fails") {
                            return Err(at(format!("its target VirtualNode {node} is not in mesh {}", mesh.name)));
                        }
                        record.metadata.arn
                    }
                    RouteKind::GatewayRoute => {
                        let record: Record<GatewayRouteSpec> = decode(value).map_err(at)?;
                        if let Some(service) = absent_target_service(store, &mesh, &record.spec).expect("memory never fails") {
                            return Err(at(format!("its target VirtualService {service} is not in mesh {}", mesh.name)));
                        }
                        record.metadata.arn
                    }
                };
                if !arn.ends_with(&format!(":mesh/{}/{parent_segment}/{parent}/{segment}/{key}", mesh.name)) {
                    return Err(at(format!("the record is of {arn}, not of this key")));
                }
            }
            Some(Collection::ClientTokens { account }) => {
                AccountId::parse(account).map_err(|error| at(error.to_string()))?;
                decode::<TokenRecord>(value).map_err(at)?;
            }
            Some(Collection::MeshPrincipals { owner, mesh: name }) => {
                require_mesh(store, &mesh_key(owner, name).map_err(at)?).map_err(at)?;
                AccountId::parse(key).map_err(|error| at(error.to_string()))?;
                for share in decode::<Vec<String>>(value).map_err(at)? {
                    if store.get(keys::RESOURCE_SHARES, &share).expect("memory never fails").is_none() {
                        return Err(at(format!("names the resource share {share}, which is not in the store")));
                    }
                }
            }
            Some(Collection::ResourceShares) => {
                let stored: StoredShare = decode(value).map_err(at)?;
                if stored.share.resource_share_arn != key {
                    return Err(at(format!("the record is of {}, not of this key", stored.share.resource_share_arn)));
                }
            }
            Some(Collection::Listing) => {
                return Err(invalid(format!(
                    "collections[{collection:?}]: List items are written by the engine, not read from a document"
                )));
            }
            None => return Err(invalid(format!("collections[{collection:?}]: not a collection of this schema version"))),
        }
    }
    Ok(())
}

fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|error| format!("{}: {}", error.path(), error.inner()))
}

pub(super) fn mesh_key(owner: &str, name: &str) -> Result<MeshKey, String> {
    Ok(MeshKey {
        owner: AccountId::parse(owner).map_err(|error| error.to_string())?,
        name: ResourceName::parse(name).map_err(|error| error.to_string())?,
    })
}

fn require_mesh(store: &MemoryStore, mesh: &MeshKey) -> Result<(), String> {
    match store.get(keys::MESHES, &keys::mesh(mesh.name.as_str(), &mesh.owner)).expect("memory never fails") {
        Some(_) => Ok(()),
        None => Err(format!("mesh {} of account {} is not in the store", mesh.name, mesh.owner)),
    }
}

#[cfg(test)]
mod tests;
