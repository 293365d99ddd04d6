//! Signature Version 4, checked: the server recomputes the signature of the request it got with
//! the secret of the key it names, using AWS's own signer (`aws-sigv4`), and compares.
//! Errors name what AWS names: IncompleteSignatureException, UnrecognizedClientException,
//! InvalidSignatureException.

use super::credentials::Credentials;
use aws_sigv4::http_request::{PayloadChecksumKind, SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_types::date_time::{DateTime, Format};
use axum::http::request::Parts;
use mesh_engine::names::{AccountId, Region};
use mesh_engine::{ApiError, ErrorKind};
use std::time::{Duration, SystemTime};
use subtle::ConstantTimeEq;

/// How far a request's date may be from the server's clock, either way (as AWS allows).
pub const ALLOWED_SKEW: Duration = Duration::from_secs(15 * 60);

/// The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`
/// header.
#[derive(Debug, PartialEq, Eq)]
struct Authorization<'a> {
    access_key_id: &'a str,
    region: &'a str,
    service: &'a str,
    signed_headers: Vec<&'a str>,
    signature: &'a str,
}

fn incomplete(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorKind::IncompleteSignatureException, message)
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorKind::InvalidSignatureException, message)
}

const MISMATCH: &str =
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.";

fn parse_authorization(value: &str) -> Result<Authorization<'_>, ApiError> {
    let parameters = value
        .strip_prefix("AWS4-HMAC-SHA256 ")
        .ok_or_else(|| incomplete("Only AWS4-HMAC-SHA256 signatures (Signature Version 4, in the Authorization header) are accepted."))?;
    let parameter = |name: &str| {
        parameters
            .split(',')
            .filter_map(|part| part.trim().split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
            .ok_or_else(|| incomplete(format!("Authorization header requires '{name}' parameter.")))
    };
    let (credential, signed_headers, signature) = (parameter("Credential")?, parameter("SignedHeaders")?, parameter("Signature")?);
    let scope: Vec<&str> = credential.split('/').collect();
    let [access_key_id, _date, region, service, "aws4_request"] = scope[..] else {
        return Err(incomplete(format!(
            "Credential must be ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request, not '{}'.",
            scope.get(1..).map(|rest| rest.join("/")).unwrap_or_default()
        )));
    };
    Ok(Authorization { access_key_id, region, service, signed_headers: signed_headers.split(';').collect(), signature })
}

/// `20251207T124800Z` (the X-Amz-Date format) as a time.
fn parse_amz_date(value: &str) -> Option<SystemTime> {
    let bytes = value.as_bytes();
    let digits_at = |range: std::ops::Range<usize>| bytes.get(range).is_some_and(|part| part.iter().all(u8::is_ascii_digit));
    if bytes.len() != 16 || !digits_at(0..8) || bytes[8] != b'T' || !digits_at(9..15) || bytes[15] != b'Z' {
        return None;
    }
    let rfc3339 = format!("{}-{}-{}T{}:{}:{}Z", &value[0..4], &value[4..6], &value[6..8], &value[9..11], &value[11..13], &value[13..15]);
    DateTime::from_str(&rfc3339, Format::DateTime).ok().and_then(|time| SystemTime::try_from(time).ok())
}

fn amz_date(time: SystemTime) -> String {
    let seconds = DateTime::from_secs(DateTime::from(time).secs());
    seconds.fmt(Format::DateTime).unwrap_or_default().replace(['-', ':'], "")
}

/// The account of a request signed with a key of `credentials`, for `service` in `region`.
pub fn verify(
    credentials: &Credentials,
    request: &Parts,
    body: &[u8],
    region: &Region,
    service: &str,
    now: SystemTime,
) -> Result<AccountId, ApiError> {
    let header = |name: &str| request.headers.get(name).and_then(|value| value.to_str().ok());
    let authorization = parse_authorization(header("authorization").unwrap_or_default())?;
    let key = credentials
        .key(authorization.access_key_id)
        .ok_or_else(|| ApiError::new(ErrorKind::UnrecognizedClientException, "The security token included in the request is invalid."))?;
    if authorization.signed_headers.contains(&"x-amz-security-token") {
        return Err(ApiError::new(
            ErrorKind::UnrecognizedClientException,
            "Session tokens are not accepted here: sign with a key of the server's credentials file.",
        ));
    }
    if !authorization.signed_headers.contains(&"host") || header("host").is_none() {
        return Err(incomplete("The signature must cover the 'host' header."));
    }
    let date = header("x-amz-date").ok_or_else(|| incomplete("Authorization header requires existence of a 'X-Amz-Date' header."))?;
    let time = parse_amz_date(date).ok_or_else(|| incomplete(format!("X-Amz-Date must be YYYYMMDD'T'HHMMSS'Z', not '{date}'.")))?;
    if time + ALLOWED_SKEW < now {
        let (oldest, now) = (amz_date(now - ALLOWED_SKEW), amz_date(now));
        return Err(invalid(format!("Signature expired: {date} is now earlier than {oldest} ({now} - 15 min.)")));
    }
    if time > now + ALLOWED_SKEW {
        let (latest, now) = (amz_date(now + ALLOWED_SKEW), amz_date(now));
        return Err(invalid(format!("Signature not yet current: {date} is still later than {latest} ({now} + 15 min.)")));
    }
    if authorization.region != region.as_str() {
        return Err(invalid(format!(
            "Credential should be scoped to a valid region: this server's is '{region}', not '{}'.",
            authorization.region
        )));
    }
    if authorization.service != service {
        return Err(invalid(format!("Credential should be scoped to correct service: '{service}'.")));
    }

    // Exactly the headers the client signed, as they arrived: the signer adds none of its own
    // but the date and, when signed, the body's hash, which it computes from the body itself.
    let mut headers = Vec::new();
    for name in &authorization.signed_headers {
        for value in request.headers.get_all(*name) {
            headers.push((*name, value.to_str().map_err(|_| invalid(format!("The signed header '{name}' is not text.")))?));
        }
    }
    let mut settings = SigningSettings::default();
    settings.excluded_headers = None;
    if authorization.signed_headers.contains(&"x-amz-content-sha256") {
        settings.payload_checksum_kind = PayloadChecksumKind::XAmzSha256;
    }
    let identity =
        aws_credential_types::Credentials::new(authorization.access_key_id, key.secret.expose(), None, None, "credentials-file").into();
    let parameters = v4::SigningParams::builder()
        .identity(&identity)
        .region(authorization.region)
        .name(authorization.service)
        .time(time)
        .settings(settings)
        .build()
        .map_err(|error| invalid(format!("The request cannot be signed: {error}")))?
        .into();
    let uri = request.uri.path_and_query().map_or("/", |path| path.as_str());
    let signable = SignableRequest::new(request.method.as_str(), uri, headers.into_iter(), SignableBody::Bytes(body))
        .map_err(|error| invalid(format!("The request cannot be signed: {error}")))?;
    let expected = sign(signable, &parameters).map_err(|error| invalid(format!("The request cannot be signed: {error}")))?;
    if bool::from(expected.signature().as_bytes().ct_eq(authorization.signature.as_bytes())) {
        Ok(key.account.clone())
    } else {
        Err(invalid(MISMATCH))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_authorization_header_reads_into_its_parts() {
        let header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20251207/us-east-1/appmesh/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123";
        assert_eq!(
            parse_authorization(header).unwrap(),
            Authorization {
                access_key_id: "AKIDEXAMPLE",
                region: "us-east-1",
                service: "appmesh",
                signed_headers: vec!["host", "x-amz-date"],
                signature: "abc123"
            }
        );
        let refused = |header: &str| parse_authorization(header).unwrap_err();
        assert_eq!(refused("Basic dXNlcjpwYXNz").kind, ErrorKind::IncompleteSignatureException);
        assert_eq!(
            refused("AWS4-HMAC-SHA256 Credential=A/20251207/us-east-1/appmesh/aws4_request, SignedHeaders=host").message,
            "Authorization header requires 'Signature' parameter."
        );
        assert_eq!(
            refused("AWS4-HMAC-SHA256 Credential=A/20251207/us-east-1, SignedHeaders=host, Signature=0").message,
            "Credential must be ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request, not '20251207/us-east-1'."
        );
    }

    #[test]
    fn amz_dates_read_and_write_alike() {
        let time = parse_amz_date("20251207T124800Z").unwrap();
        assert_eq!(amz_date(time), "20251207T124800Z");
        for bad in ["2025-12-07T12:48:00Z", "20251207T124800", "20251307T124800Z", "2025120xT124800Z", ""] {
            assert_eq!(parse_amz_date(bad), None, "{bad}");
        }
    }
}
