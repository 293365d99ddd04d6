//! The console's side of storage: a [`Backend`] trait that views call, provided as context.
//! Its implementation speaks the App Mesh API itself, to the companion server or to the same
//! engine running in this browser over localStorage ([`Storage`]).

mod answers;
pub mod appmesh;
pub mod json;
pub(crate) mod loaded;
pub mod transport;

#[cfg(not(feature = "ssr"))]
pub use loaded::first_answers_awaited;
pub use loaded::{Loaded, load, load_following};

use leptos::prelude::*;
use mesh_engine::input::{CreateMeshInput, CreateVirtualServiceInput};
use mesh_engine::names::{AccountId, ResourceName, TagKey};
use mesh_engine::resource::*;
use mesh_engine::{ApiError, ErrorKind, MeshAddress};
use serde_json::Value;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A backend call; browser futures are not `Send`, so views drive them with `LocalResource`
/// (through [`load`], as a [`Loaded`]) and `components::submission::Submission`.
pub type Call<T> = Pin<Box<dyn Future<Output = Result<T, BackendError>>>>;

/// A mesh, or a resource of a mesh, as a list shows it: a virtual service, node, router or
/// gateway, a route or a gateway route. One type for every list, so the bundle decodes list
/// items once. A mesh's `name` is its `mesh_name`.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceSummary {
    pub name: ResourceName,
    pub mesh_name: ResourceName,
    pub mesh_owner: AccountId,
    pub arn: String,
    pub created_at: Timestamp,
    pub last_updated_at: Timestamp,
    pub resource_owner: AccountId,
    pub version: u64,
}

/// A mesh, or a resource of a mesh, as the console holds it: its metadata, and its spec as the JSON App
/// Mesh sent, so that an edit sends back every member it did not change (see
/// `providers::spec_form`). The engine validates the whole spec.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceRecord {
    pub mesh_name: ResourceName,
    pub name: ResourceName,
    pub metadata: ResourceMetadata,
    pub spec: Value,
    pub status: ResourceStatus,
}

/// Where routes live: a virtual router (routes) or a virtual gateway (gateway routes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteParent {
    pub kind: RouteKind,
    pub mesh: MeshAddress,
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

/// What a save does: create a resource, or replace the spec of one.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveMode {
    Create,
    /// With the version the form was filled from, the save happens only while the resource
    /// is still at that version; otherwise it is refused with [`BackendError::Changed`], so that
    /// nobody's change is overwritten unseen. Without, it replaces whatever is there.
    Update(Option<Seen>),
}

/// A resource as an edit page read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Seen {
    pub version: u64,
    pub spec: Value,
}

/// Someone changed a resource since the edit page read it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedElsewhere {
    pub seen_version: u64,
    pub now: ResourceRecord,
    /// `spec.provider.virtualNode.virtualNodeName: a → b`: from what the page read to what is there now.
    pub differences: Vec<String>,
}

impl ChangedElsewhere {
    fn new(seen: Seen, now: ResourceRecord) -> Self {
        let differences = mesh_engine::mesh_config::spec_differences(&seen.spec, &now.spec).iter().map(ToString::to_string).collect();
        Self { seen_version: seen.version, now, differences }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum BackendError {
    /// App Mesh answered with an error.
    Api(ApiError),
    /// Nothing answered, or the answer made no sense.
    Unreachable(String),
    /// An update refused before it was sent: the resource changed since the page read it.
    Changed(Box<ChangedElsewhere>),
}

impl BackendError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Api(error) if error.kind == ErrorKind::NotFoundException)
    }

    /// What a person needs to see first is [`Display`](fmt::Display); this is the rest,
    /// one click away: the error code and App Mesh's own words, or the browser's.
    pub fn detail(&self) -> String {
        match self {
            Self::Api(error) => format!("{}: {}", error.kind.code(), error.message),
            Self::Unreachable(reason) => reason.clone(),
            Self::Changed(changed) => {
                format!("version {} was read, version {} is stored", changed.seen_version, changed.now.metadata.version)
            }
        }
    }
}

/// App Mesh's message without the account it ends with ("… for account 111122223333"):
/// the console's user is that account.
fn without_account(message: &str) -> &str {
    let Some(split) = message.len().checked_sub(12) else { return message };
    match message.split_at_checked(split) {
        Some((before, account)) if account.bytes().all(|byte| byte.is_ascii_digit()) => {
            before.strip_suffix(" for account ").unwrap_or(message)
        }
        _ => message,
    }
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api(error) => match error.kind {
                ErrorKind::NotFoundException => {
                    write!(f, "{}. It may have been deleted elsewhere.", without_account(&error.message))
                }
                ErrorKind::ForbiddenException => {
                    f.write_str("Your account may not do this: only the owner of a mesh or resource can change it.")
                }
                ErrorKind::TooManyRequestsException | ErrorKind::ServiceUnavailableException | ErrorKind::InternalServerErrorException => {
                    f.write_str("The server could not do this just now. Try again.")
                }
                _ => f.write_str(without_account(&error.message)),
            },
            Self::Unreachable(_) => f.write_str("The server did not answer. Check that it is running, then try again."),
            Self::Changed(changed) => write!(
                f,
                "It was changed since you opened this page, by account {} at {}.",
                changed.now.metadata.resource_owner,
                crate::components::format::format_timestamp(changed.now.metadata.last_updated_at)
            ),
        }
    }
}

impl std::error::Error for BackendError {}

/// What the console asks of App Mesh. List calls return every page.
pub trait Backend: Send + Sync {
    fn storage(&self) -> Storage;

    /// The account the console acts as.
    fn caller_account(&self) -> Call<AccountId>;

    /// Meshes, their specs as JSON (as [`ResourceRecord`]s are).
    fn list_meshes(&self) -> Call<Vec<ResourceSummary>>;
    fn create_mesh(&self, input: CreateMeshInput) -> Call<ResourceRecord>;
    fn describe_mesh(&self, mesh: MeshAddress) -> Call<ResourceRecord>;
    /// Replaces the spec of one of the caller's own meshes.
    fn update_mesh(&self, name: ResourceName, spec: Value, seen: Option<Seen>) -> Call<ResourceRecord>;
    fn delete_mesh(&self, name: ResourceName) -> Call<ResourceRecord>;

    /// Virtual services are created from a typed input (with tags); listed, described,
    /// saved and deleted as every other kind.
    fn create_virtual_service(&self, mesh: MeshAddress, input: CreateVirtualServiceInput) -> Call<ResourceRecord>;

    /// Virtual services, nodes, routers and gateways.
    fn list_resources(&self, kind: MeshResourceKind, mesh: MeshAddress) -> Call<Vec<ResourceSummary>>;
    fn describe_resource(&self, kind: MeshResourceKind, mesh: MeshAddress, name: ResourceName) -> Call<ResourceRecord>;
    fn save_resource(
        &self,
        kind: MeshResourceKind,
        mesh: MeshAddress,
        name: ResourceName,
        spec: Value,
        mode: SaveMode,
    ) -> Call<ResourceRecord>;
    fn delete_resource(&self, kind: MeshResourceKind, mesh: MeshAddress, name: ResourceName) -> Call<ResourceRecord>;
    /// Every virtual service, node, router or gateway of a mesh as Describe answers it, in one
    /// call (the console's own, `/console-api/…`): a list needs specs, and one Describe per
    /// row would be hundreds of requests at App Mesh's quotas.
    fn list_described(&self, kind: MeshResourceKind, mesh: MeshAddress) -> Call<Vec<ResourceRecord>>;

    /// Routes of a virtual router, gateway routes of a virtual gateway.
    fn list_routes(&self, parent: RouteParent) -> Call<Vec<ResourceSummary>>;
    /// Every route (or gateway route) of the parent as Describe answers it, in one call.
    fn list_described_routes(&self, parent: RouteParent) -> Call<Vec<ResourceRecord>>;
    fn describe_route(&self, parent: RouteParent, name: ResourceName) -> Call<ResourceRecord>;
    fn save_route(&self, parent: RouteParent, name: ResourceName, spec: Value, mode: SaveMode) -> Call<ResourceRecord>;
    fn delete_route(&self, parent: RouteParent, name: ResourceName) -> Call<ResourceRecord>;

    /// A call of the console's own API at `/console-api{path}`: a GET, or with `body` a POST.
    /// What it answers is decoded by the view that asked ([`console_call`]).
    fn console_text(&self, path: String, body: Option<String>) -> Call<String>;

    fn list_tags(&self, arn: String) -> Call<Vec<TagRef>>;
    /// Adds these tags, or changes the values of keys the resource has.
    fn tag_resource(&self, arn: String, tags: Vec<TagRef>) -> Call<()>;
    fn untag_resource(&self, arn: String, keys: Vec<TagKey>) -> Call<()>;

    /// The whole store as a document (the engine's snapshot format); for a browser store
    /// that cannot be read, the text as stored.
    fn export_store(&self) -> Call<String>;
    /// Replaces the whole store with a document the engine reads whole, or changes nothing.
    fn import_store(&self, document: String) -> Call<()>;
    /// Erases the browser store (the server's is never erased from the console).
    fn reset_store(&self) -> Call<()>;
}

/// A call of the console's own API, its answer as JSON, read by the view (see [`json`]).
pub fn console_call(backend: &dyn Backend, path: String, body: Option<String>) -> Call<Value> {
    let text = backend.console_text(path, body);
    Box::pin(async move { answers::answer(&text.await?) })
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

    #[cfg(not(feature = "ssr"))]
    fn track(self) {
        self.0.track();
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

/// A resource with its tags, `None` when the mesh holds no such resource.
pub type LoadedWithTags<T> = Loaded<Option<(T, Vec<TagRef>)>>;

/// Two calls at once: both answers, or the error of one.
pub async fn both<A, B>(first: Call<A>, second: Call<B>) -> Result<(A, B), BackendError> {
    use std::task::Poll;
    let (mut first, mut second) = (Some(first), Some(second));
    let (mut first_answer, mut second_answer) = (None, None);
    std::future::poll_fn(|context| {
        if let Some(call) = &mut first
            && let Poll::Ready(answer) = call.as_mut().poll(context)
        {
            first_answer = Some(answer);
            first = None;
        }
        if let Some(call) = &mut second
            && let Poll::Ready(answer) = call.as_mut().poll(context)
        {
            second_answer = Some(answer);
            second = None;
        }
        if first.is_none() && second.is_none() { Poll::Ready(()) } else { Poll::Pending }
    })
    .await;
    Ok((first_answer.expect("polled to the end")?, second_answer.expect("polled to the end")?))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_sentences_with_the_detail_apart() {
        let gone = BackendError::Api(ApiError::not_found("Mesh with name m is not present for account 111122223333"));
        assert_eq!(gone.to_string(), "Mesh with name m is not present. It may have been deleted elsewhere.");
        assert_eq!(gone.detail(), "NotFoundException: Mesh with name m is not present for account 111122223333");
        let offline = BackendError::Unreachable("TypeError: Failed to fetch".into());
        assert!(!offline.to_string().contains("TypeError"));
        assert_eq!(offline.detail(), "TypeError: Failed to fetch");
        assert_eq!(without_account("in use for account 12"), "in use for account 12", "not an account id");
    }
}
