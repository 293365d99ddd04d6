//! AWS CloudFormation templates, YAML or JSON: every `AWS::AppMesh::*` resource, its
//! properties mapped to the API's members (`names`), its intrinsic functions and conditions
//! resolved as CloudFormation would (`intrinsics`). Other resource types are listed as skipped.
//!
//! `Ref` of an App Mesh resource gives its ARN, as CloudFormation documents for every
//! `AWS::AppMesh::*` type ("Ref returns the resource ARN"); its names come from `Fn::GetAtt`
//! (`MeshName`, `VirtualNodeName`, …). A name that is an ARN is refused with that hint.

mod intrinsics;
mod names;

use crate::ImportOptions;
use crate::plan::{Draft, Format, Lines, Parameters, Place, Plan, Problem, Skipped, finish};
use crate::typed::Reading;
use crate::yaml::Node;
use intrinsics::{MeshNames, Resolver, arn_instead_of_name};
use mesh_engine::mesh_config::ResourceKind;
use serde_json::Value;
use std::collections::BTreeMap;

/// An App Mesh resource type: its kind and the properties that name it.
#[derive(Debug)]
pub struct AppMeshType {
    pub type_name: &'static str,
    pub kind: ResourceKind,
    /// `VirtualNodeName`; `None` for a mesh, whose name is `MeshName`.
    pub name_property: Option<&'static str>,
    /// A route's `VirtualRouterName`, a gateway route's `VirtualGatewayName`.
    pub parent_property: Option<&'static str>,
}

const APP_MESH_TYPES: [AppMeshType; 7] = [
    AppMeshType { type_name: "AWS::AppMesh::Mesh", kind: ResourceKind::Mesh, name_property: None, parent_property: None },
    AppMeshType {
        type_name: "AWS::AppMesh::VirtualNode",
        kind: ResourceKind::VirtualNode,
        name_property: Some("VirtualNodeName"),
        parent_property: None,
    },
    AppMeshType {
        type_name: "AWS::AppMesh::VirtualRouter",
        kind: ResourceKind::VirtualRouter,
        name_property: Some("VirtualRouterName"),
        parent_property: None,
    },
    AppMeshType {
        type_name: "AWS::AppMesh::Route",
        kind: ResourceKind::Route,
        name_property: Some("RouteName"),
        parent_property: Some("VirtualRouterName"),
    },
    AppMeshType {
        type_name: "AWS::AppMesh::VirtualService",
        kind: ResourceKind::VirtualService,
        name_property: Some("VirtualServiceName"),
        parent_property: None,
    },
    AppMeshType {
        type_name: "AWS::AppMesh::VirtualGateway",
        kind: ResourceKind::VirtualGateway,
        name_property: Some("VirtualGatewayName"),
        parent_property: None,
    },
    AppMeshType {
        type_name: "AWS::AppMesh::GatewayRoute",
        kind: ResourceKind::GatewayRoute,
        name_property: Some("GatewayRouteName"),
        parent_property: Some("VirtualGatewayName"),
    },
];

/// The sections of a template the resolver reads.
pub struct Template<'t> {
    pub parameters: BTreeMap<String, &'t Node>,
    pub mappings: Option<&'t Node>,
    pub conditions: BTreeMap<String, &'t Node>,
    pub resources: Vec<(String, &'t Node)>,
}

impl<'t> Template<'t> {
    pub fn resource(&self, id: &str) -> Option<&'t Node> {
        self.resources.iter().find(|(logical_id, _)| logical_id == id).map(|(_, node)| *node)
    }

    /// An App Mesh resource's type, or the type name of another resource.
    pub fn resource_type(&self, id: &str) -> Option<Result<&'static AppMeshType, String>> {
        let type_name = self.resource(id)?.get("Type").and_then(Node::scalar).unwrap_or_default();
        Some(APP_MESH_TYPES.iter().find(|known| known.type_name == type_name).ok_or_else(|| type_name.to_string()))
    }
}

pub fn is_template(document: &Node) -> bool {
    document.entries().is_some() && (document.get("Resources").is_some() || document.get("AWSTemplateFormatVersion").is_some())
}

fn named_entries(node: Option<&Node>) -> Vec<(String, &Node)> {
    node.and_then(Node::entries).unwrap_or_default().iter().map(|(key, value)| (key.key_text(), value)).collect()
}

pub fn read(document: &Node, options: &ImportOptions) -> Plan {
    let mut problems = Vec::new();
    let Some(resources) = document.get("Resources").filter(|resources| resources.entries().is_some()) else {
        return Plan::unreadable(
            Some(Format::CloudFormation),
            Problem::new(Some(document.line), "Resources: the template must have a Resources mapping"),
        );
    };
    let mut parameters = Parameters::new(&options.parameters);
    for (name, declaration) in named_entries(document.get("Parameters")) {
        let text = |key: &str| declaration.get(key).map(|node| scalar_or_list(&node.to_json()));
        parameters.declare(&name, text("Description"), text("Default"));
    }
    let template = Template {
        parameters: named_entries(document.get("Parameters")).into_iter().collect(),
        mappings: document.get("Mappings"),
        conditions: named_entries(document.get("Conditions")).into_iter().collect(),
        resources: named_entries(Some(resources)),
    };
    check_allowed_values(&template, options, &mut problems);
    let mut resolver = Resolver::new(template, options, parameters);
    let mut drafts = Vec::new();
    let mut skipped = Vec::new();
    for (id, resource) in resolver.template.resources.clone() {
        let place = Place { line: Some(resource.line), logical_id: Some(id.clone()), ..Place::default() };
        let type_name = resource.get("Type").and_then(Node::scalar).unwrap_or_default().to_string();
        let Some(Ok(app_mesh)) = resolver.template.resource_type(&id) else {
            let reason =
                if type_name.starts_with("AWS::AppMesh::") { "not an App Mesh type this import knows" } else { "not an App Mesh resource" };
            skipped.push(Skipped { place, kind: type_name, reason: reason.into() });
            continue;
        };
        resolver.user = id.clone();
        resolver.waits_for.clear();
        match read_resource(&mut resolver, &id, resource, app_mesh) {
            Ok(Some(draft)) => drafts.push(draft),
            Ok(None) => {
                let condition = resource.get("Condition").and_then(Node::scalar).unwrap_or_default();
                skipped.push(Skipped { place, kind: type_name, reason: format!("its condition {condition} is false") });
            }
            Err(problem) => {
                let mut draft = Draft::new(app_mesh.kind, String::new(), id.clone(), place, Value::Null);
                draft.problems.push(Problem { line: problem.line.or(Some(resource.line)), message: problem.message });
                drafts.push(unjudged(draft));
            }
        }
    }
    for name in options.parameters.keys() {
        if !resolver.parameters.is_declared(name) {
            problems.push(Problem::new(None, format!("parameter {name}: the template has no parameter of that name")));
        }
    }
    finish(Format::CloudFormation, drafts, resolver.parameters.into_list(), skipped, problems)
}

/// A resource that could not be read far enough to judge is shown with its problem alone.
fn unjudged(mut draft: Draft) -> Draft {
    draft.judged = false;
    draft
}

fn read_resource(resolver: &mut Resolver<'_>, id: &str, resource: &Node, app_mesh: &'static AppMeshType) -> Result<Option<Draft>, Problem> {
    if let Some(condition) = resource.get("Condition") {
        let name = resolver.text(condition, "Condition")?;
        if !resolver.condition(&name, condition)? {
            return Ok(None);
        }
    }
    let mut problems = Vec::new();
    for (key, value) in resource.entries().unwrap_or_default() {
        match key.key_text().as_str() {
            "Type"
            | "Properties"
            | "Condition"
            | "Metadata"
            | "DeletionPolicy"
            | "UpdateReplacePolicy"
            | "UpdatePolicy"
            | "CreationPolicy" => {}
            "DependsOn" => {
                let depends: Vec<Value> = match value.to_json() {
                    Value::Array(items) => items,
                    other => vec![other],
                };
                for dependency in depends {
                    let dependency = dependency.as_str().unwrap_or_default().to_string();
                    if resolver.template.resource(&dependency).is_none() {
                        problems.push(Problem::new(Some(value.line), format!("DependsOn: the template has no resource {dependency}")));
                    }
                }
            }
            other => problems.push(Problem::new(Some(key.line), format!("{other}: not an attribute of a resource"))),
        }
    }
    let properties = resource.get("Properties");
    let mut allowed = vec!["MeshName", "Spec", "Tags"];
    if app_mesh.kind != ResourceKind::Mesh {
        allowed.push("MeshOwner");
    }
    allowed.extend(app_mesh.name_property);
    allowed.extend(app_mesh.parent_property);
    for (key, _) in properties.and_then(Node::entries).unwrap_or_default() {
        let key_text = key.key_text();
        if !allowed.contains(&key_text.as_str()) {
            problems.push(Problem::new(Some(key.line), format!("Properties.{key_text}: not a property of {}", app_mesh.type_name)));
        }
    }
    let names: MeshNames = resolver.mesh_names(id, app_mesh)?;
    let spec_node = properties.and_then(|properties| properties.get("Spec"));
    let spec = match spec_node {
        Some(node) => names::to_api(resolver.resolve(node)?.unwrap_or(Value::Null)),
        None if app_mesh.kind == ResourceKind::Mesh => Value::Object(Default::default()),
        None => {
            problems.push(Problem::new(Some(resource.line), "Properties.Spec: required"));
            Value::Object(Default::default())
        }
    };
    let tags = match properties.and_then(|properties| properties.get("Tags")) {
        Some(node) => names::to_api(resolver.resolve(node)?.unwrap_or(Value::Null)),
        None => Value::Null,
    };
    let mut lines = Lines::default();
    if let Some(node) = spec_node {
        names::lines(node, "spec".into(), &mut lines);
    }
    if let Some(node) = properties.and_then(|properties| properties.get("Tags")) {
        names::lines(node, "tags".into(), &mut lines);
    }
    for property in ["MeshName", "MeshOwner"].into_iter().chain(app_mesh.name_property).chain(app_mesh.parent_property) {
        if let Some(node) = properties.and_then(|properties| properties.get(property)) {
            lines.0.insert(names::api_member(property), node.line);
        }
    }
    problems.extend(arn_names(&spec, "spec", &lines));
    let mut draft = Draft::new(
        app_mesh.kind,
        names.mesh.clone(),
        names.name.clone(),
        Place { line: Some(resource.line), logical_id: Some(id.to_string()), ..Place::default() },
        spec,
    );
    draft.parent = names.parent.clone();
    draft.mesh_owner = names.mesh_owner.clone().filter(|owner| *owner != resolver.options.account);
    draft.tags = tags;
    draft.reading = Reading::Lenient;
    draft.problems = problems;
    draft.waits_for = resolver.waits_for.clone();
    draft.lines = lines;
    if names.generated {
        let property = app_mesh.name_property.unwrap_or("MeshName");
        draft.notes.push(format!(
            "{property} is not given: named {} after the stack and logical id (CloudFormation would add a random suffix)",
            names.name
        ));
    }
    Ok(Some(draft))
}

/// Names in a spec that are App Mesh ARNs: what `Ref` gave where `Fn::GetAtt` was meant.
fn arn_names(value: &Value, path: &str, lines: &Lines) -> Vec<Problem> {
    match value {
        Value::Object(map) => map
            .iter()
            .flat_map(|(key, value)| {
                let member = format!("{path}.{key}");
                match value {
                    Value::String(text)
                        if (key.ends_with("Name") || key == "virtualNode") && text.starts_with("arn:") && text.contains(":appmesh:") =>
                    {
                        let attribute = if key == "virtualNode" { "VirtualNodeName".to_string() } else { names_property(key) };
                        vec![Problem::new(lines.of(&member), format!("{member}: {}", arn_instead_of_name(&attribute, text)))]
                    }
                    other => arn_names(other, &member, lines),
                }
            })
            .collect(),
        Value::Array(items) => {
            items.iter().enumerate().flat_map(|(index, item)| arn_names(item, &format!("{path}[{index}]"), lines)).collect()
        }
        _ => Vec::new(),
    }
}

/// `virtualNodeName` → `VirtualNodeName`.
fn names_property(member: &str) -> String {
    let mut chars = member.chars();
    chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// A parameter's text: a list default is its items joined with commas, as CloudFormation takes it.
fn scalar_or_list(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(scalar_or_list).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

/// A supplied value must be one of the parameter's `AllowedValues`.
fn check_allowed_values(template: &Template<'_>, options: &ImportOptions, problems: &mut Vec<Problem>) {
    for (name, declaration) in &template.parameters {
        let (Some(allowed), Some(value)) = (declaration.get("AllowedValues"), options.parameters.get(name)) else { continue };
        let allowed: Vec<String> = match allowed.to_json() {
            Value::Array(items) => items.iter().map(scalar_or_list).collect(),
            other => vec![scalar_or_list(&other)],
        };
        if !allowed.contains(value) {
            problems.push(Problem::new(
                Some(allowed_line(declaration)),
                format!("parameter {name}: {value:?} is not one of its AllowedValues ({})", allowed.join(", ")),
            ));
        }
    }
}

fn allowed_line(declaration: &Node) -> usize {
    declaration.get("AllowedValues").map_or(declaration.line, |node| node.line)
}
