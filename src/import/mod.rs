//! `/import`: App Mesh configuration brought in from a file (a CloudFormation template,
//! controller manifests, the console's own export, `describe-*` answers). The backend reads
//! it and plans (mesh-import); the page previews every change with its problems and the
//! checks' findings, and Apply makes all of it or nothing.

pub mod page;
mod plan;
