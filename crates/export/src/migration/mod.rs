//! What the two migrations share: the namespace, a Kubernetes `Service` per virtual node
//! (named from it, ports from its listeners), the order of a router's routes, durations and
//! host names as the targets write them.

pub(crate) mod gateway_api;
pub(crate) mod istio;
mod matching;

use crate::names::{NameRule, UniqueNames, kubernetes_name};
use crate::report::{At, MigrationReport, ReportBuilder};
use crate::scope::ResourceKind;
use crate::yaml::{Node, documents, map};
use mesh_engine::mesh_config::{ChildDefinition, Definition, MeshConfig};
use mesh_engine::names::{PortNumber, ResourceName, ServiceName};
use mesh_engine::resource::ProviderKind;
use mesh_engine::spec::*;
use std::collections::HashMap;

/// The label a virtual node's pods are expected to carry, which its Service selects.
pub(crate) const APP_LABEL: &str = "app";

/// The configuration and the Kubernetes names chosen for it.
pub(crate) struct Cluster<'a> {
    pub config: &'a MeshConfig,
    pub namespace: String,
    services: HashMap<String, String>,
}

impl<'a> Cluster<'a> {
    pub fn new(config: &'a MeshConfig) -> Self {
        let mut unique = UniqueNames::default();
        let services = config
            .virtual_nodes
            .iter()
            .map(|node| {
                let name = unique.claim(kubernetes_name(node.name.as_str(), NameRule::Label1035), "-", NameRule::Label1035.max());
                (node.name.to_string(), name)
            })
            .collect();
        Self { config, namespace: kubernetes_name(config.mesh_name.as_str(), NameRule::Label), services }
    }

    /// The Service of a virtual node (one the export does not hold is named the same way).
    pub fn service_name(&self, node: &str) -> String {
        self.services.get(node).cloned().unwrap_or_else(|| kubernetes_name(node, NameRule::Label1035))
    }

    pub fn node(&self, name: &str) -> Option<&'a Definition<ResourceName, VirtualNodeSpec>> {
        self.config.virtual_nodes.iter().find(|node| node.name.as_str() == name)
    }

    pub fn router(&self, name: &str) -> Option<&'a Definition<ResourceName, VirtualRouterSpec>> {
        self.config.virtual_routers.iter().find(|router| router.name.as_str() == name)
    }

    pub fn service(&self, name: &str) -> Option<&'a Definition<ServiceName, VirtualServiceSpec>> {
        self.config.virtual_services.iter().find(|service| service.name.as_str() == name)
    }

    /// A router's routes in the order App Mesh matches them: by priority (0 first, none last),
    /// then by name.
    pub fn routes_of(&self, router: &str) -> Vec<&'a ChildDefinition<RouteSpec>> {
        let mut routes: Vec<_> = self.config.routes.iter().filter(|route| route.parent.as_str() == router).collect();
        routes.sort_by_key(|route| (route.spec.priority.map_or(u16::MAX as u32 + 1, |p| p.get() as u32), route.name.as_str()));
        routes
    }

    /// The virtual services a node or router provides.
    pub fn provided_by(&self, kind: ProviderKind, name: &str) -> Vec<&'a Definition<ServiceName, VirtualServiceSpec>> {
        let provides = |service: &&Definition<ServiceName, VirtualServiceSpec>| {
            service.spec.provider.as_ref().is_some_and(|provider| provider.kind() == kind && provider.name().as_str() == name)
        };
        self.config.virtual_services.iter().filter(provides).collect()
    }

    /// The port and protocol traffic for `node` goes to: its listener on `port`, or its first.
    pub fn node_port(&self, node: &str, port: Option<PortNumber>) -> Option<(u16, PortProtocol)> {
        let listeners = self.node(node)?.spec.listeners.as_ref()?;
        let listener = match port {
            Some(port) => listeners.iter().find(|listener| listener.port_mapping.port == port)?,
            None => listeners.first()?,
        };
        Some((listener.port_mapping.port.get(), listener.port_mapping.protocol))
    }

    /// The `Service` of a virtual node: its pods by label, a port per listener. Reports the
    /// node's name, listeners' ports and DNS host name.
    pub fn service_object(
        &self,
        node: &Definition<ResourceName, VirtualNodeSpec>,
        app_protocol: fn(PortProtocol) -> Option<&'static str>,
        report: &mut ReportBuilder,
    ) -> Node {
        let at = At::new(ResourceKind::VirtualNode, &node.name);
        let name = self.service_name(node.name.as_str());
        let object = format!("Service {name}");
        report.became(&at, "name", &object, "metadata.name");
        let listeners = node.spec.listeners.as_deref().unwrap_or_default();
        let ports: Vec<Node> = listeners
            .iter()
            .enumerate()
            .map(|(index, listener)| {
                let PortMapping { port, protocol } = &listener.port_mapping;
                report.became(&at, format!("spec.listeners[{index}].portMapping"), &object, format!("spec.ports[{index}]"));
                map! {
                    "name" => format!("{}-{}", protocol.as_str(), port),
                    "port" => port.get(),
                    "targetPort" => port.get(),
                    "protocol" => "TCP",
                    "appProtocol" => app_protocol(*protocol),
                }
            })
            .collect();
        if let Some(ServiceDiscovery::Dns(_)) = &node.spec.service_discovery {
            let note = format!("clients now call {name}.{}.svc.cluster.local", self.namespace);
            report.became_with(&at, "spec.serviceDiscovery.dns.hostname", &object, "metadata.name", note);
        }
        let spec = if ports.is_empty() {
            map! {"clusterIP" => "None", "selector" => map! {APP_LABEL => kubernetes_name(node.name.as_str(), NameRule::Label)}}
        } else {
            map! {"selector" => map! {APP_LABEL => kubernetes_name(node.name.as_str(), NameRule::Label)}, "ports" => ports}
        };
        map! {
            "apiVersion" => "v1",
            "kind" => "Service",
            "metadata" => map! {"name" => name, "namespace" => self.namespace.as_str()},
            "spec" => spec,
        }
    }
}

/// The migration's YAML: `header` and the report as comments, then the objects.
pub(crate) fn render(header: Vec<String>, report: MigrationReport, objects: &[Node]) -> (String, MigrationReport) {
    let mut comment = header;
    comment.push(String::new());
    comment.extend(report.comment_lines());
    (documents(&comment, objects), report)
}

/// Reports a node's DNS discovery members besides its host name as not carried, with the
/// target's reasons.
pub(crate) fn dns_extras_not_carried(
    report: &mut ReportBuilder,
    at: &At,
    dns: &DnsServiceDiscovery,
    response_type: &str,
    ip_preference: &str,
) {
    report.not_carried_if(dns.response_type.is_some(), at, "spec.serviceDiscovery.dns.responseType", response_type);
    report.not_carried_if(dns.ip_preference.is_some(), at, "spec.serviceDiscovery.dns.ipPreference", ip_preference);
}

/// A duration in milliseconds, when it has both its unit and its value.
pub(crate) fn millis(duration: &Duration) -> Option<i64> {
    let value = duration.value?.get();
    match duration.unit? {
        DurationUnit::Seconds => value.checked_mul(1000),
        DurationUnit::Milliseconds => Some(value),
    }
}

/// A duration as Gateway API writes it: `1h30m`, `500ms` (each part at most 5 digits).
pub(crate) fn gateway_duration(millis: i64) -> String {
    if millis == 0 {
        return "0s".to_string();
    }
    let parts = [(millis / 3_600_000, "h"), (millis / 60_000 % 60, "m"), (millis / 1000 % 60, "s"), (millis % 1000, "ms")];
    parts.iter().filter(|(value, _)| *value > 0).map(|(value, unit)| format!("{}{unit}", value.min(&99_999))).collect()
}

/// A duration as Istio writes it (protobuf's form): `30s`, `0.250s`.
pub(crate) fn istio_duration(millis: i64) -> String {
    if millis % 1000 == 0 { format!("{}s", millis / 1000) } else { format!("{}.{:03}s", millis / 1000, millis % 1000) }
}

/// A name as a host name the targets take (lower case, DNS labels), if it is one.
pub(crate) fn hostname(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let valid = lower.len() <= 253 && lower.split('.').all(label_ok) && !lower.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    valid.then_some(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_written_as_each_target_reads_them() {
        assert_eq!(gateway_duration(15_000), "15s");
        assert_eq!(gateway_duration(600_000), "10m");
        assert_eq!(gateway_duration(3_723_500), "1h2m3s500ms");
        assert_eq!(gateway_duration(0), "0s");
        assert_eq!(istio_duration(2_000), "2s");
        assert_eq!(istio_duration(250), "0.250s");
    }

    #[test]
    fn host_names_are_lower_case_dns_names() {
        assert_eq!(hostname("Orders.apps.svc.cluster.local").as_deref(), Some("orders.apps.svc.cluster.local"));
        assert_eq!(hostname("bad_name"), None);
        assert_eq!(hostname("10.0.0.1"), None);
    }
}
