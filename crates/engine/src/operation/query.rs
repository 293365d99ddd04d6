//! The query parameters App Mesh calls take, parsed with errors that name the parameter.

use crate::error::ApiError;
use crate::names::{AccountId, InvalidValue, PageLimit, TagsPageLimit};

/// A request's decoded query pairs. A name given twice counts as given once, the first time.
pub(super) struct Query<'a>(pub &'a [(String, String)]);

impl Query<'_> {
    fn text(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    fn optional<T>(&self, name: &str, parse: impl FnOnce(String) -> Result<T, InvalidValue>) -> Result<Option<T>, ApiError> {
        self.text(name).map(|value| parse(value.to_owned()).map_err(|error| invalid(name, &error))).transpose()
    }

    pub fn required(&self, name: &str) -> Result<String, ApiError> {
        self.text(name).map(str::to_owned).ok_or_else(|| ApiError::bad_request(format!("{name}: is required")))
    }

    pub fn next_token(&self) -> Option<String> {
        self.text("nextToken").map(str::to_owned)
    }

    pub fn client_token(&self) -> Option<String> {
        self.text("clientToken").map(str::to_owned)
    }

    /// `limit` of a list: a whole number within App Mesh's page bounds.
    pub fn limit(&self) -> Result<Option<PageLimit>, ApiError> {
        self.optional("limit", |value| PageLimit::new(whole_number(&value)?))
    }

    /// `limit` of ListTagsForResource, whose bounds differ.
    pub fn tags_limit(&self) -> Result<Option<TagsPageLimit>, ApiError> {
        self.optional("limit", |value| TagsPageLimit::new(whole_number(&value)?))
    }

    /// `meshOwner` of a call in a mesh shared with the caller.
    pub fn mesh_owner(&self) -> Result<Option<AccountId>, ApiError> {
        self.optional("meshOwner", AccountId::parse)
    }
}

/// A parameter (query or path label) that does not parse, as a 400 naming it.
pub(super) fn invalid(name: &str, error: &InvalidValue) -> ApiError {
    ApiError::bad_request(format!("{name}: {error}"))
}

fn whole_number(value: &str) -> Result<i64, InvalidValue> {
    value.parse().map_err(|_| InvalidValue(format!("must be a whole number, got {value:?}")))
}
