//! The spec of a virtual router's route: one of four route types, each a match, the
//! weighted targets it sends to, and for requests a retry policy and timeouts.

use super::{
    Duration, GrpcRouteMetadataList, HttpMethod, HttpPathMatch, HttpQueryParameters, HttpRouteHeaders, RequestTimeout, TcpTimeout,
};
use crate::names::*;
use serde::{Deserialize, Serialize};

wire_enum!(
    /// The type of a route or gateway route: which of its spec's `…Route` members it holds.
    RouteType { Http = "http", Http2 = "http2", Grpc = "grpc", Tcp = "tcp" }
);

impl RouteType {
    /// The spec member that holds a route of this type.
    pub fn spec_member(self) -> &'static str {
        match self {
            Self::Http => "httpRoute",
            Self::Http2 => "http2Route",
            Self::Grpc => "grpcRoute",
            Self::Tcp => "tcpRoute",
        }
    }
}

/// The one route a spec holds, out of the members found; `types` are the members it may hold.
/// A spec's type members sit beside `priority`, so they cannot be a serde enum of their own.
pub(super) fn exactly_one_route<T>(
    mut routes: Vec<T>,
    route_type: impl Fn(&T) -> RouteType,
    types: &[RouteType],
) -> Result<T, InvalidValue> {
    if routes.len() == 1 {
        return Ok(routes.remove(0));
    }
    let found: Vec<&str> = routes.iter().map(|route| route_type(route).spec_member()).collect();
    let found = if found.is_empty() { "none".to_string() } else { found.join(" and ") };
    let members: Vec<&str> = types.iter().map(|route_type| route_type.spec_member()).collect();
    Err(InvalidValue(format!("must hold exactly one of {}, got {found}", members.join(", "))))
}

/// `RouteSpec`: an optional priority and exactly one route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RouteSpecMembers", into = "RouteSpecMembers")]
pub struct RouteSpec {
    pub priority: Option<RoutePriority>,
    pub route: TypedRoute,
}

impl RouteSpec {
    pub fn route_type(&self) -> RouteType {
        self.route.route_type()
    }

    pub fn weighted_targets(&self) -> &WeightedTargets {
        match &self.route {
            TypedRoute::Http(route) | TypedRoute::Http2(route) => &route.action.weighted_targets,
            TypedRoute::Grpc(route) => &route.action.weighted_targets,
            TypedRoute::Tcp(route) => &route.action.weighted_targets,
        }
    }
}

/// A route of one of the four types.
#[derive(Debug, Clone, PartialEq)]
pub enum TypedRoute {
    Http(HttpRoute),
    Http2(HttpRoute),
    Grpc(GrpcRoute),
    Tcp(TcpRoute),
}

impl TypedRoute {
    pub fn route_type(&self) -> RouteType {
        match self {
            Self::Http(_) => RouteType::Http,
            Self::Http2(_) => RouteType::Http2,
            Self::Grpc(_) => RouteType::Grpc,
            Self::Tcp(_) => RouteType::Tcp,
        }
    }
}

/// `RouteSpec` as it is on the wire, where any number of route members may come.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RouteSpecMembers {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    grpc_route: Option<GrpcRoute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    http2_route: Option<HttpRoute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    http_route: Option<HttpRoute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    priority: Option<RoutePriority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tcp_route: Option<TcpRoute>,
}

impl TryFrom<RouteSpecMembers> for RouteSpec {
    type Error = InvalidValue;
    fn try_from(members: RouteSpecMembers) -> Result<Self, Self::Error> {
        let routes = [
            members.http_route.map(TypedRoute::Http),
            members.http2_route.map(TypedRoute::Http2),
            members.grpc_route.map(TypedRoute::Grpc),
            members.tcp_route.map(TypedRoute::Tcp),
        ];
        let route = exactly_one_route(routes.into_iter().flatten().collect(), TypedRoute::route_type, RouteType::ALL)?;
        Ok(Self { priority: members.priority, route })
    }
}

impl From<RouteSpec> for RouteSpecMembers {
    fn from(spec: RouteSpec) -> Self {
        let mut members = Self { grpc_route: None, http2_route: None, http_route: None, priority: spec.priority, tcp_route: None };
        match spec.route {
            TypedRoute::Http(route) => members.http_route = Some(route),
            TypedRoute::Http2(route) => members.http2_route = Some(route),
            TypedRoute::Grpc(route) => members.grpc_route = Some(route),
            TypedRoute::Tcp(route) => members.tcp_route = Some(route),
        }
        members
    }
}

/// `HttpRoute`, for `httpRoute` and `http2Route`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpRoute {
    pub action: RouteAction,
    #[serde(rename = "match")]
    pub matcher: HttpRouteMatch,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_policy: Option<HttpRetryPolicy>,
    /// `HttpTimeout`, the shape of a listener's request timeout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<RequestTimeout>,
}

/// `HttpRouteAction`, `GrpcRouteAction` and `TcpRouteAction`, which are one shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteAction {
    pub weighted_targets: WeightedTargets,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WeightedTarget {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<PortNumber>,
    pub virtual_node: ResourceName,
    pub weight: TargetWeight,
}

bounded_list!(
    /// 1 to 10 targets, not all of weight 0: App Mesh would send them no traffic.
    WeightedTargets, WeightedTarget, 1, 10, "targets", check_some_weight
);

fn check_some_weight(targets: &[WeightedTarget]) -> Result<(), InvalidValue> {
    if targets.iter().all(|target| target.weight.get() == 0) {
        return Err(InvalidValue("the weights of a route's targets must not all be 0".into()));
    }
    Ok(())
}

wire_enum!(
    /// `HttpScheme`.
    HttpScheme { Http = "http", Https = "https" }
);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpRouteMatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<HttpRouteHeaders>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<HttpScheme>,
}

bounded_list!(
    /// `HttpRetryPolicyEvents`: 1 to 25 events such as `server-error`.
    HttpRetryPolicyEvents, HttpRetryPolicyEvent, 1, 25, "events"
);

wire_enum!(
    /// `TcpRetryPolicyEvent`.
    TcpRetryPolicyEvent { ConnectionError = "connection-error" }
);

bounded_list!(
    /// `TcpRetryPolicyEvents`: exactly one event.
    TcpRetryPolicyEvents, TcpRetryPolicyEvent, 1, 1, "event"
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpRetryPolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_retry_events: Option<HttpRetryPolicyEvents>,
    pub max_retries: MaxRetries,
    pub per_retry_timeout: Duration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tcp_retry_events: Option<TcpRetryPolicyEvents>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GrpcRoute {
    pub action: RouteAction,
    #[serde(rename = "match")]
    pub matcher: GrpcRouteMatch,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_policy: Option<GrpcRetryPolicy>,
    /// `GrpcTimeout`, the shape of a listener's request timeout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<RequestTimeout>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GrpcRouteMatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<GrpcRouteMetadataList>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method_name: Option<MethodName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<PortNumber>,
    /// The gRPC service's fully qualified name (`ServiceName`, as a virtual service's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<ServiceName>,
}

wire_enum!(
    /// `GrpcRetryPolicyEvent`.
    GrpcRetryPolicyEvent {
        Cancelled = "cancelled",
        DeadlineExceeded = "deadline-exceeded",
        Internal = "internal",
        ResourceExhausted = "resource-exhausted",
        Unavailable = "unavailable",
    }
);

bounded_list!(
    /// `GrpcRetryPolicyEvents`: 1 to 5 events.
    GrpcRetryPolicyEvents, GrpcRetryPolicyEvent, 1, 5, "events"
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GrpcRetryPolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grpc_retry_events: Option<GrpcRetryPolicyEvents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_retry_events: Option<HttpRetryPolicyEvents>,
    pub max_retries: MaxRetries,
    pub per_retry_timeout: Duration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tcp_retry_events: Option<TcpRetryPolicyEvents>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TcpRoute {
    pub action: RouteAction,
    #[serde(default, rename = "match", skip_serializing_if = "Option::is_none")]
    pub matcher: Option<TcpRouteMatch>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<TcpTimeout>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TcpRouteMatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<PortNumber>,
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::super::testing::{assert_round_trip, refusal};
    use super::*;
    use serde_json::{Value, json};

    fn targets(weights: &[i64]) -> Value {
        let targets: Vec<Value> =
            weights.iter().enumerate().map(|(i, weight)| json!({"virtualNode": format!("node-{i}"), "weight": weight})).collect();
        Value::Array(targets)
    }

    fn http_route_with_targets(targets: Value) -> Value {
        json!({"httpRoute": {"action": {"weightedTargets": targets}, "match": {"prefix": "/"}}})
    }

    #[test]
    fn a_full_http_route_round_trips() {
        let spec = json!({
            "httpRoute": {
                "action": {"weightedTargets": [
                    {"port": 8080, "virtualNode": "serviceB-v1", "weight": 90},
                    {"virtualNode": "serviceB-v2", "weight": 10}
                ]},
                "match": {
                    "headers": [
                        {"invert": false, "match": {"exact": "beta"}, "name": "x-channel"},
                        {"match": {"range": {"end": 100, "start": 1}}, "name": "x-cohort"}
                    ],
                    "method": "GET",
                    "path": {"regex": "/api/.*"},
                    "port": 8080,
                    "prefix": "/",
                    "queryParameters": [{"match": {"exact": "on"}, "name": "preview"}],
                    "scheme": "https"
                },
                "retryPolicy": {
                    "httpRetryEvents": ["server-error", "gateway-error"],
                    "maxRetries": 3,
                    "perRetryTimeout": {"unit": "ms", "value": 2000},
                    "tcpRetryEvents": ["connection-error"]
                },
                "timeout": {"idle": {"unit": "s", "value": 600}, "perRequest": {"unit": "s", "value": 15}}
            },
            "priority": 10
        });
        let parsed: RouteSpec = assert_round_trip(spec);
        assert_eq!(parsed.route_type(), RouteType::Http);
        let weights: Vec<u8> = parsed.weighted_targets().as_slice().iter().map(|target| target.weight.get()).collect();
        assert_eq!(weights, [90, 10]);
    }

    #[test]
    fn a_grpc_route_round_trips() {
        let spec = json!({
            "grpcRoute": {
                "action": {"weightedTargets": [{"virtualNode": "orders-v1", "weight": 100}]},
                "match": {
                    "metadata": [{"invert": true, "match": {"prefix": "test-"}, "name": "tenant"}],
                    "methodName": "PlaceOrder",
                    "serviceName": "orders.v1.OrderService"
                },
                "retryPolicy": {
                    "grpcRetryEvents": ["deadline-exceeded", "unavailable"],
                    "maxRetries": 2,
                    "perRetryTimeout": {"unit": "s", "value": 1}
                },
                "timeout": {"perRequest": {"unit": "s", "value": 5}}
            }
        });
        let parsed: RouteSpec = assert_round_trip(spec);
        assert_eq!(parsed.route_type(), RouteType::Grpc);
    }

    #[test]
    fn tcp_and_http2_routes_round_trip() {
        let tcp = json!({
            "tcpRoute": {
                "action": {"weightedTargets": [{"port": 5432, "virtualNode": "db", "weight": 1}]},
                "match": {"port": 5432},
                "timeout": {"idle": {"unit": "s", "value": 3600}}
            }
        });
        assert_eq!(assert_round_trip::<RouteSpec>(tcp).route_type(), RouteType::Tcp);
        let http2 = json!({"http2Route": {"action": {"weightedTargets": targets(&[1])}, "match": {}}, "priority": 0});
        assert_eq!(assert_round_trip::<RouteSpec>(http2).route_type(), RouteType::Http2);
    }

    #[test]
    fn a_route_holds_exactly_one_route_type() {
        let none = refusal::<RouteSpec>(json!({"priority": 1}));
        assert_eq!(none, ".: must hold exactly one of httpRoute, http2Route, grpcRoute, tcpRoute, got none");
        let mut two = http_route_with_targets(targets(&[1]));
        two["grpcRoute"] = json!({"action": {"weightedTargets": targets(&[1])}, "match": {}});
        assert_eq!(
            refusal::<RouteSpec>(two),
            ".: must hold exactly one of httpRoute, http2Route, grpcRoute, tcpRoute, got httpRoute and grpcRoute"
        );
    }

    #[test]
    fn a_route_has_1_to_10_targets() {
        let none = refusal::<RouteSpec>(http_route_with_targets(targets(&[])));
        assert_eq!(none, "httpRoute.action.weightedTargets: must hold 1 to 10 targets, got 0");
        let eleven = refusal::<RouteSpec>(http_route_with_targets(targets(&[1; 11])));
        assert_eq!(eleven, "httpRoute.action.weightedTargets: must hold 1 to 10 targets, got 11");
        assert!(serde_json::from_value::<RouteSpec>(http_route_with_targets(targets(&[1; 10]))).is_ok());
    }

    #[test]
    fn some_target_must_have_weight() {
        let all_zero = refusal::<RouteSpec>(http_route_with_targets(targets(&[0, 0])));
        assert_eq!(all_zero, "httpRoute.action.weightedTargets: the weights of a route's targets must not all be 0");
        assert!(serde_json::from_value::<RouteSpec>(http_route_with_targets(targets(&[0, 1]))).is_ok());
    }

    #[test]
    fn weights_and_priorities_are_bounded() {
        let heavy = refusal::<RouteSpec>(http_route_with_targets(targets(&[101])));
        assert_eq!(heavy, "httpRoute.action.weightedTargets[0].weight: must be between 0 and 100, got 101");
        let mut late = http_route_with_targets(targets(&[1]));
        late["priority"] = json!(1001);
        assert_eq!(refusal::<RouteSpec>(late), "priority: must be between 0 and 1000, got 1001");
    }

    #[test]
    fn retry_policies_follow_the_model() {
        let policy = |events: Value| {
            json!({"grpcRoute": {
                "action": {"weightedTargets": targets(&[1])},
                "match": {},
                "retryPolicy": {"maxRetries": 1, "perRetryTimeout": {}, "tcpRetryEvents": events}
            }})
        };
        assert!(serde_json::from_value::<RouteSpec>(policy(json!(["connection-error"]))).is_ok());
        let twice = refusal::<RouteSpec>(policy(json!(["connection-error", "connection-error"])));
        assert_eq!(twice, "grpcRoute.retryPolicy.tcpRetryEvents: must hold exactly 1 event, got 2");
        let unknown = refusal::<RouteSpec>(policy(json!(["timeout"])));
        assert!(unknown.starts_with("grpcRoute.retryPolicy.tcpRetryEvents[0]: unknown variant `timeout`"), "{unknown}");
    }

    #[test]
    fn match_values_are_bounded() {
        let header =
            |name: String| json!({"httpRoute": {"action": {"weightedTargets": targets(&[1])}, "match": {"headers": [{"name": name}]}}});
        assert!(serde_json::from_value::<RouteSpec>(header("h".repeat(50))).is_ok());
        let long = refusal::<RouteSpec>(header("h".repeat(51)));
        assert_eq!(long, "httpRoute.match.headers[0].name: must be 1 to 50 characters long, got 51");
    }
}
