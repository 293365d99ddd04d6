//! Pieces shared by every feature.

pub mod async_view;
