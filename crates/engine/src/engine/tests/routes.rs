//! Routes in virtual routers, virtual gateways and their gateway routes: where they live, what
//! they name, and what naming them keeps from being deleted.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use serde_json::json;

fn route_spec(targets: &[(&str, u32)]) -> RouteSpec {
    let targets: Vec<_> = targets.iter().map(|(node, weight)| json!({ "virtualNode": node, "weight": weight })).collect();
    serde_json::from_value(json!({ "httpRoute": { "match": { "prefix": "/" }, "action": { "weightedTargets": targets } } })).unwrap()
}

fn gateway_spec() -> VirtualGatewaySpec {
    serde_json::from_value(json!({ "listeners": [{ "portMapping": { "port": 8080, "protocol": "http" } }] })).unwrap()
}

fn gateway_route_spec(service: &str) -> GatewayRouteSpec {
    serde_json::from_value(json!({ "httpRoute": { "match": { "prefix": "/orders" }, "action": { "target": { "virtualService": { "virtualServiceName": service } } } } }))
        .unwrap()
}

impl World {
    fn route(&mut self, mesh: &str, router: &str, name: &str, targets: &[(&str, u32)]) -> Result<RouteData, ApiError> {
        let input = CreateRouteInput { route_name: rn(name), spec: route_spec(targets), tags: None, client_token: None };
        self.call(|engine| engine.create_route(&at(mesh), &rn(router), input))
    }

    fn gateway(&mut self, mesh: &str, name: &str) -> VirtualGatewayData {
        let input = CreateVirtualGatewayInput { virtual_gateway_name: rn(name), spec: gateway_spec(), tags: None, client_token: None };
        self.call(|engine| engine.create_virtual_gateway(&at(mesh), input)).unwrap()
    }

    fn gateway_route(&mut self, mesh: &str, gateway: &str, name: &str, service: &str) -> Result<GatewayRouteData, ApiError> {
        let input =
            CreateGatewayRouteInput { gateway_route_name: rn(name), spec: gateway_route_spec(service), tags: None, client_token: None };
        self.call(|engine| engine.create_gateway_route(&at(mesh), &rn(gateway), input))
    }

    /// A mesh with a router, two nodes, a service and a gateway.
    fn orders() -> Self {
        let mut world = World::new();
        world.mesh("m1");
        world.router("m1", "orders-router");
        world.node("m1", "orders-v1");
        world.node("m1", "orders-v2");
        world.service("m1", "orders.local", None).unwrap();
        world.gateway("m1", "ingress");
        world
    }
}

#[test]
fn routes_and_gateway_routes_have_arns_under_their_parent_and_both_names() {
    let mut world = World::orders();
    let route = world.route("m1", "orders-router", "split", &[("orders-v1", 90), ("orders-v2", 10)]).unwrap();
    assert_eq!(route.metadata.arn, "arn:aws:appmesh:eu-west-1:111122223333:mesh/m1/virtualRouter/orders-router/route/split");
    assert_eq!((route.virtual_router_name.as_str(), route.route_name.as_str(), route.metadata.version), ("orders-router", "split", 1));
    let gateway_route = world.gateway_route("m1", "ingress", "to-orders", "orders.local").unwrap();
    assert_eq!(gateway_route.metadata.arn, "arn:aws:appmesh:eu-west-1:111122223333:mesh/m1/virtualGateway/ingress/gatewayRoute/to-orders");
    let gateway = world.call(|engine| engine.describe_virtual_gateway(&at("m1"), &rn("ingress"))).unwrap();
    assert_eq!(gateway.metadata.arn, "arn:aws:appmesh:eu-west-1:111122223333:mesh/m1/virtualGateway/ingress");
    let json = serde_json::to_value(&route).unwrap();
    assert_eq!(json["spec"]["httpRoute"]["action"]["weightedTargets"][1], json!({ "virtualNode": "orders-v2", "weight": 10 }));
}

#[test]
fn route_names_are_unique_in_their_router_only() {
    let mut world = World::orders();
    world.router("m1", "other-router");
    world.route("m1", "orders-router", "split", &[("orders-v1", 1)]).unwrap();
    let error = world.route("m1", "orders-router", "split", &[("orders-v1", 1)]).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ConflictException);
    assert_eq!(error.message, "Route with name split already exists in virtual router orders-router in mesh m1");
    world.route("m1", "other-router", "split", &[("orders-v1", 1)]).unwrap();
    let listed = world.call(|engine| engine.list_routes(&at("m1"), &rn("orders-router"), None, None)).unwrap();
    assert_eq!(listed.routes.len(), 1);
}

#[test]
fn a_route_needs_its_router_and_its_target_nodes() {
    let mut world = World::orders();
    let error = world.route("m1", "missing-router", "split", &[("orders-v1", 1)]).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    assert_eq!(error.message, "VirtualRouter with name missing-router is not present under mesh m1 for account 111122223333");
    let error = world.route("m1", "orders-router", "split", &[("orders-v1", 1), ("orders-v3", 1)]).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    assert_eq!(error.message, "VirtualNode with name orders-v3 is not present under mesh m1 for account 111122223333");
    let error = world.call(|engine| engine.describe_route(&at("m1"), &rn("orders-router"), &rn("split"))).unwrap_err();
    assert_eq!(
        error.message,
        "Route with name split is not present under virtual router orders-router in mesh m1 for account 111122223333"
    );
    let error = world.call(|engine| engine.list_routes(&at("m1"), &rn("missing-router"), None, None)).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
}

#[test]
fn an_update_checks_the_targets_again_and_bumps_the_version() {
    let mut world = World::orders();
    world.route("m1", "orders-router", "split", &[("orders-v1", 90), ("orders-v2", 10)]).unwrap();
    let update = |targets: &[(&str, u32)]| UpdateRouteInput { spec: route_spec(targets), client_token: None };
    let input = update(&[("gone", 1)]);
    let error = world.call(|engine| engine.update_route(&at("m1"), &rn("orders-router"), &rn("split"), input)).unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFoundException);
    let input = update(&[("orders-v1", 50), ("orders-v2", 50)]);
    let updated = world.call(|engine| engine.update_route(&at("m1"), &rn("orders-router"), &rn("split"), input)).unwrap();
    assert_eq!(updated.metadata.version, 2);
    assert_eq!(updated.spec, route_spec(&[("orders-v1", 50), ("orders-v2", 50)]));
}

#[test]
fn a_router_with_routes_and_a_targeted_node_cannot_be_deleted() {
    let mut world = World::orders();
    world.route("m1", "orders-router", "a", &[("orders-v1", 1)]).unwrap();
    world.route("m1", "orders-router", "b", &[("orders-v1", 1), ("orders-v2", 1)]).unwrap();
    let error = world.call(|engine| engine.delete_virtual_router(&at("m1"), &rn("orders-router"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ResourceInUseException);
    assert_eq!(error.message, "VirtualRouter with name orders-router cannot be deleted because it has routes: a, b");
    let error = world.call(|engine| engine.delete_virtual_node(&at("m1"), &rn("orders-v2"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ResourceInUseException);
    assert_eq!(error.message, "VirtualNode with name orders-v2 cannot be deleted because routes send traffic to it: orders-router/b");
    world.call(|engine| engine.delete_route(&at("m1"), &rn("orders-router"), &rn("b"))).unwrap();
    world.call(|engine| engine.delete_virtual_node(&at("m1"), &rn("orders-v2"))).unwrap();
    world.call(|engine| engine.delete_route(&at("m1"), &rn("orders-router"), &rn("a"))).unwrap();
    let deleted = world.call(|engine| engine.delete_virtual_router(&at("m1"), &rn("orders-router"))).unwrap();
    assert_eq!(deleted.status.status, StatusCode::Deleted);
}

#[test]
fn refusals_name_ten_and_count_the_rest() {
    let mut world = World::orders();
    for index in 0..12 {
        world.route("m1", "orders-router", &format!("r{index:02}"), &[("orders-v1", 1)]).unwrap();
    }
    let error = world.call(|engine| engine.delete_virtual_node(&at("m1"), &rn("orders-v1"))).unwrap_err();
    assert!(error.message.ends_with("orders-router/r09 and 2 more"), "{}", error.message);
}

#[test]
fn a_gateway_route_needs_its_gateway_and_its_service_which_it_then_keeps() {
    let mut world = World::orders();
    let error = world.gateway_route("m1", "missing", "to-orders", "orders.local").unwrap_err();
    assert_eq!(error.message, "VirtualGateway with name missing is not present under mesh m1 for account 111122223333");
    let error = world.gateway_route("m1", "ingress", "to-orders", "missing.local").unwrap_err();
    assert_eq!(error.message, "VirtualService with name missing.local is not present under mesh m1 for account 111122223333");
    world.gateway_route("m1", "ingress", "to-orders", "orders.local").unwrap();
    let error = world.call(|engine| engine.delete_virtual_service(&at("m1"), &sn("orders.local"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ResourceInUseException);
    assert_eq!(
        error.message,
        "VirtualService with name orders.local cannot be deleted because gateway routes send traffic to it: ingress/to-orders"
    );
    let error = world.call(|engine| engine.delete_virtual_gateway(&at("m1"), &rn("ingress"))).unwrap_err();
    assert_eq!(error.message, "VirtualGateway with name ingress cannot be deleted because it has gateway routes: to-orders");
    let error = world.call(|engine| engine.delete_mesh(&rn("m1"))).unwrap_err();
    assert!(error.message.contains("VirtualGateway ingress"), "{}", error.message);
    world.call(|engine| engine.delete_gateway_route(&at("m1"), &rn("ingress"), &rn("to-orders"))).unwrap();
    world.call(|engine| engine.delete_virtual_service(&at("m1"), &sn("orders.local"))).unwrap();
    world.call(|engine| engine.delete_virtual_gateway(&at("m1"), &rn("ingress"))).unwrap();
}

#[test]
fn quotas_of_routes_gateways_and_gateway_routes() {
    let quotas =
        Quotas { routes_per_virtual_router: 2, virtual_gateways_per_mesh: 1, gateway_routes_per_virtual_gateway: 1, ..Quotas::default() };
    let mut world = World::with_quotas(quotas);
    world.mesh("m1");
    world.router("m1", "r");
    world.node("m1", "n");
    world.service("m1", "s.local", None).unwrap();
    world.route("m1", "r", "a", &[("n", 1)]).unwrap();
    world.route("m1", "r", "b", &[("n", 1)]).unwrap();
    let error = world.route("m1", "r", "c", &[("n", 1)]).unwrap_err();
    assert_eq!(error.kind, ErrorKind::LimitExceededException);
    assert_eq!(error.message, "Virtual router r in mesh m1 already holds 2 resources of type Route, the most allowed");
    world.gateway("m1", "g");
    let input = CreateVirtualGatewayInput { virtual_gateway_name: rn("g2"), spec: gateway_spec(), tags: None, client_token: None };
    assert_eq!(world.call(|engine| engine.create_virtual_gateway(&at("m1"), input)).unwrap_err().kind, ErrorKind::LimitExceededException);
    world.gateway_route("m1", "g", "a", "s.local").unwrap();
    assert_eq!(world.gateway_route("m1", "g", "b", "s.local").unwrap_err().kind, ErrorKind::LimitExceededException);
}

#[test]
fn routes_page_within_their_router() {
    let mut world = World::orders();
    for name in ["a", "b", "c"] {
        world.route("m1", "orders-router", name, &[("orders-v1", 1)]).unwrap();
    }
    let first = world.call(|engine| engine.list_routes(&at("m1"), &rn("orders-router"), Some(PageLimit::new(2).unwrap()), None)).unwrap();
    assert_eq!(first.routes.iter().map(|route| route.route_name.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    let token = first.next_token.unwrap();
    let rest = world.call(|engine| engine.list_routes(&at("m1"), &rn("orders-router"), None, Some(&token))).unwrap();
    assert_eq!((rest.routes.len(), rest.routes[0].route_name.as_str(), rest.next_token), (1, "c", None));
    let error = world.call(|engine| engine.list_gateway_routes(&at("m1"), &rn("ingress"), None, Some(&token))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::BadRequestException, "a token of another list");
}

#[test]
fn tags_on_routes_gateways_and_gateway_routes() {
    let mut world = World::orders();
    let route = world.route("m1", "orders-router", "split", &[("orders-v1", 1)]).unwrap();
    let gateway_route = world.gateway_route("m1", "ingress", "to-orders", "orders.local").unwrap();
    let gateway_arn = world.call(|engine| engine.describe_virtual_gateway(&at("m1"), &rn("ingress"))).unwrap().metadata.arn;
    for arn in [route.metadata.arn, gateway_route.metadata.arn, gateway_arn] {
        let input = TagResourceInput { tags: tags(&[("team", "orders")]) };
        world.call(|engine| engine.tag_resource(&arn, input)).unwrap();
        let listed = world.call(|engine| engine.list_tags_for_resource(&arn, None, None)).unwrap();
        assert_eq!(listed.tags.len(), 1, "{arn}");
    }
    let missing = "arn:aws:appmesh:eu-west-1:111122223333:mesh/m1/virtualRouter/orders-router/route/nope";
    assert_eq!(world.call(|engine| engine.list_tags_for_resource(missing, None, None)).unwrap_err().kind, ErrorKind::NotFoundException);
    let mismatched = "arn:aws:appmesh:eu-west-1:111122223333:mesh/m1/virtualGateway/ingress/route/split";
    assert_eq!(
        world.call(|engine| engine.list_tags_for_resource(mismatched, None, None)).unwrap_err().kind,
        ErrorKind::BadRequestException
    );
}

#[test]
fn in_a_shared_mesh_a_consumers_route_is_its_own() {
    let mut world = World::orders();
    share(&mut world, "m1", "444455556666");
    world.as_caller("444455556666");
    let input = CreateRouteInput { route_name: rn("theirs"), spec: route_spec(&[("orders-v1", 1)]), tags: None, client_token: None };
    let route = world.call(|engine| engine.create_route(&shared_at("m1"), &rn("orders-router"), input)).unwrap();
    assert_eq!((route.metadata.mesh_owner.as_str(), route.metadata.resource_owner.as_str()), (OWNER, "444455556666"));
    world.as_caller(OWNER);
    let input = UpdateRouteInput { spec: route_spec(&[("orders-v2", 1)]), client_token: None };
    let error = world.call(|engine| engine.update_route(&at("m1"), &rn("orders-router"), &rn("theirs"), input)).unwrap_err();
    assert_eq!(error.kind, ErrorKind::ForbiddenException);
}

#[test]
fn a_client_token_makes_a_route_create_idempotent() {
    let mut world = World::orders();
    let input = CreateRouteInput { route_name: rn("split"), spec: route_spec(&[("orders-v1", 1)]), tags: None, client_token: token("t-1") };
    let first = world.call(|engine| engine.create_route(&at("m1"), &rn("orders-router"), input.clone())).unwrap();
    let again = world.call(|engine| engine.create_route(&at("m1"), &rn("orders-router"), input.clone())).unwrap();
    assert_eq!(first, again);
    let mut other = input;
    other.route_name = rn("other");
    assert_eq!(
        world.call(|engine| engine.create_route(&at("m1"), &rn("orders-router"), other)).unwrap_err().kind,
        ErrorKind::ConflictException
    );
}

#[test]
fn every_resources_list_item_is_kept_beside_it_through_creates_updates_and_deletes() {
    let mut world = World::orders();
    world.route("m1", "orders-router", "r1", &[("orders-v1", 1)]).unwrap();
    world.route("m1", "orders-router", "r2", &[("orders-v2", 1)]).unwrap();
    world.gateway_route("m1", "ingress", "gr1", "orders.local").unwrap();
    let update = UpdateRouteInput { spec: route_spec(&[("orders-v2", 1)]), client_token: None };
    world.call(|engine| engine.update_route(&at("m1"), &rn("orders-router"), &rn("r1"), update)).unwrap();
    world.call(|engine| engine.delete_route(&at("m1"), &rn("orders-router"), &rn("r2"))).unwrap();
    world.call(|engine| engine.delete_virtual_node(&at("m1"), &rn("orders-v1"))).unwrap();

    let (kept, records): (Vec<_>, Vec<_>) =
        world.store.entries().partition(|(collection, ..)| matches!(keys::collection(collection), Some(keys::Collection::Listing)));
    let kept: Vec<(String, String, String)> = kept.into_iter().map(|(c, k, v)| (c.to_owned(), k.to_owned(), v.to_owned())).collect();
    let mut rebuilt = listing::listings(records.into_iter()).unwrap();
    rebuilt.sort();
    assert_eq!(kept, rebuilt, "the items written with each change are those its record gives");
    assert_eq!(kept.len(), 6, "a node, a router, a service, a gateway, a route and a gateway route");

    let route: RouteRef = serde_json::from_str(&kept.iter().find(|(_, key, _)| key == "r1").unwrap().2).unwrap();
    assert_eq!((route.version, route.virtual_router_name.as_str()), (2, "orders-router"), "an update rewrites the item");
    let page = world.call(|engine| engine.list_routes_page(&at("m1"), &rn("orders-router"), Some(PageLimit::new(1).unwrap()), None));
    let body: serde_json::Value = serde_json::from_str(&page.unwrap().into_json()).unwrap();
    assert_eq!(body["routes"][0]["routeName"], "r1");
    assert_eq!(body["routes"].as_array().unwrap().len(), 1);
    assert!(body["nextToken"].is_null(), "r2 is deleted, so nothing follows r1");
}
