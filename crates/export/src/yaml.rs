//! The YAML the exports write: a tree whose maps keep the order they are built in (readers
//! expect `apiVersion`, `kind`, `metadata` first), written in block style.
//!
//! Written here rather than by a YAML crate because Kubernetes and CloudFormation read YAML 1.1,
//! where a plain `on`, `yes` or `2026-12-03` is not a string: every string that is not
//! unmistakably one is written double-quoted (as JSON writes it, which YAML reads alike).

use std::fmt::Write;

/// A YAML value. `Null` marks a member that is absent: a map leaves it out.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Map(Vec<(String, Node)>),
    List(Vec<Node>),
    Str(String),
    Int(i64),
    Bool(bool),
    Null,
}

/// A map of the members given, in that order, leaving out those that are `Node::Null`.
macro_rules! map {
    ($($key:expr => $value:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut entries: Vec<(String, $crate::yaml::Node)> = Vec::new();
        $( $crate::yaml::push(&mut entries, $key, $value); )*
        $crate::yaml::Node::Map(entries)
    }};
}
pub(crate) use map;

/// Adds a member to a map's entries unless its value is absent.
pub fn push(entries: &mut Vec<(String, Node)>, key: impl Into<String>, value: impl Into<Node>) {
    let value = value.into();
    if value != Node::Null {
        entries.push((key.into(), value));
    }
}

impl Node {
    /// A list, or absent when it has no items.
    pub fn list_or_absent(items: Vec<Node>) -> Node {
        if items.is_empty() { Node::Null } else { Node::List(items) }
    }

    /// The map's entries, to add members to (a node that is no map has none).
    pub fn entries_mut(&mut self) -> Option<&mut Vec<(String, Node)>> {
        match self {
            Node::Map(entries) => Some(entries),
            _ => None,
        }
    }
}

impl From<&str> for Node {
    fn from(value: &str) -> Self {
        Node::Str(value.to_string())
    }
}

impl From<String> for Node {
    fn from(value: String) -> Self {
        Node::Str(value)
    }
}

impl From<&String> for Node {
    fn from(value: &String) -> Self {
        Node::Str(value.clone())
    }
}

macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for Node {
            fn from(value: $t) -> Self {
                Node::Int(value as i64)
            }
        }
    )*};
}
from_integer!(i64, u64, u32, u16, u8, usize);

impl From<bool> for Node {
    fn from(value: bool) -> Self {
        Node::Bool(value)
    }
}

impl From<Vec<Node>> for Node {
    fn from(items: Vec<Node>) -> Self {
        Node::List(items)
    }
}

impl<T: Into<Node>> From<Option<T>> for Node {
    fn from(value: Option<T>) -> Self {
        value.map_or(Node::Null, Into::into)
    }
}

/// JSON as YAML (members in JSON's order: serde_json sorts them by name).
impl From<&serde_json::Value> for Node {
    fn from(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Node::Null,
            Value::Bool(value) => Node::Bool(*value),
            Value::Number(number) => number.as_i64().map_or_else(|| Node::Str(number.to_string()), Node::Int),
            Value::String(value) => Node::Str(value.clone()),
            Value::Array(items) => Node::List(items.iter().map(Node::from).collect()),
            Value::Object(members) => Node::Map(members.iter().map(|(key, value)| (key.clone(), Node::from(value))).collect()),
        }
    }
}

/// One YAML document per node, each after `---`, the first after `comment`'s lines as `#` comments.
pub fn documents(comment: &[String], nodes: &[Node]) -> String {
    let mut out = String::new();
    for line in comment {
        out.push('#');
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
    for node in nodes {
        out.push_str("---\n");
        write_block(node, 0, &mut out);
    }
    out
}

/// Writes `node` starting on a fresh line at `indent`.
fn write_block(node: &Node, indent: usize, out: &mut String) {
    match node {
        Node::Map(entries) if !entries.is_empty() => {
            for (key, value) in entries {
                pad(indent, out);
                write_scalar_str(key, out);
                out.push(':');
                write_after_marker(value, indent + 2, out);
            }
        }
        Node::List(items) if !items.is_empty() => {
            for item in items {
                pad(indent, out);
                out.push('-');
                write_after_marker(item, indent + 2, out);
            }
        }
        scalar => {
            pad(indent, out);
            write_inline(scalar, out);
            out.push('\n');
        }
    }
}

/// Writes a value after `key:` or `-`: a scalar on the same line, a map or list in the block
/// below (a list item's map or list starts on the dash's line; a key's list sits at the key's
/// indent, as kubectl writes it).
fn write_after_marker(value: &Node, indent: usize, out: &mut String) {
    let after_dash = out.ends_with('-');
    let indent = match value {
        Node::List(_) if !after_dash => indent - 2,
        _ => indent,
    };
    match value {
        Node::Map(entries) if !entries.is_empty() => write_nested(value, indent, after_dash, out),
        Node::List(items) if !items.is_empty() => write_nested(value, indent, after_dash, out),
        scalar => {
            out.push(' ');
            write_inline(scalar, out);
            out.push('\n');
        }
    }
}

fn write_nested(value: &Node, indent: usize, after_dash: bool, out: &mut String) {
    let mut block = String::new();
    write_block(value, indent, &mut block);
    if after_dash {
        out.push(' ');
        out.push_str(&block[indent..]);
    } else {
        out.push('\n');
        out.push_str(&block);
    }
}

fn write_inline(node: &Node, out: &mut String) {
    match node {
        Node::Str(value) => write_scalar_str(value, out),
        Node::Int(value) => write!(out, "{value}").expect("writing to a String"),
        Node::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
        Node::Map(_) => out.push_str("{}"),
        Node::List(_) => out.push_str("[]"),
        Node::Null => out.push_str("null"),
    }
}

fn write_scalar_str(value: &str, out: &mut String) {
    if is_plain_safe(value) {
        out.push_str(value);
    } else {
        out.push_str(&serde_json::to_string(value).expect("a string serializes"));
    }
}

/// A string that every YAML reader, 1.1 or 1.2, reads back as that very string when written plain.
fn is_plain_safe(value: &str) -> bool {
    const WORDS: &[&str] = &["y", "yes", "n", "no", "on", "off", "true", "false", "null"];
    let Some(first) = value.chars().next() else { return false };
    (first.is_ascii_alphabetic() || first == '/')
        && !value.ends_with(':')
        && value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':'))
        && !WORDS.iter().any(|word| word.eq_ignore_ascii_case(value))
}

fn pad(indent: usize, out: &mut String) {
    out.extend(std::iter::repeat_n(' ', indent));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_lists_nest_in_block_style() {
        let node = map! {
            "apiVersion" => "v1",
            "kind" => "Service",
            "absent" => Node::Null,
            "spec" => map! {
                "ports" => vec![map! {"name" => "http-8080", "port" => 8080u16}, map! {"port" => 9090u16}],
                "empty" => Node::List(vec![]),
                "nested" => vec![Node::List(vec![Node::from("a")])],
            },
        };
        let text = documents(&["a comment".to_string(), String::new()], &[node]);
        assert_eq!(
            text,
            "# a comment\n#\n---\napiVersion: v1\nkind: Service\nspec:\n  ports:\n  - name: http-8080\n    port: 8080\n  - port: 9090\n  empty: []\n  nested:\n  - - a\n"
        );
    }

    #[test]
    fn strings_that_yaml_1_1_would_read_otherwise_are_quoted() {
        for value in ["on", "Yes", "n", "0777", "1_000", "2026-12-03", "", "a: b", "- x", "#x", "multi\nline", "~", ".inf", "x:"] {
            let mut out = String::new();
            write_scalar_str(value, &mut out);
            assert!(out.starts_with('"'), "{value:?} is written {out}");
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), value);
        }
        let mut out = String::new();
        write_scalar_str("arn:aws:appmesh:us-east-1:123456789012:mesh/demo", &mut out);
        assert_eq!(out, "arn:aws:appmesh:us-east-1:123456789012:mesh/demo");
    }
}
