//! The route form, and how it changes a spec. As for nodes and routers
//! (`providers::spec_form`), the console holds the spec as the JSON App Mesh sent and the form
//! changes only the members it shows: query parameters, scheme, gRPC metadata, header range
//! matches, members newer than this console go back as they came. The engine validates the
//! whole spec; the form's problems only say sooner what it would refuse.

use super::policy::{RetryDraft, TimeoutDraft, whole_number};
use super::targets::{TargetDraft, targets_problem, weight_problem};
use mesh_engine::names::{HeaderMatch, HeaderName, HttpPathExact, HttpPathRegex, MethodName, PortNumber, RoutePriority};
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteType {
    Http,
    Http2,
    Grpc,
    Tcp,
}

impl RouteType {
    pub const ALL: [RouteType; 4] = [Self::Http, Self::Http2, Self::Grpc, Self::Tcp];

    /// The spec's member that holds a route of this type.
    pub fn member(self) -> &'static str {
        match self {
            Self::Http => "httpRoute",
            Self::Http2 => "http2Route",
            Self::Grpc => "grpcRoute",
            Self::Tcp => "tcpRoute",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Http => "HTTP",
            Self::Http2 => "HTTP/2",
            Self::Grpc => "gRPC",
            Self::Tcp => "TCP",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Http2 => "http2",
            Self::Grpc => "grpc",
            Self::Tcp => "tcp",
        }
    }

    /// HTTP and HTTP/2 routes have the same shape.
    pub fn is_http(self) -> bool {
        matches!(self, Self::Http | Self::Http2)
    }

    /// The type of a spec's route, and the route.
    pub fn of(spec: &Value) -> Option<(RouteType, &Value)> {
        Self::ALL.into_iter().find_map(|kind| spec.get(kind.member()).filter(|route| route.is_object()).map(|route| (kind, route)))
    }

    /// Whether a route of type `other` can be read as one of this type.
    fn same_shape(self, other: RouteType) -> bool {
        self == other || (self.is_http() && other.is_http())
    }
}

pub const HTTP_METHODS: [&str; 9] = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathMatch {
    Prefix,
    Exact,
    Regex,
}

impl PathMatch {
    pub const ALL: [PathMatch; 3] = [Self::Prefix, Self::Exact, Self::Regex];

    pub fn label(self) -> &'static str {
        match self {
            Self::Prefix => "Prefix",
            Self::Exact => "Exact path",
            Self::Regex => "Path regex",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Self::Prefix => "prefix",
            Self::Exact => "exact",
            Self::Regex => "regex",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderMatchKind {
    Exact,
    Prefix,
    Suffix,
    Regex,
    /// A match the form does not edit (a range, or none): kept as stored.
    Kept,
}

impl HeaderMatchKind {
    pub const TYPED: [HeaderMatchKind; 4] = [Self::Exact, Self::Prefix, Self::Suffix, Self::Regex];

    /// The member of the header's `match`, and the option's text.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Prefix => "prefix",
            Self::Suffix => "suffix",
            Self::Regex => "regex",
            Self::Kept => "kept",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::TYPED.into_iter().chain([Self::Kept]).find(|kind| kind.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderDraft {
    pub name: String,
    pub kind: HeaderMatchKind,
    pub value: String,
    pub invert: bool,
    /// The stored match, when the form does not edit it (`kind` is `Kept`).
    pub kept: Option<Value>,
}

impl Default for HeaderDraft {
    fn default() -> Self {
        Self { name: String::new(), kind: HeaderMatchKind::Exact, value: String::new(), invert: false, kept: None }
    }
}

impl HeaderDraft {
    fn of(header: &Value) -> Self {
        let typed = HeaderMatchKind::TYPED.into_iter().find_map(|kind| header["match"][kind.as_str()].as_str().map(|value| (kind, value)));
        let (kind, value, kept) = match typed {
            Some((kind, value)) => (kind, value.to_string(), None),
            None => (HeaderMatchKind::Kept, String::new(), header.get("match").cloned()),
        };
        Self { name: header["name"].as_str().unwrap_or_default().to_string(), kind, value, invert: header["invert"] == true, kept }
    }

    /// What a kept match is, in words: `range 1–10`, `present`.
    pub fn kept_text(&self) -> String {
        match self.kept.as_ref().and_then(|kept| kept.get("range")) {
            Some(range) => format!("range {}–{}", range["start"].as_i64().unwrap_or_default(), range["end"].as_i64().unwrap_or_default()),
            None => "present".into(),
        }
    }
}

/// Whichever field is wrong, by the id of its control, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormProblem {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteForm {
    pub route_type: RouteType,
    pub path_kind: PathMatch,
    pub path: String,
    /// Empty: any method.
    pub method: String,
    pub headers: Vec<HeaderDraft>,
    pub grpc_service: String,
    pub grpc_method: String,
    /// The match's port; empty: any.
    pub port: String,
    pub priority: String,
    pub targets: Vec<TargetDraft>,
    pub retry: Option<RetryDraft>,
    pub timeout: Option<TimeoutDraft>,
}

fn text(value: &Value, pointer: &str) -> String {
    match value.pointer(pointer) {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Number(number)) => number.to_string(),
        _ => String::new(),
    }
}

fn items<'a>(value: &'a Value, pointer: &str) -> impl Iterator<Item = &'a Value> {
    value.pointer(pointer).and_then(Value::as_array).into_iter().flatten()
}

/// Sets a member, or removes it when the form leaves it empty.
fn set(object: &mut Map<String, Value>, member: &str, value: Option<Value>) {
    match value {
        Some(value) => object.insert(member.into(), value),
        None => object.remove(member),
    };
}

fn object_of(value: Option<&Value>) -> Map<String, Value> {
    value.and_then(Value::as_object).cloned().unwrap_or_default()
}

fn port_problem(text: &str) -> Option<String> {
    let valid = text.trim().is_empty() || text.trim().parse::<i64>().ok().is_some_and(|port| PortNumber::new(port).is_ok());
    (!valid).then(|| "Enter a port from 1 to 65535, or leave it empty.".to_string())
}

fn optional_number(text: &str) -> Option<Value> {
    whole_number(text).map(|number| json!(number))
}

impl RouteForm {
    /// A new HTTP route: every request, to one target to choose.
    pub fn new() -> Self {
        Self {
            route_type: RouteType::Http,
            path_kind: PathMatch::Prefix,
            path: "/".into(),
            method: String::new(),
            headers: Vec::new(),
            grpc_service: String::new(),
            grpc_method: String::new(),
            port: String::new(),
            priority: String::new(),
            targets: vec![TargetDraft { weight: "100".into(), ..TargetDraft::default() }],
            retry: None,
            timeout: None,
        }
    }

    pub fn from_spec(spec: &Value) -> Self {
        let mut form = Self::new();
        form.priority = text(spec, "/priority");
        let Some((route_type, route)) = RouteType::of(spec) else { return form };
        form.route_type = route_type;
        let path_kind = [(PathMatch::Exact, "/match/path/exact"), (PathMatch::Regex, "/match/path/regex")]
            .into_iter()
            .find(|(_, pointer)| route.pointer(pointer).is_some());
        (form.path_kind, form.path) = match path_kind {
            Some((kind, pointer)) => (kind, text(route, pointer)),
            None => (PathMatch::Prefix, text(route, "/match/prefix")),
        };
        form.method = text(route, "/match/method");
        form.headers = items(route, "/match/headers").map(HeaderDraft::of).collect();
        form.grpc_service = text(route, "/match/serviceName");
        form.grpc_method = text(route, "/match/methodName");
        form.port = text(route, "/match/port");
        form.targets = items(route, "/action/weightedTargets")
            .map(|target| TargetDraft { node: text(target, "/virtualNode"), weight: text(target, "/weight"), port: text(target, "/port") })
            .collect();
        form.retry = route.get("retryPolicy").map(RetryDraft::of);
        form.timeout = route.get("timeout").map(TimeoutDraft::of);
        form
    }

    pub fn weights(&self) -> Vec<Option<u32>> {
        self.targets.iter().map(TargetDraft::weight).collect()
    }

    /// Every problem, in the order of the form.
    pub fn problems(&self) -> Vec<FormProblem> {
        let mut problems = Vec::new();
        let mut add = |field: String, message: Option<String>| {
            if let Some(message) = message {
                problems.push(FormProblem { field, message });
            }
        };
        if self.route_type.is_http() {
            let path = self.path.trim();
            add(
                "route-path".into(),
                match self.path_kind {
                    PathMatch::Prefix | PathMatch::Exact if !path.starts_with('/') => Some("Start the path with /, e.g. /orders.".into()),
                    PathMatch::Exact => HttpPathExact::parse(path).err().map(|_| "Use at most 255 characters.".into()),
                    PathMatch::Regex => {
                        HttpPathRegex::parse(path).err().map(|_| "Enter a regular expression of 1 to 255 characters.".into())
                    }
                    PathMatch::Prefix => None,
                },
            );
            for (index, header) in self.headers.iter().enumerate() {
                let name_bad = HeaderName::parse(header.name.trim()).is_err();
                add(format!("header-name-{}", index + 1), name_bad.then(|| "Enter a header name of 1 to 50 characters.".into()));
                let value_bad = header.kind != HeaderMatchKind::Kept && HeaderMatch::parse(header.value.as_str()).is_err();
                add(format!("header-value-{}", index + 1), value_bad.then(|| "Enter a value of 1 to 255 characters.".into()));
            }
        }
        if self.route_type == RouteType::Grpc {
            let method = self.grpc_method.trim();
            let problem = match () {
                _ if method.is_empty() => None,
                _ if self.grpc_service.trim().is_empty() => Some("A method name needs a service name.".into()),
                _ => MethodName::parse(method).err().map(|_| "Use at most 50 characters.".into()),
            };
            add("grpc-method".into(), problem);
        }
        add("match-port".into(), port_problem(&self.port));
        let priority_ok = self.priority.trim().is_empty()
            || self.priority.trim().parse().ok().is_some_and(|priority| RoutePriority::new(priority).is_ok());
        add("priority".into(), (!priority_ok).then(|| "Enter a whole number from 0 (first) to 1000, or leave it empty.".into()));
        for (index, target) in self.targets.iter().enumerate() {
            let number = index + 1;
            add(format!("target-node-{number}"), target.node.is_empty().then(|| "Choose a virtual node.".into()));
            add(format!("target-weight-{number}"), weight_problem(&target.weight));
            add(format!("target-port-{number}"), port_problem(&target.port));
        }
        add("add-target".into(), targets_problem(&self.weights()));
        if let Some(retry) = self.retry.as_ref().filter(|_| self.route_type != RouteType::Tcp) {
            add("retry-max".into(), whole_number(&retry.max_retries).is_none().then(|| "Enter a whole number (0 or more).".into()));
            add("retry-timeout".into(), retry.per_retry.problem());
            let grpc = self.route_type == RouteType::Grpc;
            add("retry-events".into(), (!retry.has_event(grpc)).then(|| "Choose at least one event to retry on.".into()));
        }
        if let Some(timeout) = &self.timeout {
            if self.route_type != RouteType::Tcp && !timeout.per_request.is_empty() {
                add("timeout-per-request".into(), timeout.per_request.problem());
            }
            if !timeout.idle.is_empty() {
                add("timeout-idle".into(), timeout.idle.problem());
            }
        }
        problems
    }

    /// `base` with the form applied, or the form's first problem.
    pub fn apply(&self, base: &Value) -> Result<Value, FormProblem> {
        if let Some(problem) = self.problems().into_iter().next() {
            return Err(problem);
        }
        let mut spec = object_of(Some(base));
        let old = RouteType::of(base).filter(|(old_type, _)| old_type.same_shape(self.route_type)).map(|(_, route)| route);
        for route_type in RouteType::ALL {
            spec.remove(route_type.member());
        }
        let mut route = object_of(old);
        route.insert("match".into(), self.route_match(old.and_then(|route| route.get("match"))));
        if self.route_type == RouteType::Tcp && route["match"] == json!({}) && old.and_then(|route| route.get("match")).is_none() {
            route.remove("match");
        }
        let mut action = object_of(old.and_then(|route| route.get("action")));
        let targets = self.targets.iter().map(|target| {
            let mut json = json!({ "virtualNode": target.node, "weight": target.weight().unwrap_or_default() });
            if let Some(port) = optional_number(&target.port) {
                json["port"] = port;
            }
            json
        });
        action.insert("weightedTargets".into(), targets.collect());
        route.insert("action".into(), Value::Object(action));
        let grpc = self.route_type == RouteType::Grpc;
        let retry = self.retry.as_ref().filter(|_| self.route_type != RouteType::Tcp);
        set(&mut route, "retryPolicy", retry.and_then(|retry| retry.apply(old.and_then(|route| route.get("retryPolicy")), grpc)));
        let timeout = self
            .timeout
            .as_ref()
            .and_then(|timeout| timeout.apply(old.and_then(|route| route.get("timeout")), self.route_type != RouteType::Tcp));
        set(
            &mut route,
            "timeout",
            timeout.filter(|timeout| timeout != &json!({}) || old.is_some_and(|route| route.get("timeout").is_some())),
        );
        spec.insert(self.route_type.member().into(), Value::Object(route));
        set(&mut spec, "priority", optional_number(&self.priority));
        Ok(Value::Object(spec))
    }

    fn route_match(&self, old: Option<&Value>) -> Value {
        let mut matching = object_of(old);
        set(&mut matching, "port", optional_number(&self.port));
        match self.route_type {
            RouteType::Http | RouteType::Http2 => {
                let path = self.path.trim().to_string();
                let (prefix, path) = match self.path_kind {
                    PathMatch::Prefix => (Some(json!(path)), None),
                    PathMatch::Exact => (None, Some(json!({ "exact": path }))),
                    PathMatch::Regex => (None, Some(json!({ "regex": path }))),
                };
                set(&mut matching, "prefix", prefix);
                set(&mut matching, "path", path);
                set(&mut matching, "method", (!self.method.is_empty()).then(|| json!(self.method)));
                let old_headers: Vec<&Value> = old.into_iter().flat_map(|old| items(old, "/headers")).collect();
                let headers: Vec<Value> =
                    self.headers.iter().enumerate().map(|(index, draft)| header_json(draft, old_headers.get(index).copied())).collect();
                set(&mut matching, "headers", (!headers.is_empty()).then_some(Value::Array(headers)));
            }
            RouteType::Grpc => {
                let service = self.grpc_service.trim();
                let method = self.grpc_method.trim();
                set(&mut matching, "serviceName", (!service.is_empty()).then(|| json!(service)));
                set(&mut matching, "methodName", (!method.is_empty()).then(|| json!(method)));
            }
            RouteType::Tcp => {}
        }
        Value::Object(matching)
    }
}

/// A header row as JSON, over the header stored at its place (which keeps what the row does
/// not show).
fn header_json(draft: &HeaderDraft, old: Option<&Value>) -> Value {
    let mut header = object_of(old);
    header.insert("name".into(), json!(draft.name.trim()));
    let matching = match draft.kind {
        HeaderMatchKind::Kept => draft.kept.clone(),
        kind => Some(json!({ kind.as_str(): draft.value })),
    };
    set(&mut header, "match", matching);
    let keep_false = header.contains_key("invert");
    set(&mut header, "invert", (draft.invert || keep_false).then(|| json!(draft.invert)));
    Value::Object(header)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::policy::{RetryDraft, TimeoutDraft};

    /// The engine reads what the form made.
    fn engine_reads(spec: &Value) {
        if let Err(error) = serde_json::from_value::<mesh_engine::spec::RouteSpec>(spec.clone()) {
            panic!("{error}: {spec}");
        }
    }

    fn stored() -> Value {
        serde_json::from_str(
            r#"{"priority": 5, "httpRoute": {
                "match": {"prefix": "/orders", "method": "POST", "scheme": "https", "port": 8080,
                    "queryParameters": [{"name": "v", "match": {"exact": "2"}}],
                    "headers": [{"name": "x-canary", "invert": false, "match": {"range": {"start": 1, "end": 10}}},
                                {"name": "x-user", "match": {"suffix": "@example.com"}}]},
                "action": {"weightedTargets": [{"virtualNode": "orders-v1", "weight": 90}, {"virtualNode": "orders-v2", "weight": 10, "port": 9090}]},
                "retryPolicy": {"maxRetries": 2, "perRetryTimeout": {"unit": "s", "value": 1}, "httpRetryEvents": ["server-error"]},
                "timeout": {"idle": {"unit": "s", "value": 300}},
                "aMemberNewerThanThisConsole": true}}"#,
        )
        .unwrap()
    }

    #[test]
    fn changing_one_weight_keeps_everything_else() {
        let base = stored();
        let mut form = RouteForm::from_spec(&base);
        assert_eq!(form.targets[0], TargetDraft { node: "orders-v1".into(), weight: "90".into(), port: String::new() });
        assert_eq!(form.headers[0].kind, HeaderMatchKind::Kept);
        assert_eq!(form.headers[0].kept_text(), "range 1–10");
        form.targets[0].weight = "50".into();
        let spec = form.apply(&base).unwrap();
        let mut expected = base.clone();
        expected["httpRoute"]["action"]["weightedTargets"][0]["weight"] = json!(50);
        assert_eq!(spec, expected);
        expected["httpRoute"].as_object_mut().unwrap().remove("aMemberNewerThanThisConsole");
        engine_reads(&expected);
    }

    #[test]
    fn an_unchanged_form_gives_the_same_spec() {
        let base = stored();
        assert_eq!(RouteForm::from_spec(&base).apply(&base).unwrap(), base);
        let grpc = json!({"grpcRoute": {"match": {"serviceName": "orders.Orders", "methodName": "Get", "metadata": [{"name": "k"}]},
            "action": {"weightedTargets": [{"virtualNode": "n", "weight": 1}]},
            "retryPolicy": {"maxRetries": 1, "perRetryTimeout": {"unit": "ms", "value": 100}, "grpcRetryEvents": ["cancelled"]},
            "timeout": {"perRequest": {"unit": "s", "value": 3}}}});
        assert_eq!(RouteForm::from_spec(&grpc).apply(&grpc).unwrap(), grpc);
        let tcp = json!({"tcpRoute": {"action": {"weightedTargets": [{"virtualNode": "n", "weight": 1}]}}});
        assert_eq!(RouteForm::from_spec(&tcp).apply(&tcp).unwrap(), tcp);
    }

    #[test]
    fn a_new_route_is_an_http_prefix_route() {
        let mut form = RouteForm::new();
        form.targets[0].node = "n1".into();
        form.headers.push(HeaderDraft { name: "x-env".into(), value: "beta".into(), invert: true, ..HeaderDraft::default() });
        let spec = form.apply(&json!({})).unwrap();
        assert_eq!(
            spec,
            json!({"httpRoute": {"match": {"prefix": "/", "headers": [{"name": "x-env", "invert": true, "match": {"exact": "beta"}}]},
                "action": {"weightedTargets": [{"virtualNode": "n1", "weight": 100}]}}})
        );
        engine_reads(&spec);
    }

    #[test]
    fn switching_type_keeps_what_fits() {
        let base = stored();
        let mut form = RouteForm::from_spec(&base);
        form.route_type = RouteType::Http2;
        let http2 = form.apply(&base).unwrap();
        assert_eq!(http2.get("httpRoute"), None);
        assert_eq!(http2["http2Route"], base["httpRoute"], "HTTP/2 takes the whole HTTP route");

        form.route_type = RouteType::Grpc;
        form.grpc_service = "orders.Orders".into();
        let grpc = form.apply(&base).unwrap();
        assert_eq!(grpc["grpcRoute"]["match"], json!({"serviceName": "orders.Orders", "port": 8080}));
        assert_eq!(grpc["grpcRoute"]["action"], base["httpRoute"]["action"]);
        assert_eq!(grpc["grpcRoute"]["retryPolicy"], base["httpRoute"]["retryPolicy"]);
        form.retry = Some(RetryDraft { grpc_events: vec!["cancelled".into()], ..RetryDraft::default() });
        form.timeout = Some(TimeoutDraft::default());
        engine_reads(&RouteForm { headers: Vec::new(), ..form.clone() }.apply(&json!({})).unwrap());

        form.route_type = RouteType::Tcp;
        let tcp = form.apply(&base).unwrap();
        assert_eq!(tcp["tcpRoute"]["match"], json!({"port": 8080}));
        assert_eq!(tcp["tcpRoute"].get("retryPolicy"), None, "a TCP route has no retry policy");
        assert_eq!(tcp["priority"], json!(5));
        assert_eq!(tcp["tcpRoute"].get("timeout"), None, "an empty timeout is not sent");
        engine_reads(&form.apply(&json!({})).unwrap());
    }

    #[test]
    fn problems_name_their_field() {
        let mut form = RouteForm::new();
        let fields = |form: &RouteForm| form.problems().into_iter().map(|problem| problem.field).collect::<Vec<_>>();
        assert_eq!(fields(&form), ["target-node-1"]);
        form.targets[0] = TargetDraft { node: "a".into(), weight: "0".into(), port: "70000".into() };
        form.path = "orders".into();
        form.priority = "1001".into();
        assert_eq!(fields(&form), ["route-path", "priority", "target-port-1", "add-target"]);
        assert_eq!(form.apply(&json!({})).unwrap_err().field, "route-path");
        form.route_type = RouteType::Grpc;
        form.grpc_method = "Get".into();
        assert_eq!(fields(&form)[0], "grpc-method", "a gRPC route has no path");
    }
}
