//! The console's own calls under `/console-api/`, described once for both front doors (the
//! server and the browser engine) as the engine's [`Operation`](mesh_engine::operation::Operation)
//! describes App Mesh's: a [`ConsoleCall`] is parsed from a request's method, path, query and
//! body, says whether it writes, and runs on an [`Engine`](mesh_engine::Engine), answering
//! JSON. The doors only carry bytes and choose the transaction. The store document and the
//! caller's identity stay with the doors: they are about the store, not the engine.

mod call;
mod date;
mod described;
mod export;
mod import;
mod insight;
mod parse;
mod query;
mod run;

pub use call::Call;
pub use described::DescribedList;
pub use export::ExportTarget;
pub use import::ImportRequest;

use mesh_engine::MeshAddress;
use mesh_engine::input::CreateVirtualServiceInput;
use mesh_engine::names::ServiceName;
use mesh_export::Format;
use mesh_insight::Code;

/// One of the console's own calls, its inputs parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum ConsoleCall {
    /// Every resource of a list, each as its Describe answers it: one call for a list page.
    Described { mesh: MeshAddress, list: DescribedList },
    /// The configuration checks' findings on a mesh.
    Findings { mesh: MeshAddress },
    /// Every check: code, severity, kind, title.
    Catalogue,
    /// One check with its explanation.
    Check(Code),
    /// The mesh's laid-out graph, optionally focused on a virtual service.
    Topology { mesh: MeshAddress, focus: Option<ServiceName> },
    /// The mesh, or one resource of it, in a format.
    Export { mesh: MeshAddress, format: Format, target: ExportTarget },
    /// A virtual service not created yet, as the create request describes it, in a format.
    PreviewVirtualService { mesh: MeshAddress, format: Format, input: Box<CreateVirtualServiceInput> },
    /// What importing a file would do.
    PlanImport(ImportRequest),
    /// Imports a file: all of it, or nothing.
    ApplyImport(ImportRequest),
}

impl ConsoleCall {
    /// Whether the call may change the store: the doors run it in a write transaction.
    pub fn writes(&self) -> bool {
        matches!(self, Self::ApplyImport(_))
    }
}

// On wasm32 the tests run in headless Chromium, where the browser-only console runs.
#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
