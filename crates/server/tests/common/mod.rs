//! Starts the real server on a free port, and points the official AWS SDK at it.
#![allow(dead_code)] // each test binary uses its own part of this module

use aws_sdk_appmesh::config::retry::RetryConfig;
use aws_sdk_appmesh::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_appmesh::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_appmesh::types::ResourceMetadata;
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
        Self::start_config(config(data, dist)).await
    }

    pub async fn start_config(config: Config) -> Self {
        let data = config.data.clone();
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

/// What the tests run: a free loopback port, the default account, no credentials.
pub fn config(data: PathBuf, dist: PathBuf) -> Config {
    Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        data,
        dist,
        account: mesh_engine::names::AccountId::parse(DEFAULT_ACCOUNT).unwrap(),
        region: mesh_engine::names::Region::parse("us-east-1").unwrap(),
        allowed_hosts: Vec::new(),
        credentials: None,
        insecure_no_auth: false,
    }
}

/// The real binary on a free port (a child process that `kill -9` can stop), and its URL once it
/// accepts connections.
pub async fn start_binary(data: &Path, dist: &Path) -> (std::process::Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mesh-console-server"))
        .args(["--listen", &format!("127.0.0.1:{port}"), "--data"])
        .arg(data)
        .arg("--dist")
        .arg(dist)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return (child, format!("http://127.0.0.1:{port}"));
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    child.kill().ok();
    child.wait().ok();
    panic!("the server on port {port} did not start");
}

pub fn sdk_client(url: &str, access_key: &str) -> aws_sdk_appmesh::Client {
    sdk_client_with_secret(url, access_key, "not-checked")
}

/// The error code and HTTP status of a failed call, as the SDK saw them.
pub fn failure<T: std::fmt::Debug, E: ProvideErrorMetadata + std::fmt::Debug>(
    result: Result<T, SdkError<E, aws_sdk_appmesh::config::http::HttpResponse>>,
) -> (String, u16, String) {
    let error = result.expect_err("the call fails");
    let status = error.raw_response().map(|response| response.status().as_u16()).unwrap_or(0);
    (error.code().unwrap_or("<none>").to_string(), status, error.message().unwrap_or("").to_string())
}

/// What every resource's metadata says: its ARN and version, a UUID, the default account as both
/// owners, and times of now (the server writes epoch seconds).
pub fn assert_metadata(metadata: &ResourceMetadata, arn: &str, version: i64) {
    assert_eq!(metadata.arn(), arn);
    assert_eq!(metadata.version(), version, "{arn}");
    assert_eq!(metadata.uid().len(), 36, "{arn}: the uid is a UUID");
    assert_eq!((metadata.mesh_owner(), metadata.resource_owner()), (DEFAULT_ACCOUNT, DEFAULT_ACCOUNT));
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    assert!((now - metadata.created_at().secs()).abs() < 60, "{arn}: createdAt is now");
    assert!(metadata.last_updated_at().secs() >= metadata.created_at().secs(), "{arn}: lastUpdatedAt is not before createdAt");
}

/// Shares the default account's `mesh` with `principal` through AWS RAM's API, as
/// `aws ram create-resource-share` sends it.
pub async fn share_mesh(server: &TestServer, mesh: &str, principal: &str) {
    let response = reqwest::Client::new()
        .post(format!("{}/createresourceshare", server.url))
        .json(&serde_json::json!({
            "name": format!("{mesh}-share"),
            "resourceArns": [format!("arn:aws:appmesh:us-east-1:{DEFAULT_ACCOUNT}:mesh/{mesh}")],
            "principals": [principal],
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "the mesh is shared");
}

pub fn tag(key: &str, value: &str) -> aws_sdk_appmesh::types::TagRef {
    aws_sdk_appmesh::types::TagRef::builder().key(key).value(value).build().unwrap()
}

/// Tags the resource `arn`, created with the tag `team`, lists its tags, and untags it: any
/// kind of resource answers alike.
pub async fn assert_tagging(client: &aws_sdk_appmesh::Client, arn: &str, team: &str) {
    client.tag_resource().resource_arn(arn).tags(tag("stage", "canary")).send().await.unwrap();
    let listed = client.list_tags_for_resource().resource_arn(arn).send().await.unwrap();
    assert_eq!(listed.tags(), [tag("stage", "canary"), tag("team", team)], "{arn}");
    client.untag_resource().resource_arn(arn).tag_keys("team").send().await.unwrap();
    assert_eq!(client.list_tags_for_resource().resource_arn(arn).send().await.unwrap().tags(), [tag("stage", "canary")], "{arn}");
}

/// A create of the gateway route `name` in mesh `m1`'s `gateway`, on the prefix `/{name}`, to the
/// virtual service `service`.
pub fn gateway_route_to(
    client: &aws_sdk_appmesh::Client,
    gateway: &str,
    name: &str,
    service: &str,
) -> aws_sdk_appmesh::operation::create_gateway_route::builders::CreateGatewayRouteFluentBuilder {
    client
        .create_gateway_route()
        .mesh_name("m1")
        .virtual_gateway_name(gateway)
        .gateway_route_name(name)
        .spec(specs::http_gateway_route(&format!("/{name}"), service))
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

    pub fn http_router(port: i32) -> VirtualRouterSpec {
        let port_mapping = PortMapping::builder().port(port).protocol(PortProtocol::Http).build().unwrap();
        VirtualRouterSpec::builder().listeners(VirtualRouterListener::builder().port_mapping(port_mapping).build()).build()
    }

    pub fn target(node: &str, weight: i32) -> WeightedTarget {
        WeightedTarget::builder().virtual_node(node).weight(weight).build().unwrap()
    }

    /// An HTTP route on `prefix` spread over (node, weight) targets.
    pub fn http_route(prefix: &str, targets: &[(&str, i32)]) -> RouteSpec {
        let targets = targets.iter().map(|(node, weight)| target(node, *weight)).collect();
        RouteSpec::builder()
            .http_route(
                HttpRoute::builder()
                    .r#match(HttpRouteMatch::builder().prefix(prefix).build())
                    .action(HttpRouteAction::builder().set_weighted_targets(Some(targets)).build().unwrap())
                    .build(),
            )
            .build()
    }

    pub fn gateway(port: i32, protocol: VirtualGatewayPortProtocol) -> VirtualGatewaySpec {
        let port_mapping = VirtualGatewayPortMapping::builder().port(port).protocol(protocol).build().unwrap();
        VirtualGatewaySpec::builder().listeners(VirtualGatewayListener::builder().port_mapping(port_mapping).build()).build().unwrap()
    }

    pub fn gateway_target(service: &str) -> GatewayRouteTarget {
        GatewayRouteTarget::builder()
            .virtual_service(GatewayRouteVirtualService::builder().virtual_service_name(service).build().unwrap())
            .build()
    }

    /// An HTTP gateway route on `prefix` to the virtual service `service`.
    pub fn http_gateway_route(prefix: &str, service: &str) -> GatewayRouteSpec {
        GatewayRouteSpec::builder()
            .http_route(
                HttpGatewayRoute::builder()
                    .r#match(HttpGatewayRouteMatch::builder().prefix(prefix).build())
                    .action(HttpGatewayRouteAction::builder().target(gateway_target(service)).build())
                    .build(),
            )
            .build()
    }
}

/// Engine calls straight on a `Database`, as the server's handlers make them.
pub mod database {
    use mesh_engine::names::{AccountId, Region};
    use mesh_engine::operation::{self, Operation};
    use mesh_engine::{Context, Quotas};

    /// The default account calling, with a fresh uid.
    pub fn context() -> Context {
        Context {
            caller: AccountId::parse(super::DEFAULT_ACCOUNT).unwrap(),
            region: Region::parse("us-east-1").unwrap(),
            now: mesh_engine::resource::Timestamp::from_millis(1_795_000_000_000),
            new_uid: uuid::Uuid::new_v4().to_string(),
            quotas: Quotas::default(),
        }
    }

    /// An App Mesh call as the server parses it.
    pub fn operation(method: &str, path: &str, body: &str) -> Operation {
        let segments = operation::path_segments(path).unwrap();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        Operation::parse(method, &segments, &[], body.as_bytes()).unwrap()
    }
}

/// Two keys of two accounts, as a team's credentials file holds them.
pub mod keys {
    pub const ALICE: (&str, &str, &str) = ("AKIAALICEEXAMPLE0001", "alice/Secret+Key0000000000000000000000001", "111111111111");
    pub const BOB: (&str, &str, &str) = ("AKIABOBEXAMPLE000002", "bob/Secret+Key00000000000000000000000002", "222222222222");

    /// The file, in the AWS shared-credentials format (profiles `alice` and `bob`).
    pub fn file() -> String {
        [("alice", ALICE), ("bob", BOB)]
            .iter()
            .map(|(profile, (id, secret, account))| {
                format!("[{profile}]\naws_access_key_id = {id}\naws_secret_access_key = {secret}\naws_account_id = {account}\n\n")
            })
            .collect()
    }
}

impl TestServer {
    /// A server with `--credentials` (the file of `keys`, written in `dir`).
    pub async fn start_with_credentials(dir: &Path) -> Self {
        std::fs::create_dir_all(dir).unwrap();
        let file = dir.join("credentials");
        std::fs::write(&file, keys::file()).unwrap();
        let mut config = config(dir.join("mesh.sqlite3"), dir.join("dist"));
        config.credentials = Some(file);
        Self::start_config(config).await
    }

    /// The SDK with a real key and secret.
    pub fn client_with(&self, (access_key, secret, _): (&str, &str, &str)) -> aws_sdk_appmesh::Client {
        sdk_client_with_secret(&self.url, access_key, secret)
    }
}

pub fn sdk_client_with_secret(url: &str, access_key: &str, secret: &str) -> aws_sdk_appmesh::Client {
    let config = aws_sdk_appmesh::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(url)
        .credentials_provider(Credentials::new(access_key, secret, None, None, "tests"))
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .retry_config(RetryConfig::disabled())
        .build();
    aws_sdk_appmesh::Client::from_conf(config)
}

/// A JSON request signed (SigV4) with `key` for `service` at `time`, as an SDK signs it.
pub fn signed_request(
    method: &str,
    url: &str,
    body: &str,
    (access_key, secret, _): (&str, &str, &str),
    service: &str,
    time: std::time::SystemTime,
) -> reqwest::RequestBuilder {
    use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
    let identity = aws_credential_types::Credentials::new(access_key, secret, None, None, "tests").into();
    let parameters = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region("us-east-1")
        .name(service)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let headers = [("content-type", "application/json")];
    let signable = SignableRequest::new(method, url, headers.into_iter(), SignableBody::Bytes(body.as_bytes())).unwrap();
    let (instructions, _) = sign(signable, &parameters).unwrap().into_parts();
    let mut request =
        reqwest::Client::new().request(method.parse().unwrap(), url).header("content-type", "application/json").body(body.to_owned());
    for (name, value) in instructions.headers() {
        request = request.header(name, value);
    }
    request
}
