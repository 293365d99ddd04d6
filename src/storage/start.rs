//! How the console starts: on the storage the user chose, else on the server when one
//! answers, else in this browser; in this browser, after loading the engine and making sure
//! the stored data can be read.

use super::preference;
use crate::api::appmesh::{self, AppMeshBackend};
use crate::api::{Backend, BackendError, Storage, transport};
use crate::routing::{self, MeshPage, PagePath};
use leptos::prelude::window;
use mesh_engine::MeshAddress;
use mesh_engine::names::{AccountId, ResourceName};
use mesh_engine::resource::MeshResourceKind;

#[derive(Clone)]
pub enum Started {
    /// The console can run; `account` is the caller's when starting already asked for it (so
    /// the first view need not ask again).
    Ready { backend: AppMeshBackend, account: Option<AccountId> },
    /// Browser mode cannot go on: the engine did not load, or the stored data cannot be read.
    /// `backend` is there when the engine loaded (to export or reset the data).
    Problem { message: String, backend: Option<AppMeshBackend> },
}

pub async fn start() -> Started {
    let chosen = preference::chosen();
    if chosen != Some(Storage::Browser) {
        transport::ask_early(first_reads(&routing::app_path(&window().location().pathname().unwrap_or_default())));
    }
    let (storage, account) = match chosen {
        Some(storage) => (storage, None),
        None => match server_account().await {
            Some(account) => (Storage::Server, Some(account)),
            None => (Storage::Browser, None),
        },
    };
    let backend = AppMeshBackend::new(storage);
    if storage == Storage::Server {
        return Started::Ready { backend, account };
    }
    transport::forget_early();
    if let Err(reason) = transport::load_engine().await {
        return Started::Problem { message: format!("The engine for browser storage could not be loaded ({reason})."), backend: None };
    }
    match backend.caller_account().await {
        Err(BackendError::Api(error)) => Started::Problem { message: error.message, backend: Some(backend) },
        answer => Started::Ready { backend, account: answer.ok() },
    }
}

/// What the first views ask the server, so it can be asked while the console starts: the
/// known meshes, and on a mesh's list page its list ([`list_read`]).
pub fn first_reads(path: &str) -> Vec<String> {
    std::iter::once(appmesh::first_page_url(&appmesh::meshes_url())).chain(list_read(path)).collect()
}

/// The request a mesh's list page starts with, when `path` is one: of the caller's own mesh of
/// that name, the usual case (a mesh shared with the caller is asked for by owner once the
/// meshes tell it). The list pages of nodes and routers read App Mesh's List; the others the
/// described list.
pub fn list_read(path: &str) -> Option<String> {
    let (Some(PagePath { page: MeshPage::List(section), .. }), Some(mesh)) = (PagePath::parse(path), routing::mesh_of_path(path)) else {
        return None;
    };
    let (kind, mesh) = (section.kind(), MeshAddress::new(ResourceName::parse(&mesh).ok()?, None));
    Some(match kind {
        MeshResourceKind::Provider(_) => appmesh::first_page_url(&appmesh::resources_url(kind, &mesh)),
        _ => appmesh::described_list_url(kind, &mesh),
    })
}

/// The caller's account when a companion server answers its identity call; a static host
/// answers 404 or a page.
async fn server_account() -> Option<AccountId> {
    AppMeshBackend::new(Storage::Server).caller_account().await.ok()
}
