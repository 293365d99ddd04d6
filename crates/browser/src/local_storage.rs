//! The one localStorage item that holds the whole store document. One item, so that every
//! write is one `setItem`: it happens entirely or, when the quota is full, not at all.

use mesh_engine::ApiError;
use wasm_bindgen::JsCast;

/// The item's key; another tab's write to it arrives as a `storage` event with this key.
pub const STORE_KEY: &str = "mesh-console.store";

fn storage() -> Result<web_sys::Storage, ApiError> {
    let unavailable = || ApiError::internal("This browser does not let the console store data here (localStorage is unavailable).");
    web_sys::window().ok_or_else(unavailable)?.local_storage().ok().flatten().ok_or_else(unavailable)
}

pub fn read() -> Result<Option<String>, ApiError> {
    storage()?.get_item(STORE_KEY).map_err(|error| failed("read", &error))
}

/// Stores the document; nothing is acknowledged before this returns.
pub fn write(text: &str) -> Result<(), ApiError> {
    storage()?.set_item(STORE_KEY, text).map_err(|error| {
        if error.dyn_ref::<web_sys::DomException>().is_some_and(|exception| exception.name() == "QuotaExceededError") {
            ApiError::internal(
                "The browser's storage for this site is full, so nothing was saved and everything is as it was. \
                 Delete resources you no longer need, or export the store and move to the server.",
            )
        } else {
            failed("write", &error)
        }
    })
}

pub fn remove() -> Result<(), ApiError> {
    storage()?.remove_item(STORE_KEY).map_err(|error| failed("remove", &error))
}

fn failed(action: &str, error: &wasm_bindgen::JsValue) -> ApiError {
    ApiError::internal(format!("The browser refused to {action} the stored data: {error:?}"))
}
