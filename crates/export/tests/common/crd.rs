//! Validates Kubernetes objects against the published CRDs vendored in `tests/schemas/`: the
//! `openAPIV3Schema` of the object's group, version and kind as JSON Schema (with unknown
//! members refused, as `kubectl apply` with strict field validation does), and the CEL rules
//! (`x-kubernetes-validations`) that a CEL interpreter without Kubernetes' extension library can
//! evaluate; the others are counted as not checked.

use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

pub struct Crds {
    schemas: HashMap<(String, String), Value>,
}

/// How the CEL rules went over every object validated.
#[derive(Debug, Default)]
pub struct CelTally {
    /// The rules run (each rule once, however many objects it ran on).
    pub checked: BTreeSet<String>,
    /// Rules the interpreter cannot run (a Kubernetes extension function), with why.
    pub not_checked: BTreeMap<String, String>,
    /// Rules on updates (`oldSelf`), which a create does not meet.
    pub transition_rules: BTreeSet<String>,
}

impl Crds {
    /// Every CRD in the files of `dirs` (under `tests/schemas/`), each served version.
    pub fn load(dirs: &[&str]) -> Self {
        let mut schemas = HashMap::new();
        for dir in dirs {
            let dir = super::crate_dir().join("tests/schemas").join(dir);
            for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "yaml") {
                    load_file(&path, &mut schemas);
                }
            }
        }
        Self { schemas }
    }

    pub fn knows(&self, api_version: &str, kind: &str) -> bool {
        self.schemas.contains_key(&(api_version.to_string(), kind.to_string()))
    }

    /// The problems of `object` against its CRD: schema errors and failed CEL rules, after the
    /// schema's defaults are filled in, as the API server does before it validates.
    pub fn validate(&self, object: &Value, tally: &mut CelTally) -> Vec<String> {
        let api_version = object["apiVersion"].as_str().unwrap_or_default();
        let kind = object["kind"].as_str().unwrap_or_default();
        let name = object["metadata"]["name"].as_str().unwrap_or_default();
        let Some(schema) = self.schemas.get(&(api_version.to_string(), kind.to_string())) else {
            return vec![format!("{api_version} {kind} {name}: no vendored CRD")];
        };
        let validator = jsonschema::options().with_draft(jsonschema::Draft::Draft4).build(schema).expect("the CRD schema compiles");
        let mut object = object.clone();
        apply_defaults(schema, &mut object);
        let mut problems: Vec<String> =
            validator.iter_errors(&object).map(|error| format!("{kind} {name}: {} at {}", error, error.instance_path())).collect();
        cel_walk(schema, &object, "", tally, &mut problems, &format!("{kind} {name}"));
        problems
    }
}

fn load_file(path: &Path, schemas: &mut HashMap<(String, String), Value>) {
    let documents = super::yaml_documents(&super::read(path));
    for crd in documents {
        let group = crd["spec"]["group"].as_str().unwrap_or_default().to_string();
        let kind = crd["spec"]["names"]["kind"].as_str().unwrap_or_default().to_string();
        for version in crd["spec"]["versions"].as_array().into_iter().flatten() {
            if version["served"] != json!(true) {
                continue;
            }
            let api_version = format!("{group}/{}", version["name"].as_str().unwrap_or_default());
            let mut schema = version["schema"]["openAPIV3Schema"].clone();
            // Every object has these, whether its CRD's schema names them or not.
            for member in ["apiVersion", "kind"] {
                schema["properties"][member] = json!({"type": "string"});
            }
            schema["properties"]["metadata"] = json!({"type": "object"});
            refuse_unknown_members(&mut schema);
            schemas.insert((api_version, kind.clone()), schema);
        }
    }
}

/// A structural schema prunes members it does not name; strict field validation refuses them.
fn refuse_unknown_members(schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else { return };
    let preserves = object.get("x-kubernetes-preserve-unknown-fields") == Some(&json!(true));
    if object.contains_key("properties") && !object.contains_key("additionalProperties") && !preserves {
        object.insert("additionalProperties".into(), json!(false));
    }
    for (key, value) in object.iter_mut() {
        match key.as_str() {
            "properties" => value.as_object_mut().into_iter().flatten().for_each(|(_, child)| refuse_unknown_members(child)),
            "items" | "additionalProperties" => refuse_unknown_members(value),
            "allOf" | "anyOf" | "oneOf" => value.as_array_mut().into_iter().flatten().for_each(refuse_unknown_members),
            _ => {}
        }
    }
}

/// Fills in the members the schema gives a `default`, where the object has their parent.
fn apply_defaults(schema: &Value, value: &mut Value) {
    match value {
        Value::Object(members) => {
            for (key, child_schema) in schema["properties"].as_object().into_iter().flatten() {
                if !members.contains_key(key)
                    && let Some(default) = child_schema.get("default")
                {
                    members.insert(key.clone(), default.clone());
                }
            }
            for (key, child) in members.iter_mut() {
                match schema["properties"].get(key) {
                    Some(child_schema) => apply_defaults(child_schema, child),
                    None if schema["additionalProperties"].is_object() => apply_defaults(&schema["additionalProperties"], child),
                    None => {}
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| apply_defaults(&schema["items"], item)),
        _ => {}
    }
}

/// A value as Kubernetes hands it to CEL: member names that are CEL words, or hold `.`, `-`
/// or `/`, escaped (`namespace` is `__namespace__`).
fn cel_escaped(value: &Value) -> Value {
    const RESERVED: &[&str] = &[
        "true",
        "false",
        "null",
        "in",
        "as",
        "break",
        "const",
        "continue",
        "else",
        "for",
        "function",
        "if",
        "import",
        "let",
        "loop",
        "package",
        "namespace",
        "return",
        "var",
        "void",
        "while",
    ];
    match value {
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(key, child)| {
                    let key = if RESERVED.contains(&key.as_str()) {
                        format!("__{key}__")
                    } else {
                        key.replace("__", "__underscores__").replace('.', "__dot__").replace('-', "__dash__").replace('/', "__slash__")
                    };
                    (key, cel_escaped(child))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(cel_escaped).collect()),
        other => other.clone(),
    }
}

/// Runs the CEL rules of every schema node the object has a value for.
fn cel_walk(schema: &Value, value: &Value, path: &str, tally: &mut CelTally, problems: &mut Vec<String>, object: &str) {
    for rule in schema["x-kubernetes-validations"].as_array().into_iter().flatten() {
        let source = rule["rule"].as_str().unwrap_or_default();
        if source.contains("oldSelf") {
            tally.transition_rules.insert(source.to_string());
            continue;
        }
        let program = match cel::Program::compile(source) {
            Ok(program) => program,
            Err(error) => {
                tally.not_checked.insert(source.to_string(), format!("does not parse: {error}"));
                continue;
            }
        };
        let mut context = cel::Context::default();
        context.add_variable_from_value("self", cel::to_value(cel_escaped(value)).expect("JSON as CEL"));
        match program.execute(&context) {
            Ok(cel::Value::Bool(true)) => {
                tally.checked.insert(source.to_string());
            }
            Ok(cel::Value::Bool(false)) => {
                problems.push(format!("{object}: {} at {path}: rule {source}", rule["message"].as_str().unwrap_or("a CEL rule fails")));
                tally.checked.insert(source.to_string());
            }
            Ok(other) => {
                tally.not_checked.insert(source.to_string(), format!("gave {other:?}"));
            }
            Err(error) => {
                tally.not_checked.insert(source.to_string(), error.to_string());
            }
        }
    }
    match value {
        Value::Object(members) => {
            for (key, child) in members {
                let child_schema = match schema["properties"].get(key) {
                    Some(child_schema) => child_schema,
                    None if schema["additionalProperties"].is_object() => &schema["additionalProperties"],
                    None => continue,
                };
                cel_walk(child_schema, child, &format!("{path}.{key}"), tally, problems, object);
            }
        }
        Value::Array(items) if schema["items"].is_object() => {
            for (index, item) in items.iter().enumerate() {
                cel_walk(&schema["items"], item, &format!("{path}[{index}]"), tally, problems, object);
            }
        }
        _ => {}
    }
}
