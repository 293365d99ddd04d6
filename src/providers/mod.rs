//! Virtual nodes and virtual routers, the providers a virtual service can point at: one
//! implementation for both kinds, which differ only in path, labels and the fields shown.

pub mod detail;
pub mod form;
pub mod kind;
pub mod list;
pub mod spec_form;
