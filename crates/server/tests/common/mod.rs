//! Starts the real server on a free port, and points the official AWS SDK at it.
#![allow(dead_code)] // each test binary uses its own part of this module

use aws_sdk_appmesh::config::retry::RetryConfig;
use aws_sdk_appmesh::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_appmesh::error::{ProvideErrorMetadata, SdkError};
use mesh_console_server::Server;
use mesh_console_server::config::Config;
use std::path::{Path, PathBuf};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const DEFAULT_ACCOUNT: &str = "123456789012";

pub struct TestServer {
    pub url: String,
    pub data: PathBuf,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl TestServer {
    /// A server with a fresh SQLite file in `dir`.
    pub async fn start(dir: &Path) -> Self {
        Self::start_with(dir.join("mesh.sqlite3"), dir.join("dist")).await
    }

    pub async fn start_with(data: PathBuf, dist: PathBuf) -> Self {
        let config = Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            data: data.clone(),
            dist,
            account: mesh_engine::names::AccountId::parse(DEFAULT_ACCOUNT).unwrap(),
            region: mesh_engine::names::Region::parse("us-east-1").unwrap(),
        };
        let server = Server::bind(&config).await.expect("the server starts");
        let url = format!("http://{}", server.local_addr());
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(server.serve(async move {
            stopped.await.ok();
        }));
        Self { url, data, stop, task }
    }

    /// Stops like Ctrl-C does, and waits until it has.
    pub async fn stop(self) {
        self.stop.send(()).ok();
        self.task.await.expect("the server task ends").expect("the server stops cleanly");
    }

    /// The SDK as the default account (an access key id that is not an account id).
    pub fn client(&self) -> aws_sdk_appmesh::Client {
        sdk_client(&self.url, "AKIAIOSFODNN7EXAMPLE")
    }

    /// The SDK as another account: a 12-digit access key id names the account.
    pub fn client_as(&self, account: &str) -> aws_sdk_appmesh::Client {
        sdk_client(&self.url, account)
    }
}

pub fn sdk_client(url: &str, access_key: &str) -> aws_sdk_appmesh::Client {
    let config = aws_sdk_appmesh::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(url)
        .credentials_provider(Credentials::new(access_key, "not-checked", None, None, "tests"))
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(RetryConfig::disabled())
        .build();
    aws_sdk_appmesh::Client::from_conf(config)
}

/// The error code and HTTP status of a failed call, as the SDK saw them.
pub fn failure<T: std::fmt::Debug, E: ProvideErrorMetadata + std::fmt::Debug>(
    result: Result<T, SdkError<E, aws_sdk_appmesh::config::http::HttpResponse>>,
) -> (String, u16, String) {
    let error = result.expect_err("the call fails");
    let status = error.raw_response().map(|response| response.status().as_u16()).unwrap_or(0);
    (error.code().unwrap_or("<none>").to_string(), status, error.message().unwrap_or("").to_string())
}

/// Specs the tests give again and again.
pub mod specs {
    use aws_sdk_appmesh::types::*;

    pub fn no_provider() -> VirtualServiceSpec {
        VirtualServiceSpec::builder().build()
    }

    pub fn node_provider(name: &str) -> VirtualServiceSpec {
        VirtualServiceSpec::builder()
            .provider(VirtualServiceProvider::VirtualNode(VirtualNodeServiceProvider::builder().virtual_node_name(name).build().unwrap()))
            .build()
    }

    pub fn router_provider(name: &str) -> VirtualServiceSpec {
        VirtualServiceSpec::builder()
            .provider(VirtualServiceProvider::VirtualRouter(
                VirtualRouterServiceProvider::builder().virtual_router_name(name).build().unwrap(),
            ))
            .build()
    }
}
