//! The console's side of storage: a [`Backend`] trait that views call, provided as context.
//! One implementation talks to the companion server over the App Mesh API itself.

pub mod http;

use leptos::prelude::*;
use mesh_engine::input::*;
use mesh_engine::names::{AccountId, ResourceName, ServiceName};
use mesh_engine::resource::*;
use mesh_engine::{ApiError, ErrorKind, MeshAddress};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A backend call; browser futures are not `Send`, so views drive them with `LocalResource`
/// and `Action::new_local`.
pub type Call<T> = Pin<Box<dyn Future<Output = Result<T, BackendError>>>>;

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
    /// What the storage indicator says.
    fn storage_label(&self) -> &'static str;

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

    fn list_virtual_nodes(&self, mesh: MeshAddress) -> Call<Vec<VirtualNodeRef>>;
    fn describe_virtual_node(&self, mesh: MeshAddress, name: ResourceName) -> Call<VirtualNodeData>;
    fn create_virtual_node(&self, mesh: MeshAddress, input: CreateVirtualNodeInput) -> Call<VirtualNodeData>;
    fn update_virtual_node(&self, mesh: MeshAddress, name: ResourceName, input: UpdateVirtualNodeInput) -> Call<VirtualNodeData>;
    fn delete_virtual_node(&self, mesh: MeshAddress, name: ResourceName) -> Call<VirtualNodeData>;

    fn list_virtual_routers(&self, mesh: MeshAddress) -> Call<Vec<VirtualRouterRef>>;
    fn describe_virtual_router(&self, mesh: MeshAddress, name: ResourceName) -> Call<VirtualRouterData>;
    fn create_virtual_router(&self, mesh: MeshAddress, input: CreateVirtualRouterInput) -> Call<VirtualRouterData>;
    fn update_virtual_router(&self, mesh: MeshAddress, name: ResourceName, input: UpdateVirtualRouterInput) -> Call<VirtualRouterData>;
    fn delete_virtual_router(&self, mesh: MeshAddress, name: ResourceName) -> Call<VirtualRouterData>;

    fn list_tags(&self, arn: String) -> Call<Vec<TagRef>>;
}

#[derive(Clone)]
struct BackendContext(Arc<dyn Backend>);

pub fn provide_backend(backend: impl Backend + 'static) {
    provide_context(BackendContext(Arc::new(backend)));
}

pub fn use_backend() -> Arc<dyn Backend> {
    expect_context::<BackendContext>().0
}
