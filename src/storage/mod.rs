//! Where the console keeps data: the companion server, or this browser (same engine, over
//! localStorage). Choosing at start, the settings page, the storage problem page, and
//! moving data between the two (export and import).

pub mod live;
pub mod preference;
pub mod problem;
pub mod settings;
pub mod start;
pub mod transfer;
