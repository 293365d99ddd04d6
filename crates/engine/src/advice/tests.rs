#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn error(name: &str) -> Option<String> {
    check_service_name(name).error.map(|problem| problem.to_string())
}

#[test]
fn service_discovery_names_are_fine() {
    assert_eq!(check_service_name("my-service.default.svc.cluster.local"), ServiceNameCheck::default());
    assert_eq!(check_service_name("orders"), ServiceNameCheck::default());
}

#[test]
fn empty_and_too_long() {
    assert_eq!(error("").unwrap(), "Enter a virtual service name.");
    let long = format!("{}.{}.{}.{}.{}", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(63), "e");
    assert_eq!(long.len(), 257);
    assert_eq!(error(&long).unwrap(), "Use at most 255 characters (this name has 257).");
}

#[test]
fn dns_rules() {
    assert_eq!(error("a..b").unwrap(), "Dots separate labels: a name cannot start with a dot or hold two in a row.");
    assert!(error(".a").is_some());
    assert_eq!(error("-a.local").unwrap(), "A part between dots cannot start or end with a hyphen (-a).");
    assert!(error("a-.local").unwrap().contains("hyphen"));
    assert_eq!(error("a_b.local").unwrap(), "Use only letters, digits, hyphens and dots ('_' is not allowed).");
    assert!(error("a b").is_some());
    assert_eq!(
        error(&"x".repeat(64)).unwrap(),
        format!("Each part between dots can have at most 63 characters ({}… has 64).", "x".repeat(20))
    );
    assert!(error(&"x".repeat(63)).is_none());
}

#[test]
fn a_final_dot_is_refused() {
    assert_eq!(
        error("orders.default.").unwrap(),
        "Leave out the final dot: the name is matched as applications write it, e.g. orders.local."
    );
    assert!(error("a..").unwrap().contains("two in a row"), "an empty label is its own problem");
}

#[test]
fn loopback_names_and_addresses_are_refused() {
    for name in ["localhost", "LOCALHOST", "api.localhost", "localhost.localdomain", "ip6-localhost", "127.0.0.1", "127.1.2.3", "::1"] {
        assert!(error(name).unwrap().contains("non-loopback"), "{name}");
    }
    assert!(error("10.0.0.1").is_none());
    assert!(error("127.0.0.1.example.com").is_none());
}

#[test]
fn a_dns_hostname_follows_the_same_rules() {
    assert_eq!(check_dns_hostname("orders.default.svc.cluster.local"), None);
    assert_eq!(check_dns_hostname("").unwrap().to_string(), "Enter the DNS hostname of the node's tasks.");
    assert!(check_dns_hostname("localhost").unwrap().to_string().contains("non-loopback"));
    assert!(check_dns_hostname("orders.local.").unwrap().to_string().contains("final dot"));
    assert!(check_dns_hostname("orders svc").unwrap().to_string().contains("' ' is not allowed"));
    assert_eq!(check_dns_hostname("Orders.Local"), None, "upper case is no problem in a hostname");
}

#[test]
fn the_name_rules_hint_says_what_is_checked() {
    for rule in ["255 characters", "letters, digits and hyphens", "dots", "non-loopback"] {
        assert!(SERVICE_NAME_RULES.contains(rule), "{rule}");
    }
}

#[test]
fn upper_case_is_a_warning_not_an_error() {
    let check = check_service_name("Orders.Local");
    assert_eq!(check.error, None);
    assert_eq!(check.warning.unwrap().to_string(), "DNS names are case-insensitive; lower case is usual.");
}

#[test]
fn tag_rows_are_checked_one_by_one() {
    let long_value = "v".repeat(257);
    let long_key = "k".repeat(129);
    let checks = check_tag_rows(&[("team", "a"), ("", ""), ("team", &long_value), (&long_key, "")]);
    assert_eq!(checks[0], TagRowCheck::default());
    assert_eq!(checks[1].key.as_ref().unwrap().to_string(), "Enter a key.");
    assert_eq!(checks[2].key.as_ref().unwrap().to_string(), "The key team is already used above.");
    assert!(checks[2].value.as_ref().unwrap().to_string().contains("256"));
    assert!(checks[3].key.as_ref().unwrap().to_string().contains("128"));
    let reserved = check_tag_rows(&[("aws:owner", "me"), ("AWS:x", ""), ("awsome", "")]);
    assert_eq!(
        reserved[0].key.as_ref().unwrap().to_string(),
        "The key must not start with \"aws:\" (AWS reserves the aws: prefix for its own tags)."
    );
    assert!(reserved[1].key.is_some(), "in any case");
    assert_eq!(reserved[2], TagRowCheck::default());
}

#[test]
fn a_key_repeats_only_an_earlier_one() {
    assert!(!is_repeated_key(&["a", "b", "a"], 0));
    assert!(!is_repeated_key(&["a", "b", "a"], 1));
    assert!(is_repeated_key(&["a", "b", "a"], 2));
}

#[test]
fn a_provider_needs_an_existing_target() {
    let names = vec!["r1".to_string()];
    let router = ProviderKind::VirtualRouter;
    assert_eq!(check_provider(router, "", Some(&names)).unwrap().to_string(), "Choose a virtual router.");
    assert_eq!(check_provider(router, "r1", Some(&names)), None);
    assert_eq!(
        check_provider(ProviderKind::VirtualNode, "n9", Some(&[])).unwrap().to_string(),
        "The virtual node n9 no longer exists in this mesh; choose another."
    );
    assert_eq!(check_provider(ProviderKind::VirtualNode, "n9", None), None, "not judged while loading");
}

#[test]
fn new_names_are_required_valid_and_free() {
    let taken = vec!["n1".to_string()];
    let message = |name: &str, noun| check_new_name(name, &taken, noun).map(|problem| problem.to_string());
    assert_eq!(message("", "virtual node").unwrap(), "Enter a virtual node name.");
    assert_eq!(message("n1", "virtual node").unwrap(), "A virtual node named n1 already exists.");
    assert!(message("a/b", "mesh").unwrap().starts_with("The name must not contain"));
    assert!(message(&"x".repeat(256), "mesh").unwrap().contains("255"));
    assert_eq!(message("n2", "virtual node"), None);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_name_gets_an_answer_without_panicking(name in ".*") {
            let check = check_service_name(&name);
            prop_assert!(check.error.is_none() || check.warning.is_none());
            let _ = check.error.map(|problem| problem.to_string());
        }

        #[test]
        fn an_accepted_name_is_a_valid_service_name(name in "[a-zA-Z0-9.-]{1,300}") {
            if check_service_name(&name).error.is_none() {
                prop_assert!(ServiceName::parse(name).is_ok());
            }
        }
    }
}
