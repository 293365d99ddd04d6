//! The App Mesh API's paths, as the companion server routes them, mapped to the engine's
//! operations. Only the shape of requests lives here; every rule is the engine's.

use crate::store_document;
use mesh_engine::engine::snapshot::Snapshot;
use mesh_engine::input::{page_limit, parse_body, parse_param, tags_page_limit};
use mesh_engine::names::{AccountId, InvalidValue, PageLimit, ResourceName, ServiceName};
use mesh_engine::resource::Timestamp;
use mesh_engine::{ApiError, Context, Engine, MeshAddress, Quotas};
use serde::Serialize;

type Answer = Result<String, ApiError>;

fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("answers serialize")
}

pub fn handle(method: &str, url: &str, body: &[u8], caller: Option<&str>) -> Answer {
    let request = Request::parse(method, url)?;
    match (method, request.path().as_slice()) {
        ("GET", ["console-api", "identity"]) => {
            store_document::read(|snapshot| Ok(json(&serde_json::json!({ "account": snapshot.account, "region": snapshot.region }))))
        }
        ("GET", ["console-api", "store"]) => store_document::export(),
        ("PUT", ["console-api", "store"]) => store_document::import(&String::from_utf8_lossy(body)).map(|()| "{}".to_owned()),
        ("DELETE", ["console-api", "store"]) => store_document::reset().map(|()| "{}".to_owned()),
        ("GET", _) => store_document::read(|snapshot| request.run(snapshot, caller, body)),
        _ => store_document::write(|snapshot| request.run(snapshot, caller, body)),
    }
}

struct Request<'a> {
    method: &'a str,
    segments: Vec<String>,
    query: Vec<(String, String)>,
}

impl<'a> Request<'a> {
    fn parse(method: &'a str, url: &str) -> Result<Self, ApiError> {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let segments =
            path.split('/').filter(|segment| !segment.is_empty()).map(|segment| decode(segment, false)).collect::<Result<_, _>>()?;
        let query = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                Ok((decode(name, true)?, decode(value, true)?))
            })
            .collect::<Result<_, ApiError>>()?;
        Ok(Self { method, segments, query })
    }

    /// The path's segments, percent-decoded, to match on.
    fn path(&self) -> Vec<&str> {
        self.segments.iter().map(String::as_str).collect()
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.text(name).ok_or_else(|| ApiError::bad_request(format!("{name}: is required")))
    }

    fn optional<T>(&self, name: &str, parse: impl FnOnce(String) -> Result<T, InvalidValue>) -> Result<Option<T>, ApiError> {
        self.text(name).map(|value| parse_param(name, value, parse)).transpose()
    }

    fn limit(&self) -> Result<Option<PageLimit>, ApiError> {
        self.optional("limit", page_limit)
    }

    fn mesh(&self, name: &str) -> Result<MeshAddress, ApiError> {
        let owner = self.optional("meshOwner", AccountId::parse)?;
        Ok(MeshAddress::new(parse_param("meshName", name, ResourceName::parse)?, owner))
    }

    /// Runs the engine operation the path and method name, as the caller, at this instant.
    fn run(&self, snapshot: &mut Snapshot, caller: Option<&str>, body: &[u8]) -> Answer {
        let caller = match caller {
            Some(account) => parse_param("caller", account, AccountId::parse)?,
            None => snapshot.account.clone(),
        };
        let context = Context { caller, region: snapshot.region.clone(), now: now(), new_uid: new_uid(), quotas: Quotas::default() };
        let engine = &mut Engine::new(&mut snapshot.store, &context);
        let token = self.text("nextToken");
        match (self.method, self.path().as_slice()) {
            ("GET", ["v20190125", "meshes"]) => Ok(json(&engine.list_meshes(self.limit()?, token)?)),
            ("PUT", ["v20190125", "meshes"]) => Ok(json(&engine.create_mesh(parse_body(body)?)?)),
            ("GET", ["v20190125", "meshes", mesh]) => {
                let mesh = self.mesh(mesh)?;
                Ok(json(&engine.describe_mesh(&mesh.name, mesh.owner.as_ref())?))
            }
            ("PUT", ["v20190125", "meshes", mesh]) => {
                Ok(json(&engine.update_mesh(&parse_param("meshName", mesh, ResourceName::parse)?, parse_body(body)?)?))
            }
            ("DELETE", ["v20190125", "meshes", mesh]) => {
                Ok(json(&engine.delete_mesh(&parse_param("meshName", mesh, ResourceName::parse)?)?))
            }
            (_, ["v20190125", "meshes", mesh, "virtualServices", name @ ..]) => {
                mesh_resource!(
                    self,
                    engine,
                    body,
                    token,
                    self.mesh(mesh)?,
                    name,
                    "virtualServiceName",
                    ServiceName,
                    list_virtual_services,
                    create_virtual_service,
                    describe_virtual_service,
                    update_virtual_service,
                    delete_virtual_service
                )
            }
            (_, ["v20190125", "meshes", mesh, "virtualNodes", name @ ..]) => {
                mesh_resource!(
                    self,
                    engine,
                    body,
                    token,
                    self.mesh(mesh)?,
                    name,
                    "virtualNodeName",
                    ResourceName,
                    list_virtual_nodes,
                    create_virtual_node,
                    describe_virtual_node,
                    update_virtual_node,
                    delete_virtual_node
                )
            }
            (_, ["v20190125", "meshes", mesh, "virtualRouters", name @ ..]) => {
                mesh_resource!(
                    self,
                    engine,
                    body,
                    token,
                    self.mesh(mesh)?,
                    name,
                    "virtualRouterName",
                    ResourceName,
                    list_virtual_routers,
                    create_virtual_router,
                    describe_virtual_router,
                    update_virtual_router,
                    delete_virtual_router
                )
            }
            ("GET", ["v20190125", "tags"]) => {
                let limit = self.optional("limit", tags_page_limit)?;
                Ok(json(&engine.list_tags_for_resource(self.required("resourceArn")?, limit, token)?))
            }
            ("PUT", ["v20190125", "tag"]) => {
                engine.tag_resource(self.required("resourceArn")?, parse_body(body)?).map(|()| "{}".to_owned())
            }
            ("PUT", ["v20190125", "untag"]) => {
                engine.untag_resource(self.required("resourceArn")?, parse_body(body)?).map(|()| "{}".to_owned())
            }
            ("POST", ["createresourceshare"]) => Ok(json(&engine.create_resource_share(parse_body(body)?)?)),
            ("DELETE", ["deleteresourceshare"]) => {
                let arn = self.required("resourceShareArn")?.to_owned();
                Ok(json(&engine.delete_resource_share(&arn, self.text("clientToken").map(str::to_owned))?))
            }
            _ => Err(ApiError::not_found(format!("No App Mesh operation at {} /{}", self.method, self.segments.join("/")))),
        }
    }
}

/// The five operations on one kind of resource in a mesh: list and create on the
/// collection, describe, update and delete on one named member.
macro_rules! mesh_resource {
    ($request:ident, $engine:ident, $body:ident, $token:ident, $mesh:expr, $rest:ident, $label:literal, $name:ty,
     $list:ident, $create:ident, $describe:ident, $update:ident, $delete:ident) => {{
        let mesh = $mesh;
        match ($request.method, $rest) {
            ("GET", []) => Ok(json(&$engine.$list(&mesh, $request.limit()?, $token)?)),
            ("PUT", []) => Ok(json(&$engine.$create(&mesh, parse_body($body)?)?)),
            ("GET", [name]) => Ok(json(&$engine.$describe(&mesh, &parse_param($label, name, <$name>::parse)?)?)),
            ("PUT", [name]) => Ok(json(&$engine.$update(&mesh, &parse_param($label, name, <$name>::parse)?, parse_body($body)?)?)),
            ("DELETE", [name]) => Ok(json(&$engine.$delete(&mesh, &parse_param($label, name, <$name>::parse)?)?)),
            _ => Err(ApiError::not_found(format!("No App Mesh operation at {} /{}", $request.method, $request.segments.join("/")))),
        }
    }};
}
use mesh_resource;

/// Percent-decoding; in a query `+` is a space, as in forms.
fn decode(text: &str, plus_is_space: bool) -> Result<String, ApiError> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'%' => {
                let hex = text.get(index + 1..index + 3).and_then(|hex| u8::from_str_radix(hex, 16).ok());
                decoded.push(hex.ok_or_else(|| ApiError::bad_request(format!("{text:?} is not percent-encoded correctly")))?);
                index += 3;
            }
            b'+' if plus_is_space => {
                decoded.push(b' ');
                index += 1;
            }
            byte => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(decoded).map_err(|_| ApiError::bad_request(format!("{text:?} is not UTF-8 once decoded")))
}

fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

/// A random (version 4) UUID. `crypto.randomUUID` needs a secure context, which a static
/// host on plain HTTP is not; `getRandomValues` works everywhere.
fn new_uid() -> String {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|window| window.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}
