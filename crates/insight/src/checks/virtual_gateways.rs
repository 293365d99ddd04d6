//! Checks of virtual gateways (`AM05xx`): their listeners, their gateway routes and the TLS
//! they originate toward the services those routes target.

use super::virtual_nodes::{listener_findings, wildcard_sans};
use super::{Check, Code, Finding, Severity, sources, tls};
use crate::mesh::{Mesh, gateway_ports};
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::spec::*;
use std::collections::BTreeSet;

pub(super) const CHECKS: &[Check] = &[
    Check {
        code: Code::GatewayPoolProtocolMismatch,
        severity: Severity::Error,
        kind: ResourceKind::VirtualGateway,
        title: "A listener's connection pool is for another protocol",
        why: &[
            "App Mesh's User Guide: the `connectionPool` and `portMapping` protocols must be the same. A pool of another protocol's kind cannot apply to the listener's connections.",
        ],
        fix: &[
            "Use the listener's protocol for the pool: `http` takes `maxConnections` and `maxPendingRequests`; `http2` and `grpc` take `maxRequests`.",
        ],
        sources: &[sources::VIRTUAL_GATEWAYS],
    },
    Check {
        code: Code::GatewayHealthCheckPortMismatch,
        severity: Severity::Error,
        kind: ResourceKind::VirtualGateway,
        title: "A listener's health check probes another port",
        why: &[
            "The API reference: the health check's port must match the port defined in the listener's `portMapping`. A probe of another port says nothing about the listener.",
        ],
        fix: &["Set the health check's `port` to the listener's port, or leave it out."],
        sources: &[sources::API_HEALTH_CHECK, sources::VIRTUAL_GATEWAYS],
    },
    Check {
        code: Code::GatewayWithoutRoutes,
        severity: Severity::Warning,
        kind: ResourceKind::VirtualGateway,
        title: "A virtual gateway without gateway routes",
        why: &[
            "A virtual gateway lets traffic from outside the mesh in, and sends it where its gateway routes say. With none, every request it receives matches nothing: the gateway's Envoy answers HTTP 404.",
        ],
        fix: &["Create a gateway route to the virtual service that outside callers should reach, or delete the gateway."],
        sources: &[sources::VIRTUAL_GATEWAYS, sources::GATEWAY_ROUTES],
    },
    Check {
        code: Code::GatewayWildcardSanEnforced,
        severity: Severity::Error,
        kind: ResourceKind::VirtualGateway,
        title: "An enforced TLS client policy trusts a wildcard subject alternative name",
        why: &[
            "App Mesh's TLS guide: you can only use wildcard SANs if the client policy for TLS is not enforced; an enforced policy cannot accept a wildcard SAN. The gateway's validation of the services' certificates then fails.",
        ],
        fix: &["List the exact names the services' certificates carry, or set `enforce` to false."],
        sources: &[sources::TLS],
    },
    Check {
        code: Code::GatewayTlsToPlainListener,
        severity: Severity::Error,
        kind: ResourceKind::VirtualGateway,
        title: "TLS is enforced toward a service whose listeners do not terminate TLS",
        why: &[
            "A gateway whose backend defaults enforce TLS originates TLS toward every virtual service its gateway routes target. The listeners of the nodes serving such a service have no TLS, or TLS `DISABLED`, so the handshakes fail and outside callers get HTTP 503.",
        ],
        fix: &[
            "Enable TLS on the serving nodes' listeners, or limit the policy's `ports` to ports that terminate TLS, or set `enforce` to false.",
        ],
        sources: &[sources::TLS, sources::VIRTUAL_GATEWAYS],
    },
];

pub(super) fn run(mesh: &Mesh, findings: &mut Vec<Finding>) {
    for gateway in &mesh.config.virtual_gateways {
        let name = gateway.name.as_str();
        let me = ResourceRef::new(ResourceKind::VirtualGateway, name);
        for (listener, port) in gateway.spec.listeners.iter().zip(gateway_ports(&gateway.spec)) {
            let pool = listener.connection_pool.as_ref().map(|pool| match pool {
                VirtualGatewayConnectionPool::Http(_) => RouteType::Http,
                VirtualGatewayConnectionPool::Http2(_) => RouteType::Http2,
                VirtualGatewayConnectionPool::Grpc(_) => RouteType::Grpc,
            });
            let health_check_port = listener.health_check.as_ref().and_then(|check| check.port).map(|port| port.get());
            findings.extend(listener_findings(
                &me,
                port,
                pool,
                health_check_port,
                [Code::GatewayPoolProtocolMismatch, Code::GatewayHealthCheckPortMismatch],
            ));
        }
        let targets: BTreeSet<&str> = mesh.gateway_routes_of(name).map(|route| route.spec.target_service().as_str()).collect();
        if targets.is_empty() {
            let message = format!("Virtual gateway {name} has no gateway routes: every request it receives matches nothing.");
            findings.push(Finding::new(Code::GatewayWithoutRoutes, me.clone(), message));
        }
        let Some(policy) = tls::policy_toward(None, gateway.spec.backend_defaults.as_ref()) else { continue };
        wildcard_sans(&me, "backend defaults", policy, Code::GatewayWildcardSanEnforced, findings);
        for service in targets {
            findings.extend(tls::plain_listeners_behind(mesh, &me, service, policy, Code::GatewayTlsToPlainListener));
        }
    }
}
