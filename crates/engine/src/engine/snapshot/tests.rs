#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::engine::{Context, Engine, MeshAddress, Quotas};
use crate::input::parse_body;
use crate::resource::Timestamp;

const OWNER: &str = "111122223333";

fn context(caller: &str, uid: u32) -> Context {
    Context {
        caller: AccountId::parse(caller).unwrap(),
        region: Region::parse("eu-west-1").unwrap(),
        now: Timestamp::from_millis(1_700_000_000_000 + i64::from(uid)),
        new_uid: format!("uid-{uid}"),
        quotas: Quotas::default(),
    }
}

fn at(mesh: &str) -> MeshAddress {
    MeshAddress::new(ResourceName::parse(mesh).unwrap(), None)
}

/// A mesh with a node, a router with a route, services provided by each, a gateway with a
/// gateway route, tags, a client token and a share.
fn populated() -> Snapshot {
    let mut store = MemoryStore::new();
    let owner = context(OWNER, 1);
    let mut engine = Engine::new(&mut store, &owner);
    engine.create_mesh(parse_body(br#"{"meshName":"m1","tags":[{"key":"team","value":"a"}]}"#).unwrap()).unwrap();
    engine
        .create_virtual_node(
            &at("m1"),
            parse_body(br#"{"virtualNodeName":"n1","spec":{"listeners":[{"portMapping":{"port":8080,"protocol":"http"}}]}}"#).unwrap(),
        )
        .unwrap();
    engine.create_virtual_router(&at("m1"), parse_body(br#"{"virtualRouterName":"r1","spec":{}}"#).unwrap()).unwrap();
    engine
        .create_virtual_service(
            &at("m1"),
            parse_body(
                br#"{"virtualServiceName":"a.local","spec":{"provider":{"virtualNode":{"virtualNodeName":"n1"}}},"clientToken":"t1"}"#,
            )
            .unwrap(),
        )
        .unwrap();
    engine
        .create_virtual_service(
            &at("m1"),
            parse_body(br#"{"virtualServiceName":"b.local","spec":{"provider":{"virtualRouter":{"virtualRouterName":"r1"}}}}"#).unwrap(),
        )
        .unwrap();
    let router = ResourceName::parse("r1").unwrap();
    let route = br#"{"routeName":"to-n1","spec":{"tcpRoute":{"action":{"weightedTargets":[{"virtualNode":"n1","weight":1}]}}}}"#;
    engine.create_route(&at("m1"), &router, parse_body(route).unwrap()).unwrap();
    let gateway = br#"{"virtualGatewayName":"g1","spec":{"listeners":[{"portMapping":{"port":443,"protocol":"http2"}}]}}"#;
    engine.create_virtual_gateway(&at("m1"), parse_body(gateway).unwrap()).unwrap();
    let gateway_route = br#"{"gatewayRouteName":"to-a","spec":{"http2Route":{"match":{"prefix":"/"},"action":{"target":{"virtualService":{"virtualServiceName":"a.local"}}}}}}"#;
    engine.create_gateway_route(&at("m1"), &ResourceName::parse("g1").unwrap(), parse_body(gateway_route).unwrap()).unwrap();
    engine
        .create_resource_share(
            parse_body(
                format!(r#"{{"name":"s","resourceArns":["arn:aws:appmesh:eu-west-1:{OWNER}:mesh/m1"],"principals":["444455556666"]}}"#)
                    .as_bytes(),
            )
            .unwrap(),
        )
        .unwrap();
    Snapshot::new(owner.caller.clone(), owner.region.clone(), store)
}

fn error_of(text: &str) -> String {
    Snapshot::parse(text).unwrap_err().to_string()
}

/// The populated document with one value replaced, found by a fragment of its JSON text.
fn altered(from: &str, to: &str) -> String {
    let text = populated().to_json();
    assert!(text.contains(from), "{from} is not in {text}");
    text.replacen(from, to, 1)
}

#[test]
fn a_document_reads_back_as_the_store_it_was_written_from() {
    let snapshot = populated();
    let text = snapshot.to_json();
    assert!(
        text.starts_with(r#"{"format":"mesh-console-store","schemaVersion":1,"account":"111122223333","region":"eu-west-1","#),
        "{text}"
    );
    assert_eq!(Snapshot::parse(&text).unwrap(), snapshot);
}

#[test]
fn an_empty_store_reads_back() {
    let empty = Snapshot::new(AccountId::parse(OWNER).unwrap(), Region::parse("us-east-1").unwrap(), MemoryStore::new());
    assert_eq!(Snapshot::parse(&empty.to_json()).unwrap(), empty);
}

#[test]
fn text_that_is_not_a_store_is_named_as_such() {
    assert!(error_of("{not json").starts_with("It is not a JSON object"));
    assert!(error_of("[]").starts_with("It is not a JSON object"));
    assert!(error_of(r#"{"meshes":[]}"#).starts_with("It is not a Mesh Console store"));
}

#[test]
fn a_newer_or_unknown_schema_version_is_refused_by_name() {
    let newer = populated().to_json().replacen(r#""schemaVersion":1"#, r#""schemaVersion":2"#, 1);
    assert_eq!(error_of(&newer), "It was written by a newer Mesh Console (schema version 2); this one reads schema version 1.");
    let missing = populated().to_json().replacen(r#""schemaVersion":1,"#, "", 1);
    assert!(error_of(&missing).contains("\"schemaVersion\" is missing or unknown"));
}

#[test]
fn every_record_is_checked_as_the_engine_reads_it() {
    let error = error_of(&altered(r#""port":8080"#, r#""port":70000"#));
    assert!(error.contains("virtualNode") && error.contains("spec.listeners[0].portMapping.port"), "{error}");
    let error = error_of(&altered(r#""key":"team""#, r#""key":"""#));
    assert!(error.contains(r#"collections["meshes"]"#), "{error}");
    let error = error_of(&altered(r#""account":"111122223333""#, r#""account":"me""#));
    assert!(error.starts_with("account"), "{error}");
}

#[test]
fn references_must_name_what_is_in_the_store() {
    let error = error_of(&altered(r#""virtualNodeName":"n1""#, r#""virtualNodeName":"gone""#));
    assert!(error.contains("its provider VirtualNode gone is not in mesh m1"), "{error}");
    let error = error_of(&altered(r#""virtualNode":"n1""#, r#""virtualNode":"gone""#));
    assert!(error.contains("its target VirtualNode gone is not in mesh m1"), "{error}");
    let error = error_of(&altered(r#""virtualServiceName":"a.local"}"#, r#""virtualServiceName":"gone.local"}"#));
    assert!(error.contains("its target VirtualService gone.local is not in mesh m1"), "{error}");
    let error = error_of(&altered("virtualGateway\\u001fg1\\u001fgatewayRoute", "virtualGateway\\u001fg2\\u001fgatewayRoute"));
    assert!(error.contains("its VirtualGateway g2 is not in mesh m1"), "{error}");
    let error = error_of(&altered("virtualRouter\\u001fr1\\u001froute", "virtualRouter\\u001fr1\\u001fgatewayRoute"));
    assert!(error.contains("unknown kind"), "{error}");
    let error = error_of(&altered("\"m1\\u001f111122223333\"", "\"m2\\u001f111122223333\""));
    assert!(error.contains("is not in the store") || error.contains("not of this key"), "{error}");
}

#[test]
fn unknown_members_and_collections_are_refused() {
    let error = error_of(&altered(r#""collections":{"#, r#""extra":1,"collections":{"#));
    assert!(error.contains("unknown field `extra`"), "{error}");
    let error = error_of(&altered(r#""collections":{"#, r#""collections":{"strange":{"k":1},"#));
    assert_eq!(error, r#"collections["strange"]: not a collection of this schema version"#);
}

#[test]
fn list_items_are_left_out_of_a_document_and_written_again_when_it_is_read() {
    let snapshot = populated();
    let listed = |store: &MemoryStore| store.entries().filter(|(collection, ..)| collection.starts_with("listing\u{1f}")).count();
    assert_eq!(listed(&snapshot.store), 7, "a node, a router, two services, a route, a gateway and a gateway route");
    let text = snapshot.to_json();
    assert!(!text.contains("listing"), "{text}");
    assert_eq!(listed(&Snapshot::parse(&text).unwrap().store), 7);
    let error = error_of(&altered(r#""collections":{"#, r#""collections":{"listing\u001fmeshes":{"k":1},"#));
    assert!(error.contains("List items are written by the engine"), "{error}");
}
