//! Pieces shared by every feature.

pub mod async_view;
pub mod confirm_delete;
pub mod data_table;
pub mod debounce;
pub mod field;
pub mod format;
pub mod notice;
pub mod query;
pub mod table;

