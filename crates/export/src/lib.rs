//! A mesh's configuration written out, for a whole mesh or one resource: AWS CLI commands, the
//! API's JSON, a CloudFormation template, App Mesh controller manifests, and the migrations to
//! the Kubernetes Gateway API (as the VPC Lattice controller reads it) and to Istio, each with
//! a report of what every App Mesh setting became.
//!
//! Every format is a pure function of a [`MeshConfig`] and an [`ExportContext`]: no clock, no
//! file system, so the browser engine runs them as the server does.

mod cli;
mod cloudformation;
mod json;
mod kubernetes;
mod migration;
mod names;
mod report;
mod scope;
mod yaml;

pub use json::{EXPORT_FORMAT, EXPORT_VERSION};
pub use report::{MigrationReport, Outcome, ReportEntry};
pub use scope::{ResourceKind, ResourceSelector};

use mesh_engine::mesh_config::MeshConfig;
use mesh_engine::names::{AccountId, Region};
use serde::{Deserialize, Serialize};

/// The formats a mesh or a resource can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    #[serde(rename = "cli")]
    Cli,
    #[serde(rename = "json")]
    Json,
    #[serde(rename = "cloudformation")]
    CloudFormation,
    #[serde(rename = "kubernetes")]
    Kubernetes,
    #[serde(rename = "gateway-api")]
    GatewayApi,
    #[serde(rename = "istio")]
    Istio,
}

impl Format {
    pub const ALL: [Format; 6] = [Self::Cli, Self::Json, Self::CloudFormation, Self::Kubernetes, Self::GatewayApi, Self::Istio];

    /// As on the command line and in file names: `gateway-api`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cli => "cli",
            Self::Json => "json",
            Self::CloudFormation => "cloudformation",
            Self::Kubernetes => "kubernetes",
            Self::GatewayApi => "gateway-api",
            Self::Istio => "istio",
        }
    }

    pub fn parse(value: &str) -> Option<Format> {
        Self::ALL.into_iter().find(|format| format.as_str() == value)
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Cli => "sh",
            Self::Json => "json",
            _ => "yaml",
        }
    }

    fn media_type(self) -> &'static str {
        match self {
            Self::Cli => "text/x-shellscript",
            Self::Json => "application/json",
            _ => "application/yaml",
        }
    }
}

/// What an export needs beyond the configuration: where the mesh lives (ARNs of resources an
/// export refers to but does not hold) and today's date (for the file name), passed in because
/// the library reads no clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportContext {
    pub region: Region,
    pub account: AccountId,
    /// `YYYY-MM-DD`, as it appears in the file name.
    pub date: String,
}

/// One export: the text, and how to offer it for download.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Export {
    pub format: Format,
    /// `demo-cloudformation-2026-12-03.yaml`; a resource's export names the resource too.
    pub file_name: String,
    pub media_type: &'static str,
    pub text: String,
    /// The migrations' account of every setting (also at the top of `text`, as comments).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<MigrationReport>,
}

/// The whole mesh, in `format`.
pub fn export_mesh(config: &MeshConfig, format: Format, context: &ExportContext) -> Export {
    let file_name = file_name(&[config.mesh_name.as_str()], format, &context.date);
    render(config, &scope::Scope::mesh(), format, context, file_name)
}

/// One resource of the mesh, in `format`, or `None` when the configuration does not hold it.
/// What it refers to is written by name (or ARN), not exported with it.
pub fn export_resource(config: &MeshConfig, resource: &ResourceSelector, format: Format, context: &ExportContext) -> Option<Export> {
    let only = scope::only(config, resource)?;
    let file_name = file_name(&[config.mesh_name.as_str(), &resource.file_name_part()], format, &context.date);
    let scope = if resource.kind == ResourceKind::Mesh { scope::Scope::mesh() } else { scope::Scope::resource() };
    Some(render(&only, &scope, format, context, file_name))
}

fn render(config: &MeshConfig, scope: &scope::Scope, format: Format, context: &ExportContext, file_name: String) -> Export {
    let (text, report) = match format {
        Format::Cli => (cli::script(config, scope, context), None),
        Format::Json => (json::document(config), None),
        Format::CloudFormation => (cloudformation::template(config, scope, context), None),
        Format::Kubernetes => (kubernetes::manifests(config, scope, context), None),
        Format::GatewayApi => {
            let (text, report) = migration::gateway_api::migrate(config, scope, context);
            (text, Some(report))
        }
        Format::Istio => {
            let (text, report) = migration::istio::migrate(config, scope, context);
            (text, Some(report))
        }
    };
    Export { format, file_name, media_type: format.media_type(), text, report }
}

/// `{parts}-{format}-{date}.{extension}`, each part kept to characters every file system takes.
fn file_name(parts: &[&str], format: Format, date: &str) -> String {
    let safe = |part: &str| -> String {
        let mut safe = String::new();
        for c in part.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '-' }) {
            if !(c == '-' && safe.ends_with('-')) {
                safe.push(c);
            }
        }
        safe.trim_matches('-').to_string()
    };
    let mut name: Vec<String> = parts.iter().map(|part| safe(part)).collect();
    name.push(format.as_str().to_string());
    name.push(safe(date));
    format!("{}.{}", name.join("-"), format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_mesh_format_and_date() {
        assert_eq!(file_name(&["demo"], Format::CloudFormation, "2026-12-03"), "demo-cloudformation-2026-12-03.yaml");
        assert_eq!(file_name(&["my mesh", "r1:a"], Format::Cli, "2026-12-03"), "my-mesh-r1-a-cli-2026-12-03.sh");
        assert_eq!(file_name(&["Tom's $mesh"], Format::Json, "2026-12-03"), "Tom-s-mesh-json-2026-12-03.json");
        for format in Format::ALL {
            assert_eq!(Format::parse(format.as_str()), Some(format));
            assert_eq!(serde_json::to_value(format).unwrap(), format.as_str());
        }
    }
}
