//! How App Mesh requests travel: over HTTP to the companion server (gloo-net), or as a call
//! into the engine built for the browser (`crates/browser`, emitted as `engine/` beside the
//! console). The engine is fetched only in browser mode, so visits served by the server never
//! download it.

use gloo_net::http::{Method, RequestBuilder};
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

// `import()` has no web-sys binding, so loading the engine is the console's one line of
// JavaScript. Inside a snippet a relative import would resolve against the snippet's own URL:
// the engine sits beside the page instead (under its base path when it is served under one).
#[wasm_bindgen(inline_js = r#"
export async function import_engine() {
    const engine = await import(new URL("engine/mesh_browser_engine.js", document.baseURI).href);
    await engine.default();
    return engine;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn import_engine() -> Result<Engine, JsValue>;
}

// The engine module's exports, as `crates/browser` declares them: typed imports, so no
// JavaScript (or `js_sys::Reflect` lookups) is needed to call them.
#[wasm_bindgen]
extern "C" {
    type Engine;
    #[wasm_bindgen(method)]
    fn handle(this: &Engine, method: &str, url: &str, body: Option<String>, caller: Option<String>) -> EngineReply;

    type EngineReply;
    #[wasm_bindgen(method, getter)]
    fn status(this: &EngineReply) -> u16;
    #[wasm_bindgen(method, getter)]
    fn body(this: &EngineReply) -> String;
    /// Releases the reply's memory inside the engine's wasm.
    #[wasm_bindgen(method)]
    fn free(this: &EngineReply);
}

thread_local! {
    static ENGINE: OnceCell<Engine> = const { OnceCell::new() };
}

/// Fetches and starts the engine; from then on, requests with `in_browser` run in it.
pub async fn load_engine() -> Result<(), String> {
    let engine = import_engine().await.map_err(|error| error.as_string().unwrap_or_else(|| format!("{error:?}")))?;
    ENGINE.with(|loaded| {
        let _ = loaded.set(engine);
    });
    Ok(())
}

/// An answer: its HTTP status (0 when nothing answered, the body then saying why), body, and
/// App Mesh error type if any.
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub error_type: Option<String>,
}

pub async fn request(in_browser: bool, method: Method, url: &str, body: Option<String>) -> Reply {
    if in_browser {
        return ENGINE.with(|engine| match engine.get() {
            Some(engine) => {
                let reply = engine.handle(method.as_str(), url, body, None);
                let answer = Reply { status: reply.status(), body: reply.body(), error_type: None };
                reply.free();
                answer
            }
            None => Reply { status: 0, body: "the engine for browser storage is not loaded".into(), error_type: None },
        });
    }
    fetch(method, url, body).await.unwrap_or_else(|error| Reply { status: 0, body: error.to_string(), error_type: None })
}

/// A request to the server, beside the console: `.` keeps it under the page's base path
/// when the console is served under one.
async fn fetch(method: Method, url: &str, body: Option<String>) -> Result<Reply, gloo_net::Error> {
    let request = RequestBuilder::new(&format!(".{url}")).method(method);
    let response = match body {
        Some(body) => request.header("content-type", "application/json").body(body)?.send().await?,
        None => request.send().await?,
    };
    Ok(Reply { status: response.status(), error_type: response.headers().get("x-amzn-ErrorType"), body: response.text().await? })
}
