//! The engine: App Mesh's rules applied over a [`Store`], with no I/O of its own. One
//! `Engine` serves one API call; the caller runs it inside one storage transaction and
//! commits only when it returns `Ok`.

mod keys;
mod kinds;
pub mod listing;
mod mesh_resources;
mod meshes;
mod references;
pub mod sharing;
pub mod snapshot;
mod tags;
mod whole_mesh;

use crate::error::ApiError;
use crate::names::*;
use crate::resource::*;
use crate::store::Store;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The account and region calls act as when nothing says otherwise: the server's `--account`
/// and `--region`, and a new browser store's.
pub const DEFAULT_ACCOUNT: &str = "123456789012";
pub const DEFAULT_REGION: &str = "us-east-1";

/// App Mesh's default service quotas, as Service Quotas lists them (README: Quotas).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotas {
    pub meshes_per_account: usize,
    pub virtual_services_per_mesh: usize,
    pub virtual_nodes_per_mesh: usize,
    pub virtual_routers_per_mesh: usize,
    pub virtual_gateways_per_mesh: usize,
    pub routes_per_virtual_router: usize,
    pub gateway_routes_per_virtual_gateway: usize,
    pub tags_per_resource: usize,
}

impl Default for Quotas {
    fn default() -> Self {
        Self {
            meshes_per_account: 15,
            virtual_services_per_mesh: 200,
            virtual_nodes_per_mesh: 200,
            virtual_routers_per_mesh: 200,
            virtual_gateways_per_mesh: 3,
            routes_per_virtual_router: 50,
            gateway_routes_per_virtual_gateway: 10,
            tags_per_resource: 50,
        }
    }
}

/// Who calls, where, and when: everything the engine would otherwise ask the world for.
#[derive(Debug, Clone)]
pub struct Context {
    pub caller: AccountId,
    pub region: Region,
    pub now: Timestamp,
    /// The uid a resource created by this call gets.
    pub new_uid: String,
    pub quotas: Quotas,
}

/// A mesh as a mesh-scoped call names it: its name, and `meshOwner` when given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeshAddress {
    pub name: ResourceName,
    pub owner: Option<AccountId>,
}

impl MeshAddress {
    pub fn new(name: ResourceName, owner: Option<AccountId>) -> Self {
        Self { name, owner }
    }
}

/// A mesh that exists: owner and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct MeshKey {
    pub owner: AccountId,
    pub name: ResourceName,
}

/// What is stored for every resource: the metadata, the spec as given, and the tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Record<S> {
    pub metadata: ResourceMetadata,
    pub spec: S,
    #[serde(default)]
    pub tags: Vec<TagRef>,
}

/// Only the metadata of a stored record: what lists need, without decoding specs.
#[derive(Deserialize)]
pub(crate) struct StoredMetadata {
    pub metadata: ResourceMetadata,
}

/// A `clientToken` remembered with the request it came with and the answer given.
#[derive(Serialize, Deserialize)]
struct TokenRecord {
    request: String,
    response: String,
    at: i64,
}

/// How long a client token is remembered.
const TOKEN_LIFETIME_MILLIS: i64 = 24 * 60 * 60 * 1000;

pub struct Engine<'a, S: Store + ?Sized> {
    store: &'a mut S,
    context: &'a Context,
    /// How many resources this call has created: each gets its own uid.
    created: std::cell::Cell<u64>,
}

impl<'a, S: Store + ?Sized> Engine<'a, S> {
    pub fn new(store: &'a mut S, context: &'a Context) -> Self {
        Self { store, context, created: std::cell::Cell::new(0) }
    }

    /// Who calls, where and when: what the console's own calls need beyond the store (an
    /// export's region and date, an import's account).
    pub fn context(&self) -> &Context {
        self.context
    }

    fn load<T: DeserializeOwned>(&self, collection: &str, key: &str) -> Result<Option<T>, ApiError> {
        match self.store.get(collection, key).map_err(storage_failed)? {
            Some(text) => serde_json::from_str(&text).map(Some).map_err(|error| corrupt(collection, key, error)),
            None => Ok(None),
        }
    }

    fn save<T: Serialize>(&mut self, collection: &str, key: &str, value: &T) -> Result<(), ApiError> {
        let text = serde_json::to_string(value).map_err(|error| ApiError::internal(error.to_string()))?;
        self.store.put(collection, key, &text).map_err(storage_failed)
    }

    fn remove(&mut self, collection: &str, key: &str) -> Result<(), ApiError> {
        self.store.delete(collection, key).map_err(storage_failed)
    }

    /// Every entry of a collection, read in pages so no single read is unbounded.
    fn scan_all<T: DeserializeOwned>(&self, collection: &str) -> Result<Vec<(String, T)>, ApiError> {
        const BATCH: usize = 256;
        let mut entries = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let batch = self.store.scan(collection, after.as_deref(), BATCH).map_err(storage_failed)?;
            let full = batch.len() == BATCH;
            for (key, text) in batch {
                let value = serde_json::from_str(&text).map_err(|error| corrupt(collection, &key, error))?;
                after = Some(key.clone());
                entries.push((key, value));
            }
            if !full {
                return Ok(entries);
            }
        }
    }

    /// Runs a Create or Update once per `clientToken`: the same token with the same request
    /// answers the first result again; with another request it is a ConflictException.
    fn idempotent<T: Serialize + DeserializeOwned>(
        &mut self,
        token: Option<&ClientToken>,
        request: &impl Serialize,
        run: impl FnOnce(&mut Self) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let Some(token) = token else {
            return run(self);
        };
        let request = serde_json::to_string(request).map_err(|error| ApiError::internal(error.to_string()))?;
        let collection = keys::client_tokens(&self.context.caller);
        let remembered: Option<TokenRecord> = self.load(&collection, token.as_str())?;
        if let Some(remembered) = remembered.filter(|r| self.context.now.as_millis() - r.at < TOKEN_LIFETIME_MILLIS) {
            if remembered.request != request {
                return Err(ApiError::conflict(format!(
                    "The client token {token} was used for a previous request with different parameters. \
                     Try the request again with a new client token."
                )));
            }
            return serde_json::from_str(&remembered.response).map_err(|error| corrupt(&collection, token.as_str(), error));
        }
        let result = run(self)?;
        let response = serde_json::to_string(&result).map_err(|error| ApiError::internal(error.to_string()))?;
        let record = TokenRecord { request, response, at: self.context.now.as_millis() };
        self.save(&collection, token.as_str(), &record)?;
        Ok(result)
    }

    fn new_metadata(&self, arn: String, mesh_owner: AccountId) -> ResourceMetadata {
        ResourceMetadata {
            arn,
            created_at: self.context.now,
            last_updated_at: self.context.now,
            mesh_owner,
            resource_owner: self.context.caller.clone(),
            uid: self.next_uid(),
            version: 1,
        }
    }

    /// The call's uid for the first resource it creates; for each further one (an import
    /// creates many in one call), the uid with its last 12 hex digits counted on from there.
    fn next_uid(&self) -> String {
        let index = self.created.replace(self.created.get() + 1);
        let uid = &self.context.new_uid;
        if index == 0 {
            return uid.clone();
        }
        let split = uid.len().saturating_sub(12);
        match uid.get(split..).and_then(|tail| u64::from_str_radix(tail, 16).ok()).filter(|_| uid.len() >= 12) {
            Some(node) => format!("{}{:012x}", &uid[..split], node.wrapping_add(index) & 0xffff_ffff_ffff),
            None => format!("{uid}-{index}"),
        }
    }

    /// The next version of a resource: one more, updated now.
    fn bump(&self, metadata: &mut ResourceMetadata) {
        metadata.version += 1;
        metadata.last_updated_at = self.context.now.max(metadata.last_updated_at);
    }

    fn mesh_arn(&self, mesh: &MeshKey) -> String {
        format!("arn:aws:appmesh:{}:{}:mesh/{}", self.context.region, mesh.owner, mesh.name)
    }
}

fn storage_failed(error: crate::store::StoreError) -> ApiError {
    ApiError::internal(format!("Storage failed: {error}"))
}

fn corrupt(collection: &str, key: &str, error: serde_json::Error) -> ApiError {
    ApiError::internal(format!("Stored data for {collection:?}/{key:?} is unreadable: {error}"))
}

/// `limit` defaults to 100, App Mesh's page size when none is given.
fn page_size(limit: Option<PageLimit>) -> usize {
    limit.map_or(100, |limit| usize::from(limit.get()))
}

#[cfg(test)]
mod tests;
