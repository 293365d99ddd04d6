//! The browser engine's front door: the console's identity and store answered here, every
//! other call (App Mesh's, the console's own) parsed and run by the engine's tables, as the
//! companion server runs them.

use crate::store_document;
use mesh_console_api::Call;
use mesh_engine::engine::snapshot::Snapshot;
use mesh_engine::names::AccountId;
use mesh_engine::operation::{path_segments, query_pairs};
use mesh_engine::resource::Timestamp;
use mesh_engine::{ApiError, Context, Engine, Quotas};

pub fn handle(method: &str, url: &str, body: &[u8], caller: Option<&str>) -> Result<String, ApiError> {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let segments = path_segments(path)?;
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    match (method, segments.as_slice()) {
        ("GET", ["console-api", "identity"]) => {
            store_document::read(|snapshot| Ok(serde_json::json!({ "account": snapshot.account, "region": snapshot.region }).to_string()))
        }
        ("GET", ["console-api", "store"]) => store_document::export(),
        ("PUT", ["console-api", "store"]) => store_document::import(&String::from_utf8_lossy(body)).map(|()| "{}".to_owned()),
        ("DELETE", ["console-api", "store"]) => store_document::reset().map(|()| "{}".to_owned()),
        _ => engine_call(&mut Browser, method, &segments, query, body, caller),
    }
}

/// Where the door's App Mesh calls run: in the browser, over localStorage and the browser's
/// clock; natively, over whatever a test gives (so both doors are tested with one table).
pub trait Home {
    fn read(&mut self, run: impl FnOnce(&mut Snapshot) -> Result<String, ApiError>) -> Result<String, ApiError>;
    fn write(&mut self, run: impl FnOnce(&mut Snapshot) -> Result<String, ApiError>) -> Result<String, ApiError>;
    fn now(&self) -> Timestamp;
    fn new_uid(&self) -> String;
}

struct Browser;

impl Home for Browser {
    fn read(&mut self, run: impl FnOnce(&mut Snapshot) -> Result<String, ApiError>) -> Result<String, ApiError> {
        store_document::read(run)
    }

    fn write(&mut self, run: impl FnOnce(&mut Snapshot) -> Result<String, ApiError>) -> Result<String, ApiError> {
        store_document::write(run)
    }

    fn now(&self) -> Timestamp {
        now()
    }

    fn new_uid(&self) -> String {
        new_uid()
    }
}

/// One call the engine answers: App Mesh's (parsed and run by the engine's operation table)
/// or the console's own but identity and store (by the console-api table), as `caller` (by
/// default the store's own account), as the companion server runs them.
pub fn engine_call(
    home: &mut impl Home,
    method: &str,
    segments: &[&str],
    query: &str,
    body: &[u8],
    caller: Option<&str>,
) -> Result<String, ApiError> {
    let call = Call::parse(method, segments, &query_pairs(query)?, body)?;
    let writes = call.writes();
    let caller =
        caller.map(|account| AccountId::parse(account).map_err(|error| ApiError::bad_request(format!("caller: {error}")))).transpose()?;
    let (now, new_uid) = (home.now(), home.new_uid());
    let run = |snapshot: &mut Snapshot| {
        let caller = caller.unwrap_or_else(|| snapshot.account.clone());
        let context = Context { caller, region: snapshot.region.clone(), now, new_uid, quotas: Quotas::default() };
        call.run(&mut Engine::new(&mut snapshot.store, &context))
    };
    if writes { home.write(run) } else { home.read(run) }
}

fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

/// A random (version 4) UUID. `crypto.randomUUID` needs a secure context, which a static
/// host on plain HTTP is not; `getRandomValues` works everywhere.
fn new_uid() -> String {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|window| window.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}
