//! The browser calls the console makes beyond leptos, through web-sys. Each returns what the
//! console can go on with when the browser refuses (no storage in private mode, no clipboard
//! outside a secure context), so none of them panics.

use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, HtmlElement, HtmlInputElement, StorageEvent, Url};

/// localStorage, when the browser lets the page have it.
fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// A value this console keeps in localStorage, if any.
pub fn setting(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Keeps (or, with `None`, forgets) a value; false when the browser refuses.
pub fn set_setting(key: &str, value: Option<String>) -> bool {
    let Some(storage) = local_storage() else { return false };
    match value {
        Some(value) => storage.set_item(key, &value),
        None => storage.remove_item(key),
    }
    .is_ok()
}

/// Calls `changed` whenever another tab changes localStorage, except `ignored_key`, for as
/// long as the page lives.
pub fn on_storage_change(ignored_key: &'static str, changed: impl Fn() + 'static) {
    let listener = Closure::<dyn Fn(StorageEvent)>::new(move |event: StorageEvent| {
        if event.key().as_deref() != Some(ignored_key) {
            changed();
        }
    });
    // Never removed, so the closure is leaked rather than kept: it lives as long as the page.
    let _ = window().add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Saves `text` in the browser's downloads as the file `name`.
pub fn download(name: &str, media_type: &str, text: &str) {
    let options = BlobPropertyBag::new();
    options.set_type(media_type);
    let parts = js_sys::Array::of1(&text.into());
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return };
    if let Some(link) = document().create_element("a").ok().and_then(|element| element.dyn_into::<HtmlAnchorElement>().ok()) {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = Url::revoke_object_url(&url);
}

/// The file chosen in the file input with this id, if any.
pub fn chosen_file(input_id: &str) -> Option<File> {
    document().get_element_by_id(input_id)?.dyn_into::<HtmlInputElement>().ok()?.files()?.get(0)
}

/// A file's text; the browser's reason when it cannot be read.
pub async fn file_text(file: &File) -> Result<String, String> {
    match JsFuture::from(file.text()).await {
        Ok(text) => Ok(text.as_string().unwrap_or_default()),
        Err(error) => Err(js_sys::Error::from(error).to_string().into()),
    }
}

/// `2026-11-26`.
pub fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect()
}

/// Loads the console afresh at this URL, in place of the current history entry.
pub fn load(url: &str) {
    let _ = window().location().replace(url);
}

/// Starts the console again.
pub fn reload() {
    let _ = window().location().reload();
}

/// `/meshes/m1/virtual-services?filter=a`, as the address bar shows it.
pub fn current_path_and_query() -> String {
    let location = window().location();
    location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
}

/// The path of the current page, as the address bar has it (percent-encoded).
pub fn current_path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// Replaces the query of the current history entry, if it differs (no navigation), while
/// the page's path still ends with `path_end` (a view built once more as the router leaves
/// it must not write onto the next page's URL).
pub fn replace_query(path_end: &str, query: &str) {
    let location = window().location();
    let (search, path) = (location.search().unwrap_or_default(), current_path());
    if search.strip_prefix('?').unwrap_or(&search) == query || !path.ends_with(path_end) {
        return;
    }
    let url = format!("{path}?{query}");
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

pub fn copy_text(text: &str) {
    let clipboard = window().navigator().clipboard();
    // Browsers give no clipboard outside a secure context.
    if !clipboard.is_undefined() {
        let _ = clipboard.write_text(text);
    }
}

/// Moves focus to the element with this id (the first field in error).
pub fn focus_by_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id).and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Moves the focus to the field with this id once the next frame has drawn it.
pub fn focus_when_shown(id: String) {
    leptos::prelude::request_animation_frame(move || focus_by_id(&id));
}

/// Moves the focus to the page's heading, as after a navigation: keyboard and screen-reader
/// users start there. A page may still be loading, or show one heading then another (a mesh
/// found only once the meshes are read again): for `frames` frames the current heading
/// takes the focus, unless the user has put it elsewhere.
pub fn focus_heading_when_shown(frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        let active = document().active_element();
        if active.as_ref().is_some_and(|element| !matches!(element.tag_name().as_str(), "BODY" | "H1" | "MAIN")) {
            return;
        }
        if let Some(heading) =
            document().query_selector("main h1").ok().flatten().and_then(|heading| heading.dyn_into::<HtmlElement>().ok())
            && active.as_ref() != Some(heading.as_ref())
        {
            heading.set_tab_index(-1);
            let _ = heading.focus();
        }
        if frames > 0 {
            focus_heading_when_shown(frames - 1);
        }
    });
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Asks the browser's own OK / Cancel dialog; true on OK.
pub fn confirm_action(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}

/// The path of the page's `<base href>`, without its trailing slash.
#[cfg(not(feature = "ssr"))]
pub fn base_path() -> String {
    let base = document().base_uri().ok().flatten().and_then(|uri| Url::new(&uri).ok());
    base.map(|url| url.pathname().trim_end_matches('/').to_owned()).unwrap_or_default()
}
