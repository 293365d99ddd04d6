//! Request timeouts as Envoy applies them: App Mesh's default of 15 seconds when none is set,
//! and 0 for none at all.

use mesh_engine::spec::*;
use std::fmt;

/// How long a request may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Limit {
    Millis(u64),
    Unlimited,
}

/// App Mesh's request timeout for routes and listeners that set none (User Guide: Routes).
pub(super) const DEFAULT: Limit = Limit::Millis(15_000);

impl Limit {
    /// A request timeout as a spec holds it: unset, or without its unit or value, is the
    /// default; 0 disables it.
    pub fn of(timeout: Option<&RequestTimeout>) -> Limit {
        match timeout.and_then(|timeout| timeout.per_request.as_ref()).and_then(millis) {
            None => DEFAULT,
            Some(0) => Limit::Unlimited,
            Some(millis) => Limit::Millis(millis),
        }
    }

    pub fn of_listener(listener: &Listener) -> Limit {
        match &listener.timeout {
            Some(ListenerTimeout::Http(timeout) | ListenerTimeout::Http2(timeout) | ListenerTimeout::Grpc(timeout)) => {
                Limit::of(Some(timeout))
            }
            Some(ListenerTimeout::Tcp(_)) | None => DEFAULT,
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Millis(millis) => write!(f, "{}", Millis(*millis)),
            Limit::Unlimited => f.write_str("no time limit"),
        }
    }
}

/// A duration in milliseconds, written in seconds when it is whole seconds.
pub(super) struct Millis(pub u64);

impl fmt::Display for Millis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(1000) { write!(f, "{} s", self.0 / 1000) } else { write!(f, "{} ms", self.0) }
    }
}

/// A duration's length, when it has both its unit and its value.
pub(super) fn millis(duration: &Duration) -> Option<u64> {
    let value = u64::try_from(duration.value?.get()).ok()?;
    Some(match duration.unit? {
        DurationUnit::Seconds => value.saturating_mul(1000),
        DurationUnit::Milliseconds => value,
    })
}
