//! The meshes the caller sees, and the account the caller is: fetched once for the whole
//! console (the mesh picker, the meshes page, a mesh's pages, the create form all read it),
//! and fetched again when a mesh is created.

use crate::api::ResourceSummary;
use crate::api::{Call, Loaded, load, use_backend};
use leptos::prelude::*;
use mesh_engine::names::AccountId;

pub type Known = (Vec<ResourceSummary>, AccountId);

#[derive(Clone, Copy)]
pub struct KnownMeshes(pub Loaded<Known>);

pub fn provide_known_meshes() {
    let backend = use_backend();
    let known = load(move || {
        let (meshes, me) = (backend.list_meshes(), backend.caller_account());
        Box::pin(async move { Ok((meshes.await?, me.await?)) }) as Call<Known>
    });
    provide_context(KnownMeshes(known));
}

pub fn use_known_meshes() -> KnownMeshes {
    expect_context::<KnownMeshes>()
}
