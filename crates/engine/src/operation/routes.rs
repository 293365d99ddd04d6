//! Where each operation lives: App Mesh's paths under `/v20190125/` (as the model's
//! `requestUri`s give them) and RAM's two, each with the methods it takes.

use super::Operation;
use super::query::{Query, invalid};
use crate::MeshAddress;
use crate::error::{ApiError, ErrorKind};
use crate::input::parse_body;
use crate::names::{InvalidValue, ResourceName, ServiceName};
use crate::percent::{self, Part};

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
        let wrong_method = |takes: &[&str]| {
            ApiError::new(
                ErrorKind::UnknownOperationException,
                format!("No operation is {method} /{}: that path takes {}", segments.join("/"), takes.join(", ")),
            )
        };
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
            ["v20190125", "meshes", mesh, "virtualServices"] => match method {
                "GET" => {
                    let mesh = mesh_address(mesh, &query)?;
                    Ok(Self::ListVirtualServices { mesh, limit: query.limit()?, next_token: query.next_token() })
                }
                "PUT" => Ok(Self::CreateVirtualService { mesh: mesh_address(mesh, &query)?, input: parse_body(body)? }),
                _ => Err(wrong_method(&["GET", "PUT"])),
            },
            ["v20190125", "meshes", mesh, "virtualServices", name] => {
                let name = || label("virtualServiceName", name, ServiceName::parse);
                match method {
                    "GET" => Ok(Self::DescribeVirtualService { mesh: mesh_address(mesh, &query)?, name: name()? }),
                    "PUT" => Ok(Self::UpdateVirtualService { mesh: mesh_address(mesh, &query)?, name: name()?, input: parse_body(body)? }),
                    "DELETE" => Ok(Self::DeleteVirtualService { mesh: mesh_address(mesh, &query)?, name: name()? }),
                    _ => Err(wrong_method(&["GET", "PUT", "DELETE"])),
                }
            }
            ["v20190125", "meshes", mesh, "virtualNodes"] => match method {
                "GET" => {
                    let mesh = mesh_address(mesh, &query)?;
                    Ok(Self::ListVirtualNodes { mesh, limit: query.limit()?, next_token: query.next_token() })
                }
                "PUT" => Ok(Self::CreateVirtualNode { mesh: mesh_address(mesh, &query)?, input: parse_body(body)? }),
                _ => Err(wrong_method(&["GET", "PUT"])),
            },
            ["v20190125", "meshes", mesh, "virtualNodes", name] => {
                let name = || label("virtualNodeName", name, ResourceName::parse);
                match method {
                    "GET" => Ok(Self::DescribeVirtualNode { mesh: mesh_address(mesh, &query)?, name: name()? }),
                    "PUT" => Ok(Self::UpdateVirtualNode { mesh: mesh_address(mesh, &query)?, name: name()?, input: parse_body(body)? }),
                    "DELETE" => Ok(Self::DeleteVirtualNode { mesh: mesh_address(mesh, &query)?, name: name()? }),
                    _ => Err(wrong_method(&["GET", "PUT", "DELETE"])),
                }
            }
            ["v20190125", "meshes", mesh, "virtualRouters"] => match method {
                "GET" => {
                    let mesh = mesh_address(mesh, &query)?;
                    Ok(Self::ListVirtualRouters { mesh, limit: query.limit()?, next_token: query.next_token() })
                }
                "PUT" => Ok(Self::CreateVirtualRouter { mesh: mesh_address(mesh, &query)?, input: parse_body(body)? }),
                _ => Err(wrong_method(&["GET", "PUT"])),
            },
            ["v20190125", "meshes", mesh, "virtualRouters", name] => {
                let name = || label("virtualRouterName", name, ResourceName::parse);
                match method {
                    "GET" => Ok(Self::DescribeVirtualRouter { mesh: mesh_address(mesh, &query)?, name: name()? }),
                    "PUT" => Ok(Self::UpdateVirtualRouter { mesh: mesh_address(mesh, &query)?, name: name()?, input: parse_body(body)? }),
                    "DELETE" => Ok(Self::DeleteVirtualRouter { mesh: mesh_address(mesh, &query)?, name: name()? }),
                    _ => Err(wrong_method(&["GET", "PUT", "DELETE"])),
                }
            }
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

/// The mesh of a mesh-scoped call: its `meshName` label, and `meshOwner` when given.
fn mesh_address(name: &str, query: &Query) -> Result<MeshAddress, ApiError> {
    let name = label("meshName", name, ResourceName::parse)?;
    Ok(MeshAddress::new(name, query.mesh_owner()?))
}

/// A path label, parsed, naming the label on failure.
fn label<T>(name: &str, value: &str, parse: impl FnOnce(String) -> Result<T, InvalidValue>) -> Result<T, ApiError> {
    parse(value.to_owned()).map_err(|error| invalid(name, &error))
}
