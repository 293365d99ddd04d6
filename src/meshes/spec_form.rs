//! What a mesh's forms set in its spec: the egress filter and the IP preference, written over
//! the spec App Mesh sent so that members the form does not show are kept.

use serde_json::{Map, Value};

/// The egress filter's choices (`EgressFilterType`), as the form names them.
pub const EGRESS_CHOICES: [(&str, &str); 2] = [
    ("DROP_ALL", "Deny all: only traffic to resources in the mesh"),
    ("ALLOW_ALL", "Allow all: also traffic to any address outside the mesh"),
];

/// The IP preference's choices (`IpPreference`); empty leaves it unset.
pub const IP_PREFERENCE_CHOICES: [(&str, &str); 5] = [
    ("", "Not set (App Mesh's default)"),
    ("IPv4_PREFERRED", "IPv4 preferred"),
    ("IPv6_PREFERRED", "IPv6 preferred"),
    ("IPv4_ONLY", "IPv4 only"),
    ("IPv6_ONLY", "IPv6 only"),
];

/// The egress filter a spec sets; App Mesh's default is to deny.
pub fn egress_of(spec: &Value) -> &str {
    spec.pointer("/egressFilter/type").and_then(Value::as_str).unwrap_or("DROP_ALL")
}

pub fn ip_preference_of(spec: &Value) -> &str {
    spec.pointer("/serviceDiscovery/ipPreference").and_then(Value::as_str).unwrap_or_default()
}

/// The words for a choice's value, or the value itself when the console does not know it.
pub fn label_of<'a>(choices: &[(&'a str, &'a str)], value: &'a str) -> &'a str {
    choices.iter().find(|(known, _)| *known == value).map_or(value, |(_, label)| label)
}

/// `base` with the egress filter and IP preference set; an empty preference is removed.
pub fn apply(base: &Value, egress: &str, ip_preference: &str) -> Value {
    let mut spec = base.as_object().cloned().unwrap_or_default();
    spec.insert("egressFilter".into(), serde_json::json!({ "type": egress }));
    let mut discovery: Map<String, Value> = spec.get("serviceDiscovery").and_then(Value::as_object).cloned().unwrap_or_default();
    if ip_preference.is_empty() {
        discovery.remove("ipPreference");
    } else {
        discovery.insert("ipPreference".into(), ip_preference.into());
    }
    if discovery.is_empty() {
        spec.remove("serviceDiscovery");
    } else {
        spec.insert("serviceDiscovery".into(), discovery.into());
    }
    Value::Object(spec)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_form_writes_its_members_and_keeps_the_rest() {
        let base =
            json!({"egressFilter": {"type": "DROP_ALL"}, "serviceDiscovery": {"ipPreference": "IPv4_ONLY", "future": 1}, "other": true});
        let spec = apply(&base, "ALLOW_ALL", "");
        assert_eq!(spec, json!({"egressFilter": {"type": "ALLOW_ALL"}, "serviceDiscovery": {"future": 1}, "other": true}));
        assert_eq!(
            apply(&json!({}), "DROP_ALL", "IPv6_ONLY"),
            json!({"egressFilter": {"type": "DROP_ALL"}, "serviceDiscovery": {"ipPreference": "IPv6_ONLY"}})
        );
        let typed: mesh_engine::spec::MeshSpec = serde_json::from_value(apply(&json!({}), "ALLOW_ALL", "IPv4_PREFERRED")).unwrap();
        assert!(typed.egress_filter.is_some(), "the engine reads what the form writes");
    }

    #[test]
    fn a_spec_reads_with_app_mesh_defaults() {
        assert_eq!(egress_of(&json!({})), "DROP_ALL");
        assert_eq!(ip_preference_of(&json!({})), "");
        assert_eq!(label_of(&IP_PREFERENCE_CHOICES, "IPv6_ONLY"), "IPv6 only");
        assert_eq!(label_of(&IP_PREFERENCE_CHOICES, "NEW"), "NEW");
    }
}
