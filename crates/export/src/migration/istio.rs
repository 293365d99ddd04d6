//! The migration to Istio (networking.istio.io/v1, Istio 1.30): per virtual node a Service (or,
//! for one found outside the cluster by DNS or Cloud Map, a ServiceEntry) and a DestinationRule
//! (connection pools, outlier detection, idle timeouts); per virtual service a ServiceEntry that
//! makes its name a host of the mesh, and a VirtualService with its routes in App Mesh's order
//! (matches, weights, retries, timeouts); per virtual gateway a Gateway and a VirtualService of
//! its gateway routes; client TLS policies as DestinationRules scoped to the client's pods.

use super::matching::{HttpMatch, WIDER, metadata};
use super::{APP_LABEL, Cluster, hostname, istio_duration, millis};
use crate::ExportContext;
use crate::names::{NameRule, UniqueNames, kubernetes_name};
use crate::report::{At, MigrationReport, ReportBuilder};
use crate::scope::{ResourceKind, Scope};
use crate::yaml::{Node, map, push};
use mesh_engine::mesh_config::{ChildDefinition, Definition, MeshConfig};
use mesh_engine::names::{PortNumber, ResourceName, ServiceName};
use mesh_engine::spec::*;

const ISTIO_API: &str = "networking.istio.io/v1";
/// The label of Istio's default ingress gateway pods.
const INGRESS_SELECTOR: (&str, &str) = ("istio", "ingressgateway");

const NO_HEALTH_CHECK: &str =
    "Istio does not health-check endpoints: Kubernetes probes on the pods (readinessProbe) take them out of the Service";
const SERVER_TLS: &str = "Istio's automatic mutual TLS replaces a listener's TLS: a PeerAuthentication (mode STRICT, PERMISSIVE or DISABLE, per port) says whether plain text is accepted; certificates are Istio's own";
const LOGGING: &str = "Istio's access logs are set mesh-wide (meshConfig.accessLogFile, accessLogEncoding, accessLogFormat) or by the Telemetry API, not per workload here";
const NOT_A_TAG: &str = "Kubernetes labels are not AWS tags; no Istio object takes tags";

pub(crate) fn migrate(config: &MeshConfig, scope: &Scope, context: &ExportContext) -> (String, MigrationReport) {
    let mut migration = Migration {
        cluster: Cluster::new(config),
        report: ReportBuilder::new("istio"),
        objects: Vec::new(),
        names: UniqueNames::default(),
        gateway_names: Vec::new(),
    };
    if scope.include_mesh {
        migration.mesh();
    }
    migration.nodes();
    migration.services();
    migration.routes_without_service();
    migration.gateways();
    let Migration { report, objects, .. } = migration;
    let report = report.finish(config, scope.include_mesh);
    let header = vec![
        format!("Istio (networking.istio.io/v1): the migration of the App Mesh mesh {}.", config.mesh_name),
        format!("Exported by Mesh Console on {}. Needs Istio 1.22 or later; label the namespace istio-injection=enabled.", context.date),
        "Pods of a virtual node must carry the label app: <its Service's name>.".to_string(),
    ];
    super::render(header, report, &objects)
}

struct Migration<'a> {
    cluster: Cluster<'a>,
    report: ReportBuilder,
    objects: Vec<Node>,
    /// The names of the Istio objects of each kind share one space: a kind's names are apart.
    names: UniqueNames,
    /// The Gateway each virtual gateway became.
    gateway_names: Vec<(String, String)>,
}

/// Where a virtual node's traffic goes: its host and, for a ServiceEntry, that it is one.
struct NodeHost {
    host: String,
    external: bool,
}

impl<'a> Migration<'a> {
    fn claim(&mut self, kind: &str, raw: &str) -> String {
        let name = kubernetes_name(raw, NameRule::Subdomain);
        let claimed = self.names.claim(format!("{kind}/{name}"), "-", 253 + kind.len() + 1);
        claimed[kind.len() + 1..].to_string()
    }

    fn mesh(&mut self) {
        let config = self.cluster.config;
        let at = At::new(ResourceKind::Mesh, &config.mesh_name);
        self.report.became_with(
            &at,
            "name",
            format!("Namespace {}", self.cluster.namespace),
            "metadata.name",
            "every object is written in this namespace; Istio's mesh is the cluster's",
        );
        if let Some(filter) = &config.spec.egress_filter {
            let value = match filter.kind {
                EgressFilterType::AllowAll => "ALLOW_ANY",
                EgressFilterType::DropAll => "REGISTRY_ONLY",
            };
            self.report.became_with(
                &at,
                "spec.egressFilter.type",
                "the mesh configuration (IstioOperator or Helm values)",
                "meshConfig.outboundTrafficPolicy.mode",
                format!("{value}: an install-time setting, not an object written here"),
            );
        }
        self.report.not_carried_if(
            config.spec.service_discovery.is_some(),
            &at,
            "spec.serviceDiscovery.ipPreference",
            "Istio follows the cluster's IP families (dual-stack settings at install), not a mesh preference",
        );
        if !config.tags.is_empty() {
            self.report.not_carried(&at, "tags", NOT_A_TAG);
        }
    }

    /// The host a node's traffic goes to: its Service's name in the cluster, or (found by DNS
    /// outside the cluster, or in Cloud Map) its own DNS name, made known by a ServiceEntry.
    fn node_host(&self, node: &str) -> NodeHost {
        let cluster_host = || format!("{}.{}.svc.cluster.local", self.cluster.service_name(node), self.cluster.namespace);
        match self.cluster.node(node).and_then(|node| node.spec.service_discovery.as_ref()) {
            Some(ServiceDiscovery::Dns(dns)) if !dns.hostname.ends_with(".svc.cluster.local") => match hostname(&dns.hostname) {
                Some(host) => NodeHost { host, external: true },
                None => NodeHost { host: cluster_host(), external: false },
            },
            Some(ServiceDiscovery::AwsCloudMap(map)) => match hostname(&format!("{}.{}", map.service_name, map.namespace_name)) {
                Some(host) => NodeHost { host, external: true },
                None => NodeHost { host: cluster_host(), external: false },
            },
            _ => NodeHost { host: cluster_host(), external: false },
        }
    }

    // ------------------------------------------------------------ virtual nodes

    fn nodes(&mut self) {
        let config = self.cluster.config;
        for node in &config.virtual_nodes {
            let at = At::new(ResourceKind::VirtualNode, &node.name);
            let NodeHost { host, external } = self.node_host(node.name.as_str());
            if external {
                self.service_entry_for_node(node, &host, &at);
            } else {
                let service = self.cluster.service_object(node, app_protocol, &mut self.report);
                self.objects.push(service);
            }
            let rule = self.claim("DestinationRule", &self.cluster.service_name(node.name.as_str()));
            let object = format!("DestinationRule {rule}");
            let listeners = node.spec.listeners.as_deref().unwrap_or_default();
            let mut port_settings = Vec::new();
            for (index, listener) in listeners.iter().enumerate() {
                let path = format!("spec.listeners[{index}]");
                let field = format!("spec.trafficPolicy.portLevelSettings[{}]", port_settings.len());
                let mut pool_tcp = Vec::new();
                let mut pool_http = Vec::new();
                if let Some(pool) = &listener.connection_pool {
                    let pool_path = format!("{path}.connectionPool");
                    match pool {
                        VirtualNodeConnectionPool::Http(http) => {
                            push(&mut pool_tcp, "maxConnections", http.max_connections.get());
                            self.report.became(
                                &at,
                                format!("{pool_path}.http.maxConnections"),
                                &object,
                                format!("{field}.connectionPool.tcp.maxConnections"),
                            );
                            if let Some(pending) = http.max_pending_requests {
                                push(&mut pool_http, "http1MaxPendingRequests", pending.get());
                                self.report.became(
                                    &at,
                                    format!("{pool_path}.http.maxPendingRequests"),
                                    &object,
                                    format!("{field}.connectionPool.http.http1MaxPendingRequests"),
                                );
                            }
                        }
                        VirtualNodeConnectionPool::Http2(pool) | VirtualNodeConnectionPool::Grpc(pool) => {
                            push(&mut pool_http, "http2MaxRequests", pool.max_requests.get());
                            let member =
                                if matches!(listener.connection_pool, Some(VirtualNodeConnectionPool::Grpc(_))) { "grpc" } else { "http2" };
                            self.report.became(
                                &at,
                                format!("{pool_path}.{member}.maxRequests"),
                                &object,
                                format!("{field}.connectionPool.http.http2MaxRequests"),
                            );
                        }
                        VirtualNodeConnectionPool::Tcp(tcp) => {
                            push(&mut pool_tcp, "maxConnections", tcp.max_connections.get());
                            self.report.became(
                                &at,
                                format!("{pool_path}.tcp.maxConnections"),
                                &object,
                                format!("{field}.connectionPool.tcp.maxConnections"),
                            );
                        }
                    }
                }
                if let Some(timeout) = &listener.timeout {
                    let (member, idle, per_request) = match timeout {
                        ListenerTimeout::Http(t) => ("http", t.idle.as_ref(), t.per_request.as_ref()),
                        ListenerTimeout::Http2(t) => ("http2", t.idle.as_ref(), t.per_request.as_ref()),
                        ListenerTimeout::Grpc(t) => ("grpc", t.idle.as_ref(), t.per_request.as_ref()),
                        ListenerTimeout::Tcp(t) => ("tcp", t.idle.as_ref(), None),
                    };
                    if let Some(idle) = idle.and_then(millis) {
                        let (pool, key) = if member == "tcp" { (&mut pool_tcp, "tcp") } else { (&mut pool_http, "http") };
                        push(pool, "idleTimeout", istio_duration(idle));
                        self.report.became(
                            &at,
                            format!("{path}.timeout.{member}.idle"),
                            &object,
                            format!("{field}.connectionPool.{key}.idleTimeout"),
                        );
                    }
                    self.report.not_carried_if(
                        per_request.is_some(),
                        &at,
                        format!("{path}.timeout.{member}.perRequest"),
                        "Istio sets request timeouts on routes (VirtualService http[].timeout), not on a destination",
                    );
                }
                let mut settings = vec![("port".to_string(), map! {"number" => listener.port_mapping.port.get()})];
                let mut pool = Vec::new();
                push(&mut pool, "tcp", (!pool_tcp.is_empty()).then_some(Node::Map(pool_tcp)));
                push(&mut pool, "http", (!pool_http.is_empty()).then_some(Node::Map(pool_http)));
                push(&mut settings, "connectionPool", (!pool.is_empty()).then_some(Node::Map(pool)));
                if let Some(outlier) = &listener.outlier_detection {
                    settings.push((
                        "outlierDetection".to_string(),
                        self.outlier_detection(&at, &format!("{path}.outlierDetection"), outlier, &object, &field),
                    ));
                }
                self.report.not_carried_if(listener.health_check.is_some(), &at, format!("{path}.healthCheck"), NO_HEALTH_CHECK);
                self.report.not_carried_if(listener.tls.is_some(), &at, format!("{path}.tls"), SERVER_TLS);
                if settings.len() > 1 {
                    port_settings.push(Node::Map(settings));
                }
            }
            if !port_settings.is_empty() {
                self.objects.push(destination_rule(
                    &rule,
                    &self.cluster.namespace,
                    &host,
                    None,
                    map! {"portLevelSettings" => port_settings},
                ));
            }
            if let Some(defaults) = node.spec.backend_defaults.as_ref().and_then(|defaults| defaults.client_policy.as_ref()) {
                let selector = (APP_LABEL, kubernetes_name(node.name.as_str(), NameRule::Label));
                let host = format!("*.{}.svc.cluster.local", self.cluster.namespace);
                self.client_policy(&at, "spec.backendDefaults.clientPolicy", defaults, &format!("{}-defaults", node.name), &host, selector);
            }
            for (index, backend) in node.spec.backends.iter().flatten().enumerate() {
                let Backend::VirtualService(backend) = backend;
                let path = format!("spec.backends[{index}].virtualService");
                self.report.became_with(
                    &at,
                    format!("{path}.virtualServiceName"),
                    format!("VirtualService of {}", backend.virtual_service_name),
                    "spec.hosts",
                    "Istio lets every workload call every host of the mesh; a Sidecar's egress hosts would narrow it (not written)",
                );
                if let Some(policy) = &backend.client_policy {
                    let selector = (APP_LABEL, kubernetes_name(node.name.as_str(), NameRule::Label));
                    let host = hostname(backend.virtual_service_name.as_str()).unwrap_or_else(|| backend.virtual_service_name.to_string());
                    self.client_policy(
                        &at,
                        &format!("{path}.clientPolicy"),
                        policy,
                        &format!("{}-{}", node.name, backend.virtual_service_name),
                        &host,
                        selector,
                    );
                }
            }
            self.report.not_carried_if(node.spec.logging.is_some(), &at, "spec.logging", LOGGING);
            match &node.spec.service_discovery {
                Some(ServiceDiscovery::Dns(dns)) => {
                    super::dns_extras_not_carried(
                        &mut self.report,
                        &at,
                        dns,
                        "Istio load-balances over the endpoints itself (ServiceEntry resolution DNS, or the Service's endpoints)",
                        "Istio follows the cluster's IP families, not a per-workload preference",
                    );
                }
                Some(ServiceDiscovery::AwsCloudMap(map)) => {
                    self.report.not_carried_if(
                        map.attributes.is_some(),
                        &at,
                        "spec.serviceDiscovery.awsCloudMap.attributes",
                        "a ServiceEntry resolves a DNS name: it cannot choose Cloud Map instances by attribute",
                    );
                    self.report.not_carried_if(
                        map.ip_preference.is_some(),
                        &at,
                        "spec.serviceDiscovery.awsCloudMap.ipPreference",
                        "Istio follows the cluster's IP families, not a per-workload preference",
                    );
                }
                None => {}
            }
            if !node.tags.is_empty() {
                self.report.not_carried(&at, "tags", NOT_A_TAG);
            }
        }
    }

    fn service_entry_for_node(&mut self, node: &Definition<ResourceName, VirtualNodeSpec>, host: &str, at: &At) {
        let name = self.claim("ServiceEntry", self.cluster.service_name(node.name.as_str()).as_str());
        let object = format!("ServiceEntry {name}");
        self.report.became(at, "name", &object, "metadata.name");
        let (setting, note) = match &node.spec.service_discovery {
            Some(ServiceDiscovery::AwsCloudMap(_)) => (
                "spec.serviceDiscovery.awsCloudMap",
                "Cloud Map's DNS name service.namespace, resolved by DNS: a Cloud Map namespace without DNS (HTTP only) does not resolve",
            ),
            _ => ("spec.serviceDiscovery.dns.hostname", "outside the cluster: resolved by DNS"),
        };
        let field = "spec.hosts[0]";
        if setting.ends_with("awsCloudMap") {
            self.report.became_with(at, format!("{setting}.namespaceName"), &object, field, note);
            self.report.became_with(at, format!("{setting}.serviceName"), &object, field, note);
        } else {
            self.report.became_with(at, setting, &object, field, note);
        }
        let ports: Vec<Node> = node
            .spec
            .listeners
            .iter()
            .flatten()
            .enumerate()
            .map(|(index, listener)| {
                self.report.became(at, format!("spec.listeners[{index}].portMapping"), &object, format!("spec.ports[{index}]"));
                entry_port(listener.port_mapping.port.get(), listener.port_mapping.protocol)
            })
            .collect();
        self.objects.push(map! {
            "apiVersion" => ISTIO_API,
            "kind" => "ServiceEntry",
            "metadata" => map! {"name" => name, "namespace" => self.cluster.namespace.as_str()},
            "spec" => map! {
                "hosts" => vec![Node::from(host)],
                "location" => "MESH_EXTERNAL",
                "resolution" => "DNS",
                "ports" => Node::list_or_absent(ports),
            },
        });
    }

    fn outlier_detection(&mut self, at: &At, path: &str, outlier: &OutlierDetection, object: &str, field: &str) -> Node {
        let field = format!("{field}.outlierDetection");
        self.report.became_with(
            at,
            format!("{path}.maxServerErrors"),
            object,
            format!("{field}.consecutive5xxErrors"),
            "Envoy counts consecutive 5xx answers, as App Mesh did",
        );
        self.report.became(at, format!("{path}.maxEjectionPercent"), object, format!("{field}.maxEjectionPercent"));
        let mut duration = |member: &str, target: &str, duration: &Duration| match millis(duration) {
            Some(ms) => {
                self.report.became(at, format!("{path}.{member}"), object, format!("{field}.{target}"));
                Node::from(istio_duration(ms))
            }
            None => {
                self.report.not_carried(at, format!("{path}.{member}"), "a duration without its unit or value");
                Node::Null
            }
        };
        let interval = duration("interval", "interval", &outlier.interval);
        let base = duration("baseEjectionDuration", "baseEjectionTime", &outlier.base_ejection_duration);
        map! {
            "consecutive5xxErrors" => outlier.max_server_errors.get().min(u32::MAX as i64),
            "interval" => interval,
            "baseEjectionTime" => base,
            "maxEjectionPercent" => outlier.max_ejection_percent.get(),
        }
    }

    /// A client policy's TLS as a DestinationRule for `host`, applied to the client's pods only.
    fn client_policy(&mut self, at: &At, path: &str, policy: &ClientPolicy, name: &str, host: &str, selector: (&str, String)) {
        let Some(tls) = &policy.tls else { return };
        let name = self.claim("DestinationRule", name);
        let object = format!("DestinationRule {name}");
        let path = format!("{path}.tls");
        let field = "spec.trafficPolicy.tls";
        let mut entries = Vec::new();
        let mutual = match &tls.certificate {
            Some(ClientTlsCertificate::File(file)) => {
                push(&mut entries, "clientCertificate", file.certificate_chain.as_str());
                push(&mut entries, "privateKey", file.private_key.as_str());
                self.report.became(at, format!("{path}.certificate.file"), &object, format!("{field}.clientCertificate"));
                true
            }
            Some(ClientTlsCertificate::Sds(sds)) => {
                push(&mut entries, "credentialName", sds.secret_name.as_str());
                self.report.became_with(
                    at,
                    format!("{path}.certificate.sds"),
                    &object,
                    format!("{field}.credentialName"),
                    "a Kubernetes Secret of that name, in the namespace",
                );
                true
            }
            None => false,
        };
        entries.insert(0, ("mode".to_string(), Node::from(if mutual { "MUTUAL" } else { "SIMPLE" })));
        match &tls.validation.trust {
            TlsValidationContextTrust::File(file) => {
                push(&mut entries, "caCertificates", file.certificate_chain.as_str());
                self.report.became(at, format!("{path}.validation.trust.file"), &object, format!("{field}.caCertificates"));
            }
            TlsValidationContextTrust::Sds(sds) => {
                if !mutual {
                    push(&mut entries, "credentialName", sds.secret_name.as_str());
                    self.report.became_with(
                        at,
                        format!("{path}.validation.trust.sds"),
                        &object,
                        format!("{field}.credentialName"),
                        "the Secret's ca.crt is the trust",
                    );
                } else {
                    self.report.not_carried(
                        at,
                        format!("{path}.validation.trust.sds"),
                        "Istio reads the client certificate and the trust from one credential: put ca.crt in the certificate's Secret",
                    );
                }
            }
            TlsValidationContextTrust::Acm(_) => {
                self.report.not_carried(
                    at,
                    format!("{path}.validation.trust.acm"),
                    "Istio cannot read ACM Private CA certificates: export the CA's certificate to a file or Secret",
                );
            }
        }
        if let Some(names) = &tls.validation.subject_alternative_names {
            push(&mut entries, "subjectAltNames", names.matchers.exact.iter().map(|name| Node::from(name.as_str())).collect::<Vec<_>>());
            self.report.became(at, format!("{path}.validation.subjectAlternativeNames"), &object, format!("{field}.subjectAltNames"));
        }
        if tls.enforce.is_some() {
            self.report.became_with(
                at,
                format!("{path}.enforce"),
                &object,
                format!("{field}.mode"),
                "Istio originates TLS whenever the rule applies",
            );
        }
        self.report.not_carried_if(
            tls.ports.is_some(),
            at,
            format!("{path}.ports"),
            "written for every port of the host (portLevelSettings per port would narrow it)",
        );
        let rule = destination_rule(&name, &self.cluster.namespace, host, Some(selector), map! {"tls" => Node::Map(entries)});
        self.objects.push(rule);
    }

    // ------------------------------------------------------------ virtual services and routes

    fn services(&mut self) {
        let config = self.cluster.config;
        for service in &config.virtual_services {
            let at = At::new(ResourceKind::VirtualService, &service.name);
            if !service.tags.is_empty() {
                self.report.not_carried(&at, "tags", NOT_A_TAG);
            }
            let Some(provider) = &service.spec.provider else {
                self.report.not_carried(&at, "name", "it has no provider, so App Mesh answered nothing for it: no route is written");
                continue;
            };
            let Some(host) = hostname(service.name.as_str()) else {
                let reason = "not a DNS name Istio takes as a host: no VirtualService is written for it";
                self.report.not_carried(&at, "name", reason);
                self.report.not_carried(&at, "spec.provider", reason);
                continue;
            };
            let name = self.claim("VirtualService", &host);
            let object = format!("VirtualService {name}");
            if host == service.name.as_str() {
                self.report.became(&at, "name", &object, "spec.hosts[0]");
            } else {
                self.report.became_with(&at, "name", &object, "spec.hosts[0]", "in lower case, as host names are written");
            }
            let (http, tcp, ports) = match provider {
                VirtualServiceProvider::VirtualNode(provider) => {
                    let node = provider.virtual_node_name.as_str();
                    let (port, protocol) = self.cluster.node_port(node, None).unwrap_or((80, PortProtocol::Http));
                    let destination = self.destination(node, Some(port), None);
                    self.report.became(
                        &at,
                        "spec.provider.virtualNode.virtualNodeName",
                        &object,
                        if protocol == PortProtocol::Tcp { "spec.tcp[0].route[0]" } else { "spec.http[0].route[0]" },
                    );
                    let route = vec![destination];
                    let ports = self
                        .cluster
                        .node(node)
                        .and_then(|n| n.spec.listeners.as_ref())
                        .map(|l| l.iter().map(|l| (l.port_mapping.port.get(), l.port_mapping.protocol)).collect())
                        .unwrap_or_else(|| vec![(port, protocol)]);
                    if protocol == PortProtocol::Tcp {
                        (Vec::new(), vec![map! {"route" => route}], ports)
                    } else {
                        (vec![map! {"name" => "default", "route" => route}], Vec::new(), ports)
                    }
                }
                VirtualServiceProvider::VirtualRouter(provider) => {
                    let router = provider.virtual_router_name.as_str();
                    self.report.became(&at, "spec.provider.virtualRouter.virtualRouterName", &object, "spec.http and spec.tcp");
                    let (http, tcp) = self.router_routes(router, &object);
                    let ports = self
                        .cluster
                        .router(router)
                        .and_then(|r| r.spec.listeners.as_ref())
                        .map(|l| l.iter().map(|l| (l.port_mapping.port.get(), l.port_mapping.protocol)).collect())
                        .unwrap_or_default();
                    (http, tcp, ports)
                }
            };
            self.host_entry(&service.name, &host, &ports);
            self.objects.push(map! {
                "apiVersion" => ISTIO_API,
                "kind" => "VirtualService",
                "metadata" => map! {"name" => name, "namespace" => self.cluster.namespace.as_str()},
                "spec" => map! {"hosts" => vec![Node::from(host.as_str())], "http" => Node::list_or_absent(http), "tcp" => Node::list_or_absent(tcp)},
            });
        }
        for router in &config.virtual_routers {
            let at = At::new(ResourceKind::VirtualRouter, &router.name);
            let services = self.cluster.provided_by(mesh_engine::resource::ProviderKind::VirtualRouter, router.name.as_str());
            let hosts: Vec<String> = services.iter().filter_map(|service| hostname(service.name.as_str())).collect();
            if hosts.is_empty() {
                self.report.not_carried(
                    &at,
                    "name",
                    "no virtual service here with a DNS name names it: its routes are written for a host named after it",
                );
                self.report.not_carried_if(router.spec.listeners.is_some(), &at, "spec.listeners", "no virtual service host to listen for");
            } else {
                self.report.became_with(
                    &at,
                    "name",
                    "the VirtualServices of its virtual services",
                    "spec.http and spec.tcp",
                    hosts.join(", "),
                );
                for (index, _) in router.spec.listeners.iter().flatten().enumerate() {
                    self.report.became(
                        &at,
                        format!("spec.listeners[{index}].portMapping"),
                        "the ServiceEntries of its virtual services",
                        format!("spec.ports[{index}]"),
                    );
                }
            }
            if !router.tags.is_empty() {
                self.report.not_carried(&at, "tags", NOT_A_TAG);
            }
        }
    }

    /// A ServiceEntry that makes a virtual service's name a host of the mesh, with its ports.
    fn host_entry(&mut self, service: &ServiceName, host: &str, ports: &[(u16, PortProtocol)]) {
        let name = self.claim("ServiceEntry", host);
        let ports: Vec<Node> = ports.iter().map(|(port, protocol)| entry_port(*port, *protocol)).collect();
        let at = At::new(ResourceKind::VirtualService, service);
        self.report.became_with(
            &at,
            "name",
            format!("ServiceEntry {name}"),
            "spec.hosts[0]",
            "makes the name a host of the mesh; clients must still resolve it (Istio's DNS proxy with address auto-allocation does)",
        );
        self.objects.push(map! {
            "apiVersion" => ISTIO_API,
            "kind" => "ServiceEntry",
            "metadata" => map! {"name" => name, "namespace" => self.cluster.namespace.as_str()},
            "spec" => map! {
                "hosts" => vec![Node::from(host)],
                "location" => "MESH_INTERNAL",
                "resolution" => "NONE",
                "ports" => Node::list_or_absent(ports),
            },
        });
    }

    /// Routes whose router no virtual service with a DNS name provides (or that are exported
    /// alone) are written for a host named after the router, so that they are not lost.
    fn routes_without_service(&mut self) {
        let config = self.cluster.config;
        let mut parents: Vec<&str> = Vec::new();
        for route in &config.routes {
            let services = self.cluster.provided_by(mesh_engine::resource::ProviderKind::VirtualRouter, route.parent.as_str());
            let served = services.iter().any(|service| hostname(service.name.as_str()).is_some());
            if !served && !parents.contains(&route.parent.as_str()) {
                parents.push(route.parent.as_str());
            }
        }
        for router in parents {
            let name = self.claim("VirtualService", router);
            let object = format!("VirtualService {name}");
            let (http, tcp) = self.router_routes(router, &object);
            let hosts =
                vec![Node::from(format!("{}.{}.svc.cluster.local", kubernetes_name(router, NameRule::Label), self.cluster.namespace))];
            for route in config.routes.iter().filter(|route| route.parent.as_str() == router) {
                let at = At::child(ResourceKind::Route, &route.parent, &route.name);
                self.report.became_with(
                    &at,
                    "name",
                    &object,
                    "spec.hosts[0]",
                    "no virtual service here names the router: the host is named after it",
                );
            }
            self.objects.push(map! {
                "apiVersion" => ISTIO_API,
                "kind" => "VirtualService",
                "metadata" => map! {"name" => name, "namespace" => self.cluster.namespace.as_str()},
                "spec" => map! {"hosts" => hosts, "http" => Node::list_or_absent(http), "tcp" => Node::list_or_absent(tcp)},
            });
        }
    }

    /// A router's routes in App Mesh's order, as a VirtualService's `http` and `tcp` entries.
    fn router_routes(&mut self, router: &str, object: &str) -> (Vec<Node>, Vec<Node>) {
        let mut http = Vec::new();
        let mut tcp = Vec::new();
        for route in self.cluster.routes_of(router) {
            let at = At::child(ResourceKind::Route, &route.parent, &route.name);
            if !route.tags.is_empty() {
                self.report.not_carried(&at, "tags", NOT_A_TAG);
            }
            match &route.spec.route {
                TypedRoute::Tcp(tcp_route) => {
                    let field = format!("spec.tcp[{}]", tcp.len());
                    self.report.became(&at, "name", object, &field);
                    if route.spec.priority.is_some() {
                        self.report.became_with(
                            &at,
                            "spec.priority",
                            object,
                            format!("{field} (its place in the list)"),
                            "Istio applies the first entry that matches, so the entries are in App Mesh's order",
                        );
                    }
                    let mut matches = Vec::new();
                    if let Some(port) = tcp_route.matcher.as_ref().and_then(|m| m.port) {
                        matches.push(map! {"port" => port.get()});
                        self.report.became(&at, "spec.tcpRoute.match.port", object, format!("{field}.match[0].port"));
                    }
                    self.report.not_carried_if(
                        tcp_route.timeout.is_some(),
                        &at,
                        "spec.tcpRoute.timeout.idle",
                        "Istio sets a TCP idle timeout per destination (DestinationRule connectionPool.tcp.idleTimeout), not per route",
                    );
                    let destinations = self.weighted(&at, "spec.tcpRoute", tcp_route.action.weighted_targets.as_slice(), object, &field);
                    tcp.push(map! {"match" => Node::list_or_absent(matches), "route" => destinations});
                }
                typed => {
                    let field = format!("spec.http[{}]", http.len());
                    let entry = self.http_entry(route, typed, object, &field);
                    http.push(entry);
                }
            }
        }
        (http, tcp)
    }

    fn http_entry(&mut self, route: &ChildDefinition<RouteSpec>, typed: &TypedRoute, object: &str, field: &str) -> Node {
        let at = At::child(ResourceKind::Route, &route.parent, &route.name);
        self.report.became(&at, "name", object, format!("{field}.name"));
        if route.spec.priority.is_some() {
            self.report.became_with(
                &at,
                "spec.priority",
                object,
                format!("{field} (its place in the list)"),
                "Istio applies the first entry that matches, so the entries are in App Mesh's order",
            );
        }
        let base = format!("spec.{}", route.spec.route_type().spec_member());
        let match_field = format!("{field}.match[0]");
        let (matcher, targets, retries, timeout) = match typed {
            TypedRoute::Http(http) | TypedRoute::Http2(http) => {
                let mut matcher = self.http_match(&at, &base, HttpMatch::from(&http.matcher), object, &match_field);
                if let Some(scheme) = http.matcher.scheme {
                    push(matcher.entries_mut().expect("a map"), "scheme", map! {"exact" => scheme.as_str()});
                    self.report.became(&at, format!("{base}.match.scheme"), object, format!("{match_field}.scheme"));
                }
                if let Some(port) = http.matcher.port {
                    push(matcher.entries_mut().expect("a map"), "port", port.get());
                    self.report.became(&at, format!("{base}.match.port"), object, format!("{match_field}.port"));
                }
                let retries = http.retry_policy.as_ref().map(|policy| {
                    let events: Vec<(String, &str)> = http_events(&policy.http_retry_events, &policy.tcp_retry_events);
                    let retry = Retry { attempts: policy.max_retries.get(), per_try: &policy.per_retry_timeout, events };
                    self.retries(&at, &format!("{base}.retryPolicy"), retry, object, field)
                });
                (matcher, http.action.weighted_targets.as_slice(), retries, http.timeout.as_ref())
            }
            TypedRoute::Grpc(grpc) => {
                let matcher = self.grpc_match(&at, &base, &grpc.matcher, object, &match_field);
                let retries = grpc.retry_policy.as_ref().map(|policy| {
                    let mut events = http_events(&policy.http_retry_events, &policy.tcp_retry_events);
                    for (index, event) in policy.grpc_retry_events.iter().flat_map(|events| events.as_slice()).enumerate() {
                        events.push((format!("grpcRetryEvents[{index}]"), event.as_str()));
                    }
                    let retry = Retry { attempts: policy.max_retries.get(), per_try: &policy.per_retry_timeout, events };
                    self.retries(&at, &format!("{base}.retryPolicy"), retry, object, field)
                });
                (matcher, grpc.action.weighted_targets.as_slice(), retries, grpc.timeout.as_ref())
            }
            TypedRoute::Tcp(_) => unreachable!("TCP routes are tcp entries"),
        };
        let mut timeout_node = Node::Null;
        if let Some(timeout) = timeout {
            if let Some(per_request) = timeout.per_request.as_ref().and_then(millis) {
                timeout_node = Node::from(istio_duration(per_request));
                self.report.became(&at, format!("{base}.timeout.perRequest"), object, format!("{field}.timeout"));
            }
            self.report.not_carried_if(
                timeout.idle.is_some(),
                &at,
                format!("{base}.timeout.idle"),
                "Istio sets an idle timeout per destination (DestinationRule connectionPool.http.idleTimeout), not per route",
            );
        }
        let destinations = self.weighted(&at, &base, targets, object, field);
        let matches = match &matcher {
            Node::Map(entries) if entries.is_empty() => Node::Null,
            _ => Node::List(vec![matcher]),
        };
        map! {
            "name" => route.name.as_str(),
            "match" => matches,
            "route" => destinations,
            "retries" => retries,
            "timeout" => timeout_node,
        }
    }

    fn retries(&mut self, at: &At, base: &str, retry: Retry, object: &str, field: &str) -> Node {
        let Retry { attempts, per_try, events } = retry;
        self.report.became(at, format!("{base}.maxRetries"), object, format!("{field}.retries.attempts"));
        let per_try = match millis(per_try) {
            Some(ms) => {
                self.report.became(at, format!("{base}.perRetryTimeout"), object, format!("{field}.retries.perTryTimeout"));
                Node::from(istio_duration(ms))
            }
            None => {
                self.report.not_carried(at, format!("{base}.perRetryTimeout"), "a duration without its unit or value");
                Node::Null
            }
        };
        let mut retry_on = Vec::new();
        for (member, event) in events {
            let envoy = match event {
                "server-error" => Some("5xx"),
                "gateway-error" => Some("gateway-error"),
                "client-error" => Some("retriable-4xx"),
                "stream-error" => Some("refused-stream"),
                "connection-error" => Some("connect-failure"),
                "cancelled" | "deadline-exceeded" | "internal" | "resource-exhausted" | "unavailable" => Some(event),
                _ => None,
            };
            match envoy {
                Some(envoy) => {
                    if !retry_on.contains(&envoy) {
                        retry_on.push(envoy);
                    }
                    self.report.became_with(at, format!("{base}.{member}"), object, format!("{field}.retries.retryOn"), envoy);
                }
                None => self.report.not_carried(at, format!("{base}.{member}"), format!("Istio has no retry condition named {event:?}")),
            }
        }
        map! {
            "attempts" => attempts.min(i32::MAX as i64),
            "perTryTimeout" => per_try,
            "retryOn" => (!retry_on.is_empty()).then(|| retry_on.join(",")),
        }
    }

    fn http_match(&mut self, at: &At, base: &str, matcher: HttpMatch, object: &str, field: &str) -> Node {
        let mut entries = Vec::new();
        if let Some(prefix) = matcher.prefix {
            push(&mut entries, "uri", map! {"prefix" => prefix});
            self.report.became(at, format!("{base}.match.prefix"), object, format!("{field}.uri.prefix"));
        }
        if let Some(path) = matcher.path {
            if let Some(exact) = &path.exact {
                push(&mut entries, "uri", map! {"exact" => exact.as_str()});
                self.report.became(at, format!("{base}.match.path.exact"), object, format!("{field}.uri.exact"));
            }
            if let Some(regex) = &path.regex {
                if path.exact.is_none() {
                    push(&mut entries, "uri", map! {"regex" => regex.as_str()});
                    self.report.became_with(
                        at,
                        format!("{base}.match.path.regex"),
                        object,
                        format!("{field}.uri.regex"),
                        "RE2 syntax, as Envoy's",
                    );
                } else {
                    self.report.not_carried(
                        at,
                        format!("{base}.match.path.regex"),
                        format!("a match takes one uri: the exact path is kept: {WIDER}"),
                    );
                }
            }
        }
        if let Some(method) = matcher.method {
            push(&mut entries, "method", map! {"exact" => method.as_str()});
            self.report.became(at, format!("{base}.match.method"), object, format!("{field}.method.exact"));
        }
        self.headers(at, &format!("{base}.match.headers"), matcher.headers, object, field, &mut entries);
        let mut parameters = Vec::new();
        for (index, parameter) in matcher.query_parameters.iter().enumerate() {
            let setting = format!("{base}.match.queryParameters[{index}]");
            let (value, note) = match parameter.matcher.as_ref().and_then(|m| m.exact.as_deref()) {
                Some(exact) => (map! {"exact" => exact}, None),
                None => (map! {"regex" => ".*"}, Some("any value: the parameter must be there")),
            };
            let target = format!("{field}.queryParams[{}]", parameter.name);
            match note {
                Some(note) => self.report.became_with(at, setting, object, target, note),
                None => self.report.became(at, setting, object, target),
            }
            parameters.push((parameter.name.clone(), value));
        }
        push(&mut entries, "queryParams", (!parameters.is_empty()).then_some(Node::Map(parameters)));
        Node::Map(entries)
    }

    fn grpc_match(&mut self, at: &At, base: &str, matcher: &GrpcRouteMatch, object: &str, field: &str) -> Node {
        let mut entries = Vec::new();
        let uri = match (&matcher.service_name, &matcher.method_name) {
            (Some(service), Some(method)) => Some(map! {"exact" => format!("/{service}/{method}")}),
            (Some(service), None) => Some(map! {"prefix" => format!("/{service}/")}),
            (None, Some(method)) => Some(map! {"regex" => format!("/[^/]+/{}", regex_escape(method.as_str()))}),
            (None, None) => None,
        };
        if matcher.service_name.is_some() {
            self.report.became_with(
                at,
                format!("{base}.match.serviceName"),
                object,
                format!("{field}.uri"),
                "gRPC's path is /service/method",
            );
        }
        if matcher.method_name.is_some() {
            self.report.became_with(
                at,
                format!("{base}.match.methodName"),
                object,
                format!("{field}.uri"),
                "gRPC's path is /service/method",
            );
        }
        push(&mut entries, "uri", uri);
        self.headers(at, &format!("{base}.match.metadata"), metadata(&matcher.metadata), object, field, &mut entries);
        if let Some(port) = matcher.port {
            push(&mut entries, "port", port.get());
            self.report.became(at, format!("{base}.match.port"), object, format!("{field}.port"));
        }
        Node::Map(entries)
    }

    /// Header (or gRPC metadata) matches: `headers`, and inverted ones as `withoutHeaders`.
    fn headers(&mut self, at: &At, base: &str, headers: &[HttpRouteHeader], object: &str, field: &str, entries: &mut Vec<(String, Node)>) {
        let mut with = Vec::new();
        let mut without = Vec::new();
        for (index, header) in headers.iter().enumerate() {
            let setting = format!("{base}[{index}]");
            let name = header.name.as_str().to_ascii_lowercase();
            let value = match &header.matcher {
                None => map! {},
                Some(HeaderMatchMethod::Exact(value)) => map! {"exact" => value.as_str()},
                Some(HeaderMatchMethod::Prefix(value)) => map! {"prefix" => value.as_str()},
                Some(HeaderMatchMethod::Regex(value)) => map! {"regex" => value.as_str()},
                Some(HeaderMatchMethod::Suffix(value)) => map! {"regex" => format!(".*{}", regex_escape(value.as_str()))},
                Some(HeaderMatchMethod::Range(_)) => {
                    self.report.not_carried(at, setting, format!("Istio matches no number range: {WIDER}"));
                    continue;
                }
            };
            let inverted = header.invert == Some(true);
            let member = if inverted { "withoutHeaders" } else { "headers" };
            let note = match (&header.matcher, name != header.name.as_str()) {
                (Some(HeaderMatchMethod::Suffix(_)), _) => Some("a suffix as a regex"),
                (_, true) => Some("the header name in lower case, as Istio requires"),
                (None, _) => Some("an empty match: the header must be there"),
                _ => None,
            };
            let target = format!("{field}.{member}[{name}]");
            match note {
                Some(note) => self.report.became_with(at, setting, object, target, note),
                None => self.report.became(at, setting, object, target),
            }
            if inverted { without.push((name, value)) } else { with.push((name, value)) }
        }
        push(entries, "headers", (!with.is_empty()).then_some(Node::Map(with)));
        push(entries, "withoutHeaders", (!without.is_empty()).then_some(Node::Map(without)));
    }

    /// A route's weighted targets as destinations, their weights scaled to add up to 100 as
    /// Istio requires.
    fn weighted(&mut self, at: &At, base: &str, targets: &[WeightedTarget], object: &str, field: &str) -> Vec<Node> {
        let weights = percentages(&targets.iter().map(|target| target.weight.get() as u32).collect::<Vec<_>>());
        targets
            .iter()
            .zip(weights)
            .enumerate()
            .map(|(index, (target, weight))| {
                let setting = format!("{base}.action.weightedTargets[{index}]");
                let target_field = format!("{field}.route[{index}]");
                if targets.len() > 1 && weight != target.weight.get() as u32 {
                    self.report.became_with(
                        at,
                        setting,
                        object,
                        target_field,
                        format!("weight {} of all as {weight} of 100", target.weight),
                    );
                } else {
                    self.report.became(at, setting, object, target_field);
                }
                self.destination(target.virtual_node.as_str(), target.port.map(PortNumber::get), (targets.len() > 1).then_some(weight))
            })
            .collect()
    }

    fn destination(&self, node: &str, port: Option<u16>, weight: Option<u32>) -> Node {
        let NodeHost { host, .. } = self.node_host(node);
        let port = port.or_else(|| self.cluster.node_port(node, None).map(|(port, _)| port));
        map! {
            "destination" => map! {"host" => host, "port" => port.map(|port| map! {"number" => port})},
            "weight" => weight,
        }
    }

    // ------------------------------------------------------------ virtual gateways

    fn gateways(&mut self) {
        let config = self.cluster.config;
        for gateway in &config.virtual_gateways {
            let at = At::new(ResourceKind::VirtualGateway, &gateway.name);
            let name = self.claim("Gateway", gateway.name.as_str());
            self.gateway_names.push((gateway.name.to_string(), name.clone()));
            let object = format!("Gateway {name}");
            self.report.became_with(&at, "name", &object, "metadata.name", "on Istio's ingress gateway (selector istio: ingressgateway)");
            let mut servers = Vec::new();
            for (index, listener) in gateway.spec.listeners.iter().enumerate() {
                let path = format!("spec.listeners[{index}]");
                let field = format!("spec.servers[{index}]");
                let port = listener.port_mapping.port.get();
                let plain = match listener.port_mapping.protocol {
                    VirtualGatewayPortProtocol::Http => "HTTP",
                    VirtualGatewayPortProtocol::Http2 => "HTTP2",
                    VirtualGatewayPortProtocol::Grpc => "GRPC",
                };
                self.report.became(&at, format!("{path}.portMapping"), &object, format!("{field}.port"));
                let mut protocol = plain;
                let mut tls_node = Node::Null;
                if let Some(tls) = &listener.tls {
                    let mut tls_entries = Vec::new();
                    let mut carried = true;
                    match &tls.certificate {
                        ListenerTlsCertificate::File(file) => {
                            push(&mut tls_entries, "serverCertificate", file.certificate_chain.as_str());
                            push(&mut tls_entries, "privateKey", file.private_key.as_str());
                            self.report.became(
                                &at,
                                format!("{path}.tls.certificate.file"),
                                &object,
                                format!("{field}.tls.serverCertificate"),
                            );
                        }
                        ListenerTlsCertificate::Sds(sds) => {
                            push(&mut tls_entries, "credentialName", sds.secret_name.as_str());
                            self.report.became_with(
                                &at,
                                format!("{path}.tls.certificate.sds"),
                                &object,
                                format!("{field}.tls.credentialName"),
                                "a Kubernetes Secret in the ingress gateway's namespace",
                            );
                        }
                        ListenerTlsCertificate::Acm(_) => {
                            carried = false;
                            self.report.not_carried(&at, format!("{path}.tls.certificate.acm"), "Istio cannot serve an ACM certificate (ACM does not release its private key): the server is written without TLS");
                        }
                    }
                    let mut mode = "SIMPLE";
                    if let Some(validation) = &tls.validation {
                        match &validation.trust {
                            ListenerTlsValidationContextTrust::File(file) => {
                                mode = "MUTUAL";
                                push(&mut tls_entries, "caCertificates", file.certificate_chain.as_str());
                                self.report.became(
                                    &at,
                                    format!("{path}.tls.validation.trust.file"),
                                    &object,
                                    format!("{field}.tls.caCertificates"),
                                );
                            }
                            ListenerTlsValidationContextTrust::Sds(_) => {
                                mode = "MUTUAL";
                                self.report.became_with(
                                    &at,
                                    format!("{path}.tls.validation.trust.sds"),
                                    &object,
                                    format!("{field}.tls.mode"),
                                    "MUTUAL: the trust is the credential's ca.crt",
                                );
                            }
                        }
                        if let Some(names) = &validation.subject_alternative_names {
                            push(
                                &mut tls_entries,
                                "subjectAltNames",
                                names.matchers.exact.iter().map(|n| Node::from(n.as_str())).collect::<Vec<_>>(),
                            );
                            self.report.became(
                                &at,
                                format!("{path}.tls.validation.subjectAlternativeNames"),
                                &object,
                                format!("{field}.tls.subjectAltNames"),
                            );
                        }
                    }
                    match tls.mode {
                        ListenerTlsMode::Disabled => {
                            self.report.became_with(
                                &at,
                                format!("{path}.tls.mode"),
                                &object,
                                format!("{field}.port.protocol"),
                                "DISABLED: the server speaks plain text",
                            );
                        }
                        ListenerTlsMode::Strict | ListenerTlsMode::Permissive if carried => {
                            protocol = "HTTPS";
                            tls_entries.insert(0, ("mode".to_string(), Node::from(mode)));
                            tls_node = Node::Map(tls_entries);
                            let note = if tls.mode == ListenerTlsMode::Permissive {
                                "PERMISSIVE (plain text too) has no equivalent: TLS only"
                            } else {
                                "TLS only"
                            };
                            self.report.became_with(&at, format!("{path}.tls.mode"), &object, format!("{field}.tls.mode"), note);
                        }
                        _ => self.report.not_carried(&at, format!("{path}.tls.mode"), "the server has no certificate Istio can use"),
                    }
                }
                self.report.not_carried_if(listener.health_check.is_some(), &at, format!("{path}.healthCheck"), NO_HEALTH_CHECK);
                self.report.not_carried_if(
                    listener.connection_pool.is_some(),
                    &at,
                    format!("{path}.connectionPool"),
                    "Istio's ingress gateway limits connections per destination (DestinationRule), not per server",
                );
                servers.push(map! {
                    "port" => map! {"number" => port, "name" => format!("{}-{port}", protocol.to_ascii_lowercase()), "protocol" => protocol},
                    "hosts" => vec![Node::from("*")],
                    "tls" => tls_node,
                });
            }
            if let Some(policy) = gateway.spec.backend_defaults.as_ref().and_then(|defaults| defaults.client_policy.as_ref()) {
                let selector = (INGRESS_SELECTOR.0, INGRESS_SELECTOR.1.to_string());
                let host = format!("*.{}.svc.cluster.local", self.cluster.namespace);
                self.client_policy(
                    &at,
                    "spec.backendDefaults.clientPolicy",
                    policy,
                    &format!("{}-defaults", gateway.name),
                    &host,
                    selector,
                );
            }
            self.report.not_carried_if(gateway.spec.logging.is_some(), &at, "spec.logging", LOGGING);
            if !gateway.tags.is_empty() {
                self.report.not_carried(&at, "tags", NOT_A_TAG);
            }
            self.objects.push(map! {
                "apiVersion" => ISTIO_API,
                "kind" => "Gateway",
                "metadata" => map! {"name" => name.as_str(), "namespace" => self.cluster.namespace.as_str()},
                "spec" => map! {"selector" => map! {INGRESS_SELECTOR.0 => INGRESS_SELECTOR.1}, "servers" => servers},
            });
        }
        // The gateway routes of each gateway, in App Mesh's order, as one VirtualService.
        let mut parents: Vec<&str> = Vec::new();
        for route in &config.gateway_routes {
            if !parents.contains(&route.parent.as_str()) {
                parents.push(route.parent.as_str());
            }
        }
        for parent in parents {
            let gateway = self
                .gateway_names
                .iter()
                .find(|(virtual_gateway, _)| virtual_gateway == parent)
                .map_or_else(|| kubernetes_name(parent, NameRule::Subdomain), |(_, name)| name.clone());
            let name = self.claim("VirtualService", &format!("{parent}-routes"));
            let object = format!("VirtualService {name}");
            let mut routes: Vec<&ChildDefinition<GatewayRouteSpec>> =
                config.gateway_routes.iter().filter(|route| route.parent.as_str() == parent).collect();
            routes.sort_by_key(|route| (route.spec.priority.map_or(u16::MAX as u32 + 1, |p| p.get() as u32), route.name.as_str()));
            let http: Vec<Node> = routes
                .iter()
                .enumerate()
                .map(|(index, route)| self.gateway_route(route, &object, &format!("spec.http[{index}]")))
                .collect();
            self.objects.push(map! {
                "apiVersion" => ISTIO_API,
                "kind" => "VirtualService",
                "metadata" => map! {"name" => name, "namespace" => self.cluster.namespace.as_str()},
                "spec" => map! {"hosts" => vec![Node::from("*")], "gateways" => vec![Node::from(gateway)], "http" => http},
            });
        }
    }

    fn gateway_route(&mut self, route: &ChildDefinition<GatewayRouteSpec>, object: &str, field: &str) -> Node {
        let at = At::child(ResourceKind::GatewayRoute, &route.parent, &route.name);
        self.report.became(&at, "name", object, format!("{field}.name"));
        if route.spec.priority.is_some() {
            self.report.became_with(
                &at,
                "spec.priority",
                object,
                format!("{field} (its place in the list)"),
                "Istio applies the first entry that matches, so the entries are in App Mesh's order",
            );
        }
        if !route.tags.is_empty() {
            self.report.not_carried(&at, "tags", NOT_A_TAG);
        }
        let base = format!("spec.{}", route.spec.route_type().spec_member());
        let match_field = format!("{field}.match[0]");
        let (mut matcher, port, host_match, target, rewrite) = match &route.spec.route {
            TypedGatewayRoute::Http(http) | TypedGatewayRoute::Http2(http) => {
                let matcher = self.http_match(&at, &base, HttpMatch::from(&http.matcher), object, &match_field);
                let rewrite = self.http_rewrite(&at, &base, &http.action, object, field);
                (matcher, http.matcher.port, http.matcher.hostname.as_ref(), &http.action.target, rewrite)
            }
            TypedGatewayRoute::Grpc(grpc) => {
                let as_route = GrpcRouteMatch {
                    metadata: grpc.matcher.metadata.clone(),
                    method_name: None,
                    port: None,
                    service_name: grpc.matcher.service_name.clone(),
                };
                let matcher = self.grpc_match(&at, &base, &as_route, object, &match_field);
                let hostname_rewrite = grpc.action.rewrite.as_ref().and_then(|rewrite| rewrite.hostname.as_ref());
                let rewrite = self.authority_rewrite(
                    &at,
                    &format!("{base}.action.rewrite.hostname"),
                    hostname_rewrite,
                    &grpc.action.target,
                    object,
                    field,
                );
                (
                    matcher,
                    grpc.matcher.port,
                    grpc.matcher.hostname.as_ref(),
                    &grpc.action.target,
                    rewrite.map(|authority| vec![("authority".to_string(), authority)]).unwrap_or_default(),
                )
            }
        };
        let entries = matcher.entries_mut().expect("a map");
        if let Some(port) = port {
            push(entries, "port", port.get());
            self.report.became(&at, format!("{base}.match.port"), object, format!("{match_field}.port"));
        }
        if let Some(host) = host_match {
            if let Some(exact) = &host.exact {
                push(entries, "authority", map! {"exact" => exact.as_str()});
                self.report.became(&at, format!("{base}.match.hostname.exact"), object, format!("{match_field}.authority.exact"));
            } else if let Some(suffix) = &host.suffix {
                push(entries, "authority", map! {"regex" => format!(".*{}(:[0-9]+)?", regex_escape(suffix.as_str()))});
                self.report.became_with(
                    &at,
                    format!("{base}.match.hostname.suffix"),
                    object,
                    format!("{match_field}.authority.regex"),
                    "a suffix as a regex, with any port",
                );
            }
        }
        let service = target.virtual_service.virtual_service_name.as_str();
        let host = hostname(service).unwrap_or_else(|| service.to_string());
        self.report.became_with(
            &at,
            format!("{base}.action.target.virtualService.virtualServiceName"),
            object,
            format!("{field}.route[0].destination.host"),
            "the virtual service's host; its own VirtualService routes it on in the mesh",
        );
        if target.port.is_some() {
            self.report.became(&at, format!("{base}.action.target.port"), object, format!("{field}.route[0].destination.port.number"));
        }
        let destination = map! {"destination" => map! {"host" => host, "port" => target.port.map(|port| map! {"number" => port.get()})}};
        let matches = match &matcher {
            Node::Map(entries) if entries.is_empty() => Node::Null,
            _ => Node::List(vec![matcher]),
        };
        map! {
            "name" => route.name.as_str(),
            "match" => matches,
            "rewrite" => (!rewrite.is_empty()).then_some(Node::Map(rewrite)),
            "route" => vec![destination],
        }
    }

    fn http_rewrite(&mut self, at: &At, base: &str, action: &HttpGatewayRouteAction, object: &str, field: &str) -> Vec<(String, Node)> {
        let mut rewrite = Vec::new();
        let hostname = action.rewrite.as_ref().and_then(|rewrite| rewrite.hostname.as_ref());
        if let Some(authority) =
            self.authority_rewrite(at, &format!("{base}.action.rewrite.hostname"), hostname, &action.target, object, field)
        {
            rewrite.push(("authority".to_string(), authority));
        }
        let Some(settings) = &action.rewrite else { return rewrite };
        if let Some(prefix) = &settings.prefix {
            let setting = format!("{base}.action.rewrite.prefix");
            match (&prefix.value, prefix.default_prefix) {
                (Some(value), _) => {
                    push(&mut rewrite, "uri", value.as_str());
                    self.report.became_with(at, setting, object, format!("{field}.rewrite.uri"), "Istio replaces the matched prefix");
                }
                (None, Some(DefaultGatewayRouteRewrite::Disabled)) => {
                    self.report.became(at, setting, object, format!("{field}.rewrite (none)"))
                }
                (None, _) => {
                    push(&mut rewrite, "uri", "/");
                    self.report.became_with(at, setting, object, format!("{field}.rewrite.uri"), "the matched prefix becomes /");
                }
            }
        }
        if let Some(exact) = settings.path.as_ref().and_then(|path| path.exact.as_ref()) {
            push(&mut rewrite, "uri", exact.as_str());
            self.report.became_with(
                at,
                format!("{base}.action.rewrite.path.exact"),
                object,
                format!("{field}.rewrite.uri"),
                "with an exact match, the whole path",
            );
        }
        rewrite
    }

    /// App Mesh rewrites the host name to the target service's unless told not to.
    fn authority_rewrite(
        &mut self,
        at: &At,
        setting: &str,
        rewrite: Option<&GatewayRouteHostnameRewrite>,
        target: &GatewayRouteTarget,
        object: &str,
        field: &str,
    ) -> Option<Node> {
        let choice = rewrite.and_then(|rewrite| rewrite.default_target_hostname);
        let setting = format!("{setting}.defaultTargetHostname");
        if choice == Some(DefaultGatewayRouteRewrite::Disabled) {
            self.report.became(at, setting, object, format!("{field}.rewrite (no authority)"));
            return None;
        }
        if choice.is_some() {
            self.report.became(at, setting, object, format!("{field}.rewrite.authority"));
        }
        Some(Node::from(target.virtual_service.virtual_service_name.as_str()))
    }
}

/// A route's retry policy: attempts, the timeout of each, and its events with their member paths.
struct Retry<'p> {
    attempts: i64,
    per_try: &'p Duration,
    events: Vec<(String, &'p str)>,
}

/// A route's HTTP and TCP retry events, each with its member path.
fn http_events<'e>(http: &'e Option<HttpRetryPolicyEvents>, tcp: &'e Option<TcpRetryPolicyEvents>) -> Vec<(String, &'e str)> {
    let mut events: Vec<(String, &str)> = http
        .iter()
        .flat_map(|events| events.as_slice())
        .enumerate()
        .map(|(index, event)| (format!("httpRetryEvents[{index}]"), event.as_str()))
        .collect();
    events.extend(
        tcp.iter()
            .flat_map(|events| events.as_slice())
            .enumerate()
            .map(|(index, event)| (format!("tcpRetryEvents[{index}]"), event.as_str())),
    );
    events
}

/// Weights as whole percentages adding up to 100 (largest remainders first); all zero stays zero.
fn percentages(weights: &[u32]) -> Vec<u32> {
    let total: u32 = weights.iter().sum();
    if total == 0 {
        return weights.to_vec();
    }
    let mut shares: Vec<u32> = weights.iter().map(|weight| weight * 100 / total).collect();
    let mut remainders: Vec<(u32, usize)> = weights.iter().enumerate().map(|(index, weight)| (weight * 100 % total, index)).collect();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = 100 - shares.iter().sum::<u32>();
    for (_, index) in remainders.into_iter().take(missing as usize) {
        shares[index] += 1;
    }
    shares
}

fn regex_escape(value: &str) -> String {
    value.chars().fold(String::new(), |mut out, c| {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
        out
    })
}

/// How Istio names a port's protocol.
fn app_protocol(protocol: PortProtocol) -> Option<&'static str> {
    Some(match protocol {
        PortProtocol::Http => "http",
        PortProtocol::Http2 => "http2",
        PortProtocol::Grpc => "grpc",
        PortProtocol::Tcp => "tcp",
    })
}

fn entry_port(port: u16, protocol: PortProtocol) -> Node {
    let protocol = match protocol {
        PortProtocol::Http => "HTTP",
        PortProtocol::Http2 => "HTTP2",
        PortProtocol::Grpc => "GRPC",
        PortProtocol::Tcp => "TCP",
    };
    map! {"number" => port, "name" => format!("{}-{port}", protocol.to_ascii_lowercase()), "protocol" => protocol}
}

fn destination_rule(name: &str, namespace: &str, host: &str, selector: Option<(&str, String)>, traffic_policy: Node) -> Node {
    map! {
        "apiVersion" => ISTIO_API,
        "kind" => "DestinationRule",
        "metadata" => map! {"name" => name, "namespace" => namespace},
        "spec" => map! {
            "host" => host,
            "workloadSelector" => selector.map(|(key, value)| map! {"matchLabels" => map! {key => value}}),
            "trafficPolicy" => traffic_policy,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_become_percentages_that_add_up_to_100() {
        assert_eq!(percentages(&[90, 10]), [90, 10]);
        assert_eq!(percentages(&[1, 1, 1]), [34, 33, 33]);
        assert_eq!(percentages(&[1, 0]), [100, 0]);
        assert_eq!(percentages(&[0, 0]), [0, 0]);
    }

    #[test]
    fn regexes_escape_what_they_match_literally() {
        assert_eq!(regex_escape("a.b*c"), r"a\.b\*c");
    }
}
