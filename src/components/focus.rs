//! Moving focus to the first field in error.

use leptos::wasm_bindgen::JsCast;

pub fn focus_by_id(id: &str) {
    let element = web_sys::window().and_then(|window| window.document()).and_then(|document| document.get_element_by_id(id));
    if let Some(element) = element.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
