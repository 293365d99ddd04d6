//! App Mesh controller manifests (`appmesh.k8s.aws/v1beta2`, multi-document YAML, or a
//! `kubectl get -o yaml` List), resolved to App Mesh names exactly as the controller does.
//! Read in aws/aws-app-mesh-controller-for-k8s at commit 7588d122c3c45e1f873d7d016a30922f049764bf:
//! - names (`webhooks/appmesh/*_mutator.go`, `defaultingAWSName`): `spec.awsName`, or by
//!   default the Mesh's own name, `name_namespace` for VirtualNode, VirtualRouter,
//!   VirtualGateway and GatewayRoute, `name.namespace` for VirtualService; a router's routes
//!   keep their own `name` (`pkg/virtualrouter/routes_manager.go`);
//! - the mesh (`pkg/mesh/membership_designator.go`): the one Mesh whose `namespaceSelector`
//!   selects the object's Namespace's labels; none or several is an error in its words;
//! - a gateway route's gateway (`pkg/virtualgateway/membership_designator.go`): the one
//!   VirtualGateway whose `namespaceSelector` selects the route's Namespace and whose
//!   `gatewayRouteSelector` (none: everything) selects the route's labels;
//! - references (`pkg/references/object_key.go`, `conversions.go`): `…Ref` names a custom
//!   resource by `name` and `namespace` (default: the referrer's) and means its awsName;
//!   `…ARN` means the name in the ARN (`pkg/conversions/arns_conversion.go`).
//!
//! What a file cannot say — the labels of a Namespace it does not hold, a referenced resource
//! it does not hold — becomes a parameter, with the controller's default where there is one.

mod selectors;

use crate::ImportOptions;
use crate::plan::{Draft, Format, Lines, Parameters, Place, Plan, Problem, Skipped, finish};
use crate::yaml::{Node, NodeKind};
use mesh_engine::mesh_config::ResourceKind;
use selectors::{Labels, labels, matches};
use serde_json::{Map, Value};

const API_VERSION: &str = "appmesh.k8s.aws/v1beta2";
/// Kubernetes labels every Namespace with its own name.
const NAMESPACE_NAME_LABEL: &str = "kubernetes.io/metadata.name";

pub fn is_manifest(document: &Node) -> bool {
    document.get("apiVersion").and_then(Node::scalar).is_some() && document.get("kind").and_then(Node::scalar).is_some()
}

/// A Kubernetes object of the file.
struct Object<'d> {
    node: &'d Node,
    json: Value,
    api_version: String,
    kind: String,
    name: String,
    namespace: String,
    labels: Labels,
    place: Place,
}

impl Object<'_> {
    fn spec(&self) -> &Value {
        self.json.get("spec").unwrap_or(&Value::Null)
    }

    fn spec_text(&self, member: &str) -> Option<String> {
        self.spec().get(member).and_then(Value::as_str).filter(|text| !text.is_empty()).map(str::to_string)
    }

    /// The App Mesh name: `spec.awsName`, or the controller's default.
    fn aws_name(&self) -> String {
        self.spec_text("awsName").unwrap_or_else(|| default_aws_name(&self.kind, &self.name, &self.namespace))
    }
}

fn default_aws_name(kind: &str, name: &str, namespace: &str) -> String {
    match kind {
        "Mesh" => name.to_string(),
        "VirtualService" => format!("{name}.{namespace}"),
        _ => format!("{name}_{namespace}"),
    }
}

fn kind_of(kind: &str) -> Option<ResourceKind> {
    Some(match kind {
        "Mesh" => ResourceKind::Mesh,
        "VirtualNode" => ResourceKind::VirtualNode,
        "VirtualRouter" => ResourceKind::VirtualRouter,
        "VirtualService" => ResourceKind::VirtualService,
        "VirtualGateway" => ResourceKind::VirtualGateway,
        "GatewayRoute" => ResourceKind::GatewayRoute,
        _ => return None,
    })
}

pub fn read(documents: &[Node], options: &ImportOptions) -> Plan {
    let mut skipped = Vec::new();
    let mut objects = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        let items: Vec<&Node> = match document.get("items").and_then(Node::items) {
            Some(items) if document.get("kind").and_then(Node::scalar).is_some_and(|kind| kind.ends_with("List")) => items.iter().collect(),
            _ => vec![document],
        };
        for node in items {
            let place = Place { line: Some(node.line), document: Some(index), ..Place::default() };
            if let NodeKind::Scalar { text, .. } = &node.kind
                && text.is_empty()
            {
                continue;
            }
            if !is_manifest(node) {
                skipped.push(Skipped { place, kind: "YAML".into(), reason: "not a Kubernetes object (no apiVersion and kind)".into() });
                continue;
            }
            let json = node.to_json();
            let metadata = json.get("metadata");
            let text = |value: Option<&Value>| value.and_then(Value::as_str).unwrap_or_default().to_string();
            let kind = text(json.get("kind"));
            let name = text(metadata.and_then(|metadata| metadata.get("name")));
            let namespace = match kind.as_str() {
                "Mesh" | "Namespace" => String::new(),
                _ => metadata.and_then(|metadata| metadata.get("namespace")).and_then(Value::as_str).unwrap_or("default").to_string(),
            };
            let object_name = if namespace.is_empty() { format!("{kind}/{name}") } else { format!("{kind}/{namespace}/{name}") };
            let place = Place { object: Some(object_name), ..place };
            objects.push(Object {
                node,
                api_version: text(json.get("apiVersion")),
                labels: labels(metadata.and_then(|metadata| metadata.get("labels"))),
                json,
                kind,
                name,
                namespace,
                place,
            });
        }
    }
    let mut reader = Reader { objects: &objects, options, parameters: Parameters::new(&options.parameters), problems: Vec::new() };
    let mut drafts = Vec::new();
    for object in &objects {
        let type_name = format!("{}/{}", object.api_version, object.kind);
        let app_mesh = object.api_version == API_VERSION;
        match kind_of(&object.kind) {
            Some(kind) if app_mesh => drafts.extend(reader.resources(object, kind)),
            _ if object.api_version.starts_with("appmesh.k8s.aws/") && object.api_version != API_VERSION => skipped.push(Skipped {
                place: object.place.clone(),
                kind: type_name,
                reason: format!("only {API_VERSION}, the controller's current API, is read"),
            }),
            _ if object.kind == "Namespace" => skipped.push(Skipped {
                place: object.place.clone(),
                kind: type_name,
                reason: "not an App Mesh resource (its labels choose the mesh of what is in it)".into(),
            }),
            _ => skipped.push(Skipped { place: object.place.clone(), kind: type_name, reason: "not an App Mesh resource".into() }),
        }
    }
    let problems = reader.problems;
    finish(Format::Kubernetes, drafts, reader.parameters.into_list(), skipped, problems)
}

struct Reader<'o, 'd> {
    objects: &'o [Object<'d>],
    options: &'o ImportOptions,
    parameters: Parameters,
    problems: Vec<Problem>,
}

/// How a membership designator chooses a Mesh or VirtualGateway, and words what it finds.
struct Designation<'a, 'o, 'd> {
    candidates: Vec<&'o Object<'d>>,
    /// Whether a candidate selects an object in a Namespace with these labels.
    selects: &'a dyn Fn(&Object<'_>, &Labels) -> Result<bool, String>,
    none: String,
    /// From how many were found and their names.
    several: &'a dyn Fn(usize, String) -> String,
    parameter: String,
    description: String,
}

/// The mesh an object is in: its App Mesh name and owner.
struct MeshChoice {
    name: String,
    owner: Option<String>,
}

impl<'o, 'd> Reader<'o, 'd> {
    fn find(&self, kind: &str, namespace: &str, name: &str) -> Option<&'o Object<'d>> {
        self.objects
            .iter()
            .find(|object| object.api_version == API_VERSION && object.kind == kind && object.namespace == namespace && object.name == name)
    }

    fn of_kind(&self, kind: &str) -> Vec<&'o Object<'d>> {
        self.objects.iter().filter(|object| object.api_version == API_VERSION && object.kind == kind).collect()
    }

    /// A Namespace's labels, when the file holds it.
    fn namespace_labels(&self, namespace: &str) -> Option<Labels> {
        let object =
            self.objects.iter().find(|object| object.kind == "Namespace" && object.api_version == "v1" && object.name == namespace)?;
        let mut labels = object.labels.clone();
        labels.insert(NAMESPACE_NAME_LABEL.into(), namespace.into());
        Some(labels)
    }

    /// A parameter for what the file cannot say, with a default; its value, or `None` while missing.
    fn parameter(&mut self, name: &str, description: String, default: Option<String>, user: &Object<'_>) -> Result<String, Problem> {
        self.parameters.declare_outside(name, Some(description), default);
        let user = user.place.object.clone().unwrap_or_default();
        self.parameters.value(name, &user).ok_or_else(|| Problem::new(None, format!("waits for a value of {name}")))
    }

    fn mesh_owner(&self, mesh: &Object<'_>) -> Option<String> {
        mesh.spec_text("meshOwner").filter(|owner| *owner != self.options.account)
    }

    fn mesh_of(&mut self, object: &Object<'_>) -> Result<MeshChoice, Problem> {
        if let Some(reference) = object.spec().get("meshRef").and_then(|reference| reference.get("name")).and_then(Value::as_str) {
            return Ok(match self.find("Mesh", "", reference) {
                Some(mesh) => MeshChoice { name: mesh.aws_name(), owner: self.mesh_owner(mesh) },
                None => MeshChoice { name: reference.to_string(), owner: None },
            });
        }
        let namespace = &object.namespace;
        let designation = Designation {
            candidates: self.of_kind("Mesh"),
            selects: &|mesh, namespace_labels| matches(mesh.spec().get("namespaceSelector"), namespace_labels),
            none: format!("failed to find matching mesh for namespace: {namespace}, expecting 1 but found 0"),
            several: &|count, names| {
                format!("found multiple matching meshes for namespace: {namespace}, expecting 1 but found {count}: {names}")
            },
            parameter: format!("namespace/{namespace}/mesh"),
            description: format!(
                "The mesh of namespace {namespace}: the file holds no Namespace {namespace}, so the Mesh whose namespaceSelector selects its labels cannot be chosen here"
            ),
        };
        let name = self.designate(object, designation)?;
        let owner = self.of_kind("Mesh").into_iter().find(|mesh| mesh.aws_name() == name).and_then(|mesh| self.mesh_owner(mesh));
        Ok(MeshChoice { name, owner })
    }

    /// The App Mesh name of the VirtualGateway a GatewayRoute belongs to.
    fn gateway_of(&mut self, route: &Object<'_>) -> Result<String, Problem> {
        if let Some(reference) = route.spec().get("virtualGatewayRef") {
            return self.reference("VirtualGateway", reference, route).map_err(|message| Problem::new(Some(route.node.line), message));
        }
        let (namespace, name) = (&route.namespace, &route.name);
        let designation = Designation {
            candidates: self.of_kind("VirtualGateway"),
            selects: &|gateway, namespace_labels| {
                let routes = gateway.spec().get("gatewayRouteSelector").filter(|selector| !selector.is_null());
                let of_route = routes.map_or(Ok(true), |selector| matches(Some(selector), &route.labels))?;
                Ok(of_route && matches(gateway.spec().get("namespaceSelector"), namespace_labels)?)
            },
            none: format!("failed to find matching virtualGateway for gatewayRoute: {name}, expecting 1 but found 0"),
            several: &|count, names| {
                format!("found multiple matching virtualGateways for gatewayRoute: {name}, expecting 1 but found {count}: {names}")
            },
            parameter: format!("gatewayRoute/{namespace}/{name}/virtualGateway"),
            description: format!(
                "The virtual gateway of gateway route {namespace}/{name}: the file holds no Namespace {namespace}, so the VirtualGateway whose selectors choose it cannot be found here"
            ),
        };
        self.designate(route, designation)
    }

    /// The one candidate that selects the object's Namespace, as the controller's membership
    /// designators choose; when the file lacks the Namespace, a parameter whose default is the
    /// one candidate that selects its name label, or else the file's only candidate.
    fn designate(&mut self, object: &Object<'_>, designation: Designation<'_, 'o, 'd>) -> Result<String, Problem> {
        let selected = |labels: &Labels| -> Result<Vec<&Object<'_>>, Problem> {
            let mut chosen = Vec::new();
            for candidate in &designation.candidates {
                if (designation.selects)(candidate, labels).map_err(|error| Problem::new(Some(candidate.node.line), error))? {
                    chosen.push(*candidate);
                }
            }
            Ok(chosen)
        };
        let line = Some(object.node.line);
        match self.namespace_labels(&object.namespace) {
            Some(labels) => match selected(&labels)?.as_slice() {
                [chosen] => Ok(chosen.aws_name()),
                [] => Err(Problem::new(line, designation.none)),
                several => {
                    let names: Vec<&str> = several.iter().map(|candidate| candidate.name.as_str()).collect();
                    Err(Problem::new(line, (designation.several)(names.len(), names.join(","))))
                }
            },
            None => {
                let implicit: Labels = [(NAMESPACE_NAME_LABEL.to_string(), object.namespace.clone())].into_iter().collect();
                let default = match (selected(&implicit)?.as_slice(), designation.candidates.as_slice()) {
                    ([chosen], _) | ([], [chosen]) => Some(chosen.aws_name()),
                    _ => None,
                };
                self.parameter(&designation.parameter, designation.description, default, object)
            }
        }
    }

    /// The App Mesh name a `…Ref` (`{name, namespace}`) means.
    fn reference(&mut self, kind: &str, reference: &Value, user: &Object<'_>) -> Result<String, String> {
        let name = reference.get("name").and_then(Value::as_str).ok_or_else(|| format!("a {kind} reference needs a name"))?;
        let namespace =
            reference.get("namespace").and_then(Value::as_str).filter(|namespace| !namespace.is_empty()).unwrap_or(&user.namespace);
        if let Some(target) = self.find(kind, namespace, name) {
            return Ok(target.aws_name());
        }
        let default = default_aws_name(kind, name, namespace);
        let description = format!(
            "The App Mesh name of {kind} {namespace}/{name}, which the file does not hold (the controller names it {default} unless its awsName says otherwise)"
        );
        self.parameter(&format!("{kind}/{namespace}/{name}"), description, Some(default), user).map_err(|problem| problem.message)
    }

    /// Every resource an object defines: itself, and a router's routes.
    fn resources(&mut self, object: &Object<'_>, kind: ResourceKind) -> Vec<Draft> {
        let line = Some(object.node.line);
        let mut drafts = Vec::new();
        let mut draft = Draft::new(kind, String::new(), object.aws_name(), object.place.clone(), Value::Null);
        let mut lines = Lines::default();
        if let Some(spec) = object.node.get("spec") {
            crate::plan::member_lines(spec, "spec".into(), &mut lines);
        }
        let mesh = match kind {
            ResourceKind::Mesh => Ok(MeshChoice { name: object.aws_name(), owner: self.mesh_owner(object) }),
            _ => self.mesh_of(object),
        };
        match mesh {
            Ok(mesh) => {
                draft.mesh = mesh.name;
                draft.mesh_owner = mesh.owner;
            }
            Err(problem) => {
                draft.mesh = String::new();
                draft.judged = false;
                draft.problems.push(Problem { line: problem.line.or(line), ..problem });
            }
        }
        if kind == ResourceKind::GatewayRoute {
            match self.gateway_of(object) {
                Ok(gateway) => draft.parent = Some(gateway),
                Err(problem) => {
                    draft.judged = false;
                    draft.problems.push(Problem { line: problem.line.or(line), ..problem });
                }
            }
        }
        let mut spec = object.spec().as_object().cloned().unwrap_or_default();
        for member in controller_members(kind) {
            spec.remove(*member);
        }
        if kind == ResourceKind::Mesh
            && let Some(discovery) = spec.remove("meshServiceDiscovery")
        {
            spec.insert("serviceDiscovery".into(), discovery);
        }
        if kind == ResourceKind::VirtualNode && spec.remove("backendGroups").is_some() {
            draft.notes.push("backendGroups is not imported: BackendGroups select backends inside a cluster; list them as backends".into());
        }
        let routes = if kind == ResourceKind::VirtualRouter { spec.remove("routes") } else { None };
        match self.api_spec(Value::Object(spec), object) {
            Ok(spec) => draft.spec = spec,
            Err(message) => {
                draft.judged = false;
                draft.problems.push(Problem::new(line, message));
            }
        }
        draft.lines = lines;
        let router = draft.name.clone();
        let router_mesh = (draft.mesh.clone(), draft.mesh_owner.clone(), draft.judged);
        drafts.push(draft);
        for (index, route) in routes.as_ref().and_then(Value::as_array).into_iter().flatten().enumerate() {
            let route_node =
                object.node.get("spec").and_then(|spec| spec.get("routes")).and_then(Node::items).and_then(|items| items.get(index));
            let route_line = route_node.map(|node| node.line).or(line);
            let name = route.get("name").and_then(Value::as_str).unwrap_or_default().to_string();
            let place = Place {
                line: route_line,
                object: Some(format!("{}/routes/{name}", object.place.object.clone().unwrap_or_default())),
                ..object.place.clone()
            };
            let mut spec = route.as_object().cloned().unwrap_or_default();
            spec.remove("name");
            let mut draft = Draft::new(ResourceKind::Route, router_mesh.0.clone(), name, place, Value::Null);
            draft.mesh_owner = router_mesh.1.clone();
            draft.parent = Some(router.clone());
            draft.judged = router_mesh.2;
            if let Some(node) = route_node {
                crate::plan::member_lines(node, "spec".into(), &mut draft.lines);
            }
            match self.api_spec(Value::Object(spec), object) {
                Ok(spec) => draft.spec = spec,
                Err(message) => {
                    draft.judged = false;
                    draft.problems.push(Problem::new(route_line, message));
                }
            }
            drafts.push(draft);
        }
        drafts
    }

    /// A custom resource's spec in the API's members: references resolved to App Mesh names,
    /// the controller's `…ARN` spellings in the API's `…Arn`.
    fn api_spec(&mut self, value: Value, user: &Object<'_>) -> Result<Value, String> {
        match value {
            Value::Array(items) => items.into_iter().map(|item| self.api_spec(item, user)).collect::<Result<Vec<_>, _>>().map(Value::Array),
            Value::Object(map) => {
                let weighted_target = map.contains_key("weight");
                let mut out = Map::new();
                for (key, value) in map {
                    let renamed = match key.as_str() {
                        "certificateARN" => Some("certificateArn"),
                        "certificateAuthorityARNs" => Some("certificateAuthorityArns"),
                        _ => None,
                    };
                    if let Some(renamed) = renamed {
                        out.insert(renamed.to_string(), self.api_spec(value, user)?);
                        continue;
                    }
                    let target = REFERENCES.iter().find(|(reference, arn, ..)| key == *reference || key == *arn);
                    match target {
                        Some((reference, arn, kind, segment, member)) => {
                            if out.contains_key(*member) || (weighted_target && out.contains_key("virtualNode")) {
                                return Err(format!("exactly one of {reference} or {arn} must be specified"));
                            }
                            let name = if key == *reference {
                                self.reference(kind, &value, user)?
                            } else {
                                arn_name(value.as_str().unwrap_or_default(), segment)?
                            };
                            let member = if weighted_target && *kind == "VirtualNode" { "virtualNode" } else { member };
                            out.insert(member.to_string(), Value::String(name));
                        }
                        None => {
                            out.insert(key, self.api_spec(value, user)?);
                        }
                    }
                }
                Ok(Value::Object(out))
            }
            other => Ok(other),
        }
    }
}

/// `(reference member, ARN member, kind, ARN segment, API member)`.
const REFERENCES: [(&str, &str, &str, &str, &str); 3] = [
    ("virtualNodeRef", "virtualNodeARN", "VirtualNode", "virtualNode", "virtualNodeName"),
    ("virtualRouterRef", "virtualRouterARN", "VirtualRouter", "virtualRouter", "virtualRouterName"),
    ("virtualServiceRef", "virtualServiceARN", "VirtualService", "virtualService", "virtualServiceName"),
];

/// Members of a custom resource's spec that only the controller reads.
fn controller_members(kind: ResourceKind) -> &'static [&'static str] {
    match kind {
        ResourceKind::Mesh => &["awsName", "namespaceSelector", "meshOwner"],
        ResourceKind::VirtualNode => &["awsName", "podSelector", "meshRef"],
        ResourceKind::VirtualRouter | ResourceKind::VirtualService => &["awsName", "meshRef"],
        ResourceKind::VirtualGateway => &["awsName", "namespaceSelector", "podSelector", "gatewayRouteSelector", "meshRef"],
        ResourceKind::GatewayRoute => &["awsName", "meshRef", "virtualGatewayRef"],
        ResourceKind::Route => &[],
    }
}

/// The resource name in an App Mesh ARN of the expected type, as the controller reads it.
fn arn_name(arn: &str, segment: &str) -> Result<String, String> {
    let resource = arn.splitn(6, ':').nth(5).filter(|_| arn.starts_with("arn:")).ok_or_else(|| format!("invalid arn: {arn}"))?;
    match resource.split('/').collect::<Vec<_>>().as_slice() {
        ["mesh", _, kind, name] if *kind == segment => Ok((*name).to_string()),
        ["mesh", _, kind, _] => Err(format!("expects {segment} ARN, got {kind}")),
        _ => Err(format!("invalid resource in appMesh ARN: {resource}")),
    }
}
