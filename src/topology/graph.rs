//! The laid-out graph as the console's API answers it, and the SVG that draws it: each box a
//! link to its resource, named for screen readers with its findings; each edge a line, a
//! route target's with its share.

use crate::routing;
use leptos::prelude::*;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Column {
    pub kind: String,
    #[serde(default)]
    pub backends: bool,
    pub x: i32,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphBox {
    pub id: String,
    pub kind: String,
    #[serde(default)]
    pub parent: Option<String>,
    pub name: String,
    #[serde(default)]
    pub missing: bool,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    pub label: String,
    #[serde(default)]
    pub detail: Option<String>,
    #[serde(default)]
    pub severity: Option<String>,
    #[serde(default)]
    pub codes: Vec<String>,
    #[serde(default)]
    pub in_focus: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Edge {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub share: Option<u8>,
    pub points: Vec<Point>,
    #[serde(default)]
    pub in_focus: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Topology {
    pub columns: Vec<Column>,
    pub boxes: Vec<GraphBox>,
    pub edges: Vec<Edge>,
    pub width: i32,
    pub height: i32,
    #[serde(default)]
    pub focus: Option<String>,
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
    /// What a screen reader says for the box: "Virtual node web, 1 finding: AM0101 (error)".
    pub fn accessible_name(&self) -> String {
        let mut name = format!("{} {}", kind_title(&self.kind), self.name);
        if let Some(parent) = &self.parent {
            name = format!("{name} of {parent}");
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

/// One box: a link to its resource (none for one that is not in the mesh).
fn box_view(mesh: &str, graph_box: GraphBox, focused: bool) -> impl IntoView + use<> {
    let name = graph_box.accessible_name();
    let href = if graph_box.missing {
        None
    } else {
        routing::resource_of_kind(mesh, &graph_box.kind, graph_box.parent.as_deref(), &graph_box.name)
    };
    let class = format!(
        "node node-{}{}{}",
        graph_box.kind,
        if graph_box.missing { " missing" } else { "" },
        if focused && !graph_box.in_focus { " faded" } else { "" }
    );
    let (x, y, width, height) = (graph_box.x, graph_box.y, graph_box.width, graph_box.height);
    let badge = graph_box.severity.clone().map(|severity| {
        view! { <circle class=format!("badge-{severity}") cx=x + width - 6 cy=y + 6 r="6" /> }
    });
    view! {
        <a href=href aria-label=name class=class>
            <rect x=x y=y width=width height=height rx="4" />
            <text x=x + 8 y=y + 18>{graph_box.label}</text>
            {graph_box.detail.map(|detail| view! { <text class="detail" x=x + 8 y=y + 34>{detail}</text> })}
            {badge}
        </a>
    }
}

/// The whole graph, its column titles on top.
pub fn graph_view(mesh: &str, topology: Topology, view_box: Signal<super::page::ViewBox>) -> impl IntoView + use<> {
    let focused = topology.focus.is_some();
    let titles = topology
        .columns
        .iter()
        .map(|column| {
            let title = if column.backends { "Backends".to_string() } else { format!("{}s", kind_title(&column.kind)) };
            view! { <text class="column-title" x=column.x y="-12">{title}</text> }
        })
        .collect_view();
    let edges = topology
        .edges
        .into_iter()
        .map(|edge| {
            let class = if focused && !edge.in_focus { "edge faded" } else { "edge" };
            let label = edge.label_at().zip(edge.text()).map(|(at, text)| view! { <text class="edge-label" x=at.x y=at.y>{text}</text> });
            view! { <polyline class=class points=edge.svg_points() marker-end="url(#arrow)" />{label} }
        })
        .collect_view();
    let boxes = topology.boxes.into_iter().map(|graph_box| box_view(mesh, graph_box, focused)).collect_view();
    view! {
        <svg class="topology" role="group" aria-label="Topology of the mesh"
            viewBox=move || { let (x, y, width, height) = view_box.get(); format!("{x} {y} {width} {height}") }>
            <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                    <path d="M 0 0 L 10 5 L 0 10 z" />
                </marker>
            </defs>
            {titles}
            {edges}
            {boxes}
        </svg>
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
    fn kinds_read_as_words() {
        assert_eq!(kind_title("virtualNode"), "Virtual node");
        assert_eq!(kind_title("gatewayRoute"), "Gateway route");
        assert_eq!(kind_title("route"), "Route");
    }

    #[test]
    fn a_box_is_named_with_its_findings() {
        let mut node = graph_box("virtualNode");
        assert_eq!(node.accessible_name(), "Virtual node web");
        node.severity = Some("error".into());
        node.codes = vec!["AM0101".into(), "AM0102".into()];
        assert_eq!(node.accessible_name(), "Virtual node web, findings AM0101 AM0102 (worst: error)");
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
