//! The API's JSON: the console's own export document, which the import reads back.

use mesh_engine::mesh_config::MeshConfig;
use serde_json::json;

/// The `format` member of the document.
pub const EXPORT_FORMAT: &str = "mesh-console-mesh";
/// The `version` member of the document.
pub const EXPORT_VERSION: u32 = 1;

/// `{"format": "mesh-console-mesh", "version": 1, "mesh": <MeshConfig>}`, pretty-printed.
pub(crate) fn document(config: &MeshConfig) -> String {
    let document = json!({"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "mesh": config});
    let mut text = serde_json::to_string_pretty(&document).expect("a MeshConfig serializes");
    text.push('\n');
    text
}
