//! CloudFormation spells the API's members in PascalCase, acronyms in capitals (`TLS`, `ACM`,
//! `SDS`, `DNS`, `AWSCloudMap`, `HTTP2`, `GRPC`); the API in camelCase (`tls`, `awsCloudMap`,
//! `http2`). One rule maps every property of the `AWS::AppMesh::*` registry schemas (as
//! cfn-lint vendors them) to its API member: lower the leading capitals, all of them when the
//! word ends there or a digit follows, all but the last when a lowercase letter follows.

use crate::plan::Lines;
use crate::yaml::{Node, NodeKind};
use serde_json::{Map, Value};

pub fn api_member(property: &str) -> String {
    let chars: Vec<char> = property.chars().collect();
    let capitals = chars.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let lowered = match chars.get(capitals) {
        Some(next) if next.is_ascii_lowercase() && capitals > 1 => capitals - 1,
        _ => capitals,
    };
    chars.iter().enumerate().map(|(index, c)| if index < lowered { c.to_ascii_lowercase() } else { *c }).collect()
}

/// A resolved property value with every mapping key in the API's spelling.
pub fn to_api(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(map.into_iter().map(|(key, value)| (api_member(&key), to_api(value))).collect::<Map<_, _>>()),
        Value::Array(items) => Value::Array(items.into_iter().map(to_api).collect()),
        other => other,
    }
}

/// The line of every member under `node`, by its API path from `path`. An intrinsic function
/// places everything it yields at its own line.
pub fn lines(node: &Node, path: String, lines: &mut Lines) {
    lines.0.insert(path.clone(), node.line);
    if node.tag.as_deref().is_some_and(|tag| tag.starts_with('!') && !tag.starts_with("!!")) {
        return;
    }
    match &node.kind {
        NodeKind::Map(entries) if !super::intrinsics::is_function(node) => {
            for (key, value) in entries {
                super::names::lines(value, format!("{path}.{}", api_member(&key.key_text())), lines);
            }
        }
        NodeKind::Seq(items) => {
            for (index, item) in items.iter().enumerate() {
                super::names::lines(item, format!("{path}[{index}]"), lines);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloudformation_properties_become_api_members() {
        let pairs = [
            ("Spec", "spec"),
            ("PortMapping", "portMapping"),
            ("TLS", "tls"),
            ("ACM", "acm"),
            ("SDS", "sds"),
            ("DNS", "dns"),
            ("AWSCloudMap", "awsCloudMap"),
            ("HTTP2", "http2"),
            ("GRPC", "grpc"),
            ("Http2Route", "http2Route"),
            ("IpPreference", "ipPreference"),
            ("CertificateAuthorityArns", "certificateAuthorityArns"),
            ("Match", "match"),
        ];
        for (property, member) in pairs {
            assert_eq!(api_member(property), member);
        }
    }
}
