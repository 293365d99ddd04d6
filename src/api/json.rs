//! Reading the console's own API answers as JSON values: one decoder for every answer
//! (serde_json's `Value`, which specs need anyway) instead of code generated for each type,
//! which cost the bundle several KB per answer. A member that is missing or of another type
//! reads as empty: the backend is ours, and a view shows what it can.

use serde_json::Value;

pub fn text(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or_default().to_string()
}

pub fn optional_text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_string)
}

pub fn number(value: &Value, key: &str) -> i64 {
    value.get(key).and_then(Value::as_i64).unwrap_or_default()
}

pub fn optional_number(value: &Value, key: &str) -> Option<i64> {
    value.get(key).and_then(Value::as_i64)
}

pub fn flag(value: &Value, key: &str) -> bool {
    value.get(key).and_then(Value::as_bool).unwrap_or_default()
}

/// The items of an array member, each read by `read`.
pub fn list<T>(value: &Value, key: &str, read: impl Fn(&Value) -> T) -> Vec<T> {
    value.get(key).and_then(Value::as_array).map(|items| items.iter().map(read).collect()).unwrap_or_default()
}

pub fn texts(value: &Value, key: &str) -> Vec<String> {
    list(value, key, |item| item.as_str().unwrap_or_default().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn members_read_as_their_type_or_empty() {
        let value = json!({ "a": "x", "n": 3, "f": true, "l": ["p", "q"], "o": [{ "a": "y" }] });
        assert_eq!((text(&value, "a"), text(&value, "n")), ("x".to_string(), String::new()));
        assert_eq!((optional_text(&value, "a"), optional_text(&value, "zz")), (Some("x".into()), None));
        assert_eq!((number(&value, "n"), optional_number(&value, "a")), (3, None));
        assert!(flag(&value, "f") && !flag(&value, "a"));
        assert_eq!(texts(&value, "l"), ["p", "q"]);
        assert_eq!(list(&value, "o", |item| text(item, "a")), ["y"]);
        assert!(list(&value, "missing", |item| text(item, "a")).is_empty());
    }
}
