//! A details page's resource: what Describe answered, with its tags; nothing when App Mesh
//! has no such resource (the page then says so instead of showing an error).

use crate::api::{Backend, BackendError, Call, LoadedWithTags, ResourceRecord, load_following, use_backend};
use crate::meshes::layout::use_mesh_address;
use leptos::prelude::*;
use mesh_engine::names::ResourceName;
use mesh_engine::resource::{MeshResourceKind, TagRef};
use std::sync::Arc;

/// The answer of `described`, with the tags of the ARN `arn_of` reads in it. The tags of a
/// resource in a mesh shared with you may be unreadable: the details still show.
pub async fn with_tags<T>(
    backend: Arc<dyn Backend>,
    described: Call<T>,
    arn_of: impl Fn(&T) -> String,
) -> Result<Option<(T, Vec<TagRef>)>, BackendError> {
    let data = match described.await {
        Ok(data) => data,
        Err(error) if error.is_not_found() => return Ok(None),
        Err(error) => return Err(error),
    };
    let tags = backend.list_tags(arn_of(&data)).await.unwrap_or_default();
    Ok(Some((data, tags)))
}

/// A details page's resource and its tags: `describe` makes the call (`None` when the URL
/// names nothing valid). One loader for every kind, so the bundle holds its code once.
pub fn load_described(
    follow: bool,
    describe: impl Fn(&dyn Backend) -> Option<Call<ResourceRecord>> + 'static,
) -> LoadedWithTags<ResourceRecord> {
    let backend = use_backend();
    load_following(follow, move || {
        let (described, backend) = (describe(&*backend), backend.clone());
        Box::pin(async move {
            let Some(described) = described else { return Ok(None) };
            with_tags(backend, described, |data| data.metadata.arn.clone()).await
        })
    })
}

/// The resource of `kind` named `name` in the current mesh.
pub fn load_named(kind: MeshResourceKind, name: Memo<String>, follow: bool) -> LoadedWithTags<ResourceRecord> {
    let mesh = use_mesh_address();
    load_described(follow, move |backend| Some(backend.describe_resource(kind, mesh.clone(), ResourceName::parse(name.get()).ok()?)))
}
