//! The documents the checks rest on. App Mesh's User Guide pages are quoted as they stood
//! before AWS archived them (awsdocs/aws-app-mesh-user-guide, `doc_source/`); the API
//! reference is the model the SDKs are generated from.

use super::Source;

const fn guide(title: &'static str, url: &'static str) -> Source {
    Source { title, url }
}

pub const VIRTUAL_NODES: Source =
    guide("App Mesh User Guide: Virtual nodes", "https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_nodes.html");
pub const VIRTUAL_SERVICES: Source =
    guide("App Mesh User Guide: Virtual services", "https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_services.html");
pub const VIRTUAL_ROUTERS: Source =
    guide("App Mesh User Guide: Virtual routers", "https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_routers.html");
pub const ROUTES: Source = guide("App Mesh User Guide: Routes", "https://docs.aws.amazon.com/app-mesh/latest/userguide/routes.html");
pub const VIRTUAL_GATEWAYS: Source =
    guide("App Mesh User Guide: Virtual gateways", "https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_gateways.html");
pub const GATEWAY_ROUTES: Source =
    guide("App Mesh User Guide: Gateway routes", "https://docs.aws.amazon.com/app-mesh/latest/userguide/gateway-routes.html");
pub const MESHES: Source =
    guide("App Mesh User Guide: Service meshes", "https://docs.aws.amazon.com/app-mesh/latest/userguide/meshes.html");
pub const TLS: Source =
    guide("App Mesh User Guide: Transport Layer Security (TLS)", "https://docs.aws.amazon.com/app-mesh/latest/userguide/tls.html");
pub const CONNECTIVITY: Source = guide(
    "App Mesh User Guide: App Mesh connectivity troubleshooting",
    "https://docs.aws.amazon.com/app-mesh/latest/userguide/troubleshooting-connectivity.html",
);
pub const HOSTNAMES: Source = guide("RFC 1123, 2.1: Host names and numbers", "https://www.rfc-editor.org/rfc/rfc1123#section-2.1");

pub const API_VIRTUAL_NODE_SPEC: Source =
    guide("App Mesh API Reference: VirtualNodeSpec", "https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_VirtualNodeSpec.html");
pub const API_HEALTH_CHECK: Source = guide(
    "App Mesh API Reference: HealthCheckPolicy",
    "https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HealthCheckPolicy.html",
);
pub const API_WEIGHTED_TARGET: Source =
    guide("App Mesh API Reference: WeightedTarget", "https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_WeightedTarget.html");
pub const API_GRPC_ROUTE_MATCH: Source =
    guide("App Mesh API Reference: GrpcRouteMatch", "https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_GrpcRouteMatch.html");
pub const API_HTTP_ROUTE_MATCH: Source =
    guide("App Mesh API Reference: HttpRouteMatch", "https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HttpRouteMatch.html");
pub const API_HTTP_GATEWAY_ROUTE_MATCH: Source = guide(
    "App Mesh API Reference: HttpGatewayRouteMatch",
    "https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HttpGatewayRouteMatch.html",
);
pub const API_CLIENT_POLICY_TLS: Source =
    guide("App Mesh API Reference: ClientPolicyTls", "https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_ClientPolicyTls.html");
pub const API_EGRESS_FILTER: Source =
    guide("App Mesh API Reference: EgressFilter", "https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_EgressFilter.html");
