//! The gateway route form, and how it changes a spec held as the JSON App Mesh sent. The form
//! changes the route's type, its match (path or prefix, hostname, method; a gRPC service
//! name), priority, target and prefix rewrite; headers, query parameters, gRPC metadata,
//! the match's port and the other rewrites are sent back as they came.

use mesh_engine::names::{PortNumber, RoutePriority, ServiceName};
use mesh_engine::spec::{RouteType, TypedGatewayRoute};
use serde_json::{Map, Value, json};

/// How the console names a route type: `HTTP`, `HTTP/2`, `gRPC`.
pub fn route_type_label(route_type: RouteType) -> &'static str {
    match route_type {
        RouteType::Http => "HTTP",
        RouteType::Http2 => "HTTP/2",
        RouteType::Grpc => "gRPC",
        RouteType::Tcp => "TCP",
    }
}

/// The type of a gateway route's spec in words; "Unknown" for a spec without one.
pub fn route_type_text(spec: &Value) -> &'static str {
    route_of(spec).map_or("Unknown", |(kind, _)| route_type_label(kind))
}

/// The type of a gateway route's spec, with its route object.
pub fn route_of(spec: &Value) -> Option<(RouteType, &Value)> {
    TypedGatewayRoute::TYPES.iter().find_map(|&kind| spec.get(kind.spec_member()).map(|route| (kind, route)))
}

/// How an HTTP route matches the request's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathMatch {
    Prefix,
    Exact,
    Regex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostnameMatch {
    Exact,
    Suffix,
}

impl HostnameMatch {
    fn member(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Suffix => "suffix",
        }
    }
}

/// The prefix an HTTP route sends on in place of the matched one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefixRewrite {
    /// App Mesh's default: none set.
    Default,
    Value(String),
    /// A `defaultPrefix` setting the form does not edit: kept as it is.
    Kept,
}

/// App Mesh's bounds on the hostname matches, path and prefix strings.
const MAX_HOSTNAME: usize = 253;
const MAX_PATH: usize = 255;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayRouteForm {
    pub route_type: RouteType,
    pub path_match: PathMatch,
    pub path: String,
    pub hostname_match: HostnameMatch,
    /// Empty: any hostname.
    pub hostname: String,
    /// Empty: any method.
    pub method: String,
    /// gRPC: empty matches every service.
    pub service_name: String,
    /// Empty: no priority.
    pub priority: String,
    pub target: String,
    /// Empty: the service's own port.
    pub target_port: String,
    pub prefix_rewrite: PrefixRewrite,
}

fn text<'a>(value: &'a Value, pointer: &str) -> Option<&'a str> {
    value.pointer(pointer).and_then(Value::as_str)
}

/// The hostname match of a route's `match`, if any.
fn hostname_of(matched: &Value) -> Option<(HostnameMatch, &str)> {
    [HostnameMatch::Exact, HostnameMatch::Suffix]
        .into_iter()
        .find_map(|kind| matched.pointer(&format!("/hostname/{}", kind.member())).and_then(Value::as_str).map(|name| (kind, name)))
}

fn path_of(matched: &Value) -> (PathMatch, &str) {
    match (matched.get("prefix").and_then(Value::as_str), text(matched, "/path/exact"), text(matched, "/path/regex")) {
        (Some(prefix), _, _) => (PathMatch::Prefix, prefix),
        (None, Some(exact), _) => (PathMatch::Exact, exact),
        (None, None, Some(regex)) => (PathMatch::Regex, regex),
        _ => (PathMatch::Prefix, ""),
    }
}

/// What a route matches, in a line: `prefix /orders, hostname *.example.com, method GET`.
pub fn match_summary(spec: &Value) -> String {
    let Some((kind, route)) = route_of(spec) else { return "None".into() };
    let matched = &route["match"];
    let mut parts = Vec::new();
    if kind == RouteType::Grpc {
        if let Some(service) = matched.get("serviceName").and_then(Value::as_str) {
            parts.push(format!("service {service}"));
        }
    } else {
        match path_of(matched) {
            (_, "") => {}
            (PathMatch::Prefix, prefix) => parts.push(format!("prefix {prefix}")),
            (PathMatch::Exact, path) => parts.push(format!("path {path}")),
            (PathMatch::Regex, regex) => parts.push(format!("path matching {regex}")),
        }
    }
    match hostname_of(matched) {
        Some((HostnameMatch::Exact, name)) => parts.push(format!("hostname {name}")),
        Some((HostnameMatch::Suffix, suffix)) => parts.push(format!("hostname *{suffix}")),
        None => {}
    }
    if let Some(method) = matched.get("method").and_then(Value::as_str) {
        parts.push(format!("method {method}"));
    }
    let others = ["headers", "queryParameters", "metadata"].into_iter().filter(|member| matched.get(*member).is_some()).count();
    if others > 0 {
        parts.push(format!("and {others} more condition{}", if others > 1 { "s" } else { "" }));
    }
    if parts.is_empty() { "Every request".into() } else { parts.join(", ") }
}

/// The virtual service a route sends to, and the port when it names one.
pub fn target_of(spec: &Value) -> Option<(String, Option<i64>)> {
    let (_, route) = route_of(spec)?;
    let target = route.pointer("/action/target")?;
    Some((text(target, "/virtualService/virtualServiceName")?.to_string(), target["port"].as_i64()))
}

pub fn priority_of(spec: &Value) -> Option<i64> {
    spec["priority"].as_i64()
}

/// The prefix rewrite of a route, in words.
pub fn rewrite_summary(spec: &Value) -> String {
    let Some((_, route)) = route_of(spec) else { return "None".into() };
    let rewrite = &route["action"]["rewrite"];
    let mut parts = Vec::new();
    if let Some(prefix) = text(rewrite, "/prefix/value") {
        parts.push(format!("prefix to {prefix}"));
    }
    if let Some(default) = text(rewrite, "/prefix/defaultPrefix") {
        parts.push(format!("default prefix {}", default.to_ascii_lowercase()));
    }
    if let Some(path) = text(rewrite, "/path/exact") {
        parts.push(format!("path to {path}"));
    }
    if let Some(hostname) = text(rewrite, "/hostname/defaultTargetHostname") {
        parts.push(format!("default target hostname {}", hostname.to_ascii_lowercase()));
    }
    if parts.is_empty() { "None".into() } else { parts.join(", ") }
}

impl GatewayRouteForm {
    /// A new route: HTTP, every path under `/`, no target yet.
    pub fn new() -> Self {
        Self {
            route_type: RouteType::Http,
            path_match: PathMatch::Prefix,
            path: "/".into(),
            hostname_match: HostnameMatch::Exact,
            hostname: String::new(),
            method: String::new(),
            service_name: String::new(),
            priority: String::new(),
            target: String::new(),
            target_port: String::new(),
            prefix_rewrite: PrefixRewrite::Default,
        }
    }

    pub fn of(spec: &Value) -> Self {
        let mut form = Self::new();
        let Some((kind, route)) = route_of(spec) else { return form };
        let matched = &route["match"];
        form.route_type = kind;
        if kind == RouteType::Grpc {
            form.service_name = matched.get("serviceName").and_then(Value::as_str).unwrap_or_default().to_string();
        } else {
            let (path_match, path) = path_of(matched);
            (form.path_match, form.path) = (path_match, path.to_string());
        }
        if let Some((hostname_match, hostname)) = hostname_of(matched) {
            (form.hostname_match, form.hostname) = (hostname_match, hostname.to_string());
        }
        form.method = matched.get("method").and_then(Value::as_str).unwrap_or_default().to_string();
        form.priority = priority_of(spec).map(|priority| priority.to_string()).unwrap_or_default();
        if let Some((target, port)) = target_of(spec) {
            form.target = target;
            form.target_port = port.map(|port| port.to_string()).unwrap_or_default();
        }
        let prefix = &route["action"]["rewrite"]["prefix"];
        form.prefix_rewrite = match (prefix.get("value").and_then(Value::as_str), prefix.is_object()) {
            (Some(value), _) => PrefixRewrite::Value(value.to_string()),
            (None, true) => PrefixRewrite::Kept,
            (None, false) => PrefixRewrite::Default,
        };
        form
    }

    fn is_http(&self) -> bool {
        self.route_type != RouteType::Grpc
    }

    pub fn path_error(&self) -> Option<String> {
        let path = self.path.trim();
        if !self.is_http() {
            return None;
        }
        if path.chars().count() > MAX_PATH {
            return Some(format!("At most {MAX_PATH} characters."));
        }
        match self.path_match {
            PathMatch::Prefix | PathMatch::Exact if !path.starts_with('/') => Some("Start the path with /, e.g. /orders.".into()),
            PathMatch::Regex if path.is_empty() => Some("Enter a regular expression for the path.".into()),
            _ => None,
        }
    }

    pub fn hostname_error(&self) -> Option<String> {
        let hostname = self.hostname.trim();
        if hostname.chars().count() > MAX_HOSTNAME {
            Some(format!("A hostname has at most {MAX_HOSTNAME} characters."))
        } else if hostname.contains(|c: char| c.is_ascii_whitespace()) {
            Some("A hostname has no spaces.".into())
        } else {
            None
        }
    }

    pub fn service_name_error(&self) -> Option<String> {
        let service = self.service_name.trim();
        (!self.is_http() && service.contains(|c: char| c.is_ascii_whitespace())).then(|| "A service name has no spaces.".into())
    }

    pub fn priority_error(&self) -> Option<String> {
        let priority = self.priority.trim();
        match priority.parse::<i64>() {
            _ if priority.is_empty() => None,
            Ok(value) if RoutePriority::new(value).is_ok() => None,
            _ => Some(format!("Enter a whole number from {} to {}, or leave it empty.", RoutePriority::MIN, RoutePriority::MAX)),
        }
    }

    pub fn target_error(&self) -> Option<String> {
        match ServiceName::parse(self.target.clone()) {
            _ if self.target.is_empty() => Some("Choose the virtual service to send requests to.".into()),
            Ok(_) => None,
            Err(problem) => Some(problem.to_string()),
        }
    }

    pub fn target_port_error(&self) -> Option<String> {
        let port = self.target_port.trim();
        match port.parse::<i64>() {
            _ if port.is_empty() => None,
            Ok(value) if PortNumber::new(value).is_ok() => None,
            _ => Some("Enter a port from 1 to 65535, or leave it empty.".into()),
        }
    }

    pub fn rewrite_error(&self) -> Option<String> {
        match &self.prefix_rewrite {
            PrefixRewrite::Value(value) if self.rewrites_prefix() && !value.trim().starts_with('/') => {
                Some("Start the new prefix with /, e.g. /v2/.".into())
            }
            PrefixRewrite::Value(value) if value.trim().chars().count() > MAX_PATH => Some(format!("At most {MAX_PATH} characters.")),
            _ => None,
        }
    }

    /// Whether the prefix rewrite applies: App Mesh rewrites a prefix only a prefix matched.
    pub fn rewrites_prefix(&self) -> bool {
        self.is_http() && self.path_match == PathMatch::Prefix
    }

    /// Every problem, in the form's order, with the id of its field.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        [
            ("route-path", self.path_error()),
            ("route-service-name", self.service_name_error()),
            ("route-hostname", self.hostname_error()),
            ("route-priority", self.priority_error()),
            ("route-target", self.target_error()),
            ("route-target-port", self.target_port_error()),
            ("route-rewrite-prefix", self.rewrite_error()),
        ]
        .into_iter()
        .filter_map(|(id, problem)| problem.map(|problem| (id, problem)))
        .collect()
    }

    /// `base` with the form applied, or `None` while the form has errors.
    pub fn apply(&self, base: &Value) -> Option<Value> {
        if !self.problems().is_empty() {
            return None;
        }
        let mut spec: Map<String, Value> = base.as_object().cloned().unwrap_or_default();
        // The old route, whatever its type: HTTP and HTTP/2 routes have the same members; what
        // only the other family has is dropped below.
        let old_route = route_of(base).map(|(_, route)| route.clone()).unwrap_or_else(|| json!({}));
        for kind in TypedGatewayRoute::TYPES {
            spec.remove(kind.spec_member());
        }
        let mut matched = old_route.get("match").and_then(Value::as_object).cloned().unwrap_or_default();
        if self.is_http() {
            self.apply_path(&mut matched);
            set_or_remove(&mut matched, "method", (!self.method.is_empty()).then(|| json!(self.method)));
            for member in ["serviceName", "metadata"] {
                matched.remove(member);
            }
        } else {
            let service = self.service_name.trim();
            set_or_remove(&mut matched, "serviceName", (!service.is_empty()).then(|| json!(service)));
            for member in ["prefix", "path", "method", "headers", "queryParameters"] {
                matched.remove(member);
            }
        }
        let hostname = self.hostname.trim();
        set_or_remove(&mut matched, "hostname", (!hostname.is_empty()).then(|| json!({ self.hostname_match.member(): hostname })));

        let mut action = old_route.get("action").and_then(Value::as_object).cloned().unwrap_or_default();
        let mut target = action.get("target").and_then(Value::as_object).cloned().unwrap_or_default();
        target.insert("virtualService".into(), json!({ "virtualServiceName": self.target }));
        set_or_remove(&mut target, "port", self.target_port.trim().parse::<i64>().ok().map(Value::from));
        action.insert("target".into(), Value::Object(target));
        self.apply_rewrite(&mut action);

        let mut route = old_route.as_object().cloned().unwrap_or_default();
        route.insert("match".into(), Value::Object(matched));
        route.insert("action".into(), Value::Object(action));
        spec.insert(self.route_type.spec_member().into(), Value::Object(route));
        set_or_remove(&mut spec, "priority", self.priority.trim().parse::<i64>().ok().map(Value::from));
        Some(Value::Object(spec))
    }

    fn apply_path(&self, matched: &mut Map<String, Value>) {
        let path = self.path.trim();
        matched.remove("prefix");
        matched.remove("path");
        match self.path_match {
            PathMatch::Prefix => matched.insert("prefix".into(), json!(path)),
            PathMatch::Exact => matched.insert("path".into(), json!({ "exact": path })),
            PathMatch::Regex => matched.insert("path".into(), json!({ "regex": path })),
        };
    }

    fn apply_rewrite(&self, action: &mut Map<String, Value>) {
        let mut rewrite = action.get("rewrite").and_then(Value::as_object).cloned().unwrap_or_default();
        match (&self.prefix_rewrite, self.rewrites_prefix()) {
            (PrefixRewrite::Kept, _) => {}
            (PrefixRewrite::Value(value), true) => {
                rewrite.insert("prefix".into(), json!({ "value": value.trim() }));
            }
            _ => {
                rewrite.remove("prefix");
            }
        }
        if !self.is_http() {
            rewrite.remove("path");
        }
        set_or_remove(action, "rewrite", (!rewrite.is_empty()).then_some(Value::Object(rewrite)));
    }
}

fn set_or_remove(object: &mut Map<String, Value>, member: &str, value: Option<Value>) {
    match value {
        Some(value) => object.insert(member.into(), value),
        None => object.remove(member),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> Value {
        serde_json::from_str(
            r#"{"httpRoute":{
                    "action":{"rewrite":{"hostname":{"defaultTargetHostname":"DISABLED"},"prefix":{"value":"/v2/"}},
                              "target":{"port":8080,"virtualService":{"virtualServiceName":"orders.local"}}},
                    "match":{"headers":[{"name":"x-canary","match":{"exact":"1"}}],"hostname":{"suffix":".example.com"},
                             "method":"GET","port":8080,"prefix":"/orders","queryParameters":[{"name":"v"}]}},
                "priority":10,
                "aMemberNewerThanThisConsole":{"kept":true}}"#,
        )
        .unwrap()
    }

    fn grpc() -> Value {
        json!({"grpcRoute": {"action": {"target": {"virtualService": {"virtualServiceName": "orders.local"}}},
                             "match": {"serviceName": "orders.Orders", "metadata": [{"name": "x"}]}}})
    }

    #[test]
    fn the_form_reads_what_it_shows() {
        let form = GatewayRouteForm::of(&stored());
        assert_eq!(form.route_type, RouteType::Http);
        assert_eq!((form.path_match, form.path.as_str()), (PathMatch::Prefix, "/orders"));
        assert_eq!((form.hostname_match, form.hostname.as_str()), (HostnameMatch::Suffix, ".example.com"));
        assert_eq!((form.method.as_str(), form.priority.as_str()), ("GET", "10"));
        assert_eq!((form.target.as_str(), form.target_port.as_str()), ("orders.local", "8080"));
        assert_eq!(form.prefix_rewrite, PrefixRewrite::Value("/v2/".into()));
        assert_eq!(GatewayRouteForm::of(&grpc()).service_name, "orders.Orders");
    }

    #[test]
    fn what_the_form_does_not_show_is_kept() {
        let base = stored();
        let mut form = GatewayRouteForm::of(&base);
        form.path = "/shop".into();
        form.target = "shop.local".into();
        form.priority = "20".into();
        let spec = form.apply(&base).unwrap();
        let route = &spec["httpRoute"];
        assert_eq!(route["match"]["prefix"], "/shop");
        for member in ["headers", "queryParameters", "port", "hostname", "method"] {
            assert_eq!(route["match"][member], base["httpRoute"]["match"][member], "{member}");
        }
        assert_eq!(route["action"]["target"], json!({"port": 8080, "virtualService": {"virtualServiceName": "shop.local"}}));
        assert_eq!(route["action"]["rewrite"], base["httpRoute"]["action"]["rewrite"]);
        assert_eq!(spec["priority"], 20);
        assert_eq!(spec["aMemberNewerThanThisConsole"], base["aMemberNewerThanThisConsole"]);
        let typed: mesh_engine::spec::GatewayRouteSpec = serde_json::from_value(spec).unwrap();
        assert_eq!(typed.target_service().as_str(), "shop.local", "the engine reads what the form made");
    }

    #[test]
    fn an_unchanged_form_gives_the_same_spec() {
        for base in [stored(), grpc()] {
            assert_eq!(GatewayRouteForm::of(&base).apply(&base).unwrap(), base);
        }
    }

    #[test]
    fn a_new_route() {
        let mut form = GatewayRouteForm::new();
        assert!(form.target_error().is_some());
        assert_eq!(form.apply(&json!({})), None);
        form.target = "orders.local".into();
        form.path = "/orders".into();
        assert_eq!(
            form.apply(&json!({})).unwrap(),
            json!({"httpRoute": {"action": {"target": {"virtualService": {"virtualServiceName": "orders.local"}}}, "match": {"prefix": "/orders"}}})
        );
        form.path_match = PathMatch::Regex;
        form.path = "/orders/[0-9]+".into();
        form.hostname = "api.example.com".into();
        form.prefix_rewrite = PrefixRewrite::Value("/v2/".into());
        let spec = form.apply(&json!({})).unwrap();
        assert_eq!(spec["httpRoute"]["match"], json!({"path": {"regex": "/orders/[0-9]+"}, "hostname": {"exact": "api.example.com"}}));
        assert_eq!(spec["httpRoute"]["action"].get("rewrite"), None, "a prefix rewrite needs a prefix match");
        let typed: mesh_engine::spec::GatewayRouteSpec = serde_json::from_value(spec).unwrap();
        assert_eq!(typed.route_type(), RouteType::Http);
    }

    #[test]
    fn changing_the_type_moves_the_route() {
        let base = stored();
        let mut form = GatewayRouteForm::of(&base);
        form.route_type = RouteType::Http2;
        let spec = form.apply(&base).unwrap();
        assert_eq!(spec.get("httpRoute"), None);
        assert_eq!(spec["http2Route"], base["httpRoute"]);
        form.route_type = RouteType::Grpc;
        form.service_name = "orders.Orders".into();
        let spec = form.apply(&base).unwrap();
        let matched = &spec["grpcRoute"]["match"];
        assert_eq!(matched["serviceName"], "orders.Orders");
        for member in ["prefix", "path", "method", "headers", "queryParameters"] {
            assert_eq!(matched.get(member), None, "{member}");
        }
        assert_eq!(matched["port"], 8080, "the listener port applies to either family");
        assert_eq!(spec["grpcRoute"]["action"]["rewrite"], json!({"hostname": {"defaultTargetHostname": "DISABLED"}}));
        let typed: mesh_engine::spec::GatewayRouteSpec = serde_json::from_value(spec).unwrap();
        assert_eq!(typed.route_type(), RouteType::Grpc);
    }

    #[test]
    fn a_kept_default_prefix_stays_and_a_cleared_rewrite_goes() {
        let base = json!({"httpRoute": {"action": {"rewrite": {"prefix": {"defaultPrefix": "DISABLED"}},
            "target": {"virtualService": {"virtualServiceName": "a.local"}}}, "match": {"prefix": "/"}}});
        let mut form = GatewayRouteForm::of(&base);
        assert_eq!(form.prefix_rewrite, PrefixRewrite::Kept);
        assert_eq!(form.apply(&base).unwrap(), base);
        form.prefix_rewrite = PrefixRewrite::Default;
        assert_eq!(form.apply(&base).unwrap()["httpRoute"]["action"].get("rewrite"), None);
    }

    #[test]
    fn problems_name_their_field() {
        let mut form = GatewayRouteForm::new();
        form.target = "orders.local".into();
        form.path = "orders".into();
        form.priority = "1001".into();
        form.target_port = "0".into();
        form.prefix_rewrite = PrefixRewrite::Value("v2".into());
        let ids: Vec<&str> = form.problems().into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["route-path", "route-priority", "route-target-port", "route-rewrite-prefix"]);
        form.priority = "1000".into();
        form.path = "/orders".into();
        form.target_port = "8080".into();
        form.prefix_rewrite = PrefixRewrite::Default;
        assert!(form.problems().is_empty());
        form.priority = "-1".into();
        assert!(form.priority_error().is_some());
    }

    #[test]
    fn summaries() {
        assert_eq!(match_summary(&stored()), "prefix /orders, hostname *.example.com, method GET, and 2 more conditions");
        assert_eq!(match_summary(&grpc()), "service orders.Orders, and 1 more condition");
        let exact = json!({"http2Route": {"match": {"path": {"exact": "/health"}, "hostname": {"exact": "a.example.com"}}}});
        assert_eq!(match_summary(&exact), "path /health, hostname a.example.com");
        assert_eq!(match_summary(&json!({"grpcRoute": {"match": {}}})), "Every request");
        assert_eq!(match_summary(&json!({})), "None");
        assert_eq!(target_of(&stored()), Some(("orders.local".into(), Some(8080))));
        assert_eq!(rewrite_summary(&stored()), "prefix to /v2/, default target hostname disabled");
        assert_eq!(rewrite_summary(&grpc()), "None");
        assert_eq!(route_of(&exact).map(|(kind, _)| route_type_label(kind)), Some("HTTP/2"));
    }
}
