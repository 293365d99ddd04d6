//! Checks of virtual nodes (`AM01xx`): their backends, listeners, service discovery and the
//! TLS they originate.

use super::timeouts::{DEFAULT, Limit};
use super::{Check, Code, Finding, Severity, sources, tls};
use crate::mesh::{ListenerPort, Mesh, describe_ports, node_backends, node_listeners, node_ports, port_of, route_type};
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::advice::{DnsHostnameProblem, DnsNameProblem, check_dns_hostname};
use mesh_engine::mesh_config::Definition;
use mesh_engine::names::ResourceName;
use mesh_engine::spec::*;
use std::collections::{BTreeMap, BTreeSet};

pub(super) const CHECKS: &[Check] = &[
    Check {
        code: Code::BackendServiceMissing,
        severity: Severity::Error,
        kind: ResourceKind::VirtualNode,
        title: "A backend names a virtual service that is not in the mesh",
        why: &[
            "App Mesh gives a node's Envoy a route for each virtual service the node names as a backend. A backend that names no virtual service of the mesh gives Envoy nothing to send to: the app's requests to that name fail, or leave the mesh unproxied when egress is `ALLOW_ALL`.",
            "App Mesh itself accepts the name; it only fails when traffic flows.",
        ],
        fix: &[
            "Create the virtual service (with a provider), or correct the backend's `virtualServiceName` to the service's exact name: names are matched as written.",
        ],
        sources: &[sources::VIRTUAL_NODES, sources::CONNECTIVITY],
    },
    Check {
        code: Code::BackendWithoutProvider,
        severity: Severity::Warning,
        kind: ResourceKind::VirtualNode,
        title: "A backend's virtual service has no provider",
        why: &[
            "A virtual service without a provider (no virtual node, no virtual router) has nowhere to send requests: the calling Envoy answers them with HTTP 503. App Mesh's troubleshooting guide lists it first among the causes of 503s to a backend.",
        ],
        fix: &["Give the virtual service a provider: the virtual node that serves it, or a virtual router with routes to its nodes."],
        sources: &[sources::CONNECTIVITY, sources::VIRTUAL_SERVICES],
    },
    Check {
        code: Code::UnreachableNode,
        severity: Severity::Warning,
        kind: ResourceKind::VirtualNode,
        title: "A virtual node with listeners that nothing in the mesh sends traffic to",
        why: &[
            "Traffic reaches a virtual node in the mesh only through a virtual service it provides, or a route that targets it. A node with listeners but neither is unreachable from other nodes and from virtual gateways: usually a service or route that was meant to point at it points elsewhere, or was never created.",
            "Traffic from outside the mesh (a load balancer in front of the node's tasks) still arrives; if that is the design, this finding can be ignored.",
        ],
        fix: &[
            "Make it the provider of its virtual service, or add it as a weighted target of a route. If it is an old version that no longer gets traffic, delete it.",
        ],
        sources: &[sources::VIRTUAL_NODES, sources::ROUTES],
    },
    Check {
        code: Code::LoopbackHostname,
        severity: Severity::Error,
        kind: ResourceKind::VirtualNode,
        title: "A DNS service discovery hostname is a loopback name or address",
        why: &[
            "Other nodes' Envoys resolve a node's DNS hostname to find its tasks. A loopback name (`localhost`, `*.localhost`, `localhost.localdomain`, `ip6-localhost`) or address (`127.0.0.0/8`, `::1`) resolves, on every client, to the client itself: the traffic never reaches the node's tasks.",
            "App Mesh's own rule for names that apps resolve is the same: they must resolve to a non-loopback IP address.",
        ],
        fix: &[
            "Use the hostname the node's tasks are registered under, e.g. `orders.apps.svc.cluster.local` or the service's Cloud Map or Route 53 name.",
        ],
        sources: &[sources::VIRTUAL_NODES, sources::VIRTUAL_SERVICES],
    },
    Check {
        code: Code::InvalidHostname,
        severity: Severity::Warning,
        kind: ResourceKind::VirtualNode,
        title: "A DNS service discovery hostname is not a DNS host name",
        why: &[
            "Envoy resolves the hostname through the VPC's DNS server. Host names are labels of letters, digits and hyphens (not at a label's start or end), 1 to 63 characters each, separated by single dots; a name with other characters, empty labels or a final dot does not resolve the way it reads, or does not match the names in the TLS certificates App Mesh checks against it.",
            "The console's forms judge a hostname by these same rules.",
        ],
        fix: &["Write the hostname as the tasks' DNS name, without a final dot, e.g. `orders.apps.local`."],
        sources: &[sources::HOSTNAMES, sources::VIRTUAL_NODES, sources::TLS],
    },
    Check {
        code: Code::ListenersWithoutDiscovery,
        severity: Severity::Error,
        kind: ResourceKind::VirtualNode,
        title: "A virtual node with listeners has no service discovery",
        why: &[
            "Listeners say the node expects inbound traffic; service discovery says where its tasks are. Without it, the Envoys that send to the node have no endpoints for it (Envoy: `no healthy upstream`). App Mesh's API says: if you specify a listener, then you must specify service discovery information.",
        ],
        fix: &[
            "Add DNS (the tasks' hostname) or AWS Cloud Map (namespace and service) service discovery, or remove the listeners from a node that only sends traffic.",
        ],
        sources: &[sources::API_VIRTUAL_NODE_SPEC, sources::VIRTUAL_NODES],
    },
    Check {
        code: Code::SharedServiceDiscovery,
        severity: Severity::Warning,
        kind: ResourceKind::VirtualNode,
        title: "Virtual nodes share one service discovery",
        why: &[
            "A virtual node stands for one group of tasks, found through its service discovery. Two nodes with the same DNS hostname, or the same Cloud Map namespace, service and attributes, stand for the same tasks: a route that splits traffic between them (a canary, a blue/green switch) sends all of it to the same place, and their listeners, TLS and health checks compete for one set of tasks.",
        ],
        fix: &[
            "Point each node at its own tasks: a hostname per version, or Cloud Map attributes (e.g. `version=v2`) that select only that version's instances.",
        ],
        sources: &[sources::VIRTUAL_NODES],
    },
    Check {
        code: Code::NodePoolProtocolMismatch,
        severity: Severity::Error,
        kind: ResourceKind::VirtualNode,
        title: "A listener's connection pool is for another protocol",
        why: &[
            "App Mesh's User Guide: the `connectionPool` and `portMapping` protocols must be the same. A pool of another protocol's kind cannot apply to the listener's connections.",
        ],
        fix: &[
            "Use the listener's protocol for the pool: `tcp` takes `maxConnections`; `http` takes `maxConnections` and `maxPendingRequests`; `http2` and `grpc` take `maxRequests`.",
        ],
        sources: &[sources::VIRTUAL_NODES],
    },
    Check {
        code: Code::NodeHealthCheckPortMismatch,
        severity: Severity::Error,
        kind: ResourceKind::VirtualNode,
        title: "A listener's health check probes another port",
        why: &[
            "The API reference: the health check's port must match the port defined in the listener's `portMapping`. Envoy health-checks the endpoints it sends the listener's traffic to; a probe on another port judges something else.",
        ],
        fix: &["Set the health check's `port` to the listener's port, or leave it out."],
        sources: &[sources::API_HEALTH_CHECK],
    },
    Check {
        code: Code::OutlierDetectionWithDns,
        severity: Severity::Warning,
        kind: ResourceKind::VirtualNode,
        title: "Outlier detection on a node found through a load-balanced DNS name",
        why: &[
            "Outlier detection ejects single misbehaving hosts from the set of endpoints. With DNS service discovery answering a load-balanced name, the calling Envoy elects a single IP address for the node, so there is no set of hosts to eject from: outlier detection does nothing.",
        ],
        fix: &["Use AWS Cloud Map service discovery for the node, or DNS with response type `ENDPOINTS` so that Envoy sees every task."],
        sources: &[sources::VIRTUAL_NODES],
    },
    Check {
        code: Code::NodeTlsToPlainListener,
        severity: Severity::Error,
        kind: ResourceKind::VirtualNode,
        title: "TLS is enforced toward a backend whose listeners do not terminate TLS",
        why: &[
            "When a client policy enforces TLS on a port, App Mesh configures the client's Envoy to originate TLS there. The listeners of the nodes that serve the backend (its provider node, or the targets of its router's routes) have no TLS, or TLS `DISABLED`, so they expect plain text and the handshakes fail: the app sees HTTP 503, `upstream connect error or disconnect/reset before headers`.",
        ],
        fix: &[
            "Enable TLS (mode `STRICT` or `PERMISSIVE`, with a certificate) on the serving nodes' listeners, or limit the client policy's `ports` to ports that terminate TLS, or set `enforce` to false while the servers are migrated.",
        ],
        sources: &[sources::TLS, sources::API_CLIENT_POLICY_TLS],
    },
    Check {
        code: Code::NodeWildcardSanEnforced,
        severity: Severity::Error,
        kind: ResourceKind::VirtualNode,
        title: "An enforced TLS client policy trusts a wildcard subject alternative name",
        why: &[
            "App Mesh's TLS guide: you can only use wildcard SANs if the client policy for TLS is not enforced; an enforced policy cannot accept a wildcard SAN. Certificate validation toward the backend then fails.",
        ],
        fix: &["List the exact names the servers' certificates carry, or set `enforce` to false."],
        sources: &[sources::TLS],
    },
    Check {
        code: Code::TcpBackendsSharePort,
        severity: Severity::Warning,
        kind: ResourceKind::VirtualNode,
        title: "Two TCP backends on the same port",
        why: &[
            "For TCP, Envoy sees only the destination port, not a host name. App Mesh does not allow several backend destinations modelled as TCP to share a port: the node's connections to one of them go to the other.",
        ],
        fix: &[
            "Give each TCP backend its own port. With a virtual router provider, change the router's listener port: the nodes behind it keep theirs.",
        ],
        sources: &[sources::CONNECTIVITY],
    },
    Check {
        code: Code::BackendsWithAllowAll,
        severity: Severity::Info,
        kind: ResourceKind::VirtualNode,
        title: "Backends in a mesh that allows all egress",
        why: &[
            "App Mesh's User Guide: if you specify any backends on a virtual node when using `ALLOW_ALL`, you must specify all egress for that node as backends; otherwise `ALLOW_ALL` no longer works for that node. Calls it makes to anything not named as a backend stop leaving the mesh.",
        ],
        fix: &["Name every destination the node's app calls as a backend (model external services as virtual services), or none."],
        sources: &[sources::MESHES],
    },
    Check {
        code: Code::ListenerTimeoutBehindDefaultRoute,
        severity: Severity::Warning,
        kind: ResourceKind::VirtualNode,
        title: "A listener allows long requests that the callers' default timeout cuts",
        why: &[
            "A request timeout longer than the default (15 seconds) must be set on both sides: the node's listener and the route that sends to it. A virtual service provided by the node directly has no route of yours, so callers' Envoys apply the default 15 seconds and end longer requests with an upstream request timeout.",
        ],
        fix: &["Provide the virtual service through a virtual router whose route sets the same, longer, request timeout."],
        sources: &[sources::VIRTUAL_NODES, sources::CONNECTIVITY],
    },
];

pub(super) fn run(mesh: &Mesh, findings: &mut Vec<Finding>) {
    let provided = provided_nodes(mesh);
    let targeted: BTreeSet<&str> = mesh
        .config
        .routes
        .iter()
        .flat_map(|route| route.spec.weighted_targets().as_slice())
        .map(|target| target.virtual_node.as_str())
        .collect();
    for node in &mesh.config.virtual_nodes {
        let me = ResourceRef::new(ResourceKind::VirtualNode, node.name.as_str());
        backends(mesh, node, &me, findings);
        listeners(node, &me, findings);
        discovery(node, &me, findings);
        tls_toward_backends(mesh, node, &me, findings);
        let name = node.name.as_str();
        if !node_listeners(&node.spec).is_empty() && !provided.contains_key(name) && !targeted.contains(name) {
            let ports = node_ports(&node.spec);
            let message = format!(
                "Virtual node {name} listens on {} but no virtual service provides it and no route targets it: nothing in the mesh sends it traffic.",
                describe_ports(&ports)
            );
            findings.push(Finding::new(Code::UnreachableNode, me.clone(), message));
        }
        for service in provided.get(name).into_iter().flatten() {
            long_listener_timeouts(node, service, &me, findings);
        }
    }
    shared_discovery(mesh, findings);
}

/// The virtual services each node provides directly.
fn provided_nodes<'a>(mesh: &Mesh<'a>) -> BTreeMap<&'a str, Vec<&'a str>> {
    let mut provided: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for service in &mesh.config.virtual_services {
        if let Some(VirtualServiceProvider::VirtualNode(node)) = &service.spec.provider {
            provided.entry(node.virtual_node_name.as_str()).or_default().push(service.name.as_str());
        }
    }
    provided
}

fn backends(mesh: &Mesh, node: &Definition<ResourceName, VirtualNodeSpec>, me: &ResourceRef, findings: &mut Vec<Finding>) {
    let name = node.name.as_str();
    let mut tcp_ports: BTreeMap<u16, &str> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for backend in node_backends(&node.spec) {
        let service = backend.virtual_service_name.as_str();
        if !seen.insert(service) {
            continue;
        }
        let involved = [ResourceRef::new(ResourceKind::VirtualService, service)];
        if !mesh.services.contains_key(service) {
            let message =
                format!("Virtual node {name} names backend {service}, which is not a virtual service of mesh {}.", mesh.config.mesh_name);
            findings.push(Finding::new(Code::BackendServiceMissing, me.clone(), message).involving(involved));
            continue;
        }
        if mesh.provider_of(service).is_none() {
            let message = format!("Virtual node {name} names backend {service}, which has no provider: requests to it get HTTP 503.");
            findings.push(Finding::new(Code::BackendWithoutProvider, me.clone(), message).involving(involved));
            continue;
        }
        let tcp = mesh.provider_listeners(service).unwrap_or_default().into_iter().filter(|port| port.protocol == RouteType::Tcp);
        for ListenerPort { port, .. } in tcp {
            match tcp_ports.get(&port) {
                Some(first) => {
                    let message = format!(
                        "Virtual node {name}'s backends {first} and {service} both take TCP on port {port}: Envoy cannot tell their connections apart."
                    );
                    let involved =
                        [ResourceRef::new(ResourceKind::VirtualService, *first), ResourceRef::new(ResourceKind::VirtualService, service)];
                    findings.push(Finding::new(Code::TcpBackendsSharePort, me.clone(), message).involving(involved));
                }
                None => {
                    tcp_ports.insert(port, service);
                }
            }
        }
    }
    if !seen.is_empty() && mesh.egress() == EgressFilterType::AllowAll {
        let message = format!(
            "Virtual node {name} names backends in a mesh whose egress is ALLOW_ALL: its calls to anything it does not name as a backend no longer leave the mesh."
        );
        findings.push(Finding::new(Code::BackendsWithAllowAll, me.clone(), message));
    }
}

fn listeners(node: &Definition<ResourceName, VirtualNodeSpec>, me: &ResourceRef, findings: &mut Vec<Finding>) {
    let load_balanced_dns =
        matches!(&node.spec.service_discovery, Some(ServiceDiscovery::Dns(dns)) if dns.response_type != Some(DnsResponseType::Endpoints));
    for listener in node_listeners(&node.spec) {
        let port = port_of(&listener.port_mapping);
        let pool = listener.connection_pool.as_ref().map(|pool| match pool {
            VirtualNodeConnectionPool::Http(_) => RouteType::Http,
            VirtualNodeConnectionPool::Http2(_) => RouteType::Http2,
            VirtualNodeConnectionPool::Grpc(_) => RouteType::Grpc,
            VirtualNodeConnectionPool::Tcp(_) => RouteType::Tcp,
        });
        let health_check_port = listener.health_check.as_ref().and_then(|check| check.port).map(|port| port.get());
        findings.extend(listener_findings(
            me,
            port,
            pool,
            health_check_port,
            [Code::NodePoolProtocolMismatch, Code::NodeHealthCheckPortMismatch],
        ));
        if listener.outlier_detection.is_some() && load_balanced_dns {
            let message = format!(
                "{}'s listener {port} has outlier detection, but callers find the node through one load-balanced DNS name: there is no set of hosts to eject from.",
                me.capitalized()
            );
            findings.push(Finding::new(Code::OutlierDetectionWithDns, me.clone(), message));
        }
    }
}

/// A listener's pool of another protocol and a health check of another port, for a node's
/// listener or a gateway's (`codes`: the pool's code, then the health check's).
pub(super) fn listener_findings(
    me: &ResourceRef,
    port: ListenerPort,
    pool: Option<RouteType>,
    health_check_port: Option<u16>,
    codes: [Code; 2],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(pool) = pool.filter(|pool| *pool != port.protocol) {
        let message = format!(
            "{}'s listener {port} has a {} connection pool: a pool must be of its listener's protocol.",
            me.capitalized(),
            pool.as_str()
        );
        findings.push(Finding::new(codes[0], me.clone(), message));
    }
    if let Some(checked) = health_check_port.filter(|checked| *checked != port.port) {
        let message = format!(
            "{}'s listener {port} health-checks port {checked}: the health check must probe the listener's own port.",
            me.capitalized()
        );
        findings.push(Finding::new(codes[1], me.clone(), message));
    }
    findings
}

fn discovery(node: &Definition<ResourceName, VirtualNodeSpec>, me: &ResourceRef, findings: &mut Vec<Finding>) {
    let name = node.name.as_str();
    match &node.spec.service_discovery {
        None if !node_listeners(&node.spec).is_empty() => {
            let message = format!("Virtual node {name} has listeners but no service discovery: callers' Envoys cannot find its tasks.");
            findings.push(Finding::new(Code::ListenersWithoutDiscovery, me.clone(), message));
        }
        Some(ServiceDiscovery::Dns(dns)) => match check_dns_hostname(&dns.hostname) {
            Some(DnsHostnameProblem::Name(DnsNameProblem::Loopback)) => {
                let message = format!(
                    "Virtual node {name}'s DNS hostname {} is a loopback name or address: every caller would send its traffic to itself.",
                    dns.hostname
                );
                findings.push(Finding::new(Code::LoopbackHostname, me.clone(), message));
            }
            Some(problem) => {
                let message = format!("Virtual node {name}'s DNS hostname {:?} is not a DNS host name. {problem}", dns.hostname);
                findings.push(Finding::new(Code::InvalidHostname, me.clone(), message));
            }
            None => {}
        },
        _ => {}
    }
}

fn tls_toward_backends(mesh: &Mesh, node: &Definition<ResourceName, VirtualNodeSpec>, me: &ResourceRef, findings: &mut Vec<Finding>) {
    let defaults = node.spec.backend_defaults.as_ref();
    if let Some(policy) = tls::policy_toward(None, defaults) {
        wildcard_sans(me, "backend defaults", policy, Code::NodeWildcardSanEnforced, findings);
    }
    for backend in node_backends(&node.spec) {
        let service = backend.virtual_service_name.as_str();
        let Some(policy) = tls::policy_toward(backend.client_policy.as_ref(), defaults) else { continue };
        if backend.client_policy.is_some() {
            wildcard_sans(me, &format!("client policy toward {service}"), policy, Code::NodeWildcardSanEnforced, findings);
        }
        findings.extend(tls::plain_listeners_behind(mesh, me, service, policy, Code::NodeTlsToPlainListener));
    }
}

/// A finding when an enforced policy (named `policy_words`) trusts wildcard names.
pub(super) fn wildcard_sans(me: &ResourceRef, policy_words: &str, policy: &ClientPolicyTls, code: Code, findings: &mut Vec<Finding>) {
    let wildcards = tls::enforced_wildcard_sans(policy);
    if !wildcards.is_empty() {
        let message = format!(
            "{}'s {policy_words} enforce TLS and trust the wildcard name {}: an enforced client policy cannot accept wildcard names.",
            me.capitalized(),
            wildcards.join(", ")
        );
        findings.push(Finding::new(code, me.clone(), message));
    }
}

fn long_listener_timeouts(node: &Definition<ResourceName, VirtualNodeSpec>, service: &str, me: &ResourceRef, findings: &mut Vec<Finding>) {
    for listener in node_listeners(&node.spec) {
        let limit = Limit::of_listener(listener);
        if limit > DEFAULT && route_type(listener.port_mapping.protocol) != RouteType::Tcp {
            let message = format!(
                "Virtual node {}'s listener {} allows requests {limit}, but virtual service {service} reaches it without a route of yours: callers end requests after {DEFAULT}.",
                node.name,
                port_of(&listener.port_mapping),
            );
            let involved = [ResourceRef::new(ResourceKind::VirtualService, service)];
            findings.push(Finding::new(Code::ListenerTimeoutBehindDefaultRoute, me.clone(), message).involving(involved));
        }
    }
}

/// Nodes that stand for the same tasks: the same DNS hostname (in any case), or the same
/// Cloud Map namespace, service and attributes.
fn shared_discovery(mesh: &Mesh, findings: &mut Vec<Finding>) {
    let mut by_discovery: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for node in &mesh.config.virtual_nodes {
        let key = match &node.spec.service_discovery {
            Some(ServiceDiscovery::Dns(dns)) => format!("DNS hostname {}", dns.hostname.to_ascii_lowercase()),
            Some(ServiceDiscovery::AwsCloudMap(map)) => {
                let mut attributes: Vec<String> =
                    map.attributes.iter().flatten().map(|attribute| format!("{}={}", attribute.key, attribute.value)).collect();
                attributes.sort();
                let selected = if attributes.is_empty() { String::new() } else { format!(" ({})", attributes.join(", ")) };
                format!("Cloud Map service {}.{}{selected}", map.service_name, map.namespace_name)
            }
            None => continue,
        };
        by_discovery.entry(key).or_default().push(node.name.as_str());
    }
    for (discovery, nodes) in by_discovery.into_iter().filter(|(_, nodes)| nodes.len() > 1) {
        for node in &nodes {
            let others: Vec<String> = nodes.iter().filter(|other| *other != node).map(|other| other.to_string()).collect();
            let message = format!(
                "Virtual node {node} shares its {discovery} with {}: they stand for the same tasks.",
                crate::mesh::and_list(&others)
            );
            let involved = others.iter().map(|other| ResourceRef::new(ResourceKind::VirtualNode, other.as_str()));
            findings.push(
                Finding::new(Code::SharedServiceDiscovery, ResourceRef::new(ResourceKind::VirtualNode, *node), message).involving(involved),
            );
        }
    }
}
