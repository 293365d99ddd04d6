//! The console's side of storage: a [`Backend`] trait that views call, provided as context.
//! Its implementation speaks the App Mesh API itself, to the companion server or to the same
//! engine running in this browser over localStorage ([`Storage`]).

pub mod appmesh;
pub mod transport;

use leptos::prelude::*;
use mesh_engine::input::{CreateMeshInput, CreateVirtualServiceInput, UpdateVirtualServiceInput};
use mesh_engine::names::{AccountId, ResourceName, ServiceName};
use mesh_engine::resource::*;
use mesh_engine::{ApiError, ErrorKind, MeshAddress};
use serde_json::Value;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A backend call; browser futures are not `Send`, so views drive them with `LocalResource`
/// (through [`load`]) and `components::submission::Submission`.
pub type Call<T> = Pin<Box<dyn Future<Output = Result<T, BackendError>>>>;

/// A virtual node, router or gateway as a list shows it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceSummary {
    #[serde(alias = "virtualNodeName", alias = "virtualRouterName", alias = "virtualGatewayName")]
    pub name: ResourceName,
    pub last_updated_at: Timestamp,
    pub resource_owner: AccountId,
    pub version: u64,
}

/// A virtual node, router or gateway as the console holds it: its metadata, and its spec as
/// the JSON App Mesh sent, so that an edit sends back every member it did not change (see
/// `providers::spec_form`). The engine validates the whole spec.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceRecord {
    pub mesh_name: ResourceName,
    pub metadata: ResourceMetadata,
    pub spec: Value,
    pub status: ResourceStatus,
    #[serde(alias = "virtualNodeName", alias = "virtualRouterName", alias = "virtualGatewayName")]
    pub name: ResourceName,
}

/// Where routes live: a virtual router (routes) or a virtual gateway (gateway routes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteParent {
    pub kind: RouteKind,
    pub mesh: MeshAddress,
    pub name: ResourceName,
}

/// A route or gateway route as a list shows it. Its parent's name is in the answer too, and
/// left unread: the [`RouteParent`] it was asked of says it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteSummary {
    #[serde(alias = "routeName", alias = "gatewayRouteName")]
    pub name: ResourceName,
    pub arn: String,
    pub last_updated_at: Timestamp,
    pub resource_owner: AccountId,
    pub version: u64,
}

/// A route or gateway route, its spec as the JSON App Mesh sent (as [`ResourceRecord`]).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteRecord {
    pub metadata: ResourceMetadata,
    pub spec: Value,
    pub status: ResourceStatus,
    #[serde(alias = "routeName", alias = "gatewayRouteName")]
    pub name: ResourceName,
}

/// Where the console keeps App Mesh resources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// The companion server, over HTTP.
    Server,
    /// This browser's localStorage, through the engine built for the browser.
    Browser,
}

impl Storage {
    /// What the storage indicator says.
    pub fn label(self) -> &'static str {
        match self {
            Storage::Server => "Stored on the server",
            Storage::Browser => "Stored in this browser",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum BackendError {
    /// App Mesh answered with an error.
    Api(ApiError),
    /// Nothing answered, or the answer made no sense.
    Unreachable(String),
}

impl BackendError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Api(error) if error.kind == ErrorKind::NotFoundException)
    }
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api(error) => f.write_str(&error.message),
            Self::Unreachable(reason) => write!(f, "The server could not be reached ({reason})."),
        }
    }
}

impl std::error::Error for BackendError {}

/// What the console asks of App Mesh. List calls return every page.
pub trait Backend: Send + Sync {
    fn storage(&self) -> Storage;

    /// The account the console acts as.
    fn caller_account(&self) -> Call<AccountId>;

    fn list_meshes(&self) -> Call<Vec<MeshRef>>;
    fn create_mesh(&self, input: CreateMeshInput) -> Call<MeshData>;
    fn describe_mesh(&self, mesh: MeshAddress) -> Call<MeshData>;

    fn list_virtual_services(&self, mesh: MeshAddress) -> Call<Vec<VirtualServiceRef>>;
    fn describe_virtual_service(&self, mesh: MeshAddress, name: ServiceName) -> Call<VirtualServiceData>;
    fn create_virtual_service(&self, mesh: MeshAddress, input: CreateVirtualServiceInput) -> Call<VirtualServiceData>;
    fn update_virtual_service(&self, mesh: MeshAddress, name: ServiceName, input: UpdateVirtualServiceInput) -> Call<VirtualServiceData>;
    fn delete_virtual_service(&self, mesh: MeshAddress, name: ServiceName) -> Call<VirtualServiceData>;

    /// Virtual nodes, routers and gateways: every kind whose spec the console holds as JSON.
    fn list_resources(&self, kind: MeshResourceKind, mesh: MeshAddress) -> Call<Vec<ResourceSummary>>;
    fn describe_resource(&self, kind: MeshResourceKind, mesh: MeshAddress, name: ResourceName) -> Call<ResourceRecord>;
    /// Creates one when `create`, else replaces the spec of the one named.
    fn save_resource(
        &self,
        kind: MeshResourceKind,
        mesh: MeshAddress,
        name: ResourceName,
        spec: Value,
        create: bool,
    ) -> Call<ResourceRecord>;
    fn delete_resource(&self, kind: MeshResourceKind, mesh: MeshAddress, name: ResourceName) -> Call<ResourceRecord>;

    /// Routes of a virtual router, gateway routes of a virtual gateway.
    fn list_routes(&self, parent: RouteParent) -> Call<Vec<RouteSummary>>;
    fn describe_route(&self, parent: RouteParent, name: ResourceName) -> Call<RouteRecord>;
    /// Creates one when `create`, else replaces the spec of the one named.
    fn save_route(&self, parent: RouteParent, name: ResourceName, spec: Value, create: bool) -> Call<RouteRecord>;
    fn delete_route(&self, parent: RouteParent, name: ResourceName) -> Call<RouteRecord>;

    fn list_tags(&self, arn: String) -> Call<Vec<TagRef>>;

    /// The whole store as a document (the engine's snapshot format); for a browser store
    /// that cannot be read, the text as stored.
    fn export_store(&self) -> Call<String>;
    /// Replaces the whole store with a document the engine reads whole, or changes nothing.
    fn import_store(&self, document: String) -> Call<()>;
    /// Erases the browser store (the server's is never erased from the console).
    fn reset_store(&self) -> Call<()>;
}

#[derive(Clone)]
struct BackendContext(Arc<dyn Backend>);

/// Bumped when the stored data changed behind the console's back (another tab, an import):
/// every [`load`] depends on it, so every view fetches again.
#[derive(Clone, Copy)]
pub struct DataChanged(Trigger);

impl DataChanged {
    pub fn notify(self) {
        self.0.notify();
    }
}

pub fn provide_backend(backend: impl Backend + 'static) {
    provide_context(BackendContext(Arc::new(backend)));
    provide_context(DataChanged(Trigger::new()));
}

pub fn use_data_changed() -> DataChanged {
    expect_context::<DataChanged>()
}

pub fn use_backend() -> Arc<dyn Backend> {
    expect_context::<BackendContext>().0
}

/// A resource fed by a backend call. Every fetch is a boxed `Call`, so the reactive
/// machinery is compiled once per result type instead of once per call site.
pub fn load<T: 'static>(fetch: impl Fn() -> Call<T> + 'static) -> LocalResource<Result<T, BackendError>> {
    load_following(true, fetch)
}

/// [`load`], fetched again on a change made elsewhere only when `follow`. A form seeded from
/// what it loads does not follow: another tab's change must not replace what the user is
/// typing (saving it then meets the engine's rules, as any write does).
/// A resource with its tags, `None` when the mesh holds no such resource.
pub type LoadedWithTags<T> = LocalResource<Result<Option<(T, Vec<TagRef>)>, BackendError>>;

pub fn load_following<T: 'static>(follow: bool, fetch: impl Fn() -> Call<T> + 'static) -> LocalResource<Result<T, BackendError>> {
    resource_of(follow, Box::new(fetch))
}

/// The resource itself, over a boxed fetch: the reactive machinery is compiled once per result
/// type, not once per view that loads one.
fn resource_of<T: 'static>(follow: bool, fetch: Box<dyn Fn() -> Call<T>>) -> LocalResource<Result<T, BackendError>> {
    let changed = use_data_changed().0;
    LocalResource::new(move || {
        if follow {
            changed.track();
        }
        fetch()
    })
}

/// Runs every call at once and gives their answers in order (the list pages describe each
/// row this way).
pub async fn join_all<T>(calls: Vec<Call<T>>) -> Vec<Result<T, BackendError>> {
    use std::task::Poll;
    let mut pending: Vec<Option<Call<T>>> = calls.into_iter().map(Some).collect();
    let mut answers: Vec<Option<Result<T, BackendError>>> = pending.iter().map(|_| None).collect();
    std::future::poll_fn(|context| {
        for (call, answer) in pending.iter_mut().zip(answers.iter_mut()) {
            if let Some(future) = call
                && let Poll::Ready(result) = future.as_mut().poll(context)
            {
                *answer = Some(result);
                *call = None;
            }
        }
        if pending.iter().all(Option::is_none) { Poll::Ready(()) } else { Poll::Pending }
    })
    .await;
    answers.into_iter().flatten().collect()
}
