//! CloudFormation's intrinsic functions and conditions, resolved as CloudFormation resolves
//! them, in their long (`{"Fn::Sub": …}`) and short (`!Sub …`) forms. What only a deployed
//! stack could answer — a `Ref` or `Fn::GetAtt` of a resource outside App Mesh, an
//! `Fn::ImportValue` — becomes a parameter the user fills in.

use super::{AppMeshType, Template};
use crate::ImportOptions;
use crate::plan::{Parameters, Problem};
use crate::yaml::{Node, NodeKind, plain_scalar};
use mesh_engine::mesh_config::ResourceKind;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A mapping that is one intrinsic function: `{Ref: x}`, `{Fn::Join: […]}`.
pub fn is_function(node: &Node) -> bool {
    match node.entries() {
        Some([(key, _)]) => key.scalar().is_some_and(|key| key == "Ref" || key.starts_with("Fn::")),
        _ => false,
    }
}

/// The names that `Ref` and `Fn::GetAtt` of an App Mesh resource are made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeshNames {
    pub kind: ResourceKind,
    pub mesh: String,
    pub mesh_owner: Option<String>,
    pub parent: Option<String>,
    pub name: String,
    /// The template gave no name: this one was made up as CloudFormation would.
    pub generated: bool,
}

/// How many resources a chain of `Ref`s and `Fn::GetAtt`s may pass through: far more than any
/// template needs, few enough for the stack.
const MAX_CHAIN: usize = 64;

type Resolved = Result<Option<Value>, Problem>;

pub struct Resolver<'t> {
    pub template: Template<'t>,
    pub options: &'t ImportOptions,
    pub parameters: Parameters,
    /// Who is being read, for the parameters' `used_by`.
    pub user: String,
    /// Parameters without a value met while reading `user`.
    pub waits_for: Vec<String>,
    conditions: BTreeMap<String, Result<bool, Problem>>,
    names: BTreeMap<String, Result<MeshNames, Problem>>,
    /// Logical ids and conditions being resolved, to refuse a circle instead of looping.
    resolving: Vec<String>,
}

fn problem(node: &Node, message: impl Into<String>) -> Problem {
    Problem::new(Some(node.line), message)
}

impl<'t> Resolver<'t> {
    pub fn new(template: Template<'t>, options: &'t ImportOptions, parameters: Parameters) -> Self {
        Self {
            template,
            options,
            parameters,
            user: String::new(),
            waits_for: Vec::new(),
            conditions: BTreeMap::new(),
            names: BTreeMap::new(),
            resolving: Vec::new(),
        }
    }

    pub fn partition(&self) -> &'static str {
        let region = self.options.region.as_str();
        if region.starts_with("cn-") {
            "aws-cn"
        } else if region.starts_with("us-gov-") {
            "aws-us-gov"
        } else {
            "aws"
        }
    }

    /// The node's value with every function resolved; `None` is `AWS::NoValue`.
    pub fn resolve(&mut self, node: &Node) -> Resolved {
        if let Some(function) = short_form(node) {
            return self.function(&function, &untagged(node), node);
        }
        match &node.kind {
            NodeKind::Scalar { text, plain } => {
                Ok(Some(if *plain && node.tag.as_deref() != Some("!!str") { plain_scalar(text) } else { Value::String(text.clone()) }))
            }
            NodeKind::Seq(items) => {
                let mut values = Vec::new();
                for item in items {
                    values.extend(self.resolve(item)?);
                }
                Ok(Some(Value::Array(values)))
            }
            NodeKind::Map(entries) => {
                if is_function(node) {
                    let (key, argument) = &entries[0];
                    return self.function(&key.key_text(), argument, node);
                }
                let mut map = Map::new();
                for (key, value) in entries {
                    if let Some(value) = self.resolve(value)? {
                        map.insert(key.key_text(), value);
                    }
                }
                Ok(Some(Value::Object(map)))
            }
        }
    }

    /// A value that must be there (not `AWS::NoValue`).
    fn value(&mut self, node: &Node, what: &str) -> Result<Value, Problem> {
        self.resolve(node)?.ok_or_else(|| problem(node, format!("{what}: AWS::NoValue is not a value here")))
    }

    /// A value that must be a string (numbers and booleans are written out, as CloudFormation does).
    pub fn text(&mut self, node: &Node, what: &str) -> Result<String, Problem> {
        match self.value(node, what)? {
            Value::String(text) => Ok(text),
            Value::Number(number) => Ok(number.to_string()),
            Value::Bool(flag) => Ok(flag.to_string()),
            other => Err(problem(node, format!("{what}: must be a string, got {other}"))),
        }
    }

    fn list(&mut self, node: &Node, what: &str) -> Result<Vec<Value>, Problem> {
        match self.value(node, what)? {
            Value::Array(items) => Ok(items),
            other => Err(problem(node, format!("{what}: must be a list, got {other}"))),
        }
    }

    fn arguments<'n>(&self, node: &'n Node, function: &str, count: usize) -> Result<&'n [Node], Problem> {
        match node.items() {
            Some(items) if items.len() == count => Ok(items),
            _ => Err(problem(node, format!("{function}: takes a list of {count} arguments"))),
        }
    }

    fn function(&mut self, function: &str, argument: &Node, at: &Node) -> Resolved {
        match function {
            "Ref" => {
                let name = self.text(argument, "Ref")?;
                self.reference(&name, at)
            }
            "Fn::GetAtt" => {
                let (resource, attribute) = match &argument.kind {
                    NodeKind::Scalar { text, .. } => match text.split_once('.') {
                        Some((resource, attribute)) => (resource.to_string(), attribute.to_string()),
                        None => return Err(problem(at, format!("Fn::GetAtt: {text:?} must be LogicalId.Attribute"))),
                    },
                    _ => {
                        let items = self.arguments(argument, "Fn::GetAtt", 2)?;
                        (self.text(&items[0], "Fn::GetAtt")?, self.text(&items[1], "Fn::GetAtt")?)
                    }
                };
                self.attribute(&resource, &attribute, at).map(Some)
            }
            "Fn::Sub" => self.sub(argument, at).map(|text| Some(Value::String(text))),
            "Fn::Join" => {
                let items = self.arguments(argument, "Fn::Join", 2)?;
                let delimiter = self.text(&items[0], "Fn::Join delimiter")?;
                let parts = self.list(&items[1], "Fn::Join")?;
                let parts: Result<Vec<String>, Problem> = parts.into_iter().map(|part| scalar_text(part, at, "Fn::Join")).collect();
                Ok(Some(Value::String(parts?.join(&delimiter))))
            }
            "Fn::Select" => {
                let items = self.arguments(argument, "Fn::Select", 2)?;
                let index = self.text(&items[0], "Fn::Select index")?;
                let list = self.list(&items[1], "Fn::Select")?;
                let index: usize = index.trim().parse().map_err(|_| problem(at, format!("Fn::Select: index {index:?} is not a number")))?;
                let length = list.len();
                list.into_iter()
                    .nth(index)
                    .map(Some)
                    .ok_or_else(|| problem(at, format!("Fn::Select: index {index} is past the list's {length} items")))
            }
            "Fn::Split" => {
                let items = self.arguments(argument, "Fn::Split", 2)?;
                let delimiter = self.text(&items[0], "Fn::Split delimiter")?;
                let text = self.text(&items[1], "Fn::Split")?;
                if delimiter.is_empty() {
                    return Err(problem(at, "Fn::Split: the delimiter must not be empty"));
                }
                Ok(Some(Value::Array(text.split(delimiter.as_str()).map(|part| Value::String(part.to_string())).collect())))
            }
            "Fn::FindInMap" => {
                let items = self.arguments(argument, "Fn::FindInMap", 3)?;
                let keys = [
                    self.text(&items[0], "Fn::FindInMap")?,
                    self.text(&items[1], "Fn::FindInMap")?,
                    self.text(&items[2], "Fn::FindInMap")?,
                ];
                let mut found = self.template.mappings;
                for key in &keys {
                    found = found.and_then(|node| node.get(key));
                }
                match found {
                    Some(value) => self.resolve(value),
                    None => Err(problem(at, format!("Fn::FindInMap: Mappings has no {}", keys.join(" › ")))),
                }
            }
            "Fn::If" => {
                let items = self.arguments(argument, "Fn::If", 3)?;
                let condition = self.text(&items[0], "Fn::If condition")?;
                if self.condition(&condition, at)? { self.resolve(&items[1]) } else { self.resolve(&items[2]) }
            }
            "Fn::Base64" => {
                let text = self.text(argument, "Fn::Base64")?;
                Ok(Some(Value::String(base64(text.as_bytes()))))
            }
            "Fn::ImportValue" => {
                let export = self.text(argument, "Fn::ImportValue")?;
                let name = format!("ImportValue.{export}");
                let description = format!("The value another stack exports as {export} (Fn::ImportValue)");
                Ok(Some(self.outside(&name, description)))
            }
            other => Err(problem(at, format!("{other}: not a function the import resolves"))),
        }
    }

    /// `Ref`: a parameter, a pseudo parameter, or a resource.
    fn reference(&mut self, name: &str, at: &Node) -> Resolved {
        let options = self.options;
        let pseudo = match name {
            "AWS::NoValue" => return Ok(None),
            "AWS::StackName" => Some(Value::String(options.stack_name.clone())),
            "AWS::Region" => Some(Value::String(options.region.clone())),
            "AWS::AccountId" => Some(Value::String(options.account.clone())),
            "AWS::Partition" => Some(Value::String(self.partition().to_string())),
            "AWS::URLSuffix" => {
                Some(Value::String(if options.region.starts_with("cn-") { "amazonaws.com.cn" } else { "amazonaws.com" }.to_string()))
            }
            "AWS::StackId" => Some(Value::String(format!(
                "arn:{}:cloudformation:{}:{}:stack/{}/00000000-0000-0000-0000-000000000000",
                self.partition(),
                options.region,
                options.account,
                options.stack_name
            ))),
            "AWS::NotificationARNs" => Some(Value::Array(Vec::new())),
            _ => None,
        };
        if pseudo.is_some() {
            return Ok(pseudo);
        }
        if let Some(declaration) = self.template.parameters.get(name).copied() {
            return Ok(Some(self.parameter(name, declaration)));
        }
        match self.template.resource_type(name) {
            Some(Ok(app_mesh)) => {
                let names = self.mesh_names(name, app_mesh)?;
                Ok(Some(Value::String(self.arn(&names))))
            }
            Some(Err(type_name)) => {
                let description =
                    format!("Ref of {name} ({type_name}), which is outside App Mesh: the value CloudFormation's Ref gives for it");
                Ok(Some(self.outside(name, description)))
            }
            None => Err(problem(at, format!("Ref to {name}: the template has no parameter or resource of that name"))),
        }
    }

    fn parameter(&mut self, name: &str, declaration: &Node) -> Value {
        let value = self.parameters.value(name, &self.user.clone());
        let Some(value) = value else {
            if !self.waits_for.iter().any(|waiting| waiting == name) {
                self.waits_for.push(name.to_string());
            }
            return Value::String(format!("${{{name}}}"));
        };
        let list_type =
            declaration.get("Type").and_then(Node::scalar).is_some_and(|kind| kind.starts_with("List<") || kind == "CommaDelimitedList");
        if list_type {
            Value::Array(value.split(',').map(|item| Value::String(item.trim().to_string())).collect())
        } else {
            Value::String(value)
        }
    }

    /// A value only a deployed stack knows: a parameter the user fills in.
    fn outside(&mut self, name: &str, description: String) -> Value {
        self.parameters.declare_outside(name, Some(description), None);
        let declaration = Node { kind: NodeKind::Scalar { text: String::new(), plain: false }, line: 0, tag: None };
        self.parameter(name, &declaration)
    }

    /// `Fn::GetAtt`: an App Mesh resource's names, ARN and owners; of anything else, a parameter.
    fn attribute(&mut self, resource: &str, attribute: &str, at: &Node) -> Result<Value, Problem> {
        match self.template.resource_type(resource) {
            Some(Ok(app_mesh)) => {
                let names = self.mesh_names(resource, app_mesh)?;
                let owner = names.mesh_owner.clone().unwrap_or_else(|| self.options.account.clone());
                let value = match attribute {
                    "Arn" => self.arn(&names),
                    "MeshName" => names.mesh.clone(),
                    "MeshOwner" => owner,
                    "ResourceOwner" => self.options.account.clone(),
                    "Uid" => {
                        let name = format!("{resource}.Uid");
                        let description = format!("The uid App Mesh gives {resource} when it creates it (Fn::GetAtt {resource}.Uid)");
                        return Ok(self.outside(&name, description));
                    }
                    other if Some(other) == app_mesh.name_property && names.kind != ResourceKind::Mesh => names.name.clone(),
                    other if Some(other) == app_mesh.parent_property => names.parent.clone().unwrap_or_default(),
                    other => return Err(problem(at, format!("Fn::GetAtt: {} has no attribute {other}", app_mesh.type_name))),
                };
                Ok(Value::String(value))
            }
            Some(Err(type_name)) => {
                let name = format!("{resource}.{attribute}");
                let description = format!("Fn::GetAtt {resource}.{attribute} of {type_name}, which is outside App Mesh");
                Ok(self.outside(&name, description))
            }
            None => Err(problem(at, format!("Fn::GetAtt: the template has no resource {resource}"))),
        }
    }

    pub fn arn(&self, names: &MeshNames) -> String {
        let owner = names.mesh_owner.as_deref().unwrap_or(&self.options.account);
        let mesh = format!("arn:{}:appmesh:{}:{owner}:mesh/{}", self.partition(), self.options.region, names.mesh);
        match (names.kind, &names.parent) {
            (ResourceKind::Mesh, _) => mesh,
            (ResourceKind::Route, Some(parent)) => format!("{mesh}/virtualRouter/{parent}/route/{}", names.name),
            (ResourceKind::GatewayRoute, Some(parent)) => format!("{mesh}/virtualGateway/{parent}/gatewayRoute/{}", names.name),
            (kind, _) => format!("{mesh}/{}/{}", segment(kind), names.name),
        }
    }

    /// The names of an App Mesh resource of the template, read from its properties.
    pub fn mesh_names(&mut self, id: &str, app_mesh: &'static AppMeshType) -> Result<MeshNames, Problem> {
        if let Some(known) = self.names.get(id) {
            return known.clone();
        }
        if self.resolving.iter().any(|open| open == id) {
            let circle = format!("{} → {id}", self.resolving.join(" → "));
            return Err(Problem::new(None, format!("circular reference: {circle}")));
        }
        if self.resolving.len() >= MAX_CHAIN {
            return Err(Problem::new(None, format!("{id}: references chain through more than {MAX_CHAIN} resources")));
        }
        self.resolving.push(id.to_string());
        let names = self.read_names(id, app_mesh);
        self.resolving.pop();
        self.names.insert(id.to_string(), names.clone());
        names
    }

    fn read_names(&mut self, id: &str, app_mesh: &'static AppMeshType) -> Result<MeshNames, Problem> {
        let resource = self.template.resource(id).expect("a resource of the template");
        let properties = resource.get("Properties");
        let property = |name: &str| properties.and_then(|properties| properties.get(name));
        let named = |resolver: &mut Self, name: &str| -> Result<Option<String>, Problem> {
            match property(name) {
                Some(node) => {
                    let value = resolver.text(node, name)?;
                    if value.starts_with("arn:") && value.contains(":appmesh:") {
                        return Err(problem(node, format!("{name}: {}", arn_instead_of_name(name, &value))));
                    }
                    Ok(Some(value))
                }
                None => Ok(None),
            }
        };
        let own_name = match app_mesh.name_property {
            Some(property) => named(self, property)?,
            None => None,
        };
        let mesh = named(self, "MeshName")?;
        let generated_name = format!("{}-{id}", self.options.stack_name);
        let (mesh, name, generated) = match (app_mesh.kind, mesh, own_name) {
            (ResourceKind::Mesh, Some(mesh), _) => (mesh.clone(), mesh, false),
            (ResourceKind::Mesh, None, _) => (generated_name.clone(), generated_name, true),
            (_, None, _) => return Err(Problem::new(Some(resource.line), format!("{id}: MeshName is required"))),
            (_, Some(mesh), Some(name)) => (mesh, name, false),
            (_, Some(_), None) if app_mesh.kind == ResourceKind::VirtualService => {
                return Err(Problem::new(Some(resource.line), format!("{id}: VirtualServiceName is required")));
            }
            (_, Some(mesh), None) => (mesh, generated_name, true),
        };
        let parent = match app_mesh.parent_property {
            Some(property) => match named(self, property)? {
                Some(parent) => Some(parent),
                None => return Err(Problem::new(Some(resource.line), format!("{id}: {property} is required"))),
            },
            None => None,
        };
        let mesh_owner = match (app_mesh.kind, property("MeshOwner")) {
            (ResourceKind::Mesh, _) | (_, None) => None,
            (_, Some(node)) => Some(self.text(node, "MeshOwner")?),
        };
        Ok(MeshNames { kind: app_mesh.kind, mesh, mesh_owner, parent, name, generated })
    }

    /// A condition of the template's `Conditions`, evaluated once.
    pub fn condition(&mut self, name: &str, at: &Node) -> Result<bool, Problem> {
        if let Some(known) = self.conditions.get(name) {
            return known.clone();
        }
        let Some(node) = self.template.conditions.get(name).copied() else {
            return Err(problem(at, format!("the template has no condition {name}")));
        };
        let key = format!("condition {name}");
        if self.resolving.contains(&key) {
            return Err(problem(at, format!("condition {name} depends on itself")));
        }
        self.resolving.push(key);
        let value = self.evaluate(node);
        self.resolving.pop();
        self.conditions.insert(name.to_string(), value.clone());
        value
    }

    fn evaluate(&mut self, node: &Node) -> Result<bool, Problem> {
        let (function, argument) = match short_form(node) {
            Some(function) => (function, untagged(node)),
            None => match node.entries() {
                Some([(key, argument)]) => (key.key_text(), argument.clone()),
                _ => return Err(problem(node, "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition")),
            },
        };
        match function.as_str() {
            "Fn::Equals" => {
                let items = self.arguments(&argument, "Fn::Equals", 2)?;
                let left = self.resolve(&items[0])?;
                let right = self.resolve(&items[1])?;
                Ok(comparable(left) == comparable(right))
            }
            "Fn::And" | "Fn::Or" => {
                let items = argument.items().ok_or_else(|| problem(node, format!("{function}: takes a list of conditions")))?;
                if !(2..=10).contains(&items.len()) {
                    return Err(problem(node, format!("{function}: takes 2 to 10 conditions, got {}", items.len())));
                }
                let mut values = Vec::new();
                for item in items {
                    values.push(self.evaluate(item)?);
                }
                Ok(if function == "Fn::And" { values.iter().all(|v| *v) } else { values.iter().any(|v| *v) })
            }
            "Fn::Not" => {
                let items = self.arguments(&argument, "Fn::Not", 1)?;
                Ok(!self.evaluate(&items[0])?)
            }
            "Condition" => {
                let name = self.text(&argument, "Condition")?;
                self.condition(&name, node)
            }
            other => Err(problem(node, format!("{other}: not a condition function"))),
        }
    }

    /// `Fn::Sub`: `${Parameter}`, `${Resource}`, `${Resource.Attribute}`, `${!Literal}`, and
    /// the variables of its second form.
    fn sub(&mut self, argument: &Node, at: &Node) -> Result<String, Problem> {
        let (template, variables) = match &argument.kind {
            NodeKind::Seq(items) if items.len() == 2 => {
                let mut variables = BTreeMap::new();
                for (key, value) in items[1].entries().ok_or_else(|| problem(at, "Fn::Sub: the second argument must be a mapping"))? {
                    let name = key.key_text();
                    let value = self.value(value, &format!("Fn::Sub variable {name}"))?;
                    variables.insert(name.clone(), scalar_text(value, at, &format!("Fn::Sub variable {name}"))?);
                }
                (self.text(&items[0], "Fn::Sub")?, variables)
            }
            _ => (self.text(argument, "Fn::Sub")?, BTreeMap::new()),
        };
        let mut out = String::new();
        let mut rest = template.as_str();
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                return Err(problem(at, format!("Fn::Sub: an unclosed ${{ in {template:?}")));
            };
            let variable = &after[..end];
            if let Some(literal) = variable.strip_prefix('!') {
                out.push_str(&format!("${{{literal}}}"));
            } else if let Some(value) = variables.get(variable) {
                out.push_str(value);
            } else {
                let value = match variable.split_once('.') {
                    Some((resource, attribute)) => self.attribute(resource, attribute, at)?,
                    None => self.reference(variable, at)?.unwrap_or(Value::String(String::new())),
                };
                out.push_str(&scalar_text(value, at, &format!("Fn::Sub ${{{variable}}}"))?);
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Why a name is an ARN, and what gives the name instead (`attribute`: `VirtualNodeName`).
pub fn arn_instead_of_name(attribute: &str, value: &str) -> String {
    format!(
        "{value} is an ARN, not a name: CloudFormation's Ref of an App Mesh resource returns its ARN; \
         !GetAtt LogicalId.{attribute} gives its name"
    )
}

fn segment(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Mesh => "mesh",
        ResourceKind::VirtualNode => "virtualNode",
        ResourceKind::VirtualRouter => "virtualRouter",
        ResourceKind::Route => "route",
        ResourceKind::VirtualService => "virtualService",
        ResourceKind::VirtualGateway => "virtualGateway",
        ResourceKind::GatewayRoute => "gatewayRoute",
    }
}

/// The long name of a short form's tag: `!Ref` → `Ref`, `!Sub` → `Fn::Sub`.
fn short_form(node: &Node) -> Option<String> {
    let tag = node.tag.as_deref()?.strip_prefix('!')?;
    if tag.starts_with('!') || tag.is_empty() {
        return None;
    }
    Some(match tag {
        "Ref" | "Condition" => tag.to_string(),
        other => format!("Fn::{other}"),
    })
}

fn untagged(node: &Node) -> Node {
    Node { tag: None, ..node.clone() }
}

fn scalar_text(value: Value, at: &Node, what: &str) -> Result<String, Problem> {
    match value {
        Value::String(text) => Ok(text),
        Value::Number(number) => Ok(number.to_string()),
        Value::Bool(flag) => Ok(flag.to_string()),
        other => Err(problem(at, format!("{what}: must be a string, got {other}"))),
    }
}

/// `Fn::Equals` compares what the template writes: `"80"` equals `80`.
fn comparable(value: Option<Value>) -> Option<Value> {
    match value {
        Some(Value::Number(number)) => Some(Value::String(number.to_string())),
        Some(Value::Bool(flag)) => Some(Value::String(flag.to_string())),
        other => other,
    }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let triple = chunk.iter().enumerate().fold(0u32, |acc, (i, byte)| acc | (u32::from(*byte) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((triple >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_pads() {
        assert_eq!(super::base64(b"ab"), "YWI=");
        assert_eq!(super::base64(b"abc"), "YWJj");
        assert_eq!(super::base64(b"a"), "YQ==");
    }
}
