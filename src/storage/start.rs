//! How the console starts: on the storage the user chose, else on the server when one
//! answers, else in this browser; in this browser, after loading the engine and making sure
//! the stored data can be read.

use super::preference;
use crate::api::appmesh::AppMeshBackend;
use crate::api::{Backend, BackendError, Storage, transport};

#[derive(Clone)]
pub enum Started {
    Ready(AppMeshBackend),
    /// Browser mode cannot go on: the engine did not load, or the stored data cannot be read.
    /// `backend` is there when the engine loaded (to export or reset the data).
    Problem {
        message: String,
        backend: Option<AppMeshBackend>,
    },
}

pub async fn start() -> Started {
    let storage = match preference::chosen() {
        Some(storage) => storage,
        None if server_answers().await => Storage::Server,
        None => Storage::Browser,
    };
    let backend = AppMeshBackend::new(storage);
    if storage == Storage::Server {
        return Started::Ready(backend);
    }
    if let Err(reason) = transport::load_engine().await {
        return Started::Problem { message: format!("The engine for browser storage could not be loaded ({reason})."), backend: None };
    }
    match backend.caller_account().await {
        Err(BackendError::Api(error)) => Started::Problem { message: error.message, backend: Some(backend) },
        _ => Started::Ready(backend),
    }
}

/// A companion server answers its identity call; a static host answers 404 or a page.
async fn server_answers() -> bool {
    AppMeshBackend::new(Storage::Server).caller_account().await.is_ok()
}
