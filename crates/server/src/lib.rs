//! The companion server: the App Mesh API over SQLite, and the console's files.

pub mod api;
pub mod cli;
pub mod config;
mod console;
mod first_page;
mod request_log;
pub mod security;
pub mod storage;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use config::Config;
use security::Access;
use security::credentials::Credentials;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// App Mesh bodies are small; anything over 1 MiB is refused before it is read in full.
const BODY_LIMIT: usize = 1 << 20;

/// The whole server for `config`, listening on `listen`, with `credentials` loaded (or none).
pub fn app(config: &Config, database: storage::Database, listen: SocketAddr, credentials: Option<Credentials>) -> Router {
    let with_sign_in = credentials.is_some();
    let access = Arc::new(Access::new(config.account.clone(), config.region.clone(), credentials));
    let state = api::ApiState { database, access: access.clone(), region: config.region.clone() };
    let mut routes = api::routes().with_state(state);
    let console = console::Console::new(config.dist.clone(), routes.clone());
    if with_sign_in {
        routes = routes.merge(security::sign_in_routes().with_state(access.clone()));
    }
    let guard = security::Guard::new(listen, &config.allowed_hosts, access);
    routes
        .fallback(move |request| console.clone().serve(request))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(guard, security::guard))
        .layer(axum::middleware::from_fn(request_log::log_and_tag))
}

/// A server bound to its address, ready to serve.
pub struct Server {
    listener: TcpListener,
    app: Router,
}

impl Server {
    pub async fn bind(config: &Config) -> Result<Self, String> {
        let credentials = config.credentials.as_deref().map(Credentials::load).transpose()?;
        if credentials.is_none() && !config.listen.ip().is_loopback() && !config.insecure_no_auth {
            return Err(format!(
                "refusing to listen on {} without --credentials: anyone who can reach that address could act as any account. \
                 Give --credentials FILE (see the README's Security section), listen on 127.0.0.1, \
                 or pass --insecure-no-auth if every machine that can reach it is trusted.",
                config.listen
            ));
        }
        let database = storage::Database::open(&config.data)?;
        let listener = TcpListener::bind(config.listen).await.map_err(|error| format!("cannot listen on {}: {error}", config.listen))?;
        let listen = listener.local_addr().map_err(|error| format!("cannot read the address listened on: {error}"))?;
        Ok(Self { listener, app: app(config, database, listen, credentials) })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Serves until `shutdown` completes, then finishes the requests under way.
    pub async fn serve(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        axum::serve(self.listener, self.app).with_graceful_shutdown(shutdown).await
    }
}
