//! The App Mesh HTTP API (restJson1, paths under `/v20190125/`): one thin handler over the
//! engine's operation table, which runs each call in one transaction and answers.

mod extract;
mod handlers;
pub(crate) mod response;

use crate::security::Access;
use crate::storage::Database;
use axum::Router;
use axum::routing::{any, get};
use mesh_engine::names::{AccountId, Region};
use mesh_engine::{ApiError, Context, Engine, Quotas};
use response::ErrorResponse;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// What every handler shares.
#[derive(Clone)]
pub struct ApiState {
    pub database: Database,
    pub access: Arc<Access>,
    pub region: Region,
}

impl ApiState {
    fn context(&self, caller: AccountId) -> Context {
        Context { caller, region: self.region.clone(), now: now(), new_uid: uuid::Uuid::new_v4().to_string(), quotas: Quotas::default() }
    }

    /// Runs a Describe or List right here: it takes microseconds and never waits on a disk
    /// sync, so a hop to another thread would cost more than it saves.
    fn read<T>(
        &self,
        caller: AccountId,
        operation: impl FnOnce(&mut Engine<'_, crate::storage::SqliteStore<'_>>) -> Result<T, ApiError>,
    ) -> Result<T, ErrorResponse> {
        self.database.read(&self.context(caller), operation).map_err(ErrorResponse)
    }

    /// Runs a Create, Update, Delete or tagging call in the writer's next group commit, and
    /// answers once that commit is on disk.
    async fn write<T: Send + 'static>(
        &self,
        caller: AccountId,
        operation: impl FnOnce(&mut Engine<'_, crate::storage::SqliteStore<'_>>) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ErrorResponse> {
        self.database.write(self.context(caller), operation).await.map_err(ErrorResponse)
    }
}

/// The moment now, as the engine keeps it (the subcommands' calls take it too).
pub(crate) fn now() -> mesh_engine::resource::Timestamp {
    let millis = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_millis());
    mesh_engine::resource::Timestamp::from_millis(i64::try_from(millis).unwrap_or(i64::MAX))
}

/// An imported store may be larger than an App Mesh body; a browser's whole quota is ~5 MB.
const STORE_LIMIT: usize = 64 << 20;

pub fn routes() -> Router<ApiState> {
    use handlers::*;
    Router::new()
        .route("/v20190125", any(engine_call))
        .route("/v20190125/{*rest}", any(engine_call))
        // AWS RAM, for sharing meshes (`aws ram create-resource-share --endpoint-url …`).
        .route("/createresourceshare", any(engine_call))
        .route("/deleteresourceshare", any(engine_call))
        // Not App Mesh: tells the console which account it acts as.
        .route("/console-api/identity", get(identity))
        // Not App Mesh: Export and Import of the whole store, as the browser-only console does
        // them, so data moves between a browser and a server.
        .route("/console-api/store", get(export_store).put(import_store).layer(axum::extract::DefaultBodyLimit::max(STORE_LIMIT)))
        // Not App Mesh: the console's own calls (described lists, checks, topology, export,
        // import), described once in mesh-console-api for this door and the browser's.
        .route("/console-api/{*rest}", any(engine_call))
        .method_not_allowed_fallback(method_not_allowed)
}
