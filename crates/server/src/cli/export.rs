//! `export --mesh NAME --format F`: the text to standard output, a migration's report to
//! standard error.

use super::fail;
use super::target::{IdentityArgs, Target, TargetArgs};
use clap::Args;
use mesh_export::MigrationReport;
use serde::Deserialize;

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    target: TargetArgs,
    #[command(flatten)]
    identity: IdentityArgs,
    /// The mesh to export.
    #[arg(long, value_name = "NAME")]
    mesh: String,
    /// What to write: an AWS CLI script, the console's JSON, a CloudFormation template,
    /// controller manifests, or a migration to the Gateway API (VPC Lattice) or Istio.
    #[arg(long, value_parser = ["cli", "json", "cloudformation", "kubernetes", "gateway-api", "istio"])]
    format: String,
}

#[derive(Deserialize)]
struct Export {
    text: String,
    #[serde(default)]
    report: Option<MigrationReport>,
}

pub async fn run(args: ExportArgs) -> i32 {
    let target = match Target::open(args.target, args.identity, false) {
        Ok(target) => target,
        Err(error) => return fail("export", &error),
    };
    let path = format!("/console-api/meshes/{}/export", args.mesh);
    let answer = match target.call("GET", &path, &[("format", &args.format)], "").await {
        Ok(answer) => answer,
        Err(error) => return fail("export", &error.message),
    };
    let export: Export = match serde_json::from_str(&answer) {
        Ok(export) => export,
        Err(error) => return fail("export", &format!("the answer could not be read: {error}")),
    };
    print!("{}", export.text);
    if let Some(report) = export.report {
        eprint!("{}", report.to_markdown());
    }
    0
}
