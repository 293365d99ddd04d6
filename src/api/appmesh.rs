//! The App Mesh API itself (what the AWS CLI sends), spoken to the companion server over
//! HTTP or to the engine in this browser: the same requests, the same answers.

use super::answers::{FromAnswer, account, answer, decode, items, unreadable};
use super::json::optional_text;
use super::{
    Backend, BackendError, Call, ChangedElsewhere, ResourceRecord, ResourceSummary, RouteParent, SaveMode, Seen, Storage, transport,
};
use gloo_net::http::Method;
use mesh_engine::error::ErrorKind;
use mesh_engine::input::{CreateMeshInput, CreateVirtualServiceInput};
use mesh_engine::names::{AccountId, ResourceName, TagKey};
use mesh_engine::percent::encode;
use mesh_engine::resource::*;
use mesh_engine::{ApiError, MeshAddress};
use serde::Serialize;
use serde_json::{Value, json};

/// Where App Mesh calls go: `/v20190125/…` on the server that served the console, or the
/// same paths answered by the engine in this browser.
const API: &str = "/v20190125";
const STORE: &str = "/console-api/store";
/// The console's own calls: what App Mesh's API would need many requests for.
const CONSOLE_API: &str = "/console-api";
/// Who the caller is: a server answers it, a static host does not.
pub const IDENTITY_URL: &str = "/console-api/identity";

#[derive(Clone)]
pub struct AppMeshBackend {
    storage: Storage,
}

impl AppMeshBackend {
    pub fn new(storage: Storage) -> Self {
        Self { storage }
    }

    fn resource_url(&self, kind: MeshResourceKind, mesh: &MeshAddress, name: &ResourceName) -> String {
        mesh_url(API, mesh, &format!("/{}/{}", kind.path_segment(), encode(name.as_str())))
    }

    /// Every item of a `{"items": […]}` answer of the console's own API.
    fn described(&self, url: String) -> Call<Vec<ResourceRecord>> {
        let text = self.text(Method::GET, url, None);
        Box::pin(async move { items(&answer(&text.await?)?, "items").ok_or_else(unreadable) })
    }

    fn get<T: FromAnswer + 'static>(&self, url: String) -> Call<T> {
        self.call(Method::GET, url, None)
    }

    fn delete<T: FromAnswer + 'static>(&self, url: String) -> Call<T> {
        self.call(Method::DELETE, url, None)
    }

    fn put<T: FromAnswer + 'static>(&self, url: String, body: &impl Serialize) -> Call<T> {
        self.call(Method::PUT, url, Some(serde_json::to_string(body).expect("inputs serialize")))
    }

    /// One request and its JSON answer. Only the decoding depends on `T`: the request itself
    /// is one function for every call, which keeps the bundle small.
    fn call<T: FromAnswer + 'static>(&self, method: Method, url: String, body: Option<String>) -> Call<T> {
        let text = self.text(method, url, body);
        Box::pin(async move { decode(&text.await?) })
    }

    /// The text of an answer: the one future every call awaits.
    fn text(&self, method: Method, url: String, body: Option<String>) -> Call<String> {
        Box::pin(send(self.storage, method, url, body))
    }

    /// Creates a resource in the collection at `collection_url`, or replaces the spec of the one
    /// at `url` (after reading it again when the page says which version it read).
    fn save(
        &self,
        collection_url: String,
        name_member: &str,
        name: ResourceName,
        url: String,
        spec: Value,
        mode: SaveMode,
    ) -> Call<ResourceRecord> {
        match mode {
            SaveMode::Create => self.put(collection_url, &json!({ name_member: name, "spec": spec })),
            SaveMode::Update(seen) => self.update(url, spec, seen),
        }
    }

    /// Replaces the spec at `url`; with `seen`, only while the resource is at that version.
    fn update(&self, url: String, spec: Value, seen: Option<Seen>) -> Call<ResourceRecord> {
        let read_again = seen.map(|seen| (seen, self.get::<ResourceRecord>(url.clone())));
        let save = self.put(url, &json!({ "spec": spec }));
        Box::pin(async move {
            if let Some((seen, read_again)) = read_again {
                let now = read_again.await?;
                if now.metadata.version != seen.version {
                    return Err(BackendError::Changed(Box::new(ChangedElsewhere::new(seen, now))));
                }
            }
            save.await
        })
    }

    /// A call whose answer is not needed, only its success.
    fn call_done(&self, method: Method, url: &str, body: Option<String>) -> Call<()> {
        let text = self.text(method, url.to_owned(), body);
        Box::pin(async move { text.await.map(drop) })
    }
}

/// App Mesh's page size when a List names none, and the most the console asks for a page.
const LIST_PAGE: u8 = 100;

/// The first request of a list read page by page (`all_pages`).
pub fn first_page_url(first_url: &str) -> String {
    page_url(first_url, LIST_PAGE, None)
}

/// The meshes (`Backend::list_meshes`).
pub fn meshes_url() -> String {
    format!("{API}/meshes")
}

/// A kind's resources in a mesh, as App Mesh lists them (`Backend::list_resources`).
pub fn resources_url(kind: MeshResourceKind, mesh: &MeshAddress) -> String {
    mesh_url(API, mesh, &format!("/{}", kind.path_segment()))
}

/// Every resource of a kind in a mesh, described (`Backend::list_described`).
pub fn described_list_url(kind: MeshResourceKind, mesh: &MeshAddress) -> String {
    mesh_url(CONSOLE_API, mesh, &format!("/{}", kind.path_segment()))
}

/// `{root}/meshes/m{rest}`, with the mesh's owner when it is not the caller's.
pub fn mesh_url(root: &str, mesh: &MeshAddress, rest: &str) -> String {
    let separator = if rest.contains('?') { '&' } else { '?' };
    let owner = mesh.owner.as_ref().map(|owner| format!("{separator}meshOwner={owner}")).unwrap_or_default();
    format!("{root}/meshes/{}{rest}{owner}", encode(mesh.name.as_str()))
}

/// `{root}/meshes/m/virtualRouter/r/routes{rest}`, or a gateway's `…/virtualGateway/g/gatewayRoutes{rest}`.
fn routes_url(root: &str, parent: &RouteParent, rest: &str) -> String {
    let kind = parent.kind;
    let place = format!("/{}/{}/{}{rest}", kind.parent_path_segment(), encode(parent.name.as_str()), kind.path_segment());
    mesh_url(root, &parent.mesh, &place)
}

/// Sends a request; the body of a success, or the App Mesh error.
async fn send(storage: Storage, method: Method, url: String, body: Option<String>) -> Result<String, BackendError> {
    let reply = transport::request(storage == Storage::Browser, method, &url, body).await;
    match reply.status {
        0 => Err(BackendError::Unreachable(reply.body)),
        200..300 => Ok(reply.body),
        status => {
            // App Mesh's error body, `{"__type", "message"}`; a body that is not one is the message.
            let body = serde_json::from_str::<Value>(&reply.body).ok();
            let member = |key| body.as_ref().and_then(|body| optional_text(body, key));
            let kind = reply.error_type.or_else(|| member("__type"));
            match kind.as_deref().and_then(ErrorKind::from_code) {
                Some(kind) => Err(BackendError::Api(ApiError::new(kind, member("message").unwrap_or(reply.body)))),
                None => Err(BackendError::Unreachable(format!("HTTP {status}"))),
            }
        }
    }
}

/// Every item of a list. The pages are read by one function for every kind of list, and only
/// the items by their own type.
fn all_pages<Item: FromAnswer + 'static>(storage: Storage, first_url: String, limit: u8) -> Call<Vec<Item>> {
    let items = item_values(storage, first_url, limit);
    Box::pin(async move { items.await?.iter().map(Item::read).collect::<Option<_>>().ok_or_else(unreadable) })
}

/// Follows `nextToken` until the last page, asking for `limit` items a page. A page of any
/// List operation holds its items in its one array member (`meshes`, `routes`, `tags`…).
fn item_values(storage: Storage, first_url: String, limit: u8) -> Call<Vec<Value>> {
    Box::pin(async move {
        let mut items = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let page = answer(&send(storage, Method::GET, page_url(&first_url, limit, token.as_deref()), None).await?)?;
            token = optional_text(&page, "nextToken");
            let Value::Object(page) = page else { return Err(unreadable()) };
            let list = page.into_iter().find_map(|(_, member)| match member {
                Value::Array(list) => Some(list),
                _ => None,
            });
            items.extend(list.ok_or_else(unreadable)?);
            if token.is_none() {
                return Ok(items);
            }
        }
    })
}

fn page_url(first_url: &str, limit: u8, token: Option<&str>) -> String {
    let separator = if first_url.contains('?') { '&' } else { '?' };
    match token {
        Some(token) => format!("{first_url}{separator}limit={limit}&nextToken={}", encode(token)),
        None => format!("{first_url}{separator}limit={limit}"),
    }
}

impl Backend for AppMeshBackend {
    fn storage(&self) -> Storage {
        self.storage
    }

    fn caller_account(&self) -> Call<AccountId> {
        let text = self.text(Method::GET, IDENTITY_URL.into(), None);
        Box::pin(async move { account(&answer(&text.await?)?, "account").ok_or_else(unreadable) })
    }

    fn list_meshes(&self) -> Call<Vec<ResourceSummary>> {
        all_pages(self.storage, meshes_url(), LIST_PAGE)
    }

    fn create_mesh(&self, input: CreateMeshInput) -> Call<ResourceRecord> {
        self.put(format!("{API}/meshes"), &input)
    }

    fn describe_mesh(&self, mesh: MeshAddress) -> Call<ResourceRecord> {
        self.get(mesh_url(API, &mesh, ""))
    }

    fn update_mesh(&self, name: ResourceName, spec: Value, seen: Option<Seen>) -> Call<ResourceRecord> {
        self.update(format!("{API}/meshes/{}", encode(name.as_str())), spec, seen)
    }

    fn delete_mesh(&self, name: ResourceName) -> Call<ResourceRecord> {
        self.delete(format!("{API}/meshes/{}", encode(name.as_str())))
    }

    fn create_virtual_service(&self, mesh: MeshAddress, input: CreateVirtualServiceInput) -> Call<ResourceRecord> {
        self.put(mesh_url(API, &mesh, "/virtualServices"), &input)
    }

    fn list_resources(&self, kind: MeshResourceKind, mesh: MeshAddress) -> Call<Vec<ResourceSummary>> {
        all_pages(self.storage, resources_url(kind, &mesh), LIST_PAGE)
    }

    fn describe_resource(&self, kind: MeshResourceKind, mesh: MeshAddress, name: ResourceName) -> Call<ResourceRecord> {
        self.get(self.resource_url(kind, &mesh, &name))
    }

    fn list_described(&self, kind: MeshResourceKind, mesh: MeshAddress) -> Call<Vec<ResourceRecord>> {
        self.described(described_list_url(kind, &mesh))
    }

    fn save_resource(
        &self,
        kind: MeshResourceKind,
        mesh: MeshAddress,
        name: ResourceName,
        spec: Value,
        mode: SaveMode,
    ) -> Call<ResourceRecord> {
        let (collection, url) = (mesh_url(API, &mesh, &format!("/{}", kind.path_segment())), self.resource_url(kind, &mesh, &name));
        self.save(collection, kind.name_member(), name, url, spec, mode)
    }

    fn delete_resource(&self, kind: MeshResourceKind, mesh: MeshAddress, name: ResourceName) -> Call<ResourceRecord> {
        self.delete(self.resource_url(kind, &mesh, &name))
    }

    fn list_routes(&self, parent: RouteParent) -> Call<Vec<ResourceSummary>> {
        all_pages(self.storage, routes_url(API, &parent, ""), LIST_PAGE)
    }

    fn list_described_routes(&self, parent: RouteParent) -> Call<Vec<ResourceRecord>> {
        self.described(routes_url(CONSOLE_API, &parent, ""))
    }

    fn describe_route(&self, parent: RouteParent, name: ResourceName) -> Call<ResourceRecord> {
        self.get(routes_url(API, &parent, &format!("/{}", encode(name.as_str()))))
    }

    fn save_route(&self, parent: RouteParent, name: ResourceName, spec: Value, mode: SaveMode) -> Call<ResourceRecord> {
        let (collection, url) = (routes_url(API, &parent, ""), routes_url(API, &parent, &format!("/{}", encode(name.as_str()))));
        self.save(collection, parent.kind.name_member(), name, url, spec, mode)
    }

    fn delete_route(&self, parent: RouteParent, name: ResourceName) -> Call<ResourceRecord> {
        self.delete(routes_url(API, &parent, &format!("/{}", encode(name.as_str()))))
    }

    fn console_text(&self, path: String, body: Option<String>) -> Call<String> {
        let method = if body.is_some() { Method::POST } else { Method::GET };
        self.text(method, format!("{CONSOLE_API}{path}"), body)
    }

    fn list_tags(&self, arn: String) -> Call<Vec<TagRef>> {
        all_pages(self.storage, format!("{API}/tags?resourceArn={}", encode(&arn)), 50)
    }

    fn tag_resource(&self, arn: String, tags: Vec<TagRef>) -> Call<()> {
        let body = serde_json::to_string(&json!({ "tags": tags })).expect("tags serialize");
        self.call_done(Method::PUT, &format!("{API}/tag?resourceArn={}", encode(&arn)), Some(body))
    }

    fn untag_resource(&self, arn: String, keys: Vec<TagKey>) -> Call<()> {
        let body = serde_json::to_string(&json!({ "tagKeys": keys })).expect("tag keys serialize");
        self.call_done(Method::PUT, &format!("{API}/untag?resourceArn={}", encode(&arn)), Some(body))
    }

    fn export_store(&self) -> Call<String> {
        self.text(Method::GET, STORE.into(), None)
    }

    fn import_store(&self, document: String) -> Call<()> {
        self.call_done(Method::PUT, STORE, Some(document))
    }

    fn reset_store(&self) -> Call<()> {
        self.call_done(Method::DELETE, STORE, None)
    }
}
