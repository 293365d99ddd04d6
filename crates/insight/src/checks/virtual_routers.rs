//! Checks of virtual routers (`AM03xx`): their listeners, and whether anything uses them.

use super::{Check, Code, Finding, Severity, sources};
use crate::mesh::{Mesh, router_ports};
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::spec::VirtualServiceProvider;
use std::collections::BTreeSet;

pub(super) const CHECKS: &[Check] = &[
    Check {
        code: Code::RouterWithoutListeners,
        severity: Severity::Error,
        kind: ResourceKind::VirtualRouter,
        title: "A virtual router without listeners",
        why: &[
            "A virtual router receives a virtual service's requests on its listeners' ports and protocols; its routes apply to what arrives there. Without a listener, callers' Envoys have no port for the service (`No matching filter chain found`) and the routes never match.",
        ],
        fix: &["Add a listener with the port and protocol the service's callers use, e.g. `http` on `8080`."],
        sources: &[sources::VIRTUAL_ROUTERS, sources::CONNECTIVITY],
    },
    Check {
        code: Code::RouterProvidesNoService,
        severity: Severity::Warning,
        kind: ResourceKind::VirtualRouter,
        title: "A virtual router that provides no virtual service",
        why: &[
            "Traffic reaches a virtual router only as the provider of a virtual service. A router that provides none gets no traffic, and its routes send none: usually the service still names another provider.",
        ],
        fix: &["Make it the provider of the virtual service it was made for, or delete it and its routes."],
        sources: &[sources::VIRTUAL_ROUTERS, sources::VIRTUAL_SERVICES],
    },
];

pub(super) fn run(mesh: &Mesh, findings: &mut Vec<Finding>) {
    let providers: BTreeSet<&str> = mesh
        .config
        .virtual_services
        .iter()
        .filter_map(|service| match &service.spec.provider {
            Some(VirtualServiceProvider::VirtualRouter(router)) => Some(router.virtual_router_name.as_str()),
            _ => None,
        })
        .collect();
    for router in &mesh.config.virtual_routers {
        let name = router.name.as_str();
        let me = ResourceRef::new(ResourceKind::VirtualRouter, name);
        if router_ports(&router.spec).is_empty() {
            let message = format!("Virtual router {name} has no listeners: no request reaches its routes.");
            findings.push(Finding::new(Code::RouterWithoutListeners, me.clone(), message));
        }
        if !providers.contains(name) {
            let message = format!("Virtual router {name} provides no virtual service: nothing sends it traffic.");
            findings.push(Finding::new(Code::RouterProvidesNoService, me, message));
        }
    }
}
