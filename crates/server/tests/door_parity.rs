//! Both front doors, one table: every request (App Mesh's and the console's own) goes to the
//! real server over HTTP and to the browser engine's door (run natively over memory), in
//! order, and both must answer the same status and body. Uids and times differ by nature and
//! are masked.

mod common;

use common::TestServer;
use mesh_browser_engine::{Home, engine_call};
use mesh_engine::engine::snapshot::Snapshot;
use mesh_engine::names::{AccountId, Region};
use mesh_engine::resource::Timestamp;
use mesh_engine::store::MemoryStore;
use mesh_engine::{ApiError, operation};
use serde_json::Value;

/// The browser door's store, in memory: writes run on a copy kept only on success, as
/// localStorage's are.
struct Memory(Snapshot);

impl Home for Memory {
    fn read(&mut self, run: impl FnOnce(&mut Snapshot) -> Result<String, ApiError>) -> Result<String, ApiError> {
        run(&mut self.0)
    }

    fn write(&mut self, run: impl FnOnce(&mut Snapshot) -> Result<String, ApiError>) -> Result<String, ApiError> {
        let mut working = self.0.clone();
        let answer = run(&mut working)?;
        self.0 = working;
        Ok(answer)
    }

    /// Now, as the server's clock says it: exports name today's date.
    fn now(&self) -> Timestamp {
        let elapsed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
        Timestamp::from_millis(i64::try_from(elapsed.as_millis()).unwrap())
    }

    fn new_uid(&self) -> String {
        "00000000-0000-4000-8000-000000000000".to_owned()
    }
}

fn browser(home: &mut Memory, method: &str, url: &str, body: &str) -> (u16, Value) {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let result = operation::path_segments(path).and_then(|segments| {
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        engine_call(home, method, &segments, query, body.as_bytes(), None)
    });
    match result {
        Ok(text) => (200, serde_json::from_str(&text).unwrap()),
        Err(error) => (error.kind.http_status(), serde_json::to_value(error.body()).unwrap()),
    }
}

async fn server(base: &str, method: &str, url: &str, body: &str) -> (u16, Value) {
    let response =
        reqwest::Client::new().request(method.parse().unwrap(), format!("{base}{url}")).body(body.to_owned()).send().await.unwrap();
    let status = response.status().as_u16();
    let error_type = response.headers().get("x-amzn-ErrorType").map(|value| value.to_str().unwrap().to_owned());
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_type.as_deref(), body.get("__type").and_then(Value::as_str), "{method} {url}");
    (status, body)
}

/// Uids, times and RAM share ids differ between two stores by nature.
fn masked(mut value: Value) -> Value {
    match &mut value {
        Value::Object(members) => {
            for (name, member) in members.iter_mut() {
                *member = if ["uid", "createdAt", "lastUpdatedAt", "creationTime", "lastUpdatedTime", "resourceShareArn"]
                    .contains(&name.as_str())
                {
                    Value::String("<masked>".into())
                } else {
                    masked(member.take())
                };
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| *item = masked(item.take())),
        _ => {}
    }
    value
}

const VS: &str = r#"{"virtualServiceName":"a.local","spec":{}}"#;
const NODE: &str = r#"{"virtualNodeName":"n1","spec":{}}"#;
const ROUTER: &str = r#"{"virtualRouterName":"r1","spec":{"listeners":[{"portMapping":{"port":80,"protocol":"http"}}]}}"#;
const ROUTE: &str =
    r#"{"routeName":"rt1","spec":{"httpRoute":{"match":{"prefix":"/"},"action":{"weightedTargets":[{"virtualNode":"n1","weight":1}]}}}}"#;
const GATEWAY: &str = r#"{"virtualGatewayName":"g1","spec":{"listeners":[{"portMapping":{"port":8080,"protocol":"http"}}]}}"#;
const GATEWAY_ROUTE: &str = r#"{"gatewayRouteName":"gr1","spec":{"httpRoute":{"match":{"prefix":"/"},"action":{"target":{"virtualService":{"virtualServiceName":"a.local"}}}}}}"#;
const IMPORT: &str = r#"{"text":"{\"format\":\"mesh-console-mesh\",\"version\":1,\"mesh\":{\"meshName\":\"m2\",\"virtualNodes\":[{\"name\":\"imported\",\"spec\":{}}]}}"}"#;
const BROKEN_IMPORT: &str = r#"{"text":"Resources:\n  N:\n    Type: AWS::AppMesh::VirtualNode\n    Properties:\n      MeshName: m1\n      VirtualNodeName: n\n      Spec:\n        Nope: 1\n"}"#;
const ARN: &str = "arn%3Aaws%3Aappmesh%3Aus-east-1%3A123456789012%3Amesh%2Fm1";

#[tokio::test]
async fn both_doors_answer_every_request_alike() {
    let cases: Vec<(&str, String, &str, Option<&str>)> = vec![
        ("PUT", "/v20190125/meshes".into(), r#"{"meshName":"m1"}"#, Some("CreateMesh")),
        ("GET", "/v20190125/meshes".into(), "", Some("ListMeshes")),
        ("GET", "/v20190125/meshes/m1".into(), "", Some("DescribeMesh")),
        ("PUT", "/v20190125/meshes/m1".into(), r#"{"spec":{"egressFilter":{"type":"ALLOW_ALL"}}}"#, Some("UpdateMesh")),
        ("PUT", "/v20190125/meshes/m1/virtualNodes".into(), NODE, Some("CreateVirtualNode")),
        ("GET", "/v20190125/meshes/m1/virtualNodes".into(), "", Some("ListVirtualNodes")),
        ("GET", "/v20190125/meshes/m1/virtualNodes/n1".into(), "", Some("DescribeVirtualNode")),
        ("PUT", "/v20190125/meshes/m1/virtualNodes/n1".into(), r#"{"spec":{}}"#, Some("UpdateVirtualNode")),
        ("PUT", "/v20190125/meshes/m1/virtualRouters".into(), ROUTER, Some("CreateVirtualRouter")),
        ("GET", "/v20190125/meshes/m1/virtualRouters?limit=1".into(), "", Some("ListVirtualRouters")),
        ("GET", "/v20190125/meshes/m1/virtualRouters/r1".into(), "", Some("DescribeVirtualRouter")),
        ("PUT", "/v20190125/meshes/m1/virtualRouters/r1".into(), r#"{"spec":{}}"#, Some("UpdateVirtualRouter")),
        ("PUT", "/v20190125/meshes/m1/virtualServices".into(), VS, Some("CreateVirtualService")),
        ("GET", "/v20190125/meshes/m1/virtualServices".into(), "", Some("ListVirtualServices")),
        ("GET", "/v20190125/meshes/m1/virtualServices/a.local".into(), "", Some("DescribeVirtualService")),
        (
            "PUT",
            "/v20190125/meshes/m1/virtualServices/a.local".into(),
            r#"{"spec":{"provider":{"virtualNode":{"virtualNodeName":"n1"}}}}"#,
            Some("UpdateVirtualService"),
        ),
        ("DELETE", "/v20190125/meshes/m1/virtualNodes/n1".into(), "", None),
        ("PUT", "/v20190125/meshes/m1/virtualRouter/r1/routes".into(), ROUTE, Some("CreateRoute")),
        ("GET", "/v20190125/meshes/m1/virtualRouter/r1/routes".into(), "", Some("ListRoutes")),
        ("GET", "/v20190125/meshes/m1/virtualRouter/r1/routes/rt1".into(), "", Some("DescribeRoute")),
        (
            "PUT",
            "/v20190125/meshes/m1/virtualRouter/r1/routes/rt1".into(),
            r#"{"spec":{"tcpRoute":{"action":{"weightedTargets":[{"virtualNode":"n1","weight":100}]}}}}"#,
            Some("UpdateRoute"),
        ),
        ("PUT", "/v20190125/meshes/m1/virtualRouter/r1/routes".into(), r#"{"routeName":"bad","spec":{"priority":1001}}"#, None),
        ("DELETE", "/v20190125/meshes/m1/virtualRouters/r1".into(), "", None),
        ("PUT", "/v20190125/meshes/m1/virtualGateways".into(), GATEWAY, Some("CreateVirtualGateway")),
        ("GET", "/v20190125/meshes/m1/virtualGateways".into(), "", Some("ListVirtualGateways")),
        ("GET", "/v20190125/meshes/m1/virtualGateways/g1".into(), "", Some("DescribeVirtualGateway")),
        (
            "PUT",
            "/v20190125/meshes/m1/virtualGateways/g1".into(),
            r#"{"spec":{"listeners":[{"portMapping":{"port":8443,"protocol":"http2"}}]}}"#,
            Some("UpdateVirtualGateway"),
        ),
        (
            "PUT",
            "/v20190125/meshes/m1/virtualGateways".into(),
            r#"{"virtualGatewayName":"g2","spec":{"listeners":[{"portMapping":{"port":1,"protocol":"tcp"}}]}}"#,
            None,
        ),
        ("PUT", "/v20190125/meshes/m1/virtualGateway/g1/gatewayRoutes".into(), GATEWAY_ROUTE, Some("CreateGatewayRoute")),
        ("GET", "/v20190125/meshes/m1/virtualGateway/g1/gatewayRoutes?limit=1".into(), "", Some("ListGatewayRoutes")),
        ("GET", "/v20190125/meshes/m1/virtualGateway/g1/gatewayRoutes/gr1".into(), "", Some("DescribeGatewayRoute")),
        (
            "PUT",
            "/v20190125/meshes/m1/virtualGateway/g1/gatewayRoutes/gr1".into(),
            r#"{"spec":{"http2Route":{"match":{"prefix":"/"},"action":{"target":{"virtualService":{"virtualServiceName":"a.local"}}}}}}"#,
            Some("UpdateGatewayRoute"),
        ),
        ("PUT", "/v20190125/meshes/m1/virtualGateway/none/gatewayRoutes".into(), GATEWAY_ROUTE, None),
        ("DELETE", "/v20190125/meshes/m1/virtualGateways/g1".into(), "", None),
        ("DELETE", "/v20190125/meshes/m1/virtualServices/a.local".into(), "", None),
        ("PUT", format!("/v20190125/tag?resourceArn={ARN}"), r#"{"tags":[{"key":"team","value":"a"}]}"#, Some("TagResource")),
        ("GET", format!("/v20190125/tags?resourceArn={ARN}"), "", Some("ListTagsForResource")),
        ("PUT", format!("/v20190125/untag?resourceArn={ARN}"), r#"{"tagKeys":["team"]}"#, Some("UntagResource")),
        (
            "POST",
            "/createresourceshare".into(),
            r#"{"name":"s","resourceArns":["arn:aws:appmesh:us-east-1:123456789012:mesh/m1"],"principals":["210987654321"]}"#,
            Some("CreateResourceShare"),
        ),
        ("DELETE", "/deleteresourceshare?resourceShareArn=nope".into(), "", Some("DeleteResourceShare")),
        // The console's own calls.
        ("GET", "/console-api/meshes/m1/virtualServices".into(), "", None),
        ("GET", "/console-api/meshes/m1/virtualNodes".into(), "", None),
        ("GET", "/console-api/meshes/m1/virtualRouters".into(), "", None),
        ("GET", "/console-api/meshes/m1/virtualGateways".into(), "", None),
        ("GET", "/console-api/meshes/m1/virtualRouter/r1/routes".into(), "", None),
        ("GET", "/console-api/meshes/m1/virtualGateway/g1/gatewayRoutes".into(), "", None),
        ("GET", "/console-api/meshes/m1/virtualServices?meshOwner=210987654321".into(), "", None),
        ("GET", "/console-api/meshes/nope/virtualNodes".into(), "", None),
        ("GET", "/console-api/meshes/m1/checks".into(), "", None),
        ("GET", "/console-api/checks".into(), "", None),
        ("GET", "/console-api/checks/AM0402".into(), "", None),
        ("GET", "/console-api/checks/AM9999".into(), "", None),
        ("GET", "/console-api/meshes/m1/topology?focus=virtualService/a.local".into(), "", None),
        ("GET", "/console-api/meshes/m1/topology?focus=route/x".into(), "", None),
        ("GET", "/console-api/meshes/m1/export?format=cli".into(), "", None),
        ("GET", "/console-api/meshes/m1/export?format=gateway-api".into(), "", None),
        ("GET", "/console-api/meshes/m1/export?format=kubernetes&kind=route&name=rt1&parent=r1".into(), "", None),
        ("GET", "/console-api/meshes/m1/export?format=xml".into(), "", None),
        (
            "POST",
            "/console-api/meshes/m1/export/virtualService?format=cloudformation".into(),
            r#"{"virtualServiceName":"new.local","spec":{}}"#,
            None,
        ),
        ("POST", "/console-api/meshes/m1/export/virtualService?format=cli".into(), r#"{"virtualServiceName":"new"}"#, None),
        ("POST", "/console-api/import/plan".into(), IMPORT, None),
        ("POST", "/console-api/import/apply".into(), IMPORT, None),
        ("POST", "/console-api/import/apply".into(), IMPORT, None),
        ("POST", "/console-api/import/apply".into(), BROKEN_IMPORT, None),
        ("GET", "/console-api/meshes/m2/virtualNodes".into(), "", None),
        ("DELETE", "/console-api/import/plan".into(), "", None),
        ("DELETE", "/v20190125/meshes/m2/virtualNodes/imported".into(), "", None),
        ("DELETE", "/v20190125/meshes/m2".into(), "", None),
        ("DELETE", "/v20190125/meshes/m1/virtualGateway/g1/gatewayRoutes/gr1".into(), "", Some("DeleteGatewayRoute")),
        ("DELETE", "/v20190125/meshes/m1/virtualGateways/g1".into(), "", Some("DeleteVirtualGateway")),
        ("DELETE", "/v20190125/meshes/m1/virtualRouter/r1/routes/rt1".into(), "", Some("DeleteRoute")),
        ("DELETE", "/v20190125/meshes/m1/virtualServices/a.local".into(), "", Some("DeleteVirtualService")),
        ("DELETE", "/v20190125/meshes/m1/virtualNodes/n1".into(), "", Some("DeleteVirtualNode")),
        ("DELETE", "/v20190125/meshes/m1/virtualRouters/r1".into(), "", Some("DeleteVirtualRouter")),
        // Unknown paths and wrong methods.
        ("PUT", "/v20190125/meshes/m1/virtualRouter/r1/routez".into(), "{}", None),
        ("DELETE", "/v20190125/meshes/m1/virtualRouters/r1/routes/x".into(), "", None),
        ("GET", "/v20190125".into(), "", None),
        ("POST", "/v20190125/meshes/m1".into(), "", None),
        ("GET", "/createresourceshare".into(), "", None),
        // Bad query values and paths.
        ("GET", "/v20190125/meshes?limit=0".into(), "", None),
        ("GET", "/v20190125/meshes?limit=abc".into(), "", None),
        ("GET", "/v20190125/meshes/m1?meshOwner=x".into(), "", None),
        ("GET", "/v20190125/meshes?nextToken=%".into(), "", None),
        ("GET", "/v20190125/meshes/%FF".into(), "", None),
        ("GET", "/v20190125/tags".into(), "", None),
        ("GET", "/v20190125/meshes/nope/virtualServices".into(), "", None),
        // Bad bodies.
        ("PUT", "/v20190125/meshes".into(), "", None),
        ("PUT", "/v20190125/meshes".into(), "{", None),
        ("PUT", "/v20190125/meshes".into(), r#"{"meshName":7}"#, None),
        ("PUT", "/v20190125/meshes/m1/virtualServices".into(), r#"{"virtualServiceName":"a"}"#, None),
        ("DELETE", "/v20190125/meshes/m1".into(), "", Some("DeleteMesh")),
    ];
    let dir = tempfile::tempdir().unwrap();
    let running = TestServer::start(dir.path()).await;
    let snapshot =
        Snapshot::new(AccountId::parse(common::DEFAULT_ACCOUNT).unwrap(), Region::parse("us-east-1").unwrap(), MemoryStore::new());
    let mut home = Memory(snapshot);
    let mut named = Vec::new();
    for (method, url, body, operation) in &cases {
        let (server_status, server_body) = server(&running.url, method, url, body).await;
        let (browser_status, browser_body) = browser(&mut home, method, url, body);
        assert_eq!((server_status, masked(server_body.clone())), (browser_status, masked(browser_body)), "{method} {url}");
        if let Some(operation) = operation {
            assert!(server_status == 200 || *operation == "DeleteResourceShare", "{method} {url}: {server_body}");
            named.push(*operation);
        }
    }
    named.sort_unstable();
    named.dedup();
    assert_eq!(named.len(), 40, "every operation is sent: {named:?}");
    running.stop().await;
}
