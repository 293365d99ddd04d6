//! A page the companion server drew (`prerender`) stays on screen while the console starts:
//! the console draws its own apart, unseen, and puts it in the drawn page's place once its
//! views have their first answers, so that the rows do not give way to "Loading…" (unless an
//! answer takes longer than [`LONGEST_WAIT_MS`]).

use crate::api::first_answers_awaited;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The longest the drawn page stays once the console is ready: a view still waiting then
/// shows its own loading state.
const LONGEST_WAIT_MS: f64 = 2_000.0;

/// The page the server drew for this visit, if it drew one.
pub fn drawn_page() -> Option<Element> {
    document().get_element_by_id("prerendered")
}

/// Mounts the console in place of `drawn`, once its first answers have come.
pub fn mount_over<V: IntoView + 'static>(drawn: Element, console: impl FnOnce() -> V + 'static) {
    let root: HtmlElement = document().create_element("div").expect("a document makes elements").unchecked_into();
    root.set_class_name("console-root");
    leptos::mount::mount_to(root.clone(), console).forget();
    swap_when_answered(drawn, root, js_sys::Date::now() + LONGEST_WAIT_MS);
}

fn swap_when_answered(drawn: Element, root: HtmlElement, deadline: f64) {
    if first_answers_awaited() == 0 || js_sys::Date::now() >= deadline {
        let _ = drawn.replace_with_with_node_1(&root);
        return;
    }
    request_animation_frame(move || swap_when_answered(drawn, root, deadline));
}
