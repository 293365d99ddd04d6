//! YAML (and JSON, which YAML 1.2 reads as well) into a tree that keeps what the formats need:
//! each node's line, its tag (`!Ref`, `!GetAtt`, …) and whether a scalar was quoted. Aliases
//! are expanded; nesting and expansion are bounded so that no input can exhaust the stack or
//! the memory.

use saphyr_parser::{Event, Parser, ScalarStyle, Span, SpannedEventReceiver};
use serde_json::{Map, Number, Value};
use std::collections::HashMap;

/// Deeper than any App Mesh spec, CloudFormation template or manifest nests.
pub const MAX_DEPTH: usize = 64;
/// Nodes in all documents once aliases are expanded.
const MAX_NODES: usize = 200_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    /// 1-based.
    pub line: usize,
    /// As written: `!Ref`, `!!str`.
    pub tag: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Scalar { text: String, plain: bool },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

/// Why a text does not read as YAML, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub message: String,
}

impl Node {
    pub fn scalar(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    pub fn entries(&self) -> Option<&[(Node, Node)]> {
        match &self.kind {
            NodeKind::Map(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// The value of a mapping's key (the first, if written twice: [`documents`] refuses that).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries()?.iter().find(|(k, _)| k.scalar() == Some(key)).map(|(_, value)| value)
    }

    /// The node as JSON, scalars read by YAML 1.2's core schema (tags other than `!!str` are
    /// not looked at: the formats that use them read them before this).
    pub fn to_json(&self) -> Value {
        match &self.kind {
            NodeKind::Scalar { text, plain } => {
                if *plain && self.tag.as_deref() != Some("!!str") {
                    plain_scalar(text)
                } else {
                    Value::String(text.clone())
                }
            }
            NodeKind::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeKind::Map(entries) => {
                let mut map = Map::new();
                for (key, value) in entries {
                    map.insert(key.key_text(), value.to_json());
                }
                Value::Object(map)
            }
        }
    }

    /// A mapping key as text: a scalar as written, anything else as its JSON.
    pub fn key_text(&self) -> String {
        match &self.kind {
            NodeKind::Scalar { text, .. } => text.clone(),
            _ => self.to_json().to_string(),
        }
    }
}

/// A plain scalar by YAML 1.2's core schema: null, booleans, numbers, or a string.
pub fn plain_scalar(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let number = if let Some(hex) = text.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok().map(Number::from)
    } else if let Some(octal) = text.strip_prefix("0o") {
        i64::from_str_radix(octal, 8).ok().map(Number::from)
    } else if text.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'+') {
        text.parse::<i64>().ok().map(Number::from)
    } else if text.bytes().any(|b| b.is_ascii_digit()) && text.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)) {
        text.parse::<f64>().ok().and_then(Number::from_f64)
    } else {
        None
    };
    number.map_or_else(|| Value::String(text.to_string()), Value::Number)
}

/// Every document of a YAML stream.
pub fn documents(text: &str) -> Result<Vec<Node>, YamlError> {
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    parser.load(&mut builder, true).map_err(|error| YamlError { line: error.marker().line(), message: error.info().to_string() })?;
    match builder.error {
        Some(error) => Err(error),
        None => Ok(builder.documents),
    }
}

#[derive(Default)]
struct Builder {
    documents: Vec<Node>,
    /// Open sequences and mappings, with their anchor; a mapping's pending key rides along.
    stack: Vec<(Node, usize, Option<Node>)>,
    anchors: HashMap<usize, Node>,
    nodes: usize,
    error: Option<YamlError>,
}

impl Builder {
    fn fail(&mut self, line: usize, message: impl Into<String>) {
        if self.error.is_none() {
            self.error = Some(YamlError { line, message: message.into() });
        }
    }

    fn count(&mut self, node: &Node) -> bool {
        self.nodes += weight(node);
        if self.nodes > MAX_NODES {
            self.fail(node.line, format!("more than {MAX_NODES} values once aliases are expanded"));
            return false;
        }
        true
    }

    /// A finished node goes into what is open, or is a document.
    fn add(&mut self, node: Node, anchor: usize) {
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
        let Some((parent, _, pending_key)) = self.stack.last_mut() else {
            self.documents.push(node);
            return;
        };
        match &mut parent.kind {
            NodeKind::Seq(items) => items.push(node),
            NodeKind::Map(entries) => match pending_key.take() {
                None => *pending_key = Some(node),
                Some(key) => {
                    let line = key.line;
                    let repeated = entries.iter().any(|(existing, _)| existing.kind == key.kind);
                    let text = key.key_text();
                    entries.push((key, node));
                    if repeated {
                        self.fail(line, format!("the key {text:?} is written twice in one mapping"));
                    }
                }
            },
            NodeKind::Scalar { .. } => unreachable!("only collections are opened"),
        }
    }

    fn open(&mut self, kind: NodeKind, anchor: usize, tag: Option<String>, line: usize) {
        if self.stack.len() >= MAX_DEPTH {
            self.fail(line, format!("nested deeper than {MAX_DEPTH} levels"));
        }
        self.stack.push((Node { kind, line, tag }, anchor, None));
    }
}

fn weight(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Scalar { .. } => 1,
        NodeKind::Seq(items) => 1 + items.iter().map(weight).sum::<usize>(),
        NodeKind::Map(entries) => 1 + entries.iter().map(|(k, v)| weight(k) + weight(v)).sum::<usize>(),
    }
}

fn tag_text(tag: Option<std::borrow::Cow<'_, saphyr_parser::Tag>>) -> Option<String> {
    tag.map(|tag| {
        // `!!str` is reported with the core schema's handle expanded.
        if tag.handle == "tag:yaml.org,2002:" { format!("!!{}", tag.suffix) } else { format!("{}{}", tag.handle, tag.suffix) }
    })
}

impl<'input> SpannedEventReceiver<'input> for Builder {
    fn on_event(&mut self, event: Event<'input>, span: Span) {
        if self.error.is_some() {
            return;
        }
        let line = span.start.line();
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let node = Node {
                    kind: NodeKind::Scalar { text: text.into_owned(), plain: style == ScalarStyle::Plain },
                    line,
                    tag: tag_text(tag),
                };
                if self.count(&node) {
                    self.add(node, anchor);
                }
            }
            Event::SequenceStart(anchor, tag) => self.open(NodeKind::Seq(Vec::new()), anchor, tag_text(tag), line),
            Event::MappingStart(anchor, tag) => self.open(NodeKind::Map(Vec::new()), anchor, tag_text(tag), line),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((node, anchor, _)) = self.stack.pop() {
                    self.add(node, anchor);
                }
            }
            Event::Alias(anchor) => match self.anchors.get(&anchor).cloned() {
                Some(node) if self.count(&node) => self.add(node, 0),
                Some(_) => {}
                None => self.fail(line, "an alias to an anchor that is not defined before it"),
            },
            Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) | Event::DocumentEnd | Event::Nothing => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_keep_lines_tags_and_quoting() {
        let docs = documents("a: !Ref x\nb:\n  - '80'\n  - 80\n---\nc: 1\n").unwrap();
        assert_eq!(docs.len(), 2);
        let a = docs[0].get("a").unwrap();
        assert_eq!((a.tag.as_deref(), a.scalar(), a.line), (Some("!Ref"), Some("x"), 1));
        assert_eq!(docs[0].get("b").unwrap().to_json(), serde_json::json!(["80", 80]));
        assert_eq!(docs[1].get("c").unwrap().line, 6);
    }

    #[test]
    fn json_reads_as_yaml_with_lines() {
        let docs = documents("{\n  \"a\": [1, true, null],\n  \"b\": \"x\"\n}").unwrap();
        assert_eq!(docs[0].to_json(), serde_json::json!({"a": [1, true, null], "b": "x"}));
        assert_eq!(docs[0].get("b").unwrap().line, 3);
    }

    #[test]
    fn aliases_expand_and_are_bounded() {
        let docs = documents("a: &x {k: v}\nb: *x\n").unwrap();
        assert_eq!(docs[0].get("b").unwrap().to_json(), serde_json::json!({"k": "v"}));
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            bomb.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n", p = i - 1));
        }
        assert!(documents(&bomb).unwrap_err().message.contains("aliases"));
    }

    #[test]
    fn errors_have_lines_and_depth_is_bounded() {
        assert_eq!(documents("a: b\nc: [1, 2\n").unwrap_err().line, 3);
        assert!(documents(&format!("{}{}", "[".repeat(100), "]".repeat(100))).unwrap_err().message.contains("nested"));
        assert!(documents("a: 1\na: 2\n").unwrap_err().message.contains("twice"));
    }
}
