//! The stable codes of the checks.

use super::{Check, catalogue};
use serde::{Deserialize, Serialize};

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal,)+) => {
        /// A check's stable code, `AM0101` on the wire.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum Code {
            $($(#[$doc])* #[serde(rename = $code)] $variant,)+
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code),+
                }
            }
        }
    };
}

codes! {
    // Virtual nodes
    BackendServiceMissing = "AM0101",
    BackendWithoutProvider = "AM0102",
    UnreachableNode = "AM0103",
    LoopbackHostname = "AM0104",
    InvalidHostname = "AM0105",
    ListenersWithoutDiscovery = "AM0106",
    SharedServiceDiscovery = "AM0107",
    NodePoolProtocolMismatch = "AM0108",
    NodeHealthCheckPortMismatch = "AM0109",
    OutlierDetectionWithDns = "AM0110",
    NodeTlsToPlainListener = "AM0111",
    NodeWildcardSanEnforced = "AM0112",
    TcpBackendsSharePort = "AM0113",
    BackendsWithAllowAll = "AM0114",
    ListenerTimeoutBehindDefaultRoute = "AM0115",
    // Virtual services
    ProviderMissing = "AM0201",
    ProviderRouterWithoutRoutes = "AM0202",
    NoProvider = "AM0203",
    LoopbackServiceName = "AM0204",
    InvalidServiceName = "AM0205",
    ProviderNodeWithoutListeners = "AM0206",
    // Virtual routers
    RouterWithoutListeners = "AM0301",
    RouterProvidesNoService = "AM0302",
    // Routes
    RouteRouterMissing = "AM0401",
    TargetNodeMissing = "AM0402",
    RouteTypeNotOnRouter = "AM0403",
    RouteMatchPortNotOnRouter = "AM0404",
    RouteMatchPortRequired = "AM0405",
    TargetPortNotOnNode = "AM0406",
    TargetPortRequired = "AM0407",
    TargetProtocolMismatch = "AM0408",
    ShadowedRoute = "AM0409",
    ZeroWeightTarget = "AM0410",
    WeightsOver100 = "AM0411",
    GrpcMethodWithoutService = "AM0412",
    RoutePrefixWithoutSlash = "AM0413",
    SchemeOnHttp1Route = "AM0414",
    RetriesOutlastTimeout = "AM0415",
    RouteTimeoutMismatch = "AM0416",
    // Virtual gateways
    GatewayPoolProtocolMismatch = "AM0501",
    GatewayHealthCheckPortMismatch = "AM0502",
    GatewayWithoutRoutes = "AM0503",
    GatewayWildcardSanEnforced = "AM0504",
    GatewayTlsToPlainListener = "AM0505",
    // Gateway routes
    GatewayRouteGatewayMissing = "AM0601",
    GatewayTargetMissing = "AM0602",
    GatewayTargetWithoutProvider = "AM0603",
    GatewayRouteTypeNotOnGateway = "AM0604",
    GatewayMatchPortNotOnGateway = "AM0605",
    GatewayMatchPortRequired = "AM0606",
    GatewayTargetPortNotOnProvider = "AM0607",
    GatewayTargetPortRequired = "AM0608",
    ReservedMatch = "AM0609",
    GatewayRoutePrefixWithoutSlash = "AM0610",
    ShadowedGatewayRoute = "AM0611",
    // The mesh
    DropAllWithoutBackends = "AM0701",
}

impl Code {
    /// The code a URL or a command line names, in any case (`am0101`).
    pub fn parse(text: &str) -> Option<Code> {
        Self::ALL.iter().copied().find(|code| code.as_str().eq_ignore_ascii_case(text))
    }

    /// Its entry in the catalogue.
    pub fn check(self) -> &'static Check {
        catalogue().find(|check| check.code == self).expect("every code has its check (tested)")
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
