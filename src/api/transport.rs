//! How App Mesh requests travel: `fetch` to the companion server, or a call into the engine
//! built for the browser (`crates/browser`, emitted as `engine/` beside the console). Both
//! are a few lines of JavaScript, far smaller in the bundle than their Rust bindings. The
//! engine is fetched only in browser mode, so visits served by the server never download it.

use crate::web::{load_engine_module, request_js};
use wasm_bindgen::JsCast;

/// Fetches and starts the engine; from then on, requests with `in_browser` run in it.
pub async fn load_engine() -> Result<(), String> {
    load_engine_module().await.map_err(|error| error.as_string().unwrap_or_else(|| format!("{error:?}")))
}

/// An answer: its HTTP status (0 when nothing answered, the body then saying why), body, and
/// App Mesh error type if any.
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub error_type: Option<String>,
}

pub async fn request(in_browser: bool, method: &str, url: &str, body: Option<String>) -> Reply {
    let reply: js_sys::Array = request_js(in_browser, method, url, body).await.unchecked_into();
    Reply {
        status: reply.get(0).as_f64().unwrap_or(0.0) as u16,
        body: reply.get(1).as_string().unwrap_or_default(),
        error_type: reply.get(2).as_string(),
    }
}
