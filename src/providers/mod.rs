//! Virtual nodes and virtual routers, the providers a virtual service can point at: one
//! implementation for both kinds, which differ only in path, labels and the fields shown.

pub mod create_return;
pub mod detail;
pub mod form;
pub mod list;
pub mod provided_services;
pub mod spec_form;
