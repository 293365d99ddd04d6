//! The virtual gateway form, and how it changes a spec held as the JSON App Mesh sent: the
//! form changes listeners' ports and protocols and the access log's path; TLS, health checks,
//! connection pools, backend defaults and the log's format are sent back as they came. Also
//! what a gateway's details page says about the members the form does not show.

use crate::components::listeners::{ListenerDraft, apply_listeners, listener_drafts};
use mesh_engine::spec::PortProtocol;
use serde_json::{Map, Value, json};

/// The protocols a gateway listener takes (`VirtualGatewayPortProtocol`: no `tcp`).
pub const GATEWAY_PROTOCOLS: &[PortProtocol] = &[PortProtocol::Http, PortProtocol::Http2, PortProtocol::Grpc];

/// App Mesh's bound on a `FilePath`.
const MAX_PATH: usize = 255;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayForm {
    pub listeners: Vec<ListenerDraft>,
    /// Empty: no access log.
    pub access_log_path: String,
}

/// The access log's file path, if the gateway writes one.
pub fn access_log_path(spec: &Value) -> Option<&str> {
    spec.pointer("/logging/accessLog/file/path").and_then(Value::as_str)
}

impl GatewayForm {
    /// A new gateway starts with one HTTP listener on 8080 and no access log.
    pub fn new() -> Self {
        Self { listeners: vec![ListenerDraft::default()], access_log_path: String::new() }
    }

    pub fn of(spec: &Value) -> Self {
        Self { listeners: listener_drafts(spec), access_log_path: access_log_path(spec).unwrap_or_default().to_string() }
    }

    pub fn listeners_error(&self) -> Option<String> {
        self.listeners.is_empty().then(|| "A virtual gateway needs a listener.".to_string())
    }

    pub fn access_log_error(&self) -> Option<String> {
        let path = self.access_log_path.trim();
        if path.chars().count() > MAX_PATH {
            Some(format!("A path has at most {MAX_PATH} characters."))
        } else if !path.is_empty() && !path.starts_with('/') {
            Some("Enter an absolute path, e.g. /dev/stdout.".to_string())
        } else {
            None
        }
    }

    /// `base` with the form applied, or `None` while the form has errors.
    pub fn apply(&self, base: &Value) -> Option<Value> {
        if self.listeners_error().is_some() || self.access_log_error().is_some() {
            return None;
        }
        let mut spec: Map<String, Value> = base.as_object().cloned().unwrap_or_default();
        spec.insert("listeners".into(), Value::Array(apply_listeners(&self.listeners, base)?));
        let path = self.access_log_path.trim();
        if path.is_empty() {
            spec.remove("logging");
        } else if access_log_path(base) != Some(path) {
            let mut file = base.pointer("/logging/accessLog/file").and_then(Value::as_object).cloned().unwrap_or_default();
            file.insert("path".into(), json!(path));
            spec.insert("logging".into(), json!({ "accessLog": { "file": file } }));
        }
        Some(Value::Object(spec))
    }
}

/// A listener as the details page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerSummary {
    pub port: String,
    pub protocol: String,
    pub health_check: String,
    pub tls_mode: String,
}

fn text<'a>(value: &'a Value, pointer: &str) -> Option<&'a str> {
    value.pointer(pointer).and_then(Value::as_str)
}

/// `http /ping every 5000 ms`, or `None`.
fn health_check_text(listener: &Value) -> String {
    let Some(check) = listener.get("healthCheck") else { return "None".into() };
    let mut words = vec![text(check, "/protocol").unwrap_or_default().to_string()];
    if let Some(path) = text(check, "/path") {
        words.push(path.to_string());
    }
    if let Some(port) = check["port"].as_i64() {
        words.push(format!("port {port}"));
    }
    if let Some(interval) = check["intervalMillis"].as_i64() {
        words.push(format!("every {interval} ms"));
    }
    words.join(" ")
}

pub fn listener_summaries(spec: &Value) -> Vec<ListenerSummary> {
    spec.get("listeners")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|listener| ListenerSummary {
            port: listener.pointer("/portMapping/port").and_then(Value::as_i64).map(|port| port.to_string()).unwrap_or_default(),
            protocol: text(listener, "/portMapping/protocol").unwrap_or_default().to_string(),
            health_check: health_check_text(listener),
            tls_mode: text(listener, "/tls/mode").unwrap_or("None").to_string(),
        })
        .collect()
}

/// `8080 http, 9090 grpc`: the listeners column of the list.
pub fn listeners_text(spec: &Value) -> String {
    let listeners: Vec<String> =
        listener_summaries(spec).into_iter().map(|listener| format!("{} {}", listener.port, listener.protocol)).collect();
    if listeners.is_empty() { "None".into() } else { listeners.join(", ") }
}

/// Whether the gateway's backends must speak TLS by default.
pub fn backend_tls_text(spec: &Value) -> &'static str {
    match spec.pointer("/backendDefaults/clientPolicy/tls") {
        None => "Not configured",
        Some(tls) if tls["enforce"].as_bool() == Some(false) => "TLS not enforced",
        Some(_) => "TLS enforced",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> Value {
        serde_json::from_str(
            r#"{"backendDefaults":{"clientPolicy":{"tls":{"enforce":true,"validation":{"trust":{"file":{"certificateChain":"/ca.pem"}}}}}},
                "listeners":[{"connectionPool":{"http":{"maxConnections":100}},
                    "healthCheck":{"healthyThreshold":2,"intervalMillis":5000,"path":"/ping","protocol":"http","timeoutMillis":2000,"unhealthyThreshold":2},
                    "portMapping":{"port":8080,"protocol":"http"},
                    "tls":{"certificate":{"file":{"certificateChain":"/c.pem","privateKey":"/k.pem"}},"mode":"STRICT"}}],
                "logging":{"accessLog":{"file":{"format":{"text":"%START_TIME%"},"path":"/dev/stdout"}}},
                "aMemberNewerThanThisConsole":{"kept":true}}"#,
        )
        .unwrap()
    }

    #[test]
    fn what_the_form_does_not_show_is_kept() {
        let base = stored();
        let mut form = GatewayForm::of(&base);
        assert_eq!(form, GatewayForm { listeners: vec![ListenerDraft::default()], access_log_path: "/dev/stdout".into() });
        form.listeners[0].protocol = PortProtocol::Http2;
        form.access_log_path = "/var/log/gateway.log".into();
        let spec = form.apply(&base).unwrap();
        assert_eq!(spec["listeners"][0]["portMapping"], json!({"port": 8080, "protocol": "http2"}));
        for member in ["healthCheck", "tls", "connectionPool"] {
            assert_eq!(spec["listeners"][0][member], base["listeners"][0][member], "{member}");
        }
        assert_eq!(spec["logging"], json!({"accessLog": {"file": {"format": {"text": "%START_TIME%"}, "path": "/var/log/gateway.log"}}}));
        for member in ["backendDefaults", "aMemberNewerThanThisConsole"] {
            assert_eq!(spec[member], base[member], "{member}");
        }
        let typed: mesh_engine::spec::VirtualGatewaySpec = serde_json::from_value(spec).unwrap();
        assert_eq!(typed.listeners.len(), 1, "the engine reads what the form made");
    }

    #[test]
    fn an_unchanged_form_gives_the_same_spec() {
        let base = stored();
        assert_eq!(GatewayForm::of(&base).apply(&base).unwrap(), base);
    }

    #[test]
    fn a_new_gateway_and_its_access_log() {
        let mut form = GatewayForm::new();
        assert_eq!(form.apply(&json!({})).unwrap(), json!({"listeners": [{"portMapping": {"port": 8080, "protocol": "http"}}]}));
        form.access_log_path = " /dev/stdout ".into();
        assert_eq!(form.apply(&json!({})).unwrap()["logging"], json!({"accessLog": {"file": {"path": "/dev/stdout"}}}));
        form.access_log_path.clear();
        assert_eq!(form.apply(&stored()).unwrap().get("logging"), None, "an empty path turns the log off");
    }

    #[test]
    fn errors_block_the_spec() {
        let mut form = GatewayForm::new();
        form.access_log_path = "relative.log".into();
        assert!(form.access_log_error().is_some());
        assert_eq!(form.apply(&json!({})), None);
        form.access_log_path = format!("/{}", "a".repeat(255));
        assert!(form.access_log_error().is_some());
        form.access_log_path.clear();
        form.listeners.clear();
        assert!(form.listeners_error().is_some());
        assert_eq!(form.apply(&json!({})), None);
        form.listeners.push(ListenerDraft { port: "0".into(), protocol: PortProtocol::Grpc });
        assert_eq!(form.apply(&json!({})), None);
    }

    #[test]
    fn the_protocols_offered_are_the_engines() {
        let offered: Vec<&str> = GATEWAY_PROTOCOLS.iter().map(|protocol| protocol.as_str()).collect();
        let engine: Vec<&str> = mesh_engine::spec::VirtualGatewayPortProtocol::ALL.iter().map(|protocol| protocol.as_str()).collect();
        assert_eq!(offered, engine);
    }

    #[test]
    fn the_details_of_what_the_form_does_not_show() {
        let base = stored();
        assert_eq!(
            listener_summaries(&base),
            [ListenerSummary {
                port: "8080".into(),
                protocol: "http".into(),
                health_check: "http /ping every 5000 ms".into(),
                tls_mode: "STRICT".into()
            }]
        );
        assert_eq!(listeners_text(&base), "8080 http");
        assert_eq!(listeners_text(&json!({})), "None");
        assert_eq!(backend_tls_text(&base), "TLS enforced");
        assert_eq!(backend_tls_text(&json!({"backendDefaults": {"clientPolicy": {"tls": {"enforce": false}}}})), "TLS not enforced");
        assert_eq!(backend_tls_text(&json!({})), "Not configured");
        let bare = json!({"listeners": [{"portMapping": {"port": 80, "protocol": "grpc"}}]});
        assert_eq!(listener_summaries(&bare)[0].health_check, "None");
        assert_eq!(listener_summaries(&bare)[0].tls_mode, "None");
    }
}
