//! Another tab's changes to the browser store arrive as `storage` events; each one makes
//! every view fetch again, so the console never shows what is no longer stored.

use crate::api::use_data_changed;
use wasm_bindgen::closure::Closure;

pub fn follow_other_tabs() {
    let changed = use_data_changed();
    let listener = Closure::<dyn Fn()>::new(move || changed.notify());
    crate::web::on_storage_change(super::preference::KEY, &listener);
    // The console lives as long as the page: the listener does too.
    listener.forget();
}
