//! TLS between Envoys, as App Mesh configures it: a client's policy toward a backend (its own,
//! else the client's backend defaults), and whether the listeners behind a service terminate TLS.

use super::Finding;
use crate::mesh::{ListenerPort, Mesh, describe_ports, node_listeners};
use crate::resource::{ResourceKind, ResourceRef};
use mesh_engine::spec::*;

/// The TLS client policy a client applies toward one backend: the backend's own client
/// policy replaces the defaults.
pub(super) fn policy_toward<'a>(own: Option<&'a ClientPolicy>, defaults: Option<&'a BackendDefaults>) -> Option<&'a ClientPolicyTls> {
    match own {
        Some(policy) => policy.tls.as_ref(),
        None => defaults?.client_policy.as_ref()?.tls.as_ref(),
    }
}

/// `enforce` is true unless it says false (the model: "The default is True").
fn enforced(policy: &ClientPolicyTls) -> bool {
    policy.enforce.unwrap_or(true)
}

/// No `ports` means every port.
fn covers(policy: &ClientPolicyTls, port: u16) -> bool {
    policy.ports.as_ref().is_none_or(|ports| ports.iter().any(|covered| covered.get() == port))
}

fn terminates_tls(listener: &Listener) -> bool {
    listener.tls.as_ref().is_some_and(|tls| tls.mode != ListenerTlsMode::Disabled)
}

/// The subject alternative names an enforced policy trusts that are wildcards.
pub(super) fn enforced_wildcard_sans(policy: &ClientPolicyTls) -> Vec<&str> {
    if !enforced(policy) {
        return Vec::new();
    }
    let names = policy.validation.subject_alternative_names.as_ref().map(|sans| sans.matchers.exact.as_slice()).unwrap_or_default();
    names.iter().map(|name| name.as_str()).filter(|name| name.contains('*')).collect()
}

/// For a client (`client`, named `client_words` in messages) whose `policy` applies toward
/// `service`: one finding for each node behind the service with listeners the policy sends
/// TLS to that do not terminate TLS.
pub(super) fn plain_listeners_behind(
    mesh: &Mesh,
    client: &ResourceRef,
    service: &str,
    policy: &ClientPolicyTls,
    code: super::Code,
) -> Vec<Finding> {
    if !enforced(policy) {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for node in mesh.serving_nodes(service) {
        let plain: Vec<ListenerPort> = node_listeners(mesh.nodes[node])
            .iter()
            .filter(|listener| covers(policy, listener.port_mapping.port.get()) && !terminates_tls(listener))
            .map(|listener| crate::mesh::port_of(&listener.port_mapping))
            .collect();
        if plain.is_empty() {
            continue;
        }
        let message = format!(
            "{} enforces TLS toward {service}, but virtual node {node}, which serves it, listens on {} without TLS: those connections fail.",
            client.capitalized(),
            describe_ports(&plain)
        );
        let involved = [ResourceRef::new(ResourceKind::VirtualService, service), ResourceRef::new(ResourceKind::VirtualNode, node)];
        findings.push(Finding::new(code, client.clone(), message).involving(involved));
    }
    findings
}
