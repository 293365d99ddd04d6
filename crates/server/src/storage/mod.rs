//! The engine's store on SQLite, in WAL mode: reads on connections of their own in the
//! request's thread (they never wait), writes grouped by one writer thread (`group_commit`),
//! each API call all-or-nothing and answered only once it is on disk.

mod group_commit;
mod readers;
mod sqlite_store;

use group_commit::Writer;
use mesh_engine::engine::listing;
use mesh_engine::store::{MemoryStore, Store};
use mesh_engine::{ApiError, Context, Engine};
use readers::Readers;
use rusqlite::{Connection, TransactionBehavior, params};
pub use sqlite_store::SqliteStore;
use std::path::Path;
use std::sync::Arc;

/// 1: the entries; 2: with the List item of each resource beside it (`listing` collections).
const SCHEMA_VERSION: i64 = 2;

/// The database behind the API. One writer (SQLite has one anyway, and racing creates of one
/// name then give exactly one success), and as many readers as reads under way.
#[derive(Clone)]
pub struct Database {
    writer: Writer,
    readers: Arc<Readers>,
}

impl Database {
    pub fn open(path: &Path) -> Result<Self, String> {
        if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
        }
        let mut connection = Connection::open(path).map_err(|error| format!("cannot open {}: {error}", path.display()))?;
        // WAL with FULL sync: a commit is on disk before the answer leaves, so an
        // acknowledged write survives kill -9 and power loss alike.
        connection
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")
            .and_then(|()| sqlite_store::configure(&connection))
            .map_err(|error| format!("cannot configure {}: {error}", path.display()))?;
        create_or_check_schema(&mut connection, path)?;
        Ok(Self { writer: Writer::start(connection)?, readers: Arc::new(Readers::new(path.to_owned())) })
    }

    /// Runs one engine call that changes things, all or nothing, in the writer's next round.
    pub async fn write<T: Send + 'static>(
        &self,
        context: Context,
        operation: impl FnOnce(&mut Engine<'_, SqliteStore<'_>>) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        self.writer.run(move |connection| operation(&mut Engine::new(&mut SqliteStore::new(connection), &context))).await
    }

    /// Runs one engine call that only looks, in one read transaction (a consistent snapshot).
    pub fn read<T>(
        &self,
        context: &Context,
        operation: impl FnOnce(&mut Engine<'_, SqliteStore<'_>>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        self.readers.with(|connection| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Deferred).map_err(storage_failed)?;
            operation(&mut Engine::new(&mut SqliteStore::new(&transaction), context))
        })
    }

    /// Every entry, read in one statement (one snapshot): what Export downloads.
    pub fn export(&self) -> Result<MemoryStore, ApiError> {
        self.readers.with(|connection| {
            let mut statement = connection.prepare_cached("SELECT collection, key, value FROM entries").map_err(storage_failed)?;
            let mut rows = statement.query([]).map_err(storage_failed)?;
            let mut store = MemoryStore::new();
            while let Some(row) = rows.next().map_err(storage_failed)? {
                let (collection, key, value): (String, String, String) =
                    (row.get(0).map_err(storage_failed)?, row.get(1).map_err(storage_failed)?, row.get(2).map_err(storage_failed)?);
                store.put(&collection, &key, &value).expect("memory never fails");
            }
            Ok(store)
        })
    }

    /// Replaces every entry with those of `store`, all or nothing: what Import does.
    pub async fn replace_all(&self, store: MemoryStore) -> Result<(), ApiError> {
        self.writer
            .run(move |connection| {
                connection.execute("DELETE FROM entries", []).map_err(storage_failed)?;
                let mut insert = connection
                    .prepare_cached("INSERT INTO entries (collection, key, value) VALUES (?1, ?2, ?3)")
                    .map_err(storage_failed)?;
                for (collection, key, value) in store.entries() {
                    insert.execute(params![collection, key, value]).map_err(storage_failed)?;
                }
                Ok(())
            })
            .await
    }
}

fn create_or_check_schema(connection: &mut Connection, path: &Path) -> Result<(), String> {
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
            .map_err(|error| format!("cannot create the schema in {}: {error}", path.display())),
        1 => {
            add_listings(connection).map_err(|error| format!("cannot bring {} to schema version {SCHEMA_VERSION}: {error}", path.display()))
        }
        SCHEMA_VERSION => Ok(()),
        other => Err(format!("{} has schema version {other}; this server reads version {SCHEMA_VERSION}", path.display())),
    }
}

/// Schema 1 to 2, all or nothing: writes the List item of every stored resource beside it.
fn add_listings(connection: &mut Connection) -> Result<(), String> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|error| error.to_string())?;
    let entries: Vec<(String, String, String)> = {
        let mut statement = transaction.prepare("SELECT collection, key, value FROM entries").map_err(|error| error.to_string())?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).map_err(|error| error.to_string())?;
        rows.collect::<Result<_, _>>().map_err(|error| error.to_string())?
    };
    let listings = listing::listings(entries.iter().map(|(collection, key, value)| (collection.as_str(), key.as_str(), value.as_str())))?;
    for (collection, key, item) in listings {
        transaction
            .execute("INSERT OR REPLACE INTO entries (collection, key, value) VALUES (?1, ?2, ?3)", params![collection, key, item])
            .map_err(|error| error.to_string())?;
    }
    transaction.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION};")).map_err(|error| error.to_string())?;
    transaction.commit().map_err(|error| error.to_string())
}

fn storage_failed(error: rusqlite::Error) -> ApiError {
    ApiError::internal(format!("Storage failed: {error}"))
}
