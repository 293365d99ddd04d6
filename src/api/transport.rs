//! How App Mesh requests travel: over HTTP to the companion server (gloo-net), or as a call
//! into the engine built for the browser (`crates/browser`, emitted as `engine/` beside the
//! console). The engine is fetched only in browser mode, so visits served by the server never
//! download it.

use gloo_net::http::{Method, Request};
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
#[derive(Clone)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub error_type: Option<String>,
}

pub async fn request(in_browser: bool, method: Method, url: &str, body: Option<String>) -> Reply {
    // The server drawing a first page answers from what it read for it.
    #[cfg(feature = "ssr")]
    if crate::prerender::rendering() {
        return crate::prerender::reply(&method, url).await;
    }
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
    if method != Method::GET {
        forget_early();
    } else if let Some(answer) = take_early(url) {
        return Reply::from_js(JsFuture::from(answer).await.unwrap_or_default());
    }
    fetch(method, url, body).await
}

impl Reply {
    fn unreachable(error: gloo_net::Error) -> Self {
        Reply { status: 0, body: error.to_string(), error_type: None }
    }

    /// `[status, errorType or null, body]`: a reply as a promise of the browser's holds it.
    fn into_js(self) -> JsValue {
        js_sys::Array::of3(&self.status.into(), &self.error_type.map_or(JsValue::NULL, JsValue::from), &self.body.into()).into()
    }

    fn from_js(value: JsValue) -> Self {
        let parts = js_sys::Array::from(&value);
        Reply {
            status: parts.get(0).as_f64().map_or(0, |status| status as u16),
            error_type: parts.get(1).as_string(),
            body: parts.get(2).as_string().unwrap_or_else(|| "the early request failed".into()),
        }
    }
}

/// Sends now, to the server, the GETs the first views will send once they exist, so their
/// answers travel while the console starts instead of one after another. Each answer is read
/// whole as it arrives: the view that takes it goes on at once, without waiting for the
/// browser (or letting it draw a frame in between). The first GET of each URL takes its
/// answer; any change sent drops the answers not yet taken, so none is older than a write.
pub fn ask_early(urls: Vec<String>) {
    let now = js_sys::Date::now();
    let asked = urls.into_iter().map(|url| {
        let sent = url.clone();
        let answer = wasm_bindgen_futures::future_to_promise(async move { Ok(fetch(Method::GET, &sent, None).await.into_js()) });
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
async fn fetch(method: Method, url: &str, body: Option<String>) -> Reply {
    send(method, url, body).await.unwrap_or_else(Reply::unreachable)
}

/// Sent with its URL as given: gloo-net's builder appends `&` to a URL with a query, and the
/// request would not be the one a page drawn by the server had the browser ask for already
/// (`<link rel=preload>`).
async fn send(method: Method, url: &str, body: Option<String>) -> Result<Reply, gloo_net::Error> {
    let init = web_sys::RequestInit::new();
    init.set_method(method.as_str());
    if let Some(body) = body {
        let headers = web_sys::Headers::new().map_err(js_error)?;
        headers.set("content-type", "application/json").map_err(js_error)?;
        init.set_headers(&headers);
        init.set_body(&body.into());
    }
    let request = web_sys::Request::new_with_str_and_init(&format!(".{url}"), &init).map_err(js_error)?;
    let response = Request::from(request).send().await?;
    Ok(Reply { status: response.status(), error_type: response.headers().get("x-amzn-ErrorType"), body: response.text().await? })
}

fn js_error(error: JsValue) -> gloo_net::Error {
    gloo_net::Error::GlooError(error.as_string().unwrap_or_else(|| format!("{error:?}")))
}
