//! What the wizard says about a virtual service name and provider while the user types.
//! Pure functions, tested natively; the engine still checks everything again on create.

use mesh_engine::names::ServiceName;

/// What is wrong with a name (an error blocks Next), or only unusual (a warning does not).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameCheck {
    pub error: Option<String>,
    pub warning: Option<String>,
}

/// The console's rules for a virtual service name: App Mesh's 1–255 characters, a DNS name,
/// and not a loopback name or address (the app resolves it before Envoy intercepts, so it
/// must resolve to a non-loopback IP).
pub fn check_service_name(name: &str) -> NameCheck {
    let error = |message: &str| NameCheck { error: Some(message.to_string()), warning: None };
    if name.is_empty() {
        return error("Enter a virtual service name.");
    }
    if name.chars().count() > ServiceName::MAX {
        return error(&format!("Use at most {} characters (this name has {}).", ServiceName::MAX, name.chars().count()));
    }
    let lower = name.to_ascii_lowercase();
    if is_loopback(&lower) {
        return error("Use a name that resolves to a non-loopback IP address: localhost and 127.0.0.0/8 or ::1 do not work.");
    }
    if let Some(problem) = dns_problem(&lower) {
        return error(&problem);
    }
    let warning = (lower != name).then(|| "DNS names are case-insensitive; lower case is usual.".to_string());
    NameCheck { error: None, warning }
}

fn is_loopback(name: &str) -> bool {
    let name = name.trim_end_matches('.');
    if name == "localhost" || name.ends_with(".localhost") || name == "::1" || name == "[::1]" {
        return true;
    }
    let octets: Vec<&str> = name.split('.').collect();
    octets.len() == 4 && octets[0] == "127" && octets.iter().all(|octet| octet.parse::<u8>().is_ok())
}

/// Labels of 1–63 letters, digits and hyphens, not starting or ending with a hyphen.
fn dns_problem(name: &str) -> Option<String> {
    let name = name.strip_suffix('.').unwrap_or(name);
    for label in name.split('.') {
        if label.is_empty() {
            return Some("Dots separate labels: a name cannot start with a dot or hold two in a row.".into());
        }
        if label.len() > 63 {
            return Some(format!("Each part between dots can have at most 63 characters ({label:.20}… has {}).", label.len()));
        }
        if let Some(bad) = label.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
            return Some(format!("Use only letters, digits, hyphens and dots ({bad:?} is not allowed)."));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Some(format!("A part between dots cannot start or end with a hyphen ({label})."));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(name: &str) -> Option<String> {
        check_service_name(name).error
    }

    #[test]
    fn service_discovery_names_are_fine() {
        assert_eq!(check_service_name("my-service.default.svc.cluster.local"), NameCheck::default());
        assert_eq!(check_service_name("orders"), NameCheck::default());
        assert_eq!(check_service_name("orders.local."), NameCheck::default());
    }

    #[test]
    fn empty_and_too_long() {
        assert_eq!(error("").unwrap(), "Enter a virtual service name.");
        let long = format!("{}.{}.{}.{}.{}", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(63), "e");
        assert_eq!(long.len(), 257);
        assert!(error(&long).unwrap().starts_with("Use at most 255 characters"));
    }

    #[test]
    fn dns_rules() {
        assert!(error("a..b").is_some());
        assert!(error(".a").is_some());
        assert!(error("-a.local").unwrap().contains("hyphen"));
        assert!(error("a-.local").unwrap().contains("hyphen"));
        assert!(error("a_b.local").unwrap().contains("'_'"));
        assert!(error("a b").is_some());
        assert!(error(&"x".repeat(64)).unwrap().contains("63"));
        assert!(error(&"x".repeat(63)).is_none());
    }

    #[test]
    fn loopback_names_and_addresses_are_refused() {
        for name in ["localhost", "LOCALHOST", "api.localhost", "127.0.0.1", "127.1.2.3", "::1"] {
            assert!(error(name).unwrap().contains("non-loopback"), "{name}");
        }
        assert!(error("10.0.0.1").is_none());
        assert!(error("127.0.0.1.example.com").is_none());
    }

    #[test]
    fn upper_case_is_a_warning_not_an_error() {
        let check = check_service_name("Orders.Local");
        assert_eq!(check.error, None);
        assert!(check.warning.unwrap().contains("lower case"));
    }
}

use super::state::{ProviderChoice, ProviderKind, TagDraft};
use mesh_engine::input::TagList;
use mesh_engine::names::{TagKey, TagValue};

/// What is wrong with a provider choice, given the routers or nodes of that kind the mesh
/// has (`None` while they are still loading).
pub fn check_provider(choice: &ProviderChoice, available: Option<&[String]>) -> Option<String> {
    let noun = match choice.kind {
        ProviderKind::None => return None,
        ProviderKind::VirtualRouter => "virtual router",
        ProviderKind::VirtualNode => "virtual node",
    };
    if choice.target.is_empty() {
        return Some(format!("Choose a {noun}."));
    }
    match available {
        Some(names) if !names.iter().any(|name| *name == choice.target) => {
            Some(format!("The {noun} {} no longer exists in this mesh; choose another.", choice.target))
        }
        _ => None,
    }
}

/// What is wrong with each tag row: (key, value).
pub fn check_tags(tags: &[TagDraft]) -> Vec<(Option<String>, Option<String>)> {
    tags.iter()
        .enumerate()
        .map(|(index, tag)| {
            let key = if tag.key.is_empty() {
                Some("Enter a key.".to_string())
            } else if tags[..index].iter().any(|earlier| earlier.key == tag.key) {
                Some(format!("The key {} is already used above.", tag.key))
            } else {
                TagKey::parse(tag.key.clone()).err().map(|problem| format!("The key {problem}."))
            };
            let value = TagValue::parse(tag.value.clone()).err().map(|problem| format!("The value {problem}."));
            (key, value)
        })
        .collect()
}

/// How many tags App Mesh takes on one resource.
pub const MAX_TAGS: usize = TagList::MAX;

#[cfg(test)]
mod provider_and_tag_tests {
    use super::*;

    fn choice(kind: ProviderKind, target: &str) -> ProviderChoice {
        ProviderChoice { kind, target: target.into() }
    }

    #[test]
    fn a_provider_kind_needs_an_existing_target() {
        let names = vec!["r1".to_string()];
        assert_eq!(check_provider(&choice(ProviderKind::None, ""), Some(&[])), None);
        assert_eq!(check_provider(&choice(ProviderKind::VirtualRouter, ""), Some(&names)).unwrap(), "Choose a virtual router.");
        assert_eq!(check_provider(&choice(ProviderKind::VirtualRouter, "r1"), Some(&names)), None);
        assert!(check_provider(&choice(ProviderKind::VirtualNode, "n9"), Some(&[])).unwrap().contains("no longer exists"));
        assert_eq!(check_provider(&choice(ProviderKind::VirtualNode, "n9"), None), None, "not judged while loading");
    }

    #[test]
    fn tag_rows_are_checked_one_by_one() {
        let tags = vec![
            TagDraft { key: "team".into(), value: "a".into() },
            TagDraft { key: "".into(), value: "".into() },
            TagDraft { key: "team".into(), value: "v".repeat(257) },
            TagDraft { key: "k".repeat(129), value: "".into() },
        ];
        let checks = check_tags(&tags);
        assert_eq!(checks[0], (None, None));
        assert_eq!(checks[1].0.as_deref(), Some("Enter a key."));
        assert!(checks[2].0.as_deref().unwrap().contains("already used"));
        assert!(checks[2].1.as_deref().unwrap().contains("256"));
        assert!(checks[3].0.as_deref().unwrap().contains("128"));
    }
}
