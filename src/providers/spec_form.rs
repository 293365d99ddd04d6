//! The virtual node and router form, and how it changes a spec. The console holds a spec as
//! the JSON App Mesh sent: the form changes only the members it shows, so every other member
//! — health checks, TLS, logging, Cloud Map, backend client policies, even members newer
//! than this console — is sent back exactly as it came. The engine validates the whole spec.
//! A router's form shows only listeners: its discovery stays `Kept` and its backends empty.

use crate::components::listeners::{ListenerDraft, apply_listeners, listener_drafts};
use mesh_engine::names::ServiceName;
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discovery {
    None,
    Dns(String),
    /// Cloud Map service discovery, which the form does not edit: kept as it is.
    Kept,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecForm {
    pub discovery: Discovery,
    pub listeners: Vec<ListenerDraft>,
    pub backends: Vec<String>,
}

fn items<'a>(spec: &'a Value, member: &str) -> impl Iterator<Item = &'a Value> {
    spec.get(member).and_then(Value::as_array).into_iter().flatten()
}

/// The DNS hostname of a spec, if it has DNS service discovery.
pub fn dns_hostname(spec: &Value) -> Option<&str> {
    spec.pointer("/serviceDiscovery/dns/hostname").and_then(Value::as_str)
}

pub fn backend_names(spec: &Value) -> Vec<String> {
    items(spec, "backends")
        .filter_map(|backend| backend.pointer("/virtualService/virtualServiceName")?.as_str().map(str::to_string))
        .collect()
}

impl SpecForm {
    /// A new node starts with DNS discovery to fill in; a new router with nothing to discover.
    pub fn new(node: bool) -> Self {
        let discovery = if node { Discovery::Dns(String::new()) } else { Discovery::Kept };
        Self { discovery, listeners: vec![ListenerDraft::default()], backends: Vec::new() }
    }

    pub fn of(spec: &Value) -> Self {
        let discovery = match (dns_hostname(spec), spec.get("serviceDiscovery")) {
            (Some(hostname), _) => Discovery::Dns(hostname.to_string()),
            (None, Some(Value::Object(_))) => Discovery::Kept,
            _ => Discovery::None,
        };
        Self { discovery, listeners: listener_drafts(spec), backends: backend_names(spec) }
    }

    pub fn hostname_error(&self) -> Option<String> {
        match &self.discovery {
            Discovery::Dns(hostname) => mesh_engine::advice::check_dns_hostname(hostname.trim()).map(|problem| problem.to_string()),
            _ => None,
        }
    }

    /// `base` with the form applied, or `None` while the form has errors.
    pub fn apply(&self, base: &Value) -> Option<Value> {
        if self.hostname_error().is_some() {
            return None;
        }
        let mut spec: Map<String, Value> = base.as_object().cloned().unwrap_or_default();
        match &self.discovery {
            Discovery::None => {
                spec.remove("serviceDiscovery");
            }
            Discovery::Kept => {}
            Discovery::Dns(hostname) => {
                let mut dns = base.pointer("/serviceDiscovery/dns").and_then(Value::as_object).cloned().unwrap_or_default();
                dns.insert("hostname".into(), json!(hostname.trim()));
                spec.insert("serviceDiscovery".into(), json!({ "dns": dns }));
            }
        }
        let listeners = apply_listeners(&self.listeners, base)?;
        set_list(&mut spec, base, "listeners", listeners);
        let mut backends = Vec::new();
        for name in &self.backends {
            let kept =
                items(base, "backends").find(|old| old.pointer("/virtualService/virtualServiceName").and_then(Value::as_str) == Some(name));
            backends.push(match kept {
                Some(old) => old.clone(),
                None => json!({ "virtualService": { "virtualServiceName": ServiceName::parse(name.clone()).ok()?.as_str() } }),
            });
        }
        set_list(&mut spec, base, "backends", backends);
        Some(Value::Object(spec))
    }
}

/// A list member: absent stays absent when the form leaves it empty.
fn set_list(spec: &mut Map<String, Value>, base: &Value, member: &str, list: Vec<Value>) {
    if list.is_empty() && base.get(member).is_none() {
        spec.remove(member);
    } else {
        spec.insert(member.into(), Value::Array(list));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesh_engine::spec::PortProtocol;

    fn stored() -> Value {
        serde_json::from_str(
            r#"{"backendDefaults":{"clientPolicy":{}},"backends":[{"virtualService":{"clientPolicy":{},"virtualServiceName":"a.local"}}],
                "listeners":[{"healthCheck":{"healthyThreshold":2,"intervalMillis":5000,"protocol":"http","timeoutMillis":2000,"unhealthyThreshold":2},"portMapping":{"port":8080,"protocol":"http"}}],
                "logging":{"accessLog":{"file":{"path":"/dev/stdout"}}},
                "serviceDiscovery":{"dns":{"hostname":"n.local","responseType":"ENDPOINTS"}},
                "aMemberNewerThanThisConsole":{"kept":true}}"#,
        )
        .unwrap()
    }

    #[test]
    fn what_the_form_does_not_show_is_kept() {
        let base = stored();
        let mut form = SpecForm::of(&base);
        assert_eq!(form.discovery, Discovery::Dns("n.local".into()));
        form.discovery = Discovery::Dns("m.local".into());
        form.listeners[0].port = "9090".into();
        form.listeners.push(ListenerDraft { port: "9091".into(), protocol: PortProtocol::Grpc });
        form.backends.push("b.local".into());
        let spec = form.apply(&base).unwrap();
        assert_eq!(spec["listeners"][0]["portMapping"], json!({"port": 9090, "protocol": "http"}));
        assert_eq!(spec["listeners"][0]["healthCheck"], base["listeners"][0]["healthCheck"], "the health check stays");
        assert_eq!(spec["listeners"][1], json!({"portMapping": {"port": 9091, "protocol": "grpc"}}));
        assert_eq!(spec["serviceDiscovery"], json!({"dns": {"hostname": "m.local", "responseType": "ENDPOINTS"}}));
        assert_eq!(spec["backends"][0], base["backends"][0], "a kept backend keeps its client policy");
        assert_eq!(spec["backends"][1], json!({"virtualService": {"virtualServiceName": "b.local"}}));
        for member in ["logging", "backendDefaults", "aMemberNewerThanThisConsole"] {
            assert_eq!(spec[member], base[member], "{member}");
        }
        let typed: mesh_engine::spec::VirtualNodeSpec = serde_json::from_value(spec).unwrap();
        assert_eq!(typed.listeners.unwrap().len(), 2, "the engine reads what the form made");
    }

    #[test]
    fn an_unchanged_form_gives_the_same_spec() {
        let base = stored();
        assert_eq!(SpecForm::of(&base).apply(&base).unwrap(), base);
        let empty = json!({});
        assert_eq!(SpecForm::of(&empty).apply(&empty).unwrap(), empty);
    }

    #[test]
    fn cloud_map_discovery_is_kept_as_it_is() {
        let base = json!({"serviceDiscovery": {"awsCloudMap": {"namespaceName": "ns", "serviceName": "svc"}}});
        let form = SpecForm::of(&base);
        assert_eq!(form.discovery, Discovery::Kept);
        assert_eq!(form.apply(&base).unwrap(), base);
    }

    #[test]
    fn a_router_form_changes_only_listeners() {
        let mut form = SpecForm::new(false);
        form.listeners[0].protocol = PortProtocol::Http2;
        assert_eq!(form.apply(&json!({})).unwrap(), json!({"listeners": [{"portMapping": {"port": 8080, "protocol": "http2"}}]}));
        let typed: mesh_engine::spec::VirtualRouterSpec = serde_json::from_value(form.apply(&json!({})).unwrap()).unwrap();
        assert_eq!(typed.listeners.unwrap().len(), 1);
    }

    #[test]
    fn errors_block_the_spec() {
        let mut form = SpecForm::new(true);
        assert!(form.hostname_error().is_some());
        assert_eq!(form.apply(&json!({})), None);
        form.discovery = Discovery::Dns("n.local".into());
        form.listeners[0].port = "70000".into();
        assert_eq!(form.apply(&json!({})), None);
        form.listeners[0].port = "80".into();
        assert!(form.apply(&json!({})).is_some());
    }
}
