//! App Mesh controller manifests (`appmesh.k8s.aws/v1beta2`, aws-app-mesh-controller-for-k8s
//! v1.13): a Namespace labelled for the mesh, the cluster-wide Mesh that selects it, and a
//! namespaced object per App Mesh resource, routes inside their VirtualRouter.
//!
//! Every object sets `awsName` to the App Mesh name: the controller's webhooks would otherwise
//! name the App Mesh resource `<name>_<namespace>` (`<name>.<namespace>` for a virtual
//! service). Objects refer to one another by `…Ref` (Kubernetes names); a resource the export
//! does not hold is referred to by its ARN. `meshRef` and `virtualGatewayRef` are left to the
//! webhooks, which refuse a create that sets them: membership comes from the Mesh's namespace
//! selector and the VirtualGateway's gateway route selector.

use crate::ExportContext;
use crate::names::{NameRule, UniqueNames, kubernetes_name};
use crate::scope::Scope;
use crate::yaml::{Node, documents, map};
use mesh_engine::mesh_config::MeshConfig;
use mesh_engine::spec::IpPreference;
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashMap;

const API_VERSION: &str = "appmesh.k8s.aws/v1beta2";
/// The label of the namespace the Mesh selects, and of the gateway routes a VirtualGateway selects.
const MESH_LABEL: &str = "mesh";
const GATEWAY_LABEL: &str = "appmesh.k8s.aws/virtualGateway";
/// The label the pods of a virtual node or gateway are expected to carry.
const APP_LABEL: &str = "app";

pub(crate) fn manifests(config: &MeshConfig, scope: &Scope, context: &ExportContext) -> String {
    let objects = Objects::new(config, context);
    let mut notes = Vec::new();
    let mut nodes = Vec::new();
    if scope.include_mesh {
        nodes.push(map! {
            "apiVersion" => "v1",
            "kind" => "Namespace",
            "metadata" => map! {
                "name" => objects.namespace.as_str(),
                "labels" => map! {MESH_LABEL => objects.mesh_label.as_str(), "appmesh.k8s.aws/sidecarInjectorWebhook" => "enabled"},
            },
        });
        let mut spec = map! {
            "awsName" => config.mesh_name.as_str(),
            "namespaceSelector" => map! {"matchLabels" => map! {MESH_LABEL => objects.mesh_label.as_str()}},
            "egressFilter" => config.spec.egress_filter.as_ref().map(|filter| map! {"type" => filter.kind.as_str()}),
        };
        if let Some(preference) = config.spec.service_discovery.as_ref().and_then(|discovery| discovery.ip_preference) {
            match preference {
                IpPreference::Ipv4Only | IpPreference::Ipv6Only => {
                    spec.entries_mut().expect("a map").push(("meshServiceDiscovery".into(), map! {"ipPreference" => preference.as_str()}));
                }
                _ => notes.push(format!(
                    "mesh {}: spec.serviceDiscovery.ipPreference {} is not carried (the controller's Mesh takes IPv4_ONLY or IPv6_ONLY)",
                    config.mesh_name,
                    preference.as_str()
                )),
            }
        }
        nodes.push(object("Mesh", &objects.mesh, None, Node::Null, spec));
    }
    for node in &config.virtual_nodes {
        let mut spec = objects.spec_json(&node.spec);
        for backend in spec.get_mut("backends").and_then(Value::as_array_mut).into_iter().flatten() {
            let service = &mut backend["virtualService"];
            let name = service["virtualServiceName"].take();
            service.as_object_mut().expect("a backend's virtual service").remove("virtualServiceName");
            let (member, reference) = objects.reference("VirtualService", name.as_str().unwrap_or_default());
            service[member] = reference;
        }
        for method in ["dns", "awsCloudMap"] {
            let discovery = spec.pointer_mut(&format!("/serviceDiscovery/{method}")).and_then(Value::as_object_mut);
            if let Some(preference) = discovery.and_then(|members| members.remove("ipPreference")) {
                notes.push(format!(
                    "virtual node {}: spec.serviceDiscovery.{method}.ipPreference {} is not carried (the controller's VirtualNode has no such member)",
                    node.name,
                    preference.as_str().unwrap_or_default()
                ));
            }
        }
        let mut spec_node = map! {
            "awsName" => node.name.as_str(),
            "podSelector" => map! {"matchLabels" => map! {APP_LABEL => kubernetes_name(node.name.as_str(), NameRule::Label)}},
        };
        append_members(&mut spec_node, &spec);
        nodes.push(object("VirtualNode", objects.name("VirtualNode", node.name.as_str()), Some(&objects.namespace), Node::Null, spec_node));
    }
    for router in &config.virtual_routers {
        let mut spec_node = map! {"awsName" => router.name.as_str()};
        append_members(&mut spec_node, &objects.spec_json(&router.spec));
        let routes: Vec<Node> = config
            .routes
            .iter()
            .filter(|route| route.parent == router.name)
            .map(|route| {
                let mut spec = objects.spec_json(&route.spec);
                for route_type in ["httpRoute", "http2Route", "grpcRoute", "tcpRoute"] {
                    let targets = spec.pointer_mut(&format!("/{route_type}/action/weightedTargets")).and_then(Value::as_array_mut);
                    for target in targets.into_iter().flatten() {
                        let node = target.as_object_mut().expect("a weighted target").remove("virtualNode").unwrap_or_default();
                        let (member, reference) = objects.reference("VirtualNode", node.as_str().unwrap_or_default());
                        target[member] = reference;
                    }
                }
                let mut route_node = map! {"name" => route.name.as_str()};
                append_members(&mut route_node, &spec);
                route_node
            })
            .collect();
        crate::yaml::push(spec_node.entries_mut().expect("a map"), "routes", Node::list_or_absent(routes));
        nodes.push(object(
            "VirtualRouter",
            objects.name("VirtualRouter", router.name.as_str()),
            Some(&objects.namespace),
            Node::Null,
            spec_node,
        ));
    }
    for service in &config.virtual_services {
        let provider = service.spec.provider.as_ref().map(|provider| {
            let (kind, member) = match provider.kind() {
                mesh_engine::resource::ProviderKind::VirtualNode => ("VirtualNode", "virtualNode"),
                mesh_engine::resource::ProviderKind::VirtualRouter => ("VirtualRouter", "virtualRouter"),
            };
            let (reference_member, reference) = objects.reference(kind, provider.name().as_str());
            map! {member => map! {reference_member => Node::from(&reference)}}
        });
        let spec = map! {"awsName" => service.name.as_str(), "provider" => provider};
        nodes.push(object(
            "VirtualService",
            objects.name("VirtualService", service.name.as_str()),
            Some(&objects.namespace),
            Node::Null,
            spec,
        ));
    }
    for gateway in &config.virtual_gateways {
        let name = objects.name("VirtualGateway", gateway.name.as_str());
        let mut spec_node = map! {
            "awsName" => gateway.name.as_str(),
            "namespaceSelector" => map! {"matchLabels" => map! {MESH_LABEL => objects.mesh_label.as_str()}},
            "podSelector" => map! {"matchLabels" => map! {APP_LABEL => kubernetes_name(gateway.name.as_str(), NameRule::Label)}},
            "gatewayRouteSelector" => map! {"matchLabels" => map! {GATEWAY_LABEL => kubernetes_name(name, NameRule::Label)}},
        };
        append_members(&mut spec_node, &objects.spec_json(&gateway.spec));
        nodes.push(object("VirtualGateway", name, Some(&objects.namespace), Node::Null, spec_node));
    }
    for route in &config.gateway_routes {
        let mut spec = objects.spec_json(&route.spec);
        for route_type in ["httpRoute", "http2Route", "grpcRoute"] {
            if let Some(service) = spec.pointer_mut(&format!("/{route_type}/action/target/virtualService")).and_then(Value::as_object_mut) {
                let name = service.remove("virtualServiceName").unwrap_or_default();
                let (member, reference) = objects.reference("VirtualService", name.as_str().unwrap_or_default());
                service.insert(member.to_string(), reference);
            }
        }
        let mut spec_node = map! {"awsName" => route.name.as_str()};
        append_members(&mut spec_node, &spec);
        let gateway = objects.names.get(&("VirtualGateway", route.parent.to_string())).cloned();
        let gateway_label = kubernetes_name(gateway.as_deref().unwrap_or(route.parent.as_str()), NameRule::Label);
        let labels = map! {GATEWAY_LABEL => gateway_label};
        let name = objects.gateway_route_names.get(&(route.parent.to_string(), route.name.to_string())).expect("named");
        nodes.push(object("GatewayRoute", name, Some(&objects.namespace), labels, spec_node));
    }

    let mut comment = vec![
        format!("App Mesh controller manifests (appmesh.k8s.aws/v1beta2) of the mesh {}.", config.mesh_name),
        format!("Exported by Mesh Console on {}. Apply: kubectl apply -f <this file>", context.date),
        format!("Pods of a virtual node or gateway must carry the label {APP_LABEL}: <its object name>."),
    ];
    if !notes.is_empty() {
        comment.push("Not carried:".to_string());
        comment.extend(notes.into_iter().map(|note| format!("- {note}")));
    }
    documents(&comment, &nodes)
}

/// The names of every object, claimed up front so that references find them.
struct Objects<'a> {
    context: &'a ExportContext,
    mesh_name: String,
    namespace: String,
    mesh: String,
    mesh_label: String,
    names: HashMap<(&'static str, String), String>,
    gateway_route_names: HashMap<(String, String), String>,
}

impl<'a> Objects<'a> {
    fn new(config: &MeshConfig, context: &'a ExportContext) -> Self {
        let mut names = HashMap::new();
        let mut claim = |kind: &'static str, raw: Vec<&str>| {
            let mut unique = UniqueNames::default();
            for name in raw {
                let claimed = unique.claim(kubernetes_name(name, NameRule::Subdomain), "-", NameRule::Subdomain.max());
                names.insert((kind, name.to_string()), claimed);
            }
        };
        claim("VirtualNode", config.virtual_nodes.iter().map(|d| d.name.as_str()).collect());
        claim("VirtualRouter", config.virtual_routers.iter().map(|d| d.name.as_str()).collect());
        claim("VirtualService", config.virtual_services.iter().map(|d| d.name.as_str()).collect());
        claim("VirtualGateway", config.virtual_gateways.iter().map(|d| d.name.as_str()).collect());
        let mut unique = UniqueNames::default();
        let gateway_route_names = config
            .gateway_routes
            .iter()
            .map(|route| {
                let name = kubernetes_name(&format!("{}-{}", route.parent, route.name), NameRule::Subdomain);
                ((route.parent.to_string(), route.name.to_string()), unique.claim(name, "-", NameRule::Subdomain.max()))
            })
            .collect();
        Self {
            context,
            mesh_name: config.mesh_name.to_string(),
            namespace: kubernetes_name(config.mesh_name.as_str(), NameRule::Label),
            mesh: kubernetes_name(config.mesh_name.as_str(), NameRule::Subdomain),
            mesh_label: kubernetes_name(config.mesh_name.as_str(), NameRule::Label),
            names,
            gateway_route_names,
        }
    }

    fn name(&self, kind: &'static str, name: &str) -> &str {
        self.names.get(&(kind, name.to_string())).expect("every object's name is claimed")
    }

    /// `virtualNodeRef: {name}` when the export holds the resource, `virtualNodeARN` otherwise.
    fn reference(&self, kind: &'static str, name: &str) -> (&'static str, Value) {
        let (reference, arn) = match kind {
            "VirtualNode" => ("virtualNodeRef", "virtualNodeARN"),
            "VirtualRouter" => ("virtualRouterRef", "virtualRouterARN"),
            _ => ("virtualServiceRef", "virtualServiceARN"),
        };
        match self.names.get(&(kind, name.to_string())) {
            Some(object) => (reference, json!({"name": object})),
            None => {
                let segment = kind[..1].to_ascii_lowercase() + &kind[1..];
                let arn_value =
                    format!("arn:aws:appmesh:{}:{}:mesh/{}/{segment}/{name}", self.context.region, self.context.account, self.mesh_name);
                (arn, json!(arn_value))
            }
        }
    }

    /// A spec's JSON with the controller's spelling of ARN members.
    fn spec_json(&self, spec: &impl Serialize) -> Value {
        rename_arn_members(serde_json::to_value(spec).expect("a spec serializes"))
    }
}

/// The controller spells `certificateAuthorityArns` and `certificateArn` with `ARN`.
fn rename_arn_members(value: Value) -> Value {
    match value {
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(key, value)| {
                    let key = match key.as_str() {
                        "certificateAuthorityArns" => "certificateAuthorityARNs".to_string(),
                        "certificateArn" => "certificateARN".to_string(),
                        _ => key,
                    };
                    (key, rename_arn_members(value))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(rename_arn_members).collect()),
        other => other,
    }
}

/// Adds a JSON object's members to a map node.
fn append_members(node: &mut Node, members: &Value) {
    let entries = node.entries_mut().expect("a map");
    for (key, value) in members.as_object().into_iter().flatten() {
        crate::yaml::push(entries, key.clone(), Node::from(value));
    }
}

fn object(kind: &str, name: &str, namespace: Option<&str>, labels: Node, spec: Node) -> Node {
    map! {
        "apiVersion" => API_VERSION,
        "kind" => kind,
        "metadata" => map! {"name" => name, "namespace" => namespace, "labels" => labels},
        "spec" => spec,
    }
}
