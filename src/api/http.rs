//! The companion server, spoken to in the App Mesh API itself (what the AWS CLI sends).

use super::{Backend, BackendError, Call};
use gloo_net::http::{Method, RequestBuilder};
use mesh_engine::error::{ErrorBody, ErrorKind};
use mesh_engine::resource::{ListMeshesOutput, MeshRef};
use mesh_engine::ApiError;
use serde::de::DeserializeOwned;

pub struct HttpBackend {
    base: String,
}

impl HttpBackend {
    /// The server that served the console.
    pub fn same_origin() -> Self {
        Self { base: "/v20190125".to_string() }
    }
}

async fn call<T: DeserializeOwned>(method: Method, url: String, body: Option<String>) -> Result<T, BackendError> {
    let unreachable = |error: gloo_net::Error| BackendError::Unreachable(error.to_string());
    let builder = RequestBuilder::new(&url).method(method);
    let request = match body {
        Some(body) => builder.header("content-type", "application/json").body(body).map_err(unreachable)?,
        None => builder.build().map_err(unreachable)?,
    };
    let response = request.send().await.map_err(unreachable)?;
    let text = response.text().await.map_err(unreachable)?;
    if response.ok() {
        return serde_json::from_str(&text).map_err(|error| BackendError::Unreachable(format!("unexpected answer: {error}")));
    }
    let code = response.headers().get("x-amzn-ErrorType");
    let body: ErrorBody = serde_json::from_str(&text).unwrap_or(ErrorBody { kind: String::new(), message: text });
    match code.as_deref().or(Some(body.kind.as_str())).and_then(ErrorKind::from_code) {
        Some(kind) => Err(BackendError::Api(ApiError::new(kind, body.message))),
        None => Err(BackendError::Unreachable(format!("HTTP {} {}", response.status(), response.status_text()))),
    }
}

impl Backend for HttpBackend {
    fn storage_label(&self) -> &'static str {
        "Stored on the server"
    }

    fn list_meshes(&self) -> Call<Vec<MeshRef>> {
        let base = self.base.clone();
        Box::pin(async move {
            let mut meshes = Vec::new();
            let mut token: Option<String> = None;
            loop {
                let mut url = format!("{base}/meshes?limit=100");
                if let Some(token) = &token {
                    url.push_str(&format!("&nextToken={}", crate::routing::segment(token)));
                }
                let page: ListMeshesOutput = call(Method::GET, url, None).await?;
                meshes.extend(page.meshes);
                token = page.next_token;
                if token.is_none() {
                    return Ok(meshes);
                }
            }
        })
    }
}
