//! The layered layout (Sugiyama's method): each column a layer; an edge that spans several
//! layers gets a bend point in each layer between (a dummy vertex), so that ordering accounts
//! for it and it passes between boxes, never through one; then the order within layers
//! ([`super::order`]), the heights ([`super::place`]), the columns' widths and the edges'
//! polylines.

use super::graph::{Graph, Slot};
use super::{Column, Edge, GraphBox, Point, Topology, order, place};
use std::collections::BTreeSet;

const MARGIN: i32 = 24;
/// Between columns: room for an edge's label (`100% · port 8080`).
const COLUMN_GAP: i32 = 112;
const BOX_HEIGHT: i32 = 44;
const BOX_GAP: f64 = 16.0;
/// Between a bend point and what is above or below it.
const BEND_GAP: f64 = 10.0;
/// A box fits its longer line (at about 7 pixels a character in the console's font), within bounds.
const CHAR_WIDTH: i32 = 7;
const PADDING: i32 = 24;
const MIN_WIDTH: i32 = 120;
const MAX_WIDTH: i32 = 280;

/// A vertex of the layered graph: a box, or a bend point of a long edge.
struct Vertex {
    layer: usize,
    height: f64,
    /// The box it is, if any.
    drawn: Option<usize>,
}

pub(super) fn lay_out(graph: Graph) -> Topology {
    let slots: Vec<Slot> = graph.boxes.iter().map(|drawn| drawn.slot).collect::<BTreeSet<_>>().into_iter().collect();
    let layer_of = |slot: Slot| slots.iter().position(|used| *used == slot).expect("every box's slot is used");
    let mut vertices: Vec<Vertex> = graph
        .boxes
        .iter()
        .enumerate()
        .map(|(index, drawn)| Vertex { layer: layer_of(drawn.slot), height: f64::from(BOX_HEIGHT), drawn: Some(index) })
        .collect();

    // Each edge as a chain of vertices, one per layer it passes.
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(graph.edges.len());
    for edge in &graph.edges {
        let (from, to) = (vertices[edge.from].layer, vertices[edge.to].layer);
        let mut chain = vec![edge.from];
        for layer in from + 1..to {
            vertices.push(Vertex { layer, height: 0.0, drawn: None });
            chain.push(vertices.len() - 1);
        }
        chain.push(edge.to);
        chains.push(chain);
    }
    let mut predecessors = vec![Vec::new(); vertices.len()];
    let mut successors = vec![Vec::new(); vertices.len()];
    for chain in &chains {
        for pair in chain.windows(2) {
            successors[pair[0]].push(pair[1]);
            predecessors[pair[1]].push(pair[0]);
        }
    }
    let mut layers = vec![Vec::new(); slots.len()];
    for (index, vertex) in vertices.iter().enumerate() {
        layers[vertex.layer].push(index);
    }

    order::minimize_crossings(&mut layers, &predecessors, &successors);
    let separation = |above: usize, below: usize| {
        let gap = if vertices[above].drawn.is_some() && vertices[below].drawn.is_some() { BOX_GAP } else { BEND_GAP };
        (vertices[above].height + vertices[below].height) / 2.0 + gap
    };
    let center = place::centers(&layers, &predecessors, &successors, separation);

    let widths: Vec<i32> = graph.boxes.iter().map(|drawn| box_width(&drawn.resource.name, drawn.detail.as_deref())).collect();
    let mut columns = Vec::with_capacity(slots.len());
    let mut x = MARGIN;
    for (layer, slot) in slots.iter().enumerate() {
        let width = layers[layer].iter().filter_map(|&vertex| vertices[vertex].drawn).map(|drawn| widths[drawn]).max().unwrap_or(0);
        columns.push(Column { kind: slot.kind(), backends: *slot == Slot::Backends, x, width });
        x += width + COLUMN_GAP;
    }
    let top = |vertex: usize| MARGIN + (center[vertex] - vertices[vertex].height / 2.0).round() as i32;

    let mut boxes: Vec<GraphBox> = graph
        .boxes
        .iter()
        .enumerate()
        .map(|(index, drawn)| {
            let column = &columns[vertices[index].layer];
            GraphBox {
                id: drawn.id.clone(),
                resource: drawn.resource.clone(),
                backend: drawn.slot == Slot::Backends,
                missing: drawn.missing,
                layer: vertices[index].layer,
                x: column.x + (column.width - widths[index]) / 2,
                y: top(index),
                width: widths[index],
                height: BOX_HEIGHT,
                label: drawn.resource.name.clone(),
                detail: drawn.detail.clone(),
                severity: drawn.severity,
                codes: drawn.codes.iter().copied().collect(),
                in_focus: drawn.in_focus,
            }
        })
        .collect();

    let edges = graph
        .edges
        .iter()
        .zip(&chains)
        .map(|(edge, chain)| {
            let (from, to) = (&boxes[edge.from], &boxes[edge.to]);
            let (from_column, to_column) = (&columns[from.layer], &columns[to.layer]);
            let (from_y, to_y) = (from.y + from.height / 2, to.y + to.height / 2);
            // Out of its column and into the next at the box's own height, so that slanted
            // parts stay in the gaps between columns, clear of other boxes.
            let mut points = vec![Point { x: from.x + from.width, y: from_y }, Point { x: from_column.x + from_column.width, y: from_y }];
            for &bend in &chain[1..chain.len() - 1] {
                let column = &columns[vertices[bend].layer];
                let y = MARGIN + center[bend].round() as i32;
                points.push(Point { x: column.x, y });
                points.push(Point { x: column.x + column.width, y });
            }
            points.push(Point { x: to_column.x, y: to_y });
            points.push(Point { x: to.x, y: to_y });
            points.dedup();
            Edge {
                from: from.id.clone(),
                to: to.id.clone(),
                kind: edge.kind,
                share: edge.share,
                label: edge.label.clone(),
                points,
                in_focus: edge.in_focus,
            }
        })
        .collect();

    let width = columns.last().map_or(2 * MARGIN, |last| last.x + last.width + MARGIN);
    let height = (0..vertices.len()).map(|vertex| top(vertex) + vertices[vertex].height as i32).max().unwrap_or(0) + MARGIN;
    boxes.sort_by_key(|drawn| (drawn.layer, drawn.y));
    Topology { columns, boxes, edges, width, height: height.max(2 * MARGIN), focus: None }
}

fn box_width(label: &str, detail: Option<&str>) -> i32 {
    let longest = label.chars().count().max(detail.map_or(0, |detail| detail.chars().count()));
    (i32::try_from(longest).unwrap_or(i32::MAX).saturating_mul(CHAR_WIDTH).saturating_add(PADDING)).clamp(MIN_WIDTH, MAX_WIDTH)
}
