//! A route's retry policy and timeouts, as the form holds them, and as JSON.

use serde_json::{Map, Value, json};

pub const HTTP_RETRY_EVENTS: [&str; 4] = ["server-error", "gateway-error", "client-error", "stream-error"];
pub const GRPC_RETRY_EVENTS: [&str; 5] = ["cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable"];
pub const TCP_RETRY_EVENT: &str = "connection-error";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    Seconds,
    Millis,
}

impl DurationUnit {
    pub const ALL: [DurationUnit; 2] = [Self::Seconds, Self::Millis];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Seconds => "s",
            Self::Millis => "ms",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|unit| unit.as_str() == text)
    }

    /// The unit in words, as a select offers it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Seconds => "seconds",
            Self::Millis => "milliseconds",
        }
    }
}

/// A duration as typed: a whole number and its unit; an empty value is no duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationDraft {
    pub value: String,
    pub unit: DurationUnit,
}

impl Default for DurationDraft {
    fn default() -> Self {
        Self { value: String::new(), unit: DurationUnit::Seconds }
    }
}

impl DurationDraft {
    pub fn of(duration: Option<&Value>) -> Self {
        let Some(duration) = duration else { return Self::default() };
        Self {
            value: duration["value"].as_u64().map(|value| value.to_string()).unwrap_or_default(),
            unit: duration["unit"].as_str().and_then(DurationUnit::parse).unwrap_or(DurationUnit::Seconds),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.value.trim().is_empty()
    }

    pub fn problem(&self) -> Option<String> {
        whole_number(&self.value).is_none().then(|| "Enter a whole number (0 or more).".to_string())
    }

    /// `None` while the value is not a whole number.
    pub fn to_json(&self) -> Option<Value> {
        Some(json!({ "unit": self.unit.as_str(), "value": whole_number(&self.value)? }))
    }
}

pub fn whole_number(text: &str) -> Option<u64> {
    text.trim().parse().ok()
}

/// `15 s`.
pub fn duration_text(duration: &Value) -> String {
    format!("{} {}", duration["value"].as_u64().unwrap_or_default(), duration["unit"].as_str().unwrap_or("s"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryDraft {
    pub max_retries: String,
    pub per_retry: DurationDraft,
    pub http_events: Vec<String>,
    pub grpc_events: Vec<String>,
    pub tcp_connection_error: bool,
}

impl Default for RetryDraft {
    /// What App Mesh's own console suggests.
    fn default() -> Self {
        Self {
            max_retries: "1".into(),
            per_retry: DurationDraft { value: "15".into(), unit: DurationUnit::Seconds },
            http_events: vec!["server-error".into(), "gateway-error".into()],
            grpc_events: Vec::new(),
            tcp_connection_error: false,
        }
    }
}

fn strings(value: &Value, member: &str) -> Vec<String> {
    value.get(member).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).map(str::to_string).collect()
}

/// Sets a list member, or removes it when the list is empty (App Mesh takes no empty event list).
fn set_or_remove(object: &mut Map<String, Value>, member: &str, list: &[String]) {
    if list.is_empty() {
        object.remove(member);
    } else {
        object.insert(member.into(), json!(list));
    }
}

/// The retry policy's lists of events a person picks from.
#[derive(Debug, Clone, Copy)]
pub enum EventList {
    Http,
    Grpc,
}

impl RetryDraft {
    pub fn events(&self, list: EventList) -> &[String] {
        match list {
            EventList::Http => &self.http_events,
            EventList::Grpc => &self.grpc_events,
        }
    }

    pub fn events_mut(&mut self, list: EventList) -> &mut Vec<String> {
        match list {
            EventList::Http => &mut self.http_events,
            EventList::Grpc => &mut self.grpc_events,
        }
    }

    pub fn of(policy: &Value) -> Self {
        Self {
            max_retries: policy["maxRetries"].as_u64().map(|count| count.to_string()).unwrap_or_default(),
            per_retry: DurationDraft::of(policy.get("perRetryTimeout")),
            http_events: strings(policy, "httpRetryEvents"),
            grpc_events: strings(policy, "grpcRetryEvents"),
            tcp_connection_error: strings(policy, "tcpRetryEvents").iter().any(|event| event == TCP_RETRY_EVENT),
        }
    }

    /// `base` (the policy as stored) with the draft applied; gRPC events only when `grpc`.
    /// `None` while a number is not one.
    pub fn apply(&self, base: Option<&Value>, grpc: bool) -> Option<Value> {
        let mut policy = base.and_then(Value::as_object).cloned().unwrap_or_default();
        policy.insert("maxRetries".into(), json!(whole_number(&self.max_retries)?));
        policy.insert("perRetryTimeout".into(), self.per_retry.to_json()?);
        set_or_remove(&mut policy, "httpRetryEvents", &self.http_events);
        set_or_remove(&mut policy, "grpcRetryEvents", if grpc { &self.grpc_events } else { &[] });
        let tcp = if self.tcp_connection_error { vec![TCP_RETRY_EVENT.to_string()] } else { Vec::new() };
        set_or_remove(&mut policy, "tcpRetryEvents", &tcp);
        Some(Value::Object(policy))
    }

    pub fn has_event(&self, grpc: bool) -> bool {
        !self.http_events.is_empty() || self.tcp_connection_error || (grpc && !self.grpc_events.is_empty())
    }
}

/// Per request (HTTP, HTTP/2 and gRPC routes) and idle; an empty one is not set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeoutDraft {
    pub per_request: DurationDraft,
    pub idle: DurationDraft,
}

impl TimeoutDraft {
    pub fn of(timeout: &Value) -> Self {
        Self { per_request: DurationDraft::of(timeout.get("perRequest")), idle: DurationDraft::of(timeout.get("idle")) }
    }

    /// `base` with the draft applied; per request only when `per_request` (not for TCP).
    pub fn apply(&self, base: Option<&Value>, per_request: bool) -> Option<Value> {
        let mut timeout = base.and_then(Value::as_object).cloned().unwrap_or_default();
        for (member, draft, shown) in [("perRequest", &self.per_request, per_request), ("idle", &self.idle, true)] {
            if draft.is_empty() || !shown {
                timeout.remove(member);
            } else {
                timeout.insert(member.into(), draft.to_json()?);
            }
        }
        Some(Value::Object(timeout))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_retry_policy_round_trips() {
        let stored = json!({"maxRetries": 3, "perRetryTimeout": {"unit": "ms", "value": 250},
            "httpRetryEvents": ["server-error"], "grpcRetryEvents": ["cancelled"], "tcpRetryEvents": ["connection-error"]});
        let draft = RetryDraft::of(&stored);
        assert_eq!(draft.per_retry, DurationDraft { value: "250".into(), unit: DurationUnit::Millis });
        assert!(draft.tcp_connection_error);
        assert_eq!(draft.apply(Some(&stored), true).unwrap(), stored);
        let http_only = draft.apply(Some(&stored), false).unwrap();
        assert_eq!(http_only.get("grpcRetryEvents"), None, "an HTTP route has no gRPC events");
    }

    #[test]
    fn a_bad_number_gives_no_policy() {
        let draft = RetryDraft { max_retries: "many".into(), ..RetryDraft::default() };
        assert_eq!(draft.apply(None, false), None);
        assert!(DurationDraft { value: "-1".into(), unit: DurationUnit::Seconds }.problem().is_some());
    }

    #[test]
    fn empty_timeouts_are_not_set() {
        let draft =
            TimeoutDraft { per_request: DurationDraft { value: "5".into(), unit: DurationUnit::Seconds }, idle: DurationDraft::default() };
        assert_eq!(draft.apply(None, true).unwrap(), json!({"perRequest": {"unit": "s", "value": 5}}));
        assert_eq!(draft.apply(None, false).unwrap(), json!({}), "a TCP route has no per-request timeout");
        assert_eq!(duration_text(&json!({"unit": "ms", "value": 300})), "300 ms");
    }
}
