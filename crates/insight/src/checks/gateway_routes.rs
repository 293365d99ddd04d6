//! Checks of gateway routes (`AM06xx`): their gateway's listeners, the virtual service they
//! target and its provider's ports, their matches, and gateway routes that another shadows.

use super::children::{ChildRoute, Family, check_family};
use super::{Check, Code, Finding, Severity, sources};
use crate::mesh::{Mesh, describe_ports, gateway_ports, gateway_route_match_port, gateway_route_target_port};
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::spec::*;

pub(super) const CHECKS: &[Check] = &[
    Check {
        code: Code::GatewayRouteGatewayMissing,
        severity: Severity::Error,
        kind: ResourceKind::GatewayRoute,
        title: "The gateway route's virtual gateway is not in the mesh",
        why: &[
            "A gateway route lives in a virtual gateway and applies to the traffic that gateway receives. App Mesh refuses a gateway route in a gateway that does not exist (`NotFoundException`).",
        ],
        fix: &["Create the virtual gateway, or move the gateway route into the gateway it was meant for."],
        sources: &[sources::GATEWAY_ROUTES],
    },
    Check {
        code: Code::GatewayTargetMissing,
        severity: Severity::Error,
        kind: ResourceKind::GatewayRoute,
        title: "The gateway route targets a virtual service that is not in the mesh",
        why: &[
            "A gateway route sends what it matches to an existing virtual service; App Mesh refuses a target that does not exist. Configuration that holds one cannot be applied, and the requests it matches have nowhere to go.",
        ],
        fix: &["Create the virtual service, or correct the target's `virtualServiceName` to the service's exact name."],
        sources: &[sources::GATEWAY_ROUTES],
    },
    Check {
        code: Code::GatewayTargetWithoutProvider,
        severity: Severity::Error,
        kind: ResourceKind::GatewayRoute,
        title: "The gateway route targets a virtual service without a provider",
        why: &[
            "Requests that the gateway route matches go to the virtual service's provider. Without one, the gateway's Envoy has no destination and answers outside callers with HTTP 503.",
        ],
        fix: &["Give the virtual service a provider (a virtual node, or a virtual router with routes)."],
        sources: &[sources::GATEWAY_ROUTES, sources::CONNECTIVITY],
    },
    Check {
        code: Code::GatewayRouteTypeNotOnGateway,
        severity: Severity::Error,
        kind: ResourceKind::GatewayRoute,
        title: "The gateway route's type is not the protocol of its gateway's listener",
        why: &[
            "As with a router's routes, App Mesh attaches a gateway route to the gateway listeners of its own protocol: an `http2Route` or `grpcRoute` on a gateway that listens only on `http` (or the other way round) is attached to nothing, and never matches.",
        ],
        fix: &["Change the gateway route's type to the gateway listener's protocol, or add a listener of its protocol to the gateway."],
        sources: &[sources::GATEWAY_ROUTES, sources::ROUTES],
    },
    Check {
        code: Code::GatewayMatchPortNotOnGateway,
        severity: Severity::Error,
        kind: ResourceKind::GatewayRoute,
        title: "The gateway route matches a port its gateway does not listen on",
        why: &[
            "A gateway route's `match.port` picks which of the gateway's listeners it applies to. A port the gateway does not listen on receives nothing, so the gateway route never matches.",
        ],
        fix: &["Match one of the gateway's listener ports, or add a listener on that port."],
        sources: &[sources::GATEWAY_ROUTES],
    },
    Check {
        code: Code::GatewayMatchPortRequired,
        severity: Severity::Error,
        kind: ResourceKind::GatewayRoute,
        title: "A gateway route of a gateway with several listeners matches no port",
        why: &["App Mesh's User Guide: port match is required if the virtual gateway has multiple listeners."],
        fix: &["Set the gateway route's `match.port` to the listener port it serves."],
        sources: &[sources::GATEWAY_ROUTES],
    },
    Check {
        code: Code::GatewayTargetPortNotOnProvider,
        severity: Severity::Error,
        kind: ResourceKind::GatewayRoute,
        title: "The target port is not one of the provider's listeners",
        why: &[
            "The gateway sends the matched requests to the target service's provider (virtual router or node) on the target's port. A port the provider does not listen on gets the gateway's Envoy no destination: those requests fail.",
        ],
        fix: &["Set the target's `port` to one of the provider's listener ports."],
        sources: &[sources::GATEWAY_ROUTES],
    },
    Check {
        code: Code::GatewayTargetPortRequired,
        severity: Severity::Error,
        kind: ResourceKind::GatewayRoute,
        title: "The target's provider has several listeners, and the target names no port",
        why: &[
            "App Mesh's User Guide: the virtual service provider port is required when the provider (router or node) of the selected virtual service has multiple listeners.",
        ],
        fix: &["Set the target's `port` to the provider listener the traffic is for."],
        sources: &[sources::GATEWAY_ROUTES],
    },
    Check {
        code: Code::ReservedMatch,
        severity: Severity::Error,
        kind: ResourceKind::GatewayRoute,
        title: "The gateway route matches a prefix or gRPC service name reserved by App Mesh",
        why: &[
            "App Mesh's User Guide: you can't specify `/aws-appmesh*` or `/aws-app-mesh*` as a prefix match, nor `aws.app-mesh*` or `aws.appmesh` as a gRPC service name: App Mesh reserves them for its own use.",
        ],
        fix: &["Match another prefix or service name."],
        sources: &[sources::GATEWAY_ROUTES],
    },
    Check {
        code: Code::GatewayRoutePrefixWithoutSlash,
        severity: Severity::Error,
        kind: ResourceKind::GatewayRoute,
        title: "An HTTP gateway route's prefix does not start with /",
        why: &[
            "The API reference: the prefix must always start with `/`. Request paths always do, so a prefix without it matches no request.",
        ],
        fix: &["Start the prefix with `/`: `/orders`, or `/` for every request."],
        sources: &[sources::API_HTTP_GATEWAY_ROUTE_MATCH],
    },
    Check {
        code: Code::ShadowedGatewayRoute,
        severity: Severity::Warning,
        kind: ResourceKind::GatewayRoute,
        title: "Two gateway routes of a gateway match the same requests",
        why: &[
            "A request goes to one gateway route: the one with the best priority, then the longest prefix. Two gateway routes of one gateway with the same type and match take the same requests, so one of them never gets traffic, and with equal priorities which one is not defined.",
        ],
        fix: &["Make the matches differ (prefix, host name, header), or delete the one that should not exist."],
        sources: &[sources::GATEWAY_ROUTES],
    },
];

pub(super) fn run(mesh: &Mesh, findings: &mut Vec<Finding>) {
    let family = Family {
        kind: ResourceKind::GatewayRoute,
        parent_missing: Code::GatewayRouteGatewayMissing,
        port_not_on_parent: Code::GatewayMatchPortNotOnGateway,
        port_required: Code::GatewayMatchPortRequired,
        type_not_on_parent: Code::GatewayRouteTypeNotOnGateway,
        shadowed: Code::ShadowedGatewayRoute,
    };
    check_family(
        mesh,
        &mesh.config.gateway_routes,
        |gateway| mesh.gateways.get(gateway).map(|spec| gateway_ports(spec)),
        &family,
        findings,
    );
    for route in &mesh.config.gateway_routes {
        let me = ResourceRef::child(ResourceKind::GatewayRoute, route.parent.as_str(), route.name.as_str());
        target(mesh, &me, &route.spec, findings);
        matches(&me, &route.spec, findings);
    }
}

fn target(mesh: &Mesh, me: &ResourceRef, spec: &GatewayRouteSpec, findings: &mut Vec<Finding>) {
    let service = spec.target_service().as_str();
    let involved = [ResourceRef::new(ResourceKind::VirtualService, service)];
    if !mesh.services.contains_key(service) {
        let message =
            format!("{} sends traffic to virtual service {service}, which is not in mesh {}.", me.capitalized(), mesh.config.mesh_name);
        findings.push(Finding::new(Code::GatewayTargetMissing, me.clone(), message).involving(involved));
        return;
    }
    if mesh.provider_of(service).is_none() {
        let message = format!(
            "{} sends traffic to virtual service {service}, which has no provider: those requests fail with HTTP 503.",
            me.capitalized()
        );
        findings.push(Finding::new(Code::GatewayTargetWithoutProvider, me.clone(), message).involving(involved));
        return;
    }
    let Some(ports) = mesh.provider_listeners(service) else { return }; // the service's own finding (AM0201) says it
    let (code, message) = match gateway_route_target_port(spec) {
        Some(port) if !ports.iter().any(|listener| listener.port == port) => (
            Code::GatewayTargetPortNotOnProvider,
            format!(
                "{} sends traffic to port {port} of virtual service {service}, whose provider listens on {}.",
                me.capitalized(),
                describe_ports(&ports)
            ),
        ),
        None if ports.len() > 1 => (
            Code::GatewayTargetPortRequired,
            format!(
                "{} sends traffic to virtual service {service} without a port, but its provider listens on {}.",
                me.capitalized(),
                describe_ports(&ports)
            ),
        ),
        _ => return,
    };
    findings.push(Finding::new(code, me.clone(), message).involving(involved));
}

/// Prefixes and gRPC service names App Mesh reserves (User Guide: Gateway routes).
const RESERVED_PREFIXES: [&str; 2] = ["/aws-appmesh", "/aws-app-mesh"];
const RESERVED_SERVICE_NAMES: [&str; 2] = ["aws.app-mesh", "aws.appmesh"];

fn matches(me: &ResourceRef, spec: &GatewayRouteSpec, findings: &mut Vec<Finding>) {
    match &spec.route {
        TypedGatewayRoute::Http(route) | TypedGatewayRoute::Http2(route) => {
            let Some(prefix) = route.matcher.prefix.as_deref() else { return };
            if !prefix.starts_with('/') {
                let message =
                    format!("{} matches the prefix {prefix:?}, which does not start with /: no request path matches it.", me.capitalized());
                findings.push(Finding::new(Code::GatewayRoutePrefixWithoutSlash, me.clone(), message));
            } else if RESERVED_PREFIXES.iter().any(|reserved| prefix.starts_with(reserved)) {
                let message = format!("{} matches the prefix {prefix}, which App Mesh reserves for its own use.", me.capitalized());
                findings.push(Finding::new(Code::ReservedMatch, me.clone(), message));
            }
        }
        TypedGatewayRoute::Grpc(route) => {
            let Some(service) = &route.matcher.service_name else { return };
            let bare = service.as_str().trim_start_matches('/');
            if RESERVED_SERVICE_NAMES.iter().any(|reserved| bare.starts_with(reserved)) {
                let message = format!("{} matches the gRPC service {service}, a name App Mesh reserves for its own use.", me.capitalized());
                findings.push(Finding::new(Code::ReservedMatch, me.clone(), message));
            }
        }
    }
}

/// What decides which requests a gateway route takes.
#[derive(PartialEq)]
pub(super) enum GatewayMatch<'a> {
    Http(&'a HttpGatewayRouteMatch),
    Http2(&'a HttpGatewayRouteMatch),
    Grpc(&'a GrpcGatewayRouteMatch),
}

impl ChildRoute for GatewayRouteSpec {
    type Match<'a> = GatewayMatch<'a>;

    fn route_type(&self) -> RouteType {
        GatewayRouteSpec::route_type(self)
    }

    fn match_port(&self) -> Option<u16> {
        gateway_route_match_port(self)
    }

    fn priority(&self) -> Option<u16> {
        self.priority.map(|priority| priority.get())
    }

    fn matcher(&self) -> GatewayMatch<'_> {
        match &self.route {
            TypedGatewayRoute::Http(route) => GatewayMatch::Http(&route.matcher),
            TypedGatewayRoute::Http2(route) => GatewayMatch::Http2(&route.matcher),
            TypedGatewayRoute::Grpc(route) => GatewayMatch::Grpc(&route.matcher),
        }
    }
}
