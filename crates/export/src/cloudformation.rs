//! A CloudFormation template (YAML) of `AWS::AppMesh::*` resources. CloudFormation spells the
//! API's members in PascalCase (a few in capitals: `TLS`, `HTTP2`, `AWSCloudMap`…, as its
//! registry schemas have them); names of resources in the template are taken from them with
//! `Fn::GetAtt`, so CloudFormation orders the creates, and a route's targets, which it names
//! by plain name, come with `DependsOn`.

use crate::ExportContext;
use crate::names::{UniqueNames, logical_id};
use crate::scope::Scope;
use crate::yaml::{Node, documents, map};
use mesh_engine::mesh_config::MeshConfig;
use mesh_engine::resource::TagRef;
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Logical ids longer than this are shortened (CloudFormation allows 255).
const LOGICAL_ID_MAX: usize = 255;

pub(crate) fn template(config: &MeshConfig, scope: &Scope, context: &ExportContext) -> String {
    let mut ids = Ids::default();
    let mesh_id = scope.include_mesh.then(|| ids.claim("Mesh", "Mesh", config.mesh_name.as_str()));
    let node_ids: Vec<String> = config.virtual_nodes.iter().map(|d| ids.claim("VirtualNode", "VirtualNode", d.name.as_str())).collect();
    let router_ids: Vec<String> =
        config.virtual_routers.iter().map(|d| ids.claim("VirtualRouter", "VirtualRouter", d.name.as_str())).collect();
    let route_ids: Vec<String> = config.routes.iter().map(|d| ids.claim_child("Route", &format!("{} {}", d.parent, d.name))).collect();
    let service_ids: Vec<String> =
        config.virtual_services.iter().map(|d| ids.claim("VirtualService", "VirtualService", d.name.as_str())).collect();
    let gateway_ids: Vec<String> =
        config.virtual_gateways.iter().map(|d| ids.claim("VirtualGateway", "VirtualGateway", d.name.as_str())).collect();
    let gateway_route_ids: Vec<String> =
        config.gateway_routes.iter().map(|d| ids.claim_child("GatewayRoute", &format!("{} {}", d.parent, d.name))).collect();

    let mesh_name = match &mesh_id {
        Some(id) => get_att(id, "MeshName"),
        None => json!(config.mesh_name),
    };
    let mut resources: Vec<(String, Node)> = Vec::new();
    if let Some(id) = &mesh_id {
        let properties = vec![("MeshName", json!(config.mesh_name)), ("Spec", pascal_spec(&config.spec))];
        resources.push((id.clone(), resource("Mesh", properties, &config.tags, &[])));
    }
    for (node, id) in config.virtual_nodes.iter().zip(&node_ids) {
        let properties = vec![("MeshName", mesh_name.clone()), ("VirtualNodeName", json!(node.name)), ("Spec", pascal_spec(&node.spec))];
        resources.push((id.clone(), resource("VirtualNode", properties, &node.tags, &[])));
    }
    for (router, id) in config.virtual_routers.iter().zip(&router_ids) {
        let mut spec = pascal_spec(&router.spec);
        // CloudFormation requires the member that the API leaves optional: no listeners is an empty list.
        spec.as_object_mut().expect("a spec is an object").entry("Listeners").or_insert(json!([]));
        let properties = vec![("MeshName", mesh_name.clone()), ("VirtualRouterName", json!(router.name)), ("Spec", spec)];
        resources.push((id.clone(), resource("VirtualRouter", properties, &router.tags, &[])));
    }
    for (route, id) in config.routes.iter().zip(&route_ids) {
        let router_name = ids.reference("VirtualRouter", route.parent.as_str(), "VirtualRouterName");
        let mut depends_on: Vec<String> = Vec::new();
        for target in route.spec.weighted_targets().as_slice() {
            if let Some(node) = ids.id_of("VirtualNode", target.virtual_node.as_str())
                && !depends_on.contains(node)
            {
                depends_on.push(node.clone());
            }
        }
        let properties = vec![
            ("MeshName", mesh_name.clone()),
            ("VirtualRouterName", router_name),
            ("RouteName", json!(route.name)),
            ("Spec", pascal_spec(&route.spec)),
        ];
        resources.push((id.clone(), resource("Route", properties, &route.tags, &depends_on)));
    }
    for (service, id) in config.virtual_services.iter().zip(&service_ids) {
        let mut spec = pascal_spec(&service.spec);
        if let Some(provider) = &service.spec.provider {
            let (kind, member) = match provider.kind() {
                mesh_engine::resource::ProviderKind::VirtualNode => ("VirtualNode", "VirtualNodeName"),
                mesh_engine::resource::ProviderKind::VirtualRouter => ("VirtualRouter", "VirtualRouterName"),
            };
            spec["Provider"][kind][member] = ids.reference(kind, provider.name().as_str(), member);
        }
        let properties = vec![("MeshName", mesh_name.clone()), ("VirtualServiceName", json!(service.name)), ("Spec", spec)];
        resources.push((id.clone(), resource("VirtualService", properties, &service.tags, &[])));
    }
    for (gateway, id) in config.virtual_gateways.iter().zip(&gateway_ids) {
        let properties =
            vec![("MeshName", mesh_name.clone()), ("VirtualGatewayName", json!(gateway.name)), ("Spec", pascal_spec(&gateway.spec))];
        resources.push((id.clone(), resource("VirtualGateway", properties, &gateway.tags, &[])));
    }
    for (route, id) in config.gateway_routes.iter().zip(&gateway_route_ids) {
        let mut spec = pascal_spec(&route.spec);
        let service = route.spec.target_service().as_str();
        let type_member = match route.spec.route_type() {
            mesh_engine::spec::RouteType::Http => "HttpRoute",
            mesh_engine::spec::RouteType::Http2 => "Http2Route",
            _ => "GrpcRoute",
        };
        spec[type_member]["Action"]["Target"]["VirtualService"]["VirtualServiceName"] =
            ids.reference("VirtualService", service, "VirtualServiceName");
        let properties = vec![
            ("MeshName", mesh_name.clone()),
            ("VirtualGatewayName", ids.reference("VirtualGateway", route.parent.as_str(), "VirtualGatewayName")),
            ("GatewayRouteName", json!(route.name)),
            ("Spec", spec),
        ];
        resources.push((id.clone(), resource("GatewayRoute", properties, &route.tags, &[])));
    }

    let description = format!("App Mesh mesh {}, exported by Mesh Console on {}", config.mesh_name, context.date);
    let template = map! {
        "AWSTemplateFormatVersion" => "2010-09-09",
        "Description" => description,
        "Resources" => Node::Map(resources),
    };
    let comment = vec![
        format!("App Mesh configuration of the mesh {}, as a CloudFormation template.", config.mesh_name),
        format!("Deploy: aws cloudformation deploy --template-file <this file> --stack-name <name> --region {}", context.region),
    ];
    documents(&comment, &[template])
}

/// The logical ids handed out, by kind and App Mesh name (a route's: router and route).
#[derive(Default)]
struct Ids {
    unique: UniqueNames,
    by_name: HashMap<(&'static str, String), String>,
}

impl Ids {
    fn claim(&mut self, prefix: &str, kind: &'static str, name: &str) -> String {
        let id = self.unique.claim(logical_id(prefix, name), "", LOGICAL_ID_MAX);
        self.by_name.insert((kind, name.to_string()), id.clone());
        id
    }

    fn claim_child(&mut self, prefix: &str, name: &str) -> String {
        self.unique.claim(logical_id(prefix, name), "", LOGICAL_ID_MAX)
    }

    fn id_of(&self, kind: &'static str, name: &str) -> Option<&String> {
        self.by_name.get(&(kind, name.to_string()))
    }

    /// `Fn::GetAtt` of the resource's name when the template holds it, its plain name otherwise.
    fn reference(&self, kind: &'static str, name: &str, attribute: &str) -> Value {
        match self.id_of(kind, name) {
            Some(id) => get_att(id, attribute),
            None => json!(name),
        }
    }
}

fn get_att(id: &str, attribute: &str) -> Value {
    json!({"Fn::GetAtt": [id, attribute]})
}

fn resource(kind: &str, properties: Vec<(&str, Value)>, tags: &[TagRef], depends_on: &[String]) -> Node {
    let mut properties: Vec<(String, Node)> = properties.into_iter().map(|(key, value)| (key.to_string(), Node::from(&value))).collect();
    if !tags.is_empty() {
        let tags = tags.iter().map(|tag| map! {"Key" => tag.key.as_str(), "Value" => tag.value.as_str()}).collect();
        properties.push(("Tags".to_string(), Node::List(tags)));
    }
    let depends_on = Node::list_or_absent(depends_on.iter().map(Node::from).collect());
    map! {
        "Type" => format!("AWS::AppMesh::{kind}"),
        "DependsOn" => depends_on,
        "Properties" => Node::Map(properties),
    }
}

/// A spec as CloudFormation spells it: every member name in PascalCase.
fn pascal_spec(spec: &impl Serialize) -> Value {
    pascal_case(serde_json::to_value(spec).expect("a spec serializes"))
}

fn pascal_case(value: Value) -> Value {
    match value {
        Value::Object(members) => {
            Value::Object(members.into_iter().map(|(key, value)| (pascal_member(&key), pascal_case(value))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(pascal_case).collect()),
        other => other,
    }
}

/// A member name as CloudFormation's App Mesh schemas spell it.
fn pascal_member(member: &str) -> String {
    let capitals = match member {
        "tls" => "TLS",
        "acm" => "ACM",
        "sds" => "SDS",
        "dns" => "DNS",
        "http" => "HTTP",
        "http2" => "HTTP2",
        "grpc" => "GRPC",
        "tcp" => "TCP",
        "awsCloudMap" => "AWSCloudMap",
        _ => {
            let mut chars = member.chars();
            return chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default();
        }
    };
    capitals.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_spelled_as_cloudformation_does() {
        let spec = json!({"listeners": [{"tls": {"certificate": {"acm": {"certificateArn": "a"}}}, "timeout": {"http2": {}}}],
            "serviceDiscovery": {"awsCloudMap": {"namespaceName": "n"}}});
        assert_eq!(
            pascal_case(spec),
            json!({"Listeners": [{"TLS": {"Certificate": {"ACM": {"CertificateArn": "a"}}}, "Timeout": {"HTTP2": {}}}],
                "ServiceDiscovery": {"AWSCloudMap": {"NamespaceName": "n"}}})
        );
    }
}
