//! App Mesh errors: the modelled exception names and their HTTP status codes.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorKind {
    BadRequestException,
    ConflictException,
    ForbiddenException,
    InternalServerErrorException,
    LimitExceededException,
    NotFoundException,
    ResourceInUseException,
    ServiceUnavailableException,
    TooManyRequestsException,
    TooManyTagsException,
    /// AWS RAM (mesh sharing): a resource ARN that names nothing the caller owns.
    UnknownResourceException,
    /// AWS RAM: an ARN that is not one.
    MalformedArnException,
    /// AWS RAM: a parameter out of bounds.
    InvalidParameterException,
    /// A method and path that name no operation. Not NotFoundException: a client with
    /// idempotent deletes reads that as "already deleted" and carries on.
    UnknownOperationException,
    /// A request with no signature (and, at the console, no session), on a server that
    /// checks them (`--credentials`).
    MissingAuthenticationTokenException,
    /// An access key id the server does not know, or a console session that has ended.
    UnrecognizedClientException,
    /// A signature that does not match the request, or whose date is too far from now.
    InvalidSignatureException,
    /// An `Authorization` header that is not a whole SigV4 signature.
    IncompleteSignatureException,
}

impl ErrorKind {
    pub fn http_status(self) -> u16 {
        match self {
            Self::BadRequestException
            | Self::LimitExceededException
            | Self::TooManyTagsException
            | Self::UnknownResourceException
            | Self::MalformedArnException
            | Self::InvalidParameterException
            // 400 as AWS's JSON services answer it: the request is at fault, and no client
            // that tests only the status (404) takes it for a resource that is gone.
            | Self::UnknownOperationException => 400,
            Self::ForbiddenException
            | Self::MissingAuthenticationTokenException
            | Self::UnrecognizedClientException
            | Self::InvalidSignatureException
            | Self::IncompleteSignatureException => 403,
            Self::NotFoundException => 404,
            Self::ConflictException | Self::ResourceInUseException => 409,
            Self::TooManyRequestsException => 429,
            Self::InternalServerErrorException => 500,
            Self::ServiceUnavailableException => 503,
        }
    }

    /// The name clients match on (`x-amzn-ErrorType` and `__type`).
    pub fn code(self) -> &'static str {
        match self {
            Self::BadRequestException => "BadRequestException",
            Self::ConflictException => "ConflictException",
            Self::ForbiddenException => "ForbiddenException",
            Self::InternalServerErrorException => "InternalServerErrorException",
            Self::LimitExceededException => "LimitExceededException",
            Self::NotFoundException => "NotFoundException",
            Self::ResourceInUseException => "ResourceInUseException",
            Self::ServiceUnavailableException => "ServiceUnavailableException",
            Self::TooManyRequestsException => "TooManyRequestsException",
            Self::TooManyTagsException => "TooManyTagsException",
            Self::UnknownResourceException => "UnknownResourceException",
            Self::MalformedArnException => "MalformedArnException",
            Self::InvalidParameterException => "InvalidParameterException",
            Self::UnknownOperationException => "UnknownOperationException",
            Self::MissingAuthenticationTokenException => "MissingAuthenticationTokenException",
            Self::UnrecognizedClientException => "UnrecognizedClientException",
            Self::InvalidSignatureException => "InvalidSignatureException",
            Self::IncompleteSignatureException => "IncompleteSignatureException",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        // Clients strip anything after ':' (botocore does the same).
        let code = code.split(':').next().unwrap_or(code);
        [
            Self::BadRequestException,
            Self::ConflictException,
            Self::ForbiddenException,
            Self::InternalServerErrorException,
            Self::LimitExceededException,
            Self::NotFoundException,
            Self::ResourceInUseException,
            Self::ServiceUnavailableException,
            Self::TooManyRequestsException,
            Self::TooManyTagsException,
            Self::UnknownResourceException,
            Self::MalformedArnException,
            Self::InvalidParameterException,
            Self::UnknownOperationException,
            Self::MissingAuthenticationTokenException,
            Self::UnrecognizedClientException,
            Self::InvalidSignatureException,
            Self::IncompleteSignatureException,
        ]
        .into_iter()
        .find(|kind| kind.code() == code)
    }
}

/// An error as App Mesh answers it: a kind (status and code) and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into() }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::BadRequestException, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFoundException, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ConflictException, message)
    }

    pub fn in_use(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ResourceInUseException, message)
    }

    pub fn limit_exceeded(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::LimitExceededException, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ForbiddenException, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InternalServerErrorException, message)
    }

    /// The JSON body App Mesh sends: `{"__type": …, "message": …}`.
    pub fn body(&self) -> ErrorBody {
        ErrorBody { kind: self.kind.code().to_string(), message: self.message.clone() }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.code(), self.message)
    }
}

impl std::error::Error for ApiError {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    #[serde(rename = "__type", default)]
    pub kind: String,
    #[serde(default)]
    pub message: String,
}
