//! Another tab's changes to the browser store arrive as `storage` events; each one makes
//! every view fetch again, so the console never shows what is no longer stored.

use crate::api::use_data_changed;

pub fn follow_other_tabs() {
    let changed = use_data_changed();
    crate::web::on_storage_change(super::preference::KEY, move || changed.notify());
}
