//! What an import would do, for the preview: the format read, its parameters, every resource
//! in dependency order with its place in the file and its problems, what was skipped; and,
//! from a plan without problems, the [`MeshConfig`]s it defines.

use crate::typed::{Reading, check_spec, check_tags};
use mesh_engine::mesh_config::{MeshConfig, ResourceKind};
use mesh_engine::names::{AccountId, ResourceName, ServiceName};
use mesh_engine::resource::TagRef;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// An AWS CloudFormation template, YAML or JSON.
    CloudFormation,
    /// App Mesh controller manifests (`appmesh.k8s.aws/v1beta2`).
    Kubernetes,
    /// The console's own export of a mesh (`{"format": "mesh-console-mesh", …}`).
    MeshConsole,
    /// What `aws appmesh describe-*` prints.
    DescribeDump,
}

/// Where something is in the file: a line, and the logical id (CloudFormation) or the
/// document and `kind/namespace/name` (manifests, dumps).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logical_id: Option<String>,
    /// 0-based, in the order the file holds them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
}

impl Place {
    /// How a message names it: `MyNode (line 12)`, `VirtualNode/shop/orders (document 3)`.
    pub fn label(&self) -> String {
        let what = self.logical_id.clone().or_else(|| self.object.clone());
        let position = match (self.line, self.document) {
            (Some(line), _) => Some(format!("line {line}")),
            (None, Some(document)) => Some(format!("document {}", document + 1)),
            _ => None,
        };
        match (what, position) {
            (Some(what), Some(position)) => format!("{what} ({position})"),
            (Some(what), None) => what,
            (None, Some(position)) => position,
            (None, None) => "the file".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn new(line: Option<usize>, message: impl Into<String>) -> Self {
        Self { line, message: message.into() }
    }
}

/// A value the file leaves open: a template parameter, or something outside App Mesh that a
/// reference names (a Cloud Map namespace, a certificate, a namespace's mesh).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Parameter {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// The value in use: the one supplied, else the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The resources that use it, as their places name them.
    pub used_by: Vec<String>,
    /// No value supplied and no default: the import waits for one.
    pub missing: bool,
    /// Not declared by the file: a value outside App Mesh that a reference names (a `Ref` of
    /// another resource type, an `Fn::ImportValue`, an object the manifests do not hold).
    #[serde(default)]
    pub outside: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedResource {
    pub kind: ResourceKind,
    pub mesh: String,
    /// The mesh's owner when the file names one (a mesh shared with the importer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mesh_owner: Option<String>,
    /// A route's virtual router, a gateway route's virtual gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub name: String,
    pub place: Place,
    /// As the API's JSON.
    pub spec: Value,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<TagRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
    /// What the reader decided on the file's behalf (a name it generated, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Something in the file that is not an App Mesh resource, or is one that is not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub place: Place,
    /// Its type: `AWS::ServiceDiscovery::PrivateDnsNamespace`, `v1/Namespace`.
    #[serde(rename = "type")]
    pub kind: String,
    pub reason: String,
}

/// A mesh the file names: one it defines, or one it only adds resources to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedMesh {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub defined: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// `None` when the file is none of the formats.
    pub format: Option<Format>,
    pub parameters: Vec<Parameter>,
    pub meshes: Vec<PlannedMesh>,
    /// In dependency order: meshes, virtual nodes, virtual routers, routes, virtual services,
    /// virtual gateways, gateway routes; in file order within a kind.
    pub resources: Vec<PlannedResource>,
    pub skipped: Vec<Skipped>,
    /// About the file as a whole.
    pub problems: Vec<Problem>,
}

/// A mesh's configuration as the file defines it, ready for the engine's apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportedMesh {
    pub config: MeshConfig,
    /// The file defines the mesh (create it when missing, update its spec and tags); otherwise
    /// it only adds resources to a mesh that must exist.
    pub defines_mesh: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<AccountId>,
}

impl Plan {
    /// A plan of a file that could not be read at all.
    pub fn unreadable(format: Option<Format>, problem: Problem) -> Self {
        Self { format, parameters: Vec::new(), meshes: Vec::new(), resources: Vec::new(), skipped: Vec::new(), problems: vec![problem] }
    }

    /// Nothing stands in the way of an apply: no problem anywhere, no parameter missing.
    pub fn is_ready(&self) -> bool {
        self.problems.is_empty()
            && self.parameters.iter().all(|parameter| !parameter.missing)
            && self.resources.iter().all(|resource| resource.problems.is_empty())
    }

    /// Every problem of the plan, each with its place, as a command line prints them.
    pub fn all_problems(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .problems
            .iter()
            .map(|problem| match problem.line {
                Some(line) => format!("line {line}: {}", problem.message),
                None => problem.message.clone(),
            })
            .collect();
        for parameter in self.parameters.iter().filter(|parameter| parameter.missing) {
            all.push(format!("parameter {} has no value (used by {}): supply one", parameter.name, parameter.used_by.join(", ")));
        }
        for resource in &self.resources {
            for problem in &resource.problems {
                let place = Place { line: problem.line.or(resource.place.line), ..resource.place.clone() };
                all.push(format!("{}: {}", place.label(), problem.message));
            }
        }
        all
    }

    /// The meshes the file defines or adds to, each with every resource the file puts in it;
    /// or, when the plan is not ready, every problem.
    pub fn mesh_configs(&self) -> Result<Vec<ImportedMesh>, Vec<String>> {
        if !self.is_ready() {
            return Err(self.all_problems());
        }
        let mut meshes = Vec::new();
        for planned in &self.meshes {
            let mut config = Map::new();
            config.insert("meshName".into(), json!(planned.name));
            let mut sections: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
            for resource in self.resources.iter().filter(|resource| resource.mesh == planned.name) {
                let entry = json!({"parent": resource.parent, "name": resource.name, "spec": resource.spec, "tags": resource.tags});
                let mut entry = entry.as_object().cloned().unwrap_or_default();
                entry.retain(|_, value| !value.is_null());
                match resource.kind {
                    ResourceKind::Mesh => {
                        config.insert("spec".into(), resource.spec.clone());
                        config.insert("tags".into(), json!(resource.tags));
                    }
                    kind => sections.entry(section(kind)).or_default().push(Value::Object(entry)),
                }
            }
            for (section, entries) in sections {
                config.insert(section.into(), Value::Array(entries));
            }
            let config: MeshConfig =
                serde_json::from_value(Value::Object(config)).map_err(|error| vec![format!("mesh {}: {error}", planned.name)])?;
            let owner = planned.owner.as_deref().map(AccountId::parse).transpose().map_err(|error| vec![format!("mesh owner: {error}")])?;
            meshes.push(ImportedMesh { config, defines_mesh: planned.defined, owner });
        }
        Ok(meshes)
    }
}

/// The `MeshConfig` member that holds resources of a kind.
pub fn section(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Mesh => "mesh",
        ResourceKind::VirtualNode => "virtualNodes",
        ResourceKind::VirtualRouter => "virtualRouters",
        ResourceKind::Route => "routes",
        ResourceKind::VirtualService => "virtualServices",
        ResourceKind::VirtualGateway => "virtualGateways",
        ResourceKind::GatewayRoute => "gatewayRoutes",
    }
}

/// The member that names a resource of a kind, in the API's requests.
pub fn name_member(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Mesh => "meshName",
        ResourceKind::VirtualNode => "virtualNodeName",
        ResourceKind::VirtualRouter => "virtualRouterName",
        ResourceKind::Route => "routeName",
        ResourceKind::VirtualService => "virtualServiceName",
        ResourceKind::VirtualGateway => "virtualGatewayName",
        ResourceKind::GatewayRoute => "gatewayRouteName",
    }
}

/// The member that names a route's router or a gateway route's gateway.
pub fn parent_member(kind: ResourceKind) -> &'static str {
    if kind == ResourceKind::GatewayRoute { "virtualGatewayName" } else { "virtualRouterName" }
}

/// Lines of the members of a resource, by their path from the resource (`spec.listeners[0]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lines(pub BTreeMap<String, usize>);

impl Lines {
    /// The line of the member, or of the nearest member that holds it.
    pub fn of(&self, path: &str) -> Option<usize> {
        let mut path = path;
        loop {
            if let Some(line) = self.0.get(path) {
                return Some(*line);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

/// The line of every member under `node`, by its path from `path`, keys as written.
pub fn member_lines(node: &crate::yaml::Node, path: String, lines: &mut Lines) {
    lines.0.insert(path.clone(), node.line);
    if let Some(entries) = node.entries() {
        for (key, value) in entries {
            member_lines(value, format!("{path}.{}", key.key_text()), lines);
        }
    } else if let Some(items) = node.items() {
        for (index, item) in items.iter().enumerate() {
            member_lines(item, format!("{path}[{index}]"), lines);
        }
    }
}

/// A resource as a format reads it, before the engine's types judge it.
#[derive(Debug, Clone)]
pub struct Draft {
    pub kind: ResourceKind,
    pub mesh: String,
    pub mesh_owner: Option<String>,
    pub parent: Option<String>,
    pub name: String,
    pub place: Place,
    /// With the API's member names.
    pub spec: Value,
    /// `[{key, value}]`, or null for none.
    pub tags: Value,
    pub reading: Reading,
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
    /// Parameters it uses that have no value: it is not judged until they have.
    pub waits_for: Vec<String>,
    /// False when the resource could not be read far enough to judge its spec.
    pub judged: bool,
    pub lines: Lines,
}

impl Draft {
    pub fn new(kind: ResourceKind, mesh: String, name: String, place: Place, spec: Value) -> Self {
        Self {
            kind,
            mesh,
            mesh_owner: None,
            parent: None,
            name,
            place,
            spec,
            tags: Value::Null,
            reading: Reading::Strict,
            problems: Vec::new(),
            notes: Vec::new(),
            waits_for: Vec::new(),
            judged: true,
            lines: Lines::default(),
        }
    }
}

/// Judges every draft with the engine's types, orders them, and names the meshes.
pub fn finish(format: Format, drafts: Vec<Draft>, parameters: Vec<Parameter>, skipped: Vec<Skipped>, problems: Vec<Problem>) -> Plan {
    let mut resources: Vec<PlannedResource> = drafts.into_iter().map(judge).collect();
    resources.sort_by_key(|resource| resource.kind);
    let mut seen: BTreeMap<(ResourceKind, &str, Option<&str>, &str), String> = BTreeMap::new();
    let mut repeated = Vec::new();
    for (index, resource) in resources.iter().enumerate() {
        let key = (resource.kind, resource.mesh.as_str(), resource.parent.as_deref(), resource.name.as_str());
        match seen.get(&key) {
            Some(first) => repeated.push((index, first.clone())),
            None => {
                seen.insert(key, resource.place.label());
            }
        }
    }
    for (index, first) in repeated {
        let resource = &mut resources[index];
        let message = format!("{} {} is defined twice: also by {first}", resource.kind.type_name(), resource.name);
        resource.problems.push(Problem::new(resource.place.line, message));
    }
    let mut meshes: Vec<PlannedMesh> = Vec::new();
    // A resource whose mesh could not be told (it has a problem saying why) names no mesh.
    for resource in resources.iter().filter(|resource| !resource.mesh.is_empty()) {
        match meshes.iter_mut().find(|mesh| mesh.name == resource.mesh) {
            Some(mesh) => mesh.defined |= resource.kind == ResourceKind::Mesh,
            None => meshes.push(PlannedMesh {
                name: resource.mesh.clone(),
                owner: resource.mesh_owner.clone(),
                defined: resource.kind == ResourceKind::Mesh,
            }),
        }
    }
    let mut problems = problems;
    if resources.is_empty() && problems.is_empty() {
        problems.push(Problem::new(None, "The file holds no App Mesh resources."));
    }
    Plan { format: Some(format), parameters, meshes, resources, skipped, problems }
}

fn judge(draft: Draft) -> PlannedResource {
    let mut problems = draft.problems;
    let line_of = |path: &str| draft.lines.of(path).or(draft.place.line);
    let mut spec = draft.spec.clone();
    let mut tags = Vec::new();
    if draft.judged && draft.waits_for.is_empty() {
        let name_problem = match draft.kind {
            ResourceKind::VirtualService => ServiceName::parse(draft.name.as_str()).err(),
            _ => ResourceName::parse(draft.name.as_str()).err(),
        };
        let mut names = vec![(name_member(draft.kind), name_problem)];
        if draft.kind != ResourceKind::Mesh {
            names.push(("meshName", ResourceName::parse(draft.mesh.as_str()).err()));
        }
        if let Some(parent) = &draft.parent {
            names.push((parent_member(draft.kind), ResourceName::parse(parent.as_str()).err()));
        }
        for (member, problem) in names {
            if let Some(problem) = problem {
                problems.push(Problem::new(line_of(member), format!("{member}: {problem}")));
            }
        }
        match check_spec(draft.kind, &draft.spec, draft.reading) {
            Ok(checked) => spec = checked,
            Err(refusals) => {
                problems.extend(refusals.into_iter().map(|(path, message)| Problem::new(line_of(&path), format!("{path}: {message}"))))
            }
        }
        if !draft.tags.is_null() {
            match check_tags(&draft.tags, draft.reading) {
                Ok(checked) => tags = checked,
                Err(refusals) => {
                    problems.extend(refusals.into_iter().map(|(path, message)| Problem::new(line_of(&path), format!("{path}: {message}"))))
                }
            }
        }
    } else if draft.judged {
        let waiting = draft.waits_for.join(", ");
        problems.push(Problem::new(draft.place.line, format!("waits for a value of {waiting}")));
    }
    PlannedResource {
        kind: draft.kind,
        mesh: draft.mesh,
        mesh_owner: draft.mesh_owner,
        parent: draft.parent,
        name: draft.name,
        place: draft.place,
        spec,
        tags,
        problems,
        notes: draft.notes,
    }
}

/// The parameters a file leaves open, as the readers meet them.
#[derive(Debug, Default)]
pub struct Parameters {
    supplied: BTreeMap<String, String>,
    list: Vec<Parameter>,
}

impl Parameters {
    pub fn new(supplied: &BTreeMap<String, String>) -> Self {
        Self { supplied: supplied.clone(), list: Vec::new() }
    }

    /// Declares a parameter of the file (once; later declarations keep the first's text).
    pub fn declare(&mut self, name: &str, description: Option<String>, default: Option<String>) {
        self.add(name, description, default, false);
    }

    /// Declares a value outside App Mesh that the file refers to, as a parameter.
    pub fn declare_outside(&mut self, name: &str, description: Option<String>, default: Option<String>) {
        self.add(name, description, default, true);
    }

    fn add(&mut self, name: &str, description: Option<String>, default: Option<String>, outside: bool) {
        if self.list.iter().any(|parameter| parameter.name == name) {
            return;
        }
        let value = self.supplied.get(name).cloned().or_else(|| default.clone());
        let missing = value.is_none();
        self.list.push(Parameter { name: name.to_string(), description, default, value, used_by: Vec::new(), missing, outside });
    }

    pub fn is_declared(&self, name: &str) -> bool {
        self.list.iter().any(|parameter| parameter.name == name)
    }

    /// The value of a declared parameter, noting who uses it; `None` when it has none yet.
    pub fn value(&mut self, name: &str, user: &str) -> Option<String> {
        let parameter = self.list.iter_mut().find(|parameter| parameter.name == name)?;
        if !user.is_empty() && !parameter.used_by.iter().any(|existing| existing == user) {
            parameter.used_by.push(user.to_string());
        }
        parameter.value.clone()
    }

    /// Parameters nothing uses are kept (a template declares them), but only missing ones
    /// that something uses hold the import up.
    pub fn into_list(mut self) -> Vec<Parameter> {
        for parameter in &mut self.list {
            parameter.missing = parameter.value.is_none() && !parameter.used_by.is_empty();
        }
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fall_back_to_the_nearest_holder() {
        let lines = Lines([("spec".to_string(), 3), ("spec.listeners[0]".to_string(), 5)].into_iter().collect());
        assert_eq!(lines.of("spec.listeners[0].portMapping.port"), Some(5));
        assert_eq!(lines.of("spec.backends"), Some(3));
        assert_eq!(lines.of("tags"), None);
    }

    #[test]
    fn drafts_are_judged_ordered_and_collected_per_mesh() {
        let node = Draft::new(
            ResourceKind::VirtualNode,
            "m".into(),
            "n".into(),
            Place::default(),
            json!({"listeners": [{"portMapping": {"port": 70000, "protocol": "http"}}]}),
        );
        let mesh = Draft::new(ResourceKind::Mesh, "m".into(), "m".into(), Place::default(), json!({}));
        let plan = finish(Format::MeshConsole, vec![node, mesh], Vec::new(), Vec::new(), Vec::new());
        assert_eq!(plan.resources[0].kind, ResourceKind::Mesh);
        assert_eq!(plan.resources[1].problems[0].message, "spec.listeners[0].portMapping.port: must be between 1 and 65535, got 70000");
        assert_eq!(plan.meshes, [PlannedMesh { name: "m".into(), owner: None, defined: true }]);
        assert!(plan.mesh_configs().is_err());
    }
}
