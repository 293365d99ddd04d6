//! Meshes: the ones you own and the ones shared with you.

pub mod create;
pub mod detail;
pub mod edit;
pub mod known;
pub mod layout;
pub mod list;
pub mod spec_form;
