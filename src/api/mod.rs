//! The console's side of storage: a [`Backend`] trait that views call, provided as context.
//! One implementation talks to the companion server over the App Mesh API itself.

pub mod http;

use leptos::prelude::*;
use mesh_engine::ApiError;
use mesh_engine::resource::MeshRef;
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

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api(error) => f.write_str(&error.message),
            Self::Unreachable(reason) => write!(f, "The server could not be reached ({reason})"),
        }
    }
}

impl std::error::Error for BackendError {}

pub trait Backend: Send + Sync {
    /// What the storage indicator says.
    fn storage_label(&self) -> &'static str;
    /// Every mesh the caller sees, all pages.
    fn list_meshes(&self) -> Call<Vec<MeshRef>>;
}

#[derive(Clone)]
struct BackendContext(Arc<dyn Backend>);

pub fn provide_backend(backend: impl Backend + 'static) {
    provide_context(BackendContext(Arc::new(backend)));
}

pub fn use_backend() -> Arc<dyn Backend> {
    expect_context::<BackendContext>().0
}
