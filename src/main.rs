fn main() {
    // A panic's message in the browser console, in builds for development only.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(mesh_console::start());
}
