//! The App Mesh control plane, shared by the companion server (over SQLite) and the
//! browser-only console (over localStorage): wire types with App Mesh's names, values that
//! cannot be invalid, and one engine that applies App Mesh's rules over a [`store::Store`].

pub mod advice;
pub mod engine;
pub mod error;
pub mod input;
pub mod markup;
pub mod mesh_config;
pub mod names;
pub mod operation;
pub mod pagination;
pub mod percent;
pub mod resource;
pub mod spec;
pub mod store;

pub use engine::{Context, DEFAULT_ACCOUNT, DEFAULT_REGION, Engine, MeshAddress, Quotas};
pub use error::{ApiError, ErrorKind};

// On wasm32 the tests run in headless Chromium, where the browser-only console runs.
#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
