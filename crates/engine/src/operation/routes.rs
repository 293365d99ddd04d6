//! Where each operation lives: App Mesh's paths under `/v20190125/` (as the model's
//! `requestUri`s give them) and RAM's two, each with the methods it takes.

use super::Operation;
use super::query::{Query, invalid};
use crate::MeshAddress;
use crate::error::{ApiError, ErrorKind};
use crate::input::*;
use crate::names::{InvalidValue, PageLimit, ResourceName, ServiceName};
use crate::percent::{self, Part};
use serde::de::DeserializeOwned;

/// A path's segments, percent-decoded: `/v20190125/meshes/a%20b` is
/// `["v20190125", "meshes", "a b"]`. Empty segments stay, so that `meshes//x` names no mesh.
pub fn path_segments(path: &str) -> Result<Vec<String>, ApiError> {
    let path = path.strip_prefix('/').unwrap_or(path);
    path.split('/')
        .map(|segment| percent::decode(segment, Part::Path))
        .collect::<Result<_, _>>()
        .map_err(|error| ApiError::bad_request(format!("Invalid path: {error}")))
}

/// A query string's pairs, percent-decoded.
pub fn query_pairs(query: &str) -> Result<Vec<(String, String)>, ApiError> {
    percent::parse_query(query).map_err(|error| ApiError::bad_request(format!("Invalid query string: {error}")))
}

impl Operation {
    /// The operation a request names, its inputs parsed: path labels first, then the query,
    /// then the body, each failure a 400 that names the part. A path or method that names no
    /// operation is an `UnknownOperationException`.
    pub fn parse(method: &str, segments: &[&str], query: &[(String, String)], body: &[u8]) -> Result<Self, ApiError> {
        let query = Query(query);
        let wrong_method = |takes: &[&str]| wrong_method(method, segments, takes);
        match segments {
            ["v20190125", "meshes"] => match method {
                "GET" => Ok(Self::ListMeshes { limit: query.limit()?, next_token: query.next_token() }),
                "PUT" => Ok(Self::CreateMesh(parse_body(body)?)),
                _ => Err(wrong_method(&["GET", "PUT"])),
            },
            ["v20190125", "meshes", mesh] => match method {
                "GET" => Ok(Self::DescribeMesh(mesh_address(mesh, &query)?)),
                "PUT" => Ok(Self::UpdateMesh { name: label("meshName", mesh, ResourceName::parse)?, input: parse_body(body)? }),
                "DELETE" => Ok(Self::DeleteMesh(label("meshName", mesh, ResourceName::parse)?)),
                _ => Err(wrong_method(&["GET", "PUT", "DELETE"])),
            },
            ["v20190125", "meshes", mesh, "virtualServices"] => VIRTUAL_SERVICES.collection(method, segments, mesh, &query, body),
            ["v20190125", "meshes", mesh, "virtualServices", name] => VIRTUAL_SERVICES.member(method, segments, mesh, name, &query, body),
            ["v20190125", "meshes", mesh, "virtualNodes"] => VIRTUAL_NODES.collection(method, segments, mesh, &query, body),
            ["v20190125", "meshes", mesh, "virtualNodes", name] => VIRTUAL_NODES.member(method, segments, mesh, name, &query, body),
            ["v20190125", "meshes", mesh, "virtualRouters"] => VIRTUAL_ROUTERS.collection(method, segments, mesh, &query, body),
            ["v20190125", "meshes", mesh, "virtualRouters", name] => VIRTUAL_ROUTERS.member(method, segments, mesh, name, &query, body),
            ["v20190125", "tag"] => match method {
                "PUT" => Ok(Self::TagResource { arn: query.required("resourceArn")?, input: parse_body(body)? }),
                _ => Err(wrong_method(&["PUT"])),
            },
            ["v20190125", "untag"] => match method {
                "PUT" => Ok(Self::UntagResource { arn: query.required("resourceArn")?, input: parse_body(body)? }),
                _ => Err(wrong_method(&["PUT"])),
            },
            ["v20190125", "tags"] => match method {
                "GET" => {
                    let arn = query.required("resourceArn")?;
                    Ok(Self::ListTagsForResource { arn, limit: query.tags_limit()?, next_token: query.next_token() })
                }
                _ => Err(wrong_method(&["GET"])),
            },
            // AWS RAM, for sharing meshes (`aws ram create-resource-share --endpoint-url …`).
            ["createresourceshare"] => match method {
                "POST" => Ok(Self::CreateResourceShare(parse_body(body)?)),
                _ => Err(wrong_method(&["POST"])),
            },
            ["deleteresourceshare"] => match method {
                "DELETE" => Ok(Self::DeleteResourceShare { arn: query.required("resourceShareArn")?, client_token: query.client_token() }),
                _ => Err(wrong_method(&["DELETE"])),
            },
            _ => Err(ApiError::new(
                ErrorKind::UnknownOperationException,
                format!("No App Mesh operation at {method} /{}", segments.join("/")),
            )),
        }
    }
}

/// A method the path does not take: no operation either, and the message says which it takes.
fn wrong_method(method: &str, segments: &[&str], takes: &[&str]) -> ApiError {
    ApiError::new(
        ErrorKind::UnknownOperationException,
        format!("No operation is {method} /{}: that path takes {}", segments.join("/"), takes.join(", ")),
    )
}

/// The five operations of a kind of resource in a mesh, at App Mesh's two paths for it: list
/// and create on the collection, describe, update and delete on one named member.
struct MeshResourcePaths<Name, Create, Update> {
    name_label: &'static str,
    parse_name: fn(String) -> Result<Name, InvalidValue>,
    list: fn(MeshAddress, Option<PageLimit>, Option<String>) -> Operation,
    create: fn(MeshAddress, Create) -> Operation,
    describe: fn(MeshAddress, Name) -> Operation,
    update: fn(MeshAddress, Name, Update) -> Operation,
    delete: fn(MeshAddress, Name) -> Operation,
}

impl<Name, Create: DeserializeOwned, Update: DeserializeOwned> MeshResourcePaths<Name, Create, Update> {
    fn collection(&self, method: &str, segments: &[&str], mesh: &str, query: &Query, body: &[u8]) -> Result<Operation, ApiError> {
        match method {
            "GET" => {
                let mesh = mesh_address(mesh, query)?;
                Ok((self.list)(mesh, query.limit()?, query.next_token()))
            }
            "PUT" => Ok((self.create)(mesh_address(mesh, query)?, parse_body(body)?)),
            _ => Err(wrong_method(method, segments, &["GET", "PUT"])),
        }
    }

    fn member(&self, method: &str, segments: &[&str], mesh: &str, name: &str, query: &Query, body: &[u8]) -> Result<Operation, ApiError> {
        let name_of = || label(self.name_label, name, self.parse_name);
        match method {
            "GET" => Ok((self.describe)(mesh_address(mesh, query)?, name_of()?)),
            "PUT" => Ok((self.update)(mesh_address(mesh, query)?, name_of()?, parse_body(body)?)),
            "DELETE" => Ok((self.delete)(mesh_address(mesh, query)?, name_of()?)),
            _ => Err(wrong_method(method, segments, &["GET", "PUT", "DELETE"])),
        }
    }
}

const VIRTUAL_SERVICES: MeshResourcePaths<ServiceName, CreateVirtualServiceInput, UpdateVirtualServiceInput> = MeshResourcePaths {
    name_label: "virtualServiceName",
    parse_name: ServiceName::parse,
    list: |mesh, limit, next_token| Operation::ListVirtualServices { mesh, limit, next_token },
    create: |mesh, input| Operation::CreateVirtualService { mesh, input },
    describe: |mesh, name| Operation::DescribeVirtualService { mesh, name },
    update: |mesh, name, input| Operation::UpdateVirtualService { mesh, name, input },
    delete: |mesh, name| Operation::DeleteVirtualService { mesh, name },
};

const VIRTUAL_NODES: MeshResourcePaths<ResourceName, CreateVirtualNodeInput, UpdateVirtualNodeInput> = MeshResourcePaths {
    name_label: "virtualNodeName",
    parse_name: ResourceName::parse,
    list: |mesh, limit, next_token| Operation::ListVirtualNodes { mesh, limit, next_token },
    create: |mesh, input| Operation::CreateVirtualNode { mesh, input },
    describe: |mesh, name| Operation::DescribeVirtualNode { mesh, name },
    update: |mesh, name, input| Operation::UpdateVirtualNode { mesh, name, input },
    delete: |mesh, name| Operation::DeleteVirtualNode { mesh, name },
};

const VIRTUAL_ROUTERS: MeshResourcePaths<ResourceName, CreateVirtualRouterInput, UpdateVirtualRouterInput> = MeshResourcePaths {
    name_label: "virtualRouterName",
    parse_name: ResourceName::parse,
    list: |mesh, limit, next_token| Operation::ListVirtualRouters { mesh, limit, next_token },
    create: |mesh, input| Operation::CreateVirtualRouter { mesh, input },
    describe: |mesh, name| Operation::DescribeVirtualRouter { mesh, name },
    update: |mesh, name, input| Operation::UpdateVirtualRouter { mesh, name, input },
    delete: |mesh, name| Operation::DeleteVirtualRouter { mesh, name },
};

/// The mesh of a mesh-scoped call: its `meshName` label, and `meshOwner` when given.
fn mesh_address(name: &str, query: &Query) -> Result<MeshAddress, ApiError> {
    let name = label("meshName", name, ResourceName::parse)?;
    Ok(MeshAddress::new(name, query.mesh_owner()?))
}

/// A path label, parsed, naming the label on failure.
fn label<T>(name: &str, value: &str, parse: impl FnOnce(String) -> Result<T, InvalidValue>) -> Result<T, ApiError> {
    parse(value.to_owned()).map_err(|error| invalid(name, &error))
}
