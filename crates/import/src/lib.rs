//! Reads App Mesh configuration into a plan for the preview, and from a plan without problems
//! the [`MeshConfig`](mesh_engine::mesh_config::MeshConfig)s it defines: AWS CloudFormation
//! templates (YAML or JSON), App Mesh controller manifests, the console's own export of a
//! mesh, and dumps of `aws appmesh describe-*` answers. Pure library code: no file system, no
//! clock; the account, region and stack name come in with [`ImportOptions`].

mod cloudformation;
mod describe;
mod detect;
mod kubernetes;
mod mesh_console;
mod plan;
mod typed;
mod yaml;

pub use plan::{Format, ImportedMesh, Parameter, Place, Plan, PlannedMesh, PlannedResource, Problem, Skipped};

use std::collections::BTreeMap;

/// What a file alone cannot say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// The file's name, a hint to its format (`mesh.json`, `stack.yaml`).
    pub file_name: Option<String>,
    /// Values for the file's parameters, by name: a template's, or those the reader adds.
    pub parameters: BTreeMap<String, String>,
    /// CloudFormation's `AWS::AccountId`, and the account of ARNs.
    pub account: String,
    /// CloudFormation's `AWS::Region`, and the region of ARNs.
    pub region: String,
    /// CloudFormation's `AWS::StackName`.
    pub stack_name: String,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            file_name: None,
            parameters: BTreeMap::new(),
            account: mesh_engine::DEFAULT_ACCOUNT.to_string(),
            region: mesh_engine::DEFAULT_REGION.to_string(),
            stack_name: "mesh-import".to_string(),
        }
    }
}

/// Reads a file: its format from its content (the name is a hint), then every resource.
/// Never fails: a file that reads as none of the formats is a plan whose problem says so.
pub fn plan(text: &str, options: &ImportOptions) -> Plan {
    detect::read(text, options)
}
