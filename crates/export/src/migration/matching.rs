//! The request matches that routes and gateway routes share, seen the same way by both
//! migrations.

use mesh_engine::spec::*;

/// The HTTP match members a route and a gateway route have in common.
pub(crate) struct HttpMatch<'a> {
    pub prefix: Option<&'a str>,
    pub path: Option<&'a HttpPathMatch>,
    pub method: Option<HttpMethod>,
    pub headers: &'a [HttpRouteHeader],
    pub query_parameters: &'a [HttpQueryParameter],
}

impl<'a> From<&'a HttpRouteMatch> for HttpMatch<'a> {
    fn from(matcher: &'a HttpRouteMatch) -> Self {
        Self {
            prefix: matcher.prefix.as_deref(),
            path: matcher.path.as_ref(),
            method: matcher.method,
            headers: matcher.headers.as_ref().map_or(&[], |headers| headers.as_slice()),
            query_parameters: matcher.query_parameters.as_ref().map_or(&[], |parameters| parameters.as_slice()),
        }
    }
}

impl<'a> From<&'a HttpGatewayRouteMatch> for HttpMatch<'a> {
    fn from(matcher: &'a HttpGatewayRouteMatch) -> Self {
        Self {
            prefix: matcher.prefix.as_deref(),
            path: matcher.path.as_ref(),
            method: matcher.method,
            headers: matcher.headers.as_ref().map_or(&[], |headers| headers.as_slice()),
            query_parameters: matcher.query_parameters.as_ref().map_or(&[], |parameters| parameters.as_slice()),
        }
    }
}

/// A gRPC route's or gateway route's metadata matches.
pub(crate) fn metadata(list: &Option<GrpcRouteMetadataList>) -> &[GrpcRouteMetadata] {
    list.as_ref().map_or(&[], |list| list.as_slice())
}

/// What a dropped match condition means for the rule.
pub(crate) const WIDER: &str = "the rule now matches requests App Mesh did not send to it";
