//! The order of the vertices in each layer: barycentric sweeps, down then up, each vertex
//! moved to the mean position of its neighbours in the layer just ordered, keeping the order
//! with the fewest crossings seen.

/// Down and up sweeps, alternating; a few suffice (Sugiyama et al., and measured here).
const SWEEPS: usize = 8;

pub(super) fn minimize_crossings(layers: &mut [Vec<usize>], predecessors: &[Vec<usize>], successors: &[Vec<usize>]) {
    let mut position = vec![0; predecessors.len()];
    for layer in layers.iter() {
        set_positions(layer, &mut position);
    }
    let mut best = layers.to_vec();
    let mut fewest = crossings(layers, successors, &position);
    for sweep in 0..SWEEPS {
        if fewest == 0 {
            break;
        }
        if sweep % 2 == 0 {
            for layer in layers.iter_mut().skip(1) {
                reorder(layer, predecessors, &mut position);
            }
        } else {
            for layer in layers.iter_mut().rev().skip(1) {
                reorder(layer, successors, &mut position);
            }
        }
        let count = crossings(layers, successors, &position);
        if count < fewest {
            fewest = count;
            best = layers.to_vec();
        }
    }
    layers.clone_from_slice(&best);
}

fn set_positions(layer: &[usize], position: &mut [usize]) {
    for (index, &vertex) in layer.iter().enumerate() {
        position[vertex] = index;
    }
}

/// Sorts a layer by the mean position of each vertex's neighbours; a vertex without any keeps
/// its own position. The sort is stable, so ties keep their order.
fn reorder(layer: &mut Vec<usize>, neighbours: &[Vec<usize>], position: &mut [usize]) {
    let barycenter = |vertex: usize| match neighbours[vertex].as_slice() {
        [] => position[vertex] as f64,
        around => around.iter().map(|&other| position[other] as f64).sum::<f64>() / around.len() as f64,
    };
    let mut keyed: Vec<(f64, usize)> = layer.iter().map(|&vertex| (barycenter(vertex), vertex)).collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    *layer = keyed.into_iter().map(|(_, vertex)| vertex).collect();
    set_positions(layer, position);
}

/// How many pairs of edges cross, over all pairs of adjacent layers.
pub(super) fn crossings(layers: &[Vec<usize>], successors: &[Vec<usize>], position: &[usize]) -> usize {
    layers
        .iter()
        .map(|layer| {
            let mut ends: Vec<(usize, usize)> =
                layer.iter().flat_map(|&from| successors[from].iter().map(move |&to| (position[from], position[to]))).collect();
            ends.sort_unstable();
            let mut lower: Vec<usize> = ends.into_iter().map(|(_, to)| to).collect();
            inversions(&mut lower)
        })
        .sum()
}

/// The pairs out of order in `values` (each pair of edges whose ends cross), by merge sort.
fn inversions(values: &mut [usize]) -> usize {
    if values.len() < 2 {
        return 0;
    }
    let middle = values.len() / 2;
    let mut count = inversions(&mut values[..middle]) + inversions(&mut values[middle..]);
    let mut merged = Vec::with_capacity(values.len());
    let (mut left, mut right) = (0, middle);
    while left < middle && right < values.len() {
        if values[right] < values[left] {
            count += middle - left;
            merged.push(values[right]);
            right += 1;
        } else {
            merged.push(values[left]);
            left += 1;
        }
    }
    merged.extend_from_slice(&values[left..middle]);
    merged.extend_from_slice(&values[right..]);
    values.copy_from_slice(&merged);
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inversions_count_crossing_pairs() {
        assert_eq!(inversions(&mut [0, 1, 2]), 0);
        assert_eq!(inversions(&mut [2, 1, 0]), 3);
        assert_eq!(inversions(&mut [1, 1, 0]), 2);
    }

    #[test]
    fn sweeps_untangle_a_crossing() {
        // Layer 0: a, b; layer 1: c, d with a→d and b→c: one crossing, which swapping removes.
        let successors = vec![vec![3], vec![2], vec![], vec![]];
        let predecessors = vec![vec![], vec![], vec![1], vec![0]];
        let mut layers = vec![vec![0, 1], vec![2, 3]];
        minimize_crossings(&mut layers, &predecessors, &successors);
        let mut position = vec![0; 4];
        for layer in &layers {
            set_positions(layer, &mut position);
        }
        assert_eq!(crossings(&layers, &successors, &position), 0);
    }
}
