//! What the engine needs of storage: an ordered key-value store of collections.
//! The server puts it on SQLite (one transaction per call); the browser on localStorage.

use std::collections::BTreeMap;
use std::fmt;

/// Storage failed (I/O, a full quota, corrupt data). The engine answers it as a 500.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// Collections of `key → value` strings, each kept in key order.
pub trait Store {
    fn get(&self, collection: &str, key: &str) -> Result<Option<String>, StoreError>;
    /// Insert or replace.
    fn put(&mut self, collection: &str, key: &str, value: &str) -> Result<(), StoreError>;
    fn delete(&mut self, collection: &str, key: &str) -> Result<(), StoreError>;
    /// Up to `limit` entries whose key is greater than `after`, in key order.
    fn scan(&self, collection: &str, after: Option<&str>, limit: usize) -> Result<Vec<(String, String)>, StoreError>;
    fn count(&self, collection: &str) -> Result<usize, StoreError>;
}

/// A store in memory: the engine's tests, and the browser's working copy of localStorage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryStore {
    collections: BTreeMap<String, BTreeMap<String, String>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every entry as `(collection, key, value)`, in order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.collections
            .iter()
            .flat_map(|(collection, entries)| entries.iter().map(move |(key, value)| (collection.as_str(), key.as_str(), value.as_str())))
    }
}

impl Store for MemoryStore {
    fn get(&self, collection: &str, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.collections.get(collection).and_then(|entries| entries.get(key)).cloned())
    }

    fn put(&mut self, collection: &str, key: &str, value: &str) -> Result<(), StoreError> {
        self.collections.entry(collection.to_string()).or_default().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn delete(&mut self, collection: &str, key: &str) -> Result<(), StoreError> {
        if let Some(entries) = self.collections.get_mut(collection) {
            entries.remove(key);
            if entries.is_empty() {
                self.collections.remove(collection);
            }
        }
        Ok(())
    }

    fn scan(&self, collection: &str, after: Option<&str>, limit: usize) -> Result<Vec<(String, String)>, StoreError> {
        use std::ops::Bound;
        let Some(entries) = self.collections.get(collection) else {
            return Ok(Vec::new());
        };
        let lower = match after {
            Some(key) => Bound::Excluded(key.to_string()),
            None => Bound::Unbounded,
        };
        Ok(entries.range((lower, Bound::Unbounded)).take(limit).map(|(key, value)| (key.clone(), value.clone())).collect())
    }

    fn count(&self, collection: &str) -> Result<usize, StoreError> {
        Ok(self.collections.get(collection).map_or(0, BTreeMap::len))
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn scan_resumes_after_a_key_in_order() {
        let mut store = MemoryStore::new();
        for key in ["c", "a", "b", "d"] {
            store.put("things", key, key).unwrap();
        }
        let first: Vec<_> = store.scan("things", None, 2).unwrap().into_iter().map(|e| e.0).collect();
        assert_eq!(first, ["a", "b"]);
        let rest: Vec<_> = store.scan("things", Some("b"), 10).unwrap().into_iter().map(|e| e.0).collect();
        assert_eq!(rest, ["c", "d"]);
        assert_eq!(store.count("things").unwrap(), 4);
        assert_eq!(store.count("other").unwrap(), 0);
    }

    #[test]
    fn delete_removes_empty_collections() {
        let mut store = MemoryStore::new();
        store.put("things", "a", "1").unwrap();
        store.delete("things", "a").unwrap();
        assert_eq!(store, MemoryStore::new());
    }
}
