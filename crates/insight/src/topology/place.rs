//! Vertical positions: each layer's vertices in their order, at least their separation
//! apart, as close as can be to the mean height of their neighbours in the layer just placed
//! (least squares, by isotonic regression: pool adjacent violators). Sweeps go down, then up.

/// Down and up sweeps, alternating.
const SWEEPS: usize = 6;

/// The center heights of the vertices; `separation(a, b)` is the least distance between the
/// centers of `a` and the vertex `b` just below it.
pub(super) fn centers(
    layers: &[Vec<usize>],
    predecessors: &[Vec<usize>],
    successors: &[Vec<usize>],
    separation: impl Fn(usize, usize) -> f64,
) -> Vec<f64> {
    let mut center = vec![0.0; predecessors.len()];
    for layer in layers {
        let mut at = 0.0;
        for pair in layer.windows(2) {
            at += separation(pair[0], pair[1]);
            center[pair[1]] = at;
        }
    }
    for sweep in 0..SWEEPS {
        if sweep % 2 == 0 {
            for layer in layers.iter().skip(1) {
                align(layer, predecessors, &separation, &mut center);
            }
        } else {
            for layer in layers.iter().rev().skip(1) {
                align(layer, successors, &separation, &mut center);
            }
        }
    }
    let top = center.iter().copied().fold(f64::INFINITY, f64::min);
    center.iter().map(|height| height - top).collect()
}

fn align(layer: &[usize], neighbours: &[Vec<usize>], separation: &impl Fn(usize, usize) -> f64, center: &mut [f64]) {
    // With offsets S (the sums of separations above each vertex), "each at least its
    // separation below the one above" is "center - S never decreases": fit that to the wishes.
    let mut offset = 0.0;
    let mut offsets = Vec::with_capacity(layer.len());
    for (index, &vertex) in layer.iter().enumerate() {
        if index > 0 {
            offset += separation(layer[index - 1], vertex);
        }
        offsets.push(offset);
    }
    let wishes: Vec<f64> = layer
        .iter()
        .zip(&offsets)
        .map(|(&vertex, offset)| {
            let wish = match neighbours[vertex].as_slice() {
                [] => center[vertex],
                around => around.iter().map(|&other| center[other]).sum::<f64>() / around.len() as f64,
            };
            wish - offset
        })
        .collect();
    for ((&vertex, offset), fitted) in layer.iter().zip(&offsets).zip(nondecreasing_fit(&wishes)) {
        center[vertex] = fitted + offset;
    }
}

/// The nondecreasing sequence closest to `values` in least squares: pool adjacent violators.
fn nondecreasing_fit(values: &[f64]) -> Vec<f64> {
    // Blocks of (mean, count).
    let mut blocks: Vec<(f64, usize)> = Vec::with_capacity(values.len());
    for &value in values {
        blocks.push((value, 1));
        while blocks.len() > 1 && blocks[blocks.len() - 2].0 > blocks[blocks.len() - 1].0 {
            let (mean, count) = blocks.pop().expect("two blocks");
            let previous = blocks.last_mut().expect("two blocks");
            let total = previous.1 + count;
            previous.0 = (previous.0 * previous.1 as f64 + mean * count as f64) / total as f64;
            previous.1 = total;
        }
    }
    blocks.into_iter().flat_map(|(mean, count)| std::iter::repeat_n(mean, count)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fit_pools_what_goes_down() {
        assert_eq!(nondecreasing_fit(&[1.0, 3.0, 2.0, 4.0]), [1.0, 2.5, 2.5, 4.0]);
        assert_eq!(nondecreasing_fit(&[3.0, 2.0, 1.0]), [2.0, 2.0, 2.0]);
    }

    #[test]
    fn a_lone_child_sits_level_with_its_parent() {
        // Layer 0: a, b, c stacked; layer 1: d, whose only neighbour is c.
        let predecessors = vec![vec![], vec![], vec![], vec![2]];
        let successors = vec![vec![], vec![], vec![3], vec![]];
        let center = centers(&[vec![0, 1, 2], vec![3]], &predecessors, &successors, |_, _| 60.0);
        assert_eq!(center[3], center[2]);
        assert_eq!(center[1] - center[0], 60.0);
    }
}
