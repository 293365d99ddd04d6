//! The console's own calls on the real server: described lists, checks, topology, export and
//! import, with their errors; an import that fails leaves the store as it was.

mod common;

use common::TestServer;
use serde_json::{Value, json};

const THREE: &str = include_str!("fixtures/three.cfn.yaml");
const BROKEN: &str = include_str!("fixtures/broken.cfn.yaml");

async fn call(server: &TestServer, method: &str, path: &str, body: &str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .request(method.parse().unwrap(), format!("{}{path}", server.url))
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let error_type = response.headers().get("x-amzn-ErrorType").map(|value| value.to_str().unwrap().to_owned());
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_type.as_deref(), body.get("__type").and_then(Value::as_str), "{method} {path}");
    (status, body)
}

/// A GET signed as `account` (a 12-digit access key id names the account).
async fn call_as(server: &TestServer, account: &str, path: &str) -> (u16, Value) {
    let authorization = format!("AWS4-HMAC-SHA256 Credential={account}/20261207/us-east-1/appmesh/aws4_request, Signature=0");
    let response = reqwest::Client::new().get(format!("{}{path}", server.url)).header("authorization", authorization).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

async fn ok(server: &TestServer, method: &str, path: &str, body: &str) -> Value {
    let (status, answer) = call(server, method, path, body).await;
    assert_eq!(status, 200, "{method} {path}: {answer}");
    answer
}

async fn error(server: &TestServer, method: &str, path: &str, body: &str, status: u16, kind: &str) -> String {
    let (got, answer) = call(server, method, path, body).await;
    assert_eq!((got, answer["__type"].as_str()), (status, Some(kind)), "{method} {path}: {answer}");
    answer["message"].as_str().unwrap().to_owned()
}

fn import(text: &str) -> String {
    json!({"text": text, "fileName": "stack.yaml"}).to_string()
}

#[tokio::test]
async fn a_described_list_answers_every_describe_in_list_order() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    ok(&server, "PUT", "/v20190125/meshes", r#"{"meshName":"m"}"#).await;
    for name in ["c.local", "a.local", "b.local"] {
        let body = json!({"virtualServiceName": name, "spec": {}}).to_string();
        ok(&server, "PUT", "/v20190125/meshes/m/virtualServices", &body).await;
    }
    ok(&server, "PUT", "/v20190125/meshes/m/virtualNodes", r#"{"virtualNodeName":"n","spec":{}}"#).await;
    let router = r#"{"virtualRouterName":"r","spec":{"listeners":[{"portMapping":{"port":80,"protocol":"http"}}]}}"#;
    ok(&server, "PUT", "/v20190125/meshes/m/virtualRouters", router).await;
    let route =
        r#"{"routeName":"rt","spec":{"httpRoute":{"match":{"prefix":"/"},"action":{"weightedTargets":[{"virtualNode":"n","weight":1}]}}}}"#;
    ok(&server, "PUT", "/v20190125/meshes/m/virtualRouter/r/routes", route).await;

    let listed = ok(&server, "GET", "/v20190125/meshes/m/virtualServices", "").await;
    let described = ok(&server, "GET", "/console-api/meshes/m/virtualServices", "").await;
    let items = described["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    for (item, listed) in items.iter().zip(listed["virtualServices"].as_array().unwrap()) {
        let name = listed["virtualServiceName"].as_str().unwrap();
        assert_eq!(item, &ok(&server, "GET", &format!("/v20190125/meshes/m/virtualServices/{name}"), "").await);
    }
    let routes = ok(&server, "GET", "/console-api/meshes/m/virtualRouter/r/routes", "").await;
    assert_eq!(routes["items"][0], ok(&server, "GET", "/v20190125/meshes/m/virtualRouter/r/routes/rt", "").await);
    for list in ["virtualNodes", "virtualRouters", "virtualGateways"] {
        let answer = ok(&server, "GET", &format!("/console-api/meshes/m/{list}"), "").await;
        assert_eq!(answer["items"].as_array().unwrap().len(), usize::from(list != "virtualGateways"), "{list}");
    }

    error(&server, "GET", "/console-api/meshes/nope/virtualServices", "", 404, "NotFoundException").await;
    error(&server, "GET", "/console-api/meshes/m/virtualGateway/none/gatewayRoutes", "", 404, "NotFoundException").await;
    // A mesh another account owns, and not shared: as Describe answers it.
    error(&server, "GET", "/console-api/meshes/m/virtualServices?meshOwner=210987654321", "", 404, "NotFoundException").await;
    error(&server, "GET", "/console-api/meshes/m/virtualServices?meshOwner=x", "", 400, "BadRequestException").await;
    // Another account sees the list once the mesh is shared with it, naming its owner.
    let consumer = "210987654321";
    let as_consumer = format!("/console-api/meshes/m/virtualServices?meshOwner={}", common::DEFAULT_ACCOUNT);
    assert_eq!(call_as(&server, consumer, &as_consumer).await.0, 404);
    common::share_mesh(&server, "m", consumer).await;
    let (status, shared) = call_as(&server, consumer, &as_consumer).await;
    assert_eq!((status, shared["items"].as_array().map(Vec::len)), (200, Some(3)), "{shared}");
    error(&server, "PUT", "/console-api/meshes/m/virtualServices", "", 400, "UnknownOperationException").await;
    error(&server, "GET", "/console-api/nothing", "", 400, "UnknownOperationException").await;
    server.stop().await;
}

#[tokio::test]
async fn checks_topology_and_exports_read_the_stored_mesh() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    ok(&server, "PUT", "/v20190125/meshes", r#"{"meshName":"m"}"#).await;
    // A service whose provider router has no routes: an error the checks find.
    let router = r#"{"virtualRouterName":"r","spec":{"listeners":[{"portMapping":{"port":80,"protocol":"http"}}]}}"#;
    ok(&server, "PUT", "/v20190125/meshes/m/virtualRouters", router).await;
    let service = r#"{"virtualServiceName":"a.local","spec":{"provider":{"virtualRouter":{"virtualRouterName":"r"}}}}"#;
    ok(&server, "PUT", "/v20190125/meshes/m/virtualServices", service).await;

    let catalogue = ok(&server, "GET", "/console-api/checks", "").await;
    let first = &catalogue["checks"][0];
    assert_eq!((first["code"].as_str(), first["severity"].as_str()), (Some("AM0101"), Some("error")));
    assert!(first["title"].is_string());
    let check = ok(&server, "GET", "/console-api/checks/am0201", "").await;
    assert_eq!(check["code"], "AM0201");
    assert!(!check["why"].as_array().unwrap().is_empty());
    error(&server, "GET", "/console-api/checks/AM9999", "", 404, "NotFoundException").await;

    let findings = ok(&server, "GET", "/console-api/meshes/m/checks", "").await;
    let finding = &findings["findings"][0];
    assert_eq!(finding["code"], "AM0202", "{findings}");
    assert_eq!(finding["resource"], json!({"kind": "virtualService", "name": "a.local"}));
    error(&server, "GET", "/console-api/meshes/nope/checks", "", 404, "NotFoundException").await;

    let topology = ok(&server, "GET", "/console-api/meshes/m/topology?focus=virtualService/a.local", "").await;
    assert_eq!(topology["focus"], "a.local");
    let boxed = topology["boxes"].as_array().unwrap().iter().find(|drawn| drawn["name"] == "a.local").unwrap();
    assert!(boxed["x"].is_number() && boxed["width"].is_number() && boxed["inFocus"] == true, "{boxed}");
    assert!(topology["edges"].as_array().unwrap().iter().any(|edge| edge["kind"] == "providerRouter"));
    error(&server, "GET", "/console-api/meshes/m/topology?focus=virtualNode/x", "", 400, "BadRequestException").await;

    let export = ok(&server, "GET", "/console-api/meshes/m/export?format=cli", "").await;
    assert_eq!(export["format"], "cli");
    assert!(export["fileName"].as_str().unwrap().starts_with("m-cli-"));
    assert_eq!(export["mediaType"], "text/x-shellscript");
    assert!(export["text"].as_str().unwrap().contains("create-virtual-service"));
    let istio = ok(&server, "GET", "/console-api/meshes/m/export?format=istio", "").await;
    assert_eq!(istio["report"]["target"], "istio");
    let one = ok(&server, "GET", "/console-api/meshes/m/export?format=cloudformation&kind=virtualService&name=a.local", "").await;
    assert!(one["fileName"].as_str().unwrap().starts_with("m-a.local-cloudformation-"), "{one}");
    assert!(!one["text"].as_str().unwrap().contains("AWS::AppMesh::Mesh"));
    let message = error(&server, "GET", "/console-api/meshes/m/export?format=yaml", "", 400, "BadRequestException").await;
    assert!(message.starts_with("format: must be one of cli, json,"), "{message}");
    error(&server, "GET", "/console-api/meshes/m/export", "", 400, "BadRequestException").await;
    error(&server, "GET", "/console-api/meshes/m/export?format=cli&kind=route&name=x", "", 400, "BadRequestException").await;
    error(&server, "GET", "/console-api/meshes/m/export?format=cli&kind=virtualNode&name=x", "", 404, "NotFoundException").await;
    error(&server, "GET", "/console-api/meshes/nope/export?format=cli", "", 404, "NotFoundException").await;

    // The wizard's review: the command for a service not created yet; nothing is written.
    let wanted = r#"{"virtualServiceName":"b.local","spec":{},"tags":[{"key":"team","value":"x"}]}"#;
    let preview = ok(&server, "POST", "/console-api/meshes/m/export/virtualService?format=cli", wanted).await;
    let text = preview["text"].as_str().unwrap();
    assert!(text.contains("--virtual-service-name 'b.local'") && text.contains("team"), "{text}");
    let services = ok(&server, "GET", "/v20190125/meshes/m/virtualServices", "").await;
    assert_eq!(services["virtualServices"].as_array().unwrap().len(), 1);
    let bad = r#"{"virtualServiceName":"b.local","spec":{"provider":{}}}"#;
    error(&server, "POST", "/console-api/meshes/m/export/virtualService?format=cli", bad, 400, "BadRequestException").await;
    error(&server, "POST", "/console-api/meshes/nope/export/virtualService?format=cli", wanted, 404, "NotFoundException").await;
    server.stop().await;
}

#[tokio::test]
async fn an_import_plans_applies_whole_and_reapplies_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;

    let plan = ok(&server, "POST", "/console-api/import/plan", &import(THREE)).await;
    assert_eq!((plan["format"].as_str(), plan["ready"].as_bool()), (Some("cloudFormation"), Some(true)), "{plan}");
    let actions: Vec<(&str, &str)> =
        plan["resources"].as_array().unwrap().iter().map(|r| (r["kind"].as_str().unwrap(), r["action"].as_str().unwrap())).collect();
    assert_eq!(actions, [("mesh", "create"), ("virtualNode", "create"), ("virtualService", "create")]);
    assert_eq!(plan["resources"][1]["place"]["logicalId"], "Orders");
    assert_eq!(plan["parameters"][0]["name"], "OrdersPort");
    assert_eq!((plan["parameters"][0]["default"].as_str(), plan["parameters"][0]["outside"].as_bool()), (Some("8080"), Some(false)));
    assert_eq!(plan["checks"][0]["mesh"], "shop");
    assert!(plan["checks"][0]["findings"].is_array());
    assert!(ok(&server, "GET", "/v20190125/meshes", "").await["meshes"].as_array().unwrap().is_empty(), "a plan writes nothing");

    let applied = ok(&server, "POST", "/console-api/import/apply", &import(THREE)).await;
    let changes: Vec<&str> = applied["changes"].as_array().unwrap().iter().map(|c| c["action"].as_str().unwrap()).collect();
    assert_eq!(changes, ["create", "create", "create"]);
    let node = ok(&server, "GET", "/v20190125/meshes/shop/virtualNodes/orders", "").await;
    assert_eq!(node["spec"]["listeners"][0]["portMapping"]["port"], 8080);

    let again = ok(&server, "POST", "/console-api/import/apply", &import(THREE)).await;
    assert!(again["changes"].as_array().unwrap().iter().all(|c| c["action"] == "unchanged"), "{again}");
    assert_eq!(ok(&server, "GET", "/v20190125/meshes/shop/virtualNodes/orders", "").await["metadata"]["version"], 1);

    // Another value of the parameter: the plan says what differs, the apply updates it.
    let changed = json!({"text": THREE, "parameters": {"OrdersPort": "9090"}}).to_string();
    let plan = ok(&server, "POST", "/console-api/import/plan", &changed).await;
    assert_eq!(plan["resources"][1]["action"], "update");
    assert_eq!(
        plan["resources"][1]["differences"][0],
        json!({"member": "spec.listeners[0].portMapping.port", "current": "8080", "wanted": "9090"})
    );
    assert_eq!(plan["resources"][2]["action"], "unchanged");
    ok(&server, "POST", "/console-api/import/apply", &changed).await;
    assert_eq!(
        ok(&server, "GET", "/v20190125/meshes/shop/virtualNodes/orders", "").await["spec"]["listeners"][0]["portMapping"]["port"],
        9090
    );

    // A file for another mesh than the one the console imports into.
    let elsewhere = json!({"text": THREE, "mesh": "other"}).to_string();
    let message = error(&server, "POST", "/console-api/import/apply", &elsewhere, 400, "BadRequestException").await;
    assert!(message.contains("The file is for mesh shop, and this import is into mesh other"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn an_import_with_an_error_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(dir.path()).await;
    ok(&server, "POST", "/console-api/import/apply", &import(THREE)).await;
    let before = ok(&server, "GET", "/console-api/store", "").await;

    let plan = ok(&server, "POST", "/console-api/import/plan", &import(BROKEN)).await;
    assert_eq!(plan["ready"], false);
    let bad = plan["resources"].as_array().unwrap().iter().find(|r| r["name"] == "bad").unwrap();
    assert_eq!(
        bad["problems"][0],
        json!({"line": 21, "message": "spec.listeners[0].portMapping.port: must be between 1 and 65535, got 70000"})
    );
    let message = error(&server, "POST", "/console-api/import/apply", &import(BROKEN), 400, "BadRequestException").await;
    assert!(message.contains("Bad (line 21): spec.listeners[0].portMapping.port"), "{message}");
    assert!(message.contains("nothing was changed"), "{message}");

    let unreadable = error(&server, "POST", "/console-api/import/apply", &import("Resources: [\n"), 400, "BadRequestException").await;
    assert!(unreadable.contains("line "), "{unreadable}");
    error(&server, "POST", "/console-api/import/apply", r#"{"fileName":"x"}"#, 400, "BadRequestException").await;
    error(&server, "GET", "/console-api/import/apply", "", 400, "UnknownOperationException").await;

    // Reads whole, but the engine refuses the second mesh's node (its mesh is missing): the
    // first mesh's resources, created in the same call, are gone with it.
    let dump = format!(
        "{}\n{}",
        json!({"mesh": {"meshName": "fresh", "spec": {}, "metadata": {}, "status": {"status": "ACTIVE"}}}),
        json!({"virtualNode": {"meshName": "absent", "virtualNodeName": "n", "spec": {}, "metadata": {}, "status": {"status": "ACTIVE"}}})
    );
    let message = error(&server, "POST", "/console-api/import/apply", &import(&dump), 404, "NotFoundException").await;
    assert!(message.contains("mesh absent"), "{message}");
    assert_eq!(ok(&server, "GET", "/console-api/store", "").await, before, "the store is as it was");
    server.stop().await;
}
