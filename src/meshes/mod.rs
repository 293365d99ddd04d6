//! Meshes: the ones you own and the ones shared with you.

pub mod list;
