//! `import FILE`: the file applied all or nothing; every problem printed when it is not.

use super::fail;
use super::target::{IdentityArgs, Target, TargetArgs};
use clap::Args;
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A CloudFormation template (YAML or JSON), controller manifests, the console's export or describe dumps.
    file: PathBuf,
    #[command(flatten)]
    target: TargetArgs,
    #[command(flatten)]
    identity: IdentityArgs,
    /// A value for a parameter the file leaves open (repeatable).
    #[arg(long = "param", value_name = "NAME=VALUE", value_parser = parameter)]
    parameters: Vec<(String, String)>,
    /// CloudFormation's AWS::StackName.
    #[arg(long, value_name = "NAME")]
    stack_name: Option<String>,
}

fn parameter(value: &str) -> Result<(String, String), String> {
    value.split_once('=').map(|(name, value)| (name.to_owned(), value.to_owned())).ok_or_else(|| format!("{value:?} is not NAME=VALUE"))
}

/// The apply's answer, as much as is printed.
#[derive(Deserialize)]
struct Applied {
    changes: Vec<Change>,
}

#[derive(Deserialize)]
struct Change {
    mesh: String,
    kind: String,
    #[serde(default)]
    parent: Option<String>,
    name: String,
    action: String,
}

pub async fn run(args: ImportArgs) -> i32 {
    let text = match std::fs::read_to_string(&args.file) {
        Ok(text) => text,
        Err(error) => return fail("import", &format!("cannot read {}: {error}", args.file.display())),
    };
    let target = match Target::open(args.target, args.identity, true) {
        Ok(target) => target,
        Err(error) => return fail("import", &error),
    };
    let parameters: BTreeMap<String, String> = args.parameters.into_iter().collect();
    let file_name = args.file.file_name().map(|name| name.to_string_lossy().into_owned());
    let body = json!({"text": text, "fileName": file_name, "parameters": parameters, "stackName": args.stack_name});
    let answer = match target.call("POST", "/console-api/import/apply", &[], &body.to_string()).await {
        Ok(answer) => answer,
        Err(error) => return fail("import", &error.message),
    };
    let applied: Applied = match serde_json::from_str(&answer) {
        Ok(applied) => applied,
        Err(error) => return fail("import", &format!("the answer could not be read: {error}")),
    };
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for change in &applied.changes {
        *counts.entry(change.action.as_str()).or_default() += 1;
        let resource = match &change.parent {
            Some(parent) => format!("{}/{parent}/{}", change.kind, change.name),
            None => format!("{}/{}", change.kind, change.name),
        };
        println!("{:<9} {resource} (mesh {})", change.action, change.mesh);
    }
    let count = |action: &str| counts.get(action).copied().unwrap_or(0);
    println!("Created {}, updated {}, unchanged {}.", count("create"), count("update"), count("unchanged"));
    0
}
