//! The laid-out graph as the console's API answers it, and the SVG that draws it: each box a
//! link to its resource, named for screen readers with its findings; each edge a line, a
//! route target's with its share.

use crate::api::json::{flag, list, number, optional_number, optional_text, text, texts};
use crate::routing;
use leptos::prelude::*;
use mesh_engine::markup::escape;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub kind: String,
    pub backends: bool,
    pub x: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GraphBox {
    pub id: String,
    pub kind: String,
    pub parent: Option<String>,
    pub name: String,
    pub missing: bool,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    pub label: String,
    pub detail: Option<String>,
    pub severity: Option<String>,
    pub codes: Vec<String>,
    pub in_focus: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub label: Option<String>,
    pub share: Option<i64>,
    pub points: Vec<Point>,
    pub in_focus: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Topology {
    pub columns: Vec<Column>,
    pub boxes: Vec<GraphBox>,
    pub edges: Vec<Edge>,
    pub width: i32,
    pub height: i32,
    pub focus: Option<String>,
}

/// A coordinate: the layout's are whole pixels, far inside `i32`.
fn coordinate(value: &Value, key: &str) -> i32 {
    i32::try_from(number(value, key)).unwrap_or_default()
}

impl Topology {
    pub fn read(value: &Value) -> Self {
        let column = |value: &Value| Column { kind: text(value, "kind"), backends: flag(value, "backends"), x: coordinate(value, "x") };
        let graph_box = |value: &Value| GraphBox {
            id: text(value, "id"),
            kind: text(value, "kind"),
            parent: optional_text(value, "parent"),
            name: text(value, "name"),
            missing: flag(value, "missing"),
            x: coordinate(value, "x"),
            y: coordinate(value, "y"),
            width: coordinate(value, "width"),
            height: coordinate(value, "height"),
            label: text(value, "label"),
            detail: optional_text(value, "detail"),
            severity: optional_text(value, "severity"),
            codes: texts(value, "codes"),
            in_focus: flag(value, "inFocus"),
        };
        let edge = |value: &Value| Edge {
            from: text(value, "from"),
            to: text(value, "to"),
            label: optional_text(value, "label"),
            share: optional_number(value, "share"),
            points: list(value, "points", |point| Point { x: coordinate(point, "x"), y: coordinate(point, "y") }),
            in_focus: flag(value, "inFocus"),
        };
        Self {
            columns: list(value, "columns", column),
            boxes: list(value, "boxes", graph_box),
            edges: list(value, "edges", edge),
            width: coordinate(value, "width"),
            height: coordinate(value, "height"),
            focus: optional_text(value, "focus"),
        }
    }
}

/// "Virtual node", "Gateway route", from the API's `virtualNode`, `gatewayRoute`.
pub fn kind_title(kind: &str) -> String {
    let mut title = String::new();
    for (index, letter) in kind.chars().enumerate() {
        if letter.is_ascii_uppercase() {
            title.push(' ');
            title.push(letter.to_ascii_lowercase());
        } else if index == 0 {
            title.push(letter.to_ascii_uppercase());
        } else {
            title.push(letter);
        }
    }
    title
}

impl GraphBox {
    /// What a screen reader says for the box: its kind, then the text it shows (so that the
    /// name holds what is seen), its parent, its findings: "Route split http prefix /, of
    /// orders-router, findings AM0401 (worst: error)".
    pub fn accessible_name(&self) -> String {
        let mut name = format!("{} {}", kind_title(&self.kind), self.label);
        if let Some(detail) = &self.detail {
            name = format!("{name} {detail}");
        }
        if let Some(parent) = &self.parent {
            name = format!("{name}, of {parent}");
        }
        if self.missing {
            name.push_str(", not in the mesh");
        }
        if let Some(severity) = &self.severity {
            name.push_str(&format!(", findings {} (worst: {severity})", self.codes.join(" ")));
        }
        name
    }
}

impl Edge {
    /// The SVG `points` of its polyline.
    pub fn svg_points(&self) -> String {
        self.points.iter().map(|point| format!("{},{}", point.x, point.y)).collect::<Vec<_>>().join(" ")
    }

    /// Where its label goes: the middle of its middle segment.
    pub fn label_at(&self) -> Option<Point> {
        let middle = self.points.len() / 2;
        let (a, b) = (self.points.get(middle.checked_sub(1)?)?, self.points.get(middle)?);
        Some(Point { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 4 })
    }

    pub fn text(&self) -> Option<String> {
        self.share.map(|share| format!("{share}%")).or_else(|| self.label.clone())
    }
}

/// One box: a link to its resource (none for one that is not in the mesh), named for screen
/// readers with its findings, its findings' worst severity a badge in its corner. `base`: the
/// path the console is served under (see `routing::base`).
fn box_markup(base: &str, mesh: &str, graph_box: &GraphBox, focused: bool) -> String {
    let href = if graph_box.missing {
        None
    } else {
        routing::resource_of_kind(mesh, &graph_box.kind, graph_box.parent.as_deref(), &graph_box.name)
    };
    let href = href.map(|href| format!(" href=\"{}\"", escape(&format!("{base}{href}")))).unwrap_or_default();
    let class = format!(
        "node node-{}{}{}",
        graph_box.kind,
        if graph_box.missing { " missing" } else { "" },
        if focused && !graph_box.in_focus { " faded" } else { "" }
    );
    let (x, y, width, height) = (graph_box.x, graph_box.y, graph_box.width, graph_box.height);
    let detail = graph_box
        .detail
        .as_ref()
        .map(|detail| format!("<text class=\"detail\" x=\"{}\" y=\"{}\"> {}</text>", x + 8, y + 34, escape(detail)))
        .unwrap_or_default();
    let badge = graph_box
        .severity
        .as_ref()
        .map(|severity| format!("<circle class=\"badge-{}\" cx=\"{}\" cy=\"{}\" r=\"6\"/>", escape(severity), x + width - 6, y + 6))
        .unwrap_or_default();
    format!(
        "<g><a{href} aria-label=\"{}\" class=\"{}\"><rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" rx=\"4\"/><text x=\"{}\" y=\"{}\">{}</text>{detail}{badge}</a></g>",
        escape(&graph_box.accessible_name()),
        escape(&class),
        x + 8,
        y + 18,
        escape(&graph_box.label),
    )
}

/// The drawing inside the graph's `<svg>`: the arrow head, the column titles on top, the
/// edges, the boxes. Written as markup, not as view nodes: hundreds of static shapes draw
/// faster so, and each SVG element and attribute kind as a view would cost the bundle its
/// own code.
fn graph_markup(base: &str, mesh: &str, topology: &Topology) -> String {
    let focused = topology.focus.is_some();
    let mut markup = String::from(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" \
         orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>",
    );
    for column in &topology.columns {
        let title = if column.backends { "Backends".to_string() } else { format!("{}s", kind_title(&column.kind)) };
        markup.push_str(&format!("<text class=\"column-title\" x=\"{}\" y=\"-12\">{}</text>", column.x, escape(&title)));
    }
    for edge in &topology.edges {
        let class = if focused && !edge.in_focus { "edge faded" } else { "edge" };
        markup.push_str(&format!("<polyline class=\"{class}\" points=\"{}\" marker-end=\"url(#arrow)\"/>", edge.svg_points()));
        if let Some((at, text)) = edge.label_at().zip(edge.text()) {
            markup.push_str(&format!("<text class=\"edge-label\" x=\"{}\" y=\"{}\">{}</text>", at.x, at.y, escape(&text)));
        }
    }
    for graph_box in &topology.boxes {
        markup.push_str(&box_markup(base, mesh, graph_box, focused));
    }
    markup
}

/// The whole graph, drawn at `zoom` percent of its size.
pub fn graph_view(mesh: &str, topology: &Topology, zoom: Signal<i32>) -> impl IntoView + use<> {
    let (width, height) = (topology.width + 20, topology.height + 40);
    view! {
        <svg class="topology" role="group" aria-label="Topology of the mesh" viewBox=format!("-10 -30 {width} {height}")
            width=move || width * zoom.get() / 100 height=move || height * zoom.get() / 100 inner_html=graph_markup(&routing::base(), mesh, topology) />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph_box(kind: &str) -> GraphBox {
        GraphBox {
            id: format!("{kind}/web"),
            kind: kind.into(),
            parent: None,
            name: "web".into(),
            missing: false,
            x: 0,
            y: 0,
            width: 10,
            height: 10,
            label: "web".into(),
            detail: None,
            severity: None,
            codes: Vec::new(),
            in_focus: false,
        }
    }

    #[test]
    fn a_topology_reads_as_the_api_writes_it() {
        let topology = Topology::read(&serde_json::json!({
            "columns": [{ "kind": "virtualNode", "x": 0, "width": 10 }, { "kind": "virtualService", "backends": true, "x": 20, "width": 10 }],
            "boxes": [{ "id": "route/r/a", "kind": "route", "parent": "r", "name": "a", "layer": 0, "x": 1, "y": 2, "width": 3,
                        "height": 4, "label": "a", "severity": "warning", "codes": ["AM0401"], "inFocus": true }],
            "edges": [{ "from": "x", "to": "y", "kind": "routeTarget", "share": 90, "points": [{ "x": 1, "y": 2 }] }],
            "width": 30, "height": 40, "focus": "a.local",
        }));
        assert!(topology.columns[1].backends);
        let graph_box = &topology.boxes[0];
        assert_eq!((graph_box.parent.as_deref(), graph_box.x, graph_box.height, graph_box.in_focus), (Some("r"), 1, 4, true));
        assert_eq!(graph_box.codes, ["AM0401"]);
        assert_eq!((topology.edges[0].share, topology.edges[0].points[0]), (Some(90), Point { x: 1, y: 2 }));
        assert_eq!((topology.width, topology.focus.as_deref()), (30, Some("a.local")));
    }

    #[test]
    fn kinds_read_as_words() {
        assert_eq!(kind_title("virtualNode"), "Virtual node");
        assert_eq!(kind_title("gatewayRoute"), "Gateway route");
        assert_eq!(kind_title("route"), "Route");
    }

    #[test]
    fn a_box_is_named_with_its_findings() {
        let mut node = graph_box("virtualNode");
        assert_eq!(node.accessible_name(), "Virtual node web");
        node.detail = Some("http:8080".into());
        node.parent = Some("p".into());
        node.severity = Some("error".into());
        node.codes = vec!["AM0101".into(), "AM0102".into()];
        assert_eq!(node.accessible_name(), "Virtual node web http:8080, of p, findings AM0101 AM0102 (worst: error)");
    }

    #[test]
    fn the_markup_links_each_box_and_escapes_what_it_shows() {
        let mut node = graph_box("virtualNode");
        node.detail = Some("path <a>&\"b\"".into());
        let markup = box_markup("/console", "m", &node, false);
        assert!(
            markup.contains(
                r#"<a href="/console/meshes/m/virtual-nodes/web" aria-label="Virtual node web path &lt;a&gt;&amp;&quot;b&quot;""#
            ),
            "{markup}"
        );
        assert!(markup.contains("> path &lt;a&gt;&amp;&quot;b&quot;</text>"), "{markup}");
        node.missing = true;
        assert!(!box_markup("", "m", &node, false).contains("href"), "a box not in the mesh links nowhere");
        assert_eq!(escape("it's"), "it&#39;s");
    }

    #[test]
    fn an_edge_label_sits_on_its_middle_segment() {
        let edge = Edge {
            from: "a".into(),
            to: "b".into(),
            label: None,
            share: Some(90),
            points: vec![Point { x: 0, y: 0 }, Point { x: 100, y: 20 }],
            in_focus: false,
        };
        assert_eq!(edge.svg_points(), "0,0 100,20");
        assert_eq!(edge.label_at(), Some(Point { x: 50, y: 6 }));
        assert_eq!(edge.text().as_deref(), Some("90%"));
    }
}
