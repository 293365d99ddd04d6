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

/// 1 to 3 certificate authority ARNs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct CertificateAuthorityArns(Vec<String>);

impl TryFrom<Vec<String>> for CertificateAuthorityArns {
    type Error = InvalidValue;
    fn try_from(arns: Vec<String>) -> Result<Self, Self::Error> {
        if (1..=3).contains(&arns.len()) { Ok(Self(arns)) } else { Err(InvalidValue(format!("must hold 1 to 3 ARNs, got {}", arns.len()))) }
    }
}

impl From<CertificateAuthorityArns> for Vec<String> {
    fn from(arns: CertificateAuthorityArns) -> Self {
        arns.0
    }
}

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
