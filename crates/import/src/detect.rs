//! Which format a file is in, from its content; its name is only a hint (a `.json` file that
//! does not read is reported with JSON's words).

use crate::plan::{Plan, Problem};
use crate::yaml::{Node, NodeKind, documents};
use crate::{ImportOptions, cloudformation, describe, kubernetes, mesh_console};
use serde_json::Value;

/// A document as JSON, with the line it starts on.
pub type JsonDocument = (Value, usize);

const NONE_OF_THEM: &str = "The file is none of the formats Mesh Console imports: an AWS CloudFormation template (a mapping with \
    Resources), App Mesh controller manifests (apiVersion appmesh.k8s.aws/v1beta2), a mesh exported by Mesh Console, or the JSON \
    that aws appmesh describe-* commands print.";

pub fn read(text: &str, options: &ImportOptions) -> Plan {
    if text.trim().is_empty() {
        return Plan::unreadable(None, Problem::new(None, "The file is empty."));
    }
    let json_hint = options.file_name.as_deref().is_some_and(|name| name.to_ascii_lowercase().ends_with(".json"));
    match documents(text) {
        Ok(docs) => read_documents(&docs, options),
        Err(yaml_error) if yaml_error.message.contains("written twice") => {
            Plan::unreadable(None, Problem::new(Some(yaml_error.line), yaml_error.message))
        }
        // `{…}{…}`, one describe answer after another, is JSON but not YAML.
        Err(yaml_error) => match json_stream(text) {
            Ok(values) => read_documents(&values.into_iter().map(|(value, line)| node(value, line)).collect::<Vec<_>>(), options),
            Err(json_error) if json_hint || text.trim_start().starts_with(['{', '[']) => {
                Plan::unreadable(None, Problem::new(Some(json_error.line()), format!("The file is not JSON: {json_error}")))
            }
            Err(_) => Plan::unreadable(
                None,
                Problem::new(Some(yaml_error.line), format!("The file is neither YAML nor JSON: {}", yaml_error.message)),
            ),
        },
    }
}

fn read_documents(docs: &[Node], options: &ImportOptions) -> Plan {
    if let Some(template) = docs.iter().find(|doc| cloudformation::is_template(doc)) {
        return cloudformation::read(template, options);
    }
    if docs.iter().any(kubernetes::is_manifest) {
        return kubernetes::read(docs, options);
    }
    read_json(docs.iter().map(|doc| (doc.to_json(), doc.line)).collect(), options)
}

fn read_json(values: Vec<JsonDocument>, options: &ImportOptions) -> Plan {
    if values.iter().any(|(value, _)| mesh_console::is_export(value)) {
        return mesh_console::read(&values);
    }
    if !values.is_empty() && values.iter().all(|(value, _)| describe::is_dump(value)) {
        return describe::read(&values, options);
    }
    Plan::unreadable(None, Problem::new(None, NONE_OF_THEM))
}

/// A JSON document as a node, every member placed at the document's first line.
fn node(value: Value, line: usize) -> Node {
    let kind = match value {
        Value::Array(items) => NodeKind::Seq(items.into_iter().map(|item| node(item, line)).collect()),
        Value::Object(map) => {
            NodeKind::Map(map.into_iter().map(|(key, value)| (node(Value::String(key), line), node(value, line))).collect())
        }
        Value::String(text) => NodeKind::Scalar { text, plain: false },
        other => NodeKind::Scalar { text: other.to_string(), plain: true },
    };
    Node { kind, line, tag: None }
}

/// One JSON value after another, each with its first line.
fn json_stream(text: &str) -> Result<Vec<JsonDocument>, serde_json::Error> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let mut values = Vec::new();
    loop {
        let start = stream.byte_offset();
        match stream.next() {
            None => return Ok(values),
            Some(value) => {
                let skipped = text[start..].len() - text[start..].trim_start().len();
                let line = text[..start + skipped].matches('\n').count() + 1;
                values.push((value?, line));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Format;

    fn format_of(text: &str) -> (Option<Format>, Vec<String>) {
        let plan = read(text, &ImportOptions::default());
        (plan.format, plan.problems.into_iter().map(|problem| problem.message).collect())
    }

    #[test]
    fn formats_are_told_apart_by_content() {
        assert_eq!(
            format_of("Resources:\n  M:\n    Type: AWS::AppMesh::Mesh\n    Properties: {MeshName: m}\n").0,
            Some(Format::CloudFormation)
        );
        assert_eq!(
            format_of("apiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata: {name: m}\nspec: {}\n").0,
            Some(Format::Kubernetes)
        );
        assert_eq!(format_of(r#"{"format": "mesh-console-mesh", "version": 1, "mesh": {"meshName": "m"}}"#).0, Some(Format::MeshConsole));
        let dump = r#"{"mesh": {"meshName": "m", "spec": {}, "metadata": {"meshOwner": "123456789012"}, "status": {"status": "ACTIVE"}}}
{"virtualNode": {"meshName": "m", "virtualNodeName": "n", "spec": {}, "status": {"status": "ACTIVE"}}}"#;
        assert_eq!(format_of(dump).0, Some(Format::DescribeDump));
    }

    #[test]
    fn what_is_none_of_them_says_so() {
        assert_eq!(format_of("").1, ["The file is empty."]);
        assert_eq!(format_of("just: words\n").1, [NONE_OF_THEM]);
        let (format, problems) = format_of("{\"a\": [1, 2}");
        assert_eq!(format, None);
        assert!(problems[0].starts_with("The file is not JSON"), "{problems:?}");
        assert!(format_of("a: [b\n").1[0].starts_with("The file is neither YAML nor JSON"));
    }

    #[test]
    fn duplicate_keys_are_refused_and_concatenated_json_is_read() {
        assert_eq!(format_of("{\"a\": 1, \"a\": 2}").1, ["the key \"a\" is written twice in one mapping"]);
        let two = "{\"virtualNode\": {\"meshName\": \"m\", \"virtualNodeName\": \"n\", \"spec\": {}}}{\"virtualNode\": {\"meshName\": \"m\", \"virtualNodeName\": \"o\", \"spec\": {}}}";
        let plan = read(two, &ImportOptions::default());
        assert_eq!(plan.resources.len(), 2);
    }

    #[test]
    fn tabs_crlf_and_a_byte_order_mark_still_read() {
        let template = "\u{feff}{\r\n\t\"Resources\": {\r\n\t\t\"M\": {\"Type\": \"AWS::AppMesh::Mesh\", \"Properties\": {\"MeshName\": \"m\"}}\r\n\t}\r\n}\r\n";
        let plan = read(template, &ImportOptions::default());
        assert_eq!(plan.format, Some(Format::CloudFormation), "{:?}", plan.problems);
        assert_eq!(plan.resources[0].name, "m");
    }
}
