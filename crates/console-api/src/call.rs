//! Any call a door carries to the engine: App Mesh's (and RAM's) by the engine's operation
//! table, the console's own by this crate's, told apart by the path's first segment.

use crate::ConsoleCall;
use mesh_engine::operation::Operation;
use mesh_engine::store::Store;
use mesh_engine::{ApiError, Engine};

#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    AppMesh(Box<Operation>),
    Console(ConsoleCall),
}

impl Call {
    /// `/console-api/…` is the console's own; everything else is App Mesh's.
    pub fn parse(method: &str, segments: &[&str], query: &[(String, String)], body: &[u8]) -> Result<Self, ApiError> {
        match segments.first() {
            Some(&"console-api") => ConsoleCall::parse(method, segments, query, body).map(Self::Console),
            _ => Operation::parse(method, segments, query, body).map(|operation| Self::AppMesh(Box::new(operation))),
        }
    }

    /// Whether the door runs it in a write transaction.
    pub fn writes(&self) -> bool {
        match self {
            Self::AppMesh(operation) => operation.writes(),
            Self::Console(call) => call.writes(),
        }
    }

    pub fn run<S: Store + ?Sized>(self, engine: &mut Engine<'_, S>) -> Result<String, ApiError> {
        match self {
            Self::AppMesh(operation) => operation.run(engine),
            Self::Console(call) => call.run(engine),
        }
    }
}
