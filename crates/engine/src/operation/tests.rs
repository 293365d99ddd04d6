#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::ErrorKind;

fn parse(method: &str, url: &str, body: &str) -> Result<Operation, crate::ApiError> {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let segments = path_segments(path)?;
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    Operation::parse(method, &segments, &query_pairs(query)?, body.as_bytes())
}

#[test]
fn labels_and_queries_are_decoded_and_typed() {
    let operation = parse("GET", "/v20190125/meshes/m1/virtualServices/100%25.local?meshOwner=210987654321", "").unwrap();
    let Operation::DescribeVirtualService { mesh, name } = &operation else { panic!("{operation:?}") };
    assert_eq!((mesh.name.as_str(), mesh.owner.as_ref().map(|owner| owner.as_str())), ("m1", Some("210987654321")));
    assert_eq!(name.as_str(), "100%.local");
    assert_eq!((operation.name(), operation.writes()), ("DescribeVirtualService", false));
    let operation = parse("DELETE", "/v20190125/meshes/m1", "").unwrap();
    assert_eq!((operation.name(), operation.writes()), ("DeleteMesh", true));
}

#[test]
fn unknown_paths_and_wrong_methods_are_unknown_operations() {
    let error = parse("PUT", "/v20190125/meshes/demo/virtualRouters/r/routes", "{}").unwrap_err();
    assert_eq!(error.kind, ErrorKind::UnknownOperationException);
    assert_eq!(error.message, "No App Mesh operation at PUT /v20190125/meshes/demo/virtualRouters/r/routes");
    assert_eq!(error.kind.http_status(), 400);
    let error = parse("POST", "/v20190125/meshes/m1", "").unwrap_err();
    assert_eq!(error.kind, ErrorKind::UnknownOperationException);
    assert_eq!(error.message, "No operation is POST /v20190125/meshes/m1: that path takes GET, PUT, DELETE");
    assert_eq!(ErrorKind::from_code("UnknownOperationException"), Some(ErrorKind::UnknownOperationException));
}

#[test]
fn bad_parts_are_bad_requests_that_name_them() {
    let message = |method, url, body| parse(method, url, body).unwrap_err().message;
    assert_eq!(message("GET", "/v20190125/meshes?limit=0", ""), "limit: must be between 1 and 100, got 0");
    assert_eq!(message("GET", "/v20190125/tags?resourceArn=a&limit=51", ""), "limit: must be between 1 and 50, got 51");
    assert_eq!(message("GET", "/v20190125/meshes/m1?meshOwner=x", ""), "meshOwner: must be 12 digits, got \"x\"");
    assert!(message("GET", "/v20190125/meshes?nextToken=%E9", "").starts_with("Invalid query string: "));
    assert!(message("GET", "/v20190125/meshes/%FF", "").starts_with("Invalid path: "));
    assert_eq!(message("PUT", "/v20190125/meshes", ""), "The request body is empty; a JSON object is required");
    assert_eq!(message("GET", "/v20190125/meshes/", ""), "meshName: must be 1 to 255 characters long, got 0");
}
