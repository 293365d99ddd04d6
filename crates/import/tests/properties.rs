//! Whatever a file holds, reading it gives a plan or problems: it never panics, loops or
//! exhausts the stack.

use mesh_import::{ImportOptions, plan};
use proptest::prelude::*;
use serde_json::Value;

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-zA-Z0-9:.${}!/ -]{0,12}".prop_map(Value::String),
        prop::sample::select(vec!["Ref", "Fn::GetAtt", "Fn::Sub", "Fn::If", "AWS::NoValue", "AWS::AppMesh::Mesh", "${AWS::Region}", "a.b"])
            .prop_map(|text| Value::String(text.to_string())),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        let keys = prop::sample::select(vec![
            "Ref",
            "Fn::GetAtt",
            "Fn::Sub",
            "Fn::Join",
            "Fn::If",
            "Fn::Select",
            "Fn::Split",
            "Fn::FindInMap",
            "Condition",
            "Spec",
            "MeshName",
            "Listeners",
            "PortMapping",
            "Port",
            "Type",
            "Properties",
            "spec",
            "name",
            "namespace",
            "virtualNodeRef",
            "weight",
            "x",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..5)
                .prop_map(|map| Value::Object(map.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

fn read(text: &str) {
    let plan = plan(text, &ImportOptions::default());
    // Reading always says something: resources, or why there are none.
    assert!(!plan.resources.is_empty() || !plan.problems.is_empty() || !plan.skipped.is_empty(), "{text:?}");
    let _ = plan.mesh_configs();
    serde_json::to_string(&plan).unwrap();
}

proptest! {
    #[test]
    fn arbitrary_text_gives_a_plan(text in any::<String>()) {
        read(&text);
    }

    #[test]
    fn yaml_like_text_gives_a_plan(parts in prop::collection::vec(prop::sample::select(vec![
        "Resources:", "\n  ", "\n    ", "A:", " Type: AWS::AppMesh::VirtualNode", " AWS::AppMesh::Mesh", "Properties:", "MeshName:",
        " !Ref", " !GetAtt A.MeshName", " !Sub '${A}'", " !If [C, 1, 2]", " !Join", " [", "]", " {", "}", ",", " - ", "&a ", "*a",
        "Conditions:", "C: !Equals [1, 1]", "---\n", "apiVersion: appmesh.k8s.aws/v1beta2", "\nkind: VirtualNode", "\nspec:", " 'x'",
        "\"y\"", " 80", " null", "#c", "? ", "|\n  text",
    ]), 0..40)) {
        read(&parts.concat());
    }

    #[test]
    fn arbitrary_json_gives_a_plan_in_every_format(value in json_value()) {
        read(&value.to_string());
        let template = serde_json::json!({"Resources": {"A": {"Type": "AWS::AppMesh::VirtualNode", "Properties": value.clone()},
            "M": {"Type": "AWS::AppMesh::Mesh", "Properties": {"MeshName": value.clone()}}}, "Conditions": {"C": value.clone()}});
        read(&template.to_string());
        let manifest = serde_json::json!({"apiVersion": "appmesh.k8s.aws/v1beta2", "kind": "VirtualRouter",
            "metadata": {"name": "r", "namespace": "n"}, "spec": value.clone()});
        read(&manifest.to_string());
        let export = serde_json::json!({"format": "mesh-console-mesh", "version": 1, "mesh": {"meshName": "m", "virtualNodes": [value.clone()]}});
        read(&export.to_string());
        read(&serde_json::json!({"virtualNode": value}).to_string());
    }
}

#[test]
fn deep_nesting_and_long_chains_are_refused_not_overflowed() {
    read(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)));
    read(&format!("a: {}{}", "[".repeat(100_000), "]".repeat(100_000)));
    // Each resource names the one after it, so reading the first walks the whole chain.
    let mut template = String::from("Resources:\n");
    for i in 0..5_000 {
        template.push_str(&format!("  R{i}:\n    Type: AWS::AppMesh::Mesh\n    Properties: {{MeshName: !GetAtt R{}.MeshName}}\n", i + 1));
    }
    template.push_str("  R5000:\n    Type: AWS::AppMesh::Mesh\n    Properties: {MeshName: m}\n");
    let plan = plan(&template, &ImportOptions::default());
    assert!(plan.all_problems().iter().any(|problem| problem.contains("references chain through more than 64 resources")));
}
