//! Moving the whole store in and out of the browser as a file.

use crate::web;

/// Saves `text` in the browser's downloads as `mesh-console-store-2026-11-26.json`.
pub fn download(text: &str) {
    web::download(&format!("mesh-console-store-{}.json", web::today()), "application/json", text);
}

/// The text of the file chosen in the file input with this id.
pub async fn read_chosen_file(input_id: &str) -> Result<String, String> {
    let file = web::chosen_file(input_id).ok_or_else(|| "Choose a file to import.".to_string())?;
    web::file_text(&file).await.map_err(|reason| format!("The file could not be read ({reason})."))
}
