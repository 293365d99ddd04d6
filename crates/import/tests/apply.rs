//! A plan's configurations go into the engine and come out the same: applied to a store,
//! read back whole, written as the console's own export and as describe answers, and read again.

use mesh_engine::mesh_config::{ChangeAction, MeshConfig};
use mesh_engine::names::{AccountId, Region};
use mesh_engine::resource::Timestamp;
use mesh_engine::store::MemoryStore;
use mesh_engine::{Context, Engine, MeshAddress, Quotas};
use mesh_import::{ImportOptions, plan};
use serde_json::{Value, json};

fn context() -> Context {
    Context {
        caller: AccountId::parse(mesh_engine::DEFAULT_ACCOUNT).unwrap(),
        region: Region::parse(mesh_engine::DEFAULT_REGION).unwrap(),
        now: Timestamp::from_millis(1_800_000_000_000),
        new_uid: "6f1c2f0e-8a51-4c1b-9d3e-000000000001".into(),
        quotas: Quotas::default(),
    }
}

fn shop() -> MeshConfig {
    let options = ImportOptions {
        parameters: [
            ("CanaryWeight", "10"),
            ("OrdersDiscovery.Name", "orders"),
            ("Certificate", "arn:aws:acm:us-east-1:123456789012:certificate/c"),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect(),
        ..ImportOptions::default()
    };
    let mut configs = plan(include_str!("fixtures/shop.cfn.yaml"), &options).mesh_configs().unwrap();
    configs.remove(0).config
}

/// As the engine lists them: each kind by name.
fn sorted(mut config: MeshConfig) -> MeshConfig {
    config.virtual_nodes.sort_by(|a, b| a.name.cmp(&b.name));
    config.virtual_services.sort_by(|a, b| a.name.cmp(&b.name));
    config
}

#[test]
fn a_template_applied_reads_back_and_round_trips_through_the_other_formats() {
    let wanted = shop();
    let mut store = MemoryStore::new();
    let context = context();
    let changes = Engine::new(&mut store, &context).apply_mesh_config(&wanted, None, true).unwrap();
    assert!(changes.iter().all(|change| change.action == ChangeAction::Create));
    let address = MeshAddress::new(wanted.mesh_name.clone(), None);
    let stored = Engine::new(&mut store, &context).mesh_config(&address).unwrap();
    assert_eq!(stored, sorted(wanted.clone()));

    // The console's own export of the stored mesh imports to the same configuration.
    let export = json!({"format": "mesh-console-mesh", "version": 1, "mesh": stored}).to_string();
    let again = plan(&export, &ImportOptions::default()).mesh_configs().unwrap();
    assert_eq!(again[0].config, stored);
    assert!(again[0].defines_mesh);

    // So do the describe answers of every resource (describes carry no tags).
    let mut engine = Engine::new(&mut store, &context);
    let mut answers: Vec<Value> = vec![json!({"mesh": engine.describe_mesh(&stored.mesh_name, None).unwrap()})];
    for node in &stored.virtual_nodes {
        answers.push(json!({"virtualNode": engine.describe_virtual_node(&address, &node.name).unwrap()}));
    }
    for route in &stored.routes {
        answers.push(json!({"route": engine.describe_route(&address, &route.parent, &route.name).unwrap()}));
    }
    let dump: String = answers.iter().map(|answer| serde_json::to_string_pretty(answer).unwrap()).collect::<Vec<_>>().join("\n");
    let described = plan(&dump, &ImportOptions::default()).mesh_configs().unwrap();
    assert_eq!(
        described[0].config.virtual_nodes.iter().map(|node| &node.spec).collect::<Vec<_>>(),
        stored.virtual_nodes.iter().map(|node| &node.spec).collect::<Vec<_>>()
    );
    assert_eq!(described[0].config.routes[0].spec, stored.routes[0].spec);

    // Importing the same file again changes nothing.
    let changes = Engine::new(&mut store, &context).apply_mesh_config(&wanted, None, true).unwrap();
    assert!(changes.iter().all(|change| change.action == ChangeAction::Unchanged), "{changes:?}");
}
