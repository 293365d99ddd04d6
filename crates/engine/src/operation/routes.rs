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
        let at = |mesh| Place { mesh, parent: "", name: "" };
        let at_member = |mesh, name| Place { mesh, parent: "", name };
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
            ["v20190125", "meshes", mesh, "virtualServices"] => VIRTUAL_SERVICES.collection(method, segments, at(mesh), &query, body),
            ["v20190125", "meshes", mesh, "virtualServices", name] => {
                VIRTUAL_SERVICES.member(method, segments, at_member(mesh, name), &query, body)
            }
            ["v20190125", "meshes", mesh, "virtualNodes"] => VIRTUAL_NODES.collection(method, segments, at(mesh), &query, body),
            ["v20190125", "meshes", mesh, "virtualNodes", name] => {
                VIRTUAL_NODES.member(method, segments, at_member(mesh, name), &query, body)
            }
            ["v20190125", "meshes", mesh, "virtualRouters"] => VIRTUAL_ROUTERS.collection(method, segments, at(mesh), &query, body),
            ["v20190125", "meshes", mesh, "virtualRouters", name] => {
                VIRTUAL_ROUTERS.member(method, segments, at_member(mesh, name), &query, body)
            }
            ["v20190125", "meshes", mesh, "virtualGateways"] => VIRTUAL_GATEWAYS.collection(method, segments, at(mesh), &query, body),
            ["v20190125", "meshes", mesh, "virtualGateways", name] => {
                VIRTUAL_GATEWAYS.member(method, segments, at_member(mesh, name), &query, body)
            }
            // The parent in the singular: App Mesh's own paths.
            ["v20190125", "meshes", mesh, "virtualRouter", router, "routes"] => {
                ROUTES.collection(method, segments, Place { mesh, parent: router, name: "" }, &query, body)
            }
            ["v20190125", "meshes", mesh, "virtualRouter", router, "routes", name] => {
                ROUTES.member(method, segments, Place { mesh, parent: router, name }, &query, body)
            }
            ["v20190125", "meshes", mesh, "virtualGateway", gateway, "gatewayRoutes"] => {
                GATEWAY_ROUTES.collection(method, segments, Place { mesh, parent: gateway, name: "" }, &query, body)
            }
            ["v20190125", "meshes", mesh, "virtualGateway", gateway, "gatewayRoutes", name] => {
                GATEWAY_ROUTES.member(method, segments, Place { mesh, parent: gateway, name }, &query, body)
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

/// A method the path does not take: no operation either, and the message says which it takes.
fn wrong_method(method: &str, segments: &[&str], takes: &[&str]) -> ApiError {
    ApiError::new(
        ErrorKind::UnknownOperationException,
        format!("No operation is {method} /{}: that path takes {}", segments.join("/"), takes.join(", ")),
    )
}

/// The five operations of a kind of resource in a mesh, at App Mesh's two paths for it: list
/// and create on the collection, describe, update and delete on one named member. Routes and
/// gateway routes live in a parent (a router, a gateway) named in their paths too.
struct MeshResourcePaths<Parent, Name, Create, Update> {
    parse_parent: fn(&str) -> Result<Parent, ApiError>,
    name_label: &'static str,
    parse_name: fn(String) -> Result<Name, InvalidValue>,
    list: fn(MeshAddress, Parent, Option<PageLimit>, Option<String>) -> Operation,
    create: fn(MeshAddress, Parent, Create) -> Operation,
    describe: fn(MeshAddress, Parent, Name) -> Operation,
    update: fn(MeshAddress, Parent, Name, Update) -> Operation,
    delete: fn(MeshAddress, Parent, Name) -> Operation,
}

/// Where a request names a resource: its mesh, its parent (empty for the mesh's own kinds),
/// and, on a member's path, its name.
struct Place<'r> {
    mesh: &'r str,
    parent: &'r str,
    name: &'r str,
}

impl<Parent, Name, Create: DeserializeOwned, Update: DeserializeOwned> MeshResourcePaths<Parent, Name, Create, Update> {
    fn collection(&self, method: &str, segments: &[&str], place: Place, query: &Query, body: &[u8]) -> Result<Operation, ApiError> {
        let labels = || Ok::<_, ApiError>((mesh_address(place.mesh, query)?, (self.parse_parent)(place.parent)?));
        match method {
            "GET" => {
                let (mesh, parent) = labels()?;
                Ok((self.list)(mesh, parent, query.limit()?, query.next_token()))
            }
            "PUT" => {
                let (mesh, parent) = labels()?;
                Ok((self.create)(mesh, parent, parse_body(body)?))
            }
            _ => Err(wrong_method(method, segments, &["GET", "PUT"])),
        }
    }

    fn member(&self, method: &str, segments: &[&str], place: Place, query: &Query, body: &[u8]) -> Result<Operation, ApiError> {
        let labels = || {
            let mesh = mesh_address(place.mesh, query)?;
            Ok::<_, ApiError>((mesh, (self.parse_parent)(place.parent)?, label(self.name_label, place.name, self.parse_name)?))
        };
        match method {
            "GET" => {
                let (mesh, parent, name) = labels()?;
                Ok((self.describe)(mesh, parent, name))
            }
            "PUT" => {
                let (mesh, parent, name) = labels()?;
                Ok((self.update)(mesh, parent, name, parse_body(body)?))
            }
            "DELETE" => {
                let (mesh, parent, name) = labels()?;
                Ok((self.delete)(mesh, parent, name))
            }
            _ => Err(wrong_method(method, segments, &["GET", "PUT", "DELETE"])),
        }
    }
}

/// The mesh's own kinds have no parent.
fn in_mesh(_: &str) -> Result<(), ApiError> {
    Ok(())
}

const VIRTUAL_SERVICES: MeshResourcePaths<(), ServiceName, CreateVirtualServiceInput, UpdateVirtualServiceInput> = MeshResourcePaths {
    parse_parent: in_mesh,
    name_label: "virtualServiceName",
    parse_name: ServiceName::parse,
    list: |mesh, (), limit, next_token| Operation::ListVirtualServices { mesh, limit, next_token },
    create: |mesh, (), input| Operation::CreateVirtualService { mesh, input },
    describe: |mesh, (), name| Operation::DescribeVirtualService { mesh, name },
    update: |mesh, (), name, input| Operation::UpdateVirtualService { mesh, name, input },
    delete: |mesh, (), name| Operation::DeleteVirtualService { mesh, name },
};

const VIRTUAL_NODES: MeshResourcePaths<(), ResourceName, CreateVirtualNodeInput, UpdateVirtualNodeInput> = MeshResourcePaths {
    parse_parent: in_mesh,
    name_label: "virtualNodeName",
    parse_name: ResourceName::parse,
    list: |mesh, (), limit, next_token| Operation::ListVirtualNodes { mesh, limit, next_token },
    create: |mesh, (), input| Operation::CreateVirtualNode { mesh, input },
    describe: |mesh, (), name| Operation::DescribeVirtualNode { mesh, name },
    update: |mesh, (), name, input| Operation::UpdateVirtualNode { mesh, name, input },
    delete: |mesh, (), name| Operation::DeleteVirtualNode { mesh, name },
};

const VIRTUAL_ROUTERS: MeshResourcePaths<(), ResourceName, CreateVirtualRouterInput, UpdateVirtualRouterInput> = MeshResourcePaths {
    parse_parent: in_mesh,
    name_label: "virtualRouterName",
    parse_name: ResourceName::parse,
    list: |mesh, (), limit, next_token| Operation::ListVirtualRouters { mesh, limit, next_token },
    create: |mesh, (), input| Operation::CreateVirtualRouter { mesh, input },
    describe: |mesh, (), name| Operation::DescribeVirtualRouter { mesh, name },
    update: |mesh, (), name, input| Operation::UpdateVirtualRouter { mesh, name, input },
    delete: |mesh, (), name| Operation::DeleteVirtualRouter { mesh, name },
};

const VIRTUAL_GATEWAYS: MeshResourcePaths<(), ResourceName, CreateVirtualGatewayInput, UpdateVirtualGatewayInput> = MeshResourcePaths {
    parse_parent: in_mesh,
    name_label: "virtualGatewayName",
    parse_name: ResourceName::parse,
    list: |mesh, (), limit, next_token| Operation::ListVirtualGateways { mesh, limit, next_token },
    create: |mesh, (), input| Operation::CreateVirtualGateway { mesh, input },
    describe: |mesh, (), name| Operation::DescribeVirtualGateway { mesh, name },
    update: |mesh, (), name, input| Operation::UpdateVirtualGateway { mesh, name, input },
    delete: |mesh, (), name| Operation::DeleteVirtualGateway { mesh, name },
};

const ROUTES: MeshResourcePaths<ResourceName, ResourceName, CreateRouteInput, UpdateRouteInput> = MeshResourcePaths {
    parse_parent: |router| label("virtualRouterName", router, ResourceName::parse),
    name_label: "routeName",
    parse_name: ResourceName::parse,
    list: |mesh, router, limit, next_token| Operation::ListRoutes { mesh, router, limit, next_token },
    create: |mesh, router, input| Operation::CreateRoute { mesh, router, input },
    describe: |mesh, router, name| Operation::DescribeRoute { mesh, router, name },
    update: |mesh, router, name, input| Operation::UpdateRoute { mesh, router, name, input },
    delete: |mesh, router, name| Operation::DeleteRoute { mesh, router, name },
};

const GATEWAY_ROUTES: MeshResourcePaths<ResourceName, ResourceName, CreateGatewayRouteInput, UpdateGatewayRouteInput> = MeshResourcePaths {
    parse_parent: |gateway| label("virtualGatewayName", gateway, ResourceName::parse),
    name_label: "gatewayRouteName",
    parse_name: ResourceName::parse,
    list: |mesh, gateway, limit, next_token| Operation::ListGatewayRoutes { mesh, gateway, limit, next_token },
    create: |mesh, gateway, input| Operation::CreateGatewayRoute { mesh, gateway, input },
    describe: |mesh, gateway, name| Operation::DescribeGatewayRoute { mesh, gateway, name },
    update: |mesh, gateway, name, input| Operation::UpdateGatewayRoute { mesh, gateway, name, input },
    delete: |mesh, gateway, name| Operation::DeleteGatewayRoute { mesh, gateway, name },
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
