//! The engine over the real localStorage store, in headless Chromium: the App Mesh API as the
//! browser-only console calls it, and what the browser store promises (written before it is
//! answered, another tab's writes seen, unreadable data never overwritten, a full quota
//! changing nothing, import all or nothing).

#![cfg(target_arch = "wasm32")]

use mesh_browser_engine::{STORE_KEY, handle};
use serde_json::{Value, json};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn stored() -> Option<String> {
    storage().get_item(STORE_KEY).unwrap()
}

/// Each test starts from an empty browser store.
fn fresh() {
    storage().clear().unwrap();
}

fn call(method: &str, url: &str, body: Option<Value>) -> (u16, Value) {
    let reply = handle(method, url, body.map(|body| body.to_string()), None);
    (reply.status(), serde_json::from_str(&reply.body()).unwrap_or(Value::Null))
}

fn ok(method: &str, url: &str, body: Option<Value>) -> Value {
    let (status, answer) = call(method, url, body);
    assert_eq!(status, 200, "{method} {url}: {answer}");
    answer
}

fn error(method: &str, url: &str, body: Option<Value>) -> (u16, String, String) {
    let (status, answer) = call(method, url, body);
    (status, answer["__type"].as_str().unwrap_or_default().to_owned(), answer["message"].as_str().unwrap_or_default().to_owned())
}

fn mesh_with_node(mesh: &str) {
    ok("PUT", "/v20190125/meshes", Some(json!({ "meshName": mesh })));
    ok("PUT", &format!("/v20190125/meshes/{mesh}/virtualNodes"), Some(json!({ "virtualNodeName": "n1", "spec": {} })));
}

fn create_service(mesh: &str, name: &str) -> (u16, Value) {
    call("PUT", &format!("/v20190125/meshes/{mesh}/virtualServices"), Some(json!({ "virtualServiceName": name, "spec": {} })))
}

#[wasm_bindgen_test]
fn every_acknowledged_change_is_already_in_local_storage() {
    fresh();
    mesh_with_node("m1");
    let created = ok(
        "PUT",
        "/v20190125/meshes/m1/virtualServices",
        Some(json!({
            "virtualServiceName": "a.local", "spec": { "provider": { "virtualNode": { "virtualNodeName": "n1" } } }
        })),
    );
    assert_eq!(created["metadata"]["version"], 1);
    assert_eq!(created["metadata"]["arn"], "arn:aws:appmesh:us-east-1:123456789012:mesh/m1/virtualService/a.local");
    let document: Value = serde_json::from_str(&stored().unwrap()).unwrap();
    assert_eq!(document["schemaVersion"], 1);
    let services = &document["collections"]["mesh\u{1f}123456789012\u{1f}m1\u{1f}virtualService"];
    assert_eq!(services["a.local"]["metadata"]["uid"], created["metadata"]["uid"]);
}

#[wasm_bindgen_test]
fn the_engine_rules_apply_in_the_browser() {
    fresh();
    mesh_with_node("m1");
    ok(
        "PUT",
        "/v20190125/meshes/m1/virtualServices",
        Some(json!({
            "virtualServiceName": "a.local", "spec": { "provider": { "virtualNode": { "virtualNodeName": "n1" } } }
        })),
    );
    assert_eq!(
        error("PUT", "/v20190125/meshes/m1/virtualServices", Some(json!({ "virtualServiceName": "a.local", "spec": {} }))).1,
        "ConflictException"
    );
    let (status, kind, message) = error("DELETE", "/v20190125/meshes/m1/virtualNodes/n1", None);
    assert_eq!((status, kind.as_str()), (409, "ResourceInUseException"));
    assert!(message.contains("a.local"), "{message}");
    assert_eq!(error("GET", "/v20190125/meshes/nope/virtualServices", None).0, 404);
    let (status, _, message) = error(
        "PUT",
        "/v20190125/meshes/m1/virtualNodes",
        Some(json!({
            "virtualNodeName": "n2", "spec": { "listeners": [{ "portMapping": { "port": 70000, "protocol": "http" } }] }
        })),
    );
    assert_eq!(status, 400);
    assert!(message.contains("spec.listeners[0].portMapping.port"), "{message}");
    let updated = ok("PUT", "/v20190125/meshes/m1/virtualServices/a.local", Some(json!({ "spec": {} })));
    assert_eq!(updated["metadata"]["version"], 2);
    let (status, _, message) = error("GET", "/v20190125/meshes/m1/virtualServices?limit=many", None);
    assert_eq!((status, message.as_str()), (400, "limit: must be a whole number, got \"many\""));
    assert_eq!(error("GET", "/v20190125/nothing/here", None).1, "UnknownOperationException");
}

#[wasm_bindgen_test]
fn client_tokens_and_pages_work_across_calls() {
    fresh();
    ok("PUT", "/v20190125/meshes", Some(json!({ "meshName": "m1" })));
    let request = json!({ "virtualServiceName": "svc-000.local", "spec": {}, "clientToken": "once" });
    let first = ok("PUT", "/v20190125/meshes/m1/virtualServices", Some(request.clone()));
    assert_eq!(ok("PUT", "/v20190125/meshes/m1/virtualServices", Some(request)), first);
    for index in 1..25 {
        assert_eq!(create_service("m1", &format!("svc-{index:03}.local")).0, 200);
    }
    let mut names = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let url = match &token {
            Some(token) => format!("/v20190125/meshes/m1/virtualServices?limit=10&nextToken={}", js_sys::encode_uri_component(token)),
            None => "/v20190125/meshes/m1/virtualServices?limit=10".to_owned(),
        };
        let page = ok("GET", &url, None);
        names.extend(
            page["virtualServices"].as_array().unwrap().iter().map(|service| service["virtualServiceName"].as_str().unwrap().to_owned()),
        );
        token = page["nextToken"].as_str().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(names.len(), 25);
    assert!(names.windows(2).all(|pair| pair[0] < pair[1]));
}

#[wasm_bindgen_test]
fn what_another_tab_wrote_is_what_the_next_call_sees() {
    fresh();
    ok("PUT", "/v20190125/meshes", Some(json!({ "meshName": "mine" })));
    let other_tab = stored().unwrap().replace("mine", "theirs");
    storage().set_item(STORE_KEY, &other_tab).unwrap();
    let meshes = ok("GET", "/v20190125/meshes", None);
    assert_eq!(meshes["meshes"][0]["meshName"], "theirs");
    ok("PUT", "/v20190125/meshes", Some(json!({ "meshName": "second" })));
    let names: Vec<Value> =
        ok("GET", "/v20190125/meshes", None)["meshes"].as_array().unwrap().iter().map(|mesh| mesh["meshName"].clone()).collect();
    assert_eq!(names, [json!("second"), json!("theirs")]);
}

#[wasm_bindgen_test]
fn unreadable_data_is_reported_and_never_overwritten() {
    for (bad, reason) in [
        ("{\"format\":\"mesh-console-store\",\"schemaVersion\":1,", "It is not a JSON object"),
        ("{\"format\":\"mesh-console-store\",\"schemaVersion\":7,\"collections\":{}}", "newer Mesh Console (schema version 7)"),
    ] {
        fresh();
        storage().set_item(STORE_KEY, bad).unwrap();
        let (status, _, message) = error("GET", "/console-api/identity", None);
        assert_eq!(status, 500);
        assert!(message.starts_with("The data stored in this browser cannot be read.") && message.contains(reason), "{message}");
        assert_eq!(error("PUT", "/v20190125/meshes", Some(json!({ "meshName": "m1" }))).0, 500);
        assert_eq!(stored().as_deref(), Some(bad));
        let reply = handle("GET", "/console-api/store", None, None);
        assert_eq!((reply.status(), reply.body().as_str()), (200, bad), "the export is the data as stored");
        ok("DELETE", "/console-api/store", None);
        assert_eq!(stored(), None);
        assert_eq!(ok("GET", "/console-api/identity", None)["account"], "123456789012");
    }
}

#[wasm_bindgen_test]
fn a_full_quota_is_an_error_and_changes_nothing() {
    fresh();
    mesh_with_node("m1");
    let before = stored().unwrap();
    // Fill what is left of the quota (about 5 MB in Chromium) with another item.
    let mut filler = "x".repeat(1 << 20);
    let mut parts = 0;
    while filler.len() >= 16 {
        if storage().set_item(&format!("filler-{parts}"), &filler).is_ok() {
            parts += 1;
        } else {
            filler.truncate(filler.len() / 2);
        }
    }
    let (status, _, message) =
        error("PUT", "/v20190125/meshes/m1/virtualServices", Some(json!({ "virtualServiceName": "a.local", "spec": {} })));
    assert_eq!(status, 500);
    assert!(message.contains("storage for this site is full"), "{message}");
    assert_eq!(stored().unwrap(), before);
    assert_eq!(ok("GET", "/v20190125/meshes/m1/virtualServices", None)["virtualServices"], json!([]));
    for part in 0..parts {
        storage().remove_item(&format!("filler-{part}")).unwrap();
    }
    assert_eq!(create_service("m1", "a.local").0, 200);
}

#[wasm_bindgen_test]
fn an_import_is_checked_whole_and_replaces_everything_or_nothing() {
    fresh();
    mesh_with_node("m1");
    let exported = handle("GET", "/console-api/store", None, None).body();
    ok("PUT", "/v20190125/meshes", Some(json!({ "meshName": "later" })));
    let before = stored().unwrap();
    let broken = exported.replace("\"n1\"", "\"bad/name\"");
    let (status, _, message) = error("PUT", "/console-api/store", Some(serde_json::from_str(&broken).unwrap()));
    assert_eq!(status, 400);
    assert!(message.starts_with("The file cannot be imported:") && message.ends_with("Nothing was changed."), "{message}");
    assert_eq!(stored().unwrap(), before);
    ok("PUT", "/console-api/store", Some(serde_json::from_str(&exported).unwrap()));
    let names: Vec<Value> =
        ok("GET", "/v20190125/meshes", None)["meshes"].as_array().unwrap().iter().map(|mesh| mesh["meshName"].clone()).collect();
    assert_eq!(names, [json!("m1")]);
    assert_eq!(ok("GET", "/v20190125/meshes/m1/virtualNodes/n1", None)["virtualNodeName"], "n1");
}

#[wasm_bindgen_test]
fn another_account_sees_a_mesh_once_it_is_shared() {
    fresh();
    ok("PUT", "/v20190125/meshes", Some(json!({ "meshName": "team" })));
    let as_consumer = |method: &str, url: &str| handle(method, url, None, Some("444455556666".into()));
    assert_eq!(as_consumer("GET", "/v20190125/meshes/team?meshOwner=123456789012").status(), 404);
    ok(
        "POST",
        "/createresourceshare",
        Some(json!({
            "name": "s", "resourceArns": ["arn:aws:appmesh:us-east-1:123456789012:mesh/team"], "principals": ["444455556666"]
        })),
    );
    assert_eq!(as_consumer("GET", "/v20190125/meshes/team?meshOwner=123456789012").status(), 200);
}

#[wasm_bindgen_test]
fn routes_gateways_and_gateway_routes_are_kept_in_local_storage() {
    fresh();
    mesh_with_node("m1");
    ok("PUT", "/v20190125/meshes/m1/virtualRouters", Some(json!({ "virtualRouterName": "r1", "spec": {} })));
    let route = json!({
        "routeName": "all", "spec": { "httpRoute": { "match": { "prefix": "/" }, "action": { "weightedTargets": [{ "virtualNode": "n1", "weight": 90 }] } } }
    });
    let created = ok("PUT", "/v20190125/meshes/m1/virtualRouter/r1/routes", Some(route));
    assert_eq!(created["metadata"]["arn"], "arn:aws:appmesh:us-east-1:123456789012:mesh/m1/virtualRouter/r1/route/all");
    let document: Value = serde_json::from_str(&stored().unwrap()).unwrap();
    let routes = &document["collections"]["mesh\u{1f}123456789012\u{1f}m1\u{1f}virtualRouter\u{1f}r1\u{1f}route"];
    assert_eq!(routes["all"]["metadata"]["uid"], created["metadata"]["uid"]);
    let (status, kind, message) = error("DELETE", "/v20190125/meshes/m1/virtualRouters/r1", None);
    assert_eq!((status, kind.as_str()), (409, "ResourceInUseException"));
    assert!(message.ends_with("it has routes: all"), "{message}");

    let gateway = json!({ "virtualGatewayName": "g1", "spec": { "listeners": [{ "portMapping": { "port": 8080, "protocol": "tcp" } }] } });
    let (status, _, message) = error("PUT", "/v20190125/meshes/m1/virtualGateways", Some(gateway));
    assert_eq!(status, 400);
    assert!(message.contains("spec.listeners[0].portMapping.protocol"), "{message}");
    let gateway = json!({ "virtualGatewayName": "g1", "spec": { "listeners": [{ "portMapping": { "port": 8080, "protocol": "http" } }] } });
    ok("PUT", "/v20190125/meshes/m1/virtualGateways", Some(gateway));
    let gateway_route = json!({
        "gatewayRouteName": "to-a",
        "spec": { "httpRoute": { "match": { "prefix": "/a" }, "action": { "target": { "virtualService": { "virtualServiceName": "a.local" } } } } }
    });
    assert_eq!(error("PUT", "/v20190125/meshes/m1/virtualGateway/g1/gatewayRoutes", Some(gateway_route.clone())).0, 404);
    create_service("m1", "a.local");
    ok("PUT", "/v20190125/meshes/m1/virtualGateway/g1/gatewayRoutes", Some(gateway_route));
    let listed = ok("GET", "/v20190125/meshes/m1/virtualGateway/g1/gatewayRoutes", None);
    assert_eq!(listed["gatewayRoutes"][0]["gatewayRouteName"], "to-a");
    assert_eq!(listed["gatewayRoutes"][0]["virtualGatewayName"], "g1");
}

#[wasm_bindgen_test]
fn the_consoles_own_calls_run_over_local_storage_and_a_failed_import_leaves_it_as_it_was() {
    fresh();
    let file = json!({"format": "mesh-console-mesh", "version": 1, "mesh": {
        "meshName": "shop",
        "virtualNodes": [{"name": "n1", "spec": {}}],
        "virtualServices": [{"name": "a.local", "spec": {"provider": {"virtualNode": {"virtualNodeName": "n1"}}}}],
    }});
    let applied = ok("POST", "/console-api/import/apply", Some(json!({"text": file.to_string()})));
    assert_eq!(applied["changes"].as_array().unwrap().len(), 3, "{applied}");
    let items = ok("GET", "/console-api/meshes/shop/virtualServices", None);
    assert_eq!(items["items"][0], ok("GET", "/v20190125/meshes/shop/virtualServices/a.local", None));
    let export = ok("GET", "/console-api/meshes/shop/export?format=cli", None);
    assert!(export["text"].as_str().unwrap().contains("create-virtual-node"));
    assert!(ok("GET", "/console-api/meshes/shop/checks", None)["findings"].is_array());

    let before = stored();
    let broken = json!({"format": "mesh-console-mesh", "version": 1, "mesh": {
        "meshName": "shop", "virtualNodes": [{"name": "n2", "spec": {"listeners": [{"portMapping": {"port": 0, "protocol": "http"}}]}}],
    }});
    let (status, kind, message) = error("POST", "/console-api/import/apply", Some(json!({"text": broken.to_string()})));
    assert_eq!((status, kind.as_str()), (400, "BadRequestException"), "{message}");
    assert_eq!(stored(), before, "nothing changed");
}
