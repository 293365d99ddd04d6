//! Kubernetes label selectors, matched as `metav1.LabelSelectorAsSelector` does: no selector
//! selects nothing, an empty one everything; `matchLabels` and `matchExpressions` (`In`,
//! `NotIn`, `Exists`, `DoesNotExist`) must all hold.

use serde_json::Value;
use std::collections::BTreeMap;

pub type Labels = BTreeMap<String, String>;

pub fn labels(value: Option<&Value>) -> Labels {
    value
        .and_then(Value::as_object)
        .map(|map| map.iter().map(|(key, value)| (key.clone(), value.as_str().map_or_else(|| value.to_string(), str::to_string))).collect())
        .unwrap_or_default()
}

/// Whether `selector` (absent: `None`) selects an object with these labels; an unreadable
/// selector is an error, as the controller's is.
pub fn matches(selector: Option<&Value>, labels: &Labels) -> Result<bool, String> {
    let Some(selector) = selector.filter(|selector| !selector.is_null()) else { return Ok(false) };
    for (key, wanted) in self::labels(selector.get("matchLabels")) {
        if labels.get(&key) != Some(&wanted) {
            return Ok(false);
        }
    }
    for expression in selector.get("matchExpressions").and_then(Value::as_array).into_iter().flatten() {
        let key = expression.get("key").and_then(Value::as_str).ok_or("matchExpressions: every expression needs a key")?;
        let values: Vec<&str> =
            expression.get("values").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let holds = match expression.get("operator").and_then(Value::as_str) {
            Some("In") => labels.get(key).is_some_and(|value| values.contains(&value.as_str())),
            Some("NotIn") => labels.get(key).is_none_or(|value| !values.contains(&value.as_str())),
            Some("Exists") => labels.contains_key(key),
            Some("DoesNotExist") => !labels.contains_key(key),
            other => return Err(format!("matchExpressions: {other:?} is not a valid label selector operator")),
        };
        if !holds {
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn selectors_match_as_kubernetes_does() {
        let labels: Labels = [("mesh".to_string(), "shop".to_string()), ("tier".to_string(), "web".to_string())].into_iter().collect();
        assert_eq!(matches(None, &labels), Ok(false), "no selector selects nothing");
        assert_eq!(matches(Some(&json!({})), &labels), Ok(true), "an empty selector selects everything");
        assert_eq!(matches(Some(&json!({"matchLabels": {"mesh": "shop"}})), &labels), Ok(true));
        assert_eq!(matches(Some(&json!({"matchLabels": {"mesh": "other"}})), &labels), Ok(false));
        let expressions = json!({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["web", "api"]}, {"key": "legacy", "operator": "DoesNotExist"}]});
        assert_eq!(matches(Some(&expressions), &labels), Ok(true));
        assert!(matches(Some(&json!({"matchExpressions": [{"key": "a", "operator": "Near"}]})), &labels).is_err());
    }
}
