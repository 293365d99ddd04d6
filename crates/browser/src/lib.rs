//! The App Mesh engine in the browser. In browser-only mode the console sends the very
//! requests it would send the companion server to [`handle`], which answers them with the
//! shared engine over a store kept in localStorage. Built apart from the console
//! (`scripts/build-browser-engine`) and loaded only in browser mode, so the console's own
//! bundle does not carry the engine.

mod local_storage;
mod routes;
mod store_document;

use mesh_engine::ApiError;
use wasm_bindgen::prelude::*;

pub use local_storage::STORE_KEY;
pub use routes::{Home, engine_call};

/// An answer as HTTP would carry it: a status and a JSON body (an App Mesh error body,
/// `{"__type","message"}`, when the status is not 2xx).
#[wasm_bindgen]
pub struct Reply {
    status: u16,
    body: String,
}

#[wasm_bindgen]
impl Reply {
    #[wasm_bindgen(getter)]
    pub fn status(&self) -> u16 {
        self.status
    }

    #[wasm_bindgen(getter)]
    pub fn body(&self) -> String {
        self.body.clone()
    }
}

impl Reply {
    fn from_result(result: Result<String, ApiError>) -> Self {
        match result {
            Ok(body) => Self { status: 200, body },
            Err(error) => {
                Self { status: error.kind.http_status(), body: serde_json::to_string(&error.body()).expect("error bodies serialize") }
            }
        }
    }
}

/// Answers one request of the App Mesh API (`/v20190125/…`, the RAM share calls) or of the
/// console's own (`/console-api/…`). `caller` acts as another
/// account, as a SigV4 access key does on the server; by default the store's own account.
#[wasm_bindgen]
pub fn handle(method: &str, url: &str, body: Option<String>, caller: Option<String>) -> Reply {
    Reply::from_result(routes::handle(method, url, body.as_deref().unwrap_or("").as_bytes(), caller.as_deref()))
}
