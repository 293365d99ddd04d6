//! Virtual gateways: the list, details (with their gateway routes), create and edit.

pub mod detail;
pub mod form;
pub mod list;
pub mod spec_form;
