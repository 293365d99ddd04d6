//! Operation inputs: the JSON bodies of Create*, Update* and the tagging operations, and
//! how a body is parsed into them with errors that name the offending field.

use crate::advice::is_repeated_key;
use crate::error::ApiError;
use crate::names::*;
use crate::resource::TagRef;
use crate::spec::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// At most 50 tags, each key once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<TagRef>", into = "Vec<TagRef>")]
pub struct TagList(Vec<TagRef>);

impl TagList {
    pub const MAX: usize = 50;

    pub fn new(tags: Vec<TagRef>) -> Result<Self, InvalidValue> {
        if tags.len() > Self::MAX {
            return Err(InvalidValue(format!("must hold at most {} tags, got {}", Self::MAX, tags.len())));
        }
        let keys: Vec<&TagKey> = tags.iter().map(|tag| &tag.key).collect();
        if let Some(repeated) = (0..keys.len()).find(|index| is_repeated_key(&keys, *index)) {
            return Err(InvalidValue(format!("holds the key {:?} twice", keys[repeated].as_str())));
        }
        Ok(Self(tags))
    }

    pub fn into_inner(self) -> Vec<TagRef> {
        self.0
    }

    pub fn as_slice(&self) -> &[TagRef] {
        &self.0
    }
}

impl TryFrom<Vec<TagRef>> for TagList {
    type Error = InvalidValue;
    fn try_from(tags: Vec<TagRef>) -> Result<Self, Self::Error> {
        Self::new(tags)
    }
}

impl From<TagList> for Vec<TagRef> {
    fn from(tags: TagList) -> Self {
        tags.0
    }
}

/// At most 50 tag keys.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<TagKey>", into = "Vec<TagKey>")]
pub struct TagKeyList(Vec<TagKey>);

impl TagKeyList {
    pub fn new(keys: Vec<TagKey>) -> Result<Self, InvalidValue> {
        if keys.len() > TagList::MAX {
            return Err(InvalidValue(format!("must hold at most {} keys, got {}", TagList::MAX, keys.len())));
        }
        Ok(Self(keys))
    }

    pub fn as_slice(&self) -> &[TagKey] {
        &self.0
    }
}

impl TryFrom<Vec<TagKey>> for TagKeyList {
    type Error = InvalidValue;
    fn try_from(keys: Vec<TagKey>) -> Result<Self, Self::Error> {
        Self::new(keys)
    }
}

impl From<TagKeyList> for Vec<TagKey> {
    fn from(keys: TagKeyList) -> Self {
        keys.0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateMeshInput {
    pub mesh_name: ResourceName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<MeshSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<TagList>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<ClientToken>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateMeshInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<MeshSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<ClientToken>,
}

macro_rules! mesh_resource_inputs {
    ($create:ident, $update:ident, $spec:ty, $name_field:ident: $name_type:ty) => {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $create {
            pub $name_field: $name_type,
            pub spec: $spec,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub tags: Option<TagList>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub client_token: Option<ClientToken>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $update {
            pub spec: $spec,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub client_token: Option<ClientToken>,
        }
    };
}

mesh_resource_inputs!(CreateVirtualServiceInput, UpdateVirtualServiceInput, VirtualServiceSpec, virtual_service_name: ServiceName);
mesh_resource_inputs!(CreateVirtualNodeInput, UpdateVirtualNodeInput, VirtualNodeSpec, virtual_node_name: ResourceName);
mesh_resource_inputs!(CreateVirtualRouterInput, UpdateVirtualRouterInput, VirtualRouterSpec, virtual_router_name: ResourceName);
mesh_resource_inputs!(CreateVirtualGatewayInput, UpdateVirtualGatewayInput, VirtualGatewaySpec, virtual_gateway_name: ResourceName);
mesh_resource_inputs!(CreateRouteInput, UpdateRouteInput, RouteSpec, route_name: ResourceName);
mesh_resource_inputs!(CreateGatewayRouteInput, UpdateGatewayRouteInput, GatewayRouteSpec, gateway_route_name: ResourceName);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagResourceInput {
    pub tags: TagList,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UntagResourceInput {
    pub tag_keys: TagKeyList,
}

/// Parses a JSON request body. Every failure is a BadRequestException whose message names
/// the field (`spec.listeners[0].portMapping.port: must be between 1 and 65535, got 0`).
pub fn parse_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request("The request body is empty; a JSON object is required"));
    }
    check_nesting(body)?;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let message = describe_json_error(error.inner());
        if path == "." || path == "?" {
            ApiError::bad_request(format!("Invalid request body: {message}"))
        } else {
            ApiError::bad_request(format!("{path}: {message}"))
        }
    })?;
    deserializer.end().map_err(|error| ApiError::bad_request(format!("Invalid request body: {}", describe_json_error(&error))))?;
    Ok(value)
}

/// The deepest App Mesh spec nests about ten levels; anything far deeper is refused before
/// parsing, including inside members that would otherwise be ignored.
const MAX_NESTING: usize = 32;

fn check_nesting(body: &[u8]) -> Result<(), ApiError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &byte in body {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(ApiError::bad_request(format!("Invalid request body: nested deeper than {MAX_NESTING} levels")));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// serde_json's message without its position, which only helps for syntax errors.
fn describe_json_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    if error.is_syntax() || error.is_eof() {
        return text;
    }
    match text.rfind(" at line ") {
        Some(position) => text[..position].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn message<T: DeserializeOwned + std::fmt::Debug>(body: &str) -> String {
        parse_body::<T>(body.as_bytes()).unwrap_err().message
    }

    #[test]
    fn errors_name_the_field() {
        let body = r#"{"virtualNodeName":"n","spec":{"listeners":[{"portMapping":{"port":0,"protocol":"http"}}]}}"#;
        assert_eq!(message::<CreateVirtualNodeInput>(body), "spec.listeners[0].portMapping.port: must be between 1 and 65535, got 0");
    }

    #[test]
    fn unknown_enum_values_are_refused() {
        let body = r#"{"virtualNodeName":"n","spec":{"listeners":[{"portMapping":{"port":80,"protocol":"udp"}}]}}"#;
        let text = message::<CreateVirtualNodeInput>(body);
        assert!(text.starts_with("spec.listeners[0].portMapping.protocol: unknown variant `udp`"), "{text}");
    }

    #[test]
    fn missing_members_are_named() {
        assert_eq!(message::<CreateVirtualServiceInput>(r#"{"spec":{}}"#), "Invalid request body: missing field `virtualServiceName`");
        assert_eq!(message::<CreateVirtualServiceInput>(r#"{"virtualServiceName":"a"}"#), "Invalid request body: missing field `spec`");
    }

    #[test]
    fn a_union_needs_exactly_one_member() {
        let two = r#"{"virtualServiceName":"a","spec":{"provider":{"virtualNode":{"virtualNodeName":"n"},"virtualRouter":{"virtualRouterName":"r"}}}}"#;
        assert!(message::<CreateVirtualServiceInput>(two).starts_with("spec.provider"));
        let none = r#"{"virtualServiceName":"a","spec":{"provider":{}}}"#;
        assert!(message::<CreateVirtualServiceInput>(none).starts_with("spec.provider"));
    }

    #[test]
    fn over_long_strings_and_wrong_types() {
        let long = format!(r#"{{"virtualServiceName":"{}","spec":{{}}}}"#, "a".repeat(256));
        assert_eq!(message::<CreateVirtualServiceInput>(&long), "virtualServiceName: must be 1 to 255 characters long, got 256");
        let wrong = r#"{"virtualServiceName":7,"spec":{}}"#;
        assert!(message::<CreateVirtualServiceInput>(wrong).starts_with("virtualServiceName: invalid type"));
    }

    #[test]
    fn malformed_and_trailing_json() {
        assert!(message::<CreateMeshInput>("{").starts_with("Invalid request body: EOF"));
        assert!(message::<CreateMeshInput>(r#"{"meshName":"m"} x"#).starts_with("Invalid request body: trailing"));
        assert_eq!(message::<CreateMeshInput>(""), "The request body is empty; a JSON object is required");
        let deep = format!(r#"{{"meshName":"m","ignored":{}{}}}"#, "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(message::<CreateMeshInput>(&deep), "Invalid request body: nested deeper than 32 levels");
        let brackets_in_strings = format!(r#"{{"meshName":"{}"}}"#, "[".repeat(100));
        assert!(parse_body::<CreateMeshInput>(brackets_in_strings.as_bytes()).is_ok());
    }

    #[test]
    fn tag_lists_hold_50_distinct_keys() {
        let tags: Vec<String> = (0..51).map(|i| format!(r#"{{"key":"k{i}","value":""}}"#)).collect();
        let body = format!(r#"{{"tags":[{}]}}"#, tags.join(","));
        assert_eq!(message::<TagResourceInput>(&body), "tags: must hold at most 50 tags, got 51");
        let twice = r#"{"tags":[{"key":"a","value":"1"},{"key":"a","value":"2"}]}"#;
        assert_eq!(message::<TagResourceInput>(twice), "tags: holds the key \"a\" twice");
    }

    #[test]
    fn specs_round_trip_unchanged() {
        let spec = r#"{"backends":[],"listeners":[{"healthCheck":{"healthyThreshold":2,"intervalMillis":5000,"protocol":"http","timeoutMillis":2000,"unhealthyThreshold":3},"portMapping":{"port":8080,"protocol":"http"},"timeout":{"http":{"idle":{"unit":"s","value":10}}}}],"logging":{"accessLog":{"file":{"path":"/dev/stdout"}}},"serviceDiscovery":{"dns":{"hostname":"a.local","responseType":"ENDPOINTS"}}}"#;
        let parsed: VirtualNodeSpec = parse_body(spec.as_bytes()).unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), spec);
    }
}
