//! Read connections, one per read under way: in WAL mode readers never wait for each other or
//! for the writer, so Describe and List calls use every core.

use super::storage_failed;
use mesh_engine::ApiError;
use rusqlite::{Connection, OpenFlags};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

pub struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl Readers {
    pub fn new(path: PathBuf) -> Self {
        Self { path, idle: Mutex::new(Vec::new()) }
    }

    /// Lends `read` an idle connection, or a new one when all are busy (so there are as many as
    /// reads ever ran at once: the runtime's threads, and exports).
    pub fn with<T>(&self, read: impl FnOnce(&mut Connection) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let mut connection = match idle {
            Some(connection) => connection,
            None => self.open()?,
        };
        let result = read(&mut connection);
        self.idle.lock().unwrap_or_else(PoisonError::into_inner).push(connection);
        result
    }

    fn open(&self) -> Result<Connection, ApiError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let connection = Connection::open_with_flags(&self.path, flags).map_err(storage_failed)?;
        super::sqlite_store::configure(&connection).map_err(storage_failed)?;
        connection.busy_timeout(std::time::Duration::from_secs(5)).map_err(storage_failed)?;
        Ok(connection)
    }
}
