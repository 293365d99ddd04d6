//! A signal that follows another once it has stopped changing for a while.

use leptos::prelude::*;
use std::time::Duration;

/// Follows `source` after `millis` without a change; `.set()` it to catch up at once.
pub fn debounced(source: Signal<String>, millis: u64) -> RwSignal<String> {
    let settled = RwSignal::new(source.get_untracked());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let value = source.get();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || settled.set(value), Duration::from_millis(millis)).ok();
        pending.set_value(handle);
    });
    settled
}
