//! Gateway routes of a virtual gateway: the table on the gateway's page, details, create and
//! edit.

pub mod detail;
pub mod form;
pub mod spec_form;
pub mod table;
