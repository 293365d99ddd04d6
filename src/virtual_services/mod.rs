//! Virtual services: the list, details, the create wizard and edit.

pub mod detail;
pub mod edit;
pub mod list;
pub mod provider;
pub mod wizard;
