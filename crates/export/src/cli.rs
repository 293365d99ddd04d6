//! A POSIX shell script of `aws appmesh create-*` commands that recreates the mesh, against
//! App Mesh or, with `ENDPOINT` set, against any server that speaks its API (this one).

use crate::ExportContext;
use crate::scope::Scope;
use mesh_engine::mesh_config::MeshConfig;
use mesh_engine::resource::TagRef;
use serde::Serialize;

/// One `aws appmesh` command: its operation, its `--name value` arguments, and the member of
/// the answer that holds the new resource (its ARN is printed).
struct Command<'a> {
    operation: &'static str,
    answer: &'static str,
    names: Vec<(&'static str, &'a str)>,
    spec: String,
    tags: &'a [TagRef],
}

pub(crate) fn script(config: &MeshConfig, scope: &Scope, context: &ExportContext) -> String {
    let mesh = config.mesh_name.as_str();
    let mut commands = Vec::new();
    if scope.include_mesh {
        commands.push(command("create-mesh", "mesh", vec![("--mesh-name", mesh)], &config.spec, &config.tags));
    }
    for node in &config.virtual_nodes {
        let names = vec![("--mesh-name", mesh), ("--virtual-node-name", node.name.as_str())];
        commands.push(command("create-virtual-node", "virtualNode", names, &node.spec, &node.tags));
    }
    for router in &config.virtual_routers {
        let names = vec![("--mesh-name", mesh), ("--virtual-router-name", router.name.as_str())];
        commands.push(command("create-virtual-router", "virtualRouter", names, &router.spec, &router.tags));
    }
    for route in &config.routes {
        let names = vec![("--mesh-name", mesh), ("--virtual-router-name", route.parent.as_str()), ("--route-name", route.name.as_str())];
        commands.push(command("create-route", "route", names, &route.spec, &route.tags));
    }
    for service in &config.virtual_services {
        let names = vec![("--mesh-name", mesh), ("--virtual-service-name", service.name.as_str())];
        commands.push(command("create-virtual-service", "virtualService", names, &service.spec, &service.tags));
    }
    for gateway in &config.virtual_gateways {
        let names = vec![("--mesh-name", mesh), ("--virtual-gateway-name", gateway.name.as_str())];
        commands.push(command("create-virtual-gateway", "virtualGateway", names, &gateway.spec, &gateway.tags));
    }
    for route in &config.gateway_routes {
        let names =
            vec![("--mesh-name", mesh), ("--virtual-gateway-name", route.parent.as_str()), ("--gateway-route-name", route.name.as_str())];
        commands.push(command("create-gateway-route", "gatewayRoute", names, &route.spec, &route.tags));
    }

    let mut out = String::new();
    out.push_str("#!/bin/sh\n");
    out.push_str(&format!("# Creates App Mesh resources of the mesh {}, in dependency order.\n", comment_safe(mesh)));
    out.push_str(&format!("# Exported by Mesh Console on {}.\n", comment_safe(&context.date)));
    out.push_str("#   Against App Mesh:               sh this-script.sh\n");
    out.push_str("#   Against a Mesh Console server:  ENDPOINT=http://127.0.0.1:8080 sh this-script.sh\n");
    out.push_str(&format!("# REGION chooses the region (default {}); each command prints the new resource's ARN.\n", context.region));
    out.push_str("set -eu\n");
    out.push_str(&format!("REGION=\"${{REGION:-{}}}\"\n", context.region));
    for command in commands {
        out.push('\n');
        out.push_str(&render(&command));
    }
    out
}

fn command<'a>(
    operation: &'static str,
    answer: &'static str,
    names: Vec<(&'static str, &'a str)>,
    spec: &impl Serialize,
    tags: &'a [TagRef],
) -> Command<'a> {
    Command { operation, answer, names, spec: serde_json::to_string(spec).expect("a spec serializes"), tags }
}

fn render(command: &Command) -> String {
    let mut lines = vec![format!("aws appmesh {} --region \"$REGION\" ${{ENDPOINT:+--endpoint-url \"$ENDPOINT\"}}", command.operation)];
    for (flag, value) in &command.names {
        lines.push(argument(flag, value));
    }
    lines.push(argument("--spec", &command.spec));
    if !command.tags.is_empty() {
        lines.push(argument("--tags", &serde_json::to_string(command.tags).expect("tags serialize")));
    }
    lines.push(format!("--query {} --output text", quote(&format!("{}.metadata.arn", command.answer))));
    let mut text = lines.join(" \\\n  ");
    text.push('\n');
    text
}

/// `--flag 'value'`; a value starting with `-` is joined with `=`, so that it is not read as a flag.
fn argument(flag: &str, value: &str) -> String {
    if value.starts_with('-') { format!("{flag}={}", quote(value)) } else { format!("{flag} {}", quote(value)) }
}

/// The value in single quotes, inside which the shell expands nothing; a `'` ends the quotes,
/// is written escaped, and opens them again.
pub(crate) fn quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// A name inside a `#` comment stays on its line.
fn comment_safe(value: &str) -> String {
    value.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_every_character() {
        assert_eq!(quote("plain"), "'plain'");
        assert_eq!(quote("it's $HOME"), r"'it'\''s $HOME'");
        assert_eq!(argument("--mesh-name", "-dash"), "--mesh-name='-dash'");
    }
}
