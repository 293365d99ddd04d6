//! What the export tests share: the fixtures, a context, and the YAML read back.
#![allow(dead_code)] // each test binary uses its own part of this module

pub mod crd;

use mesh_engine::mesh_config::MeshConfig;
use mesh_engine::names::{AccountId, Region};
use mesh_export::ExportContext;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture of `tests/fixtures/`, read as the engine reads a MeshConfig.
pub fn fixture(name: &str) -> MeshConfig {
    let text = std::fs::read_to_string(crate_dir().join("tests/fixtures").join(name)).expect("the fixture reads");
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// The names of every fixture.
pub fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(crate_dir().join("tests/fixtures"))
        .expect("the fixtures")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
}

pub fn context() -> ExportContext {
    ExportContext {
        region: Region::parse("us-east-1").unwrap(),
        account: AccountId::parse("123456789012").unwrap(),
        date: "2026-12-03".to_string(),
    }
}

/// Every document of a multi-document YAML text, as JSON values (as a YAML 1.1 reader sees it).
pub fn yaml_documents(text: &str) -> Vec<Value> {
    serde_yaml_ng::Deserializer::from_str(text)
        .map(|document| {
            let value = serde_yaml_ng::Value::deserialize(document).expect("the YAML reads");
            serde_json::to_value(value).expect("YAML as JSON")
        })
        .filter(|value| !value.is_null())
        .collect()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

use serde::Deserialize;
