//! The metadata every App Mesh resource has, as a details page shows it.

use super::format::{format_timestamp, status_label};
use leptos::prelude::*;
use mesh_engine::resource::{ResourceMetadata, StatusCode};

#[component]
pub fn MetadataFields(metadata: ResourceMetadata, status: StatusCode) -> impl IntoView {
    let arn = metadata.arn.clone();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        crate::web::copy_text(&arn);
        copied.set(true);
    };
    view! {
        <div><dt>"Status"</dt><dd class="status-active">{status_label(status)}</dd></div>
        <div><dt>"ARN"</dt><dd>
            <span class="mono">{metadata.arn.clone()}</span>" "
            <button type="button" class="link-button" on:click=copy>"Copy ARN"</button>
            <span role="status">{move || copied.get().then_some(" Copied")}</span>
        </dd></div>
        <div><dt>"Mesh owner"</dt><dd>{metadata.mesh_owner.to_string()}</dd></div>
        <div><dt>"Resource owner"</dt><dd>{metadata.resource_owner.to_string()}</dd></div>
        <div><dt>"Created"</dt><dd>{format_timestamp(metadata.created_at)}</dd></div>
        <div><dt>"Last updated"</dt><dd>{format_timestamp(metadata.last_updated_at)}</dd></div>
        <div><dt>"Version"</dt><dd>{metadata.version}</dd></div>
        <div><dt>"UID"</dt><dd class="mono">{metadata.uid.clone()}</dd></div>
    }
}
