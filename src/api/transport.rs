//! How App Mesh requests travel: over HTTP to the companion server (gloo-net), or as a call
//! into the engine built for the browser (`crates/browser`, emitted as `engine/` beside the
//! console). The engine is fetched only in browser mode, so visits served by the server never
//! download it.

use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::window;
use std::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

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
    /// GETs sent while the console starts (see [`ask_early`]): URL, the browser's answer to
    /// come, and when it was asked (ms).
    static EARLY: RefCell<Vec<(String, js_sys::Promise, f64)>> = const { RefCell::new(Vec::new()) };
}

/// How long an early answer waits to be taken: longer than starting takes, short enough that
/// a view opened later asks anew.
const EARLY_FOR_MS: f64 = 10_000.0;

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

/// Sends now, to the server, the GETs the first views will send once they exist, so their
/// answers travel while the console starts instead of one after another. The first GET of
/// each URL takes its answer; any change sent drops the answers not yet taken, so none is
/// older than a write.
pub fn ask_early(urls: Vec<String>) {
    let now = js_sys::Date::now();
    let asked = urls.into_iter().map(|url| {
        let answer = window().fetch_with_str(&format!(".{url}"));
        (url, answer, now)
    });
    EARLY.with(|early| early.borrow_mut().extend(asked));
}

/// Drops the early answers not taken: in browser mode nothing reads them.
pub fn forget_early() {
    EARLY.with(|early| early.borrow_mut().clear());
}

fn take_early(url: &str) -> Option<js_sys::Promise> {
    let now = js_sys::Date::now();
    EARLY.with(|early| {
        let mut early = early.borrow_mut();
        early.retain(|(_, _, asked)| now - asked < EARLY_FOR_MS);
        let index = early.iter().position(|(asked, ..)| asked == url)?;
        Some(early.swap_remove(index).1)
    })
}

/// A request to the server, beside the console: `.` keeps it under the page's base path
/// when the console is served under one.
async fn fetch(method: Method, url: &str, body: Option<String>) -> Result<Reply, gloo_net::Error> {
    let early = if method == Method::GET {
        take_early(url)
    } else {
        forget_early();
        None
    };
    let response = match early {
        Some(answer) => early_response(answer).await?,
        None => {
            let request = RequestBuilder::new(&format!(".{url}")).method(method);
            match body {
                Some(body) => request.header("content-type", "application/json").body(body)?.send().await?,
                None => request.send().await?,
            }
        }
    };
    Ok(Reply { status: response.status(), error_type: response.headers().get("x-amzn-ErrorType"), body: response.text().await? })
}

async fn early_response(answer: js_sys::Promise) -> Result<Response, gloo_net::Error> {
    match JsFuture::from(answer).await {
        Ok(response) => Ok(Response::from(response.unchecked_into::<web_sys::Response>())),
        Err(error) => {
            let message = error.dyn_into::<js_sys::Error>().map_or_else(|_| "the request failed".into(), |error| error.message().into());
            Err(gloo_net::Error::GlooError(message))
        }
    }
}
