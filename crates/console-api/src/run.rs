//! Running a console call on the engine, and its answer as JSON.

use crate::ConsoleCall;
use crate::{described, export, import, insight};
use mesh_engine::store::Store;
use mesh_engine::{ApiError, Engine};
use serde::Serialize;

impl ConsoleCall {
    /// Runs the call as the engine's caller, and answers the body of its success.
    pub fn run<S: Store + ?Sized>(self, engine: &mut Engine<'_, S>) -> Result<String, ApiError> {
        match self {
            Self::Described { mesh, list } => described::described(engine, &mesh, &list),
            Self::Findings { mesh } => insight::findings(engine, &mesh),
            Self::Catalogue => insight::checks(),
            Self::Check(code) => insight::check(code),
            Self::Topology { mesh, focus } => insight::topology(engine, &mesh, focus.as_ref()),
            Self::Export { mesh, format, target } => export::export(engine, &mesh, format, &target),
            Self::PreviewVirtualService { mesh, format, input } => export::preview_virtual_service(engine, &mesh, format, *input),
            Self::PlanImport(request) => import::plan(engine, &request),
            Self::ApplyImport(request) => import::apply(engine, &request),
        }
    }
}

pub(crate) fn json(output: &impl Serialize) -> Result<String, ApiError> {
    serde_json::to_string(output).map_err(|error| ApiError::internal(format!("The answer could not be written: {error}")))
}
