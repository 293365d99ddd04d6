//! Every URL of the console, in one place: views link with these, never with string literals.

pub const MESHES: &str = "/meshes";

/// A path segment: names may hold characters that mean something in a URL.
pub fn segment(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}
