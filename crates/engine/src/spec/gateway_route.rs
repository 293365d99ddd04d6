//! The spec of a virtual gateway's gateway route: one of three route types, each a match
//! and the virtual service it sends to, optionally rewriting the host name and path.

use super::{GrpcRouteMetadataList, HttpMethod, HttpPathMatch, HttpQueryParameters, HttpRouteHeaders, RouteType, exactly_one_route};
use crate::names::*;
use serde::{Deserialize, Serialize};

/// `GatewayRouteSpec`: an optional priority and exactly one route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "GatewayRouteSpecMembers", into = "GatewayRouteSpecMembers")]
pub struct GatewayRouteSpec {
    pub priority: Option<RoutePriority>,
    pub route: TypedGatewayRoute,
}

impl GatewayRouteSpec {
    pub fn route_type(&self) -> RouteType {
        self.route.route_type()
    }

    /// The virtual service the gateway route sends its traffic to.
    pub fn target_service(&self) -> &ServiceName {
        let target = match &self.route {
            TypedGatewayRoute::Http(route) | TypedGatewayRoute::Http2(route) => &route.action.target,
            TypedGatewayRoute::Grpc(route) => &route.action.target,
        };
        &target.virtual_service.virtual_service_name
    }
}

/// A gateway route of one of the three types (gateway routes have no TCP type).
#[derive(Debug, Clone, PartialEq)]
pub enum TypedGatewayRoute {
    Http(HttpGatewayRoute),
    Http2(HttpGatewayRoute),
    Grpc(GrpcGatewayRoute),
}

impl TypedGatewayRoute {
    pub const TYPES: &'static [RouteType] = &[RouteType::Http, RouteType::Http2, RouteType::Grpc];

    pub fn route_type(&self) -> RouteType {
        match self {
            Self::Http(_) => RouteType::Http,
            Self::Http2(_) => RouteType::Http2,
            Self::Grpc(_) => RouteType::Grpc,
        }
    }
}

/// `GatewayRouteSpec` as it is on the wire, where any number of route members may come.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct GatewayRouteSpecMembers {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    grpc_route: Option<GrpcGatewayRoute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    http2_route: Option<HttpGatewayRoute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    http_route: Option<HttpGatewayRoute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    priority: Option<RoutePriority>,
}

impl TryFrom<GatewayRouteSpecMembers> for GatewayRouteSpec {
    type Error = InvalidValue;
    fn try_from(members: GatewayRouteSpecMembers) -> Result<Self, Self::Error> {
        let routes = [
            members.http_route.map(TypedGatewayRoute::Http),
            members.http2_route.map(TypedGatewayRoute::Http2),
            members.grpc_route.map(TypedGatewayRoute::Grpc),
        ];
        let route = exactly_one_route(routes.into_iter().flatten().collect(), TypedGatewayRoute::route_type, TypedGatewayRoute::TYPES)?;
        Ok(Self { priority: members.priority, route })
    }
}

impl From<GatewayRouteSpec> for GatewayRouteSpecMembers {
    fn from(spec: GatewayRouteSpec) -> Self {
        let mut members = Self { grpc_route: None, http2_route: None, http_route: None, priority: spec.priority };
        match spec.route {
            TypedGatewayRoute::Http(route) => members.http_route = Some(route),
            TypedGatewayRoute::Http2(route) => members.http2_route = Some(route),
            TypedGatewayRoute::Grpc(route) => members.grpc_route = Some(route),
        }
        members
    }
}

/// `HttpGatewayRoute`, for `httpRoute` and `http2Route`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HttpGatewayRoute {
    pub action: HttpGatewayRouteAction,
    #[serde(rename = "match")]
    pub matcher: HttpGatewayRouteMatch,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpGatewayRouteMatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<HttpRouteHeaders>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<GatewayRouteHostnameMatch>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<HttpMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<HttpPathMatch>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<PortNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_parameters: Option<HttpQueryParameters>,
}

/// `GatewayRouteHostnameMatch`: the model makes neither member required, nor the shape a union.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayRouteHostnameMatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exact: Option<ExactHostName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<SuffixHostname>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HttpGatewayRouteAction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rewrite: Option<HttpGatewayRouteRewrite>,
    pub target: GatewayRouteTarget,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GatewayRouteTarget {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<PortNumber>,
    pub virtual_service: GatewayRouteVirtualService,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GatewayRouteVirtualService {
    /// `ResourceName` in the model; it names a virtual service, so it is a [`ServiceName`].
    pub virtual_service_name: ServiceName,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HttpGatewayRouteRewrite {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<GatewayRouteHostnameRewrite>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<HttpGatewayRoutePathRewrite>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<HttpGatewayRoutePrefixRewrite>,
}

wire_enum!(
    /// `DefaultGatewayRouteRewrite`.
    DefaultGatewayRouteRewrite { Enabled = "ENABLED", Disabled = "DISABLED" }
);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GatewayRouteHostnameRewrite {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_target_hostname: Option<DefaultGatewayRouteRewrite>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HttpGatewayRoutePathRewrite {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exact: Option<HttpPathExact>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpGatewayRoutePrefixRewrite {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_prefix: Option<DefaultGatewayRouteRewrite>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<HttpGatewayRoutePrefix>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrpcGatewayRoute {
    pub action: GrpcGatewayRouteAction,
    #[serde(rename = "match")]
    pub matcher: GrpcGatewayRouteMatch,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GrpcGatewayRouteMatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<GatewayRouteHostnameMatch>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<GrpcRouteMetadataList>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<PortNumber>,
    /// The gRPC service's fully qualified name (`ServiceName`, as a virtual service's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<ServiceName>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrpcGatewayRouteAction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rewrite: Option<GrpcGatewayRouteRewrite>,
    pub target: GatewayRouteTarget,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GrpcGatewayRouteRewrite {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<GatewayRouteHostnameRewrite>,
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::super::testing::{assert_round_trip, refusal};
    use super::*;
    use serde_json::{Value, json};

    fn grpc_route_to(service: &str) -> Value {
        json!({"action": {"target": {"virtualService": {"virtualServiceName": service}}}, "match": {"serviceName": "orders.v1.OrderService"}})
    }

    #[test]
    fn an_http_gateway_route_with_hostname_match_and_rewrite_round_trips() {
        let spec = json!({
            "httpRoute": {
                "action": {
                    "rewrite": {
                        "hostname": {"defaultTargetHostname": "DISABLED"},
                        "prefix": {"defaultPrefix": "DISABLED", "value": "/v2/"}
                    },
                    "target": {"port": 8080, "virtualService": {"virtualServiceName": "orders.apps.svc.cluster.local"}}
                },
                "match": {
                    "headers": [{"match": {"suffix": "-mobile"}, "name": "user-agent"}],
                    "hostname": {"suffix": ".example.com"},
                    "method": "POST",
                    "port": 443,
                    "prefix": "/orders/",
                    "queryParameters": [{"name": "debug"}]
                }
            },
            "priority": 5
        });
        let parsed: GatewayRouteSpec = assert_round_trip(spec);
        assert_eq!(parsed.route_type(), RouteType::Http);
        assert_eq!(parsed.target_service().as_str(), "orders.apps.svc.cluster.local");
    }

    #[test]
    fn an_http2_gateway_route_with_a_path_rewrite_round_trips() {
        let spec = json!({
            "http2Route": {
                "action": {
                    "rewrite": {"path": {"exact": "/health"}},
                    "target": {"virtualService": {"virtualServiceName": "status"}}
                },
                "match": {"hostname": {"exact": "status.example.com"}, "path": {"exact": "/healthz"}}
            }
        });
        assert_eq!(assert_round_trip::<GatewayRouteSpec>(spec).route_type(), RouteType::Http2);
    }

    #[test]
    fn a_grpc_gateway_route_round_trips() {
        let spec = json!({
            "grpcRoute": {
                "action": {
                    "rewrite": {"hostname": {"defaultTargetHostname": "ENABLED"}},
                    "target": {"virtualService": {"virtualServiceName": "orders"}}
                },
                "match": {
                    "hostname": {"exact": "grpc.example.com"},
                    "metadata": [{"match": {"range": {"end": 10, "start": 0}}, "name": "shard"}],
                    "port": 50051,
                    "serviceName": "orders.v1.OrderService"
                }
            }
        });
        let parsed: GatewayRouteSpec = assert_round_trip(spec);
        assert_eq!(parsed.route_type(), RouteType::Grpc);
        assert_eq!(parsed.target_service().as_str(), "orders");
    }

    #[test]
    fn a_gateway_route_holds_exactly_one_of_three_route_types() {
        let members = "must hold exactly one of httpRoute, http2Route, grpcRoute";
        let tcp = refusal::<GatewayRouteSpec>(json!({"tcpRoute": {"action": {"weightedTargets": []}}}));
        assert_eq!(tcp, format!(".: {members}, got none"));
        let two = refusal::<GatewayRouteSpec>(json!({"grpcRoute": grpc_route_to("a"), "http2Route": grpc_route_to("b")}));
        assert_eq!(two, format!(".: {members}, got http2Route and grpcRoute"));
    }

    #[test]
    fn priorities_and_host_names_are_bounded() {
        let late = refusal::<GatewayRouteSpec>(json!({"grpcRoute": grpc_route_to("a"), "priority": 1001}));
        assert_eq!(late, "priority: must be between 0 and 1000, got 1001");
        let mut long = grpc_route_to("a");
        long["match"]["hostname"] = json!({"exact": "h".repeat(254)});
        let long = refusal::<GatewayRouteSpec>(json!({"grpcRoute": long}));
        assert_eq!(long, "grpcRoute.match.hostname.exact: must be 1 to 253 characters long, got 254");
    }
}
