//! The storage the user chose on the settings page, kept in this browser. Without a choice
//! the console asks the server at start and uses this browser when none answers.

use crate::api::Storage;
use crate::web;

/// Its own localStorage item, apart from the browser store's. index.html reads it too, before
/// the console starts.
pub const KEY: &str = "mesh-console.storage";

pub fn chosen() -> Option<Storage> {
    match web::setting(KEY)?.as_str() {
        "server" => Some(Storage::Server),
        "browser" => Some(Storage::Browser),
        _ => None,
    }
}

/// Keeps a choice (`None`: decide at each start) and starts the console again on it.
pub fn switch_to(storage: Option<Storage>) -> Result<(), String> {
    let value = storage.map(|storage| if storage == Storage::Server { "server" } else { "browser" }.to_owned());
    if !web::set_setting(KEY, value) {
        return Err("This browser does not let the console keep the setting.".into());
    }
    restart();
    Ok(())
}

/// Starts the console again, so that it runs on the storage now chosen.
pub fn restart() {
    web::reload();
}
