//! Pieces shared by every feature.

pub mod async_view;
pub mod confirm_delete;
pub mod create_return;
pub mod data_table;
pub mod debounce;
pub mod field;
pub mod format;
pub mod link;
pub mod listeners;
pub mod metadata;
pub mod names;
pub mod not_found_panel;
pub mod notice;
pub mod provided_services;
pub mod query;
pub mod resource_page;
pub mod resource_table;
pub mod submission;
pub mod table;
