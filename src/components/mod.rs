//! Pieces shared by every feature.

pub mod async_view;
pub mod choice;
pub mod confirm_delete;
pub mod data_table;
pub mod debounce;
pub mod described;
pub mod error_alert;
pub mod field;
pub mod form_page;
pub mod format;
pub mod link;
pub mod listeners;
pub mod metadata;
pub mod new_name;
pub mod not_found_panel;
pub mod notice;
pub mod query;
pub mod resource_page;
pub mod routes_in_use;
pub mod select_field;
pub mod service_links;
pub mod submission;
pub mod table;
pub mod tags;
pub mod with_route;
