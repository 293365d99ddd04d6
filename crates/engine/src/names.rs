//! Values that cannot be invalid once constructed: every string and number bound of the
//! App Mesh model, checked when parsed (from JSON, a path or a query string).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a value was refused; the caller adds the field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidValue(pub String);

impl fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidValue {}

fn check_length(value: &str, min: usize, max: usize) -> Result<(), InvalidValue> {
    let length = value.chars().count();
    if length < min || length > max {
        let expected = if min == max { format!("exactly {min}") } else { format!("{min} to {max}") };
        return Err(InvalidValue(format!("must be {expected} characters long, got {length}")));
    }
    Ok(())
}

/// Names become parts of storage keys, URL paths and ARNs, where `/` and control
/// characters would make them ambiguous.
fn check_name_characters(value: &str) -> Result<(), InvalidValue> {
    match value.chars().find(|c| c.is_control() || *c == '/') {
        Some(c) => Err(InvalidValue(format!("must not contain {c:?}"))),
        None => Ok(()),
    }
}

/// AWS reserves tag keys starting with `aws:`, in any case, for its own tags.
fn check_tag_key(value: &str) -> Result<(), InvalidValue> {
    match value.get(..4) {
        Some(prefix) if prefix.eq_ignore_ascii_case("aws:") => {
            Err(InvalidValue(format!("must not start with \"{prefix}\" (AWS reserves the aws: prefix for its own tags)")))
        }
        _ => Ok(()),
    }
}

macro_rules! bounded_string {
    ($(#[$doc:meta])* $name:ident, $min:expr, $max:expr $(, $extra:expr)?) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub const MIN: usize = $min;
            pub const MAX: usize = $max;

            pub fn parse(value: impl Into<String>) -> Result<Self, InvalidValue> {
                let value = value.into();
                check_length(&value, $min, $max)?;
                $($extra(&value)?;)?
                Ok(Self(value))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidValue;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

bounded_string!(
    /// A mesh, virtual node, virtual router or provider name (`ResourceName`: 1–255).
    ResourceName, 1, 255, check_name_characters
);
bounded_string!(
    /// A virtual service name (`ServiceName`): the model gives no bound; App Mesh's names
    /// are DNS-style, so 1–255 like every other name.
    ServiceName, 1, 255, check_name_characters
);
bounded_string!(
    /// A tag key (`TagKey`: 1–128), not in AWS's reserved `aws:` prefix.
    TagKey, 1, 128, check_tag_key
);
bounded_string!(
    /// A tag value (`TagValue`: 0–256; required but may be empty).
    TagValue, 0, 256
);
bounded_string!(
    /// A file path in a node spec (`FilePath`: 1–255).
    FilePath, 1, 255
);
bounded_string!(
    /// A TLS subject alternative name (1–254).
    SubjectAlternativeName, 1, 254
);
bounded_string!(
    /// A key of a JSON access-log format (1–100).
    JsonKey, 1, 100
);
bounded_string!(
    /// A value of a JSON access-log format (1–100).
    JsonValue, 1, 100
);
bounded_string!(
    /// A text access-log format (1–1000).
    TextFormat, 1, 1000
);
bounded_string!(
    /// A Cloud Map namespace or service name (1–1024).
    AwsCloudMapName, 1, 1024
);
bounded_string!(
    /// A Cloud Map instance attribute key (1–255, `^[a-zA-Z0-9!-~]+$`).
    AwsCloudMapInstanceAttributeKey, 1, 255, check_printable_ascii
);
bounded_string!(
    /// A Cloud Map instance attribute value (1–1024; printable ASCII, inner spaces allowed).
    AwsCloudMapInstanceAttributeValue, 1, 1024, check_attribute_value
);
bounded_string!(
    /// A header or gRPC metadata name to match (`HeaderName`: 1–50).
    HeaderName, 1, 50
);
bounded_string!(
    /// A header or gRPC metadata value to match exactly, by prefix, suffix or regex (`HeaderMatch`: 1–255).
    HeaderMatch, 1, 255
);
bounded_string!(
    /// A gRPC method name to match (`MethodName`: 1–50).
    MethodName, 1, 50
);
bounded_string!(
    /// An exact request path, to match or to rewrite to (`HttpPathExact`: 1–255).
    HttpPathExact, 1, 255
);
bounded_string!(
    /// A regex that request paths must match (`HttpPathRegex`: 1–255).
    HttpPathRegex, 1, 255
);
bounded_string!(
    /// The prefix a gateway route rewrites a request's prefix to (`HttpGatewayRoutePrefix`: 1–255).
    HttpGatewayRoutePrefix, 1, 255
);
bounded_string!(
    /// An HTTP retry event such as `server-error` (`HttpRetryPolicyEvent`: 1–25).
    HttpRetryPolicyEvent, 1, 25
);
bounded_string!(
    /// A host name a gateway route matches exactly (`ExactHostName`: 1–253).
    ExactHostName, 1, 253
);
bounded_string!(
    /// The ending of the host names a gateway route matches (`SuffixHostname`: 1–253).
    SuffixHostname, 1, 253
);
bounded_string!(
    /// An idempotency token: "up to 36 letters, numbers, hyphens, and underscores".
    ClientToken, 1, 36, check_client_token
);

fn check_printable_ascii(value: &str) -> Result<(), InvalidValue> {
    if value.chars().all(|c| ('!'..='~').contains(&c)) {
        Ok(())
    } else {
        Err(InvalidValue("must be printable ASCII without spaces".into()))
    }
}

fn check_attribute_value(value: &str) -> Result<(), InvalidValue> {
    let printable = value.chars().all(|c| c == ' ' || ('!'..='~').contains(&c));
    if printable && !value.starts_with(' ') && !value.ends_with(' ') {
        Ok(())
    } else {
        Err(InvalidValue("must be printable ASCII, with spaces only between other characters".into()))
    }
}

fn check_client_token(value: &str) -> Result<(), InvalidValue> {
    if value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        Ok(())
    } else {
        Err(InvalidValue("must hold only letters, numbers, hyphens and underscores".into()))
    }
}

/// A 12-digit AWS account id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AccountId(String);

impl AccountId {
    pub fn parse(value: impl Into<String>) -> Result<Self, InvalidValue> {
        let value = value.into();
        if value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(value))
        } else {
            Err(InvalidValue(format!("must be 12 digits, got {value:?}")))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AccountId {
    type Error = InvalidValue;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<AccountId> for String {
    fn from(value: AccountId) -> String {
        value.0
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An AWS region name, as it appears in ARNs (`us-east-1`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Region(String);

impl Region {
    pub fn parse(value: impl Into<String>) -> Result<Self, InvalidValue> {
        let value = value.into();
        let well_formed = !value.is_empty()
            && value.len() <= 32
            && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !value.starts_with('-')
            && !value.ends_with('-');
        if well_formed { Ok(Self(value)) } else { Err(InvalidValue(format!("must be a region name such as us-east-1, got {value:?}"))) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Region {
    type Error = InvalidValue;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<Region> for String {
    fn from(value: Region) -> String {
        value.0
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! bounded_integer {
    ($(#[$doc:meta])* $name:ident, $repr:ty, $min:expr, $max:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "i64", into = "i64")]
        pub struct $name($repr);

        impl $name {
            pub const MIN: $repr = $min;
            pub const MAX: $repr = $max;

            pub fn new(value: i64) -> Result<Self, InvalidValue> {
                if value < $min as i64 || value > $max as i64 {
                    let upper = if $max as i64 == i64::MAX {
                        format!("at least {}", $min)
                    } else {
                        format!("between {} and {}", $min, $max)
                    };
                    return Err(InvalidValue(format!("must be {upper}, got {value}")));
                }
                Ok(Self(value as $repr))
            }

            pub fn get(self) -> $repr {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = InvalidValue;
            fn try_from(value: i64) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> i64 {
                value.0 as i64
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

bounded_integer!(
    /// A TCP port (1–65535).
    PortNumber, u16, 1, 65535
);
bounded_integer!(
    /// `limit` of ListMeshes / ListVirtualServices / ListVirtualNodes / ListVirtualRouters (1–100).
    PageLimit, u8, 1, 100
);
bounded_integer!(
    /// `limit` of ListTagsForResource (1–50).
    TagsPageLimit, u8, 1, 50
);
bounded_integer!(
    /// Health check healthy/unhealthy threshold (2–10).
    HealthCheckThreshold, u8, 2, 10
);
bounded_integer!(
    /// Health check interval in milliseconds (5000–300000).
    HealthCheckIntervalMillis, u32, 5000, 300000
);
bounded_integer!(
    /// Health check timeout in milliseconds (2000–60000).
    HealthCheckTimeoutMillis, u32, 2000, 60000
);
bounded_integer!(
    /// Outlier detection maximum ejection percent (0–100).
    MaxEjectionPercent, u8, 0, 100
);
bounded_integer!(
    /// A positive count: connection pool sizes, outlier server errors (at least 1).
    PositiveCount, i64, 1, i64::MAX
);
bounded_integer!(
    /// A duration value (at least 0).
    DurationValue, i64, 0, i64::MAX
);
bounded_integer!(
    /// The order of a route or gateway route, 0 first (`RoutePriority`, `GatewayRoutePriority`: 0–1000).
    RoutePriority, u16, 0, 1000
);
bounded_integer!(
    /// The share of a route's traffic a target gets, relative to the other targets (`PercentInt`: 0–100).
    TargetWeight, u8, 0, 100
);
bounded_integer!(
    /// The most retries of a request (`MaxRetries`: at least 0).
    MaxRetries, i64, 0, i64::MAX
);

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn resource_names_are_1_to_255_characters() {
        assert!(ResourceName::parse("").is_err());
        assert!(ResourceName::parse("a").is_ok());
        assert!(ResourceName::parse("x".repeat(255)).is_ok());
        let error = ResourceName::parse("x".repeat(256)).unwrap_err();
        assert_eq!(error.0, "must be 1 to 255 characters long, got 256");
    }

    #[test]
    fn names_count_characters_not_bytes() {
        assert!(ResourceName::parse("é".repeat(255)).is_ok());
    }

    #[test]
    fn names_refuse_slashes_and_control_characters() {
        assert!(ResourceName::parse("a/b").is_err());
        assert!(ServiceName::parse("a\nb").is_err());
        assert!(ServiceName::parse("my-service.default.svc.cluster.local").is_ok());
    }

    #[test]
    fn account_ids_are_exactly_12_digits() {
        assert!(AccountId::parse("123456789012").is_ok());
        assert!(AccountId::parse("12345678901").is_err());
        assert!(AccountId::parse("12345678901a").is_err());
    }

    #[test]
    fn tag_bounds_follow_the_model() {
        assert!(TagKey::parse("").is_err());
        assert!(TagKey::parse("k".repeat(128)).is_ok());
        assert!(TagKey::parse("k".repeat(129)).is_err());
        assert!(TagValue::parse("").is_ok());
        assert!(TagValue::parse("v".repeat(256)).is_ok());
        assert!(TagValue::parse("v".repeat(257)).is_err());
    }

    #[test]
    fn integers_are_range_checked() {
        assert!(PortNumber::new(0).is_err());
        assert_eq!(PortNumber::new(65535).unwrap().get(), 65535);
        assert_eq!(PortNumber::new(65536).unwrap_err().0, "must be between 1 and 65535, got 65536");
        assert!(PageLimit::new(101).is_err());
        assert!(TagsPageLimit::new(51).is_err());
        assert_eq!(PositiveCount::new(0).unwrap_err().0, "must be at least 1, got 0");
    }

    #[test]
    fn serde_refuses_invalid_values() {
        let parsed: Result<PortNumber, _> = serde_json::from_str("70000");
        assert!(parsed.is_err());
        let parsed: Result<ResourceName, _> = serde_json::from_str("\"ok\"");
        assert_eq!(parsed.unwrap().as_str(), "ok");
    }

    #[test]
    fn client_tokens_are_short_and_plain() {
        assert!(ClientToken::parse("decf3b9d-1192-4cf6-8d1b-b775128d7f20").is_ok());
        assert!(ClientToken::parse("bad token").is_err());
        assert!(ClientToken::parse("x".repeat(37)).is_err());
    }

    #[test]
    fn cloud_map_attribute_patterns() {
        assert!(AwsCloudMapInstanceAttributeKey::parse("stage").is_ok());
        assert!(AwsCloudMapInstanceAttributeKey::parse("a b").is_err());
        assert!(AwsCloudMapInstanceAttributeValue::parse("a b").is_ok());
        assert!(AwsCloudMapInstanceAttributeValue::parse(" a").is_err());
    }
}
