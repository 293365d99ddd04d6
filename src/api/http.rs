//! The companion server, spoken to in the App Mesh API itself (what the AWS CLI sends).

use super::{Backend, BackendError, Call, ProviderData, ProviderSummary};
use crate::providers::kind::Provider;
use serde_json::{Value, json};
use crate::components::query::encode;
use gloo_net::http::{Method, RequestBuilder};
use mesh_engine::error::{ErrorBody, ErrorKind};
use mesh_engine::input::{CreateMeshInput, CreateVirtualServiceInput, UpdateVirtualServiceInput};
use mesh_engine::names::{AccountId, ResourceName, ServiceName};
use mesh_engine::resource::*;
use mesh_engine::{ApiError, MeshAddress};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub struct HttpBackend {
    base: String,
}

impl HttpBackend {
    /// The server that served the console.
    pub fn same_origin() -> Self {
        Self { base: "/v20190125".to_string() }
    }

    fn mesh_url(&self, mesh: &MeshAddress, rest: &str) -> String {
        let owner = mesh.owner.as_ref().map(|owner| format!("?meshOwner={owner}")).unwrap_or_default();
        format!("{}/meshes/{}{rest}{owner}", self.base, encode(mesh.name.as_str()))
    }
}

fn get<T: DeserializeOwned + 'static>(url: String) -> Call<T> {
    call(Method::GET, url, None)
}

fn delete<T: DeserializeOwned + 'static>(url: String) -> Call<T> {
    call(Method::DELETE, url, None)
}

fn put<T: DeserializeOwned + 'static>(url: String, body: &impl Serialize) -> Call<T> {
    call(Method::PUT, url, Some(serde_json::to_string(body).expect("inputs serialize")))
}

/// One request and its JSON answer. Only the decoding depends on `T`: the request itself is
/// one function for every call, which keeps the bundle small.
fn call<T: DeserializeOwned + 'static>(method: Method, url: String, body: Option<String>) -> Call<T> {
    Box::pin(async move { decode(&send(method, url, body).await?) })
}

fn decode<T: DeserializeOwned>(text: &str) -> Result<T, BackendError> {
    serde_json::from_str(text).map_err(|error| BackendError::Unreachable(format!("unexpected answer: {error}")))
}

/// Sends a request; the body of a success, or the App Mesh error.
async fn send(method: Method, url: String, body: Option<String>) -> Result<String, BackendError> {
    let unreachable = |error: gloo_net::Error| BackendError::Unreachable(error.to_string());
    let builder = RequestBuilder::new(&url).method(method);
    let request = match body {
        Some(body) => builder.header("content-type", "application/json").body(body).map_err(unreachable)?,
        None => builder.build().map_err(unreachable)?,
    };
    let response = request.send().await.map_err(unreachable)?;
    let text = response.text().await.map_err(unreachable)?;
    if response.ok() {
        return Ok(text);
    }
    let code = response.headers().get("x-amzn-ErrorType");
    let body: ErrorBody = serde_json::from_str(&text).unwrap_or(ErrorBody { kind: String::new(), message: text });
    match code.as_deref().or(Some(body.kind.as_str())).and_then(ErrorKind::from_code) {
        Some(kind) => Err(BackendError::Api(ApiError::new(kind, body.message))),
        None => Err(BackendError::Unreachable(format!("HTTP {} {}", response.status(), response.status_text()))),
    }
}

/// Follows `nextToken` until the last page, asking for `limit` items a page.
fn all_pages<Page, Item>(first_url: String, limit: u8, split: fn(Page) -> (Vec<Item>, Option<String>)) -> Call<Vec<Item>>
where
    Page: DeserializeOwned + 'static,
    Item: 'static,
{
    Box::pin(async move {
        let mut items = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let (page, next) = split(decode(&send(Method::GET, page_url(&first_url, limit, token.as_deref()), None).await?)?);
            items.extend(page);
            token = next;
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

impl Backend for HttpBackend {
    fn storage_label(&self) -> &'static str {
        "Stored on the server"
    }

    fn caller_account(&self) -> Call<AccountId> {
        #[derive(serde::Deserialize)]
        struct Identity {
            account: AccountId,
        }
        Box::pin(async move { Ok(decode::<Identity>(&send(Method::GET, "/console-api/identity".into(), None).await?)?.account) })
    }

    fn list_meshes(&self) -> Call<Vec<MeshRef>> {
        all_pages(format!("{}/meshes", self.base), 100, |page: ListMeshesOutput| (page.meshes, page.next_token))
    }

    fn create_mesh(&self, input: CreateMeshInput) -> Call<MeshData> {
        put(format!("{}/meshes", self.base), &input)
    }

    fn describe_mesh(&self, mesh: MeshAddress) -> Call<MeshData> {
        get(self.mesh_url(&mesh, ""))
    }

    fn list_virtual_services(&self, mesh: MeshAddress) -> Call<Vec<VirtualServiceRef>> {
        all_pages(self.mesh_url(&mesh, "/virtualServices"), 100, |page: ListVirtualServicesOutput| (page.virtual_services, page.next_token))
    }

    fn describe_virtual_service(&self, mesh: MeshAddress, name: ServiceName) -> Call<VirtualServiceData> {
        get(self.mesh_url(&mesh, &format!("/virtualServices/{}", encode(name.as_str()))))
    }

    fn create_virtual_service(&self, mesh: MeshAddress, input: CreateVirtualServiceInput) -> Call<VirtualServiceData> {
        put(self.mesh_url(&mesh, "/virtualServices"), &input)
    }

    fn update_virtual_service(&self, mesh: MeshAddress, name: ServiceName, input: UpdateVirtualServiceInput) -> Call<VirtualServiceData> {
        put(self.mesh_url(&mesh, &format!("/virtualServices/{}", encode(name.as_str()))), &input)
    }

    fn delete_virtual_service(&self, mesh: MeshAddress, name: ServiceName) -> Call<VirtualServiceData> {
        delete(self.mesh_url(&mesh, &format!("/virtualServices/{}", encode(name.as_str()))))
    }

    fn describe_provider(&self, kind: Provider, mesh: MeshAddress, name: ResourceName) -> Call<ProviderData> {
        get(self.mesh_url(&mesh, &format!("/{}/{}", kind.path_segment(), encode(name.as_str()))))
    }

    fn save_provider(&self, kind: Provider, mesh: MeshAddress, name: ResourceName, spec: Value, create: bool) -> Call<ProviderData> {
        if create {
            put(self.mesh_url(&mesh, &format!("/{}", kind.path_segment())), &json!({ kind.name_member(): name, "spec": spec }))
        } else {
            put(self.mesh_url(&mesh, &format!("/{}/{}", kind.path_segment(), encode(name.as_str()))), &json!({ "spec": spec }))
        }
    }

    fn delete_provider(&self, kind: Provider, mesh: MeshAddress, name: ResourceName) -> Call<ProviderData> {
        delete(self.mesh_url(&mesh, &format!("/{}/{}", kind.path_segment(), encode(name.as_str()))))
    }

    fn list_providers(&self, kind: Provider, mesh: MeshAddress) -> Call<Vec<ProviderSummary>> {
        /// A page of ListVirtualNodes or ListVirtualRouters.
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Page {
            #[serde(alias = "virtualNodes", alias = "virtualRouters")]
            items: Vec<ProviderSummary>,
            #[serde(default)]
            next_token: Option<String>,
        }
        all_pages(self.mesh_url(&mesh, &format!("/{}", kind.path_segment())), 100, |page: Page| (page.items, page.next_token))
    }

    fn list_tags(&self, arn: String) -> Call<Vec<TagRef>> {
        all_pages(format!("{}/tags?resourceArn={}", self.base, encode(&arn)), 50, |page: ListTagsForResourceOutput| (page.tags, page.next_token))
    }
}
