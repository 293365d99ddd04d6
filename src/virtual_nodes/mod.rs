//! Virtual nodes: list, details, create and edit, delete.

pub mod detail;
pub mod form;
pub mod list;
pub mod state;
