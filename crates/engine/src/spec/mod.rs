//! The `spec` objects of the App Mesh model, with their wire names. Bounds and enums are in
//! the types, tagged unions are enums (exactly one member), and absent members stay absent
//! so that a spec is returned exactly as it was given.

use crate::names::*;
use crate::resource::ProviderKind;
use serde::{Deserialize, Serialize};

macro_rules! wire_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $wire)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire),+
                }
            }
        }
    };
}

/// A list of `$min` to `$max` items (the model's `min`/`max` of a list shape), with an
/// optional further check of the whole list.
macro_rules! bounded_list {
    ($(#[$doc:meta])* $name:ident, $item:ty, $min:expr, $max:expr, $noun:literal $(, $extra:expr)?) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(transparent)]
        pub struct $name(Vec<$item>);

        impl $name {
            pub const MIN: usize = $min;
            pub const MAX: usize = $max;

            pub fn as_slice(&self) -> &[$item] {
                &self.0
            }
        }

        impl TryFrom<Vec<$item>> for $name {
            type Error = InvalidValue;
            fn try_from(items: Vec<$item>) -> Result<Self, Self::Error> {
                $crate::spec::check_list_length(items.len(), $min, $max, $noun)?;
                $($extra(&items)?;)?
                Ok(Self(items))
            }
        }

        impl From<$name> for Vec<$item> {
            fn from(list: $name) -> Self {
                list.0
            }
        }

        // By hand: serde's `try_from` attribute takes the type as a string, which a macro cannot build.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let items = Vec::<$item>::deserialize(deserializer)?;
                Self::try_from(items).map_err(serde::de::Error::custom)
            }
        }
    };
}

fn check_list_length(length: usize, min: usize, max: usize, noun: &str) -> Result<(), InvalidValue> {
    if length < min || length > max {
        let expected = if min == max { format!("exactly {min}") } else { format!("{min} to {max}") };
        return Err(InvalidValue(format!("must hold {expected} {noun}, got {length}")));
    }
    Ok(())
}

// After the macros, which the kinds' modules use.
mod gateway_route;
mod route;
mod route_match;
mod virtual_gateway;

pub use gateway_route::*;
pub use route::*;
pub use route_match::*;
pub use virtual_gateway::*;

wire_enum!(
    /// `PortProtocol`.
    PortProtocol { Http = "http", Tcp = "tcp", Http2 = "http2", Grpc = "grpc" }
);
wire_enum!(
    /// `EgressFilterType`.
    EgressFilterType { AllowAll = "ALLOW_ALL", DropAll = "DROP_ALL" }
);
wire_enum!(
    /// `IpPreference`.
    IpPreference {
        Ipv6Preferred = "IPv6_PREFERRED",
        Ipv4Preferred = "IPv4_PREFERRED",
        Ipv4Only = "IPv4_ONLY",
        Ipv6Only = "IPv6_ONLY",
    }
);
wire_enum!(
    /// `DnsResponseType`.
    DnsResponseType { LoadBalancer = "LOADBALANCER", Endpoints = "ENDPOINTS" }
);
wire_enum!(
    /// `ListenerTlsMode`.
    ListenerTlsMode { Strict = "STRICT", Permissive = "PERMISSIVE", Disabled = "DISABLED" }
);
wire_enum!(
    /// `DurationUnit`.
    DurationUnit { Seconds = "s", Milliseconds = "ms" }
);

// ---------------------------------------------------------------- mesh

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub egress_filter: Option<EgressFilter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_discovery: Option<MeshServiceDiscovery>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EgressFilter {
    #[serde(rename = "type")]
    pub kind: EgressFilterType,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshServiceDiscovery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_preference: Option<IpPreference>,
}

// ---------------------------------------------------------------- virtual service

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VirtualServiceSpec {
    /// Absent means "None": the provider can be set later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<VirtualServiceProvider>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum VirtualServiceProvider {
    VirtualNode(VirtualNodeServiceProvider),
    VirtualRouter(VirtualRouterServiceProvider),
}

impl VirtualServiceProvider {
    pub fn new(kind: ProviderKind, name: ResourceName) -> Self {
        match kind {
            ProviderKind::VirtualNode => Self::VirtualNode(VirtualNodeServiceProvider { virtual_node_name: name }),
            ProviderKind::VirtualRouter => Self::VirtualRouter(VirtualRouterServiceProvider { virtual_router_name: name }),
        }
    }

    pub fn kind(&self) -> ProviderKind {
        match self {
            Self::VirtualNode(_) => ProviderKind::VirtualNode,
            Self::VirtualRouter(_) => ProviderKind::VirtualRouter,
        }
    }

    /// The name of the node or router.
    pub fn name(&self) -> &ResourceName {
        match self {
            Self::VirtualNode(provider) => &provider.virtual_node_name,
            Self::VirtualRouter(provider) => &provider.virtual_router_name,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VirtualNodeServiceProvider {
    pub virtual_node_name: ResourceName,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VirtualRouterServiceProvider {
    pub virtual_router_name: ResourceName,
}

// ---------------------------------------------------------------- virtual router

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VirtualRouterSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listeners: Option<Vec<VirtualRouterListener>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VirtualRouterListener {
    pub port_mapping: PortMapping,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortMapping {
    pub port: PortNumber,
    pub protocol: PortProtocol,
}

// ---------------------------------------------------------------- virtual node

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VirtualNodeSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backend_defaults: Option<BackendDefaults>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backends: Option<Vec<Backend>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listeners: Option<Vec<Listener>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logging: Option<Logging>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_discovery: Option<ServiceDiscovery>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendDefaults {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_policy: Option<ClientPolicy>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClientPolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls: Option<ClientPolicyTls>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientPolicyTls {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<ClientTlsCertificate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<Vec<PortNumber>>,
    pub validation: TlsValidationContext,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ClientTlsCertificate {
    File(ListenerTlsFileCertificate),
    Sds(ListenerTlsSdsCertificate),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListenerTlsFileCertificate {
    pub certificate_chain: FilePath,
    pub private_key: FilePath,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListenerTlsSdsCertificate {
    pub secret_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TlsValidationContext {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_alternative_names: Option<SubjectAlternativeNames>,
    pub trust: TlsValidationContextTrust,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectAlternativeNames {
    #[serde(rename = "match")]
    pub matchers: SubjectAlternativeNameMatchers,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectAlternativeNameMatchers {
    pub exact: Vec<SubjectAlternativeName>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TlsValidationContextTrust {
    Acm(TlsValidationContextAcmTrust),
    File(TlsValidationContextFileTrust),
    Sds(TlsValidationContextSdsTrust),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TlsValidationContextAcmTrust {
    pub certificate_authority_arns: CertificateAuthorityArns,
}

bounded_list!(
    /// 1 to 3 certificate authority ARNs.
    CertificateAuthorityArns, String, 1, 3, "ARNs"
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TlsValidationContextFileTrust {
    pub certificate_chain: FilePath,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TlsValidationContextSdsTrust {
    pub secret_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Backend {
    VirtualService(VirtualServiceBackend),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VirtualServiceBackend {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_policy: Option<ClientPolicy>,
    pub virtual_service_name: ServiceName,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Listener {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_pool: Option<VirtualNodeConnectionPool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check: Option<HealthCheckPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlier_detection: Option<OutlierDetection>,
    pub port_mapping: PortMapping,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<ListenerTimeout>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls: Option<ListenerTls>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum VirtualNodeConnectionPool {
    Grpc(MaxRequestsPool),
    Http(HttpConnectionPool),
    Http2(MaxRequestsPool),
    Tcp(TcpConnectionPool),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MaxRequestsPool {
    pub max_requests: PositiveCount,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpConnectionPool {
    pub max_connections: PositiveCount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_pending_requests: Option<PositiveCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TcpConnectionPool {
    pub max_connections: PositiveCount,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HealthCheckPolicy {
    pub healthy_threshold: HealthCheckThreshold,
    pub interval_millis: HealthCheckIntervalMillis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<PortNumber>,
    pub protocol: PortProtocol,
    pub timeout_millis: HealthCheckTimeoutMillis,
    pub unhealthy_threshold: HealthCheckThreshold,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutlierDetection {
    pub base_ejection_duration: Duration,
    pub interval: Duration,
    pub max_ejection_percent: MaxEjectionPercent,
    pub max_server_errors: PositiveCount,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<DurationUnit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<DurationValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ListenerTimeout {
    Grpc(RequestTimeout),
    Http(RequestTimeout),
    Http2(RequestTimeout),
    Tcp(TcpTimeout),
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestTimeout {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_request: Option<Duration>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TcpTimeout {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListenerTls {
    pub certificate: ListenerTlsCertificate,
    pub mode: ListenerTlsMode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation: Option<ListenerTlsValidationContext>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ListenerTlsCertificate {
    Acm(ListenerTlsAcmCertificate),
    File(ListenerTlsFileCertificate),
    Sds(ListenerTlsSdsCertificate),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListenerTlsAcmCertificate {
    pub certificate_arn: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListenerTlsValidationContext {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_alternative_names: Option<SubjectAlternativeNames>,
    pub trust: ListenerTlsValidationContextTrust,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ListenerTlsValidationContextTrust {
    File(TlsValidationContextFileTrust),
    Sds(TlsValidationContextSdsTrust),
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Logging {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_log: Option<AccessLog>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AccessLog {
    File(FileAccessLog),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileAccessLog {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<LoggingFormat>,
    pub path: FilePath,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LoggingFormat {
    Json(Vec<JsonFormatRef>),
    Text(TextFormat),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonFormatRef {
    pub key: JsonKey,
    pub value: JsonValue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ServiceDiscovery {
    AwsCloudMap(AwsCloudMapServiceDiscovery),
    Dns(DnsServiceDiscovery),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AwsCloudMapServiceDiscovery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<AwsCloudMapInstanceAttribute>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_preference: Option<IpPreference>,
    pub namespace_name: AwsCloudMapName,
    pub service_name: AwsCloudMapName,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwsCloudMapInstanceAttribute {
    pub key: AwsCloudMapInstanceAttributeKey,
    pub value: AwsCloudMapInstanceAttributeValue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DnsServiceDiscovery {
    pub hostname: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_preference: Option<IpPreference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_type: Option<DnsResponseType>,
}

/// What the kinds' spec tests share.
#[cfg(test)]
mod testing {
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// Parses a spec and writes it again: the text must come back byte for byte.
    pub fn assert_round_trip<T: DeserializeOwned + Serialize>(spec: Value) -> T {
        let parsed: T = serde_json::from_value(spec.clone()).unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), serde_json::to_string(&spec).unwrap());
        parsed
    }

    /// Why a spec is refused, after the path of the offending member, as a request body error says it.
    pub fn refusal<T: DeserializeOwned + std::fmt::Debug>(spec: Value) -> String {
        let error = serde_path_to_error::deserialize::<_, T>(spec).unwrap_err();
        format!("{}: {}", error.path(), error.inner())
    }
}
