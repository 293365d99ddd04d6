//! A route's spec in words, as the router's route list and the route's page show it.

use super::policy::duration_text;
use super::spec_form::RouteType;
use super::targets::{percent_text, shares};
use serde_json::Value;

fn texts<'a>(value: &'a Value, member: &str) -> impl Iterator<Item = &'a str> {
    value.get(member).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str)
}

/// `HTTP`, `gRPC`; `Unknown` for a spec of a type newer than this console.
pub fn type_text(spec: &Value) -> &'static str {
    RouteType::of(spec).map_or("Unknown", |(route_type, _)| route_type.label())
}

/// `prefix /`, `GET path /orders`, `service orders.Orders method Get`, `port 8080`.
pub fn match_text(spec: &Value) -> String {
    let Some((route_type, route)) = RouteType::of(spec) else { return String::new() };
    let matching = &route["match"];
    let mut parts: Vec<String> = Vec::new();
    match route_type {
        RouteType::Http | RouteType::Http2 => {
            parts.extend(matching["method"].as_str().map(str::to_string));
            if let Some(prefix) = matching["prefix"].as_str() {
                parts.push(format!("prefix {prefix}"));
            } else if let Some(exact) = matching["path"]["exact"].as_str() {
                parts.push(format!("path {exact}"));
            } else if let Some(regex) = matching["path"]["regex"].as_str() {
                parts.push(format!("path regex {regex}"));
            }
            let headers: Vec<&str> =
                matching["headers"].as_array().into_iter().flatten().filter_map(|header| header["name"].as_str()).collect();
            if !headers.is_empty() {
                parts.push(format!("header {}", headers.join(", ")));
            }
        }
        RouteType::Grpc => {
            parts.extend(matching["serviceName"].as_str().map(|service| format!("service {service}")));
            parts.extend(matching["methodName"].as_str().map(|method| format!("method {method}")));
        }
        RouteType::Tcp => {}
    }
    parts.extend(matching["port"].as_u64().map(|port| format!("port {port}")));
    if parts.is_empty() { "any".to_string() } else { parts.join(" ") }
}

/// A route's targets, each with its share: `orders-v1 90%, orders-v2:9090 10%`.
pub fn targets_text(spec: &Value) -> String {
    let targets: Vec<&Value> = RouteType::of(spec)
        .and_then(|(_, route)| route.pointer("/action/weightedTargets")?.as_array())
        .map(|targets| targets.iter().collect())
        .unwrap_or_default();
    let weights: Vec<Option<u32>> =
        targets.iter().map(|target| target["weight"].as_u64().and_then(|weight| u32::try_from(weight).ok())).collect();
    targets
        .iter()
        .zip(shares(&weights))
        .map(|(target, share)| {
            let node = target["virtualNode"].as_str().unwrap_or_default();
            let port = target["port"].as_u64().map(|port| format!(":{port}")).unwrap_or_default();
            format!("{node}{port} {}", share.map_or_else(|| "0%".to_string(), percent_text))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn priority_text(spec: &Value) -> String {
    spec["priority"].as_u64().map_or_else(|| "None".to_string(), |priority| priority.to_string())
}

/// `2 retries, 1 s each, on server-error, connection-error`; `None` without a policy.
pub fn retry_text(spec: &Value) -> Option<String> {
    let policy = RouteType::of(spec)?.1.get("retryPolicy")?;
    let events: Vec<&str> =
        ["httpRetryEvents", "grpcRetryEvents", "tcpRetryEvents"].into_iter().flat_map(|member| texts(policy, member)).collect();
    let count = policy["maxRetries"].as_u64().unwrap_or_default();
    Some(format!(
        "{count} {}, {} each, on {}",
        if count == 1 { "retry" } else { "retries" },
        duration_text(&policy["perRetryTimeout"]),
        events.join(", ")
    ))
}

/// `per request 15 s, idle 300 s`; `None` without timeouts.
pub fn timeout_text(spec: &Value) -> Option<String> {
    let timeout = RouteType::of(spec)?.1.get("timeout")?;
    let parts: Vec<String> = [("perRequest", "per request"), ("idle", "idle")]
        .into_iter()
        .filter_map(|(member, label)| timeout.get(member).map(|duration| format!("{label} {}", duration_text(duration))))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn matches_read_as_a_person_says_them() {
        assert_eq!(match_text(&json!({"httpRoute": {"match": {"prefix": "/"}}})), "prefix /");
        assert_eq!(match_text(&json!({"http2Route": {"match": {"method": "GET", "path": {"exact": "/orders"}}}})), "GET path /orders");
        assert_eq!(
            match_text(&json!({"httpRoute": {"match": {"path": {"regex": "^/a"}, "headers": [{"name": "x-a"}]}}})),
            "path regex ^/a header x-a"
        );
        assert_eq!(
            match_text(&json!({"grpcRoute": {"match": {"serviceName": "orders.Orders", "methodName": "Get"}}})),
            "service orders.Orders method Get"
        );
        assert_eq!(match_text(&json!({"tcpRoute": {"match": {"port": 8080}}})), "port 8080");
        assert_eq!(match_text(&json!({"tcpRoute": {}})), "any");
        assert_eq!(type_text(&json!({"http2Route": {}})), "HTTP/2");
        assert_eq!(type_text(&json!({})), "Unknown");
    }

    #[test]
    fn targets_show_their_share() {
        let spec = json!({"httpRoute": {"action": {"weightedTargets": [
            {"virtualNode": "orders-v1", "weight": 9}, {"virtualNode": "orders-v2", "weight": 1, "port": 9090}]}}});
        assert_eq!(targets_text(&spec), "orders-v1 90%, orders-v2:9090 10%");
    }

    #[test]
    fn policies_in_words() {
        let spec = json!({"priority": 3, "httpRoute": {
            "retryPolicy": {"maxRetries": 2, "perRetryTimeout": {"unit": "s", "value": 1}, "httpRetryEvents": ["server-error"], "tcpRetryEvents": ["connection-error"]},
            "timeout": {"perRequest": {"unit": "ms", "value": 500}, "idle": {"unit": "s", "value": 300}}}});
        assert_eq!(retry_text(&spec).unwrap(), "2 retries, 1 s each, on server-error, connection-error");
        assert_eq!(timeout_text(&spec).unwrap(), "per request 500 ms, idle 300 s");
        assert_eq!(priority_text(&spec), "3");
        assert_eq!(retry_text(&json!({"httpRoute": {}})), None);
        assert_eq!(priority_text(&json!({})), "None");
    }
}
