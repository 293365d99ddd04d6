//! The checks and the topology's layout of a mesh at App Mesh's default quotas, timed.
//!
//! `cargo run -p mesh-insight --release --example topology_at_quota`
//!
//! The mesh: as many virtual services, virtual nodes and virtual gateways as the quotas allow
//! (200, 200, 3), 50 virtual routers with 4 routes each (a 90/10 split between two nodes), the
//! gateways with their 10 gateway routes each, and every node naming 3 backends. Prints the
//! graph's size and the median time of the checks and of the layout over several runs.

use mesh_engine::Quotas;
use mesh_engine::mesh_config::MeshConfig;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const ROUTERS: usize = 50;
const ROUTES_PER_ROUTER: usize = 4;
const BACKENDS_PER_NODE: usize = 3;
const RUNS: usize = 15;

fn main() {
    let quotas = Quotas::default();
    let mesh = mesh_at_quota(&quotas);
    let config: MeshConfig = serde_json::from_value(mesh).expect("the mesh reads");
    println!(
        "mesh: {} virtual services, {} virtual nodes, {} virtual routers with {} routes, {} virtual gateways with {} gateway routes",
        config.virtual_services.len(),
        config.virtual_nodes.len(),
        config.virtual_routers.len(),
        config.routes.len(),
        config.virtual_gateways.len(),
        config.gateway_routes.len()
    );

    let (findings, checks) = median_time(|| mesh_insight::run(&config));
    let (topology, layout) = median_time(|| mesh_insight::topology(&config, &findings, None));
    let (_, focused) = median_time(|| mesh_insight::topology(&config, &findings, Some("svc-0.apps.local")));
    let json = serde_json::to_string(&topology).expect("the topology serializes");

    println!("checks: {} findings, median {:.2} ms over {RUNS} runs", findings.len(), millis(checks));
    println!(
        "graph: {} boxes ({} missing), {} edges ({} polyline points); drawing {} × {} px; {:.0} KB of JSON",
        topology.boxes.len(),
        topology.boxes.iter().filter(|drawn| drawn.missing).count(),
        topology.edges.len(),
        topology.edges.iter().map(|edge| edge.points.len()).sum::<usize>(),
        topology.width,
        topology.height,
        json.len() as f64 / 1024.0
    );
    println!("layout: median {:.2} ms over {RUNS} runs; with a focus on one service {:.2} ms", millis(layout), millis(focused));
}

/// The mesh, as the JSON of a `MeshConfig`. Which node names which backend is spread by a
/// fixed multiplier, so every run builds the same mesh.
fn mesh_at_quota(quotas: &Quotas) -> Value {
    let (services, nodes, gateways) = (quotas.virtual_services_per_mesh, quotas.virtual_nodes_per_mesh, quotas.virtual_gateways_per_mesh);
    let http = json!([{"portMapping": {"port": 8080, "protocol": "http"}}]);
    let service_name = |index: usize| format!("svc-{index}.apps.local");
    let routed_nodes = 2 * ROUTERS;

    let virtual_nodes: Vec<Value> = (0..nodes)
        .map(|node| {
            let backends: Vec<Value> = (1..=BACKENDS_PER_NODE)
                .map(|step| json!({"virtualService": {"virtualServiceName": service_name((node * 37 + step * 11) % services)}}))
                .collect();
            json!({"name": format!("node-{node}"), "spec": {
                "listeners": http,
                "serviceDiscovery": {"dns": {"hostname": format!("node-{node}.apps.local")}},
                "backends": backends
            }})
        })
        .collect();
    let virtual_routers: Vec<Value> =
        (0..ROUTERS).map(|router| json!({"name": format!("router-{router}"), "spec": {"listeners": http}})).collect();
    let routes: Vec<Value> = (0..ROUTERS)
        .flat_map(|router| {
            (0..ROUTES_PER_ROUTER).map(move |route| {
                let targets = json!([{"virtualNode": format!("node-{}", 2 * router), "weight": 90}, {"virtualNode": format!("node-{}", 2 * router + 1), "weight": 10}]);
                json!({"parent": format!("router-{router}"), "name": format!("route-{route}"), "spec": {"httpRoute": {
                    "match": {"prefix": format!("/{route}")},
                    "action": {"weightedTargets": targets}
                }}})
            })
        })
        .collect();
    let virtual_services: Vec<Value> = (0..services)
        .map(|service| {
            let provider = if service < ROUTERS {
                json!({"virtualRouter": {"virtualRouterName": format!("router-{service}")}})
            } else {
                json!({"virtualNode": {"virtualNodeName": format!("node-{}", routed_nodes + (service - ROUTERS) % (nodes - routed_nodes))}})
            };
            json!({"name": service_name(service), "spec": {"provider": provider}})
        })
        .collect();
    let virtual_gateways: Vec<Value> =
        (0..gateways).map(|gateway| json!({"name": format!("gateway-{gateway}"), "spec": {"listeners": http}})).collect();
    let gateway_routes: Vec<Value> = (0..gateways)
        .flat_map(|gateway| {
            (0..quotas.gateway_routes_per_virtual_gateway).map(move |route| {
                let target = json!({"virtualService": {"virtualServiceName": service_name(gateway * 10 + route)}});
                json!({"parent": format!("gateway-{gateway}"), "name": format!("to-{route}"), "spec": {"httpRoute": {
                    "match": {"prefix": format!("/{route}")},
                    "action": {"target": target}
                }}})
            })
        })
        .collect();
    json!({
        "meshName": "at-quota",
        "virtualNodes": virtual_nodes,
        "virtualRouters": virtual_routers,
        "routes": routes,
        "virtualServices": virtual_services,
        "virtualGateways": virtual_gateways,
        "gatewayRoutes": gateway_routes
    })
}

/// The last result and the median time of `RUNS` runs.
fn median_time<T>(mut work: impl FnMut() -> T) -> (T, Duration) {
    let mut times = Vec::with_capacity(RUNS);
    let mut result = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        result = Some(work());
        times.push(start.elapsed());
    }
    times.sort();
    (result.expect("at least one run"), times[RUNS / 2])
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
