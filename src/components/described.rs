//! A details page's resource: what Describe answered, with its tags; nothing when App Mesh
//! has no such resource (the page then says so instead of showing an error).

use crate::api::{Backend, BackendError, Call};
use mesh_engine::resource::TagRef;
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
