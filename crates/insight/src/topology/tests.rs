//! The topology of small meshes, and the layout's invariants over the healthy mesh, the
//! issue's example and random meshes.

use super::*;
use crate::checks::run;
use crate::testing::{config, healthy, push};
use serde_json::{Value, json};

fn topology_of(mesh: Value, focus: Option<&str>) -> (MeshConfig, Topology) {
    let config = config(mesh);
    let findings = run(&config);
    let topology = topology(&config, &findings, focus);
    assert_invariants(&config, &topology);
    (config, topology)
}

fn find<'a>(topology: &'a Topology, id: &str) -> &'a GraphBox {
    topology.boxes.iter().find(|drawn| drawn.id == id).unwrap_or_else(|| panic!("no box {id}"))
}

fn edge<'a>(topology: &'a Topology, from: &str, to: &str) -> &'a Edge {
    topology.edges.iter().find(|edge| edge.from == from && edge.to == to).unwrap_or_else(|| panic!("no edge {from} → {to}"))
}

/// The columns from left to right: each kind, and (`true`) the backends.
const COLUMN_ORDER: [(ResourceKind, bool); 7] = [
    (ResourceKind::VirtualGateway, false),
    (ResourceKind::GatewayRoute, false),
    (ResourceKind::VirtualService, false),
    (ResourceKind::VirtualRouter, false),
    (ResourceKind::Route, false),
    (ResourceKind::VirtualNode, false),
    (ResourceKind::VirtualService, true),
];

fn rank(column: &Column) -> usize {
    COLUMN_ORDER.iter().position(|place| *place == (column.kind, column.backends)).expect("a known column")
}

/// What must hold of every layout.
fn assert_invariants(config: &MeshConfig, topology: &Topology) {
    let boxes = &topology.boxes;
    for (index, a) in boxes.iter().enumerate() {
        for b in &boxes[index + 1..] {
            let apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
            assert!(apart, "{} and {} overlap", a.id, b.id);
        }
        assert!(
            a.x >= 0 && a.y >= 0 && a.x + a.width <= topology.width && a.y + a.height <= topology.height,
            "{} is inside the drawing",
            a.id
        );
        let column = &topology.columns[a.layer];
        assert_eq!((a.resource.kind, a.backend), (column.kind, column.backends), "{} is in the column of its kind", a.id);
        assert!(a.x >= column.x && a.x + a.width <= column.x + column.width, "{} is inside its column", a.id);
    }
    for pair in topology.columns.windows(2) {
        assert!(pair[0].x + pair[0].width < pair[1].x, "columns go left to right without overlapping");
        assert!(rank(&pair[0]) < rank(&pair[1]), "columns are in the order of kinds");
    }
    let mut ids: Vec<&str> = boxes.iter().map(|drawn| drawn.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), boxes.len(), "box ids are unique");
    let order: Vec<(usize, i32)> = boxes.iter().map(|drawn| (drawn.layer, drawn.y)).collect();
    assert!(order.windows(2).all(|pair| pair[0] <= pair[1]), "boxes are column by column, top to bottom");

    let by_id = |id: &str| boxes.iter().find(|drawn| drawn.id == id).unwrap_or_else(|| panic!("edge end {id} is a box"));
    for edge in &topology.edges {
        let (from, to) = (by_id(&edge.from), by_id(&edge.to));
        assert!(from.layer < to.layer, "{} → {} goes left to right", edge.from, edge.to);
        assert!(edge.points.windows(2).all(|pair| pair[0].x <= pair[1].x), "{} → {} never goes back", edge.from, edge.to);
        assert_eq!(edge.points[0], Point { x: from.x + from.width, y: from.y + from.height / 2 });
        assert_eq!(*edge.points.last().unwrap(), Point { x: to.x, y: to.y + to.height / 2 });
        // Slanted only in the gaps between columns, and never through a box.
        for segment in edge.points.windows(2) {
            let (a, b) = (segment[0], segment[1]);
            let in_column = topology.columns.iter().any(|column| a.x.max(b.x) > column.x && a.x.min(b.x) < column.x + column.width);
            assert!(a.y == b.y || !in_column, "{} → {} slants only between columns: {a:?} {b:?}", edge.from, edge.to);
            for drawn in boxes.iter().filter(|drawn| drawn.id != from.id && drawn.id != to.id) {
                assert!(!crosses(a, b, drawn), "{} → {} passes through {}", edge.from, edge.to, drawn.id);
            }
        }
    }

    // Every resource of the configuration is drawn once, as itself.
    let own = |kind: ResourceKind, parent: Option<&str>, name: &str| {
        let resource = ResourceRef { kind, parent: parent.map(str::to_owned), name: name.to_owned() };
        boxes.iter().filter(|drawn| drawn.resource == resource && !drawn.backend && !drawn.missing).count()
    };
    let mut resources: Vec<(ResourceKind, Option<&str>, &str)> = Vec::new();
    resources.extend(config.virtual_nodes.iter().map(|node| (ResourceKind::VirtualNode, None, node.name.as_str())));
    resources.extend(config.virtual_routers.iter().map(|router| (ResourceKind::VirtualRouter, None, router.name.as_str())));
    resources.extend(config.virtual_services.iter().map(|service| (ResourceKind::VirtualService, None, service.name.as_str())));
    resources.extend(config.virtual_gateways.iter().map(|gateway| (ResourceKind::VirtualGateway, None, gateway.name.as_str())));
    resources.extend(config.routes.iter().map(|route| (ResourceKind::Route, Some(route.parent.as_str()), route.name.as_str())));
    resources
        .extend(config.gateway_routes.iter().map(|route| (ResourceKind::GatewayRoute, Some(route.parent.as_str()), route.name.as_str())));
    for (kind, parent, name) in resources {
        assert_eq!(own(kind, parent, name), 1, "{kind:?} {name} is drawn once");
    }

    // The shares of each route add up to 100.
    for route in &config.routes {
        let id = format!("route/{}/{}", route.parent, route.name);
        let shares: Vec<u32> =
            topology.edges.iter().filter(|edge| edge.from == id).map(|edge| u32::from(edge.share.expect("a target's share"))).collect();
        assert_eq!(shares.len(), route.spec.weighted_targets().as_slice().len());
        assert_eq!(shares.iter().sum::<u32>(), 100, "the shares of {id}");
    }
}

/// Whether the segment from `a` to `b` enters the inside of a box.
fn crosses(a: Point, b: Point, drawn: &GraphBox) -> bool {
    let steps = (b.x - a.x).abs().max((b.y - a.y).abs()).max(1);
    (0..=steps).any(|step| {
        let x = f64::from(a.x) + f64::from(b.x - a.x) * f64::from(step) / f64::from(steps);
        let y = f64::from(a.y) + f64::from(b.y - a.y) * f64::from(step) / f64::from(steps);
        x > f64::from(drawn.x) && x < f64::from(drawn.x + drawn.width) && y > f64::from(drawn.y) && y < f64::from(drawn.y + drawn.height)
    })
}

#[test]
fn the_healthy_mesh_is_drawn_in_its_columns() {
    let (_, topology) = topology_of(healthy(), None);
    let columns: Vec<(ResourceKind, bool)> = topology.columns.iter().map(|column| (column.kind, column.backends)).collect();
    assert_eq!(columns, COLUMN_ORDER);
    let route = find(&topology, "route/orders/canary");
    assert_eq!((route.label.as_str(), route.detail.as_deref()), ("canary", Some("http /")));
    assert_eq!(find(&topology, "virtualNode/web").detail.as_deref(), Some("http:8080"));
    assert_eq!(edge(&topology, "virtualService/web.shop.local", "virtualNode/web").label.as_deref(), Some("node"));
    assert_eq!(edge(&topology, "virtualService/orders.shop.local", "virtualRouter/orders").kind, EdgeKind::ProviderRouter);
    assert!(topology.boxes.iter().all(|drawn| drawn.severity.is_none() && drawn.codes.is_empty()));
}

/// The example: a gateway, a router with a 90/10 route, and a node with a dangling backend.
#[test]
fn a_dangling_backend_is_a_missing_box_with_its_finding() {
    let mut mesh = healthy();
    push(&mut mesh["virtualNodes"][1]["spec"], "backends", json!({"virtualService": {"virtualServiceName": "ghost.shop.local"}}));
    let (_, topology) = topology_of(mesh, None);
    let ghost = find(&topology, "backend/ghost.shop.local");
    assert!(ghost.backend && ghost.missing);
    assert_eq!((ghost.severity, ghost.codes.as_slice()), (Some(Severity::Error), [Code::BackendServiceMissing].as_slice()));
    assert_eq!(ghost.detail.as_deref(), Some("not in the mesh"));
    let node = find(&topology, "virtualNode/orders-v1");
    assert_eq!(node.codes, [Code::BackendServiceMissing]);
    assert_eq!(edge(&topology, "virtualNode/orders-v1", "backend/ghost.shop.local").kind, EdgeKind::Backend);
    let shares: Vec<(Option<u8>, Option<&str>)> = ["orders-v1", "orders-v2"]
        .iter()
        .map(|node| edge(&topology, "route/orders/canary", &format!("virtualNode/{node}")))
        .map(|edge| (edge.share, edge.label.as_deref()))
        .collect();
    assert_eq!(shares, [(Some(90), Some("90%")), (Some(10), Some("10%"))]);
    // The backend copy of a service that exists links to the same service and is not missing.
    let orders = find(&topology, "backend/orders.shop.local");
    assert_eq!((orders.backend, orders.missing), (true, false));
    assert_eq!(orders.resource, ResourceRef::new(ResourceKind::VirtualService, "orders.shop.local"));
}

#[test]
fn resources_named_but_missing_are_drawn_where_they_would_be() {
    let mut mesh = healthy();
    mesh["virtualServices"][0]["spec"]["provider"] = json!({"virtualRouter": {"virtualRouterName": "ghost-router"}});
    mesh["routes"][0]["spec"]["httpRoute"]["action"]["weightedTargets"][1]["virtualNode"] = json!("orders-v3");
    mesh["gatewayRoutes"][0]["spec"]["httpRoute"]["action"]["target"]["virtualService"]["virtualServiceName"] = json!("ghost.shop.local");
    let (_, topology) = topology_of(mesh, None);
    for (id, code) in [
        ("virtualRouter/ghost-router", Code::ProviderMissing),
        ("virtualNode/orders-v3", Code::TargetNodeMissing),
        ("virtualService/ghost.shop.local", Code::GatewayTargetMissing),
    ] {
        let missing = find(&topology, id);
        assert!(missing.missing && !missing.backend, "{id}");
        assert!(missing.codes.contains(&code), "{id} carries {code}");
    }
}

#[test]
fn a_service_provided_by_a_node_spans_columns_between_boxes() {
    let mut mesh = healthy();
    // More routes and routers, so that the columns the provider edge crosses hold boxes.
    for index in 0..4 {
        push(
            &mut mesh,
            "virtualRouters",
            json!({"name": format!("r{index}"), "spec": {"listeners": [{"portMapping": {"port": 8080, "protocol": "http"}}]}}),
        );
        let route =
            json!({"httpRoute": {"match": {"prefix": "/"}, "action": {"weightedTargets": [{"virtualNode": "orders-v1", "weight": 1}]}}});
        push(&mut mesh, "routes", json!({"parent": format!("r{index}"), "name": "all", "spec": route}));
    }
    let (_, topology) = topology_of(mesh, None);
    let provider = edge(&topology, "virtualService/web.shop.local", "virtualNode/web");
    let bends: Vec<i32> = provider.points.windows(2).filter(|pair| pair[0].y == pair[1].y).map(|pair| pair[0].x).collect();
    assert!(bends.len() >= 4, "across its own column's edge, the two columns between, and into the node's: {:?}", provider.points);
}

#[test]
fn the_focus_marks_what_a_service_reaches_and_what_reaches_it() {
    let mut mesh = healthy();
    let audit = json!({"listeners": [{"portMapping": {"port": 8080, "protocol": "http"}}], "serviceDiscovery": {"dns": {"hostname": "audit.shop.local"}}});
    push(&mut mesh, "virtualNodes", json!({"name": "audit", "spec": audit}));
    push(
        &mut mesh,
        "virtualServices",
        json!({"name": "audit.shop.local", "spec": {"provider": {"virtualNode": {"virtualNodeName": "audit"}}}}),
    );
    let (_, topology) = topology_of(mesh.clone(), Some("orders.shop.local"));
    assert_eq!(topology.focus.as_deref(), Some("orders.shop.local"));
    let in_focus: Vec<&str> = topology.boxes.iter().filter(|drawn| drawn.in_focus).map(|drawn| drawn.id.as_str()).collect();
    for id in [
        "virtualGateway/ingress",
        "gatewayRoute/ingress/to-web",
        "virtualService/web.shop.local",
        "virtualService/orders.shop.local",
        "virtualRouter/orders",
        "route/orders/canary",
        "virtualNode/web",
        "virtualNode/orders-v1",
        "virtualNode/orders-v2",
        "backend/orders.shop.local",
    ] {
        assert!(in_focus.contains(&id), "{id} is in focus: {in_focus:?}");
    }
    assert!(!in_focus.contains(&"virtualService/audit.shop.local") && !in_focus.contains(&"virtualNode/audit"));
    assert!(edge(&topology, "route/orders/canary", "virtualNode/orders-v1").in_focus);
    assert!(!edge(&topology, "virtualService/audit.shop.local", "virtualNode/audit").in_focus);

    // Focused on the web service: the orders service is reached through web's backend.
    let (_, web) = topology_of(mesh.clone(), Some("web.shop.local"));
    assert!(find(&web, "virtualNode/orders-v2").in_focus && !find(&web, "virtualNode/audit").in_focus);

    // A name that is no virtual service of the mesh focuses nothing.
    let (_, nothing) = topology_of(mesh, Some("ghost.shop.local"));
    assert_eq!(nothing.focus, None);
    assert!(nothing.boxes.iter().all(|drawn| !drawn.in_focus) && nothing.edges.iter().all(|edge| !edge.in_focus));
}

#[test]
fn shares_are_whole_percents_that_add_up_to_100() {
    assert_eq!(graph::shares(&[90, 10]), [90, 10]);
    assert_eq!(graph::shares(&[1, 1, 1]), [34, 33, 33]);
    assert_eq!(graph::shares(&[1, 2]), [33, 67]);
    assert_eq!(graph::shares(&[0, 5]), [0, 100]);
    assert_eq!(graph::shares(&[0, 1, 1, 1]), [0, 34, 33, 33]);
}

#[test]
fn the_topology_serializes_for_the_console() {
    let (_, topology) = topology_of(healthy(), Some("web.shop.local"));
    let json = serde_json::to_value(&topology).unwrap();
    let node = json["boxes"].as_array().unwrap().iter().find(|drawn| drawn["id"] == "virtualNode/web").unwrap();
    assert_eq!(node["kind"], "virtualNode");
    assert_eq!(node["name"], "web");
    assert_eq!(node["inFocus"], true);
    assert!(node.get("parent").is_none() && node.get("missing").is_none());
    let route = json["boxes"].as_array().unwrap().iter().find(|drawn| drawn["id"] == "route/orders/canary").unwrap();
    assert_eq!(route["parent"], "orders");
    assert_eq!(json["columns"][6]["backends"], true);
    let read: Topology = serde_json::from_value(json).unwrap();
    assert_eq!(read, topology);
}

#[test]
fn an_empty_mesh_has_an_empty_drawing() {
    let (_, topology) = topology_of(json!({"meshName": "empty"}), None);
    assert!(topology.boxes.is_empty() && topology.edges.is_empty() && topology.columns.is_empty());
    assert!(topology.width > 0 && topology.height > 0);
}

/// A mesh made from bytes: each byte a decision (how many, which one, which port); names
/// past the end of a list are resources that do not exist.
#[cfg(not(target_arch = "wasm32"))]
fn random_mesh(bytes: &[u8]) -> Value {
    let mut bytes = bytes.iter().copied();
    let mut next = move |below: u8| bytes.next().unwrap_or(0) % below;
    let protocols = ["http", "http2", "grpc", "tcp"];
    let (nodes, routers, services, gateways) = (next(10), next(5), next(8), next(3));
    let mut mesh = json!({"meshName": "random", "virtualNodes": [], "virtualRouters": [], "routes": [], "virtualServices": [], "virtualGateways": [], "gatewayRoutes": []});
    let listeners = |next: &mut dyn FnMut(u8) -> u8, protocols: &[&str]| -> Value {
        (0..next(3)).map(|index| json!({"portMapping": {"port": 8080 + u16::from(index), "protocol": protocols[usize::from(next(protocols.len() as u8))]}})).collect()
    };
    for node in 0..nodes {
        let backends: Vec<Value> =
            (0..next(4)).map(|_| json!({"virtualService": {"virtualServiceName": format!("s{}.local", next(services + 2))}})).collect();
        let spec = json!({"listeners": listeners(&mut next, &protocols), "serviceDiscovery": {"dns": {"hostname": format!("n{node}.local")}}, "backends": backends});
        push(&mut mesh, "virtualNodes", json!({"name": format!("n{node}"), "spec": spec}));
    }
    for router in 0..routers {
        push(&mut mesh, "virtualRouters", json!({"name": format!("r{router}"), "spec": {"listeners": listeners(&mut next, &protocols)}}));
        for route in 0..next(4) {
            let mut targets: Vec<Value> =
                (0..1 + next(4)).map(|_| json!({"virtualNode": format!("n{}", next(nodes + 2)), "weight": next(101)})).collect();
            if targets.iter().all(|target| target["weight"] == 0) {
                targets[0]["weight"] = json!(1);
            }
            let spec = json!({"httpRoute": {"match": {"prefix": format!("/{}", next(3))}, "action": {"weightedTargets": targets}}});
            push(
                &mut mesh,
                "routes",
                json!({"parent": format!("r{}", next(routers + 1)), "name": format!("route{router}-{route}"), "spec": spec}),
            );
        }
    }
    for service in 0..services {
        let spec = match next(3) {
            0 => json!({}),
            1 => json!({"provider": {"virtualNode": {"virtualNodeName": format!("n{}", next(nodes + 1))}}}),
            _ => json!({"provider": {"virtualRouter": {"virtualRouterName": format!("r{}", next(routers + 1))}}}),
        };
        push(&mut mesh, "virtualServices", json!({"name": format!("s{service}.local"), "spec": spec}));
    }
    for gateway in 0..gateways {
        let http = ["http", "http2", "grpc"];
        let mut gateway_listeners = listeners(&mut next, &http);
        if gateway_listeners.as_array().unwrap().is_empty() {
            gateway_listeners = json!([{"portMapping": {"port": 443, "protocol": "http"}}]);
        }
        push(&mut mesh, "virtualGateways", json!({"name": format!("g{gateway}"), "spec": {"listeners": gateway_listeners}}));
        for route in 0..next(3) {
            let target = json!({"virtualService": {"virtualServiceName": format!("s{}.local", next(services + 1))}});
            let spec = json!({"httpRoute": {"match": {"prefix": "/"}, "action": {"target": target}}});
            push(
                &mut mesh,
                "gatewayRoutes",
                json!({"parent": format!("g{}", next(gateways + 1)), "name": format!("gr{gateway}-{route}"), "spec": spec}),
            );
        }
    }
    mesh
}

#[cfg(not(target_arch = "wasm32"))]
mod random {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn every_layout_keeps_its_invariants(bytes in proptest::collection::vec(any::<u8>(), 0..160), focus in 0u8..10) {
            let mesh = random_mesh(&bytes);
            let focus = format!("s{focus}.local");
            topology_of(mesh, Some(&focus));
        }
    }
}
