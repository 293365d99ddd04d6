//! The focus on one virtual service: the service, everything its traffic reaches (its
//! provider, routes, nodes, their backends and onwards) and everything whose traffic reaches
//! it (the gateway routes and nodes that send to it, and whatever sends to those).

use super::graph::{Graph, Slot, box_id};
use crate::resource::{ResourceKind, ResourceRef};

pub(super) fn mark(graph: &mut Graph, service: &str) {
    let Some(start) = graph.index_of(&box_id(&ResourceRef::new(ResourceKind::VirtualService, service), Slot::Services)) else { return };
    // A service's backend box is the same destination as its own box.
    let place: Vec<usize> = graph
        .boxes
        .iter()
        .enumerate()
        .map(|(index, drawn)| match drawn.slot {
            Slot::Backends => graph.index_of(&box_id(&drawn.resource, Slot::Services)).unwrap_or(index),
            _ => index,
        })
        .collect();
    let mut outgoing = vec![Vec::new(); graph.boxes.len()];
    let mut incoming = vec![Vec::new(); graph.boxes.len()];
    for (index, edge) in graph.edges.iter().enumerate() {
        outgoing[place[edge.from]].push(index);
        incoming[place[edge.to]].push(index);
    }
    let downstream = walk(graph, start, &outgoing, |edge| place[edge.to]);
    let upstream = walk(graph, start, &incoming, |edge| place[edge.from]);
    for (index, drawn) in graph.boxes.iter_mut().enumerate() {
        drawn.in_focus = downstream[place[index]] || upstream[place[index]];
    }
}

/// The places reached from `start` along `edges_at`, each edge taken marked in focus.
fn walk(graph: &mut Graph, start: usize, edges_at: &[Vec<usize>], next: impl Fn(&super::graph::DraftEdge) -> usize) -> Vec<bool> {
    let mut reached = vec![false; graph.boxes.len()];
    reached[start] = true;
    let mut queue = vec![start];
    while let Some(place) = queue.pop() {
        for &index in &edges_at[place] {
            let edge = &mut graph.edges[index];
            edge.in_focus = true;
            let to = next(edge);
            if !reached[to] {
                reached[to] = true;
                queue.push(to);
            }
        }
    }
    reached
}
