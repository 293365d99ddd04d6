//! `check`: the configuration checks on a file (as it would stand in an empty store) or on a
//! stored mesh; text (`AM0101 error virtualNode/x: message`) or JSON; exit 1 when any finding
//! is an error.

use super::fail;
use super::target::{IdentityArgs, Target, TargetArgs};
use clap::Args;
use mesh_console_api::{ConsoleCall, ImportRequest};
use mesh_engine::names::ResourceName;
use mesh_engine::store::MemoryStore;
use mesh_engine::{Context, Engine, MeshAddress, Quotas};
use mesh_insight::{Finding, Severity};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A file to check (as `import` reads it), instead of a stored mesh.
    #[arg(conflicts_with_all = ["data", "endpoint", "mesh"], required_unless_present = "mesh")]
    file: Option<PathBuf>,
    #[command(flatten)]
    target: Option<TargetArgs>,
    #[command(flatten)]
    identity: IdentityArgs,
    /// The stored mesh to check.
    #[arg(long, value_name = "NAME", requires = "TargetArgs")]
    mesh: Option<String>,
    /// text: a finding a line (`AM0101 error virtualNode/x: message`); json: `{"findings": [...]}`.
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    format: String,
}

#[derive(Serialize, Deserialize)]
struct Findings {
    findings: Vec<Finding>,
}

/// The meshes an import changed, as much as a check reads of its answer.
#[derive(Deserialize)]
struct Applied {
    changes: Vec<AppliedChange>,
}

#[derive(Deserialize)]
struct AppliedChange {
    mesh: String,
}

pub async fn run(args: CheckArgs) -> i32 {
    let findings = match (&args.file, args.target, &args.mesh) {
        (Some(file), _, _) => file_findings(file, &args.identity),
        (None, Some(target), Some(mesh)) => stored_findings(target, args.identity, mesh).await,
        _ => Err("give FILE, or --mesh NAME with --data PATH or --endpoint URL".to_owned()),
    };
    let findings = match findings {
        Ok(findings) => findings,
        Err(message) => return fail("check", &message),
    };
    if args.format == "json" {
        println!("{}", serde_json::to_string_pretty(&Findings { findings: findings.clone() }).expect("findings serialize"));
    } else {
        for finding in &findings {
            let resource = &finding.resource;
            let place = match &resource.parent {
                Some(parent) => format!("{}/{parent}/{}", resource.kind.as_str(), resource.name),
                None => format!("{}/{}", resource.kind.as_str(), resource.name),
            };
            println!("{} {} {place}: {}", finding.code, finding.severity.as_str(), finding.message);
        }
    }
    i32::from(findings.iter().any(|finding| finding.severity == Severity::Error))
}

/// The file's meshes as they stand once imported into an empty store, here in memory; or
/// every problem of the file.
fn file_findings(file: &PathBuf, identity: &IdentityArgs) -> Result<Vec<Finding>, String> {
    let text = std::fs::read_to_string(file).map_err(|error| format!("cannot read {}: {error}", file.display()))?;
    let request = ImportRequest {
        text,
        file_name: file.file_name().map(|name| name.to_string_lossy().into_owned()),
        parameters: Default::default(),
        stack_name: None,
        mesh: None,
    };
    let context = Context {
        caller: identity.account.clone(),
        region: identity.region.clone(),
        now: crate::api::now(),
        new_uid: uuid::Uuid::new_v4().to_string(),
        quotas: Quotas::default(),
    };
    let mut store = MemoryStore::new();
    let mut run = |call: ConsoleCall| call.run(&mut Engine::new(&mut store, &context)).map_err(|error| error.message);
    let applied: Applied = read(&run(ConsoleCall::ApplyImport(request))?)?;
    let mut meshes: Vec<String> = applied.changes.into_iter().map(|change| change.mesh).collect();
    meshes.dedup();
    let mut findings = Vec::new();
    for mesh in meshes {
        let name = ResourceName::parse(mesh).map_err(|error| error.to_string())?;
        let answer: Findings = read(&run(ConsoleCall::Findings { mesh: MeshAddress::new(name, None) })?)?;
        findings.extend(answer.findings);
    }
    Ok(findings)
}

fn read<T: serde::de::DeserializeOwned>(answer: &str) -> Result<T, String> {
    serde_json::from_str(answer).map_err(|error| format!("the answer could not be read: {error}"))
}

async fn stored_findings(target: TargetArgs, identity: IdentityArgs, mesh: &str) -> Result<Vec<Finding>, String> {
    let target = Target::open(target, identity, false)?;
    let answer = target.call("GET", &format!("/console-api/meshes/{mesh}/checks"), &[], "").await.map_err(|error| error.message)?;
    Ok(read::<Findings>(&answer)?.findings)
}
