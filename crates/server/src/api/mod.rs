//! The App Mesh HTTP API (restJson1, paths under `/v20190125/`): routes and thin handlers
//! that parse the request, run one engine call in one transaction, and answer.

mod extract;
mod handlers;
mod response;

use crate::storage::Database;
use axum::Router;
use axum::routing::{any, get, put};
use mesh_engine::names::{AccountId, Region};
use mesh_engine::{ApiError, Context, Engine, Quotas};
use response::ErrorResponse;
use std::time::{SystemTime, UNIX_EPOCH};

/// What every handler shares.
#[derive(Clone)]
pub struct ApiState {
    pub database: Database,
    pub default_account: AccountId,
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
    ) -> Result<axum::Json<T>, ErrorResponse> {
        self.database.read(&self.context(caller), operation).map(axum::Json).map_err(ErrorResponse)
    }

    /// Runs a Create, Update, Delete or tagging call off the async threads: its commit waits
    /// for the disk.
    async fn write<T: Send + 'static>(
        &self,
        caller: AccountId,
        operation: impl FnOnce(&mut Engine<'_, crate::storage::SqliteStore<'_>>) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<axum::Json<T>, ErrorResponse> {
        let (context, database) = (self.context(caller), self.database.clone());
        let result = tokio::task::spawn_blocking(move || database.write(&context, operation))
            .await
            .map_err(|error| ErrorResponse(ApiError::internal(format!("The request failed: {error}"))))?;
        result.map(axum::Json).map_err(ErrorResponse)
    }
}

fn now() -> mesh_engine::resource::Timestamp {
    let millis = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_millis());
    mesh_engine::resource::Timestamp::from_millis(i64::try_from(millis).unwrap_or(i64::MAX))
}

/// An imported store may be larger than an App Mesh body; a browser's whole quota is ~5 MB.
const STORE_LIMIT: usize = 64 << 20;

pub fn routes() -> Router<ApiState> {
    use handlers::*;
    Router::new()
        .route("/v20190125/meshes", get(list_meshes).put(create_mesh))
        .route("/v20190125/meshes/{meshName}", get(describe_mesh).put(update_mesh).delete(delete_mesh))
        .route("/v20190125/meshes/{meshName}/virtualServices", get(virtual_services::list).put(virtual_services::create))
        .route(
            "/v20190125/meshes/{meshName}/virtualServices/{virtualServiceName}",
            get(virtual_services::describe).put(virtual_services::update).delete(virtual_services::delete),
        )
        .route("/v20190125/meshes/{meshName}/virtualNodes", get(virtual_nodes::list).put(virtual_nodes::create))
        .route(
            "/v20190125/meshes/{meshName}/virtualNodes/{virtualNodeName}",
            get(virtual_nodes::describe).put(virtual_nodes::update).delete(virtual_nodes::delete),
        )
        .route("/v20190125/meshes/{meshName}/virtualRouters", get(virtual_routers::list).put(virtual_routers::create))
        .route(
            "/v20190125/meshes/{meshName}/virtualRouters/{virtualRouterName}",
            get(virtual_routers::describe).put(virtual_routers::update).delete(virtual_routers::delete),
        )
        .route("/v20190125/tag", put(tag_resource))
        .route("/v20190125/untag", put(untag_resource))
        .route("/v20190125/tags", get(list_tags_for_resource))
        // AWS RAM, for sharing meshes (`aws ram create-resource-share --endpoint-url …`).
        .route("/createresourceshare", axum::routing::post(create_resource_share))
        .route("/deleteresourceshare", axum::routing::delete(delete_resource_share))
        // Not App Mesh: tells the console which account it acts as.
        .route("/console-api/identity", get(identity))
        // Not App Mesh: Export and Import of the whole store, as the browser-only console does
        // them, so data moves between a browser and a server.
        .route("/console-api/store", get(export_store).put(import_store).layer(axum::extract::DefaultBodyLimit::max(STORE_LIMIT)))
        .route("/v20190125", any(unknown_operation))
        .route("/v20190125/{*rest}", any(unknown_operation))
        .method_not_allowed_fallback(method_not_allowed)
}
