//! Configuration checks: a mesh's findings (`/meshes/{mesh}/checks`) and each check's
//! explanation (`/checks/{code}`). The checks run in the backend (mesh-insight), the same ones
//! the command line runs; a details page shows its resource's findings
//! (`components::findings`).

pub mod explanation;
pub mod mesh_checks;
