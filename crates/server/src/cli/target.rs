//! Where a subcommand's calls go: the SQLite file itself, or a running server over plain HTTP.

use crate::storage::Database;
use clap::Args;
use mesh_console_api::ConsoleCall;
use mesh_engine::names::{AccountId, Region};
use mesh_engine::operation::path_segments;
use mesh_engine::{ApiError, Context, ErrorKind, Quotas};
use std::path::PathBuf;

/// One of the two (the check of a file needs neither, so clap does not require one; the
/// subcommands that need one say so when it is missing).
#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct TargetArgs {
    /// The server's SQLite file, opened directly (a running server may share it).
    #[arg(long, value_name = "PATH")]
    data: Option<PathBuf>,
    /// A running server, as http://HOST:PORT (plain HTTP only: no TLS).
    #[arg(long, value_name = "URL")]
    endpoint: Option<String>,
}

/// Who acts, with `--data` (a server decides it for `--endpoint`).
#[derive(Debug, Args)]
pub struct IdentityArgs {
    /// The account that acts, with --data.
    #[arg(long, default_value = mesh_engine::DEFAULT_ACCOUNT, value_parser = |value: &str| AccountId::parse(value).map_err(|error| error.to_string()))]
    pub account: AccountId,
    /// The region written into ARNs, with --data.
    #[arg(long, default_value = mesh_engine::DEFAULT_REGION, value_parser = |value: &str| Region::parse(value).map_err(|error| error.to_string()))]
    pub region: Region,
}

pub enum Target {
    Data { database: Database, account: AccountId, region: Region },
    Endpoint(String),
}

impl Target {
    /// Opens the file (which must exist unless `create`), or names the server.
    pub fn open(target: TargetArgs, identity: IdentityArgs, create: bool) -> Result<Self, String> {
        match (target.data, target.endpoint) {
            (Some(path), _) => {
                if !create && !path.exists() {
                    return Err(format!("{} does not exist", path.display()));
                }
                Ok(Self::Data { database: Database::open(&path)?, account: identity.account, region: identity.region })
            }
            (None, Some(url)) => Ok(Self::Endpoint(url.trim_end_matches('/').to_owned())),
            (None, None) => Err("give --data PATH or --endpoint URL".to_owned()),
        }
    }

    /// One console call: its JSON answer, or its error as the server words it.
    pub async fn call(&self, method: &str, path: &str, query: &[(&str, &str)], body: &str) -> Result<String, ApiError> {
        match self {
            Self::Data { database, account, region } => {
                let segments = path_segments(path)?;
                let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
                let query: Vec<(String, String)> = query.iter().map(|(name, value)| (name.to_string(), value.to_string())).collect();
                let call = ConsoleCall::parse(method, &segments, &query, body.as_bytes())?;
                let context = Context {
                    caller: account.clone(),
                    region: region.clone(),
                    now: crate::api::now(),
                    new_uid: uuid::Uuid::new_v4().to_string(),
                    quotas: Quotas::default(),
                };
                if call.writes() {
                    database.write(context, move |engine| call.run(engine)).await
                } else {
                    database.read(&context, |engine| call.run(engine))
                }
            }
            Self::Endpoint(base) => {
                let query: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(query).finish();
                let url = if query.is_empty() { format!("{base}{path}") } else { format!("{base}{path}?{query}") };
                let unreachable = |error: reqwest::Error| ApiError::new(ErrorKind::ServiceUnavailableException, format!("{url}: {error}"));
                let request = reqwest::Client::new().request(method.parse().expect("a method the subcommands use"), &url);
                let response = request.body(body.to_owned()).send().await.map_err(unreachable)?;
                let status = response.status();
                let text = response.text().await.map_err(unreachable)?;
                if status.is_success() {
                    return Ok(text);
                }
                let error: mesh_engine::error::ErrorBody = serde_json::from_str(&text)
                    .map_err(|_| ApiError::internal(format!("{url} answered {status}, not an App Mesh error: {text}")))?;
                let kind = ErrorKind::from_code(&error.kind).unwrap_or(ErrorKind::InternalServerErrorException);
                Err(ApiError::new(kind, error.message))
            }
        }
    }
}
