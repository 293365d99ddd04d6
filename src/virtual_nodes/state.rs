//! The virtual node form, and how it changes a spec: only what the form shows changes; every
//! other member App Mesh has (health checks, TLS, logging, Cloud Map, backend client
//! policies) is kept as it was.

use crate::components::listeners::ListenerDraft;
use mesh_engine::names::ServiceName;
use mesh_engine::spec::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discovery {
    None,
    Dns(String),
    /// Cloud Map service discovery, which the form does not edit: kept as it is.
    Kept,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeForm {
    pub discovery: Discovery,
    pub listeners: Vec<ListenerDraft>,
    pub backends: Vec<String>,
}

impl NodeForm {
    pub fn new() -> Self {
        Self { discovery: Discovery::Dns(String::new()), listeners: vec![ListenerDraft::default()], backends: Vec::new() }
    }

    pub fn of(spec: &VirtualNodeSpec) -> Self {
        let discovery = match &spec.service_discovery {
            None => Discovery::None,
            Some(ServiceDiscovery::Dns(dns)) => Discovery::Dns(dns.hostname.clone()),
            Some(ServiceDiscovery::AwsCloudMap(_)) => Discovery::Kept,
        };
        let listeners = spec.listeners.iter().flatten().map(|listener| ListenerDraft::of(&listener.port_mapping)).collect();
        let backends = spec.backends.iter().flatten().map(|Backend::VirtualService(backend)| backend.virtual_service_name.to_string()).collect();
        Self { discovery, listeners, backends }
    }

    pub fn hostname_error(&self) -> Option<String> {
        match &self.discovery {
            Discovery::Dns(hostname) if hostname.trim().is_empty() => Some("Enter the DNS hostname of the node's tasks.".into()),
            Discovery::Dns(hostname) if hostname.contains(char::is_whitespace) => Some("A hostname has no spaces.".into()),
            _ => None,
        }
    }

    /// `base` with the form applied, or `None` while the form has errors.
    pub fn apply(&self, base: &VirtualNodeSpec) -> Option<VirtualNodeSpec> {
        if self.hostname_error().is_some() {
            return None;
        }
        let mut spec = base.clone();
        spec.service_discovery = match &self.discovery {
            Discovery::None => None,
            Discovery::Kept => base.service_discovery.clone(),
            Discovery::Dns(hostname) => Some(ServiceDiscovery::Dns(match &base.service_discovery {
                Some(ServiceDiscovery::Dns(dns)) => DnsServiceDiscovery { hostname: hostname.trim().to_string(), ..dns.clone() },
                _ => DnsServiceDiscovery { hostname: hostname.trim().to_string(), ip_preference: None, response_type: None },
            })),
        };
        let old_listeners = base.listeners.clone().unwrap_or_default();
        let mut listeners = Vec::new();
        for (index, draft) in self.listeners.iter().enumerate() {
            let port_mapping = draft.port_mapping()?;
            listeners.push(match old_listeners.get(index) {
                Some(old) => Listener { port_mapping, ..old.clone() },
                None => Listener { port_mapping, connection_pool: None, health_check: None, outlier_detection: None, timeout: None, tls: None },
            });
        }
        spec.listeners = (!listeners.is_empty() || base.listeners.is_some()).then_some(listeners);
        let old_backends = base.backends.clone().unwrap_or_default();
        let mut backends = Vec::new();
        for name in &self.backends {
            let kept = old_backends.iter().find(|Backend::VirtualService(old)| old.virtual_service_name.as_str() == name);
            backends.push(match kept {
                Some(old) => old.clone(),
                None => Backend::VirtualService(VirtualServiceBackend { client_policy: None, virtual_service_name: ServiceName::parse(name.clone()).ok()? }),
            });
        }
        spec.backends = (!backends.is_empty() || base.backends.is_some()).then_some(backends);
        Some(spec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> VirtualNodeSpec {
        serde_json::from_str(
            r#"{"backendDefaults":{"clientPolicy":{}},"backends":[{"virtualService":{"clientPolicy":{},"virtualServiceName":"a.local"}}],
                "listeners":[{"healthCheck":{"healthyThreshold":2,"intervalMillis":5000,"protocol":"http","timeoutMillis":2000,"unhealthyThreshold":2},"portMapping":{"port":8080,"protocol":"http"}}],
                "logging":{"accessLog":{"file":{"path":"/dev/stdout"}}},
                "serviceDiscovery":{"dns":{"hostname":"n.local","responseType":"ENDPOINTS"}}}"#,
        )
        .unwrap()
    }

    #[test]
    fn what_the_form_does_not_show_is_kept() {
        let base = stored();
        let mut form = NodeForm::of(&base);
        assert_eq!(form.discovery, Discovery::Dns("n.local".into()));
        form.discovery = Discovery::Dns("m.local".into());
        form.listeners[0].port = "9090".into();
        form.listeners.push(ListenerDraft { port: "9091".into(), protocol: PortProtocol::Grpc });
        form.backends.push("b.local".into());
        let spec = form.apply(&base).unwrap();
        let listeners = spec.listeners.as_ref().unwrap();
        assert_eq!(listeners[0].port_mapping.port.get(), 9090);
        assert!(listeners[0].health_check.is_some(), "the health check stays");
        assert_eq!(listeners[1].port_mapping.protocol, PortProtocol::Grpc);
        let Some(ServiceDiscovery::Dns(dns)) = &spec.service_discovery else { panic!() };
        assert_eq!((dns.hostname.as_str(), dns.response_type), ("m.local", Some(DnsResponseType::Endpoints)));
        let backends = spec.backends.as_ref().unwrap();
        let Backend::VirtualService(first) = &backends[0];
        assert!(first.client_policy.is_some(), "a kept backend keeps its client policy");
        assert_eq!(backends.len(), 2);
        assert_eq!(spec.logging, base.logging);
        assert_eq!(spec.backend_defaults, base.backend_defaults);
    }

    #[test]
    fn an_unchanged_form_gives_the_same_spec() {
        let base = stored();
        assert_eq!(NodeForm::of(&base).apply(&base).unwrap(), base);
        let empty = VirtualNodeSpec::default();
        assert_eq!(NodeForm::of(&empty).apply(&empty).unwrap(), empty);
    }

    #[test]
    fn cloud_map_discovery_is_kept_as_it_is() {
        let base: VirtualNodeSpec = serde_json::from_str(r#"{"serviceDiscovery":{"awsCloudMap":{"namespaceName":"ns","serviceName":"svc"}}}"#).unwrap();
        let form = NodeForm::of(&base);
        assert_eq!(form.discovery, Discovery::Kept);
        assert_eq!(form.apply(&base).unwrap().service_discovery, base.service_discovery);
    }

    #[test]
    fn errors_block_the_spec() {
        let mut form = NodeForm::new();
        assert!(form.hostname_error().is_some());
        assert_eq!(form.apply(&VirtualNodeSpec::default()), None);
        form.discovery = Discovery::Dns("n.local".into());
        form.listeners[0].port = "70000".into();
        assert_eq!(form.apply(&VirtualNodeSpec::default()), None);
        form.listeners[0].port = "80".into();
        assert!(form.apply(&VirtualNodeSpec::default()).is_some());
    }
}
