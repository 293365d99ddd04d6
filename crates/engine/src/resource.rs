//! Resource data as App Mesh returns it: metadata, status, the Data and Ref objects of each
//! kind, tags.

use crate::names::*;
use crate::spec::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment, kept in milliseconds; on the wire an epoch-seconds JSON number
/// (`1764134530.123`), the restJson1 default that every SDK parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    pub fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    pub fn as_millis(self) -> i64 {
        self.0
    }

    /// The moment of a wire number of epoch seconds, to the millisecond.
    pub fn from_seconds(seconds: f64) -> Self {
        Self((seconds * 1000.0).round() as i64)
    }

    /// The moment's calendar day in UTC: year, month (1–12), day (1–31); by Howard Hinnant's
    /// days-to-civil algorithm (proleptic Gregorian calendar).
    pub fn utc_date(self) -> (i64, u32, u32) {
        let z = self.0.div_euclid(86_400_000) + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
        let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.0 as f64 / 1000.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self::from_seconds(f64::deserialize(deserializer)?))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum StatusCode {
    Active,
    Inactive,
    Deleted,
}

impl StatusCode {
    pub const ALL: [StatusCode; 3] = [Self::Active, Self::Inactive, Self::Deleted];

    /// The code as App Mesh writes it: `ACTIVE`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "ACTIVE",
            Self::Inactive => "INACTIVE",
            Self::Deleted => "DELETED",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceStatus {
    pub status: StatusCode,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceMetadata {
    pub arn: String,
    pub created_at: Timestamp,
    pub last_updated_at: Timestamp,
    pub mesh_owner: AccountId,
    pub resource_owner: AccountId,
    pub uid: String,
    pub version: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagRef {
    pub key: TagKey,
    pub value: TagValue,
}

/// What can provide a virtual service. How each kind is named, on the wire and in words,
/// is said here once; everything else (paths, messages, the console's labels) is built from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProviderKind {
    VirtualNode,
    VirtualRouter,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 2] = [Self::VirtualNode, Self::VirtualRouter];

    /// As in ARNs: `…:mesh/m/virtualNode/name`.
    pub fn arn_segment(self) -> &'static str {
        match self {
            Self::VirtualNode => "virtualNode",
            Self::VirtualRouter => "virtualRouter",
        }
    }

    /// As in App Mesh's messages: `VirtualNode with name n1 …`.
    pub const fn type_name(self) -> &'static str {
        match self {
            Self::VirtualNode => "VirtualNode",
            Self::VirtualRouter => "VirtualRouter",
        }
    }

    /// The collection in App Mesh's paths: `/v20190125/meshes/m/virtualNodes`.
    pub fn path_segment(self) -> &'static str {
        match self {
            Self::VirtualNode => "virtualNodes",
            Self::VirtualRouter => "virtualRouters",
        }
    }

    /// The name member of a create body, a Data and a Ref: `virtualNodeName`.
    pub fn name_member(self) -> &'static str {
        match self {
            Self::VirtualNode => "virtualNodeName",
            Self::VirtualRouter => "virtualRouterName",
        }
    }

    /// In a sentence: "virtual node".
    pub fn noun(self) -> &'static str {
        match self {
            Self::VirtualNode => "virtual node",
            Self::VirtualRouter => "virtual router",
        }
    }

    /// First in a sentence or a label: "Virtual node".
    pub fn title(self) -> &'static str {
        match self {
            Self::VirtualNode => "Virtual node",
            Self::VirtualRouter => "Virtual router",
        }
    }
}

/// The kinds of resource that live inside a mesh: virtual services, what provides them, and
/// virtual gateways.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeshResourceKind {
    VirtualService,
    Provider(ProviderKind),
    VirtualGateway,
}

impl MeshResourceKind {
    pub const VIRTUAL_NODE: Self = Self::Provider(ProviderKind::VirtualNode);
    pub const VIRTUAL_ROUTER: Self = Self::Provider(ProviderKind::VirtualRouter);
    pub const ALL: [MeshResourceKind; 4] = [Self::VirtualService, Self::VIRTUAL_NODE, Self::VIRTUAL_ROUTER, Self::VirtualGateway];

    /// As in ARNs: `…:mesh/m/virtualService/name`.
    pub fn arn_segment(self) -> &'static str {
        match self {
            Self::VirtualService => "virtualService",
            Self::Provider(kind) => kind.arn_segment(),
            Self::VirtualGateway => "virtualGateway",
        }
    }

    /// As in App Mesh's messages: `VirtualService with name s1 …`.
    pub const fn type_name(self) -> &'static str {
        match self {
            Self::VirtualService => "VirtualService",
            Self::Provider(kind) => kind.type_name(),
            Self::VirtualGateway => "VirtualGateway",
        }
    }

    /// The collection in App Mesh's paths: `/v20190125/meshes/m/virtualGateways`.
    pub fn path_segment(self) -> &'static str {
        match self {
            Self::VirtualService => "virtualServices",
            Self::Provider(kind) => kind.path_segment(),
            Self::VirtualGateway => "virtualGateways",
        }
    }

    /// The name member of a create body, a Data and a Ref: `virtualGatewayName`.
    pub fn name_member(self) -> &'static str {
        match self {
            Self::VirtualService => "virtualServiceName",
            Self::Provider(kind) => kind.name_member(),
            Self::VirtualGateway => "virtualGatewayName",
        }
    }

    /// In a sentence: "virtual service".
    pub fn noun(self) -> &'static str {
        match self {
            Self::VirtualService => "virtual service",
            Self::Provider(kind) => kind.noun(),
            Self::VirtualGateway => "virtual gateway",
        }
    }

    /// First in a sentence or a label: "Virtual service".
    pub fn title(self) -> &'static str {
        match self {
            Self::VirtualService => "Virtual service",
            Self::Provider(kind) => kind.title(),
            Self::VirtualGateway => "Virtual gateway",
        }
    }

    pub fn from_arn_segment(segment: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.arn_segment() == segment)
    }
}

impl From<ProviderKind> for MeshResourceKind {
    fn from(kind: ProviderKind) -> Self {
        Self::Provider(kind)
    }
}

/// The kinds of resource that live inside another: routes in a virtual router, gateway routes
/// in a virtual gateway. App Mesh names the parent in the singular in their paths
/// (`/meshes/m/virtualRouter/r/routes`) and ARNs (`…:mesh/m/virtualRouter/r/route/name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RouteKind {
    Route,
    GatewayRoute,
}

impl RouteKind {
    pub const ALL: [RouteKind; 2] = [Self::Route, Self::GatewayRoute];

    /// The kind of resource a route of this kind lives in.
    pub fn parent(self) -> MeshResourceKind {
        match self {
            Self::Route => MeshResourceKind::VIRTUAL_ROUTER,
            Self::GatewayRoute => MeshResourceKind::VirtualGateway,
        }
    }

    /// As in ARNs, after the parent's: `…/virtualRouter/r/route/name`.
    pub fn arn_segment(self) -> &'static str {
        match self {
            Self::Route => "route",
            Self::GatewayRoute => "gatewayRoute",
        }
    }

    pub const fn type_name(self) -> &'static str {
        match self {
            Self::Route => "Route",
            Self::GatewayRoute => "GatewayRoute",
        }
    }

    /// The collection in App Mesh's paths, after the parent's (singular) segment and name.
    pub fn path_segment(self) -> &'static str {
        match self {
            Self::Route => "routes",
            Self::GatewayRoute => "gatewayRoutes",
        }
    }

    /// The parent's segment in the paths: `virtualRouter`, `virtualGateway` (its ARN segment).
    pub fn parent_path_segment(self) -> &'static str {
        self.parent().arn_segment()
    }

    /// The name member of a create body, a Data and a Ref: `routeName`.
    pub fn name_member(self) -> &'static str {
        match self {
            Self::Route => "routeName",
            Self::GatewayRoute => "gatewayRouteName",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Self::Route => "route",
            Self::GatewayRoute => "gateway route",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Route => "Route",
            Self::GatewayRoute => "Gateway route",
        }
    }

    pub fn from_arn_segment(segment: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.arn_segment() == segment)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshData {
    pub mesh_name: ResourceName,
    pub metadata: ResourceMetadata,
    pub spec: MeshSpec,
    pub status: ResourceStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshRef {
    pub arn: String,
    pub created_at: Timestamp,
    pub last_updated_at: Timestamp,
    pub mesh_name: ResourceName,
    pub mesh_owner: AccountId,
    pub resource_owner: AccountId,
    pub version: u64,
}

macro_rules! mesh_resource_types {
    ($data:ident, $reference:ident, $spec:ty, $name_field:ident: $name_type:ty) => {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $data {
            pub mesh_name: ResourceName,
            pub metadata: ResourceMetadata,
            pub spec: $spec,
            pub status: ResourceStatus,
            pub $name_field: $name_type,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $reference {
            pub arn: String,
            pub created_at: Timestamp,
            pub last_updated_at: Timestamp,
            pub mesh_name: ResourceName,
            pub mesh_owner: AccountId,
            pub resource_owner: AccountId,
            pub version: u64,
            pub $name_field: $name_type,
        }
    };
}

mesh_resource_types!(VirtualServiceData, VirtualServiceRef, VirtualServiceSpec, virtual_service_name: ServiceName);
mesh_resource_types!(VirtualNodeData, VirtualNodeRef, VirtualNodeSpec, virtual_node_name: ResourceName);
mesh_resource_types!(VirtualRouterData, VirtualRouterRef, VirtualRouterSpec, virtual_router_name: ResourceName);
mesh_resource_types!(VirtualGatewayData, VirtualGatewayRef, VirtualGatewaySpec, virtual_gateway_name: ResourceName);

/// The Data and Ref of a kind that lives in a parent: both names, the parent's first.
macro_rules! route_types {
    ($data:ident, $reference:ident, $spec:ty, $parent_field:ident, $name_field:ident) => {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $data {
            pub mesh_name: ResourceName,
            pub metadata: ResourceMetadata,
            pub spec: $spec,
            pub status: ResourceStatus,
            pub $parent_field: ResourceName,
            pub $name_field: ResourceName,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $reference {
            pub arn: String,
            pub created_at: Timestamp,
            pub last_updated_at: Timestamp,
            pub mesh_name: ResourceName,
            pub mesh_owner: AccountId,
            pub resource_owner: AccountId,
            pub version: u64,
            pub $parent_field: ResourceName,
            pub $name_field: ResourceName,
        }
    };
}

route_types!(RouteData, RouteRef, RouteSpec, virtual_router_name, route_name);
route_types!(GatewayRouteData, GatewayRouteRef, GatewayRouteSpec, virtual_gateway_name, gateway_route_name);

/// A page of a List… answer: its items and, when there are more, the token of the next page.
macro_rules! list_output {
    ($($output:ident { $items:ident: $item:ty }),+ $(,)?) => {
        $(
            #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
            #[serde(rename_all = "camelCase")]
            pub struct $output {
                pub $items: Vec<$item>,
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub next_token: Option<String>,
            }
        )+
    };
}

list_output!(
    ListMeshesOutput { meshes: MeshRef },
    ListVirtualServicesOutput { virtual_services: VirtualServiceRef },
    ListVirtualNodesOutput { virtual_nodes: VirtualNodeRef },
    ListVirtualRoutersOutput { virtual_routers: VirtualRouterRef },
    ListVirtualGatewaysOutput { virtual_gateways: VirtualGatewayRef },
    ListRoutesOutput { routes: RouteRef },
    ListGatewayRoutesOutput { gateway_routes: GatewayRouteRef },
    ListTagsForResourceOutput { tags: TagRef },
);

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_arn_segment() {
        for kind in MeshResourceKind::ALL {
            assert_eq!(MeshResourceKind::from_arn_segment(kind.arn_segment()), Some(kind));
        }
        assert_eq!(MeshResourceKind::from_arn_segment("route"), None);
        for kind in RouteKind::ALL {
            assert_eq!(RouteKind::from_arn_segment(kind.arn_segment()), Some(kind));
        }
    }

    #[test]
    fn a_provider_kind_names_itself_as_the_wire_does() {
        let router = VirtualRouterRef {
            arn: String::new(),
            created_at: Timestamp::from_millis(0),
            last_updated_at: Timestamp::from_millis(0),
            mesh_name: ResourceName::parse("m").unwrap(),
            mesh_owner: AccountId::parse("111111111111").unwrap(),
            resource_owner: AccountId::parse("111111111111").unwrap(),
            version: 1,
            virtual_router_name: ResourceName::parse("r").unwrap(),
        };
        let json = serde_json::to_value(&router).unwrap();
        assert_eq!(json[ProviderKind::VirtualRouter.name_member()], "r");
        assert_eq!(MeshResourceKind::VIRTUAL_NODE.title(), "Virtual node");
        assert_eq!(ProviderKind::VirtualNode.path_segment(), "virtualNodes");
    }

    #[test]
    fn a_status_code_reads_as_the_wire_writes_it() {
        for status in StatusCode::ALL {
            assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
            assert_eq!(StatusCode::parse(status.as_str()), Some(status));
        }
        assert_eq!(StatusCode::parse("active"), None);
        assert_eq!(Timestamp::from_seconds(1764134530.1234), Timestamp::from_millis(1764134530123));
    }
}
