//! The request-matching shapes that routes and gateway routes share: paths, methods,
//! headers, query parameters and gRPC metadata.

use crate::names::*;
use serde::{Deserialize, Serialize};

wire_enum!(
    /// `HttpMethod`.
    HttpMethod {
        Get = "GET",
        Head = "HEAD",
        Post = "POST",
        Put = "PUT",
        Delete = "DELETE",
        Connect = "CONNECT",
        Options = "OPTIONS",
        Trace = "TRACE",
        Patch = "PATCH",
    }
);

/// `HttpPathMatch`: the model makes neither member required, nor the shape a union.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HttpPathMatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exact: Option<HttpPathExact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<HttpPathRegex>,
}

bounded_list!(
    /// `HttpRouteHeaders` and `HttpGatewayRouteHeaders`: 1 to 10 headers.
    HttpRouteHeaders, HttpRouteHeader, 1, 10, "headers"
);

/// `HttpRouteHeader` and `HttpGatewayRouteHeader`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HttpRouteHeader {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invert: Option<bool>,
    #[serde(default, rename = "match", skip_serializing_if = "Option::is_none")]
    pub matcher: Option<HeaderMatchMethod>,
    pub name: HeaderName,
}

/// `HeaderMatchMethod`, and the identical `GrpcRouteMetadataMatchMethod` and `GrpcMetadataMatchMethod`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum HeaderMatchMethod {
    Exact(HeaderMatch),
    Prefix(HeaderMatch),
    Range(MatchRange),
    Regex(HeaderMatch),
    Suffix(HeaderMatch),
}

/// `MatchRange`: `start` is in the range, `end` is not; the model bounds neither.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchRange {
    pub end: i64,
    pub start: i64,
}

bounded_list!(
    /// `HttpQueryParameters`: 1 to 10 query parameters.
    HttpQueryParameters, HttpQueryParameter, 1, 10, "query parameters"
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HttpQueryParameter {
    #[serde(default, rename = "match", skip_serializing_if = "Option::is_none")]
    pub matcher: Option<QueryParameterMatch>,
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryParameterMatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exact: Option<String>,
}

bounded_list!(
    /// `GrpcRouteMetadataList` and `GrpcGatewayRouteMetadataList`: 1 to 10 metadata entries.
    GrpcRouteMetadataList, GrpcRouteMetadata, 1, 10, "metadata entries"
);

/// `GrpcRouteMetadata` and `GrpcGatewayRouteMetadata` have the very shape of a header match.
pub type GrpcRouteMetadata = HttpRouteHeader;
