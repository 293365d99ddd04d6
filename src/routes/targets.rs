//! Weighted targets: what a route sends where. App Mesh takes 1 to 10 targets, each a weight
//! from 0 to 100, not all 0; a target's share of the traffic is its weight over their sum.

use mesh_engine::advice::check_weighted_targets;
use mesh_engine::names::TargetWeight;

/// One row of the targets editor, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetDraft {
    pub node: String,
    pub weight: String,
    /// Empty: the node's only listener.
    pub port: String,
}

impl TargetDraft {
    pub fn weight(&self) -> Option<u32> {
        parse_weight(&self.weight)
    }
}

/// A weight as App Mesh takes it: a whole number from 0 to 100.
pub fn parse_weight(text: &str) -> Option<u32> {
    let weight = TargetWeight::new(text.trim().parse().ok()?).ok()?;
    Some(u32::from(weight.get()))
}

pub fn weight_problem(text: &str) -> Option<String> {
    parse_weight(text).is_none().then(|| "Enter a whole number from 0 to 100.".to_string())
}

/// Each target's share of the traffic, in tenths of a percent (rounded); `None` for every
/// target while a weight is not a weight, or all are 0 (no share can be told then).
/// Whole numbers: formatting floats would cost the bundle more than this whole file.
pub fn shares(weights: &[Option<u32>]) -> Vec<Option<u32>> {
    let known: Option<Vec<u32>> = weights.iter().copied().collect();
    let total: u32 = known.iter().flatten().sum();
    match known {
        Some(known) if total > 0 => known.into_iter().map(|weight| Some((weight * 2000 + total) / (2 * total))).collect(),
        _ => weights.iter().map(|_| None).collect(),
    }
}

/// `90%`, `33.3%`, from tenths of a percent.
pub fn percent_text(tenths: u32) -> String {
    match tenths % 10 {
        0 => format!("{}%", tenths / 10),
        tenth => format!("{}.{tenth}%", tenths / 10),
    }
}

/// What is wrong with the set of targets as a whole, in the engine's words (a weight's own
/// problem is its row's).
pub fn targets_problem(weights: &[Option<u32>]) -> Option<String> {
    check_weighted_targets(weights).map(|problem| problem.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesh_engine::advice::TargetsProblem;

    #[test]
    fn a_share_is_the_weight_over_the_sum() {
        assert_eq!(shares(&[Some(90), Some(10)]), [Some(900), Some(100)]);
        assert_eq!(shares(&[Some(1), Some(1), Some(2)]), [Some(250), Some(250), Some(500)]);
        assert_eq!(shares(&[Some(3), Some(0)]), [Some(1000), Some(0)]);
        assert_eq!(shares(&[Some(1), Some(2)]), [Some(333), Some(667)], "rounded to the nearest tenth");
        assert_eq!(shares(&[Some(90), Some(1)]), [Some(989), Some(11)]);
        assert_eq!(shares(&[Some(0), Some(0)]), [None, None], "no share when all are 0");
        assert_eq!(shares(&[Some(5), None]), [None, None], "no share while a weight is not one");
    }

    #[test]
    fn percentages_keep_one_decimal_when_needed() {
        assert_eq!(percent_text(900), "90%");
        assert_eq!(percent_text(333), "33.3%");
        assert_eq!(percent_text(1000), "100%");
        assert_eq!(percent_text(0), "0%");
    }

    #[test]
    fn weights_are_whole_numbers_up_to_100() {
        assert_eq!(parse_weight(" 42 "), Some(42));
        assert_eq!(parse_weight("0"), Some(0));
        assert_eq!(parse_weight("100"), Some(100));
        for bad in ["101", "-1", "1.5", "", "ten"] {
            assert_eq!(parse_weight(bad), None, "{bad}");
            assert!(weight_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn the_engine_rules_on_the_set() {
        assert!(targets_problem(&[]).unwrap().starts_with("Add at least one target"));
        assert_eq!(targets_problem(&[Some(0), Some(0)]).as_deref(), Some(TargetsProblem::AllZero.to_string().as_str()));
        assert!(targets_problem(&[Some(10); 11]).unwrap().contains("at most 10 targets (this one has 11)"));
        assert_eq!(targets_problem(&[Some(10); 10]), None);
        assert_eq!(targets_problem(&[Some(0), Some(1)]), None);
        assert_eq!(targets_problem(&[Some(0), None]), None, "a bad weight is its row's problem");
    }
}
