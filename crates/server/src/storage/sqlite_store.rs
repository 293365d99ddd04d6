//! The engine's `Store` over one SQLite connection, inside the transaction (or savepoint) its
//! caller opened: one table of ordered collections.

use mesh_engine::store::{Store, StoreError};
use rusqlite::{Connection, OptionalExtension, params};

pub struct SqliteStore<'c> {
    connection: &'c Connection,
}

/// Settings of every connection: the query planner's stability guarantee. Without it SQLite
/// plans a statement again whenever a parameter it might plan by is bound anew (here every
/// `LIMIT ?`), so a cached statement was compiled again on every call.
pub fn configure(connection: &Connection) -> rusqlite::Result<()> {
    connection.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true).map(drop)
}

impl<'c> SqliteStore<'c> {
    pub fn new(connection: &'c Connection) -> Self {
        Self { connection }
    }
}

fn failed(error: rusqlite::Error) -> StoreError {
    StoreError(error.to_string())
}

impl Store for SqliteStore<'_> {
    fn get(&self, collection: &str, key: &str) -> Result<Option<String>, StoreError> {
        self.connection
            .prepare_cached("SELECT value FROM entries WHERE collection = ?1 AND key = ?2")
            .and_then(|mut statement| statement.query_row(params![collection, key], |row| row.get(0)).optional())
            .map_err(failed)
    }

    fn put(&mut self, collection: &str, key: &str, value: &str) -> Result<(), StoreError> {
        self.connection
            .prepare_cached("INSERT OR REPLACE INTO entries (collection, key, value) VALUES (?1, ?2, ?3)")
            .and_then(|mut statement| statement.execute(params![collection, key, value]))
            .map(drop)
            .map_err(failed)
    }

    fn delete(&mut self, collection: &str, key: &str) -> Result<(), StoreError> {
        self.connection
            .prepare_cached("DELETE FROM entries WHERE collection = ?1 AND key = ?2")
            .and_then(|mut statement| statement.execute(params![collection, key]))
            .map(drop)
            .map_err(failed)
    }

    fn scan(&self, collection: &str, after: Option<&str>, limit: usize) -> Result<Vec<(String, String)>, StoreError> {
        // SQLite compares TEXT with memcmp, the same byte order as Rust's strings.
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut statement = self
            .connection
            .prepare_cached("SELECT key, value FROM entries WHERE collection = ?1 AND (?2 IS NULL OR key > ?2) ORDER BY key LIMIT ?3")
            .map_err(failed)?;
        let rows = statement.query_map(params![collection, after, limit], |row| Ok((row.get(0)?, row.get(1)?))).map_err(failed)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(failed)
    }

    fn count(&self, collection: &str) -> Result<usize, StoreError> {
        self.connection
            .prepare_cached("SELECT COUNT(*) FROM entries WHERE collection = ?1")
            .and_then(|mut statement| statement.query_row(params![collection], |row| row.get::<_, i64>(0)))
            .map(|count| usize::try_from(count).unwrap_or(0))
            .map_err(failed)
    }
}
