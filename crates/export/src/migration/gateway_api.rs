//! The migration to the Kubernetes Gateway API as the AWS Gateway API controller for Amazon
//! VPC Lattice (v2.1, Gateway API v1.5) reads it: the `amazon-vpc-lattice` GatewayClass, a
//! Gateway for the mesh (a Lattice service network) and one per virtual gateway, a Service per
//! virtual node with a TargetGroupPolicy for its protocol and health check, and per virtual
//! service the HTTPRoute / GRPCRoute (and TCPRoute) of its router's routes, on its host name.
//!
//! What the Lattice controller refuses (query parameter, regex and non-exact header matches,
//! more than five headers) is left out and reported, so that the routes it gets apply; what it
//! ignores but the Gateway API says (timeouts, URL rewrites) is written and reported as such.
//! TCP routes become experimental `TCPRoute`s (v1alpha2): the Gateway API's word for them,
//! which other implementations read, though the Lattice controller does not.

use super::matching::{HttpMatch, WIDER, metadata};
use super::{Cluster, gateway_duration, hostname, millis};
use crate::ExportContext;
use crate::names::{NameRule, UniqueNames, kubernetes_name};
use crate::report::{At, MigrationReport, ReportBuilder};
use crate::scope::{ResourceKind, Scope};
use crate::yaml::{Node, map};
use mesh_engine::mesh_config::{ChildDefinition, MeshConfig};
use mesh_engine::names::PortNumber;
use mesh_engine::resource::{ProviderKind, TagRef};
use mesh_engine::spec::*;
use std::collections::BTreeMap;

const GATEWAY_API: &str = "gateway.networking.k8s.io/v1";
const GATEWAY_API_EXPERIMENTAL: &str = "gateway.networking.k8s.io/v1alpha2";
const LATTICE_API: &str = "application-networking.k8s.aws/v1alpha1";
const LATTICE_CLASS: &str = "amazon-vpc-lattice";
const LATTICE_CONTROLLER: &str = "application-networking.k8s.aws/gateway-api-controller";
const TAGS_ANNOTATION: &str = "application-networking.k8s.aws/tags";
const CERTIFICATE_OPTION: &str = "application-networking.k8s.aws/certificate-arn";
/// The Gateway API's bound on an HTTPRoute's or GRPCRoute's rules.
const MAX_RULES: usize = 16;
/// The Lattice controller refuses a rule with more header matches.
const LATTICE_MAX_HEADERS: usize = 5;

const RETRY: &str = "Gateway API has retries only in its experimental channel (HTTP status codes and attempts, no event names) and the VPC Lattice controller applies no retry policy";
const NO_OUTLIER_DETECTION: &str = "VPC Lattice has no outlier detection: only a target group's health check takes targets out";
const NO_CONNECTION_POOL: &str = "VPC Lattice has no connection or request limits per target";
const NO_LOGGING: &str =
    "Envoy's access log has no equivalent: VPC Lattice logs through an AccessLogPolicy to CloudWatch Logs, S3 or Firehose";
const NO_CLIENT_POLICY: &str = "VPC Lattice does not originate TLS per client: traffic between services goes through Lattice, which checks access with IAM auth policies";
const NO_BACKENDS: &str =
    "VPC Lattice does not declare what a client calls: what it may reach is the service network's and its auth policies' business";
const IGNORED_BY_LATTICE: &str = "written as the Gateway API says it; the VPC Lattice controller does not apply it";

/// The route kinds a Gateway API route object can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Family {
    Http,
    Grpc,
    Tcp,
}

impl Family {
    fn of(protocol: PortProtocol) -> Self {
        match protocol {
            PortProtocol::Http | PortProtocol::Http2 => Self::Http,
            PortProtocol::Grpc => Self::Grpc,
            PortProtocol::Tcp => Self::Tcp,
        }
    }

    fn of_route(route: &TypedRoute) -> Self {
        Self::of(match route {
            TypedRoute::Http(_) => PortProtocol::Http,
            TypedRoute::Http2(_) => PortProtocol::Http2,
            TypedRoute::Grpc(_) => PortProtocol::Grpc,
            TypedRoute::Tcp(_) => PortProtocol::Tcp,
        })
    }

    fn kind(self) -> &'static str {
        match self {
            Self::Http => "HTTPRoute",
            Self::Grpc => "GRPCRoute",
            Self::Tcp => "TCPRoute",
        }
    }

    /// The protocol of the Gateway listener it attaches to: Lattice serves gRPC on HTTPS only.
    fn listener_protocol(self) -> &'static str {
        match self {
            Self::Http => "HTTP",
            Self::Grpc => "HTTPS",
            Self::Tcp => "TCP",
        }
    }

    fn default_port(self) -> u16 {
        match self {
            Self::Http | Self::Tcp => 80,
            Self::Grpc => 443,
        }
    }
}

pub(crate) fn migrate(config: &MeshConfig, scope: &Scope, context: &ExportContext) -> (String, MigrationReport) {
    let mut migration = Migration::new(config);
    migration.nodes();
    migration.routers();
    migration.gateways();
    let Migration { cluster, mut report, mesh_gateway, listeners, mut objects, .. } = migration;

    let mut head = Vec::new();
    if scope.include_mesh || !listeners.is_empty() {
        let at = At::new(ResourceKind::Mesh, &config.mesh_name);
        let mesh_object = format!("Gateway {mesh_gateway}");
        if scope.include_mesh {
            head.push(map! {
                "apiVersion" => GATEWAY_API,
                "kind" => "GatewayClass",
                "metadata" => map! {"name" => LATTICE_CLASS},
                "spec" => map! {"controllerName" => LATTICE_CONTROLLER},
            });
            report.became_with(&at, "name", &mesh_object, "metadata.name", "the VPC Lattice service network of that name");
            report.not_carried(
                &at,
                "spec.egressFilter",
                "VPC Lattice has no egress filter: what leaves the VPC is the business of its security groups and routes",
            );
            report.not_carried(
                &at,
                "spec.serviceDiscovery",
                "VPC Lattice chooses target addresses by the target group's IP address type, which TargetGroupPolicy does not set",
            );
            report.not_carried(&at, "tags", "the VPC Lattice controller tags the service network from no annotation of the Gateway");
        }
        let listeners: Vec<Node> =
            if listeners.is_empty() { vec![listener_node("http-80", "HTTP", 80)] } else { listeners.into_values().collect() };
        head.push(gateway_object(&mesh_gateway, &cluster.namespace, listeners));
    }
    head.append(&mut objects);
    let report = report.finish(config, scope.include_mesh);
    let header = vec![
        format!("Gateway API for Amazon VPC Lattice: the migration of the App Mesh mesh {}.", config.mesh_name),
        format!("Exported by Mesh Console on {}. Needs the AWS Gateway API controller for VPC Lattice (v2.1) and", context.date),
        "the Gateway API v1.5 CRDs (standard channel; TCPRoute is in the experimental channel).".to_string(),
        "Pods of a virtual node must carry the label app: <its Service's name>.".to_string(),
    ];
    super::render(header, report, &head)
}

struct Migration<'a> {
    cluster: Cluster<'a>,
    report: ReportBuilder,
    mesh_gateway: String,
    /// The mesh Gateway's listeners, by section name.
    listeners: BTreeMap<String, Node>,
    objects: Vec<Node>,
    object_names: UniqueNames,
    gateway_names: UniqueNames,
}

impl<'a> Migration<'a> {
    fn new(config: &'a MeshConfig) -> Self {
        let mut gateway_names = UniqueNames::default();
        let mesh_gateway = gateway_names.claim(kubernetes_name(config.mesh_name.as_str(), NameRule::Subdomain), "-", 253);
        Self {
            cluster: Cluster::new(config),
            report: ReportBuilder::new("gateway-api"),
            mesh_gateway,
            listeners: BTreeMap::new(),
            objects: Vec::new(),
            object_names: UniqueNames::default(),
            gateway_names,
        }
    }

    /// The mesh Gateway's listener for `family` on `port`: its section name.
    fn mesh_listener(&mut self, family: Family, port: u16) -> String {
        let section = format!("{}-{port}", family.listener_protocol().to_ascii_lowercase());
        self.listeners.entry(section.clone()).or_insert_with(|| listener_node(&section, family.listener_protocol(), port));
        section
    }

    fn claim_object_name(&mut self, raw: &str) -> String {
        self.object_names.claim(kubernetes_name(raw, NameRule::Subdomain), "-", 253)
    }

    // ------------------------------------------------------------ virtual nodes

    fn nodes(&mut self) {
        let config = self.cluster.config;
        for node in &config.virtual_nodes {
            let service = self.cluster.service_object(node, app_protocol, &mut self.report);
            self.objects.push(service);
            let at = At::new(ResourceKind::VirtualNode, &node.name);
            let name = self.cluster.service_name(node.name.as_str());
            let policy_object = format!("TargetGroupPolicy {name}");
            let listeners = node.spec.listeners.as_deref().unwrap_or_default();
            let mut policy = Vec::new();
            if let Some(first) = listeners.first() {
                let (protocol, version) = match first.port_mapping.protocol {
                    PortProtocol::Http => ("HTTP", Some("HTTP1")),
                    PortProtocol::Http2 | PortProtocol::Grpc => ("HTTP", Some("HTTP2")),
                    PortProtocol::Tcp => ("TCP", None),
                };
                if first.port_mapping.protocol != PortProtocol::Http {
                    policy.push(("protocol".to_string(), Node::from(protocol)));
                    crate::yaml::push(&mut policy, "protocolVersion", version);
                    self.report.became(&at, "spec.listeners[0].portMapping.protocol", &policy_object, "spec.protocol");
                }
                if let Some(check) = &first.health_check
                    && let Some(check) = self.health_check(&at, check, &policy_object)
                {
                    policy.push(("healthCheck".to_string(), check));
                }
            }
            for (index, listener) in listeners.iter().enumerate() {
                let path = format!("spec.listeners[{index}]");
                self.report.not_carried_if(
                    index > 0 && listener.health_check.is_some(),
                    &at,
                    format!("{path}.healthCheck"),
                    "a Service has one TargetGroupPolicy: only the first listener's health check is carried",
                );
                self.report.not_carried_if(listener.connection_pool.is_some(), &at, format!("{path}.connectionPool"), NO_CONNECTION_POOL);
                self.report.not_carried_if(
                    listener.outlier_detection.is_some(),
                    &at,
                    format!("{path}.outlierDetection"),
                    NO_OUTLIER_DETECTION,
                );
                self.report.not_carried_if(listener.timeout.is_some(), &at, format!("{path}.timeout"), "VPC Lattice has no per-target timeouts; a route's request timeout is the Gateway API's word, which Lattice does not apply either");
                self.report.not_carried_if(listener.tls.is_some(), &at, format!("{path}.tls"), "the target's own TLS stays with the workload; for Lattice to speak HTTPS to it, set the TargetGroupPolicy's protocol to HTTPS");
            }
            if !policy.is_empty() {
                let mut spec = vec![("targetRef".to_string(), map! {"group" => "", "kind" => "Service", "name" => name.as_str()})];
                spec.append(&mut policy);
                self.objects.push(map! {
                    "apiVersion" => LATTICE_API,
                    "kind" => "TargetGroupPolicy",
                    "metadata" => map! {"name" => name.as_str(), "namespace" => self.cluster.namespace.as_str()},
                    "spec" => Node::Map(spec),
                });
            }
            self.report.not_carried_if(node.spec.backends.is_some(), &at, "spec.backends", NO_BACKENDS);
            self.report.not_carried_if(node.spec.backend_defaults.is_some(), &at, "spec.backendDefaults", NO_CLIENT_POLICY);
            self.report.not_carried_if(node.spec.logging.is_some(), &at, "spec.logging", NO_LOGGING);
            match &node.spec.service_discovery {
                Some(ServiceDiscovery::Dns(dns)) => {
                    super::dns_extras_not_carried(
                        &mut self.report,
                        &at,
                        dns,
                        "VPC Lattice registers the Service's pods as targets itself",
                        "TargetGroupPolicy does not set a target group's IP address type",
                    );
                }
                Some(ServiceDiscovery::AwsCloudMap(_)) => {
                    self.report.not_carried(
                        &at,
                        "spec.serviceDiscovery.awsCloudMap",
                        format!("VPC Lattice's targets are the pods of Service {name}, not Cloud Map instances"),
                    );
                }
                None => {}
            }
            if !node.tags.is_empty() {
                self.report.not_carried(
                    &at,
                    "tags",
                    "the VPC Lattice controller takes tags for target groups from no annotation of a Service",
                );
            }
        }
    }

    fn health_check(&mut self, at: &At, check: &HealthCheckPolicy, object: &str) -> Option<Node> {
        let base = "spec.listeners[0].healthCheck";
        let version = match check.protocol {
            PortProtocol::Http => "HTTP1",
            PortProtocol::Http2 => "HTTP2",
            PortProtocol::Grpc => {
                self.report.became_with(
                    at,
                    format!("{base}.protocol"),
                    object,
                    "spec.healthCheck.protocolVersion",
                    "Lattice checks an HTTP/2 path, not the gRPC health protocol",
                );
                "HTTP2"
            }
            PortProtocol::Tcp => {
                self.report.not_carried(at, base, "VPC Lattice health checks are HTTP or HTTPS only; a TCP check has no equivalent");
                return None;
            }
        };
        if check.protocol != PortProtocol::Grpc {
            self.report.became(at, format!("{base}.protocol"), object, "spec.healthCheck.protocolVersion");
        }
        let seconds = |millis: u32| millis.div_ceil(1000);
        let rounded = |millis: u32| (!millis.is_multiple_of(1000)).then_some("rounded up to whole seconds");
        let mut became = |setting: &str, field: &str, note: Option<&str>| match note {
            Some(note) => self.report.became_with(at, format!("{base}.{setting}"), object, format!("spec.healthCheck.{field}"), note),
            None => self.report.became(at, format!("{base}.{setting}"), object, format!("spec.healthCheck.{field}")),
        };
        became("intervalMillis", "intervalSeconds", rounded(check.interval_millis.get()));
        became("timeoutMillis", "timeoutSeconds", rounded(check.timeout_millis.get()));
        became("healthyThreshold", "healthyThresholdCount", None);
        became("unhealthyThreshold", "unhealthyThresholdCount", None);
        if check.path.is_some() {
            became("path", "path", None);
        }
        if check.port.is_some() {
            became("port", "port", None);
        }
        Some(map! {
            "enabled" => true,
            "intervalSeconds" => seconds(check.interval_millis.get()),
            "timeoutSeconds" => seconds(check.timeout_millis.get()),
            "healthyThresholdCount" => check.healthy_threshold.get(),
            "unhealthyThresholdCount" => check.unhealthy_threshold.get(),
            "path" => check.path.as_deref(),
            "port" => check.port.map(PortNumber::get),
            "protocol" => "HTTP",
            "protocolVersion" => version,
        })
    }

    // ------------------------------------------------------------ virtual services and routers

    fn routers(&mut self) {
        let config = self.cluster.config;
        // Routers of the export, and those its routes name (a single route's export).
        let mut routers: Vec<&str> = config.virtual_routers.iter().map(|router| router.name.as_str()).collect();
        for route in &config.routes {
            if !routers.contains(&route.parent.as_str()) {
                routers.push(route.parent.as_str());
            }
        }
        for service in &config.virtual_services {
            let at = At::new(ResourceKind::VirtualService, &service.name);
            match &service.spec.provider {
                None => {
                    self.report.not_carried(&at, "name", "it has no provider, so App Mesh answered nothing for it: no route is written")
                }
                Some(VirtualServiceProvider::VirtualNode(provider)) => self.node_provided(service, provider.virtual_node_name.as_str()),
                Some(VirtualServiceProvider::VirtualRouter(provider)) => {
                    let router = provider.virtual_router_name.as_str();
                    let routes = self.cluster.routes_of(router);
                    let objects = self.router_objects(router, Some(service.name.as_str()), &service.tags, &routes);
                    if objects.is_empty() {
                        let reason = format!("its router {router} has no routes here: no route is written");
                        self.report.not_carried(&at, "name", &reason);
                        self.report.not_carried(&at, "spec.provider", &reason);
                        if !service.tags.is_empty() {
                            self.report.not_carried(&at, "tags", reason);
                        }
                    }
                    for object in objects {
                        self.report.became(&at, "spec.provider.virtualRouter.virtualRouterName", &object, "spec.rules");
                    }
                }
            }
        }
        for router in routers {
            let at = At::new(ResourceKind::VirtualRouter, router);
            let services = self.cluster.provided_by(ProviderKind::VirtualRouter, router);
            let routes = self.cluster.routes_of(router);
            if services.is_empty() {
                let objects = self.router_objects(router, None, &[], &routes);
                for object in &objects {
                    self.report.became_with(
                        &at,
                        "name",
                        object,
                        "metadata.name",
                        "no virtual service here names this router: the route has no host name",
                    );
                }
                self.report.not_carried_if(
                    objects.is_empty() && self.cluster.router(router).is_some(),
                    &at,
                    "name",
                    "no virtual service names it and it has no routes: nothing to route",
                );
            } else {
                let names: Vec<String> = services.iter().map(|service| service.name.to_string()).collect();
                self.report.became_with(
                    &at,
                    "name",
                    "the routes of its virtual services",
                    "spec.rules",
                    format!("one route object per virtual service: {}", names.join(", ")),
                );
            }
            if let Some(definition) = self.cluster.router(router) {
                for (index, listener) in definition.spec.listeners.iter().flatten().enumerate() {
                    let family = Family::of(listener.port_mapping.protocol);
                    let section = self.mesh_listener(family, listener.port_mapping.port.get());
                    self.report.became(
                        &at,
                        format!("spec.listeners[{index}].portMapping"),
                        format!("Gateway {}", self.mesh_gateway),
                        format!("spec.listeners[{section}]"),
                    );
                }
                if !definition.tags.is_empty() {
                    self.report.not_carried(&at, "tags", "a router has no Lattice resource of its own to tag");
                }
            }
        }
    }

    /// The sections of the mesh Gateway a router's routes of `family` attach to.
    fn router_sections(&mut self, router: &str, family: Family, routes: &[&ChildDefinition<RouteSpec>]) -> Vec<String> {
        let ports: Vec<u16> = match self.cluster.router(router) {
            Some(definition) => definition
                .spec
                .listeners
                .iter()
                .flatten()
                .filter(|listener| Family::of(listener.port_mapping.protocol) == family)
                .map(|listener| listener.port_mapping.port.get())
                .collect(),
            None => Vec::new(),
        };
        let ports = if ports.is_empty() {
            let target_port = routes
                .first()
                .and_then(|route| route.spec.weighted_targets().as_slice().first())
                .and_then(|target| self.cluster.node_port(target.virtual_node.as_str(), target.port))
                .map(|(port, _)| port);
            vec![if family == Family::Tcp { target_port.unwrap_or(80) } else { family.default_port() }]
        } else {
            ports
        };
        ports.into_iter().map(|port| self.mesh_listener(family, port)).collect()
    }

    /// The route objects of a router's routes for one virtual service (or none): the names of
    /// the objects written.
    fn router_objects(
        &mut self,
        router: &str,
        service: Option<&str>,
        tags: &[TagRef],
        routes: &[&'a ChildDefinition<RouteSpec>],
    ) -> Vec<String> {
        let mut written = Vec::new();
        let base = service.unwrap_or(router);
        let host = service.and_then(hostname);
        for family in [Family::Http, Family::Grpc] {
            let of_family: Vec<&ChildDefinition<RouteSpec>> =
                routes.iter().copied().filter(|route| Family::of_route(&route.spec.route) == family).collect();
            if of_family.is_empty() {
                continue;
            }
            let sections = self.router_sections(router, family, &of_family);
            let suffix = if family == Family::Grpc { "-grpc" } else { "" };
            let names: Vec<String> = (0..of_family.len().div_ceil(MAX_RULES))
                .map(|chunk| self.claim_object_name(&chunked(&format!("{base}{suffix}"), chunk)))
                .collect();
            for (chunk, routes) in of_family.chunks(MAX_RULES).enumerate() {
                let object = format!("{} {}", family.kind(), names[chunk]);
                let mut rule_names = UniqueNames::default();
                let rules: Vec<Node> = routes
                    .iter()
                    .enumerate()
                    .map(|(index, route)| {
                        let name = rule_names.claim(kubernetes_name(route.name.as_str(), NameRule::Label), "-", 63);
                        self.route_rule(route, &object, index, name)
                    })
                    .collect();
                self.service_host(service, host.as_deref(), &object);
                self.objects.push(self.route_object(family, &names[chunk], tags, &sections, host.as_deref(), rules));
                written.push(object);
            }
        }
        for route in routes.iter().filter(|route| Family::of_route(&route.spec.route) == Family::Tcp) {
            let TypedRoute::Tcp(tcp) = &route.spec.route else { continue };
            let at = At::child(ResourceKind::Route, &route.parent, &route.name);
            let name = self.claim_object_name(&format!("{base}-{}", route.name));
            let object = format!("TCPRoute {name}");
            let sections = match tcp.matcher.as_ref().and_then(|matcher| matcher.port) {
                Some(port) => {
                    self.report.became(&at, "spec.tcpRoute.match.port", &object, "spec.parentRefs[0].sectionName");
                    vec![self.mesh_listener(Family::Tcp, port.get())]
                }
                None => self.router_sections(router, Family::Tcp, &[route]),
            };
            self.report.became_with(
                &at,
                "name",
                &object,
                "metadata.name",
                "the VPC Lattice controller (v2.1) does not read TCPRoute (experimental in Gateway API); other implementations do",
            );
            self.report.not_carried_if(tcp.timeout.is_some(), &at, "spec.tcpRoute.timeout", "TCPRoute has no timeouts");
            self.tags_of_route(&at, route);
            let backends = self.backend_refs(&at, "spec.tcpRoute", tcp.action.weighted_targets.as_slice(), &object, "spec.rules[0]");
            self.report.not_carried_if(route.spec.priority.is_some(), &at, "spec.priority", "a TCPRoute has no matches to order");
            self.service_host(service, None, &object);
            let rules = vec![map! {"backendRefs" => backends}];
            self.objects.push(self.route_object(Family::Tcp, &name, tags, &sections, None, rules));
            written.push(object);
        }
        written
    }

    /// Reports a virtual service's name (its host name) and tags on a route object.
    fn service_host(&mut self, service: Option<&str>, host: Option<&str>, object: &str) {
        let Some(service) = service else { return };
        let at = At::new(ResourceKind::VirtualService, service);
        match host {
            Some(host) if host == service => self.report.became(&at, "name", object, "spec.hostnames[0]"),
            Some(_) => self.report.became_with(&at, "name", object, "spec.hostnames[0]", "in lower case, as host names are written"),
            None if object.starts_with("TCPRoute") => self.report.became_with(
                &at,
                "name",
                object,
                "metadata.name",
                "a TCPRoute has no host names: clients reach it on the listener's port",
            ),
            None => self.report.not_carried(
                &at,
                "name",
                format!("{object} has no host name: {service:?} is not a DNS name the Gateway API takes"),
            ),
        }
        if let Some(definition) = self.cluster.service(service)
            && !definition.tags.is_empty()
        {
            let (_, rejected) = tags_annotation(&definition.tags);
            if rejected.is_empty() {
                self.report.became(&at, "tags", object, format!("metadata.annotations[{TAGS_ANNOTATION}]"));
            } else {
                self.report.not_carried(
                    &at,
                    "tags",
                    format!("the tags annotation is key=value pairs separated by commas; these hold , or =: {}", rejected.join(", ")),
                );
            }
        }
    }

    fn route_object(&self, family: Family, name: &str, tags: &[TagRef], sections: &[String], host: Option<&str>, rules: Vec<Node>) -> Node {
        let (annotation, rejected) = tags_annotation(tags);
        let annotations = (!annotation.is_empty() && rejected.is_empty()).then(|| map! {TAGS_ANNOTATION => annotation});
        let parent_refs: Vec<Node> =
            sections.iter().map(|section| map! {"name" => self.mesh_gateway.as_str(), "sectionName" => section.as_str()}).collect();
        let api_version = if family == Family::Tcp { GATEWAY_API_EXPERIMENTAL } else { GATEWAY_API };
        map! {
            "apiVersion" => api_version,
            "kind" => family.kind(),
            "metadata" => map! {"name" => name, "namespace" => self.cluster.namespace.as_str(), "annotations" => annotations},
            "spec" => map! {
                "parentRefs" => parent_refs,
                "hostnames" => host.map(|host| vec![Node::from(host)]),
                "rules" => rules,
            },
        }
    }

    fn tags_of_route(&mut self, at: &At, route: &ChildDefinition<RouteSpec>) {
        if !route.tags.is_empty() {
            self.report.not_carried(at, "tags", "a Lattice listener rule takes no tags of its own");
        }
    }

    /// One HTTPRoute or GRPCRoute rule for an App Mesh route (which has exactly one match).
    fn route_rule(&mut self, route: &ChildDefinition<RouteSpec>, object: &str, index: usize, rule_name: String) -> Node {
        let at = At::child(ResourceKind::Route, &route.parent, &route.name);
        let rule = format!("spec.rules[{index}]");
        self.report.became(&at, "name", object, format!("{rule}.name"));
        if route.spec.priority.is_some() {
            self.report.became_with(&at, "spec.priority", object, format!("{rule} (its place in the list)"), "the rules are in App Mesh's order, which Lattice applies; Gateway API implementations in general order rules by how specific their matches are");
        }
        self.tags_of_route(&at, route);
        match &route.spec.route {
            TypedRoute::Http(http) | TypedRoute::Http2(http) => {
                let member = route.spec.route_type().spec_member();
                let base = format!("spec.{member}");
                let matcher = self.http_match(&at, &base, HttpMatch::from(&http.matcher), object, &rule);
                self.report.not_carried_if(
                    http.matcher.scheme.is_some(),
                    &at,
                    format!("{base}.match.scheme"),
                    format!("Gateway API matches no scheme: {WIDER}"),
                );
                self.report.not_carried_if(
                    http.matcher.port.is_some(),
                    &at,
                    format!("{base}.match.port"),
                    format!("the route object attaches to the router's listeners; a rule cannot match a port: {WIDER}"),
                );
                let backends = self.backend_refs(&at, &base, http.action.weighted_targets.as_slice(), object, &rule);
                let mut timeouts = Vec::new();
                if let Some(timeout) = &http.timeout {
                    if let Some(per_request) = timeout.per_request.as_ref().and_then(millis) {
                        crate::yaml::push(&mut timeouts, "request", gateway_duration(per_request));
                        self.report.became_with(
                            &at,
                            format!("{base}.timeout.perRequest"),
                            object,
                            format!("{rule}.timeouts.request"),
                            IGNORED_BY_LATTICE,
                        );
                    }
                    self.report.not_carried_if(
                        timeout.idle.is_some(),
                        &at,
                        format!("{base}.timeout.idle"),
                        "Gateway API has no idle timeout",
                    );
                }
                if http.retry_policy.is_some() {
                    self.retry_not_carried(
                        &at,
                        &format!("{base}.retryPolicy"),
                        &serde_json::to_value(&http.retry_policy).unwrap_or_default(),
                    );
                }
                let timeouts = (!timeouts.is_empty()).then_some(Node::Map(timeouts));
                map! {"name" => rule_name, "matches" => non_empty(matcher).map(|m| vec![m]), "backendRefs" => backends, "timeouts" => timeouts}
            }
            TypedRoute::Grpc(grpc) => {
                let base = "spec.grpcRoute";
                let matcher = self.grpc_match(&at, base, &grpc.matcher, object, &rule);
                let backends = self.backend_refs(&at, base, grpc.action.weighted_targets.as_slice(), object, &rule);
                self.report.not_carried_if(
                    grpc.timeout.is_some(),
                    &at,
                    format!("{base}.timeout"),
                    "GRPCRoute has no timeouts in Gateway API v1.5",
                );
                if grpc.retry_policy.is_some() {
                    self.retry_not_carried(
                        &at,
                        &format!("{base}.retryPolicy"),
                        &serde_json::to_value(&grpc.retry_policy).unwrap_or_default(),
                    );
                }
                map! {"name" => rule_name, "matches" => non_empty(matcher).map(|m| vec![m]), "backendRefs" => backends}
            }
            TypedRoute::Tcp(_) => unreachable!("TCP routes become TCPRoutes"),
        }
    }

    /// Every member of a retry policy, each reported as not carried.
    fn retry_not_carried(&mut self, at: &At, base: &str, policy: &serde_json::Value) {
        for (member, value) in policy.as_object().into_iter().flatten() {
            match value.as_array() {
                Some(events) => {
                    for (index, event) in events.iter().enumerate() {
                        let reason = format!("retry on {}: {RETRY}", event.as_str().unwrap_or_default());
                        self.report.not_carried(at, format!("{base}.{member}[{index}]"), reason);
                    }
                }
                None => self.report.not_carried(at, format!("{base}.{member}"), RETRY),
            }
        }
    }

    fn http_match(&mut self, at: &At, base: &str, matcher: HttpMatch, object: &str, rule: &str) -> Node {
        let field = format!("{rule}.matches[0]");
        let mut entries = Vec::new();
        if let Some(prefix) = matcher.prefix {
            entries.push(("path".to_string(), map! {"type" => "PathPrefix", "value" => prefix}));
            self.report.became_with(
                at,
                format!("{base}.match.prefix"),
                object,
                format!("{field}.path"),
                "PathPrefix matches whole path segments: /api matches /api/x but not /apix, which App Mesh's prefix matched",
            );
        }
        if let Some(path) = matcher.path {
            if let Some(exact) = &path.exact {
                entries.push(("path".to_string(), map! {"type" => "Exact", "value" => exact.as_str()}));
                self.report.became_with(
                    at,
                    format!("{base}.match.path.exact"),
                    object,
                    format!("{field}.path"),
                    "Lattice matches paths without regard to case",
                );
            }
            self.report.not_carried_if(
                path.regex.is_some(),
                at,
                format!("{base}.match.path.regex"),
                format!("the VPC Lattice controller refuses RegularExpression path matches: {WIDER}"),
            );
        }
        if let Some(method) = matcher.method {
            entries.push(("method".to_string(), Node::from(method.as_str())));
            self.report.became(at, format!("{base}.match.method"), object, format!("{field}.method"));
        }
        let headers = self.header_matches(at, &format!("{base}.match.headers"), matcher.headers, object, &field);
        crate::yaml::push(&mut entries, "headers", Node::list_or_absent(headers));
        for (index, _) in matcher.query_parameters.iter().enumerate() {
            self.report.not_carried(
                at,
                format!("{base}.match.queryParameters[{index}]"),
                format!("the VPC Lattice controller refuses query parameter matches: {WIDER}"),
            );
        }
        Node::Map(entries)
    }

    fn grpc_match(&mut self, at: &At, base: &str, matcher: &GrpcRouteMatch, object: &str, rule: &str) -> Node {
        let field = format!("{rule}.matches[0]");
        let mut entries = Vec::new();
        match (&matcher.service_name, &matcher.method_name) {
            (Some(service), method) => {
                entries.push((
                    "method".to_string(),
                    map! {"type" => "Exact", "service" => service.as_str(), "method" => method.as_ref().map(|m| m.as_str())},
                ));
                self.report.became(at, format!("{base}.match.serviceName"), object, format!("{field}.method.service"));
                if method.is_some() {
                    self.report.became(at, format!("{base}.match.methodName"), object, format!("{field}.method.method"));
                }
            }
            (None, Some(_)) => self.report.not_carried(
                at,
                format!("{base}.match.methodName"),
                format!("the VPC Lattice controller refuses a method match without a service: {WIDER}"),
            ),
            (None, None) => {}
        }
        let headers = self.header_matches(at, &format!("{base}.match.metadata"), metadata(&matcher.metadata), object, &field);
        crate::yaml::push(&mut entries, "headers", Node::list_or_absent(headers));
        self.report.not_carried_if(
            matcher.port.is_some(),
            at,
            format!("{base}.match.port"),
            format!("the route object attaches to the router's listeners; a rule cannot match a port: {WIDER}"),
        );
        Node::Map(entries)
    }

    fn header_matches(&mut self, at: &At, base: &str, headers: &[HttpRouteHeader], object: &str, field: &str) -> Vec<Node> {
        let mut written = Vec::new();
        for (index, header) in headers.iter().enumerate() {
            let setting = format!("{base}[{index}]");
            if header.invert == Some(true) {
                self.report.not_carried(
                    at,
                    setting,
                    format!("Gateway API cannot match a header's absence or another value (invert): {WIDER}"),
                );
                continue;
            }
            let value = match &header.matcher {
                Some(HeaderMatchMethod::Exact(value)) => value.as_str(),
                Some(other) => {
                    let kind = match other {
                        HeaderMatchMethod::Prefix(_) => "prefix",
                        HeaderMatchMethod::Suffix(_) => "suffix",
                        HeaderMatchMethod::Range(_) => "range",
                        _ => "regex",
                    };
                    self.report.not_carried(
                        at,
                        setting,
                        format!("the VPC Lattice controller matches headers exactly only, not by {kind}: {WIDER}"),
                    );
                    continue;
                }
                None => {
                    self.report.not_carried(at, setting, format!("Gateway API cannot match a header's mere presence: {WIDER}"));
                    continue;
                }
            };
            if written.len() == LATTICE_MAX_HEADERS {
                self.report.not_carried(
                    at,
                    setting,
                    format!("the VPC Lattice controller takes at most {LATTICE_MAX_HEADERS} header matches per rule: {WIDER}"),
                );
                continue;
            }
            self.report.became(at, setting, object, format!("{field}.headers[{}]", written.len()));
            written.push(map! {"type" => "Exact", "name" => header.name.as_str(), "value" => value});
        }
        written
    }

    fn backend_refs(&mut self, at: &At, base: &str, targets: &[WeightedTarget], object: &str, rule: &str) -> Vec<Node> {
        targets
            .iter()
            .enumerate()
            .map(|(index, target)| {
                let (node, note) = self.backend_ref(target.virtual_node.as_str(), target.port, Some(target.weight.get()));
                let setting = format!("{base}.action.weightedTargets[{index}]");
                let field = format!("{rule}.backendRefs[{index}]");
                match note {
                    Some(note) => self.report.became_with(at, setting, object, field, note),
                    None => self.report.became(at, setting, object, field),
                }
                node
            })
            .collect()
    }

    /// A backendRef to a virtual node's Service, on the port traffic goes to.
    fn backend_ref(&self, node: &str, port: Option<PortNumber>, weight: Option<u8>) -> (Node, Option<String>) {
        let (port, note) = match self.cluster.node_port(node, port) {
            Some((port, _)) => (port, None),
            None => match port {
                Some(port) => (port.get(), None),
                None => (80, Some(format!("the port of virtual node {node} is not known here: 80 is written"))),
            },
        };
        let reference = map! {
            "group" => "",
            "kind" => "Service",
            "name" => self.cluster.service_name(node),
            "port" => port,
            "weight" => weight,
        };
        (reference, note)
    }

    fn node_provided(
        &mut self,
        service: &mesh_engine::mesh_config::Definition<mesh_engine::names::ServiceName, VirtualServiceSpec>,
        node: &str,
    ) {
        let at = At::new(ResourceKind::VirtualService, &service.name);
        let (port, protocol) = self.cluster.node_port(node, None).unwrap_or((80, PortProtocol::Http));
        let family = Family::of(protocol);
        let name = self.claim_object_name(service.name.as_str());
        let object = format!("{} {name}", family.kind());
        let section = self.mesh_listener(family, port);
        let (backend, note) = self.backend_ref(node, None, None);
        let field = "spec.rules[0].backendRefs[0]";
        match note {
            Some(note) => self.report.became_with(&at, "spec.provider.virtualNode.virtualNodeName", &object, field, note),
            None => self.report.became(&at, "spec.provider.virtualNode.virtualNodeName", &object, field),
        }
        let host = if family == Family::Tcp { None } else { hostname(service.name.as_str()) };
        self.service_host(Some(service.name.as_str()), host.as_deref(), &object);
        let rules = vec![map! {"backendRefs" => vec![backend]}];
        let route = self.route_object(family, &name, &service.tags, &[section], host.as_deref(), rules);
        self.objects.push(route);
    }

    // ------------------------------------------------------------ virtual gateways

    fn gateways(&mut self) {
        let config = self.cluster.config;
        let mut sections_of: BTreeMap<String, Vec<(String, VirtualGatewayPortProtocol, u16)>> = BTreeMap::new();
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for gateway in &config.virtual_gateways {
            let at = At::new(ResourceKind::VirtualGateway, &gateway.name);
            let name = self.gateway_names.claim(kubernetes_name(gateway.name.as_str(), NameRule::Subdomain), "-", 253);
            let object = format!("Gateway {name}");
            self.report.became_with(&at, "name", &object, "metadata.name", "a VPC Lattice service network of that name");
            let mut listeners = Vec::new();
            let mut sections = Vec::new();
            for (index, listener) in gateway.spec.listeners.iter().enumerate() {
                let path = format!("spec.listeners[{index}]");
                let port = listener.port_mapping.port.get();
                let https = listener.tls.is_some() || listener.port_mapping.protocol == VirtualGatewayPortProtocol::Grpc;
                let protocol = if https { "HTTPS" } else { "HTTP" };
                let section = format!("{}-{port}", protocol.to_ascii_lowercase());
                let mut node = listener_node(&section, protocol, port);
                if listener.port_mapping.protocol == VirtualGatewayPortProtocol::Grpc && listener.tls.is_none() {
                    self.report.became_with(
                        &at,
                        format!("{path}.portMapping"),
                        &object,
                        format!("spec.listeners[{index}]"),
                        "Lattice serves gRPC over HTTPS only: an HTTPS listener with Lattice's certificate for its own domain",
                    );
                } else {
                    self.report.became(&at, format!("{path}.portMapping"), &object, format!("spec.listeners[{index}]"));
                }
                if let Some(tls) = &listener.tls {
                    match &tls.certificate {
                        ListenerTlsCertificate::Acm(acm) => {
                            let tls_node = map! {"mode" => "Terminate", "options" => map! {CERTIFICATE_OPTION => acm.certificate_arn.as_str()}};
                            node.entries_mut().expect("a map").push(("tls".to_string(), tls_node));
                            self.report.became(&at, format!("{path}.tls.certificate.acm.certificateArn"), &object, format!("spec.listeners[{index}].tls.options[{CERTIFICATE_OPTION}]"));
                        }
                        _ => self.report.not_carried(&at, format!("{path}.tls.certificate"), "VPC Lattice takes a certificate from ACM only (a file or SDS certificate has no equivalent): Lattice's own certificate serves its generated domain"),
                    }
                    self.report.became_with(
                        &at,
                        format!("{path}.tls.mode"),
                        &object,
                        format!("spec.listeners[{index}].protocol"),
                        "HTTPS: Lattice terminates TLS; PERMISSIVE (also plain text) has no equivalent",
                    );
                    self.report.not_carried_if(
                        tls.validation.is_some(),
                        &at,
                        format!("{path}.tls.validation"),
                        "VPC Lattice listeners do not check client certificates (no mutual TLS)",
                    );
                }
                self.report.not_carried_if(
                    listener.health_check.is_some(),
                    &at,
                    format!("{path}.healthCheck"),
                    "a VPC Lattice service network has no health check of its own; targets' health checks are their TargetGroupPolicy's",
                );
                self.report.not_carried_if(listener.connection_pool.is_some(), &at, format!("{path}.connectionPool"), NO_CONNECTION_POOL);
                sections.push((section, listener.port_mapping.protocol, port));
                listeners.push(node);
            }
            self.report.not_carried_if(gateway.spec.backend_defaults.is_some(), &at, "spec.backendDefaults", NO_CLIENT_POLICY);
            self.report.not_carried_if(gateway.spec.logging.is_some(), &at, "spec.logging", NO_LOGGING);
            if !gateway.tags.is_empty() {
                self.report.not_carried(
                    &at,
                    "tags",
                    "the VPC Lattice controller tags the service network from no annotation of the Gateway",
                );
            }
            self.objects.push(gateway_object(&name, &self.cluster.namespace, listeners));
            sections_of.insert(gateway.name.to_string(), sections);
            names.insert(gateway.name.to_string(), name);
        }
        for route in &config.gateway_routes {
            let gateway =
                names.get(route.parent.as_str()).cloned().unwrap_or_else(|| kubernetes_name(route.parent.as_str(), NameRule::Subdomain));
            let sections = sections_of.get(route.parent.as_str()).cloned().unwrap_or_default();
            self.gateway_route(route, &gateway, &sections);
        }
    }

    fn gateway_route(
        &mut self,
        route: &ChildDefinition<GatewayRouteSpec>,
        gateway: &str,
        sections: &[(String, VirtualGatewayPortProtocol, u16)],
    ) {
        let at = At::child(ResourceKind::GatewayRoute, &route.parent, &route.name);
        let name = self.claim_object_name(&format!("{}-{}", route.parent, route.name));
        let family = if route.spec.route_type() == RouteType::Grpc { Family::Grpc } else { Family::Http };
        let object = format!("{} {name}", family.kind());
        let base = format!("spec.{}", route.spec.route_type().spec_member());
        self.report.became(&at, "name", &object, "metadata.name");
        self.report.not_carried_if(
            route.spec.priority.is_some(),
            &at,
            "spec.priority",
            "each gateway route is its own route object; Gateway API orders them by how specific their matches are, not by a priority",
        );
        if !route.tags.is_empty() {
            let (_, rejected) = tags_annotation(&route.tags);
            if rejected.is_empty() {
                self.report.became(&at, "tags", &object, format!("metadata.annotations[{TAGS_ANNOTATION}]"));
            } else {
                self.report.not_carried(&at, "tags", "the tags annotation cannot hold , or = in a key or value");
            }
        }
        let rule = "spec.rules[0]";
        let (matcher, port, hostname_match, target, rewrite_filters) = match &route.spec.route {
            TypedGatewayRoute::Http(http) | TypedGatewayRoute::Http2(http) => {
                let matcher = self.http_match(&at, &base, HttpMatch::from(&http.matcher), &object, rule);
                let filters = self.http_rewrite(&at, &base, &http.action, &object, &http.matcher);
                (matcher, http.matcher.port, http.matcher.hostname.as_ref(), &http.action.target, filters)
            }
            TypedGatewayRoute::Grpc(grpc) => {
                let as_route_match = GrpcRouteMatch {
                    metadata: grpc.matcher.metadata.clone(),
                    method_name: None,
                    port: None,
                    service_name: grpc.matcher.service_name.clone(),
                };
                let matcher = self.grpc_match(&at, &base, &as_route_match, &object, rule);
                self.report.not_carried_if(
                    grpc.action.rewrite.as_ref().and_then(|rewrite| rewrite.hostname.as_ref()).is_some(),
                    &at,
                    format!("{base}.action.rewrite.hostname"),
                    "GRPCRoute has no URL rewrite filter: the host name is passed on as the client sent it",
                );
                let filters = Vec::new();
                (matcher, grpc.matcher.port, grpc.matcher.hostname.as_ref(), &grpc.action.target, filters)
            }
        };
        let wanted = |protocol: &VirtualGatewayPortProtocol| (*protocol == VirtualGatewayPortProtocol::Grpc) == (family == Family::Grpc);
        let mut parent_sections: Vec<&str> = sections
            .iter()
            .filter(|(_, protocol, listener_port)| wanted(protocol) && port.is_none_or(|p| p.get() == *listener_port))
            .map(|(s, _, _)| s.as_str())
            .collect();
        if port.is_some() {
            self.report.became(&at, format!("{base}.match.port"), &object, "spec.parentRefs[].sectionName");
        }
        if parent_sections.is_empty() {
            parent_sections = sections.iter().map(|(s, _, _)| s.as_str()).collect();
        }
        let parent_refs: Vec<Node> = if parent_sections.is_empty() {
            vec![map! {"name" => gateway}]
        } else {
            parent_sections.iter().map(|section| map! {"name" => gateway, "sectionName" => *section}).collect()
        };
        let hostnames = hostname_match.map(|matcher| self.gateway_hostnames(&at, &format!("{base}.match.hostname"), matcher, &object));
        let backends = self.gateway_target(&at, &base, target, &object);
        let filters = Node::list_or_absent(rewrite_filters);
        let rule_node = map! {"matches" => non_empty(matcher).map(|m| vec![m]), "filters" => filters, "backendRefs" => backends};
        let annotations = {
            let (annotation, rejected) = tags_annotation(&route.tags);
            (!annotation.is_empty() && rejected.is_empty()).then(|| map! {TAGS_ANNOTATION => annotation})
        };
        self.objects.push(map! {
            "apiVersion" => GATEWAY_API,
            "kind" => family.kind(),
            "metadata" => map! {"name" => name.as_str(), "namespace" => self.cluster.namespace.as_str(), "annotations" => annotations},
            "spec" => map! {
                "parentRefs" => parent_refs,
                "hostnames" => hostnames.flatten().map(|host| vec![Node::from(host)]),
                "rules" => vec![rule_node],
            },
        });
    }

    fn gateway_hostnames(&mut self, at: &At, setting: &str, matcher: &GatewayRouteHostnameMatch, object: &str) -> Option<String> {
        if let Some(exact) = &matcher.exact {
            match hostname(exact.as_str()) {
                Some(host) => {
                    self.report.became(at, format!("{setting}.exact"), object, "spec.hostnames[0]");
                    return Some(host);
                }
                None => self.report.not_carried(at, format!("{setting}.exact"), format!("not a host name Gateway API takes: {WIDER}")),
            }
        }
        if let Some(suffix) = &matcher.suffix {
            let wildcard = suffix.as_str().strip_prefix('.').and_then(hostname).map(|host| format!("*.{host}"));
            match wildcard {
                Some(host) => {
                    self.report.became_with(
                        at,
                        format!("{setting}.suffix"),
                        object,
                        "spec.hostnames[0]",
                        "a wildcard host name: it matches names ending in the suffix after a dot",
                    );
                    return Some(host);
                }
                None => self.report.not_carried(
                    at,
                    format!("{setting}.suffix"),
                    format!(
                        "Gateway API's wildcard host names match whole labels (*.example.com); this suffix does not start a label: {WIDER}"
                    ),
                ),
            }
        }
        None
    }

    /// The backendRefs of a gateway route's target virtual service: its node's Service, or
    /// the targets of its router's first route (Gateway API cannot send to another route).
    fn gateway_target(&mut self, at: &At, base: &str, target: &GatewayRouteTarget, object: &str) -> Vec<Node> {
        let setting = format!("{base}.action.target");
        let service = target.virtual_service.virtual_service_name.as_str();
        let provider = self.cluster.service(service).and_then(|service| service.spec.provider.clone());
        match provider {
            Some(VirtualServiceProvider::VirtualNode(provider)) => {
                let (node, _) = self.backend_ref(provider.virtual_node_name.as_str(), target.port, None);
                self.report.became_with(
                    at,
                    setting,
                    object,
                    "spec.rules[0].backendRefs[0]",
                    format!("the Service of {service}'s virtual node"),
                );
                vec![node]
            }
            Some(VirtualServiceProvider::VirtualRouter(provider)) => {
                let routes = self.cluster.routes_of(provider.virtual_router_name.as_str());
                let Some(first) = routes.first() else {
                    self.report.not_carried(at, setting, format!("{service}'s router has no routes here: the rule has no backend"));
                    return Vec::new();
                };
                self.report.became_with(at, setting, object, "spec.rules[0].backendRefs", format!("a route cannot send to another route: the targets of {service}'s first route {} are written, the router's other routes do not apply here", first.name));
                first
                    .spec
                    .weighted_targets()
                    .as_slice()
                    .iter()
                    .map(|t| self.backend_ref(t.virtual_node.as_str(), t.port, Some(t.weight.get())).0)
                    .collect()
            }
            None => {
                self.report.not_carried(at, setting, format!("virtual service {service} has no provider here: the rule has no backend"));
                Vec::new()
            }
        }
    }

    fn http_rewrite(
        &mut self,
        at: &At,
        base: &str,
        action: &HttpGatewayRouteAction,
        object: &str,
        matcher: &HttpGatewayRouteMatch,
    ) -> Vec<Node> {
        let Some(rewrite) = &action.rewrite else { return Vec::new() };
        let setting = format!("{base}.action.rewrite");
        let mut filters = self.hostname_rewrite(
            at,
            &format!("{setting}.hostname"),
            rewrite.hostname.as_ref().unwrap_or(&GatewayRouteHostnameRewrite::default()),
            &action.target,
            object,
        );
        let mut path = None;
        if let Some(prefix) = &rewrite.prefix {
            let replacement = match (&prefix.value, prefix.default_prefix) {
                (Some(value), _) => Some(value.as_str().to_string()),
                (None, Some(DefaultGatewayRouteRewrite::Disabled)) => None,
                (None, _) => Some("/".to_string()),
            };
            match (replacement, matcher.prefix.is_some()) {
                (Some(value), true) => {
                    path = Some(map! {"type" => "ReplacePrefixMatch", "replacePrefixMatch" => value});
                    self.report.became_with(
                        at,
                        format!("{setting}.prefix"),
                        object,
                        "spec.rules[0].filters[URLRewrite].urlRewrite.path",
                        IGNORED_BY_LATTICE,
                    );
                }
                (Some(_), false) => {
                    self.report.not_carried(at, format!("{setting}.prefix"), "Gateway API replaces a prefix only of a PathPrefix match")
                }
                (None, _) => self.report.became(at, format!("{setting}.prefix"), object, "spec.rules[0].filters (no rewrite)"),
            }
        }
        if let Some(exact) = rewrite.path.as_ref().and_then(|path| path.exact.as_ref()) {
            path = Some(map! {"type" => "ReplaceFullPath", "replaceFullPath" => exact.as_str()});
            self.report.became_with(
                at,
                format!("{setting}.path.exact"),
                object,
                "spec.rules[0].filters[URLRewrite].urlRewrite.path",
                IGNORED_BY_LATTICE,
            );
        }
        if let Some(path) = path {
            match filters.first_mut().and_then(|filter| filter.entries_mut()) {
                Some(filter) => {
                    if let Some((_, Node::Map(rewrite))) = filter.iter_mut().find(|(key, _)| key == "urlRewrite") {
                        rewrite.push(("path".to_string(), path));
                    }
                }
                None => filters.push(map! {"type" => "URLRewrite", "urlRewrite" => map! {"path" => path}}),
            }
        }
        filters
    }

    /// App Mesh rewrites the host name to the target service's unless told not to.
    fn hostname_rewrite(
        &mut self,
        at: &At,
        setting: &str,
        rewrite: &GatewayRouteHostnameRewrite,
        target: &GatewayRouteTarget,
        object: &str,
    ) -> Vec<Node> {
        let service = target.virtual_service.virtual_service_name.as_str();
        match rewrite.default_target_hostname {
            Some(DefaultGatewayRouteRewrite::Disabled) => {
                self.report.became(at, format!("{setting}.defaultTargetHostname"), object, "spec.rules[0].filters (no host name rewrite)");
                Vec::new()
            }
            enabled => {
                let Some(host) = hostname(service) else {
                    self.report.not_carried_if(
                        enabled.is_some(),
                        at,
                        format!("{setting}.defaultTargetHostname"),
                        format!("{service:?} is not a host name a URLRewrite takes"),
                    );
                    return Vec::new();
                };
                if enabled.is_some() {
                    self.report.became_with(
                        at,
                        format!("{setting}.defaultTargetHostname"),
                        object,
                        "spec.rules[0].filters[URLRewrite].urlRewrite.hostname",
                        IGNORED_BY_LATTICE,
                    );
                }
                vec![map! {"type" => "URLRewrite", "urlRewrite" => map! {"hostname" => host}}]
            }
        }
    }
}

/// `name`, `name-2`, … for the chunks of a route object with more rules than one can hold.
fn chunked(name: &str, chunk: usize) -> String {
    if chunk == 0 { name.to_string() } else { format!("{name}-{}", chunk + 1) }
}

fn non_empty(node: Node) -> Option<Node> {
    match &node {
        Node::Map(entries) if entries.is_empty() => None,
        _ => Some(node),
    }
}

/// The Lattice tags annotation, `key=value,…`, and the tags it cannot hold (a `,` or `=`).
fn tags_annotation(tags: &[TagRef]) -> (String, Vec<String>) {
    let rejected: Vec<String> = tags
        .iter()
        .filter(|tag| tag.key.as_str().contains([',', '=']) || tag.value.as_str().contains([',', '=']))
        .map(|tag| tag.key.to_string())
        .collect();
    let annotation = tags.iter().map(|tag| format!("{}={}", tag.key, tag.value)).collect::<Vec<_>>().join(",");
    (annotation, rejected)
}

/// How the Gateway API names a port's protocol (GEP-1911).
fn app_protocol(protocol: PortProtocol) -> Option<&'static str> {
    match protocol {
        PortProtocol::Http => Some("http"),
        PortProtocol::Http2 | PortProtocol::Grpc => Some("kubernetes.io/h2c"),
        PortProtocol::Tcp => None,
    }
}

fn listener_node(section: &str, protocol: &str, port: u16) -> Node {
    map! {"name" => section, "protocol" => protocol, "port" => port}
}

fn gateway_object(name: &str, namespace: &str, listeners: Vec<Node>) -> Node {
    map! {
        "apiVersion" => GATEWAY_API,
        "kind" => "Gateway",
        "metadata" => map! {"name" => name, "namespace" => namespace},
        "spec" => map! {"gatewayClassName" => LATTICE_CLASS, "listeners" => listeners},
    }
}
