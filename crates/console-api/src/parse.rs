//! Where each of the console's calls lives under `/console-api/`, with the methods it takes.

use crate::query::Query;
use crate::{ConsoleCall, DescribedList, ExportTarget, ImportRequest};
use mesh_engine::input::parse_body;
use mesh_engine::names::{InvalidValue, ResourceName, ServiceName};
use mesh_engine::{ApiError, ErrorKind, MeshAddress};
use mesh_export::{Format, ResourceKind, ResourceSelector};
use mesh_insight::Code;

impl ConsoleCall {
    /// The call a request names, its inputs parsed: path labels, then the query, then the
    /// body, each failure a 400 that names the part. A path or method that names no call is an
    /// `UnknownOperationException`, as for App Mesh's paths.
    pub fn parse(method: &str, segments: &[&str], query: &[(String, String)], body: &[u8]) -> Result<Self, ApiError> {
        let query = Query(query);
        let only = |takes: &str, call: &dyn Fn() -> Result<Self, ApiError>| {
            if method == takes { call() } else { Err(wrong_method(method, segments, takes)) }
        };
        let mesh = |name: &str| Ok::<_, ApiError>(MeshAddress::new(label("meshName", name, ResourceName::parse)?, query.mesh_owner()?));
        match segments {
            ["console-api", "meshes", name, "virtualServices"] => {
                only("GET", &|| Ok(Self::Described { mesh: mesh(name)?, list: DescribedList::VirtualServices }))
            }
            ["console-api", "meshes", name, "virtualNodes"] => {
                only("GET", &|| Ok(Self::Described { mesh: mesh(name)?, list: DescribedList::VirtualNodes }))
            }
            ["console-api", "meshes", name, "virtualRouters"] => {
                only("GET", &|| Ok(Self::Described { mesh: mesh(name)?, list: DescribedList::VirtualRouters }))
            }
            ["console-api", "meshes", name, "virtualGateways"] => {
                only("GET", &|| Ok(Self::Described { mesh: mesh(name)?, list: DescribedList::VirtualGateways }))
            }
            ["console-api", "meshes", name, "virtualRouter", router, "routes"] => only("GET", &|| {
                let router = label("virtualRouterName", router, ResourceName::parse)?;
                Ok(Self::Described { mesh: mesh(name)?, list: DescribedList::Routes(router) })
            }),
            ["console-api", "meshes", name, "virtualGateway", gateway, "gatewayRoutes"] => only("GET", &|| {
                let gateway = label("virtualGatewayName", gateway, ResourceName::parse)?;
                Ok(Self::Described { mesh: mesh(name)?, list: DescribedList::GatewayRoutes(gateway) })
            }),
            ["console-api", "meshes", name, "checks"] => only("GET", &|| Ok(Self::Findings { mesh: mesh(name)? })),
            ["console-api", "checks"] => only("GET", &|| Ok(Self::Catalogue)),
            ["console-api", "checks", code] => only("GET", &|| {
                Code::parse(code)
                    .map(Self::Check)
                    .ok_or_else(|| ApiError::not_found(format!("There is no check {code}: codes are AM0101, AM0102, …")))
            }),
            ["console-api", "meshes", name, "topology"] => only("GET", &|| Ok(Self::Topology { mesh: mesh(name)?, focus: focus(&query)? })),
            ["console-api", "meshes", name, "export"] => {
                only("GET", &|| Ok(Self::Export { mesh: mesh(name)?, format: format(&query)?, target: export_target(&query)? }))
            }
            ["console-api", "meshes", name, "export", "virtualService"] => only("POST", &|| {
                let (mesh, format) = (mesh(name)?, format(&query)?);
                Ok(Self::PreviewVirtualService { mesh, format, input: Box::new(parse_body(body)?) })
            }),
            ["console-api", "import", "plan"] => only("POST", &|| Ok(Self::PlanImport(import_request(body)?))),
            ["console-api", "import", "apply"] => only("POST", &|| Ok(Self::ApplyImport(import_request(body)?))),
            _ => Err(ApiError::new(ErrorKind::UnknownOperationException, format!("No console call at {method} /{}", segments.join("/")))),
        }
    }
}

fn wrong_method(method: &str, segments: &[&str], takes: &str) -> ApiError {
    ApiError::new(ErrorKind::UnknownOperationException, format!("No call is {method} /{}: that path takes {takes}", segments.join("/")))
}

/// A path label, parsed, naming the label on failure.
fn label<T>(name: &str, value: &str, parse: impl FnOnce(String) -> Result<T, InvalidValue>) -> Result<T, ApiError> {
    parse(value.to_owned()).map_err(|error| ApiError::bad_request(format!("{name}: {error}")))
}

fn format(query: &Query) -> Result<Format, ApiError> {
    let value = query.required("format")?;
    Format::parse(value).ok_or_else(|| {
        let known: Vec<&str> = Format::ALL.iter().map(|format| format.as_str()).collect();
        ApiError::bad_request(format!("format: must be one of {}, got {value:?}", known.join(", ")))
    })
}

/// `focus=virtualService/NAME`: the topology focuses on a virtual service.
fn focus(query: &Query) -> Result<Option<ServiceName>, ApiError> {
    let Some(value) = query.text("focus") else { return Ok(None) };
    let name = value.strip_prefix("virtualService/").ok_or_else(|| {
        ApiError::bad_request(format!("focus: the topology focuses on a virtual service, as virtualService/NAME; got {value:?}"))
    })?;
    label("focus", name, ServiceName::parse).map(Some)
}

/// The whole mesh, or `kind=…&name=…[&parent=…]`.
fn export_target(query: &Query) -> Result<ExportTarget, ApiError> {
    let Some(kind) = query.text("kind") else {
        return match query.text("name") {
            Some(_) => Err(ApiError::bad_request("kind: is required with name")),
            None => Ok(ExportTarget::Mesh),
        };
    };
    let kind: ResourceKind = serde_json::from_value(serde_json::Value::String(kind.to_owned())).map_err(|_| {
        ApiError::bad_request(format!(
            "kind: must be one of virtualService, virtualNode, virtualRouter, route, virtualGateway, gatewayRoute, got {kind:?}"
        ))
    })?;
    if kind == ResourceKind::Mesh {
        return Err(ApiError::bad_request("kind: leave out kind and name to export the mesh"));
    }
    let name = query.required("name")?.to_owned();
    let parent = query.text("parent").map(str::to_owned);
    let needs_parent = matches!(kind, ResourceKind::Route | ResourceKind::GatewayRoute);
    match (needs_parent, &parent) {
        (true, None) => Err(ApiError::bad_request(format!("parent: is required for a {}: its virtual router or gateway", kind.noun()))),
        (false, Some(_)) => Err(ApiError::bad_request(format!("parent: a {} has none", kind.noun()))),
        _ => Ok(ExportTarget::Resource(ResourceSelector { kind, name, parent })),
    }
}

fn import_request(body: &[u8]) -> Result<ImportRequest, ApiError> {
    parse_body(body)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn parse(method: &str, path: &str, query: &[(&str, &str)], body: &str) -> Result<ConsoleCall, ApiError> {
        let segments: Vec<&str> = path.split('/').collect();
        let query: Vec<(String, String)> = query.iter().map(|(name, value)| (name.to_string(), value.to_string())).collect();
        ConsoleCall::parse(method, &segments, &query, body.as_bytes())
    }

    fn mesh(name: &str) -> MeshAddress {
        MeshAddress::new(ResourceName::parse(name).unwrap(), None)
    }

    #[test]
    fn each_path_names_its_call_and_only_imports_apply_writes() {
        let router = ResourceName::parse("r").unwrap();
        assert_eq!(
            parse("GET", "console-api/meshes/m/virtualRouter/r/routes", &[], "").unwrap(),
            ConsoleCall::Described { mesh: mesh("m"), list: DescribedList::Routes(router) }
        );
        assert_eq!(parse("GET", "console-api/checks/am0101", &[], "").unwrap(), ConsoleCall::Check(Code::BackendServiceMissing));
        assert_eq!(
            parse("GET", "console-api/meshes/m/topology", &[("focus", "virtualService/a.local")], "").unwrap(),
            ConsoleCall::Topology { mesh: mesh("m"), focus: Some(ServiceName::parse("a.local").unwrap()) }
        );
        let route = ResourceSelector { kind: ResourceKind::Route, name: "a".into(), parent: Some("r".into()) };
        assert_eq!(
            parse("GET", "console-api/meshes/m/export", &[("format", "istio"), ("kind", "route"), ("name", "a"), ("parent", "r")], "")
                .unwrap(),
            ConsoleCall::Export { mesh: mesh("m"), format: Format::Istio, target: ExportTarget::Resource(route) }
        );
        let apply = parse("POST", "console-api/import/apply", &[], r#"{"text": "x"}"#).unwrap();
        assert!(apply.writes());
        assert!(!parse("POST", "console-api/import/plan", &[], r#"{"text": "x"}"#).unwrap().writes());
    }

    #[test]
    fn wrong_parts_name_themselves() {
        let message = |method, path, query: &[(&str, &str)], body| parse(method, path, query, body).unwrap_err().message;
        assert_eq!(message("PUT", "console-api/checks", &[], ""), "No call is PUT /console-api/checks: that path takes GET");
        assert_eq!(message("GET", "console-api/meshes/m/export", &[("format", "cli"), ("name", "x")], ""), "kind: is required with name");
        assert_eq!(
            message(
                "GET",
                "console-api/meshes/m/export",
                &[("format", "cli"), ("kind", "virtualNode"), ("name", "x"), ("parent", "p")],
                ""
            ),
            "parent: a virtual node has none"
        );
        assert_eq!(message("POST", "console-api/import/plan", &[], r#"{"text": "x", "extra": 1}"#).split(':').next(), Some("extra"));
        assert_eq!(parse("GET", "console-api/checks/AM9999", &[], "").unwrap_err().kind, ErrorKind::NotFoundException);
        assert_eq!(parse("GET", "console-api/meshes/m", &[], "").unwrap_err().kind, ErrorKind::UnknownOperationException);
    }
}
