//! The meshes the caller sees, and the account the caller is: fetched once for the whole
//! console (the mesh picker, the meshes page, a mesh's pages, the create form all read it),
//! and fetched again when a mesh is created.

use crate::api::ResourceSummary;
use crate::api::{Call, Loaded, both, load, use_backend};
use leptos::prelude::*;
use mesh_engine::names::AccountId;
use std::cell::Cell;

pub type Known = (Vec<ResourceSummary>, AccountId);

#[derive(Clone, Copy)]
pub struct KnownMeshes(pub Loaded<Known>);

/// `account`: the caller's, when starting the console asked already. The first load uses it;
/// later ones ask again (in this browser an import may bring another account), both calls at once.
pub fn provide_known_meshes(account: Option<AccountId>) {
    let backend = use_backend();
    let first_account = Cell::new(account);
    let known = load(move || {
        let meshes = backend.list_meshes();
        match first_account.take() {
            Some(me) => Box::pin(async move { Ok((meshes.await?, me)) }) as Call<Known>,
            None => Box::pin(both(meshes, backend.caller_account())),
        }
    });
    provide_context(KnownMeshes(known));
}

pub fn use_known_meshes() -> KnownMeshes {
    expect_context::<KnownMeshes>()
}
