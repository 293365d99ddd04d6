//! The companion server: the App Mesh API over SQLite, and the console's files.

pub mod api;
pub mod cli;
pub mod config;
mod console;
mod request_log;
pub mod storage;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use config::Config;
use std::future::Future;
use std::net::SocketAddr;
use tokio::net::TcpListener;

/// App Mesh bodies are small; anything over 1 MiB is refused before it is read in full.
const BODY_LIMIT: usize = 1 << 20;

pub fn app(config: &Config, database: storage::Database) -> Router {
    let state = api::ApiState { database, default_account: config.account.clone(), region: config.region.clone() };
    let console = console::Console::new(config.dist.clone());
    api::routes()
        .with_state(state)
        .fallback(move |request| console.clone().serve(request))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(request_log::log_and_tag))
}

/// A server bound to its address, ready to serve.
pub struct Server {
    listener: TcpListener,
    app: Router,
}

impl Server {
    pub async fn bind(config: &Config) -> Result<Self, String> {
        let database = storage::Database::open(&config.data)?;
        let listener = TcpListener::bind(config.listen).await.map_err(|error| format!("cannot listen on {}: {error}", config.listen))?;
        Ok(Self { listener, app: app(config, database) })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Serves until `shutdown` completes, then finishes the requests under way.
    pub async fn serve(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        axum::serve(self.listener, self.app).with_graceful_shutdown(shutdown).await
    }
}
