//! Checks of routes (`AM04xx`): their router's listeners, their targets' listeners, weights,
//! matches, retries and timeouts, and routes that another route of the router shadows.

use super::children::{ChildRoute, Family, check_family};
use super::timeouts::{DEFAULT, Limit, Millis, millis};
use super::{Check, Code, Finding, Severity, sources};
use crate::mesh::{ListenerPort, Mesh, describe_ports, node_listeners, port_of, route_match_port, router_ports};
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::names::PortNumber;
use mesh_engine::spec::*;

pub(super) const CHECKS: &[Check] = &[
    Check {
        code: Code::RouteRouterMissing,
        severity: Severity::Error,
        kind: ResourceKind::Route,
        title: "The route's virtual router is not in the mesh",
        why: &[
            "A route lives in a virtual router and applies to the traffic that router receives. App Mesh refuses a route in a router that does not exist (`NotFoundException`): configuration that holds one cannot be applied as it is.",
        ],
        fix: &["Create the virtual router, or move the route into the router it was meant for."],
        sources: &[sources::ROUTES],
    },
    Check {
        code: Code::TargetNodeMissing,
        severity: Severity::Error,
        kind: ResourceKind::Route,
        title: "A weighted target names a virtual node that is not in the mesh",
        why: &[
            "The share of traffic a route gives to a virtual node that does not exist has no endpoints: Envoy answers those requests with HTTP 503 (`no healthy upstream`). The console's server refuses such a target, as it refuses deleting a node a route targets.",
        ],
        fix: &["Create the virtual node, or point the target at the node that serves this version."],
        sources: &[sources::ROUTES, sources::CONNECTIVITY],
    },
    Check {
        code: Code::RouteTypeNotOnRouter,
        severity: Severity::Error,
        kind: ResourceKind::Route,
        title: "The route's type is not the protocol of its router's listener",
        why: &[
            "App Mesh's User Guide: the protocol of the route type must match the listener protocol of the virtual router (and of the virtual nodes it routes to). Envoy attaches a router's routes to the listener of their protocol; a route of another type is attached to nothing and never matches.",
        ],
        fix: &[
            "Change the route's type to the router listener's protocol (an `http` listener takes `httpRoute`), or add a listener of the route's protocol to the router.",
        ],
        sources: &[sources::ROUTES],
    },
    Check {
        code: Code::RouteMatchPortNotOnRouter,
        severity: Severity::Error,
        kind: ResourceKind::Route,
        title: "The route matches a port its router does not listen on",
        why: &[
            "A route's `match.port` picks which of its router's listeners it applies to. A port the router does not listen on receives nothing, so the route never matches.",
        ],
        fix: &["Match one of the router's listener ports, or add a listener on that port to the router."],
        sources: &[sources::ROUTES],
    },
    Check {
        code: Code::RouteMatchPortRequired,
        severity: Severity::Error,
        kind: ResourceKind::Route,
        title: "A route of a router with several listeners matches no port",
        why: &[
            "App Mesh's User Guide: port match is required if the virtual router has multiple listeners. Without it, App Mesh cannot tell which listener's traffic the route is for.",
        ],
        fix: &["Set the route's `match.port` to the listener port it serves; add a route per port if it serves several."],
        sources: &[sources::ROUTES],
    },
    Check {
        code: Code::TargetPortNotOnNode,
        severity: Severity::Error,
        kind: ResourceKind::Route,
        title: "A weighted target's node does not listen on the target's port",
        why: &[
            "Envoy sends a target's share of the traffic to the virtual node's listener on the target's port (or its only listener). When the node has no listener there, or none at all, there is nothing to send to: those requests fail with HTTP 503.",
        ],
        fix: &["Set the target's `port` to one of the node's listener ports, or add the listener to the node."],
        sources: &[sources::ROUTES, sources::VIRTUAL_NODES],
    },
    Check {
        code: Code::TargetPortRequired,
        severity: Severity::Error,
        kind: ResourceKind::Route,
        title: "A weighted target's node has several listeners, and the target names no port",
        why: &[
            "App Mesh's User Guide: if the selected virtual node has multiple listeners, the target port is required; without it, App Mesh cannot tell which listener the traffic is for.",
        ],
        fix: &["Set the target's `port` to the node listener that serves this route's traffic."],
        sources: &[sources::ROUTES],
    },
    Check {
        code: Code::TargetProtocolMismatch,
        severity: Severity::Error,
        kind: ResourceKind::Route,
        title: "A weighted target's listener has another protocol than the route",
        why: &[
            "App Mesh's User Guide: the route type must match the listener protocol of the virtual node that the route sends traffic to. An HTTP route to a TCP listener (or gRPC to HTTP/1) breaks requests at the node's Envoy.",
        ],
        fix: &["Make the node's listener speak the route's protocol, or target a node (or port) that does."],
        sources: &[sources::ROUTES],
    },
    Check {
        code: Code::ShadowedRoute,
        severity: Severity::Warning,
        kind: ResourceKind::Route,
        title: "Two routes of a router match the same requests",
        why: &[
            "Envoy takes the first route that matches a request, in priority order (0 first). When two routes of one router have the same type and match, every request goes to one of them: with different priorities the later never gets traffic; with the same priority (or none) which one wins is not defined, and may change when App Mesh rebuilds Envoy's configuration.",
        ],
        fix: &[
            "Make the matches differ (a longer prefix, a header, a method), merge the two routes' targets into one route, or delete the one that should not exist.",
        ],
        sources: &[sources::ROUTES],
    },
    Check {
        code: Code::ZeroWeightTarget,
        severity: Severity::Info,
        kind: ResourceKind::Route,
        title: "A weighted target has weight 0",
        why: &[
            "Targets share a route's traffic in proportion to their weights: a weight of 0 gets none. That is how a version is drained or kept ready, but a forgotten 0 is also how a release silently gets no traffic.",
        ],
        fix: &["Give the target a weight when it should get traffic, or remove it."],
        sources: &[sources::API_WEIGHTED_TARGET],
    },
    Check {
        code: Code::WeightsOver100,
        severity: Severity::Warning,
        kind: ResourceKind::Route,
        title: "The weights of a route's targets add up to more than 100",
        why: &[
            "The API reference: the total weight for all targets combined must be less than or equal to 100 (the console's form asks them to add up to 100). Weights are relative, so shares still follow their proportion, but a total over 100 usually means a weight was changed without its partner.",
        ],
        fix: &["Make the weights add up to 100, so each reads as the target's percentage."],
        sources: &[sources::API_WEIGHTED_TARGET, sources::ROUTES],
    },
    Check {
        code: Code::GrpcMethodWithoutService,
        severity: Severity::Error,
        kind: ResourceKind::Route,
        title: "A gRPC route matches a method name without a service name",
        why: &[
            "The API reference: if you specify a method name, you must also specify a service name. A gRPC method is only defined within its service (`/package.Service/Method`).",
        ],
        fix: &["Add the fully qualified gRPC service name (`serviceName`) to the match, or drop the method name."],
        sources: &[sources::API_GRPC_ROUTE_MATCH],
    },
    Check {
        code: Code::RoutePrefixWithoutSlash,
        severity: Severity::Error,
        kind: ResourceKind::Route,
        title: "An HTTP route's prefix does not start with /",
        why: &[
            "The API reference: the prefix must always start with `/`. Request paths always do, so a prefix without it matches no request.",
        ],
        fix: &["Start the prefix with `/`: `/metrics`, or `/` for every request."],
        sources: &[sources::API_HTTP_ROUTE_MATCH],
    },
    Check {
        code: Code::SchemeOnHttp1Route,
        severity: Severity::Warning,
        kind: ResourceKind::Route,
        title: "An HTTP/1 route matches a scheme",
        why: &[
            "The API reference: the scheme match is applicable only for HTTP/2 routes. On an `httpRoute` it does not route the way it reads.",
        ],
        fix: &["Remove the scheme from the match, or make the route an `http2Route` on an `http2` listener."],
        sources: &[sources::API_HTTP_ROUTE_MATCH, sources::ROUTES],
    },
    Check {
        code: Code::RetriesOutlastTimeout,
        severity: Severity::Warning,
        kind: ResourceKind::Route,
        title: "The retries take longer than the route's request timeout",
        why: &[
            "App Mesh's User Guide: the request timeout should always be greater than or equal to the retry timeout multiplied by the maximum retries, so that the retry policy can complete. Otherwise the request times out (15 seconds when the route sets none) while retries are still due.",
        ],
        fix: &[
            "Raise the route's request timeout (and the target nodes' listener timeouts with it), or lower `perRetryTimeout` or `maxRetries`.",
        ],
        sources: &[sources::ROUTES, sources::CONNECTIVITY],
    },
    Check {
        code: Code::RouteTimeoutMismatch,
        severity: Severity::Warning,
        kind: ResourceKind::Route,
        title: "The route and its target's listener end requests at different times",
        why: &[
            "A request passes the route's request timeout at the caller's Envoy and the listener's at the target node's Envoy; the shorter one ends it. App Mesh's User Guide: a timeout longer than the default 15 seconds must be set on the route and on the listener of every virtual node taking part, or requests fail with an upstream request timeout at the shorter one.",
        ],
        fix: &["Set the same request timeout on the route and on the target nodes' listeners."],
        sources: &[sources::ROUTES, sources::VIRTUAL_NODES, sources::CONNECTIVITY],
    },
];

pub(super) fn run(mesh: &Mesh, findings: &mut Vec<Finding>) {
    let family = Family {
        kind: ResourceKind::Route,
        parent_missing: Code::RouteRouterMissing,
        port_not_on_parent: Code::RouteMatchPortNotOnRouter,
        port_required: Code::RouteMatchPortRequired,
        type_not_on_parent: Code::RouteTypeNotOnRouter,
        shadowed: Code::ShadowedRoute,
    };
    check_family(mesh, &mesh.config.routes, |router| mesh.routers.get(router).map(|spec| router_ports(spec)), &family, findings);
    for route in &mesh.config.routes {
        let me = ResourceRef::child(ResourceKind::Route, route.parent.as_str(), route.name.as_str());
        targets(mesh, &me, &route.spec, findings);
        weights(&me, &route.spec, findings);
        matches(&me, &route.spec, findings);
        retries(&me, &route.spec, findings);
    }
}

/// The listener of a node that a target's traffic goes to.
pub(super) enum TargetListener<'a> {
    Listener(&'a Listener),
    NoListeners,
    NotOnPort(u16),
    /// Several listeners, and no port to choose one.
    Ambiguous,
}

pub(super) fn target_listener(node: &VirtualNodeSpec, port: Option<u16>) -> TargetListener<'_> {
    let listeners = node_listeners(node);
    match (port, listeners) {
        (_, []) => TargetListener::NoListeners,
        (None, [only]) => TargetListener::Listener(only),
        (None, _) => TargetListener::Ambiguous,
        (Some(port), _) => match listeners.iter().find(|listener| listener.port_mapping.port.get() == port) {
            Some(listener) => TargetListener::Listener(listener),
            None => TargetListener::NotOnPort(port),
        },
    }
}

fn targets(mesh: &Mesh, me: &ResourceRef, spec: &RouteSpec, findings: &mut Vec<Finding>) {
    let route_limit = request_timeout(spec).map(Limit::of);
    for target in spec.weighted_targets().as_slice() {
        let name = target.virtual_node.as_str();
        let node_ref = ResourceRef::new(ResourceKind::VirtualNode, name);
        let Some(node) = mesh.nodes.get(name) else {
            let message =
                format!("{} sends traffic to virtual node {name}, which is not in mesh {}.", me.capitalized(), mesh.config.mesh_name);
            findings.push(Finding::new(Code::TargetNodeMissing, me.clone(), message).involving([node_ref]));
            continue;
        };
        let ports = || describe_ports(&crate::mesh::node_ports(node));
        let (code, message) = match target_listener(node, target.port.map(|port| port.get())) {
            TargetListener::NoListeners => {
                (Code::TargetPortNotOnNode, format!("{} sends traffic to virtual node {name}, which has no listeners.", me.capitalized()))
            }
            TargetListener::NotOnPort(port) => (
                Code::TargetPortNotOnNode,
                format!("{} sends traffic to port {port} of virtual node {name}, which listens only on {}.", me.capitalized(), ports()),
            ),
            TargetListener::Ambiguous => (
                Code::TargetPortRequired,
                format!("{} sends traffic to virtual node {name} without a port, but {name} listens on {}.", me.capitalized(), ports()),
            ),
            TargetListener::Listener(listener) => {
                let port = port_of(&listener.port_mapping);
                if port.protocol != spec.route_type() {
                    let message = format!(
                        "{} is a {} route, but it sends traffic to virtual node {name}'s listener {port}.",
                        me.capitalized(),
                        spec.route_type().as_str()
                    );
                    findings.push(Finding::new(Code::TargetProtocolMismatch, me.clone(), message).involving([node_ref.clone()]));
                }
                if let Some(route_limit) = route_limit {
                    findings.extend(timeout_mismatch(me, route_limit, name, port, Limit::of_listener(listener)));
                }
                continue;
            }
        };
        findings.push(Finding::new(code, me.clone(), message).involving([node_ref]));
    }
}

fn timeout_mismatch(me: &ResourceRef, route: Limit, node: &str, port: ListenerPort, listener: Limit) -> Option<Finding> {
    if route == listener || route.max(listener) <= DEFAULT {
        return None;
    }
    let message = if route > listener {
        format!("{} allows requests {route}, but virtual node {node}'s listener {port} ends them after {listener}.", me.capitalized())
    } else {
        format!("Virtual node {node}'s listener {port} allows requests {listener}, but {me} ends them after {route}.")
    };
    Some(Finding::new(Code::RouteTimeoutMismatch, me.clone(), message).involving([ResourceRef::new(ResourceKind::VirtualNode, node)]))
}

fn weights(me: &ResourceRef, spec: &RouteSpec, findings: &mut Vec<Finding>) {
    let targets = spec.weighted_targets().as_slice();
    for target in targets.iter().filter(|target| target.weight.get() == 0) {
        let message =
            format!("{} gives virtual node {} weight 0: it gets none of the route's traffic.", me.capitalized(), target.virtual_node);
        findings.push(
            Finding::new(Code::ZeroWeightTarget, me.clone(), message)
                .involving([ResourceRef::new(ResourceKind::VirtualNode, target.virtual_node.as_str())]),
        );
    }
    let total: u32 = targets.iter().map(|target| u32::from(target.weight.get())).sum();
    if total > 100 {
        let message = format!("The weights of {me}'s targets add up to {total}: App Mesh's API asks for at most 100.");
        findings.push(Finding::new(Code::WeightsOver100, me.clone(), message));
    }
}

fn matches(me: &ResourceRef, spec: &RouteSpec, findings: &mut Vec<Finding>) {
    match &spec.route {
        TypedRoute::Http(route) | TypedRoute::Http2(route) => {
            if let Some(prefix) = route.matcher.prefix.as_deref().filter(|prefix| !prefix.starts_with('/')) {
                let message =
                    format!("{} matches the prefix {prefix:?}, which does not start with /: no request path matches it.", me.capitalized());
                findings.push(Finding::new(Code::RoutePrefixWithoutSlash, me.clone(), message));
            }
            if let (TypedRoute::Http(_), Some(scheme)) = (&spec.route, route.matcher.scheme) {
                let message = format!(
                    "{} is an http route that matches the scheme {}: App Mesh applies scheme matches to http2 routes only.",
                    me.capitalized(),
                    scheme.as_str()
                );
                findings.push(Finding::new(Code::SchemeOnHttp1Route, me.clone(), message));
            }
        }
        TypedRoute::Grpc(route) => {
            if let (Some(method), None) = (&route.matcher.method_name, &route.matcher.service_name) {
                let message = format!("{} matches the gRPC method {method} without a service name.", me.capitalized());
                findings.push(Finding::new(Code::GrpcMethodWithoutService, me.clone(), message));
            }
        }
        TypedRoute::Tcp(_) => {}
    }
}

/// The request timeout of a route of a request protocol (TCP routes have none).
fn request_timeout(spec: &RouteSpec) -> Option<Option<&RequestTimeout>> {
    match &spec.route {
        TypedRoute::Http(route) | TypedRoute::Http2(route) => Some(route.timeout.as_ref()),
        TypedRoute::Grpc(route) => Some(route.timeout.as_ref()),
        TypedRoute::Tcp(_) => None,
    }
}

fn retries(me: &ResourceRef, spec: &RouteSpec, findings: &mut Vec<Finding>) {
    let policy = match &spec.route {
        TypedRoute::Http(route) | TypedRoute::Http2(route) => {
            route.retry_policy.as_ref().map(|policy| (&policy.per_retry_timeout, policy.max_retries))
        }
        TypedRoute::Grpc(route) => route.retry_policy.as_ref().map(|policy| (&policy.per_retry_timeout, policy.max_retries)),
        TypedRoute::Tcp(_) => None,
    };
    let (Some((per_retry, max_retries)), Some(timeout)) = (policy, request_timeout(spec)) else { return };
    let (Limit::Millis(limit), Some(per_retry)) = (Limit::of(timeout), millis(per_retry)) else { return };
    let retries = u64::try_from(max_retries.get()).unwrap_or(0);
    let total = per_retry.saturating_mul(retries);
    if total > limit {
        let message = format!(
            "{} retries up to {retries} times of {} each ({}), longer than its request timeout of {}: the last retries never run.",
            me.capitalized(),
            Millis(per_retry),
            Millis(total),
            Millis(limit)
        );
        findings.push(Finding::new(Code::RetriesOutlastTimeout, me.clone(), message));
    }
}

/// What decides which requests a route takes.
#[derive(PartialEq)]
pub(super) enum RouteMatch<'a> {
    Http(&'a HttpRouteMatch),
    Http2(&'a HttpRouteMatch),
    Grpc(&'a GrpcRouteMatch),
    Tcp(Option<PortNumber>),
}

impl ChildRoute for RouteSpec {
    type Match<'a> = RouteMatch<'a>;

    fn route_type(&self) -> RouteType {
        RouteSpec::route_type(self)
    }

    fn match_port(&self) -> Option<u16> {
        route_match_port(self)
    }

    fn priority(&self) -> Option<u16> {
        self.priority.map(|priority| priority.get())
    }

    fn matcher(&self) -> RouteMatch<'_> {
        match &self.route {
            TypedRoute::Http(route) => RouteMatch::Http(&route.matcher),
            TypedRoute::Http2(route) => RouteMatch::Http2(&route.matcher),
            TypedRoute::Grpc(route) => RouteMatch::Grpc(&route.matcher),
            TypedRoute::Tcp(route) => RouteMatch::Tcp(route.matcher.as_ref().and_then(|matcher| matcher.port)),
        }
    }
}
