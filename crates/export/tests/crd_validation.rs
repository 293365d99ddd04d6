//! Every object the Kubernetes exports emit, validated against the published CRD of its kind
//! (tests/schemas/SOURCE.md says where each came from).

mod common;

use common::crd::{CelTally, Crds};
use mesh_export::{Format, export_mesh};
use serde_json::Value;

/// Kinds built into Kubernetes, which have no CRD: their names are checked here instead.
fn check_core_object(object: &Value) -> Vec<String> {
    let kind = object["kind"].as_str().unwrap_or_default();
    let name = object["metadata"]["name"].as_str().unwrap_or_default();
    let label = |name: &str| {
        !name.is_empty()
            && name.len() <= 63
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && !name.ends_with('-')
    };
    let mut problems = Vec::new();
    if object["apiVersion"] != "v1" || !label(name) {
        problems.push(format!("{kind} {name}: a core v1 object needs a DNS-1035 label name"));
    }
    if kind == "Service" {
        for port in object["spec"]["ports"].as_array().into_iter().flatten() {
            if !label(port["name"].as_str().unwrap_or_default()) || !port["port"].is_u64() {
                problems.push(format!("Service {name}: port {port} needs a DNS label name and a number"));
            }
        }
    }
    problems
}

/// Validates every object of `format`'s export of every fixture; prints the CEL tally.
fn validate_export(format: Format, crd_dirs: &[&str], core_kinds: &[&str]) -> CelTally {
    let crds = Crds::load(crd_dirs);
    let mut tally = CelTally::default();
    let mut problems = Vec::new();
    let mut kinds = std::collections::BTreeSet::new();
    for fixture in common::fixtures() {
        let export = export_mesh(&common::fixture(&fixture), format, &common::context());
        for object in common::yaml_documents(&export.text) {
            let kind = object["kind"].as_str().unwrap_or_default().to_string();
            kinds.insert(kind.clone());
            if core_kinds.contains(&kind.as_str()) {
                problems.extend(check_core_object(&object));
            } else {
                problems.extend(crds.validate(&object, &mut tally).into_iter().map(|problem| format!("{fixture}: {problem}")));
            }
        }
    }
    println!(
        "{format:?}: kinds {kinds:?}; CEL rules run {}, not runnable {}, update-only {}",
        tally.checked.len(),
        tally.not_checked.len(),
        tally.transition_rules.len()
    );
    for (rule, why) in &tally.not_checked {
        println!("  not checked: {rule}\n    ({why})");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(tally.not_checked.is_empty(), "every CEL rule the objects reach runs (see the rules printed above)");
    tally
}

#[test]
fn gateway_api_objects_match_the_gateway_api_and_vpc_lattice_crds() {
    let tally = validate_export(Format::GatewayApi, &["gateway-api", "vpc-lattice"], &["Service"]);
    assert!(!tally.checked.is_empty(), "CEL rules ran");
}

#[test]
fn istio_objects_match_istios_crds() {
    let tally = validate_export(Format::Istio, &["istio"], &["Service"]);
    assert!(!tally.checked.is_empty(), "CEL rules ran");
}

#[test]
fn app_mesh_controller_manifests_match_the_controllers_crds() {
    validate_export(Format::Kubernetes, &["appmesh-controller"], &["Namespace"]);
}

#[test]
fn the_validation_catches_what_a_cluster_would_refuse() {
    let crds = Crds::load(&["gateway-api", "vpc-lattice"]);
    let export = export_mesh(&common::fixture("every-member.json"), Format::GatewayApi, &common::context());
    let objects = common::yaml_documents(&export.text);
    let mut gateway = objects.iter().find(|o| o["kind"] == "Gateway").unwrap().clone();
    let listener = gateway["spec"]["listeners"][0].clone();
    gateway["spec"]["listeners"].as_array_mut().unwrap().push(listener);
    let problems = crds.validate(&gateway, &mut CelTally::default());
    assert!(problems.iter().any(|p| p.contains("Listener name must be unique")), "a CEL rule: {problems:?}");
    let mut route = objects.iter().find(|o| o["kind"] == "HTTPRoute").unwrap().clone();
    route["spec"]["rules"][0]["backendRefs"][0]["wieght"] = serde_json::json!(1);
    route["spec"]["rules"][0]["backendRefs"][0]["port"] = serde_json::json!(70000);
    let problems = crds.validate(&route, &mut CelTally::default());
    assert!(problems.iter().any(|p| p.contains("wieght")), "an unknown member: {problems:?}");
    assert!(problems.iter().any(|p| p.contains("70000")), "a bound: {problems:?}");
}
