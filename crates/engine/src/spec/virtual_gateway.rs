//! The spec of a virtual gateway. Its backend defaults, listener TLS and logging have the
//! very shapes of a virtual node's; its protocols, health check and connection pools lack TCP.

use super::{BackendDefaults, HttpConnectionPool, ListenerTls, Logging, MaxRequestsPool};
use crate::names::*;
use serde::{Deserialize, Serialize};

wire_enum!(
    /// `VirtualGatewayPortProtocol`: a gateway takes HTTP, HTTP/2 and gRPC, not TCP.
    VirtualGatewayPortProtocol { Http = "http", Http2 = "http2", Grpc = "grpc" }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VirtualGatewaySpec {
    /// `VirtualGatewayBackendDefaults`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backend_defaults: Option<BackendDefaults>,
    /// Required; the model bounds neither this list nor a node's ("You can specify one listener").
    pub listeners: Vec<VirtualGatewayListener>,
    /// `VirtualGatewayLogging`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logging: Option<Logging>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VirtualGatewayListener {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_pool: Option<VirtualGatewayConnectionPool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check: Option<VirtualGatewayHealthCheckPolicy>,
    pub port_mapping: VirtualGatewayPortMapping,
    /// `VirtualGatewayListenerTls`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls: Option<ListenerTls>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum VirtualGatewayConnectionPool {
    Grpc(MaxRequestsPool),
    Http(HttpConnectionPool),
    Http2(MaxRequestsPool),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VirtualGatewayHealthCheckPolicy {
    pub healthy_threshold: HealthCheckThreshold,
    pub interval_millis: HealthCheckIntervalMillis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<PortNumber>,
    pub protocol: VirtualGatewayPortProtocol,
    pub timeout_millis: HealthCheckTimeoutMillis,
    pub unhealthy_threshold: HealthCheckThreshold,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VirtualGatewayPortMapping {
    pub port: PortNumber,
    pub protocol: VirtualGatewayPortProtocol,
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::super::testing::{assert_round_trip, refusal};
    use super::*;
    use serde_json::json;

    #[test]
    fn a_gateway_with_health_check_tls_and_logging_round_trips() {
        let spec = json!({
            "backendDefaults": {"clientPolicy": {"tls": {
                "certificate": {"sds": {"secretName": "gateway-client"}},
                "enforce": true,
                "ports": [443],
                "validation": {
                    "subjectAlternativeNames": {"match": {"exact": ["orders.apps.svc.cluster.local"]}},
                    "trust": {"acm": {"certificateAuthorityArns": ["arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/ca"]}}
                }
            }}},
            "listeners": [{
                "connectionPool": {"http": {"maxConnections": 100, "maxPendingRequests": 50}},
                "healthCheck": {
                    "healthyThreshold": 2,
                    "intervalMillis": 5000,
                    "path": "/ping",
                    "port": 8080,
                    "protocol": "http",
                    "timeoutMillis": 2000,
                    "unhealthyThreshold": 3
                },
                "portMapping": {"port": 8080, "protocol": "http"},
                "tls": {
                    "certificate": {"file": {"certificateChain": "/certs/chain.pem", "privateKey": "/certs/key.pem"}},
                    "mode": "STRICT",
                    "validation": {"trust": {"file": {"certificateChain": "/certs/ca.pem"}}}
                }
            }],
            "logging": {"accessLog": {"file": {"format": {"json": [{"key": "status", "value": "%RESPONSE_CODE%"}]}, "path": "/dev/stdout"}}}
        });
        assert_round_trip::<VirtualGatewaySpec>(spec);
    }

    #[test]
    fn a_gateway_needs_listeners() {
        assert_round_trip::<VirtualGatewaySpec>(json!({"listeners": [{"portMapping": {"port": 50051, "protocol": "grpc"}}]}));
        assert_eq!(refusal::<VirtualGatewaySpec>(json!({})), ".: missing field `listeners`");
    }

    #[test]
    fn a_gateway_takes_no_tcp() {
        let listener = refusal::<VirtualGatewaySpec>(json!({"listeners": [{"portMapping": {"port": 8080, "protocol": "tcp"}}]}));
        assert!(listener.starts_with("listeners[0].portMapping.protocol: unknown variant `tcp`"), "{listener}");
        let pool = refusal::<VirtualGatewaySpec>(json!({"listeners": [{
            "connectionPool": {"tcp": {"maxConnections": 1}},
            "portMapping": {"port": 8080, "protocol": "http"}
        }]}));
        assert!(pool.starts_with("listeners[0].connectionPool: unknown variant `tcp`"), "{pool}");
    }

    #[test]
    fn health_checks_are_bounded() {
        let spec = json!({"listeners": [{
            "healthCheck": {"healthyThreshold": 1, "intervalMillis": 5000, "protocol": "http2", "timeoutMillis": 2000, "unhealthyThreshold": 2},
            "portMapping": {"port": 8080, "protocol": "http2"}
        }]});
        assert_eq!(refusal::<VirtualGatewaySpec>(spec), "listeners[0].healthCheck.healthyThreshold: must be between 2 and 10, got 1");
    }
}
