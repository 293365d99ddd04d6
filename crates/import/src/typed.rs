//! A spec read into the engine's own types, so it is refused as the API refuses it, in the
//! API's words (`spec.listeners[0].portMapping.port: must be between 1 and 65535, got 70000`),
//! and members the API does not have are named rather than silently dropped.

use mesh_engine::mesh_config::ResourceKind;
use mesh_engine::resource::TagRef;
use mesh_engine::spec::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// How strings and numbers are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// As the API reads JSON: a number must be a number.
    Strict,
    /// As CloudFormation does: a string where a number or boolean is wanted is read as one
    /// (`Port: !Ref PortParameter`), and a number or boolean where a string is wanted as text.
    Lenient,
}

/// The spec as the API would store it, or why it is refused: each problem is its member's
/// path (from `spec`) and the message.
pub fn check_spec(kind: ResourceKind, spec: &Value, reading: Reading) -> Result<Value, Vec<(String, String)>> {
    match kind {
        ResourceKind::Mesh => check::<MeshSpec>(spec, reading),
        ResourceKind::VirtualNode => check::<VirtualNodeSpec>(spec, reading),
        ResourceKind::VirtualRouter => check::<VirtualRouterSpec>(spec, reading),
        ResourceKind::Route => check::<RouteSpec>(spec, reading),
        ResourceKind::VirtualService => check::<VirtualServiceSpec>(spec, reading),
        ResourceKind::VirtualGateway => check::<VirtualGatewaySpec>(spec, reading),
        ResourceKind::GatewayRoute => check::<GatewayRouteSpec>(spec, reading),
    }
}

/// Tags as the API takes them: `[{key, value}]`, at most 50, each key once.
pub fn check_tags(tags: &Value, reading: Reading) -> Result<Vec<TagRef>, Vec<(String, String)>> {
    let checked = check_value::<mesh_engine::input::TagList>(tags, reading, "tags")?;
    serde_json::from_value::<Vec<TagRef>>(checked).map_err(|error| vec![("tags".to_string(), error.to_string())])
}

fn check<T: DeserializeOwned + Serialize>(spec: &Value, reading: Reading) -> Result<Value, Vec<(String, String)>> {
    check_value::<T>(spec, reading, "spec")
}

fn check_value<T: DeserializeOwned + Serialize>(input: &Value, reading: Reading, root: &str) -> Result<Value, Vec<(String, String)>> {
    let mut input = input.clone();
    // Each round reads one more string as a number (or the reverse); a spec has fewer scalars than this.
    for _ in 0..10_000 {
        match serde_path_to_error::deserialize::<_, T>(input.clone()) {
            Ok(typed) => {
                let output = serde_json::to_value(&typed).expect("a spec always serializes");
                let mut unknown = Vec::new();
                unknown_members(root.to_string(), &input, &output, &mut unknown);
                return if unknown.is_empty() { Ok(output) } else { Err(unknown) };
            }
            Err(error) => {
                let message = error.inner().to_string();
                let segments: Vec<serde_path_to_error::Segment> = error.path().iter().cloned().collect();
                if reading == Reading::Lenient && coerce(&mut input, &segments, &message) {
                    continue;
                }
                let path = error.path().to_string();
                let path = match path.as_str() {
                    "." => root.to_string(),
                    index if index.starts_with('[') => format!("{root}{index}"),
                    member => format!("{root}.{member}"),
                };
                return Err(vec![(path, message)]);
            }
        }
    }
    Err(vec![(root.to_string(), "too many values to read".to_string())])
}

/// Reads the value at `path` as the error says was wanted; false if it cannot be.
fn coerce(input: &mut Value, path: &[serde_path_to_error::Segment], message: &str) -> bool {
    use serde_path_to_error::Segment;
    let mut value = input;
    for segment in path {
        let next = match (segment, value) {
            (Segment::Seq { index }, Value::Array(items)) => items.get_mut(*index),
            (Segment::Map { key }, Value::Object(map)) => map.get_mut(key),
            (Segment::Enum { variant }, Value::Object(map)) => map.get_mut(variant),
            _ => None,
        };
        match next {
            Some(next) => value = next,
            None => return false,
        }
    }
    let wants_text = message.contains("expected a string");
    let replacement = match &*value {
        Value::String(text) if message.starts_with("invalid type: string") && !wants_text => match text.trim() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            number => number.parse::<i64>().ok().map(Value::from).or_else(|| number.parse::<f64>().ok().map(Value::from)),
        },
        Value::Number(number) if wants_text => Some(Value::String(number.to_string())),
        Value::Bool(flag) if wants_text => Some(Value::String(flag.to_string())),
        _ => None,
    };
    match replacement {
        Some(replacement) => {
            *value = replacement;
            true
        }
        None => false,
    }
}

/// Members of the input the typed value did not keep: the API has no such member.
fn unknown_members(path: String, input: &Value, output: &Value, unknown: &mut Vec<(String, String)>) {
    match (input, output) {
        (Value::Object(input), Value::Object(output)) => {
            for (key, value) in input {
                let member = format!("{path}.{key}");
                match output.get(key) {
                    Some(kept) => unknown_members(member, value, kept, unknown),
                    None if value.is_null() => {}
                    None => unknown.push((member, "is not a member the App Mesh API knows here".to_string())),
                }
            }
        }
        (Value::Array(input), Value::Array(output)) => {
            for (index, (value, kept)) in input.iter().zip(output).enumerate() {
                unknown_members(format!("{path}[{index}]"), value, kept, unknown);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn refusals_are_in_the_engines_words() {
        let spec = json!({"listeners": [{"portMapping": {"port": 70000, "protocol": "http"}}]});
        let problems = check_spec(ResourceKind::VirtualNode, &spec, Reading::Strict).unwrap_err();
        assert_eq!(problems, [("spec.listeners[0].portMapping.port".to_string(), "must be between 1 and 65535, got 70000".to_string())]);
    }

    #[test]
    fn lenient_reading_takes_strings_for_numbers_and_the_reverse() {
        let spec =
            json!({"listeners": [{"portMapping": {"port": "8080", "protocol": "http"}}], "serviceDiscovery": {"dns": {"hostname": 12}}});
        assert!(check_spec(ResourceKind::VirtualNode, &spec, Reading::Strict).is_err());
        let read = check_spec(ResourceKind::VirtualNode, &spec, Reading::Lenient).unwrap();
        assert_eq!(read["listeners"][0]["portMapping"]["port"], json!(8080));
        assert_eq!(read["serviceDiscovery"]["dns"]["hostname"], json!("12"));
        let word = json!({"listeners": [{"portMapping": {"port": "eighty", "protocol": "http"}}]});
        let problems = check_spec(ResourceKind::VirtualNode, &word, Reading::Lenient).unwrap_err();
        assert!(problems[0].1.starts_with("invalid type: string \"eighty\""), "{problems:?}");
    }

    #[test]
    fn unknown_members_are_named() {
        let spec = json!({"provider": {"virtualNode": {"virtualNodeName": "a", "weight": 1}}, "extra": true});
        let problems = check_spec(ResourceKind::VirtualService, &spec, Reading::Strict).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(paths, ["spec.extra", "spec.provider.virtualNode.weight"]);
    }

    #[test]
    fn tags_are_checked() {
        assert!(check_tags(&json!([{"key": "team", "value": "a"}]), Reading::Strict).is_ok());
        let problems = check_tags(&json!([{"key": "aws:x", "value": "a"}]), Reading::Strict).unwrap_err();
        assert!(problems[0].0.starts_with("tags[0].key"), "{problems:?}");
    }
}
