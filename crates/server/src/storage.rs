//! The engine's store on SQLite: one table of ordered collections, WAL, and one
//! transaction per API call, committed only when the engine answers `Ok`.

use mesh_engine::store::{MemoryStore, Store, StoreError};
use mesh_engine::{ApiError, Context, Engine};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use std::path::Path;
use std::sync::{Arc, Mutex};

const SCHEMA_VERSION: i64 = 1;

/// The database behind the API. Writes are serialized on one connection (SQLite has one
/// writer anyway, and racing creates of one name then give exactly one success); reads use
/// a second one, and in WAL mode never wait for a write.
#[derive(Clone)]
pub struct Database {
    writer: Arc<Mutex<Connection>>,
    reader: Arc<Mutex<Connection>>,
}

impl Database {
    pub fn open(path: &Path) -> Result<Self, String> {
        let writer = Self::connect(path)?;
        let reader = Self::connect(path)?;
        Ok(Self { writer: Arc::new(Mutex::new(writer)), reader: Arc::new(Mutex::new(reader)) })
    }

    fn connect(path: &Path) -> Result<Connection, String> {
        if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
        }
        let connection = Connection::open(path).map_err(|error| format!("cannot open {}: {error}", path.display()))?;
        // WAL with FULL sync: a commit is on disk before the answer leaves, so an
        // acknowledged write survives kill -9 and power loss alike.
        connection
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")
            .map_err(|error| format!("cannot configure {}: {error}", path.display()))?;
        let version: i64 = connection.query_row("PRAGMA user_version", [], |row| row.get(0)).map_err(|e| e.to_string())?;
        match version {
            0 => connection
                .execute_batch(&format!(
                    "CREATE TABLE entries (
                         collection TEXT NOT NULL,
                         key TEXT NOT NULL,
                         value TEXT NOT NULL,
                         PRIMARY KEY (collection, key)
                     ) WITHOUT ROWID;
                     PRAGMA user_version = {SCHEMA_VERSION};"
                ))
                .map_err(|error| format!("cannot create the schema in {}: {error}", path.display()))?,
            SCHEMA_VERSION => {}
            other => {
                return Err(format!("{} has schema version {other}; this server reads version {SCHEMA_VERSION}", path.display()));
            }
        }
        Ok(connection)
    }

    /// Runs one engine call that changes things, in one write transaction.
    pub fn write<T>(
        &self,
        context: &Context,
        operation: impl FnOnce(&mut Engine<'_, SqliteStore<'_>>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        Self::run(&self.writer, TransactionBehavior::Immediate, context, operation)
    }

    /// Runs one engine call that only looks, in one read transaction (a consistent snapshot).
    pub fn read<T>(
        &self,
        context: &Context,
        operation: impl FnOnce(&mut Engine<'_, SqliteStore<'_>>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        Self::run(&self.reader, TransactionBehavior::Deferred, context, operation)
    }

    /// Every entry, read in one transaction: what Export downloads.
    pub fn export(&self) -> Result<MemoryStore, ApiError> {
        let connection = self.reader.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut statement = connection.prepare_cached("SELECT collection, key, value FROM entries").map_err(storage_failed)?;
        let mut rows = statement.query([]).map_err(storage_failed)?;
        let mut store = MemoryStore::new();
        while let Some(row) = rows.next().map_err(storage_failed)? {
            let (collection, key, value): (String, String, String) =
                (row.get(0).map_err(storage_failed)?, row.get(1).map_err(storage_failed)?, row.get(2).map_err(storage_failed)?);
            store.put(&collection, &key, &value).expect("memory never fails");
        }
        Ok(store)
    }

    /// Replaces every entry with those of `store` in one transaction: what Import does.
    pub fn replace_all(&self, store: &MemoryStore) -> Result<(), ApiError> {
        let mut connection = self.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate).map_err(storage_failed)?;
        transaction.execute("DELETE FROM entries", []).map_err(storage_failed)?;
        {
            let mut insert =
                transaction.prepare_cached("INSERT INTO entries (collection, key, value) VALUES (?1, ?2, ?3)").map_err(storage_failed)?;
            for (collection, key, value) in store.entries() {
                insert.execute(params![collection, key, value]).map_err(storage_failed)?;
            }
        }
        transaction.commit().map_err(storage_failed)
    }

    fn run<T>(
        connection: &Mutex<Connection>,
        behavior: TransactionBehavior,
        context: &Context,
        operation: impl FnOnce(&mut Engine<'_, SqliteStore<'_>>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut connection = connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let transaction = connection.transaction_with_behavior(behavior).map_err(storage_failed)?;
        let mut store = SqliteStore { transaction: &transaction };
        let result = operation(&mut Engine::new(&mut store, context))?;
        transaction.commit().map_err(storage_failed)?;
        Ok(result)
    }
}

pub struct SqliteStore<'t> {
    transaction: &'t Transaction<'t>,
}

fn storage_failed(error: rusqlite::Error) -> ApiError {
    ApiError::internal(format!("Storage failed: {error}"))
}

fn failed(error: rusqlite::Error) -> StoreError {
    StoreError(error.to_string())
}

impl Store for SqliteStore<'_> {
    fn get(&self, collection: &str, key: &str) -> Result<Option<String>, StoreError> {
        self.transaction
            .prepare_cached("SELECT value FROM entries WHERE collection = ?1 AND key = ?2")
            .and_then(|mut statement| statement.query_row(params![collection, key], |row| row.get(0)).optional())
            .map_err(failed)
    }

    fn put(&mut self, collection: &str, key: &str, value: &str) -> Result<(), StoreError> {
        self.transaction
            .prepare_cached("INSERT OR REPLACE INTO entries (collection, key, value) VALUES (?1, ?2, ?3)")
            .and_then(|mut statement| statement.execute(params![collection, key, value]))
            .map(drop)
            .map_err(failed)
    }

    fn delete(&mut self, collection: &str, key: &str) -> Result<(), StoreError> {
        self.transaction
            .prepare_cached("DELETE FROM entries WHERE collection = ?1 AND key = ?2")
            .and_then(|mut statement| statement.execute(params![collection, key]))
            .map(drop)
            .map_err(failed)
    }

    fn scan(&self, collection: &str, after: Option<&str>, limit: usize) -> Result<Vec<(String, String)>, StoreError> {
        // SQLite compares TEXT with memcmp, the same byte order as Rust's strings.
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut statement = self
            .transaction
            .prepare_cached("SELECT key, value FROM entries WHERE collection = ?1 AND (?2 IS NULL OR key > ?2) ORDER BY key LIMIT ?3")
            .map_err(failed)?;
        let rows = statement.query_map(params![collection, after, limit], |row| Ok((row.get(0)?, row.get(1)?))).map_err(failed)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(failed)
    }

    fn count(&self, collection: &str) -> Result<usize, StoreError> {
        self.transaction
            .prepare_cached("SELECT COUNT(*) FROM entries WHERE collection = ?1")
            .and_then(|mut statement| statement.query_row(params![collection], |row| row.get::<_, i64>(0)))
            .map(|count| usize::try_from(count).unwrap_or(0))
            .map_err(failed)
    }
}
