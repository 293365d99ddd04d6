//! App Mesh's answers read from JSON values: one decoder for every answer (serde_json's
//! `Value`, which specs need anyway), not a deserializer generated for each type (several KB
//! of the bundle each). Unlike the console's own answers (`api::json`), an App Mesh answer
//! that lacks a member the console needs, or holds an invalid one, is refused whole.

use super::json::optional_text as text;
use super::{BackendError, ResourceRecord, ResourceSummary};
use mesh_engine::names::{AccountId, ResourceName, TagKey, TagValue};
use mesh_engine::resource::{ResourceMetadata, ResourceStatus, StatusCode, TagRef, Timestamp};
use serde_json::Value;

/// A type read from an answer's JSON; `None` when the answer does not hold a valid one.
pub trait FromAnswer: Sized {
    fn read(answer: &Value) -> Option<Self>;
}

/// The JSON of an answer's text.
pub fn answer(text: &str) -> Result<Value, BackendError> {
    // Where, not why: serde's reasons would bring their texts (and std's I/O error texts) along.
    serde_json::from_str(text)
        .map_err(|error| BackendError::Unreachable(format!("unexpected answer at line {}, column {}", error.line(), error.column())))
}

/// An answer's text read as a `T`.
pub fn decode<T: FromAnswer>(text: &str) -> Result<T, BackendError> {
    T::read(&answer(text)?).ok_or_else(unreadable)
}

/// An answer that is JSON, but not what the console asked for.
pub fn unreadable() -> BackendError {
    BackendError::Unreachable("unexpected answer: a member is missing or invalid".into())
}

/// Every item of the array member `key`, or `None` if one does not read.
pub fn items<T: FromAnswer>(answer: &Value, key: &str) -> Option<Vec<T>> {
    answer.get(key)?.as_array()?.iter().map(T::read).collect()
}

pub fn account(answer: &Value, key: &str) -> Option<AccountId> {
    AccountId::parse(text(answer, key)?).ok()
}

fn name(answer: &Value, key: &str) -> Option<ResourceName> {
    ResourceName::parse(text(answer, key)?).ok()
}

fn moment(answer: &Value, key: &str) -> Option<Timestamp> {
    Some(Timestamp::from_seconds(answer.get(key)?.as_f64()?))
}

/// The name members of App Mesh's answers: a route's answer names its router too, so a
/// route's or gateway route's own name comes first; a mesh's answer names only the mesh.
const OWN_NAMES: [&str; 6] =
    ["routeName", "gatewayRouteName", "virtualServiceName", "virtualNodeName", "virtualRouterName", "virtualGatewayName"];

fn own_name(answer: &Value, mesh_name: &ResourceName) -> Option<ResourceName> {
    match OWN_NAMES.into_iter().find(|key| answer.get(key).is_some()) {
        Some(key) => name(answer, key),
        None => Some(mesh_name.clone()),
    }
}

impl FromAnswer for ResourceSummary {
    fn read(answer: &Value) -> Option<Self> {
        let mesh_name = name(answer, "meshName")?;
        Some(Self {
            name: own_name(answer, &mesh_name)?,
            mesh_owner: account(answer, "meshOwner")?,
            arn: text(answer, "arn")?,
            created_at: moment(answer, "createdAt")?,
            last_updated_at: moment(answer, "lastUpdatedAt")?,
            resource_owner: account(answer, "resourceOwner")?,
            version: answer.get("version")?.as_u64()?,
            mesh_name,
        })
    }
}

impl FromAnswer for ResourceMetadata {
    fn read(metadata: &Value) -> Option<Self> {
        Some(Self {
            arn: text(metadata, "arn")?,
            created_at: moment(metadata, "createdAt")?,
            last_updated_at: moment(metadata, "lastUpdatedAt")?,
            mesh_owner: account(metadata, "meshOwner")?,
            resource_owner: account(metadata, "resourceOwner")?,
            uid: text(metadata, "uid")?,
            version: metadata.get("version")?.as_u64()?,
        })
    }
}

impl FromAnswer for ResourceRecord {
    fn read(answer: &Value) -> Option<Self> {
        let mesh_name = name(answer, "meshName")?;
        Some(Self {
            name: own_name(answer, &mesh_name)?,
            metadata: ResourceMetadata::read(answer.get("metadata")?)?,
            spec: answer.get("spec")?.clone(),
            status: ResourceStatus { status: StatusCode::parse(answer.get("status")?.get("status")?.as_str()?)? },
            mesh_name,
        })
    }
}

impl FromAnswer for TagRef {
    fn read(tag: &Value) -> Option<Self> {
        Some(Self { key: TagKey::parse(text(tag, "key")?).ok()?, value: TagValue::parse(text(tag, "value")?).ok()? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const METADATA: &str = r#""arn": "arn:aws:appmesh:us-east-1:111111111111:mesh/m", "createdAt": 1.0, "lastUpdatedAt": 2.5,
        "meshOwner": "111111111111", "resourceOwner": "111111111111", "uid": "u", "version": 1"#;

    fn record(names: &str) -> Result<ResourceRecord, BackendError> {
        decode(&format!(r#"{{{names}, "metadata": {{{METADATA}}}, "spec": {{"k": 1}}, "status": {{"status": "ACTIVE"}}}}"#))
    }

    #[test]
    fn a_record_is_named_by_its_own_name_member() {
        assert_eq!(record(r#""meshName": "m""#).unwrap().name.as_str(), "m", "a mesh");
        assert_eq!(record(r#""meshName": "m", "virtualServiceName": "orders.local""#).unwrap().name.as_str(), "orders.local");
        assert_eq!(record(r#""meshName": "m", "virtualGatewayName": "g""#).unwrap().name.as_str(), "g");
        let route = record(r#""meshName": "m", "virtualRouterName": "r", "routeName": "to-v2""#).unwrap();
        assert_eq!((route.name.as_str(), route.mesh_name.as_str()), ("to-v2", "m"), "a route names its router too");
        assert_eq!(record(r#""meshName": "m", "virtualGatewayName": "g", "gatewayRouteName": "gr""#).unwrap().name.as_str(), "gr");
        assert_eq!(route.spec, json!({"k": 1}));
        assert_eq!(route.metadata.last_updated_at, Timestamp::from_millis(2500));
        assert_eq!(route.status.status, StatusCode::Active);
    }

    #[test]
    fn a_list_item_is_named_the_same_way() {
        let item = |names: &str| -> ResourceSummary { decode(&format!("{{{names}, {METADATA}}}")).unwrap() };
        let mesh = item(r#""meshName": "m""#);
        assert_eq!((mesh.name.as_str(), mesh.mesh_owner.as_str(), mesh.version), ("m", "111111111111", 1));
        assert_eq!(item(r#""meshName": "m", "virtualNodeName": "n""#).name.as_str(), "n");
        assert_eq!(item(r#""meshName": "m", "virtualRouterName": "r", "routeName": "rt""#).name.as_str(), "rt");
    }

    #[test]
    fn an_answer_missing_or_breaking_a_rule_is_refused_whole() {
        let unreadable = |result: Result<ResourceRecord, BackendError>| matches!(result, Err(BackendError::Unreachable(_)));
        assert!(unreadable(record(r#""virtualServiceName": "s""#)), "no mesh name");
        assert!(unreadable(record(&format!(r#""meshName": "m", "virtualNodeName": "{}""#, "n".repeat(256)))), "an invalid name");
        assert!(unreadable(record(r#""meshName": "m", "virtualNodeName": 7"#)), "a name of another type");
        assert!(unreadable(decode::<ResourceRecord>("{not json")));
        let tags: Option<Vec<TagRef>> = items(&json!({ "tags": [{ "key": "team", "value": "" }] }), "tags");
        assert_eq!(tags.unwrap()[0].key.as_str(), "team");
        assert_eq!(items::<TagRef>(&json!({ "tags": [{ "key": "" }] }), "tags"), None);
    }
}
