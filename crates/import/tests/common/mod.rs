//! What the format tests share.

use mesh_import::{ImportOptions, Plan, plan};

/// Reads a file with these parameter values and the default account, region and stack name.
pub fn read(text: &str, parameters: &[(&str, &str)]) -> Plan {
    let options = ImportOptions {
        parameters: parameters.iter().map(|(name, value)| (name.to_string(), value.to_string())).collect(),
        ..ImportOptions::default()
    };
    plan(text, &options)
}
