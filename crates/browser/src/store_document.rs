//! The store document: read from localStorage through a cache that is trusted only while
//! the item still holds the text it was read from (another tab may have written since), and
//! written back whole after every change, before the change is acknowledged.

use crate::local_storage;
use mesh_engine::engine::snapshot::Snapshot;
use mesh_engine::names::{AccountId, Region};
use mesh_engine::store::MemoryStore;
use mesh_engine::{ApiError, DEFAULT_ACCOUNT, DEFAULT_REGION};
use std::cell::RefCell;

struct Cached {
    text: Option<String>,
    snapshot: Snapshot,
}

thread_local! {
    static CACHED: RefCell<Option<Cached>> = const { RefCell::new(None) };
}

fn empty() -> Snapshot {
    Snapshot::new(AccountId::parse(DEFAULT_ACCOUNT).expect("valid"), Region::parse(DEFAULT_REGION).expect("valid"), MemoryStore::new())
}

fn unreadable(reason: &str) -> ApiError {
    ApiError::internal(format!(
        "The data stored in this browser cannot be read. {reason} \
         Export it to keep a copy, then reset the browser store or import a good file. Nothing was changed."
    ))
}

/// Runs `use_it` over the store as localStorage holds it now.
fn with_current<T>(use_it: impl FnOnce(&mut Cached) -> Result<T, ApiError>) -> Result<T, ApiError> {
    let text = local_storage::read()?;
    CACHED.with_borrow_mut(|cached| {
        if cached.as_ref().is_none_or(|cached| cached.text != text) {
            let snapshot = match &text {
                Some(stored) => Snapshot::parse(stored).map_err(|error| unreadable(&error.0))?,
                None => empty(),
            };
            *cached = Some(Cached { text, snapshot });
        }
        use_it(cached.as_mut().expect("just filled"))
    })
}

/// A call that only reads.
pub fn read<T>(run: impl FnOnce(&mut Snapshot) -> Result<T, ApiError>) -> Result<T, ApiError> {
    with_current(|cached| run(&mut cached.snapshot))
}

/// A call that may change the store: it runs on a copy, and only a call that succeeds is
/// written, as one item, before it is answered.
pub fn write<T>(run: impl FnOnce(&mut Snapshot) -> Result<T, ApiError>) -> Result<T, ApiError> {
    with_current(|cached| {
        let mut working = cached.snapshot.clone();
        let result = run(&mut working)?;
        let text = working.to_json();
        local_storage::write(&text)?;
        *cached = Cached { text: Some(text), snapshot: working };
        Ok(result)
    })
}

/// The document as stored, readable or not, so that even data this build cannot read can be
/// saved to a file; a new store's empty document when there is none.
pub fn export() -> Result<String, ApiError> {
    Ok(local_storage::read()?.unwrap_or_else(|| empty().to_json()))
}

/// Replaces the whole store with a document that reads, or changes nothing.
pub fn import(text: &str) -> Result<(), ApiError> {
    let snapshot = Snapshot::parse_import(text)?;
    let text = snapshot.to_json();
    local_storage::write(&text)?;
    CACHED.set(Some(Cached { text: Some(text), snapshot }));
    Ok(())
}

/// Forgets everything stored in this browser.
pub fn reset() -> Result<(), ApiError> {
    local_storage::remove()?;
    CACHED.set(None);
    Ok(())
}
