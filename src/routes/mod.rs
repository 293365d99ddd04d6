//! Routes of a virtual router: the list on the router's page, a route's details, and the
//! form with the weighted targets editor.

pub mod count;
pub mod detail;
pub mod fields;
pub mod form;
pub mod list;
pub mod match_fields;
pub mod policy;
pub mod policy_fields;
pub mod spec_form;
pub mod summary;
pub mod targets;
pub mod targets_editor;
