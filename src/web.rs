//! The few browser calls the console makes beyond leptos, written in JavaScript: a handful of lines
//! here cost the bundle far less than their web-sys bindings.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let engine;
export async function load_engine() {
    const module = await import(new URL("engine/mesh_browser_engine.js", document.baseURI).href);
    await module.default();
    engine = module;
}
export async function request(in_browser, method, url, body) {
    if (in_browser) {
        const reply = engine.handle(method, url, body, undefined);
        const answer = [reply.status, reply.body];
        reply.free();
        return answer;
    }
    try {
        const headers = body === undefined ? {} : { "content-type": "application/json" };
        // Beside the console: under its base path when it is served under one.
        const response = await fetch(new URL("." + url, document.baseURI), { method, headers, body });
        return [response.status, await response.text(), response.headers.get("x-amzn-ErrorType") ?? undefined];
    } catch (error) {
        return [0, String(error)];
    }
}
export function setting(key) {
    try { return localStorage.getItem(key); } catch { return null; }
}
export function set_setting(key, value) {
    try {
        if (value === undefined) localStorage.removeItem(key); else localStorage.setItem(key, value);
        return true;
    } catch { return false; }
}
export function on_storage_change(ignored_key, changed) {
    addEventListener("storage", (event) => { if (event.key !== ignored_key) changed(); });
}
export function download_json(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.click();
    URL.revokeObjectURL(url);
}
export async function chosen_file_text(input_id) {
    const file = document.getElementById(input_id)?.files?.[0];
    return file ? await file.text() : undefined;
}
export function today() {
    return new Date().toISOString().slice(0, 10);
}
export function reload() {
    location.reload();
}
export function current_path_and_query() {
    return location.pathname + location.search;
}
export function replace_query(query) {
    if (location.search.replace(/^\?/, "") !== query) history.replaceState(null, "", location.pathname + "?" + query);
}
export function copy_text(text) {
    navigator.clipboard?.writeText(text);
}
export function focus_by_id(id) {
    document.getElementById(id)?.focus();
}
export function set_title(title) {
    document.title = title;
}
export function confirm_action(question) {
    return confirm(question);
}
export function base_path() {
    return new URL(document.baseURI).pathname.replace(/\/+$/, "");
}
"#)]
extern "C" {
    /// A value this console keeps in localStorage, if any.
    pub fn setting(key: &str) -> Option<String>;
    /// Keeps (or, with `None`, forgets) a value; false when the browser refuses.
    pub fn set_setting(key: &str, value: Option<String>) -> bool;
    /// Calls `changed` whenever another tab changes localStorage, except `ignored_key`.
    pub fn on_storage_change(ignored_key: &str, changed: &Closure<dyn Fn()>);
    pub fn download_json(name: &str, text: &str);
    /// The text of the file chosen in the file input with this id.
    pub async fn chosen_file_text(input_id: &str) -> JsValue;
    /// `2026-11-26`.
    pub fn today() -> String;
    /// Starts the console again.
    pub fn reload();
    /// `/meshes/m1/virtual-services?filter=a`, as the address bar shows it.
    pub fn current_path_and_query() -> String;
    /// Replaces the query of the current history entry, if it differs (no navigation).
    pub fn replace_query(query: &str);
    pub fn copy_text(text: &str);
    /// Moves focus to the element with this id (the first field in error).
    pub fn focus_by_id(id: &str);
    pub fn set_title(title: &str);
    /// Asks the browser's own OK / Cancel dialog; true on OK.
    pub fn confirm_action(question: &str) -> bool;
    /// The path of the page's `<base href>`, without its trailing slash.
    pub fn base_path() -> String;
    /// The engine built for the browser, and requests to it or to the server: see
    /// `api::transport`.
    #[wasm_bindgen(catch, js_name = load_engine)]
    pub async fn load_engine_module() -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = request)]
    pub async fn request_js(in_browser: bool, method: &str, url: &str, body: Option<String>) -> JsValue;
}
