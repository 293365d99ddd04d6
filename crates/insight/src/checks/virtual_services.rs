//! Checks of virtual services (`AM02xx`): their names and their providers.

use super::{Check, Code, Finding, Severity, sources};
use crate::mesh::{Mesh, node_listeners};
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::advice::{DnsNameProblem, ServiceNameProblem, check_service_name};
use mesh_engine::spec::VirtualServiceProvider;

pub(super) const CHECKS: &[Check] = &[
    Check {
        code: Code::ProviderMissing,
        severity: Severity::Error,
        kind: ResourceKind::VirtualService,
        title: "The provider is not in the mesh",
        why: &[
            "Requests to a virtual service go to its provider: a virtual node, or a virtual router and its routes. A provider that is not in the mesh leaves callers' Envoys without a destination, and App Mesh refuses to create such a service (`NotFoundException`); configuration that names one did not come from a working mesh, or was cut apart on its way here.",
        ],
        fix: &["Create the virtual node or router it names, or change the provider to one that exists."],
        sources: &[sources::VIRTUAL_SERVICES],
    },
    Check {
        code: Code::ProviderRouterWithoutRoutes,
        severity: Severity::Error,
        kind: ResourceKind::VirtualService,
        title: "The provider router has no routes",
        why: &[
            "A virtual router sends requests only where its routes say. With no route, every request to the virtual service matches nothing: Envoy answers HTTP 404 or 503, and logs `No cluster match for URL`.",
        ],
        fix: &[
            "Create a route in the router (a prefix of `/` matches every HTTP request) with the service's virtual nodes as weighted targets.",
        ],
        sources: &[sources::ROUTES, sources::CONNECTIVITY],
    },
    Check {
        code: Code::NoProvider,
        severity: Severity::Info,
        kind: ResourceKind::VirtualService,
        title: "A virtual service without a provider",
        why: &[
            "App Mesh lets a virtual service exist with no provider, to be set later; until then, requests to it fail with HTTP 503. Nodes that name it as a backend and gateway routes that target it are reported on their own.",
        ],
        fix: &["Set its provider to the virtual node that serves it, or to a virtual router with routes."],
        sources: &[sources::VIRTUAL_SERVICES, sources::CONNECTIVITY],
    },
    Check {
        code: Code::LoopbackServiceName,
        severity: Severity::Error,
        kind: ResourceKind::VirtualService,
        title: "The virtual service name is a loopback name or address",
        why: &[
            "An app resolves a virtual service's name before its request reaches Envoy, so the name must resolve to a non-loopback IP address (any one: Envoy routes by the name, not the address). A loopback name or address (`localhost`, `127.0.0.1`, `::1`) is never sent through Envoy's outbound listener: the request stays inside the app's own host.",
        ],
        fix: &[
            "Name the service by its service discovery name, e.g. `orders.apps.svc.cluster.local`, and make sure it resolves (a DNS record to any non-loopback address is enough).",
        ],
        sources: &[sources::VIRTUAL_SERVICES, sources::CONNECTIVITY],
    },
    Check {
        code: Code::InvalidServiceName,
        severity: Severity::Warning,
        kind: ResourceKind::VirtualService,
        title: "The virtual service name is not a DNS host name",
        why: &[
            "Apps call a virtual service by its name, and resolve it first; Envoy then matches the request to the service by the same name, as written. A name that is not a DNS host name (other characters than letters, digits, hyphens and dots, empty labels, a final dot) does not resolve, or does not match what the app sends.",
            "The console's forms judge a virtual service name by these same rules.",
        ],
        fix: &["Rename the service to the DNS name its callers use, e.g. `orders.apps.local`."],
        sources: &[sources::HOSTNAMES, sources::VIRTUAL_SERVICES, sources::CONNECTIVITY],
    },
    Check {
        code: Code::ProviderNodeWithoutListeners,
        severity: Severity::Error,
        kind: ResourceKind::VirtualService,
        title: "The provider node has no listeners",
        why: &[
            "A virtual node without listeners expects no inbound traffic, so callers' Envoys have no port to send the virtual service's requests to.",
        ],
        fix: &[
            "Add a listener (the port and protocol the node's app serves on) to the provider node, or provide the service with another node.",
        ],
        sources: &[sources::VIRTUAL_NODES],
    },
];

pub(super) fn run(mesh: &Mesh, findings: &mut Vec<Finding>) {
    for service in &mesh.config.virtual_services {
        let name = service.name.as_str();
        let me = ResourceRef::new(ResourceKind::VirtualService, name);
        match check_service_name(name).error {
            Some(ServiceNameProblem::Name(DnsNameProblem::Loopback)) => {
                let message = format!("Virtual service {name} is a loopback name or address: apps never send its requests through Envoy.");
                findings.push(Finding::new(Code::LoopbackServiceName, me.clone(), message));
            }
            Some(problem) => {
                let message = format!("Virtual service name {name:?} is not a DNS host name. {problem}");
                findings.push(Finding::new(Code::InvalidServiceName, me.clone(), message));
            }
            None => {}
        }
        let Some(provider) = &service.spec.provider else {
            let message = format!("Virtual service {name} has no provider: requests to it fail with HTTP 503.");
            findings.push(Finding::new(Code::NoProvider, me, message));
            continue;
        };
        let provider_name = provider.name().as_str();
        let provider_ref = ResourceRef::new(provider.kind().into(), provider_name);
        let exists = match provider {
            VirtualServiceProvider::VirtualNode(_) => mesh.nodes.contains_key(provider_name),
            VirtualServiceProvider::VirtualRouter(_) => mesh.routers.contains_key(provider_name),
        };
        if !exists {
            let message = format!("Virtual service {name}'s provider, {provider_ref}, is not in mesh {}.", mesh.config.mesh_name);
            findings.push(Finding::new(Code::ProviderMissing, me, message).involving([provider_ref]));
            continue;
        }
        match provider {
            VirtualServiceProvider::VirtualRouter(_) if mesh.routes_of(provider_name).next().is_none() => {
                let message = format!(
                    "Virtual service {name} is provided by virtual router {provider_name}, which has no routes: every request to it fails."
                );
                findings.push(Finding::new(Code::ProviderRouterWithoutRoutes, me, message).involving([provider_ref]));
            }
            VirtualServiceProvider::VirtualNode(_) if node_listeners(mesh.nodes[provider_name]).is_empty() => {
                let message = format!(
                    "Virtual service {name} is provided by virtual node {provider_name}, which has no listeners: there is no port to send it requests."
                );
                findings.push(Finding::new(Code::ProviderNodeWithoutListeners, me, message).involving([provider_ref]));
            }
            _ => {}
        }
    }
}
