//! One handler per operation: parse, run the engine, answer. No App Mesh rule lives here.

use super::ApiState;
use super::extract::{Body, Caller, Labels, QueryParams};
use super::response::{ErrorResponse, error_response};
use axum::Json;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use mesh_engine::ApiError;
use mesh_engine::engine::sharing::{CreateResourceShareOutput, DeleteResourceShareOutput};
use mesh_engine::engine::snapshot::Snapshot;
use mesh_engine::input::parse_body;
use mesh_engine::names::ResourceName;
use mesh_engine::resource::*;

type Answer<T> = Result<Json<T>, ErrorResponse>;

pub async fn create_mesh(State(state): State<ApiState>, Caller(caller): Caller, Body(body): Body) -> Answer<MeshData> {
    let input = parse_body(&body)?;
    state.write(caller, move |engine| engine.create_mesh(input)).await
}

pub async fn describe_mesh(State(state): State<ApiState>, Caller(caller): Caller, labels: Labels, query: QueryParams) -> Answer<MeshData> {
    let mesh = query.mesh(&labels)?;
    state.read(caller, |engine| engine.describe_mesh(&mesh.name, mesh.owner.as_ref()))
}

pub async fn update_mesh(State(state): State<ApiState>, Caller(caller): Caller, labels: Labels, Body(body): Body) -> Answer<MeshData> {
    let name = labels.parse("meshName", ResourceName::parse)?;
    let input = parse_body(&body)?;
    state.write(caller, move |engine| engine.update_mesh(&name, input)).await
}

pub async fn delete_mesh(State(state): State<ApiState>, Caller(caller): Caller, labels: Labels) -> Answer<MeshData> {
    let name = labels.parse("meshName", ResourceName::parse)?;
    state.write(caller, move |engine| engine.delete_mesh(&name)).await
}

pub async fn list_meshes(State(state): State<ApiState>, Caller(caller): Caller, query: QueryParams) -> Answer<ListMeshesOutput> {
    let limit = query.limit()?;
    let token = query.text("nextToken").map(str::to_owned);
    state.read(caller, |engine| engine.list_meshes(limit, token.as_deref()))
}

/// The five operations of a kind of resource inside a mesh.
macro_rules! mesh_resource_handlers {
    ($module:ident, $name_label:literal, $name:ty, $data:ty, $list:ty, $create:ident, $describe:ident, $update:ident, $delete:ident, $list_op:ident) => {
        pub mod $module {
            use super::*;

            pub async fn create(
                State(state): State<ApiState>,
                Caller(caller): Caller,
                labels: Labels,
                query: QueryParams,
                Body(body): Body,
            ) -> Answer<$data> {
                let mesh = query.mesh(&labels)?;
                let input = parse_body(&body)?;
                state.write(caller, move |engine| engine.$create(&mesh, input)).await
            }

            pub async fn describe(
                State(state): State<ApiState>,
                Caller(caller): Caller,
                labels: Labels,
                query: QueryParams,
            ) -> Answer<$data> {
                let mesh = query.mesh(&labels)?;
                let name = labels.parse($name_label, <$name>::parse)?;
                state.read(caller, |engine| engine.$describe(&mesh, &name))
            }

            pub async fn update(
                State(state): State<ApiState>,
                Caller(caller): Caller,
                labels: Labels,
                query: QueryParams,
                Body(body): Body,
            ) -> Answer<$data> {
                let mesh = query.mesh(&labels)?;
                let name = labels.parse($name_label, <$name>::parse)?;
                let input = parse_body(&body)?;
                state.write(caller, move |engine| engine.$update(&mesh, &name, input)).await
            }

            pub async fn delete(
                State(state): State<ApiState>,
                Caller(caller): Caller,
                labels: Labels,
                query: QueryParams,
            ) -> Answer<$data> {
                let mesh = query.mesh(&labels)?;
                let name = labels.parse($name_label, <$name>::parse)?;
                state.write(caller, move |engine| engine.$delete(&mesh, &name)).await
            }

            pub async fn list(State(state): State<ApiState>, Caller(caller): Caller, labels: Labels, query: QueryParams) -> Answer<$list> {
                let mesh = query.mesh(&labels)?;
                let limit = query.limit()?;
                let token = query.text("nextToken").map(str::to_owned);
                state.read(caller, |engine| engine.$list_op(&mesh, limit, token.as_deref()))
            }
        }
    };
}

mesh_resource_handlers!(
    virtual_services,
    "virtualServiceName",
    mesh_engine::names::ServiceName,
    VirtualServiceData,
    ListVirtualServicesOutput,
    create_virtual_service,
    describe_virtual_service,
    update_virtual_service,
    delete_virtual_service,
    list_virtual_services
);
mesh_resource_handlers!(
    virtual_nodes,
    "virtualNodeName",
    ResourceName,
    VirtualNodeData,
    ListVirtualNodesOutput,
    create_virtual_node,
    describe_virtual_node,
    update_virtual_node,
    delete_virtual_node,
    list_virtual_nodes
);
mesh_resource_handlers!(
    virtual_routers,
    "virtualRouterName",
    ResourceName,
    VirtualRouterData,
    ListVirtualRoutersOutput,
    create_virtual_router,
    describe_virtual_router,
    update_virtual_router,
    delete_virtual_router,
    list_virtual_routers
);

/// TagResource and UntagResource answer `{}`.
#[derive(serde::Serialize)]
pub struct Empty {}

pub async fn tag_resource(State(state): State<ApiState>, Caller(caller): Caller, query: QueryParams, Body(body): Body) -> Answer<Empty> {
    let arn = query.required("resourceArn")?.to_owned();
    let input = parse_body(&body)?;
    state.write(caller, move |engine| engine.tag_resource(&arn, input).map(|()| Empty {})).await
}

pub async fn untag_resource(State(state): State<ApiState>, Caller(caller): Caller, query: QueryParams, Body(body): Body) -> Answer<Empty> {
    let arn = query.required("resourceArn")?.to_owned();
    let input = parse_body(&body)?;
    state.write(caller, move |engine| engine.untag_resource(&arn, input).map(|()| Empty {})).await
}

pub async fn list_tags_for_resource(
    State(state): State<ApiState>,
    Caller(caller): Caller,
    query: QueryParams,
) -> Answer<ListTagsForResourceOutput> {
    let arn = query.required("resourceArn")?.to_owned();
    let limit = query.tags_limit()?;
    let token = query.text("nextToken").map(str::to_owned);
    state.read(caller, |engine| engine.list_tags_for_resource(&arn, limit, token.as_deref()))
}

pub async fn create_resource_share(
    State(state): State<ApiState>,
    Caller(caller): Caller,
    Body(body): Body,
) -> Answer<CreateResourceShareOutput> {
    let input = parse_body(&body)?;
    state.write(caller, move |engine| engine.create_resource_share(input)).await
}

pub async fn delete_resource_share(
    State(state): State<ApiState>,
    Caller(caller): Caller,
    query: QueryParams,
) -> Answer<DeleteResourceShareOutput> {
    let arn = query.required("resourceShareArn")?.to_owned();
    let token = query.text("clientToken").map(str::to_owned);
    state.write(caller, move |engine| engine.delete_resource_share(&arn, token)).await
}

/// The account and region the caller acts as.
#[derive(serde::Serialize)]
pub struct Identity {
    account: mesh_engine::names::AccountId,
    region: mesh_engine::names::Region,
}

pub async fn identity(State(state): State<ApiState>, Caller(caller): Caller) -> Json<Identity> {
    Json(Identity { account: caller, region: state.region.clone() })
}

/// The whole store as one document (the browser-only console's format), to move to a
/// browser or keep.
pub async fn export_store(State(state): State<ApiState>, Caller(caller): Caller) -> Result<Response, ErrorResponse> {
    let database = state.database.clone();
    let store = tokio::task::spawn_blocking(move || database.export()).await.map_err(|error| ApiError::internal(error.to_string()))??;
    let document = Snapshot::new(caller, state.region.clone(), store).to_json();
    Ok(([(axum::http::header::CONTENT_TYPE, "application/json")], document).into_response())
}

/// Replaces everything stored with a document that reads whole, or changes nothing.
pub async fn import_store(State(state): State<ApiState>, Body(body): Body) -> Answer<Empty> {
    let text = std::str::from_utf8(&body)
        .map_err(|_| ApiError::bad_request("The file cannot be imported: it is not UTF-8 text. Nothing was changed."))?;
    let snapshot = Snapshot::parse_import(text)?;
    let database = state.database.clone();
    tokio::task::spawn_blocking(move || database.replace_all(&snapshot.store))
        .await
        .map_err(|error| ApiError::internal(error.to_string()))??;
    Ok(Json(Empty {}))
}

pub async fn unknown_operation(request: Request) -> ErrorResponse {
    ErrorResponse(ApiError::not_found(format!("No App Mesh operation at {} {}", request.method(), request.uri().path())))
}

pub async fn method_not_allowed(request: Request) -> Response {
    let error = ApiError::bad_request(format!("{} is not an operation on {}", request.method(), request.uri().path()));
    error_response(StatusCode::METHOD_NOT_ALLOWED, &error)
}
