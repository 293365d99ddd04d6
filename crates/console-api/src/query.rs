//! The query parameters of the console's calls, parsed with errors that name the parameter.

use mesh_engine::ApiError;
use mesh_engine::names::AccountId;

/// A request's decoded query pairs. A name given twice counts as given once, the first time.
pub struct Query<'a>(pub &'a [(String, String)]);

impl Query<'_> {
    pub fn text(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    pub fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.text(name).ok_or_else(|| ApiError::bad_request(format!("{name}: is required")))
    }

    /// `meshOwner`, as App Mesh's calls take it for a mesh shared with the caller.
    pub fn mesh_owner(&self) -> Result<Option<AccountId>, ApiError> {
        self.text("meshOwner")
            .map(|value| AccountId::parse(value.to_owned()).map_err(|error| ApiError::bad_request(format!("meshOwner: {error}"))))
            .transpose()
    }
}
